"""Both feature sets (base = without the Korean concept features, new = with) under the same
leave-one-file-out CV as dialogue.learned.cv.run (its `choose`), rules and fits in a pool:

    PYTHONPATH=. python bench/cv_concepts_ko.py emergency|guard OUT.pkl WORKERS new,base

The answer flags (`gate.answers_any`, 60 ms CPU an example on the loaded box) are skipped, so
the answered threshold is not chosen here. Printed figures are in RESULTS-learned.md."""

import json
import multiprocessing as mp
import os
import pickle
import sys
import time

sys.path.insert(0, "bench")
from bench_learned import _rules

from dialogue.learned import cv, data, gate
from dialogue.learned.features import task_features
from dialogue.learned.model import Binary

task, out = sys.argv[1], sys.argv[2]
WORKERS = int(sys.argv[3]) if len(sys.argv) > 3 else 4
# CARECALL_CV_CLAUSES=1: emergency turns of three clauses or more also score each window of
# two clauses (`concepts_ko.clause_texts`), the turn taking the highest score
CLAUSES = os.environ.get("CARECALL_CV_CLAUSES") == "1"
CONCEPT = ("k:", "ks:", "kp:", "s:")
ex = data.examples(task, "ko")
items = ()  # answer flags skipped (60 ms CPU an example on this box): see the report
rules = _rules(task)
G = {}


def keep(variant, r):
    return r if variant == "new" else [f for f in r if not f.startswith(CONCEPT)]


def prep(i):
    e = ex[i]
    row = task_features(e.text, "ko", task)
    parts = None
    if task == "guard":
        from dialogue.guard import sentences

        p = sentences(e.text)
        if len(p) > 1:
            parts = [task_features(s, "ko", task) for s in p]
    if task == "emergency" and CLAUSES:  # each window of two clauses too: the max
        from dialogue.learned.concepts_ko import clause_texts

        p = clause_texts(e.text)
        if p:
            parts = [task_features(s, "ko", task) for s in p]
    ans = bool(items) and gate.answers_any(e.text, items, "ko")
    return row, parts, rules(e), ans


def fit(job):
    variant, fold = job
    R = G["rows"]
    train = [i for i, e in enumerate(ex) if e.fold != fold]
    b = Binary.fit([keep(variant, R[i]) for i in train], [ex[i].label for i in train])
    out = []
    for i, e in enumerate(ex):
        if e.fold != fold:
            continue
        if G["parts"][i]:
            whole = [] if task == "guard" else [R[i]]
            s = float(max(b.scores([keep(variant, r) for r in whole + G["parts"][i]])))
        else:
            s = float(b.scores([keep(variant, R[i])])[0])
        out.append((i, s))
    return variant, out


if __name__ == "__main__":
    mp.set_start_method("fork")
    t0 = time.time()
    with mp.Pool(WORKERS) as pool:
        done = pool.map(prep, range(len(ex)), chunksize=20)
    G["rows"] = [d[0] for d in done]
    G["parts"] = [d[1] for d in done]
    dec = [d[2] for d in done]
    ans = [d[3] for d in done]
    print(f"prep wall {time.time() - t0:.0f}s", flush=True)
    folds = list(dict.fromkeys(e.fold for e in ex))
    variants = sys.argv[4].split(",") if len(sys.argv) > 4 else ["base", "new"]
    res = {}
    for variant in variants:
        with mp.Pool(WORKERS) as pool:
            fitted = pool.map(fit, [(variant, f) for f in folds], chunksize=1)
        print(f"fits {variant} wall {time.time() - t0:.0f}s", flush=True)
        held = []
        for _v, scores in fitted:
            held += [cv.Held(ex[i], dec[i], s, ans[i]) for i, s in scores]
        th = cv.choose(task, held, "ko")
        r = cv.Result(task, "ko", th, held, None)
        print(f"[{variant}] threshold={th}", flush=True)
        print(f"[{variant}] pooled", json.dumps(r.combined()), flush=True)
        for t in (0.3, 0.5, 0.7):
            print(f"[{variant}] pooled at {t}", json.dumps(r.combined(t)), flush=True)
        for fold, fig in r.per_fold().items():
            print(f"[{variant}]   alone {fold}", json.dumps(fig), flush=True)
        res[variant] = {
            "threshold": th,
            "held": [
                (
                    h.example.fold,
                    h.example.label,
                    h.rules,
                    h.score,
                    h.answer,
                    h.example.category,
                    h.example.text,
                )
                for h in held
            ],
        }
        pickle.dump(res, open(out, "wb"))
    pickle.dump(res, open(out, "wb"))
