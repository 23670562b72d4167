"""The per-language learned layers the detector and the guard ask, trained once per process.

`emergency_layer(lang)` / `guard_layer(lang)` fit on first use (or at `warm()`, which the
pipeline calls at start) and return None where the layer is off, the language has no data, or
the data files are missing (logged once, with what is missing). Thresholds were chosen by
leave-one-batch-out cross-validation (`dialogue.learned.cv`, printed by
`bench/bench_learned.py`): the highest recall of rules+model with `check` on at most 10% of
non-emergencies (emergency; 1% of answer-like ones for a plain answer to the item just asked,
`gate`) or precision at least 0.93 of rules+model and of the model alone (guard), on held-out
folds. A fit is stored on disk (`cache`) and loaded by later processes.

The library's switch is off until the pipeline sets it from `settings.learned_layer` (default
true); `EmergencyDetector(learned=...)` and `Guard(learned=...)` override per instance.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from dialogue.learned import data, gate
from dialogue.learned.features import features, task_features  # noqa: F401 (tests)
from dialogue.learned.model import Binary, Categories
from dialogue.scenario import Item

log = logging.getLogger(__name__)

# (task, lang) -> threshold on the model's probability: "cv threshold=" of
# `python bench/bench_learned.py` (2026-12-07, on the files of `data.PATTERNS` and, for the
# guard, `data.OWN_LINES`; guard: precision >= 0.93 of rules + model and of the model alone).
# Rerun it and update these whenever those files change.
THRESHOLDS = {
    ("emergency", "en"): 0.42,  # 2026-12-08: dev to dev9, concept features (was 0.53)
    ("emergency", "ko"): 0.56,  # 2026-12-08: dev to dev10, ASR repairs, 괜찮아요 scope (was 0.55)
    ("guard", "en"): 0.81,  # 2026-12-08: dev to dev10, guard concepts; floor 0.98 (was 0.85)
    ("guard", "ko"): 0.68,  # 2026-12-08: dev to dev9, concept features; floor 0.97 (was 0.72)
}

# (task, lang) -> the threshold for an utterance that confidently answers the check-in item
# just asked (`gate`): "cv answered threshold=" of the same bench.
ANSWER_THRESHOLDS: dict[tuple[str, str], float] = {
    ("emergency", "en"): 0.77,  # 2026-12-07: dev to dev7 (was 0.81)
    ("emergency", "ko"): 0.80,  # 2026-12-07: dev to dev7; kept for the concept features (not rerun)
}

_enabled = False
_lock = threading.Lock()
_layers: dict[tuple[str, str], Layer | None] = {}


def set_enabled(on: bool) -> None:
    global _enabled
    _enabled = bool(on)


def enabled() -> bool:
    return _enabled


@dataclass
class Layer:
    """A fitted model of one task and language: its probability and best category."""

    task: str
    lang: str
    threshold: float
    binary: Binary
    categories: Categories

    def score(self, text: str) -> float:
        return float(self.binary.scores([task_features(text, self.lang, self.task)])[0])

    @property
    def answer_threshold(self) -> float:
        return max(self.threshold, ANSWER_THRESHOLDS.get((self.task, self.lang), self.threshold))

    def flags(self, text: str, *, answering: Item | None = None) -> tuple[float, str] | None:
        """(probability, best category) when the model says positive, else None. With
        `answering` (the item just asked in a call), an utterance that confidently answers it
        must reach `answer_threshold` (the extractor runs only when that matters)."""
        row = task_features(text, self.lang, self.task)
        p = float(self.binary.scores([row])[0])
        if p < self.threshold:
            return None
        if p < self.answer_threshold and answering is not None:
            # in a call with a question open (nearly always): misheard answers read as red
            # flags at the base threshold ("can't my knees are been a log": confusion 0.57)
            return None
        category = self.categories.best([row])[0]
        if self.task == "emergency" and gate.speaker_cannot_be(category, text, self.lang):
            return None
        return p, category


def fit(task: str, lang: str, examples: list[data.Example] | None = None) -> Layer:
    """A layer fitted on `examples`; by default on every training file of the task and
    language, through the disk cache (`dialogue.learned.cache`): loaded when the files, the
    code and the library versions are those it was fitted with, else fitted and stored."""
    if examples is not None:
        return fit_rows(task, lang, [task_features(e.text, lang, task) for e in examples], examples)
    from dialogue.learned import cache

    digest = cache.key(task, lang)
    found = cache.load(task, lang, digest)
    if found is not None:
        return Layer(task, lang, THRESHOLDS.get((task, lang), 0.5), *found)
    examples = data.examples(task, lang)
    fitted = fit_rows(task, lang, [task_features(e.text, lang, task) for e in examples], examples)
    cache.store(task, lang, digest, fitted.binary, fitted.categories)
    return fitted


def fit_rows(task: str, lang: str, rows: list[list[str]], examples: list[data.Example]) -> Layer:
    binary = Binary.fit(rows, [e.label for e in examples])
    positives = [(r, e.category) for r, e in zip(rows, examples, strict=True) if e.label]
    categories = Categories.fit([r for r, _ in positives], [c for _, c in positives])
    return Layer(task, lang, THRESHOLDS.get((task, lang), 0.5), binary, categories)


def _layer(task: str, lang: str) -> Layer | None:
    key = (task, lang)
    if key not in _layers:
        with _lock:
            if key not in _layers:
                try:
                    _layers[key] = fit(task, lang)
                except data.LearnedDataMissing as exc:
                    log.warning("%s", exc)
                    _layers[key] = None
                except KeyError:  # a language without data: no layer
                    _layers[key] = None
    return _layers[key]


def emergency_layer(lang: str) -> Layer | None:
    return _layer("emergency", lang)


def guard_layer(lang: str) -> Layer | None:
    return _layer("guard", lang)


def warm(languages: tuple[str, ...] = ("en", "ko")) -> None:
    """Fit every layer now (the pipeline's warm-up), so no call waits for a fit."""
    if not _enabled:
        return
    for lang in languages:
        emergency_layer(lang)
        guard_layer(lang)


def reset() -> None:
    """Forget fitted layers (tests: a different data root)."""
    with _lock:
        _layers.clear()
