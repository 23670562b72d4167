"""The offline evaluation harness: simulated calls end to end, and one report of every
quality and latency figure (recognition, completion, extraction, alerts, guard, latency,
turn-taking), comparable between two runs.

`EvalOptions` says what to run; `evaluation.harness.run_evaluation(settings, options)` runs it
and writes report.md, report.json and PNG plots; `evaluation.metrics.compare` tells two
report.json files apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class EvalOptions:
    calls: int = 4
    workers: int = 1
    out: Path = Path("carecall-eval")
    personas: list[Path] = field(default_factory=list)  # default: the scenario's own
    perturb: float = 0.0  # chance per item of answering with another class (truth follows)
    seed: int = 0
    fixtures: Path | None = None  # audio fixtures manifest; None: skip that section
    fixtures_split: str = "test"
    fixtures_limit: int | None = None
    text: bool = False  # calls in text only (no audio, no recognizer): the dialogue alone
    command: str = ""  # the command line, for the report


__all__ = ["EvalOptions"]
