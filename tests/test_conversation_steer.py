"""Reacting and steering, pure: which reaction, whether to follow a topic up, how to return,
and answers given in passing (specific evidence only)."""

from __future__ import annotations

import random

from conversation_kit import EN, FakeRetriever, Situation

from dialogue import load_scenario
from dialogue.caller import load_persona
from dialogue.conversation.passing import in_passing, specific_items
from dialogue.conversation.steer import (
    Reactions,
    answer_reaction,
    beside,
    gentle_return,
    says_more,
    steer_remark,
)
from scenarios import list_personas

SCENARIO = load_scenario("daily_checkin_en")
KO = load_scenario("daily_checkin_ko")
REACTIONS = lambda: Reactions(random.Random(0))  # noqa: E731
GRANDCHILD = next(s for s in EN if s.id == "grandchild_visit")


def test_no_reaction_is_said_twice_and_a_spent_situation_gives_none() -> None:
    reactions = Reactions(random.Random(1))
    said = [steer_remark(GRANDCHILD, reactions, topics_done=set(), has_time=True)]
    said.append(steer_remark(GRANDCHILD, reactions, topics_done=set(), has_time=True))
    texts = [s.reaction.text for s in said if s]
    assert len(texts) == 2 and len(set(texts)) == 2 and set(texts) == set(GRANDCHILD.reactions)
    assert steer_remark(GRANDCHILD, reactions, topics_done=set(), has_time=True) is None


def test_the_same_seed_picks_the_same_reactions() -> None:
    picks = [Reactions(random.Random(7)).pick(GRANDCHILD.reactions) for _ in range(2)]
    assert picks[0] == picks[1]


def test_a_topic_is_followed_up_once_and_only_while_there_is_time() -> None:
    topics: set[str] = set()
    first = steer_remark(GRANDCHILD, Reactions(random.Random(0)), topics_done=topics, has_time=True)
    assert first and first.follow_up == "What did you two do together?"
    assert topics == {"grandchild_visit"}
    again = steer_remark(GRANDCHILD, Reactions(random.Random(0)), topics_done=topics, has_time=True)
    assert again and again.follow_up == ""  # the same topic again: react, then return
    late = steer_remark(GRANDCHILD, Reactions(random.Random(0)), topics_done=set(), has_time=False)
    assert late and late.follow_up == ""


def test_an_answer_gets_its_own_reaction_unless_a_remark_clearly_says_more() -> None:
    bank = FakeRetriever()
    r = answer_reaction(bank, "meal", "ate", "yes i ate", "yes … ate", REACTIONS(), flagged=False)
    assert r and r.situation == "meal.ate"
    said = "i had lunch with my neighbour today"
    r = answer_reaction(bank, "meal", "ate", said, "had lunch", REACTIONS(), flagged=False)
    assert r and r.situation == "neighbour_meal"
    # Bad news is not met with a cheerful remark.
    bank = FakeRetriever([*EN, Situation("sleep.poorly", "answer", "empathy", reactions=("Oh.",))])
    said = "badly, my grandson visited yesterday and stayed late"
    r = answer_reaction(bank, "sleep", "poorly", said, "badly", REACTIONS(), flagged=True)
    # ... the answer's empathy comes first; the turn carries the remark it also reacted to.
    assert r and r.text.startswith("Oh. ") and r.situation == "grandchild_visit"
    r = answer_reaction(None, "meal", "ate", "yes", "yes", REACTIONS(), flagged=False)
    assert r is None  # no bank: the scenario's own line


def test_says_more_counts_the_words_besides_the_evidence() -> None:
    assert not says_more("yes I took them", "yes … took")
    assert says_more("yes I took them after breakfast with my tea", "yes … took")


def test_the_clause_that_carries_a_split_answer_is_not_a_remark_beside_it() -> None:
    # evidence "yes … took" is in the one clause: nothing is left to react to on its own
    # (it was read whole, and "pills ... better" drew "What a relief that it's improving")
    assert beside("yes i took my pills better breakfast", "yes … took", "en") == ""
    text = "My cat slept on my feet all night. Not too bad, I was up once."
    assert beside(text, "not too bad … up once", "en") == "My cat slept on my feet all night"


def test_the_return_to_the_question_is_not_a_reprompt() -> None:
    reactions = Reactions(random.Random(3))
    lines = {gentle_return("Did you eat today?", "en", reactions) for _ in range(4)}
    assert len(lines) == 4  # four different wordings before any comes back
    for line in lines:
        assert line.endswith(". Did you eat today?")  # the question stays a sentence of its own
        assert "again?" not in line and "didn't catch" not in line
    assert gentle_return("오늘 식사는 하셨어요?", "ko", reactions).endswith("오늘 식사는 하셨어요?")


def test_answers_in_passing_need_evidence_specific_to_the_item() -> None:
    items = [i.id for i in SCENARIO.items]
    said = "I had lunch with my neighbour and then we walked to the market"
    found = {x.item_id: x.answer_class for x in in_passing(SCENARIO, items, said)}
    assert found == {"meal": "ate", "outing": "went_out"}
    for generic in [
        "yes",
        "no",
        "fine thanks",
        "not yet",
        "I took a walk",
        "I went to sleep",
        "A friend from church came to see me",  # not an outing
    ]:
        assert in_passing(SCENARIO, items, generic) == [], generic
    assert {x.answer_class for x in in_passing(SCENARIO, ["health"], "my knee hurts")} == {"pain"}
    cheerful = {x.item_id: x.answer_class for x in in_passing(SCENARIO, items, "I woke up happy")}
    assert cheerful == {"mood": "good"}  # woke up: not a bad night
    ko = [i.id for i in KO.items]
    found = {x.item_id for x in in_passing(KO, ko, "잠을 설쳤어요 그래도 시장에는 다녀왔어요")}
    assert found == {"sleep", "outing"}
    assert in_passing(KO, ko, "네 먹었어요") == []  # 먹었: a meal or a medicine
    assert in_passing(KO, ko, "복지관에서 스마트폰 쓰는 법을 배워요") == []  # not 마트
    assert in_passing(KO, ko, "옆집에서 김치를 줬어요") == []  # not 집에서: stayed in
    assert in_passing(KO, ko, "트로트 듣는 걸 좋아해요") == []  # 좋아: fine, or "likes"
    # another day is not today: "went to the market on Sunday" is not today's outing
    assert in_passing(SCENARIO, items, "I went to the market on Sunday") == []
    assert in_passing(KO, ko, "어제 시장에 다녀왔어요") == []
    assert {x.item_id for x in in_passing(KO, ko, "어젯밤에 잠을 설쳤어요")} == {"sleep"}
    # a keyword two items listen for is never evidence for either
    meal = {k for a in specific_items(SCENARIO)["meal"].answers for k in a.keywords}
    assert "yes" not in meal and "had lunch" in meal


def test_no_shipped_persona_answer_gives_a_false_answer_in_passing() -> None:
    # Each persona line, read for every item it was NOT said to: what it gives must be true.
    given = false = 0
    for name in list_personas():
        persona = load_persona(name)
        scenario = load_scenario(persona.scenario)
        for key in persona.answers:
            others = [i.id for i in scenario.items if i.id != key]
            for line in persona.lines(key) if key != "identity" else []:
                for x in in_passing(scenario, others, line):
                    given += 1
                    false += persona.truths.get(x.item_id) != x.answer_class
    assert false == 0, f"{false} of {given} answers in passing are false"
