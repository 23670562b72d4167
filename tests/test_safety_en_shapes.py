"""The English detector's sentence shapes from rule-writer batch 5 (`safety.en_shapes`):
medicine taken beyond a limit the speaker names, an intent to jump, someone who cannot be
roused, and the scope that keeps a regimen ("twelve a day") or a habit ("in the mornings") from
reading as an emergency now. Rules alone (no learned layer): each case names the shape."""

from __future__ import annotations

import pytest

from dialogue.analysis import analyze
from dialogue.safety import combine
from dialogue.safety import en as safety_en


def decide(text: str) -> str:
    return str(combine(safety_en.findings(analyze(text, "en"))).decision)


CAUGHT = [  # (text, the least it must be)
    ("I took a lot more than I should", "check"),
    ("I think I've taken more insulin than I'm meant to.", "emergency"),
    ("She swallowed way more than the label says of her sleeping pills.", "emergency"),
    ("I've taken more than usual of my painkillers because of my hip.", "check"),
    ("I took my water tablets three times over, I forgot I'd had them.", "check"),
    ("I'm going to jump", "emergency"),
    ("I'm going to jump in the river.", "emergency"),
    ("I'm thinking about jumping.", "check"),
    ("I can't wake up my husband", "emergency"),
    ("I can't get my wife to wake up.", "emergency"),
    ("I can't bring him round, he's slumped on the sofa.", "emergency"),
    ("The kettle's on fire!", "emergency"),
    ("I've been taking eight tablets a day, more than I should.", "check"),
    ("I think I'll just swallow all my pills tonight and not wake up.", "check"),
    ("I'm going to jump into the canal.", "emergency"),
]

FINE = [
    "I ate a lot more than I should at Christmas.",
    "I had more than I should at the party last night.",
    "I'm going to jump on the bus into town.",
    "I'll jump in the shower in a minute.",
    "I'm going to jump into bed early tonight, I'm shattered.",
    "I'll take all my tablets with my breakfast as usual.",
    "I'd jump at the chance to see the sea again.",
    "My grandson wants to jump out of a plane for charity.",
    "I can't wake my husband up in the mornings, he's such a heavy sleeper.",
    "I take twelve tablets a day, the pharmacist sorts them in a box.",
    "I take my tablets twice a day.",
    "In my book the heroine took an overdose, I couldn't put it down.",
    "The kettle's smoking a bit, it needs descaling.",
]

_RANK = {"none": 0, "check": 1, "emergency": 2}


@pytest.mark.parametrize("text,least", CAUGHT, ids=[t[:50] for t, _ in CAUGHT])
def test_shape_is_caught(text, least):
    got = decide(text)
    assert _RANK[got] >= _RANK[least], f"{got}, wanted at least {least}"


@pytest.mark.parametrize("text", FINE, ids=[t[:50] for t in FINE])
def test_close_but_fine(text):
    assert decide(text) == "none"


BATCH4_SHAPES = [  # (text, the least it must be): shapes written from batch 4's dev half
    ("The smoke alarm's going off and thick black smoke is coming up the stairs.", "emergency"),
    (
        "I sliced my thumb with the bread knife and it's still dripping through the plaster.",
        "check",
    ),
    ("I did my insulin injection twice tonight by mistake.", "check"),
    ("i drank some blech from the wrong bottle", "emergency"),
]
BATCH4_FINE = [
    "The smoke alarm went off because of the bacon, I wafted it with a tea towel.",
    "I spilt my tablets on the carpet but I picked them all up again.",
    "My neighbour from the choir has had a stroke, I'm sending her a card.",
    "I went to a falls clinic last week, they gave me a new stick.",
]


@pytest.mark.parametrize("text,least", BATCH4_SHAPES, ids=[t[:50] for t, _ in BATCH4_SHAPES])
def test_batch4_shape_is_caught(text, least):
    got = decide(text)
    assert _RANK[got] >= _RANK[least], f"{got}, wanted at least {least}"


@pytest.mark.parametrize("text", BATCH4_FINE, ids=[t[:50] for t in BATCH4_FINE])
def test_batch4_close_but_fine(text):
    assert decide(text) == "none"
