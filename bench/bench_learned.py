"""The learned safety/guard layer: fit time, latency, memory, leave-one-batch-out figures.

    python bench/bench_learned.py [--task emergency|guard] [--lang en|ko] [--folds]
    python bench/bench_learned.py --startup     # warm-up: cold (fit) vs warm (disk cache)

Per task and language: how many examples and files (folds), seconds to build the features and
to fit, milliseconds per utterance (features + score), the process's peak memory, and the
cross-validation (`dialogue.learned.cv`): the threshold chosen, the rules alone and rules +
model pooled over held-out folds, and with `--folds` the model alone on each held-out file.
The rules were written against these files, so their part of the combined figure is
optimistic; the model-alone figures are the honest ones. Timings are measured, never asserted.

`--startup` times `dialogue.learned.warm()` (every task and language) in fresh processes over
an empty cache folder: the first fits and stores (cold), the next ones load (warm). The
language analysers are loaded before the clock starts (the pipeline's warm-up loads them
anyway); the process's import of the layer is timed apart.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rules(task: str):
    if task == "emergency":
        from dialogue.safety.detector import EmergencyDetector

        detector = EmergencyDetector(learned=False)
        return lambda e: detector.assess(e.text, e.raw["lang"]).decision.value
    from dialogue.guard import Guard, GuardContext

    guard = Guard(learned=False)

    def judge(e):
        ctx = e.raw.get("context") or {}
        context = GuardContext(
            language=e.raw["lang"],
            facts=tuple(ctx.get("facts", [])),
            alerting=ctx.get("alerting", True),  # the project's set is labelled so
        )
        return "ok" if guard.check(e.text, context=context).ok else "violation"

    return judge


_STARTUP = """
import json, sys, time
t0 = time.perf_counter()
from dialogue import learned
from dialogue.analysis import analyze
t_import = time.perf_counter() - t0
analyze("yes", "en"), analyze("네", "ko")
learned.set_enabled(True)
t = time.perf_counter()
learned.warm(("en", "ko"))
print(json.dumps({"import_s": t_import, "warm_s": time.perf_counter() - t}))
"""


def startup(runs: int = 3) -> int:
    import os
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "CARECALL_CACHE": cache, "PYTHONPATH": str(ROOT)}
        for i in range(runs):
            out = subprocess.run(
                [sys.executable, "-c", _STARTUP], env=env, capture_output=True, text=True
            )
            if out.returncode != 0:
                print(out.stderr, file=sys.stderr)
                return 1
            fig = json.loads(out.stdout.strip().splitlines()[-1])
            kind = "cold (fit + store)" if i == 0 else "warm (cache)"
            print(
                f"learned.warm(en, ko) run {i + 1} {kind}: {fig['warm_s']:.3f} s "
                f"(import {fig['import_s']:.3f} s)"
            )
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--task", choices=["emergency", "guard"], action="append")
    ap.add_argument("--lang", choices=["en", "ko"], action="append")
    ap.add_argument("--folds", action="store_true", help="the model alone on each held-out file")
    ap.add_argument("--startup", action="store_true", help="warm-up: cold fit vs warm cache")
    args = ap.parse_args()
    if args.startup:
        return startup()
    t0 = time.perf_counter()
    import sklearn.linear_model  # noqa: F401

    print(f"import scikit-learn: {time.perf_counter() - t0:.2f} s, peak rss {_rss_mb():.0f} MB")
    from dialogue.analysis import analyze
    from dialogue.learned import cv, data
    from dialogue.learned.features import task_features
    from dialogue.learned.layer import fit_rows

    for task in args.task or ["emergency", "guard"]:
        for lang in args.lang or ["en", "ko"]:
            analyze("네" if lang == "ko" else "yes", lang)  # the analysers' own load apart
            examples = data.examples(task, lang)
            t = time.perf_counter()
            rows = [task_features(e.text, lang, task) for e in examples]
            t_feat = time.perf_counter() - t
            t = time.perf_counter()
            layer = fit_rows(task, lang, rows, examples)
            t_fit = time.perf_counter() - t
            sample = [e.text for e in examples[:200]]
            t = time.perf_counter()
            for text in sample:
                layer.flags(text)
            ms = (time.perf_counter() - t) / len(sample) * 1000
            folds = len({e.fold for e in examples})
            print(
                f"\n{task} [{lang}] n={len(examples)} folds={folds} features {t_feat:.2f} s "
                f"fit {t_fit:.2f} s ({len(layer.binary.vocab)} features) "
                f"{ms:.2f} ms/utterance peak rss {_rss_mb():.0f} MB"
            )
            result = cv.run(task, lang, _rules(task))
            print(f"  cv threshold={result.threshold} (shipped {layer.threshold})")
            if task == "emergency":
                print(
                    f"  cv answered threshold={result.answered} "
                    f"(shipped {layer.answer_threshold}); on answer-like examples: "
                    f"{json.dumps(result.on_answers())}"
                )
            print(f"  cv pooled: {json.dumps(result.combined())}")
            for t in (0.3, 0.5, 0.7):
                print(f"  cv pooled at {t}: {json.dumps(result.combined(t))}")
            alone = result.per_fold()
            for fold, fig in alone.items():
                if args.folds:
                    print(f"    model alone {fold}: {json.dumps(fig)}")
            recalls = [f["recall"] for f in alone.values()]
            print(f"  model alone per fold: recall min {min(recalls):.3f} max {max(recalls):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
