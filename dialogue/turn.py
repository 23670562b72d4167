"""What the engine hands the line: an agent turn, and who the call is with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TurnKind = Literal[
    "opening",
    "question",
    "followup",
    "reprompt",
    "clarify",
    "emergency",
    "closing",
    "transition",
    "dtmf",
    "topic",  # one more turn on the person's own topic (a follow-up from the response bank)
    "return",  # a reaction to an off-script turn, then the pending question again
    "role",  # a question to the agent answered within its role, then the pending question
]


@dataclass(frozen=True)
class Recipient:
    id: str
    name: str


@dataclass(frozen=True)
class AgentTurn:
    text: str  # "" means nothing more to say
    kind: TurnKind
    item_id: str | None = None
    expected: tuple[str, ...] = ()  # words the answer will likely contain: for ASR biasing
    end_call: bool = False
    situation: str | None = None  # the response bank's situation this turn reacts to


def join(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())
