"""Leave-one-batch-out cross-validation: how the thresholds in `layer.THRESHOLDS` are chosen.

Each training file is a fold: the model is fitted on the other files and scores this one.
Over all held-out scores, the threshold kept is the one with the highest recall of rules +
model within the budget: `check` on at most 10% of non-emergencies (emergency; margin under
the 15% target), or precision at least 0.92 (guard). The rules were written against all these
files, so they miss almost nothing here and many thresholds tie on combined recall; a tie goes
to the lowest threshold, which spends the budget on the model's own recall (what a fresh batch,
where the rules miss 5–15%, needs). The model alone is reported per fold too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from dialogue.learned import data
from dialogue.learned.features import features
from dialogue.learned.layer import fit_rows

CHECK_BUDGET = 0.10
PRECISION_FLOOR = 0.92
GRID = tuple(round(t, 2) for t in np.arange(0.05, 0.96, 0.01))


@dataclass
class Held:
    """One example scored by a model that never saw its file."""

    example: data.Example
    rules: str  # "emergency" | "check" | "none" (emergency), "violation" | "ok" (guard)
    score: float


@dataclass
class Result:
    task: str
    lang: str
    threshold: float | None  # None: no threshold meets the budget (the layer adds nothing)
    held: list[Held] = field(default_factory=list)

    def combined(self, t: float | None = None) -> dict:
        return _figures(self.task, self.held, self.threshold if t is None else t)

    def per_fold(self) -> dict[str, dict]:
        folds: dict[str, list[Held]] = {}
        for h in self.held:
            folds.setdefault(h.example.fold, []).append(h)
        t = self.threshold if self.threshold is not None else 2.0
        return {f: _model_alone(hs, t) for f, hs in folds.items()}


def _rules_positive(task: str, h: Held) -> bool:
    return h.rules != "none" if task == "emergency" else h.rules == "violation"


def _figures(task: str, held: list[Held], t: float | None) -> dict:
    t = 2.0 if t is None else t
    pos = [h for h in held if h.example.label]
    neg = [h for h in held if not h.example.label]
    rules_caught = sum(_rules_positive(task, h) for h in pos)
    caught = sum(_rules_positive(task, h) or h.score >= t for h in pos)
    out = {
        "n": len(held),
        "positives": len(pos),
        "rules_recall": round(rules_caught / max(len(pos), 1), 4),
        "combined_recall": round(caught / max(len(pos), 1), 4),
    }
    if task == "emergency":
        rules_checks = sum(h.rules == "check" for h in neg)
        checks = sum(h.rules == "check" or (h.rules == "none" and h.score >= t) for h in neg)
        out["rules_check_rate"] = round(rules_checks / max(len(neg), 1), 4)
        out["combined_check_rate"] = round(checks / max(len(neg), 1), 4)
    else:
        rules_flagged = [h for h in held if h.rules == "violation"]
        flagged = [h for h in held if h.rules == "violation" or h.score >= t]
        out["rules_precision"] = _ratio(sum(h.example.label for h in rules_flagged), rules_flagged)
        out["combined_precision"] = _ratio(sum(h.example.label for h in flagged), flagged)
    return out


def _ratio(right: int, flagged: list) -> float:
    return round(right / len(flagged), 4) if flagged else 1.0


def _model_alone(held: list[Held], t: float) -> dict:
    pos = [h for h in held if h.example.label]
    neg = [h for h in held if not h.example.label]
    flagged = [h for h in held if h.score >= t]
    return {
        "n": len(held),
        "recall": _ratio(sum(h.score >= t for h in pos), pos),
        "false_positive_rate": round(sum(h.score >= t for h in neg) / max(len(neg), 1), 4),
        "precision": _ratio(sum(h.example.label for h in flagged), flagged),
    }


def choose(task: str, held: list[Held]) -> float | None:
    best: tuple[float, float] | None = None  # (recall, -threshold): ties -> lower threshold
    for t in GRID:
        f = _figures(task, held, t)
        ok = (
            f["combined_check_rate"] <= CHECK_BUDGET
            if task == "emergency"
            else f["combined_precision"] >= PRECISION_FLOOR
        )
        if ok and (best is None or (f["combined_recall"], -t) > best):
            best = (f["combined_recall"], -t)
    return None if best is None else -best[1]


def run(task: str, lang: str, rules) -> Result:
    """`rules(example) -> str`: the rules' decision on one example (see `Held.rules`)."""
    examples = data.examples(task, lang)
    rows = [features(e.text, lang) for e in examples]
    held: list[Held] = []
    for fold in dict.fromkeys(e.fold for e in examples):
        train = [i for i, e in enumerate(examples) if e.fold != fold]
        test = [i for i, e in enumerate(examples) if e.fold == fold]
        layer = fit_rows(task, lang, [rows[i] for i in train], [examples[i] for i in train])
        for i in test:
            score = _score(layer, task, examples[i], rows[i])
            held.append(Held(examples[i], rules(examples[i]), score))
    return Result(task, lang, choose(task, held), held)


def _score(layer, task: str, example: data.Example, row: list[str]) -> float:
    """As deployed: the guard model judges each sentence and the turn takes the highest."""
    if task == "guard":
        from dialogue.guard import sentences

        parts = sentences(example.text)
        if len(parts) > 1:
            return max(layer.score(s) for s in parts)
    return float(layer.binary.scores([row])[0])
