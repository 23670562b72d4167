"""Korean keywords matched on lemmas (`dialogue.extract_lemmas`): an answer in an ending the
scenario's written keywords do not list is heard, negation still reverses it, and a keyword of
a noun or an adverb alone is left to the written rules."""

from __future__ import annotations

import pytest

from dialogue.extract import extract_rules
from dialogue.extract_lemmas import CONFIDENCE, keyword_lemmas
from dialogue.scenario import load_scenario

DAILY = load_scenario("daily_checkin_ko")


def test_keyword_lemmas() -> None:
    assert keyword_lemmas("깼어") == ("깨다",)
    assert keyword_lemmas("못 잤") == ("못", "자다")
    assert keyword_lemmas("아직") == ()  # an adverb alone says nothing
    assert keyword_lemmas("집에만") == ()  # the particle was the point: the written rule's


@pytest.mark.parametrize(
    "item, text, expected",
    [
        ("sleep", "새벽에 두세 번은 깼을걸요.", "poorly"),
        ("sleep", "밤새 자꾸 깨더라고.", "poorly"),
    ],
)
def test_unlisted_endings_are_heard(item: str, text: str, expected: str) -> None:
    found = extract_rules(DAILY.item(item), text, language="ko", dont_know=DAILY.dont_know)
    assert found.answer_class == expected
    assert found.confidence <= CONFIDENCE or found.evidence  # below the written rules


def test_negation_reverses_a_lemma_match() -> None:
    found = extract_rules(DAILY.item("sleep"), "밤에 깨지는 않았어요.", language="ko")
    assert found.answer_class != "poorly"


def test_nothing_read_into_other_words() -> None:
    found = extract_rules(DAILY.item("outing"), "집에 손님이 왔어.", language="ko")
    assert found.answer_class is None
