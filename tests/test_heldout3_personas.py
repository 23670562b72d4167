"""The third held-out chatty callers (`scenarios/personas/heldout3/`, written blind): they load
and validate against their scenarios, stay out of the tuned set, say nothing another persona
file says, and `bench/bench_conversation.py --heldout3` selects them."""

from __future__ import annotations

from pathlib import Path

import yaml

from bench.bench_conversation import HELDOUT3_DIR, chatty_personas
from dialogue.caller import load_persona
from scenarios import PERSONA_DIR, list_personas


def _said(path: Path) -> set[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    lines = [r["text"] for r in data.get("remarks", [])]
    lines += [r["reply"] for r in data.get("remarks", []) if r.get("reply")]
    for value in data.get("answers", {}).values():
        lines += [value] if isinstance(value, str) else value
    return {" ".join(line.lower().split()) for line in lines}


def test_heldout3_callers_load_and_are_chatty() -> None:
    files = sorted(HELDOUT3_DIR.glob("*.yaml"))
    personas = [load_persona(p) for p in files]  # validated against their scenarios
    by_language = {lang: [p for p in personas if p.language == lang] for lang in ("en", "ko")}
    assert len(by_language["en"]) >= 4 and len(by_language["ko"]) >= 4
    for persona in personas:
        assert 4 <= len(persona.remarks) <= 6, persona.id
        assert persona.truths, persona.id
    assert {p.scenario for p in by_language["ko"]} >= {
        "daily_checkin_ko",
        "heatwave_checkin_ko",
        "vaccination_followup_ko",
    }


def test_heldout3_is_never_in_the_tuned_set_and_says_nothing_said_elsewhere() -> None:
    names = {p.stem for p in HELDOUT3_DIR.glob("*.yaml")}
    assert not names & set(list_personas())
    others = [p for p in PERSONA_DIR.rglob("*.yaml") if p.parent != HELDOUT3_DIR]
    elsewhere = set().union(*(_said(p) for p in others))
    for path in HELDOUT3_DIR.glob("*.yaml"):
        remarks = {
            " ".join(r["text"].lower().split())
            for r in yaml.safe_load(path.read_text(encoding="utf-8"))["remarks"]
        }
        assert not remarks & elsewhere, path.name


def test_the_bench_flag_selects_the_heldout3_folder(monkeypatch) -> None:
    from bench import bench_conversation

    chosen = chatty_personas("en", HELDOUT3_DIR)
    assert chosen and all(Path(name).parent == HELDOUT3_DIR for name in chosen)
    seen: dict[str, object] = {}
    monkeypatch.setattr(
        bench_conversation,
        "run_language",
        lambda language, seeds, llm, misses, heldout, min_calls: seen.update({language: heldout}),
    )
    assert bench_conversation.main(["--heldout3", "--language", "en"]) == 0
    assert seen == {"en": HELDOUT3_DIR}
