"""The scenarios (and simulated personas) calls may use, loaded once when a process starts.

A call names its scenario in the websocket `start` message (`customParameters.scenario`), and
anyone with a call token writes that message. So a name from a call is data: it must look like
an id (`^[a-z0-9_]{1,64}$`) and is looked up in a dict built at start, never turned into a path
or read from disk; anything else refuses the call with `UnknownScenario`. The operator's own
references (`--scenario FILE`, a campaign's scenario or persona) may be paths: they are loaded
here, at start, and `resolve` finds them again by the same reference.

The dicts are read-only after start, so a call looks its scenario up without any lock.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from dialogue.caller import Persona, load_persona
from dialogue.scenario import Scenario, load_scenario
from dialogue.yamlfile import ScenarioError
from scenarios import PERSONA_DIR, SCENARIO_DIR

log = logging.getLogger("dialogue.catalogue")

ID = re.compile(r"[a-z0-9_]{1,64}")


def _shown(value: object) -> str:
    """A value from the wire, for a message: quoted, and cut short."""
    text = str(value)
    return repr(text[:64]) + ("…" if len(text) > 64 else "")


class UnknownScenario(LookupError):
    """A call named a scenario that is not an id of the catalogue: the call is refused."""

    def __init__(self, value: object, known: Iterable[str], what: str = "scenario") -> None:
        self.value = value
        reason = "not loaded at start" if is_id(value) else "not an id ([a-z0-9_], 1-64)"
        super().__init__(f"unknown {what} {_shown(value)}: {reason}; have: {', '.join(known)}")

    def __str__(self) -> str:  # LookupError would show the repr of the message
        return str(self.args[0])


class UnknownPersona(UnknownScenario):
    def __init__(self, value: object, known: Iterable[str]) -> None:
        super().__init__(value, known, "persona")


def is_id(value: object) -> bool:
    return isinstance(value, str) and ID.fullmatch(value) is not None


@dataclass(frozen=True)
class Catalogue:
    scenarios: Mapping[str, Scenario]  # id -> scenario
    refs: Mapping[str, str] = field(default_factory=dict)  # operator's reference -> id
    personas: Mapping[str, Persona] = field(default_factory=dict)  # id -> persona

    @classmethod
    def load(cls, configured: Iterable[str | Path] = (), *, personas: bool = False) -> Catalogue:
        """Every shipped scenario, then the operator's `configured` ones (names or paths); a
        configured scenario with a shipped one's id replaces it, as the operator asked. With
        `personas`, also every shipped persona, checked against its scenario. Raises
        ScenarioError naming the file that does not load."""
        scenarios: dict[str, Scenario] = {}
        refs: dict[str, str] = {}
        for path in sorted(SCENARIO_DIR.glob("*.yaml")):
            scenario = load_scenario(path)
            scenarios[scenario.id] = scenario
            refs[path.stem] = scenario.id
        for ref in configured:
            scenario = load_scenario(ref)
            if scenario.id in scenarios and scenarios[scenario.id] != scenario:
                log.warning("scenario %s from %s replaces the shipped one", scenario.id, ref)
            scenarios[scenario.id] = scenario
            refs[str(ref)] = scenario.id
        if bad := [i for i in scenarios if not is_id(i)]:
            raise ScenarioError([f"scenario id {i!r}: over 64 characters" for i in bad])
        found = load_personas() if personas else MappingProxyType({})
        return cls(MappingProxyType(scenarios), MappingProxyType(refs), found)

    def scenario(self, scenario_id: object) -> Scenario:
        """The scenario a call names: an id of the catalogue, nothing else."""
        if is_id(scenario_id) and scenario_id in self.scenarios:
            return self.scenarios[scenario_id]  # type: ignore[index]
        raise UnknownScenario(scenario_id, self.scenarios)

    def resolve(self, ref: str | Path) -> Scenario:
        """A scenario as the operator named it at start (an id, a shipped name, or the path
        given then); never loads anything."""
        key = str(ref)
        if key in self.refs:
            return self.scenarios[self.refs[key]]
        return self.scenario(key)

    def persona(self, persona_id: object) -> Persona:
        """A simulated person by id (a campaign's recipients file names one): no paths."""
        if is_id(persona_id) and persona_id in self.personas:
            return self.personas[persona_id]  # type: ignore[index]
        raise UnknownPersona(persona_id, self.personas)


def load_personas() -> Mapping[str, Persona]:
    """Every shipped persona by id, each checked against the scenario it names."""
    found: dict[str, Persona] = {}
    for path in sorted(PERSONA_DIR.glob("*.yaml")):
        persona = load_persona(path)
        if not is_id(persona.id):
            raise ScenarioError([f"{path.name}: id {persona.id!r} is not [a-z0-9_], 1-64"])
        found[persona.id] = persona
    return MappingProxyType(found)
