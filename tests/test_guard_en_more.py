"""The English guard on the sg-en rule writer's own turns (`guard_en_wordings.txt`), and the
checks of `dialogue.guard_en_more`: a capitalised brand in a recommendation, "still" that
presumes an earlier call, "it's nothing", supplements, talking down, seasons and sport."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogue.analysis import analyze
from dialogue.guard import Guard, GuardContext

GUARD = Guard(learned=False)
ALERTING = GuardContext(alerting=True)


def _cases():
    path = Path(__file__).with_name("guard_en_wordings.txt")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, text = line.split(" ", 1)
            yield pytest.param(label, text, id=text[:60])


@pytest.mark.parametrize("label,text", list(_cases()))
def test_own_turns(label, text):
    verdict = GUARD.check(text, context=ALERTING)
    assert verdict.ok == (label == "F"), verdict


@pytest.mark.parametrize(
    "text",
    [
        "You should really try Spotify, it has all the old songs.",
        "Have you heard of Glow Tonic? It's brilliant for energy.",
        "Is your back still playing up?",
        "Are you still having problems with the landlord?",
        "Did you enjoy the party you were looking forward to?",
        "Honestly, it's probably nothing.",
        "A little turmeric every morning would help those joints.",
        "Good girl, you've eaten everything.",
        "Easter is just around the corner.",
    ],
)
def test_more_violations(text):
    assert not GUARD.check(text, context=ALERTING).ok


@pytest.mark.parametrize(
    "text",
    [
        "You could ask Mary next door if she can help with the shopping.",
        "Have you thought about what you'd like for lunch?",
        "Do you still enjoy gardening?",
        "If the pain is still there tomorrow, please call your doctor.",
        "You said your knee is still sore; please mention it to your doctor.",
        "Is there anything you're worried about at the moment?",
        "That sounds frustrating, especially when you were looking forward to it.",
        "It's nothing to be ashamed of, everyone needs help sometimes.",
        "I'm so sorry about your friend.",
        "I don't have any record of our earlier calls, so how have you been?",
        "How are you getting on with the new tablets?",
        "Are you still there?",
        "On Monday your care worker usually rings, doesn't she?",
    ],
)
def test_close_but_fine(text):
    verdict = GUARD.check(text, context=ALERTING)
    assert verdict.ok, verdict


def test_case_is_kept_beside_the_lower_cased_text():
    a = analyze("Have you tried Netflix?", "en")
    assert a.text == "have you tried netflix?" and a.cased[a.tokens[-1].start] == "N"
    assert GUARD.check("have you tried netflix?", context=ALERTING).ok  # no capital: unknown
