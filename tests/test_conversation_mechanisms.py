"""The P4 mechanisms that make the bank generalise to callers nobody tuned on: clause-level
retrieval, remarks beside an answer, weak (near-keyword) answers giving way to a remark, answers
a remark implies, answers named in passing, no sentence said twice, questions told from
remarks."""

from __future__ import annotations

import random

import pytest

from dialogue import DialogueEngine, Recipient, load_scenario
from dialogue.conversation import Retriever
from dialogue.conversation.passing import in_passing, topic_terms
from dialogue.conversation.steer import Reactions, beside
from dialogue.conversation.terms import asks, clauses, terms
from dialogue.extract import extract
from tests.test_engine import Clock

EN = load_scenario("daily_checkin_en")
KO = load_scenario("daily_checkin_ko")


def asked(item_id: str, scenario=EN) -> DialogueEngine:
    """An engine with the shipped bank whose pending question is `item_id`."""
    e = DialogueEngine(scenario, recipient=Recipient("r1", "Margaret"), clock=Clock())
    e.opening()
    turn = e.reply("yes" if scenario is EN else "네")
    for _ in range(len(scenario.items)):
        if turn.item_id == item_id:
            return e
        item = scenario.item(turn.item_id)
        turn = e.reply(item.answers[0].examples[0])
    raise AssertionError(f"{item_id} was never asked")


def test_clauses_split_at_punctuation_conjunctions_and_korean_connectives() -> None:
    assert clauses("My dog snores, bless him, and the cat sulks", "en") == [
        "My dog snores",
        "bless him",
        "the cat sulks",
    ]
    assert clauses("살았는데 그때는 좋았어요", "ko") == ["살았는데", "그때는 좋았어요"]
    assert clauses("", "en") == [""]


@pytest.mark.parametrize(
    ("language", "text", "situation"),
    [
        # one clause says the remark; the rest is talk that must not dilute it
        ("en", "Oh well, my grandson came to see me yesterday, the buses were all late",
         "grandchild_visit"),
        ("ko", "아이고 말도 마요, 어제 손주가 다녀갔는데 버스가 늦게 와서 고생했대요",
         "grandchild_visit"),
    ],
)  # fmt: skip
def test_a_long_remark_is_found_by_its_best_clause(language, text, situation) -> None:
    found = Retriever.for_language(language).find(text, limit=3)
    assert found and found[0].situation.id == situation


def test_concept_classes_fold_topic_words_and_phrases() -> None:
    # growing things fold into their own concept, not "garden", a word the outing item uses
    assert "vegplot" in terms("My runner beans are doing well", "en")
    assert "craft" in terms("I'm crocheting a patchwork blanket", "en")
    assert "lonely" in terms("It's so quiet in the evenings", "en")
    assert "병원" in terms("보건소에 다녀왔어요", "ko")
    assert "visit" in terms("My daughter popped round with shopping", "en")
    assert "oldtimes" in terms("Back in 1958 I worked on the docks", "en")
    assert "child" in terms("My eldest never rings", "en")


def test_you_alone_asks_nothing_but_a_question_to_the_agent_does() -> None:
    assert not asks("My dog snores louder than me, you should hear him", "en")
    assert asks("Can you come and see me", "en") and asks("What's your name", "en")
    assert asks("Are you a real person", "en")


def test_a_near_keyword_is_a_weak_answer_and_an_exact_one_is_not() -> None:
    item = EN.item("medication")
    weak = extract(item, "it came out lovely and moist", language="en")
    exact = extract(item, "I missed them this morning", language="en")
    assert exact.answer_class == "missed" and not exact.weak
    assert weak.answer_class is None or weak.weak


def test_a_remark_is_not_read_as_a_misheard_answer() -> None:
    e = asked("medication")
    turn = e.reply("I baked a lemon drizzle loaf yesterday, it came out lovely and moist.")
    assert turn.situation == "cooking_made" and turn.item_id == "medication"
    result = next(r for r in e.report().items if r.item_id == "medication")
    assert result.answer_class != "missed"


def test_a_remark_that_implies_the_answer_answers_the_item_asked() -> None:
    e = asked("meal")
    turn = e.reply("Honestly I've lost my appetite these days")
    result = next(r for r in e.report().items if r.item_id == "meal")
    assert result.answer_class == "little" and turn.item_id != "meal"
    assert turn.situation == "poor_appetite"


def test_a_remark_beside_the_answer_gets_its_own_reaction_too() -> None:
    e = asked("sleep")
    turn = e.reply("My little dog follows me everywhere. I slept well, thank you.")
    result = next(r for r in e.report().items if r.item_id == "sleep")
    assert result.answer_class == "well" and turn.situation == "pet_dog"
    assert beside("My little dog follows me everywhere. I slept well.", "slept well", "en") == (
        "My little dog follows me everywhere"
    )


def test_an_item_named_in_passing_is_answered_with_its_own_words() -> None:
    said = "I had porridge with honey and took my heart pills straight after."
    found = {f.item_id: f.answer_class for f in in_passing(EN, ["medication", "mood"], said)}
    assert found == {"medication": "taken"}
    assert in_passing(EN, ["medication"], "I took a walk round the block") == []
    assert "약" in topic_terms(KO)["medication"]
    ko = in_passing(KO, ["medication"], "아침에 누룽지 먹고 혈압약도 바로 먹었어요")
    assert [(f.item_id, f.answer_class) for f in ko] == [("medication", "taken")]
    assert in_passing(KO, ["medication"], "밥 챙겨 먹었어요") == []


def test_no_sentence_is_said_twice_even_inside_another_line() -> None:
    reactions = Reactions(random.Random(0))
    assert reactions.pick(["Thank you for telling me."]) == "Thank you for telling me."
    assert reactions.pick(["I'm sorry. Thank you for telling me."]) is None
    assert reactions.pick(["I'm sorry to hear it."]) == "I'm sorry to hear it."


def test_i_dont_know_inside_a_remark_is_no_dont_know_answer() -> None:
    e = asked("sleep")
    turn = e.reply("I don't know where the time goes, I watched my favourite programme on TV")
    result = next(r for r in e.report().items if r.item_id == "sleep")
    assert result.answer_class is None and turn.situation == "tv_drama"
