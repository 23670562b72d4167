"""The learned safety/guard layer: fit time, latency, memory, leave-one-batch-out figures.

    python bench/bench_learned.py [--task emergency|guard] [--lang en|ko] [--folds]

Per task and language: how many examples and files (folds), seconds to build the features and
to fit, milliseconds per utterance (features + score), the process's peak memory, and the
cross-validation (`dialogue.learned.cv`): the threshold chosen, the rules alone and rules +
model pooled over held-out folds, and with `--folds` the model alone on each held-out file.
The rules were written against these files, so their part of the combined figure is
optimistic; the model-alone figures are the honest ones. Timings are measured, never asserted.
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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--task", choices=["emergency", "guard"], action="append")
    ap.add_argument("--lang", choices=["en", "ko"], action="append")
    ap.add_argument("--folds", action="store_true", help="the model alone on each held-out file")
    args = ap.parse_args()
    t0 = time.perf_counter()
    import sklearn.linear_model  # noqa: F401

    print(f"import scikit-learn: {time.perf_counter() - t0:.2f} s, peak rss {_rss_mb():.0f} MB")
    from dialogue.analysis import analyze
    from dialogue.learned import cv, data
    from dialogue.learned.features import features
    from dialogue.learned.layer import fit_rows

    for task in args.task or ["emergency", "guard"]:
        for lang in args.lang or ["en", "ko"]:
            analyze("네" if lang == "ko" else "yes", lang)  # the analysers' own load apart
            examples = data.examples(task, lang)
            t = time.perf_counter()
            rows = [features(e.text, lang) for e in examples]
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
