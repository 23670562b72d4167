"""The response bank's retrieval (P4): what `bm25s` costs, how long an index takes to build and
how much memory it holds, how fast a query is, and how well it retrieves.

    python bench/bench_bank.py [--language en|ko|both] [--show]

Each cost is measured in a fresh Python process, so one measurement's imports and caches do
not hide another's:
- `import bm25s`: wall time and resident memory added, from nothing, with numpy loaded (the
  project imports it anyway), and with its dependencies loaded (bm25s imports scipy.sparse,
  and numba whenever numba is installed: openai-whisper brings it, so a Korean pipeline has
  it loaded already);
- the index of one language: the language analysis is loaded first (Kiwi for Korean, about
  1 s and 245 MB, shared with the safety detector and the guard, so not counted), then the
  bank is read and `Retriever` built; time, resident memory added (noisy: allocator reuse)
  and memory Python holds after the build (tracemalloc, numpy arrays included);
- per-query latency: every development, test, plain and unrelated wording, after one warm-up
  pass, p50 / p95 / max in ms.
Quality: top-1 situation accuracy and fail rate on the two development sets of wordings (the
threshold, the fit rules and the triggers were tuned on them) and on the test wordings (written
last, not tuned on), and fail precision (the share of plain check-in answers and unrelated
lines that retrieve nothing).
`--show` lists the misses.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child_import(preloaded: str) -> dict:
    import importlib
    import time

    for name in {"bare": [], "numpy": ["numpy"], "deps": ["numpy", "scipy.sparse", "numba"]}[
        preloaded
    ]:
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    before, start = rss_mb(), time.perf_counter()
    import bm25s  # noqa: F401

    numba = "numba" in sys.modules  # bm25s imports numba whenever it is installed
    return {"s": time.perf_counter() - start, "mb": rss_mb() - before, "numba": numba}


def child_build(language: str) -> dict:
    import time

    from dialogue.analysis import analyze
    from dialogue.conversation.retrieve import Retriever

    analyze("warm up", language)  # the shared analysis, loaded at pipeline warm-up anyway
    import tracemalloc

    import bm25s  # noqa: F401

    before, start = rss_mb(), time.perf_counter()
    retriever = Retriever.for_language(language)
    built = time.perf_counter() - start
    grown = rss_mb() - before
    tracemalloc.start()  # a second index of the same bank, traced (tracing slows it down)
    again = Retriever(retriever.bank, item_words=retriever.item_words)
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del again
    bank = retriever.bank
    return {
        "s": built,
        "mb": grown,
        "held_mb": held / 2**20,
        "peak_mb": peak / 2**20,
        "situations": len(bank.situations),
        "triggers": sum(len(s.triggers) for s in bank.situations),
        "lines": sum(len(s.reactions) + len(s.answer) + len(s.follow_up) for s in bank.situations),
        "vocabulary": len(retriever._idf),
    }


def child_queries(language: str) -> dict:
    import time

    import numpy as np

    from dialogue.conversation.retrieve import Retriever
    from tests.conversation_heldout import DEV2, HELDOUT, PLAIN, TEST, UNRELATED, score

    retriever = Retriever.for_language(language)
    texts = [t for ws in HELDOUT[language].values() for t in ws]
    texts += [t for ws in DEV2[language].values() for t in ws]
    texts += [t for ws in TEST[language].values() for t in ws]
    texts += PLAIN[language] + UNRELATED[language]
    for text in texts:  # warm-up: lemma caches, numpy paths
        retriever.find(text)
    times = []
    for text in texts:
        start = time.perf_counter()
        retriever.find(text)
        times.append((time.perf_counter() - start) * 1000)
    dev, dev2 = score(retriever, language), score(retriever, language, DEV2)
    test = score(retriever, language, TEST)
    return {
        "n": len(times),
        "p50": float(np.percentile(times, 50)),
        "p95": float(np.percentile(times, 95)),
        "max": max(times),
        "dev": dev,
        "dev2": dev2,
        "test": test,
    }


def run_child(*args: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--language", choices=["en", "ko", "both"], default="both")
    parser.add_argument("--show", action="store_true", help="list misses and false hits")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        result = {
            "import": lambda: child_import(rest[0]),
            "build": lambda: child_build(rest[0]),
            "queries": lambda: child_queries(rest[0]),
        }[kind]()
        print(json.dumps(result))
        return

    for preloaded, what in [
        ("bare", "from nothing"),
        ("numpy", "numpy already loaded"),
        ("deps", "numpy, scipy.sparse and numba already loaded: bm25s itself"),
    ]:
        got = run_child("import", preloaded)
        numba = ", imports numba" if got["numba"] and preloaded != "deps" else ""
        print(f"import bm25s: {got['s'] * 1000:.0f} ms, +{got['mb']:.1f} MB ({what}{numba})")
    languages = ["en", "ko"] if args.language == "both" else [args.language]
    for language in languages:
        built = run_child("build", language)
        print(
            f"[{language}] bank: {built['situations']} situations, {built['triggers']} triggers, "
            f"{built['lines']} lines the agent can say, {built['vocabulary']} terms"
        )
        print(
            f"[{language}] build: {built['s'] * 1000:.0f} ms, +{built['mb']:.1f} MB resident, "
            f"{built['held_mb']:.1f} MB held by Python (peak {built['peak_mb']:.1f} MB)"
        )
        q = run_child("queries", language)
        print(
            f"[{language}] query: p50 {q['p50']:.2f} ms, p95 {q['p95']:.2f} ms, "
            f"max {q['max']:.2f} ms over {q['n']} queries"
        )
        for name in ("dev", "dev2", "test"):
            r = q[name]
            print(
                f"[{language}] {name}: top-1 {r['top1']:.3f} on {r['heldout']} wordings, "
                f"fail {r['fail_rate']:.3f}"
                + (
                    f"; fail precision {r['fail_precision']:.3f} on {r['negatives']} "
                    "plain answers and unrelated lines"
                    if name == "dev"
                    else ""
                )
            )
            if args.show:
                for situation_id, text, got in r["misses"]:
                    print(f"    miss {situation_id}: {text!r} -> {got}")
                for text, got in r["false_hits"] if name == "dev" else []:
                    print(f"    false hit {text!r} -> {got}")


if __name__ == "__main__":
    main()
