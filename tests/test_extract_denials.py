"""Negations that cancel or reach further than the next word, both languages
(`dialogue.extract._negated_answer`, `dialogue.extract_lemmas`): a denied saying ("I can't say
it doesn't hurt"), a thing said to be absent a few words on (아픈 데 하나 없이), "never" (깬 적
없이), and a negated staying in (I didn't stay in) that is going out."""

from __future__ import annotations

import pytest

from dialogue.extract import extract
from dialogue.scenario import load_scenario

EN = load_scenario("daily_checkin_en")
KO = load_scenario("daily_checkin_ko")
VACCINE = load_scenario("vaccination_followup_ko")


@pytest.mark.parametrize(
    ("item", "text", "truth"),
    [
        ("health", "I can't tell you it doesn't ache, my hip is sore today.", "pain"),
        ("outing", "Didn't stay in at all, I was off to the post office first thing.", "went_out"),
        ("outing", "Not this morning, I don't reckon, no.", "stayed_in"),  # a hedged no is no
        ("health", "It does not hurt at all.", "none"),  # one negation still negates
    ],
)
def test_english(item: str, text: str, truth: str) -> None:
    assert extract(EN.item(item), text).answer_class == truth


@pytest.mark.parametrize(
    ("scenario", "item", "text", "truth"),
    [
        (KO, "health", "요즘은 쑤시는 곳 하나 없어요.", "none"),
        (VACCINE, "symptoms", "몸살이나 두통 그런 건 하나도 없었어요.", "none"),
        (KO, "sleep", "한 번도 깬 적 없이 아침까지 잤어요.", "well"),
    ],
)
def test_korean(scenario, item: str, text: str, truth: str) -> None:
    assert extract(scenario.item(item), text, language="ko").answer_class == truth


def test_a_word_that_begins_with_an_is_no_negation() -> None:
    """안방 (the inner room) is not 안 (not) before 방: staying in the inner room is staying in,
    now that a negated staying in reads as going out."""
    heat = load_scenario("heatwave_checkin_ko")
    text = "낮에는 안방에만 누워 있었어요."
    assert extract(heat.item("outing"), text, language="ko").answer_class == "stayed_in"
