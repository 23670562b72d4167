"""Extraction mechanisms that held-out callers showed missing (P4, English). Wordings here are
new ones, not the held-out personas': each test names the mechanism, not an instance."""

from __future__ import annotations

import pytest

from dialogue import load_scenario
from dialogue.conversation.passing import in_passing, not_today
from dialogue.extract import extract
from dialogue.extract_concepts import spans

EN = load_scenario("daily_checkin_en")


def _class(item_id: str, text: str) -> str | None:
    return extract(EN.item(item_id), text, language="en").answer_class


@pytest.mark.parametrize(
    ("item_id", "text", "truth"),
    [
        # a near keyword ("got" ~ "good") yields to what the concepts say: a bad night
        ("sleep", "I was up half the night, the wind got into the chimney", "poorly"),
        ("sleep", "the cat woke me three times in the night", "poorly"),
        # a concept under a negator is its opposite, as the examples' "nothing hurts" is
        ("health", "not an ache anywhere, which is a wonder", "none"),
        # the thing asked about, had; an answer that echoes the question's verb
        ("medication", "the nurse lays my tablets out and I had them after breakfast", "taken"),
        ("medication", "the box is empty so I must have done", "taken"),
        ("medication", "had both my heart tablets at nine, first thing", "taken"),
        ("medication", "I haven't had my heart tablets yet", "missed"),
        ("medication", "come to think of it I don't think I did", "missed"),
        ("outing", "it was bucketing down so I stayed at home", "stayed_in"),
        # an answer resting on light words only ("had", "nothing") yields to a sure reading
        ("meal", "I had a mouthful or two of soup and couldn't face the rest", "little"),
        ("health", "just my hip playing up again, nothing new there", "pain"),
    ],
)
def test_concepts_read_what_the_keywords_miss(item_id, text, truth) -> None:
    assert _class(item_id, text) == truth


def test_a_negator_does_not_reach_past_punctuation() -> None:
    assert ("NOT_FOOD", "porridge") not in spans("I didn't skip it, no, porridge as usual")
    assert ("NOT_FOOD", "porridge") in spans("no porridge for me")


@pytest.mark.parametrize(
    ("item_id", "text"),
    [
        ("meal", "you've had a busy morning by the sound of it"),  # the agent's doing
        ("sleep", "I used to sleep in the afternoons when I worked on the buses"),  # long ago
        ("medication", "Yesterday I took them after my tea"),  # another day
    ],
)
def test_what_is_not_the_speakers_today_answers_nothing(item_id, text) -> None:
    assert _class(item_id, text) is None


def test_a_habit_still_answers_today_and_a_past_habit_does_not() -> None:
    assert _class("medication", "I take them every morning with my tea") == "taken"
    assert not_today("I used to walk to the shops every day", "en")
    assert not not_today("I walk to the shops every day", "en")


def test_answers_in_passing_are_read_sentence_by_sentence() -> None:
    # a habit told first, then today: today's sentence still answers in passing
    text = (
        "The blackbird sings on the fence every morning. "
        "I had a boiled egg at nine and swallowed my heart tablet with it."
    )
    found = {e.item_id: e.answer_class for e in in_passing(EN, ["medication"], text)}
    assert found == {"medication": "taken"}
    assert in_passing(EN, ["medication"], "Years ago I swallowed my tablets with gin.") == []
