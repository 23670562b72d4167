"""Answers read by concept classes (dialogue.extract_concepts) and actions still to come."""

from __future__ import annotations

import pytest

from dialogue import load_scenario
from dialogue.extract import extract
from dialogue.extract_concepts import by_concepts, concepts


@pytest.fixture(scope="module")
def daily():
    return load_scenario("daily_checkin_en")


@pytest.mark.parametrize(
    ("item", "text", "label"),
    [
        ("meal", "Shepherd's pie and peas at dinnertime.", "ate"),
        ("meal", "I couldn't face much, only a few spoonfuls of porridge.", "little"),
        ("health", "My shoulder's been giving me gyp all week.", "pain"),
        ("health", "My ankles are swollen and throbbing.", "pain"),
        ("sleep", "Not too bad thank you.", "well"),
    ],
)
def test_concepts_read_answers_no_keyword_names(daily, item, text, label) -> None:
    found = extract(daily.item(item), text, language="en")
    assert found.answer_class == label, found


def test_one_concept_alone_is_only_a_guess(daily) -> None:
    # "forget" is all a remark about a grandson shares with a skipped meal's examples
    found = extract(daily.item("meal"), "Before I forget, my grandson came on Sunday.")
    assert found.answer_class is None or found.weak


def test_a_modifier_alone_answers_nothing(daily) -> None:
    assert by_concepts(daily.item("mood"), "these little chats brighten my morning")[0] is None


def test_negated_concepts_do_not_count() -> None:
    assert "FOOD" not in concepts("I didn't have any toast")
    assert "FOOD" in concepts("I had some toast")


@pytest.mark.parametrize(
    ("item", "text", "label"),
    [
        ("medication", "I've not had them yet, I'll take them with my tea.", "missed"),
        ("medication", "Not yet, I will take them tonight.", "missed"),
        ("medication", "Yes, I took them with breakfast.", "taken"),
    ],
)
def test_an_action_still_to_come_is_not_done(daily, item, text, label) -> None:
    assert extract(daily.item(item), text, language="en").answer_class == label


def test_the_evidence_is_the_words_that_point_at_the_class(daily) -> None:
    # the rest of what was said stays free to be a remark of its own (`steer.beside`)
    text = "My cat slept on my feet all evening. Not too bad, I was up once."
    found = extract(daily.item("sleep"), text, language="en")
    assert found.answer_class == "well" and "cat" not in found.evidence


def test_a_feeling_that_implies_the_answer_is_reacted_to() -> None:
    import random

    from dialogue.conversation import Retriever
    from dialogue.conversation.steer import Reactions, answer_reaction

    # fits grief (below the strong-fit bar alone), and grief implies a low mood
    text = "Since my husband passed the mornings feel endless, I keep his slippers by the door."
    text += " A bit down."
    reaction = answer_reaction(
        Retriever.for_language("en"), "mood", "low", text, "down",
        Reactions(random.Random(0)), flagged=True,
    )  # fmt: skip
    assert reaction is not None and reaction.situation == "grief_spouse"


def test_a_concept_reading_is_never_a_sure_answer_to_the_safety_gate(daily) -> None:
    # dialogue.learned.gate takes confidence >= 0.5 for a plain answer and then asks a safety
    # question less readily: a guess from concepts must stay below it
    from dialogue.learned.gate import MIN_CONFIDENCE

    found = extract(daily.item("health"), "My shoulder's been giving me gyp all week.")
    assert found.answer_class == "pain" and found.confidence < MIN_CONFIDENCE
