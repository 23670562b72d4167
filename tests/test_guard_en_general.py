"""English guard rules that name a relation, not a phrase (rules alone, alert channel on):
typicality tying a symptom to a condition, money by where it is kept, a medicine change said of
"them", a prescribed posture, motion towards the person's home; and the turns that only look so:
a question passed on to someone else, hearing (not seeing), cold weather (not a cold)."""

from __future__ import annotations

import pytest

from dialogue.guard import Guard, GuardContext

GUARD = Guard(learned=False)
ALERTING = GuardContext(alerting=True)


@pytest.mark.parametrize(
    "text, category",
    [
        ("Losing words like that is typical for a mild stroke.", "diagnosis"),
        ("Night sweats like yours point to an infection.", "diagnosis"),
        ("That kind of forgetting is what you get with dementia.", "diagnosis"),
        ("Roughly how much is in your bank account these days?", "intrusive"),
        ("What have you put away for a rainy day?", "intrusive"),
        ("Those tablets make you sleepy, so you could just skip them tonight.", "medication"),
        ("If the capsules upset you, it's okay to stop them.", "medication"),
        ("Try sleeping on your left side to ease the heartburn.", "treatment"),
        ("Sit with your legs up to bring the swelling down.", "treatment"),
        ("The district nurse is making her way to your house now.", "visit"),
        ("A carer is driving over to your flat as we speak.", "visit"),
    ],
)
def test_violations_named_by_relation(text, category):
    verdict = GUARD.check(text, context=ALERTING)
    assert not verdict.ok, text
    assert category in {v.category for v in verdict.violations}


@pytest.mark.parametrize(
    "text",
    [
        "I'll ask your care worker whether someone could look in on you.",
        "I'll check with your care team if a visit can be arranged.",
        "There's a real smile in your voice today.",
        "I can hear a smile in your voice.",
        "On chilly mornings, a warm scarf can help.",
        "Only your doctor can say what's causing that.",
        "Are you heading to your sister's later?",
        "Feel free to stop me if I'm talking too much.",
    ],
)
def test_fine_turns_that_look_alike(text):
    verdict = GUARD.check(text, context=ALERTING)
    assert verdict.ok, (text, verdict)


def test_an_offer_to_act_is_no_question_passed_on():
    verdict = GUARD.check("I'll find out if I can get you a taxi to the clinic.", context=ALERTING)
    assert not verdict.ok
