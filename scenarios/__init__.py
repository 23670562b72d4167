"""Shipped scenario and persona YAML files, and how to find them by name.

Only path helpers live here (no parsing): `dialogue.scenario.load_scenario` and
`dialogue.caller.load_persona` accept a bare name or a path and resolve it with these.

A path is accepted because an operator names files on the command line and in settings
(`--scenario FILE`, `--persona FILE`, `scenario validate FILE`). A name that comes from a call
(the websocket's `customParameters`) never reaches these: it is looked up by id in the
`dialogue.catalogue.Catalogue` loaded at start.
"""

from __future__ import annotations

from pathlib import Path

SCENARIO_DIR = Path(__file__).resolve().parent
PERSONA_DIR = SCENARIO_DIR / "personas"


def _resolve(name_or_path: str | Path, folder: Path, what: str) -> Path:
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") or path.parent != Path("."):
        return path  # a path: missing files are reported by the loader, with the path
    candidate = folder / f"{path.name}.yaml"
    if not candidate.is_file():
        known = ", ".join(p.stem for p in sorted(folder.glob("*.yaml"))) or "none"
        raise FileNotFoundError(f"no {what} named {path.name!r} in {folder} (have: {known})")
    return candidate


def scenario_path(name_or_path: str | Path) -> Path:
    """`daily_checkin_en` -> the shipped file; anything that looks like a path is kept."""
    return _resolve(name_or_path, SCENARIO_DIR, "scenario")


def persona_path(name_or_path: str | Path) -> Path:
    return _resolve(name_or_path, PERSONA_DIR, "persona")


def list_scenarios() -> list[str]:
    return sorted(p.stem for p in SCENARIO_DIR.glob("*.yaml"))


def list_personas() -> list[str]:
    return sorted(p.stem for p in PERSONA_DIR.glob("*.yaml"))
