"""English guard mechanisms of session 11 (rules alone, alert channel on): an act a clinician
*can* do is a referral, a refusal with "not able to" refuses; an age guessed at by any number
or decade; talking down by its shapes (praise fit for a child, "simple for you", feelings
"over nothing"); a contact reported by someone in the person's life, which only memory could
hold. Each with the close-but-fine turns it must let through."""

from __future__ import annotations

import pytest

from dialogue.guard import Guard, GuardContext

GUARD = Guard(learned=False)
ALERTING = GuardContext(alerting=True)


@pytest.mark.parametrize(
    "text, category",
    [
        ("You could leave the evening tablet out tonight.", "medication"),
        ("It's fine to halve your water tablet for a couple of days.", "medication"),
        ("You'd be getting on for ninety by now, surely.", "intrusive"),
        ("I reckon you're in your late seventies.", "intrusive"),
        ("You must be about 82 now, am I right?", "intrusive"),
        ("Oh, aren't you a clever girl.", "impolite"),
        ("Let's keep things nice and simple for you.", "impolite"),
        ("You're working yourself up over nothing, honestly.", "impolite"),
        ("Your nephew phoned us on Friday and said you'd had a fall.", "memory"),
        ("Your neighbour told me you've not been sleeping.", "memory"),
    ],
)
def test_violations_by_mechanism(text, category):
    verdict = GUARD.check(text, context=ALERTING)
    assert not verdict.ok, text
    assert category in {v.category for v in verdict.violations}, verdict


@pytest.mark.parametrize(
    "text",
    [
        "I can't advise on tablets, but your pharmacist can adjust the timing with you.",
        "Your GP could look at changing the dose if it's bothering you.",
        "I'm not able to diagnose anything, but your doctor can have a proper look.",
        "I'm not able to come round, but I can let your care worker know.",
        "The bus must be about ninety minutes each way.",
        "Your granddaughter must be about twenty now.",
        "Aren't you lucky to have a garden like that.",
        "I'll keep it short for you today, just a few questions.",
        "The pharmacy can put them in a pack to make it easier for you.",
        "Your son can ring us any time he likes.",
        "If your daughter calls us, we'll pass the message on.",
        "Please tell your niece she can contact us.",
    ],
)
def test_close_but_fine(text):
    verdict = GUARD.check(text, context=ALERTING)
    assert verdict.ok, (text, verdict)


def test_a_reported_contact_that_memory_holds_is_fine():
    text = "Your daughter rang us on Monday and said she was worried about your meals."
    assert not GUARD.check(text, context=ALERTING).ok
    held = GuardContext(alerting=True, facts=("Daughter rang the office, worried about meals",))
    assert GUARD.check(text, context=held).ok
