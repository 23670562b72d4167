"""What the Korean emergency tests share: the decisions, and one utterance's decision and
category through the Korean rules (`safety.ko`) alone."""

from __future__ import annotations

from dialogue.analysis.ko import analyze
from dialogue.safety import Decision, combine
from dialogue.safety.ko import findings

E, C, N = Decision.EMERGENCY, Decision.CHECK, Decision.NONE


def decide(text: str) -> tuple[Decision, str | None]:
    a = combine(findings(analyze(text)))
    return a.decision, a.category
