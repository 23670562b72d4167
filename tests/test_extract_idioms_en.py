"""Everyday idioms read as answers (English): a habit kept, no medicine at all, a filler
"well", "nothing's" as a negator (`dialogue.extract_concepts`, `dialogue.extract`)."""

import pytest

from dialogue import load_scenario
from dialogue.extract import extract
from scenarios import scenario_path


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(scenario_path("daily_checkin_en"))


@pytest.mark.parametrize(
    ("item", "text", "expected"),
    [
        ("sleep", "Never stirred once, I went straight off.", "well"),
        ("sleep", "Oh well, I was up and down most of the night.", "poorly"),
        ("medication", "Same as ever, like clockwork.", "taken"),
        ("medication", "I'm not on anything, never have been.", "no_medication"),
        ("health", "Nothing's aching today, touch wood.", "none"),
        ("mood", "I'm feeling chuffed this morning.", "good"),
        ("outing", "We strolled along the canal after dinner.", "went_out"),
    ],
)
def test_idioms(scenario, item, text, expected):
    assert extract(scenario.item(item), text, language="en").answer_class == expected


def test_a_filler_well_is_no_answer(scenario):
    found = extract(scenario.item("sleep"), "Well, I lay awake half the night.", language="en")
    assert found.answer_class == "poorly"
