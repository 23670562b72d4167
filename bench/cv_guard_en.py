"""The English guard's leave-one-batch-out CV with and without its concept features
(`features_guard_en`: `g:`, `gg:`, `gr:`), on the same folds and `cv.choose` as `cv.run`:

    PYTHONPATH=. python bench/cv_guard_en.py [--workers 2] [--out held.pkl] [--misses]

Rows are built once (words + n-grams, and the guard features apart), the rules' decision once
per example, then every fold is fitted per variant. Printed per variant: the threshold `cv`
chooses (floor `PRECISION_FLOORS`), rules + model pooled there and at the shipped threshold,
the model alone's AUC and its recall at 1/2/5% false positives, per held-out file; with
`--misses`, the violations rules + model miss at the chosen threshold, by category and file.
Figures in bench/RESULTS-learned.md."""

from __future__ import annotations

import argparse
import multiprocessing as mp
import pickle
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_learned import _rules  # noqa: E402

from dialogue.analysis import analyze  # noqa: E402
from dialogue.guard import sentences  # noqa: E402
from dialogue.learned import cv, data  # noqa: E402
from dialogue.learned.features import features  # noqa: E402
from dialogue.learned.features_guard_en import guard_features  # noqa: E402
from dialogue.learned.layer import THRESHOLDS  # noqa: E402
from dialogue.learned.model import Binary  # noqa: E402

EX = data.examples("guard", "en")
G: dict = {}


def _unread(fold: str) -> bool:
    """Batch 11 is being written while this runs: trained on as shipped, never printed."""
    return fold.endswith("11.jsonl")


def _row(text: str) -> tuple[list[str], list[str]]:
    a = analyze(text, "en")
    return features(text, "en", a), guard_features(a)


def prep(i: int):
    e = EX[i]
    parts = sentences(e.text)
    rows = [_row(s) for s in parts] if len(parts) > 1 else []
    return _row(e.text), rows, G["rules"](e)


def _variant(pair, variant: str) -> list[str]:
    words, concepts = pair
    return words + concepts if variant == "concepts" else words


def fit(job):
    variant, fold = job
    rows, parts = G["rows"], G["parts"]
    train = [i for i, e in enumerate(EX) if e.fold != fold]
    b = Binary.fit([_variant(rows[i], variant) for i in train], [EX[i].label for i in train])
    out = []
    for i, e in enumerate(EX):
        if e.fold != fold:
            continue
        if parts[i]:
            s = float(max(b.scores([_variant(p, variant) for p in parts[i]])))
        else:
            s = float(b.scores([_variant(rows[i], variant)])[0])
        out.append((i, s))
    return variant, out


def _auc(held) -> float:
    pos = np.array([h.score for h in held if h.example.label])
    neg = np.array([h.score for h in held if not h.example.label])
    return float((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())


def _recall_at_fpr(held, fpr: float) -> float:
    neg = sorted((h.score for h in held if not h.example.label), reverse=True)
    t = neg[int(fpr * len(neg))] if neg else 1.0
    pos = [h.score for h in held if h.example.label]
    return sum(s > t for s in pos) / max(len(pos), 1)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--out", help="pickle the held-out scores here")
    ap.add_argument("--misses", action="store_true", help="list what rules + model miss")
    ap.add_argument("--variants", default="words,concepts")
    args = ap.parse_args()
    G["rules"] = _rules("guard")
    mp.set_start_method("fork")
    with mp.Pool(args.workers) as pool:
        done = pool.map(prep, range(len(EX)), chunksize=25)
    G["rows"] = [d[0] for d in done]
    G["parts"] = [d[1] for d in done]
    decisions = [d[2] for d in done]
    folds = list(dict.fromkeys(e.fold for e in EX))
    variants = args.variants.split(",")
    jobs = [(v, f) for v in variants for f in folds]
    with mp.Pool(args.workers) as pool:
        fitted = pool.map(fit, jobs)
    shipped = THRESHOLDS[("guard", "en")]
    result = {}
    for variant in variants:
        scores = dict(s for v, out in fitted if v == variant for s in out)
        held = [cv.Held(e, decisions[i], scores[i]) for i, e in enumerate(EX)]
        r = cv.Result("guard", "en", cv.choose("guard", held, "en"), held)
        result[variant] = r
        print(f"\n[{variant}] n={len(EX)} folds={len(folds)} cv threshold={r.threshold}")
        print(f"  pooled: {r.combined()}")
        print(f"  pooled at shipped {shipped}: {r.combined(shipped)}")
        rf = [round(_recall_at_fpr(held, f), 3) for f in (0.01, 0.02, 0.05)]
        print(f"  model alone AUC {_auc(held):.4f}; recall at 1/2/5% FPR {rf}")
        for fold, fig in r.per_fold().items():
            if not _unread(fold) and (fig["recall"] < 1.0 or fig["false_positive_rate"] > 0):
                print(f"    {fold}: {fig}")
        if args.misses and r.threshold is not None:
            t = r.threshold
            missed = [h for h in held if h.example.label and h.rules != "violation"]
            missed = [h for h in missed if h.score < t]
            print(f"  missed {len(missed)}: {Counter(h.example.category for h in missed)}")
            for h in missed:
                if not _unread(h.example.fold):
                    e = h.example
                    print(f"    {e.fold} [{e.category}] {h.score:.2f} {e.text}")
            wrong = [h for h in held if not h.example.label and h.rules != "violation"]
            wrong = [h for h in wrong if h.score >= t]
            print(f"  learned-only false flags {len(wrong)}")
            for h in wrong:
                if not _unread(h.example.fold):
                    print(f"    {h.example.fold} {h.score:.2f} {h.example.text}")
    if args.out:
        with open(args.out, "wb") as f:
            pickle.dump({v: r.held for v, r in result.items()}, f)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
