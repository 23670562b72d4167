"""Mechanisms found on the second held-out callers (P4): a mood answered in passing only when
the words say so, a concept said inside a sentence, a remark before a bad-news answer, a
caller who says goodbye, the safety check's relief said once, and the bench crediting the
reaction that follows a safety check. Every wording here is our own."""

from __future__ import annotations

import random

import pytest

from dialogue import DialogueEngine, Recipient, load_scenario
from dialogue.caller import SimulatedCaller, load_persona
from dialogue.conversation import Retriever
from dialogue.conversation.passing import in_passing
from dialogue.conversation.steer import Reactions, answer_reaction, beside
from dialogue.conversation.terms import clauses, terms
from dialogue.engine import AgentTurn
from evaluation.chatty import is_check
from tests.test_engine import Clock

EN = load_scenario("daily_checkin_en")
KO = load_scenario("daily_checkin_ko")


def test_a_stray_feeling_word_in_another_answer_does_not_answer_the_mood() -> None:
    items = ["mood", "meal", "outing"]
    # a recognizer's garble beside an answer about pain: one word, said of nobody
    assert in_passing(EN, items, "since thursday, out of worried now") == []
    assert in_passing(EN, items, "two weeks or so, sad really") == []
    assert in_passing(EN, items, "i am worried now") == []  # "about a week now", misheard
    # said of oneself, the same words answer it
    said = {
        x.item_id: x.answer_class for x in in_passing(EN, items, "since monday, I'm so worried")
    }
    assert said == {"mood": "low"}
    said = {x.item_id: x.answer_class for x in in_passing(EN, items, "and I feel so lonely")}
    assert said == {"mood": "low"}


def test_a_mood_named_in_other_words_is_answered_in_passing() -> None:
    text = "I went down to the market with my sister and I'm feeling on top of the world"
    said = {x.item_id: x.answer_class for x in in_passing(EN, ["mood"], text)}
    assert said == {"mood": "good"}
    # naming the item alone says nothing of how it went
    assert in_passing(EN, ["sleep"], "then I went off to sleep") == []


def test_the_demo_misread_leaves_the_mood_question_to_be_asked() -> None:
    e = DialogueEngine(EN, recipient=Recipient("r1", "Margaret"), clock=Clock())
    e.opening()
    e.reply("yes")
    asked = []
    turn = e.reply("yes I had toast")
    for answer in ["fine thanks", "my hip hurts", "out of worried now", "yes", "no"]:
        asked.append(turn.item_id)
        turn = e.reply(answer)
    mood = next(r for r in e.report().items if r.item_id == "mood")
    assert mood.status != "answered" or mood.evidence != "worried"
    assert turn.item_id == "mood" or "mood" in asked


@pytest.mark.parametrize(
    ("language", "text", "situation"),
    [
        ("en", "There's thick frost on the car and I had to scrape it for ages this morning",
         "weather_cold"),
        ("en", "I've got my dominoes set out on the kitchen table for later", "games_hobby"),
        ("en", "Listen to me going on and on, my sister always said I'd talk for England",
         "apology_rambling"),
        ("ko", "젊었을 적에는 나룻배 타고 장에 다니고 그랬어요", "memories_past"),
        ("ko", "의원 대기실이 꽉 차서 한참 앉아 있었어요", "hospital_visit"),
    ],
)  # fmt: skip
def test_a_concept_said_inside_a_sentence_fits_its_situation(language, text, situation) -> None:
    found = Retriever.for_language(language).find(text, limit=3)
    assert situation in [c.situation.id for c in found], found


def test_old_days_phrases_in_korean_join_the_morphemes() -> None:
    assert "옛날" in terms("어렸을 때는 다들 그렇게 살았어요", "ko")
    assert "옛날" not in terms("오늘 때를 밀었어요", "ko")
    assert clauses("영감 보내고 나서는 적적해요", "ko") == ["영감 보내고 나서는", "적적해요"]


def test_an_evidence_word_inside_another_word_does_not_carry_the_answer() -> None:
    text = "I made a fruit cake yesterday for the church fair. Yes, I went to the shop."
    story = "I made a fruit cake yesterday for the church fair"
    assert beside(text, "yes … went to", "en") == story


def test_a_remark_before_a_bad_news_answer_is_what_the_turn_carries() -> None:
    retriever = Retriever.for_language("en")
    text = "Sorry, I do go on and on. I was awake half the night with my cough."
    r = answer_reaction(
        retriever, "sleep", "poorly", text, "awake", Reactions(random.Random(0)), flagged=True
    )
    assert r is not None and r.situation == "apology_rambling"
    rambling = retriever.bank.get("apology_rambling").reactions
    said = r.text
    for line in rambling:
        said = said.replace(line, "")
    assert said.strip()  # the bad night got its own empathy too


def test_a_caller_who_says_goodbye_hangs_up() -> None:
    caller = SimulatedCaller(load_persona("margaret_en"), EN)
    move = caller.move("take care margaret goodbye")
    assert move.text and move.hangup
    assert caller.move("hello").text is None


def test_the_safety_checks_relief_is_said_once_a_call() -> None:
    e = DialogueEngine(EN, recipient=Recipient("r1", "Margaret"), clock=Clock())
    e.heard(e.opening(), "", True)
    turns = [e.reply("yes")]
    for said in ["my chest feels tight", "no", "I can't breathe well at night", "no"]:
        turns.append(e.reply(said))
        e.heard(turns[-1], turns[-1].text, True)
    relief = "I'm glad to hear that."
    assert sum(t.text.count(relief) for t in turns) <= 1


def test_the_bench_tells_a_safety_check_question() -> None:
    checks = ["Are you having trouble breathing right now?"]
    assert is_check(AgentTurn("Are you having trouble breathing right now?", "clarify"), checks)
    assert not is_check(AgentTurn("How did you sleep last night?", "question"), checks)
