"""A scenario's own phrase tables, read with the extractor's matcher: its extra emergency
rules (YAML, on top of the detector), the answer to "Am I speaking with ...?", and a request
to say the question again."""

from __future__ import annotations

from dataclasses import dataclass

from dialogue.extract import _exact, _korean, _negated, classify
from dialogue.scenario import SEVERITY_RANK, Emergency, Scenario
from dialogue.text import normalize


@dataclass(frozen=True)
class EmergencyMatch:
    emergency: Emergency
    evidence: str


def detect_emergency(scenario: Scenario, text: str) -> EmergencyMatch | None:
    """The most severe emergency `text` speaks of (negated mentions do not count)."""
    norm = normalize(text)
    korean = _korean(scenario.language, norm)
    hits: list[EmergencyMatch] = []
    for emergency in scenario.emergency:
        for m in _exact(emergency.id, emergency, norm, korean):
            if _negated(norm, m, korean) is None:
                hits.append(EmergencyMatch(emergency, norm[m.start : m.end]))
                break
    if not hits:
        return None
    return max(hits, key=lambda h: SEVERITY_RANK[h.emergency.severity])


def identity_answer(scenario: Scenario, text: str) -> str | None:
    """ "confirm", "deny" or None for the answer to "Am I speaking with ...?"."""
    opening = scenario.opening
    label, _, _, _ = classify(
        {"confirm": opening.confirm, "deny": opening.deny}, text, language=scenario.language
    )
    return label


def is_repeat_request(scenario: Scenario, text: str) -> bool:
    if scenario.repeat is None:
        return False
    label, _, _, _ = classify({"repeat": scenario.repeat}, text, language=scenario.language)
    return label is not None
