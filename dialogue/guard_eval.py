"""Measuring the role guard on labelled agent turns (JSONL: `lang`, `agent`, `violation`).

A missed violation is spoken to an elder; a false alarm only costs the LLM's wording (the
scenario's template is said instead). So recall is the figure that must stay high, and
precision says how much of the LLM's wording the guard throws away. Each case may carry
`"context": {"facts": [...], "alerting": bool}`: what memory holds and whether an alert
channel is configured, the two things that make some sentences true.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dialogue.cases import read_labelled
from dialogue.guard import GuardContext, Verdict


class GuardCaseError(ValueError):
    """A case file that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class GuardCase:
    lang: str
    agent: str
    violation: bool
    context: GuardContext
    raw: dict = field(default_factory=dict, compare=False)
    line: int = 0


def read_guard_cases(path: Path) -> list[GuardCase]:
    return read_labelled(
        path,
        text="agent",
        label="violation",
        error=GuardCaseError,
        make=lambda raw, number, where: GuardCase(
            raw["lang"],
            raw["agent"],
            raw["violation"],
            _context(raw, raw["lang"], where),
            raw,
            number,
        ),
    )


def _context(raw: dict, lang: str, where: str) -> GuardContext:
    ctx = raw.get("context", {})
    if ctx is None:
        ctx = {}
    if not isinstance(ctx, dict):
        raise GuardCaseError(f'{where}: "context" must be an object')
    facts, alerting = ctx.get("facts", []), ctx.get("alerting", False)
    if not isinstance(facts, list) or not all(isinstance(f, str) for f in facts):
        raise GuardCaseError(f'{where}: "context.facts" must be a list of strings')
    if not isinstance(alerting, bool):
        raise GuardCaseError(f'{where}: "context.alerting" must be true or false')
    return GuardContext(language=lang, facts=tuple(facts), alerting=alerting)


@dataclass
class GuardFigures:
    n: int = 0
    positives: int = 0
    caught: int = 0
    flagged: int = 0
    right: int = 0  # flagged and a violation
    misses: list[tuple[str, GuardCase, Verdict]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.caught / self.positives if self.positives else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.flagged if self.flagged else 1.0


def score_guard(
    cases: Iterable[GuardCase], judge: Callable[[GuardCase], Verdict]
) -> dict[str, GuardFigures]:
    out: dict[str, GuardFigures] = {}
    for case in cases:
        fig = out.setdefault(case.lang, GuardFigures())
        verdict = judge(case)
        found = not verdict.ok
        fig.n += 1
        fig.positives += case.violation
        fig.caught += case.violation and found
        fig.flagged += found
        fig.right += case.violation and found
        if found != case.violation:
            fig.misses.append(("missed" if case.violation else "false alarm", case, verdict))
    return out


def render_guard(figures: dict[str, GuardFigures], title: str = "role guard") -> str:
    lines = []
    for lang, fig in sorted(figures.items()):
        lines.append(
            f"{title} [{lang}] n={fig.n} violations={fig.positives} "
            f"recall={fig.recall:.3f} precision={fig.precision:.3f}"
        )
        for kind, case, verdict in fig.misses:
            why = "; ".join(f"{c}: {e!r}" for c, e in verdict.violations)
            label = case.raw.get("category") or "-"
            lines.append(f"  {kind} ({label}) line {case.line}: {case.agent!r} {why}".rstrip())
    return "\n".join(lines)
