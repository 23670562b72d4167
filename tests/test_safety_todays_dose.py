"""An overdose finding said in answer to the medication question, with no word of more than a
dose, asks the check question instead of ending the call (`detector._todays_dose`)."""

from __future__ import annotations

import pytest

from dialogue import load_scenario
from dialogue.safety import Decision
from dialogue.safety.detector import EmergencyDetector
from scenarios import scenario_path


def _item(language: str, item_id: str):
    scenario = load_scenario(scenario_path(f"daily_checkin_{language}"))
    return next(i for i in scenario.items if i.id == item_id)


DETECTOR = EmergencyDetector(learned=False)


def test_all_of_todays_pills_is_a_check_when_answering_about_medicine():
    text = "Yes, I took all of them with my breakfast"
    assert DETECTOR.assess(text, "en").decision == Decision.EMERGENCY  # no context: act
    assessed = DETECTOR.assess(text, "en", asked=_item("en", "medication"))
    assert assessed.decision == Decision.CHECK
    assert {f.category for f in assessed.findings} == {"overdose"}
    # answering another question, the same words stay an emergency
    assert DETECTOR.assess(text, "en", asked=_item("en", "meal")).decision == Decision.EMERGENCY


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "I took all my tablets at once"),
        ("en", "I took all of my sleeping pills"),
        ("en", "I swallowed the whole bottle"),
        ("en", "I took all of them, a whole packet"),
        ("ko", "약을 한꺼번에 다 먹었어요"),
    ],
)
def test_more_than_a_dose_stays_an_emergency_even_about_medicine(language, text):
    assessed = DETECTOR.assess(text, language, asked=_item(language, "medication"))
    assert assessed.decision == Decision.EMERGENCY
