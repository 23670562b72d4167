"""The fourth held-out chatty callers (`scenarios/personas/heldout4/`, written blind): they load
and validate against their scenarios, cover every Korean scenario, stay out of the tuned set,
say no remark another persona file says, and the bench accepts their folder."""

from __future__ import annotations

from pathlib import Path

import yaml

from bench.bench_conversation import chatty_personas
from dialogue.caller import load_persona
from scenarios import PERSONA_DIR, list_personas

HELDOUT4_DIR = PERSONA_DIR / "heldout4"


def _said(path: Path) -> set[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    lines = [r["text"] for r in data.get("remarks", [])]
    lines += [r["reply"] for r in data.get("remarks", []) if r.get("reply")]
    for value in data.get("answers", {}).values():
        lines += [value] if isinstance(value, str) else value
    return {" ".join(line.lower().split()) for line in lines}


def test_heldout4_callers_load_and_are_chatty() -> None:
    files = sorted(HELDOUT4_DIR.glob("*.yaml"))
    personas = [load_persona(p) for p in files]  # validated against their scenarios
    by_language = {lang: [p for p in personas if p.language == lang] for lang in ("en", "ko")}
    assert len(by_language["en"]) == 5 and len(by_language["ko"]) == 5
    for persona in personas:
        assert 4 <= len(persona.remarks) <= 6, persona.id
        assert {r.how for r in persona.remarks} >= {"before", "instead"}, persona.id
        # Every item of its scenario has a truth: the bench can score each answer.
        scenario_items = {
            "daily_checkin_en": 6,
            "daily_checkin_ko": 6,
            "heatwave_checkin_ko": 6,
            "vaccination_followup_ko": 5,
        }
        assert len(persona.truths) == scenario_items[persona.scenario], persona.id
    assert {p.scenario for p in by_language["ko"]} == {
        "daily_checkin_ko",
        "heatwave_checkin_ko",
        "vaccination_followup_ko",
    }
    assert len({p.recipient_id for p in personas}) == len(personas)


def test_heldout4_is_never_in_the_tuned_set_and_says_nothing_said_elsewhere() -> None:
    names = {p.stem for p in HELDOUT4_DIR.glob("*.yaml")}
    assert names and not names & set(list_personas())
    others = [p for p in PERSONA_DIR.rglob("*.yaml") if p.parent != HELDOUT4_DIR]
    elsewhere = set().union(*(_said(p) for p in others))
    for path in HELDOUT4_DIR.glob("*.yaml"):
        assert not _said(path) & elsewhere, path.name


def test_the_bench_selects_the_heldout4_folder() -> None:
    for language in ("en", "ko"):
        chosen = chatty_personas(language, HELDOUT4_DIR)
        assert len(chosen) == 5
        assert all(Path(name).parent == HELDOUT4_DIR for name in chosen)
