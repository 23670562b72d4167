"""A scenario's own phrase tables, read with the extractor's matcher: its extra emergency
rules (YAML, on top of the detector), the answer to "Am I speaking with ...?", and a request
to say the question again."""

from __future__ import annotations

from dataclasses import dataclass

from dialogue.extract import _exact, _korean, _negated, classify
from dialogue.scenario import SEVERITY_RANK, Answer, Emergency, Item, Scenario
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


def identity_item(scenario: Scenario) -> Item:
    """The opening's "Am I speaking with ...?" as an item, for the safety side: a plain answer
    to it ("yes, speaking") gets the learned layer's margin for answers to an open question,
    as an answer to a check-in item does (at the base threshold, "yes speaking" drew a
    breathing check, and the "yes" that followed an emergency)."""
    opening = scenario.opening
    answers = [
        Answer.model_validate({"class": label, "description": label, **phrases.model_dump()})
        for label, phrases in (("confirm", opening.confirm), ("deny", opening.deny))
    ]
    return Item(id="identity", topic="identity", questions=["identity"], answers=answers)
