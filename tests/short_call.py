"""A short scenario for whole calls that check the line, not the check-in: the opening and two
items of the shipped English daily check-in (`short_checkin_en.yaml`, beside this file), and a
shipped persona pointed at it. The shipped scenario is still called whole by test_e2e_call."""

from __future__ import annotations

from pathlib import Path

import yaml

from dialogue.scenario import load_scenario
from scenarios import persona_path

SHORT_SCENARIO = Path(__file__).resolve().with_name("short_checkin_en.yaml")


def short_persona(name: str, folder: Path, **answers: tuple[str, str]) -> Path:
    """The shipped persona `name` for the short scenario, as a YAML file in `folder`: its
    answers, behaviours and truths only for the short scenario's items (the identity answer
    kept); `answers` replaces an item's (answer, truth)."""
    data = yaml.safe_load(persona_path(name).read_text(encoding="utf-8"))
    items = [item.id for item in load_scenario(SHORT_SCENARIO).items]
    dropped = {i.id for i in load_scenario(data["scenario"]).items} - set(items)
    data["scenario"] = str(SHORT_SCENARIO)
    for item, (answer, truth) in answers.items():
        data["answers"][item], data["truths"][item] = answer, truth
    data["truths"] = {k: v for k, v in data["truths"].items() if k in items}
    for part in ("answers", "behaviour"):  # the identity answer and others stay
        data[part] = {k: v for k, v in (data.get(part) or {}).items() if k not in dropped}
    missing = [i for i in items if i not in data["truths"]]
    assert not missing, f"{name} has no truth for {missing}"
    path = folder / f"{name}_short.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
