"""The short scenario of the whole-call line tests is the shipped daily check-in cut to two
items: if the shipped one changes, the short one must follow, or those tests stop proving that
the shipped wording works on the line."""

from __future__ import annotations

from short_call import SHORT_SCENARIO, short_persona

from dialogue.caller import load_persona
from dialogue.scenario import load_scenario
from scenarios import scenario_path

SHIPPED = load_scenario(scenario_path("daily_checkin_en"))
SHORT = load_scenario(SHORT_SCENARIO)


def test_the_short_scenario_is_the_shipped_one_with_fewer_items():
    assert SHORT.id == "short_checkin_en" and 1 <= len(SHORT.items) < len(SHIPPED.items)
    assert SHORT.items == [SHIPPED.item(item.id) for item in SHORT.items]
    same = {"id", "title", "items"}
    assert SHORT.model_dump(exclude=same) == SHIPPED.model_dump(exclude=same)


def test_a_short_persona_keeps_only_the_short_items_truths(tmp_path):
    path = short_persona("margaret_en", tmp_path, meal=("No, not yet.", "skipped"))
    persona = load_persona(path)
    assert set(persona.truths) == {item.id for item in SHORT.items}
    assert persona.truths["meal"] == "skipped" and persona.answers["meal"] == "No, not yet."
    assert load_scenario(persona.scenario).id == "short_checkin_en"
