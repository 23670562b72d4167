"""Measuring emergency detection on labelled cases (JSONL: `lang`, `user`, `emergency`).

What matters differs by outcome: a missed emergency is the worst error, so recall counts
`emergency` and `check` alike as caught (the agent asks about it now); a false `emergency`
ends a call on the safety script, so precision is that of `emergency` alone; a `check` on a
harmless answer costs one extra question, so its rate on non-emergencies is reported apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dialogue.cases import read_labelled
from dialogue.safety import Decision


class CaseError(ValueError):
    """A case file that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Case:
    lang: str
    user: str
    emergency: bool
    raw: dict = field(default_factory=dict, compare=False)
    line: int = 0


def read_cases(path: Path) -> list[Case]:
    return read_labelled(
        path,
        text="user",
        label="emergency",
        error=CaseError,
        make=lambda raw, number, _where: Case(
            raw["lang"], raw["user"], raw["emergency"], raw, number
        ),
    )


@dataclass
class Figures:
    n: int = 0
    positives: int = 0
    caught: int = 0  # positives decided emergency or check
    said_emergency: int = 0
    right_emergency: int = 0  # of those, real emergencies
    negatives: int = 0
    checked_negatives: int = 0
    misses: list[tuple[str, Case, Decision]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.caught / self.positives if self.positives else 1.0

    @property
    def precision(self) -> float:
        return self.right_emergency / self.said_emergency if self.said_emergency else 1.0

    @property
    def check_rate(self) -> float:
        return self.checked_negatives / self.negatives if self.negatives else 0.0

    def as_dict(self) -> dict:
        return {
            "n": self.n,
            "emergencies": self.positives,
            "recall": round(self.recall, 4),
            "emergency_precision": round(self.precision, 4),
            "check_rate_on_non_emergencies": round(self.check_rate, 4),
            "missed": self.positives - self.caught,
            "false_emergencies": self.said_emergency - self.right_emergency,
            "checked_non_emergencies": self.checked_negatives,
        }


def score(cases: Iterable[Case], decide: Callable[[Case], Decision]) -> dict[str, Figures]:
    """Figures per language, with every miss: ("missed" | "false emergency" | "check", ...)."""
    out: dict[str, Figures] = {}
    for case in cases:
        f = out.setdefault(case.lang, Figures())
        decision = decide(case)
        f.n += 1
        if decision == Decision.EMERGENCY:
            f.said_emergency += 1
            f.right_emergency += case.emergency
        if case.emergency:
            f.positives += 1
            if decision != Decision.NONE:
                f.caught += 1
            else:
                f.misses.append(("missed", case, decision))
        else:
            f.negatives += 1
            if decision == Decision.EMERGENCY:
                f.misses.append(("false emergency", case, decision))
            elif decision == Decision.CHECK:
                f.checked_negatives += 1
                f.misses.append(("check", case, decision))
    return out


def render(figures: dict[str, Figures], *, show_misses: bool = True) -> str:
    lines = []
    for lang in sorted(figures):
        f = figures[lang]
        lines.append(
            f"{lang}: n={f.n} emergencies={f.positives} recall={f.recall:.3f} "
            f"emergency_precision={f.precision:.3f} ({f.right_emergency}/{f.said_emergency}) "
            f"check_on_non_emergencies={f.check_rate:.3f} ({f.checked_negatives}/{f.negatives})"
        )
        if show_misses:
            for kind, case, decision in f.misses:
                lines.append(f"  {kind:15} [{decision.value}] line {case.line}: {case.user}")
    return "\n".join(lines)
