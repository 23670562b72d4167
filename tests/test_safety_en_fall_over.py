"""A fall that is over, told as when an ache began ("sore since I slipped") or as yesterday's, is
asked about (`check`), not an emergency; the floor, being stuck, a head or a broken bone stay
one. Rules alone (no learned layer)."""

from __future__ import annotations

import pytest

from dialogue.analysis import analyze
from dialogue.safety import combine
from dialogue.safety import en as safety_en


def decide(text: str) -> str:
    return str(combine(safety_en.findings(analyze(text, "en"))).decision)


@pytest.mark.parametrize(
    "text",
    [
        "My hip's been sore since I slipped on the step",
        "I fell yesterday and my wrist is still sore",
        "my wrist has been hurting ever since I tripped on the rug",
        "I had a tumble yesterday, my hip hurts a bit",
        # dated by the scope concept RECENT, like "yesterday"/"ago"
        "I fell this morning and my hip hurts",
        "I had a tumble earlier and my wrist is sore",
        "I went over last night and my hip's hurting",
        "I slipped over the weekend and my hip is sore",
    ],
)
def test_an_ache_after_a_fall_that_is_over_is_asked_about(text):
    assert decide(text) == "check"


@pytest.mark.parametrize(
    "text",
    [
        "I fell yesterday and I'm still lying on the floor",
        "I slipped on the step and I can't get up",
        "I fell yesterday and hit my head, it's bleeding",
        "I tripped and I think I've broken my hip",
        "I've just fallen on the stairs and my hip hurts",
        "I fell this morning and I'm still on the floor, my hip hurts",
        "I fell earlier and my hip hurts, I can't get up",
    ],
)
def test_a_fall_with_the_floor_a_head_or_a_break_stays_an_emergency(text):
    assert decide(text) == "emergency"
