"""Is the person in danger? One decision per utterance: `emergency` (act now), `check` (a red
flag without certainty: ask one direct question), or `none`.

Built on `dialogue.analysis` (morphemes and lemmas), not on string lists, so that wordings
nobody wrote down are still understood. Each language has its detector module
(`safety.en`, `safety.ko`) returning `Finding`s; `EmergencyDetector` combines them with a
scenario's own extra rules (YAML) and, when an LLM is configured, its second opinion, which may
raise `none` to `check` and never lowers anything.

The categories are a triage nurse's.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Decision(StrEnum):
    NONE = "none"
    CHECK = "check"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        return {"none": 0, "check": 1, "emergency": 2}[self.value]


CATEGORIES = {
    "cardiac": "chest pain or cardiac signs",
    "breathing": "breathing difficulty",
    "stroke": "stroke signs (face, arm, speech, sudden loss of vision)",
    "fall": "a fall with inability to get up, or a head injury",
    "unconscious": "fainting or loss of consciousness",
    "bleeding": "heavy bleeding",
    "overdose": "overdose or poisoning",
    "suicide": "suicidal thoughts or plans",
    "confusion": "acute confusion",
    "fire": "fire, smoke or gas",
    "violence": "an intruder or violence",
    "starvation": "days without food or water",
    "help": "a plain cry for help",
}


@dataclass(frozen=True)
class Finding:
    category: str  # a key of CATEGORIES, or a scenario's own emergency id
    decision: Decision  # EMERGENCY or CHECK
    evidence: str  # the words that raised it, as said
    rule: str = ""  # which rule (for the report and for debugging)


@dataclass(frozen=True)
class Assessment:
    decision: Decision
    findings: tuple[Finding, ...] = ()

    @property
    def top(self) -> Finding | None:
        """The finding that decided (most severe first, then first said)."""
        if not self.findings:
            return None
        return max(self.findings, key=lambda f: f.decision.rank)

    @property
    def category(self) -> str | None:
        return self.top.category if self.top else None


NONE = Assessment(Decision.NONE)


def combine(findings: list[Finding]) -> Assessment:
    if not findings:
        return NONE
    decision = max((f.decision for f in findings), key=lambda d: d.rank)
    return Assessment(decision, tuple(findings))


def __getattr__(name: str):
    # Lazy: the detector imports the scenario model and the analysers, which import this module.
    if name == "EmergencyDetector":
        from dialogue.safety.detector import EmergencyDetector

        return EmergencyDetector
    raise AttributeError(name)


__all__ = [
    "CATEGORIES",
    "NONE",
    "Assessment",
    "Decision",
    "EmergencyDetector",
    "Finding",
    "combine",
]
