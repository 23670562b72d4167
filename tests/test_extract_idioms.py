"""English answers that say the item without its words, and negations of saying (session 10):
a consequence or an idiom is read as a concept (`dialogue.extract_concepts`), "I can't say I've
eaten" negates what it introduces, and "pain free" is no pain unless a second negation cancels
it. Wordings are new ones, written for the mechanism, not taken from any extraction batch."""

from __future__ import annotations

import pytest

from dialogue import load_scenario
from dialogue.extract import extract

EN = load_scenario("daily_checkin_en")


def _class(item_id: str, text: str) -> str | None:
    return extract(EN.item(item_id), text, language="en", dont_know=EN.dont_know).answer_class


@pytest.mark.parametrize(
    ("item_id", "text", "truth"),
    [
        # consequences and idioms, read as concepts the item's own answers name
        ("meal", "Not a crumb left, I polished it off.", "ate"),
        ("sleep", "I never stirred once, not a peep.", "well"),
        ("sleep", "I was up at three and again at five.", "poorly"),
        ("health", "Oh I'm right as rain, dear.", "none"),
        ("mood", "I've been whistling while I do the dishes.", "good"),
        ("outing", "I've sat by the fire with my knitting.", "stayed_in"),
        ("medication", "The tablets are still sitting on the windowsill.", "missed"),
        ("medication", "I popped the morning ones out of the blister pack.", "taken"),
    ],
)
def test_consequences_and_idioms(item_id, text, truth):
    assert _class(item_id, text) == truth


@pytest.mark.parametrize(
    ("item_id", "text", "truth"),
    [
        ("meal", "I don't think I've eaten anything yet.", "skipped"),
        ("meal", "I can't say I've had breakfast, no.", "skipped"),
        ("health", "I'm pain free, touch wood.", "none"),
        ("health", "my hip is pain free these days", "none"),
        ("health", "I couldn't say I'm pain free, my knee's stiff.", "pain"),  # two cancel
        ("meal", "I think I've eaten, yes.", "ate"),  # saying, not negated, negates nothing
    ],
)
def test_negated_saying_and_free(item_id, text, truth):
    assert _class(item_id, text) == truth


def test_a_concept_of_another_item_answers_nothing_here():
    # a stayed-in idiom says nothing of a meal: concepts count only where the item's own
    # answers name them
    assert _class("meal", "I've sat by the fire all day.") is None


@pytest.mark.parametrize(
    ("item_id", "text", "truth"),
    [
        ("sleep", "Well, I was up at four and again at six.", "poorly"),  # "well," opens
        ("sleep", "Oh well, I was up and down half the night.", "poorly"),
        ("health", "Nothing's aching today, thank goodness.", "none"),  # "nothing's" negates
        ("medication", "I must have, the box for today is empty.", "taken"),
        ("medication", "Same as always, without fail, with my cuppa.", "taken"),
        ("mood", "I feel blessed, really.", "good"),
    ],
)
def test_fillers_contractions_and_routine_idioms(item_id, text, truth):
    assert _class(item_id, text) == truth


def test_the_safety_reading_of_negation_is_not_widened():
    # An emergency must never be talked away: "I don't think I ..." reaches over its clause
    # for an answer's class only, not for the plain negation the safety detectors use.
    from dialogue.extract import _exact, _negated, _negated_answer
    from dialogue.text import normalize

    norm = normalize("I don't think I can breathe properly")
    phrases = EN.item("sleep").answers[0].model_copy(update={"keywords": ["breathe"]})
    [match] = _exact("x", phrases, norm, False)
    assert _negated(norm, match, False) is None
    assert _negated_answer(norm, match, False) is not None
