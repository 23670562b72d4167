"""Leave-one-batch-out cross-validation: how the thresholds in `layer.THRESHOLDS` are chosen.

Each training file is a fold: the model is fitted on the other files and scores this one. Over all
held-out scores, the threshold kept is the one with the highest recall of rules + model within the
budget: `check` on at most 10% of non-emergencies (emergency; margin under the 15% target), or
precision at least 0.93 (guard; Korean 0.97, `PRECISION_FLOORS`), of rules + model and of the
model's own flags alike: the rules were written against these files, so their precision here is
better than on a fresh batch, and a model that is precise only beside them lowered the held-out
precision of batch 1 and 2 below 0.90. The rules were written against all these files, so they miss
almost nothing here and many thresholds tie on combined recall; a tie goes to the lowest threshold,
which spends the budget on the model's own recall (what a fresh batch, where the rules miss 5–15%,
needs). The model alone is reported per fold too.

In calls, most utterances are answers to the question just asked. For those the emergency
layer has a second threshold (`choose_answered`): over the held-out examples that read as a
confident answer to a check-in item of the language's shipped scenarios (`gate.answers_any`,
the stand-in for "the item just asked"), the highest recall of rules + model with learned-only
checks on at most 1% of those non-emergencies (`ANSWER_BUDGET`): a call asks about six items.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from dialogue.learned import data
from dialogue.learned.features import task_features
from dialogue.learned.layer import Layer
from dialogue.learned.model import Binary

CHECK_BUDGET = 0.10
ANSWER_BUDGET = 0.01
PRECISION_FLOOR = 0.93
# A stricter floor where the held-out figure fell short of the target despite the floor: the
# Korean guard, chosen at 0.93 here, measured 0.865 precision on its untouched test half; on
# these folds its learned-only flags at that floor were 7 right and 61 wrong (2026-12-07).
# The floor is the target 0.90 plus that gap, rounded up.
# The English guard by the same rule: chosen at 0.93 (threshold 0.70), it measured 0.855 on
# batch 2's untouched half (rules alone 0.942); 0.93 + 0.045, rounded up (2026-12-07). On the
# one fresh batch scored before tuning with the layer held out (guard_en.dev6), thresholds 0.66
# to 0.82 caught the same 4 of the 6 rule misses with the same 1 false alarm; over all folds
# 0.82 flags 0.8% of fine turns and own lines against 3.7% at 0.66.
PRECISION_FLOORS: dict[tuple[str, str], float] = {("guard", "ko"): 0.97, ("guard", "en"): 0.98}
GRID = tuple(round(t, 2) for t in np.arange(0.05, 0.96, 0.01))


@dataclass
class Held:
    """One example scored by a model that never saw its file."""

    example: data.Example
    rules: str  # "emergency" | "check" | "none" (emergency), "violation" | "ok" (guard)
    score: float
    answer: bool = False  # a confident answer to a check-in item (emergency task only)


@dataclass
class Result:
    task: str
    lang: str
    threshold: float | None  # None: no threshold meets the budget (the layer adds nothing)
    held: list[Held] = field(default_factory=list)
    answered: float | None = None  # the threshold for answers (emergency; None: never)

    def on_answers(self, t: float | None = None) -> dict:
        """Rules + model on the answer-like examples, at `t` (default: `answered`)."""
        held = [h for h in self.held if h.answer]
        return _figures(self.task, held, self.answered if t is None else t)

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


def choose(task: str, held: list[Held], lang: str = "") -> float | None:
    floor = PRECISION_FLOORS.get((task, lang), PRECISION_FLOOR)
    best: tuple[float, float] | None = None  # (recall, -threshold): ties -> lower threshold
    for t in GRID:
        f = _figures(task, held, t)
        if task == "emergency":
            ok = f["combined_check_rate"] <= CHECK_BUDGET
        else:  # the model's own flags precise too: the rules' precision here is optimistic
            alone = _model_alone(held, t)["precision"]
            ok = min(f["combined_precision"], alone) >= floor
        if ok and (best is None or (f["combined_recall"], -t) > best):
            best = (f["combined_recall"], -t)
    return None if best is None else -best[1]


def choose_answered(held: list[Held], base: float | None) -> float | None:
    """The emergency threshold for answer-like utterances: at least `base`; the highest
    recall of rules + model on answer-like examples with learned-only checks on at most
    `ANSWER_BUDGET` of their non-emergencies (ties: the lowest). None: no learned-only check
    on an answer."""
    if base is None:
        return None
    answers = [h for h in held if h.answer]
    negatives = [h for h in answers if not h.example.label]
    best: tuple[float, float] | None = None
    for t in (g for g in GRID if g >= base):
        learned_only = sum(h.rules == "none" and h.score >= t for h in negatives)
        if learned_only > ANSWER_BUDGET * len(negatives):
            continue
        recall = _figures("emergency", answers, t)["combined_recall"]
        if best is None or (recall, -t) > best:
            best = (recall, -t)
    return None if best is None else -best[1]


def _check_in_items(lang: str) -> tuple:
    from dialogue.scenario import load_scenario
    from scenarios import list_scenarios, scenario_path

    items = []
    for name in list_scenarios():
        scenario = load_scenario(scenario_path(name))
        if scenario.language == lang:
            items += scenario.items
    return tuple(items)


def run(task: str, lang: str, rules) -> Result:
    """`rules(example) -> str`: the rules' decision on one example (see `Held.rules`)."""
    from dialogue.learned import gate

    examples = data.examples(task, lang)
    rows = [task_features(e.text, lang, task) for e in examples]
    items = _check_in_items(lang) if task == "emergency" else ()
    held: list[Held] = []
    for fold in dict.fromkeys(e.fold for e in examples):
        train = [i for i, e in enumerate(examples) if e.fold != fold]
        test = [i for i, e in enumerate(examples) if e.fold == fold]
        # the probability alone: the category model plays no part in the threshold
        binary = Binary.fit([rows[i] for i in train], [examples[i].label for i in train])
        layer = Layer(task, lang, 0.5, binary, None)  # type: ignore[arg-type]
        for i in test:
            score = _score(layer, task, examples[i], rows[i])
            answer = bool(items) and gate.answers_any(examples[i].text, items, lang)
            held.append(Held(examples[i], rules(examples[i]), score, answer))
    threshold = choose(task, held, lang)
    answered = choose_answered(held, threshold) if task == "emergency" else None
    return Result(task, lang, threshold, held, answered)


def _score(layer, task: str, example: data.Example, row: list[str]) -> float:
    """As deployed: the guard model judges each sentence and the turn takes the highest."""
    if task == "guard":
        from dialogue.guard import sentences

        parts = sentences(example.text)
        if len(parts) > 1:
            return max(layer.score(s) for s in parts)
    return float(layer.binary.scores([row])[0])
