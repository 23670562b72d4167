"""English emergency detection, continued: the red-flag fallback, ASR slips and the broad
layer (a topic and a word of trouble, by meaning). `test_safety_en.py` holds the analysis,
the categories and their scope, and the detector around them.

The sentences here are the tests' own (none from the evaluation set), so they show what the
rules mean; `carecall safety eval` measures them on the project's labelled cases.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogue.analysis import analyze
from dialogue.safety import CATEGORIES, Decision, EmergencyDetector
from dialogue.safety.en import findings

E, C, N = Decision.EMERGENCY, Decision.CHECK, Decision.NONE


def decide(text: str) -> Decision:
    return EmergencyDetector().assess(text, "en").decision


# --- the red-flag fallback and ASR slips ----------------------------------------------------


def _rule(text: str) -> str:
    found = findings(analyze(text, "en"))
    return found[0].rule if found else ""


@pytest.mark.parametrize(
    "text",
    [
        "there's an elephant sat on my ribs",
        "I feel like I'm breathing through a straw",
        "it's pouring out of my leg",
        "the old legs went and I'm wedged by the bath",
        "I went out like a light in the chair and came to on the rug",
        "I've done something silly with my pills",
        "I'm saving my tablets up",
        "I've written letters for my children",
        "I can't remember my own address",
        "the telly is giving off fumes and there's a whiff",
        "everything's gone dark in my left eye",
        "can you get somebody over here",
        "I'm gulping for air",
        "I keep seeing a man in the corner who isn't there",
        "I've been drifting in and out all afternoon",
        "I may have overdone the painkillers, I've had about fifteen",
    ],
)
def test_red_flags_without_a_rule_ask_one_question(text):
    assert decide(text) == C
    assert _rule(text).startswith("en:rf ")


@pytest.mark.parametrize(
    "text",
    [
        "there's no band round my chest, it's fine",  # negated
        "I never felt like I was breathing through a straw",
        "years ago I did something silly with my pills",  # long past
        "if I ever start gulping for air, who do I ring",  # hypothetical
        "in the film the telly gave off fumes and a whiff",  # a story
        "I passed out the leaflets at church",  # an idiom
        "my holiday plans went up in smoke",
        "I'm on lots of tablets but the chemist packs them for me",
        "I can't stand the smell of that air freshener",
        "I was out like a light last night",
        "my daughter's coming round to take me to the hospital",
        "it's pouring out there, I'm staying in",
        "I might have a heart attack if the bill goes up again",
    ],
)
def test_red_flags_keep_their_scope(text):
    assert decide(text) == N


@pytest.mark.parametrize(
    "text",
    [
        "i got a bad chess pain",
        "i past out in the kitchen",
        "someones trying to brake in",
        "i took the hole bottle of pills",
        "i think im having a hard attack",
        "I cant get no air",  # concord, not a second negation
    ],
)
def test_asr_slips_are_heard_as_the_word_meant(text):
    assert decide(text) == E


def test_asr_aliases_add_a_reading_and_keep_their_own():
    assert decide("in the past I fell off a ladder") == N


@pytest.mark.parametrize("name", [f"safety_en_more{n}.jsonl" for n in ("", "2", "3", "4")])
def test_fresh_batches_hold_their_targets(name):
    from dialogue.safety.evaluate import read_cases, score

    cases = read_cases(Path(__file__).with_name(name))
    figures = score(cases, lambda case: decide(case.user))["en"]
    assert figures.recall >= 0.97
    assert figures.precision >= 0.95
    assert figures.check_rate <= 0.10


# --- the broad layer: a topic and a word of trouble, by meaning --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "it's like a steel strap round my ribcage",  # a new metaphor for the chest
        "every breath is like sucking through a wet sock, I'm struggling",
        "my fingers won't do what I tell them and my mouth has gone droopy",
        "I missed my footing on the step and I'm in a heap, my ankle's twisted",
        "next thing I knew I was looking up at the ceiling",
        "the dressing on my leg is soaked through and it's dripping on the floor",
        "I've lost track of how many of my painkillers I've had today",
        "everyone would be better off if I just slipped away quietly",
        "I don't know this bedroom, whose clothes are these",
        "the socket behind the telly is smouldering",
        "there's a fella round the back trying the windows",
        "I've had nothing but tap water since Saturday",
        "could somebody come out to me, I'm in a bad way",
        "I was just sat watching the racing with a cup of tea and my sister rang and "
        "while I was talking to her this heaviness came right across my chest",  # one clause
    ],
)
def test_broad_layer_asks_about_new_wordings(text):
    assert decide(text) != N
    assert _rule(text).startswith(("en:broad", "en:distress", "en:rf", "en:")), _rule(text)


@pytest.mark.parametrize(
    "text",
    [
        "it's like a steel strap round my ribcage",
        "I've lost track of how many of my painkillers I've had today",
        "the socket behind the telly is smouldering",
    ],
)
def test_broad_findings_are_checks_from_the_broad_layer(text):
    assert decide(text) == C
    assert _rule(text).startswith(("en:broad", "en:distress")), _rule(text)


@pytest.mark.parametrize(
    "text",
    [
        "there's no strap round my ribcage, it's just my bra",  # negated
        "years ago the dressing on my leg soaked through",  # long past
        "if the socket ever started smouldering I'd ring the fire brigade",  # hypothetical
        "in my detective novel a fella was round the back trying the windows",  # a story
        "a fella came round the back to read the meter, then he left",  # a caller, over
        "I'm drowning in paperwork since my husband died",  # an idiom
        "I burnt my hand on the oven door, it's only a little red mark",
        "my friend in Spain had nothing but water for days on her retreat",  # not here
        "I missed the bus and had to wait, it was awful",
    ],
)
def test_broad_layer_keeps_the_scope(text):
    assert decide(text) == N


def test_cannot_before_a_red_flag_is_trouble_not_denial():
    assert decide("i cant seem to fill my lungs properly every breath is a fight") != N
    assert decide("I don't have any tightness in my chest") == N


def test_a_time_word_inside_the_finding_is_not_its_date():
    assert decide("is it still the war, I have to fetch the children from school") != N
    assert decide("back in the war we had nothing but bread for days") == N


def test_broad_rules_name_known_concepts():
    from dialogue.safety.en_broad import BROAD_RULES
    from dialogue.safety.en_concepts import C
    from dialogue.safety.en_redflags import RED_FLAGS

    for rule in (*RED_FLAGS, *BROAD_RULES):
        assert rule.category in CATEGORIES, rule
        assert rule.decision == "check", rule  # the fallbacks only ever ask
        for concept in (*rule.needs, *rule.unless, *rule.not_after, *rule.unless_sentence):
            assert concept in C, (rule.name, concept)
            assert all(phrase.strip() for phrase in C[concept]), concept


@pytest.mark.parametrize("name", [f"safety_en_batch{n}.jsonl" for n in range(1, 9)])
def test_own_fresh_batches_hold_the_targets(name):
    from dialogue.safety.evaluate import read_cases, score

    cases = read_cases(Path(__file__).with_name(name))
    figures = score(cases, lambda case: decide(case.user))["en"]
    assert figures.recall >= 0.98
    assert figures.precision >= 0.90
    assert figures.check_rate <= 0.15
