"""What the per-language reply readers return: one `Signal` per meaningful word, in order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SignalKind = Literal["yes", "no", "hedge", "unsure", "repeat", "inability", "content", "echo"]


@dataclass(frozen=True)
class Signal:
    kind: SignalKind
    at: int  # token index: order matters ("no... well, yes" is a yes)
