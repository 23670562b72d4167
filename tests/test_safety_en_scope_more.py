"""Scope that generalises over wordings (rules alone): a "gone" that goes on is no resolution,
people named by kind ("lads", "thugs") are someone, a "when" under a question about what one
does is a general case, and a sharp thing in the body with a flow of blood is asked about."""

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
        "My leg won't stop bleeding, it's gone through two towels.",
        "My arm won't stop bleeding and it's gone all down my front.",
    ],
)
def test_gone_into_a_place_or_state_does_not_resolve(text):
    assert decide(text) == "emergency"


@pytest.mark.parametrize(
    "text", ["The pain in my chest has gone now.", "My chest hurt but it's gone."]
)
def test_gone_alone_still_resolves(text):
    assert decide(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "Some lads are kicking my husband outside the front gate.",
        "Two thugs are hitting my son.",
        "A couple of youths are punching my grandson in the street right now.",
    ],
)
def test_people_named_by_kind_are_someone(text):
    assert decide(text) == "emergency"


@pytest.mark.parametrize(
    "text, want",
    [
        ("What do you do when you smell smoke?", "none"),
        ("How do I know when it's a stroke?", "none"),
        ("What do I do when my chest is this tight, it's hurting now?", "emergency"),
        ("What do I do, my husband's collapsed and he's not breathing.", "emergency"),
    ],
)
def test_when_under_a_question_about_what_one_does(text, want):
    assert decide(text) == want


@pytest.mark.parametrize(
    "text, want",
    [
        ("The secateurs went into my palm and it's dripping, there's a puddle.", "check"),
        ("The bread knife slipped and it's pouring.", "check"),
        ("I'm sharpening the knife, the kettle's dripping.", "none"),
        ("I cut the bread with a knife and the tap was running.", "none"),
    ],
)
def test_a_sharp_thing_in_the_body(text, want):
    assert decide(text) == want


@pytest.mark.parametrize(
    "text, want",
    [
        ("My foot's gone cold and white and I can't feel it.", "check"),
        ("I scalded my hand with the kettle and the skin's come off.", "check"),
        ("I'm that weak I can't get out of my chair.", "check"),
        ("My hands go white in the cold weather, always have.", "none"),
        ("My face went red when he said that.", "none"),
        ("I was too weak to walk far after the op years ago.", "none"),
    ],
)
def test_a_part_of_the_body_gone_a_colour_or_too_weak(text, want):
    assert decide(text) == want
