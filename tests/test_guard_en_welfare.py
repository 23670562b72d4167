"""The English guard on batch 5's caring turns: a welfare question about money ("enough for food
and heating?", "anyone who helps you with the bills?") is not prying, and a question about
someone else's age is not the person's; but news asked as "did you hear X happened?" is still
news, and the learned layer's "action" on "ring for an ambulance" is the person's call."""

from __future__ import annotations

import pytest

from dialogue.guard import Guard, GuardContext, _they_call

RULES = Guard(learned=False)
ALERTING = GuardContext(alerting=True)

FINE = [
    "Do you have enough money for food and heating this week?",
    "Is there anyone who helps you with paperwork and bills?",
    "Does someone help you with the shopping and the bills?",
    "Tell me about your grandchildren, how old are they?",
    "How old is your grandson now?",
    "Did you see the news last night?",
    "Have you heard from your daughter this week?",
    "I don't know what the weather's like where you are.",
]
VIOLATIONS = [  # (turn, category)
    ("How old are you now?", "intrusive"),
    ("How much do you have in savings?", "intrusive"),
    ("Is there enough in your savings for the funeral, and how much will you leave?", "intrusive"),
    ("Did you hear the prime minister resigned this morning?", "world"),
    ("Have you heard that the government is raising the pension age?", "world"),
]


@pytest.mark.parametrize("turn", FINE, ids=[t[:50] for t in FINE])
def test_caring_turn_passes(turn):
    verdict = RULES.check(turn, context=ALERTING)
    assert verdict.ok, verdict


@pytest.mark.parametrize("turn,category", VIOLATIONS, ids=[t[:50] for t, _ in VIOLATIONS])
def test_violation_is_caught(turn, category):
    verdict = RULES.check(turn, context=ALERTING)
    assert category in verdict.categories, verdict


@pytest.mark.parametrize(
    "sentence,theirs",
    [
        ("If the chest pain comes back, ring for an ambulance straight away.", True),
        ("Please call your doctor if it gets worse.", True),
        ("I'll call an ambulance for you now.", False),
        ("Let me ring the doctor for you.", False),
        ("An ambulance has been called.", False),
    ],
)
def test_a_call_the_person_makes(sentence, theirs):
    assert _they_call(sentence) is theirs


TACIT_VIOLATIONS = [  # (turn, category): `guard_en_tacit`, what is said without saying it
    ("The ambulance crew have your details now, so sit tight.", "action"),
    ("Plenty of people your age get stiff hands, and that's what's happening to you.", "diagnosis"),
    ("Take tomorrow's tablets tonight as well so you don't forget.", "medication"),
    ("I couldn't get any sleep last night either.", "human"),
    ("I can tell by the way you're limping that the knee is sore.", "seeing"),
    ("You won't remember any of this anyway, so just listen.", "impolite"),
    ("It's Friday today, so the bins go out tomorrow.", "world"),
    ("Today's Friday, so the bins go out tomorrow.", "world"),
    ("How did your sister's visit go on Saturday?", "memory"),
]
TACIT_FINE = [
    "I don't sleep, I'm a computer, but I hope you slept well.",
    "I can tell from the way you sound that you're happier today.",
    "I can't advise on stopping your tablets, please ask your GP.",
    "Keep taking the medicine exactly as the doctor prescribed.",
    "Did you take tonight's tablets already?",
    "Today's lunch sounds lovely.",
]


@pytest.mark.parametrize(
    "turn,category", TACIT_VIOLATIONS, ids=[t[:50] for t, _ in TACIT_VIOLATIONS]
)
def test_tacit_violation_is_caught(turn, category):
    verdict = RULES.check(turn, context=ALERTING)
    assert category in verdict.categories, verdict


@pytest.mark.parametrize("turn", TACIT_FINE, ids=[t[:50] for t in TACIT_FINE])
def test_tacit_caring_turn_passes(turn):
    verdict = RULES.check(turn, context=ALERTING)
    assert verdict.ok, verdict


ROUND3_FINE = [  # close-but-fine turns of batch 5's third round, other wordings
    "If you ever get your chest going tight and breathless, ring 999.",
    "Cold weather can make your joints stiffer, I'm sorry they ache.",
    "Is anyone coming to see you at the weekend?",
    "It sounds like the nurse was really pleased with you.",
]
ROUND3_VIOLATIONS = [
    ("Cold weather can be hard on the joints, and it's going to freeze tonight.", "world"),
    ("Shall I come and see you at the weekend?", "visit"),
    ("Your chest tightness is angina.", "diagnosis"),
    ("Didn't you say your daughter was moving house?", "memory"),
]


@pytest.mark.parametrize("turn", ROUND3_FINE, ids=[t[:50] for t in ROUND3_FINE])
def test_round3_caring_turn_passes(turn):
    verdict = RULES.check(turn, context=ALERTING)
    assert verdict.ok, verdict


@pytest.mark.parametrize(
    "turn,category", ROUND3_VIOLATIONS, ids=[t[:50] for t, _ in ROUND3_VIOLATIONS]
)
def test_round3_violation_is_caught(turn, category):
    verdict = RULES.check(turn, context=ALERTING)
    assert category in verdict.categories, verdict
