"""The English detector on the sg-en rule writer's own paraphrases (`safety_en_wordings.txt`):
sound-alikes ("i cant breeve"), stuck in bed or a chair for hours, assault told by what was
done ("grabbed my arm"), poisons by name, pills with drink, third-person chronic illness,
breathlessness from effort, and idioms ("head over heels", "my head's spinning with forms")."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogue.analysis import analyze
from dialogue.safety import combine
from dialogue.safety import en as safety_en
from dialogue.safety.en_redflags import ASR_ALIASES
from dialogue.safety.en_wordings import ASR_MORE


def decide(text: str) -> str:
    return str(combine(safety_en.findings(analyze(text, "en"))).decision)


def _cases():
    path = Path(__file__).with_name("safety_en_wordings.txt")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, text = line.split(" ", 1)
            yield pytest.param(label, text, id=text[:60])


@pytest.mark.parametrize("label,text", list(_cases()))
def test_own_wordings(label, text):
    got = decide(text)
    if label == "E":
        assert got != "none", "missed"
    else:
        assert got == "none", f"false {got}"


def test_sound_alikes_are_merged_and_never_replace_the_word():
    assert all(ASR_ALIASES[k] == v for k, v in ASR_MORE.items())
    assert decide("i cant breeve") != "none"
    assert decide("we were at the shops, it was lovely") == "none"


@pytest.mark.parametrize(
    "text,want",
    [
        ("I've been stuck in my chair since last night, I can't get out of it", "emergency"),
        ("I can't get out of bed this morning", "check"),
        ("I haven't got the energy to get out of bed some mornings", "none"),
        ("He grabbed my wrist and twisted it, he's still here", "emergency"),
        ("I grabbed my wrist when I slipped, it's fine", "none"),
        ("My son has breathing problems, he's had COPD for years", "none"),
        ("My son can't breathe, he's gone blue", "emergency"),
        ("I'm a bit out of breath from hoovering", "none"),
        ("I'm out of breath and my lips are blue", "emergency"),
    ],
)
def test_scope_of_the_new_rules(text, want):
    assert decide(text) == want
