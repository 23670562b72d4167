"""Score the engine's answer extraction on files of the blind extraction set.

    python -m evaluation.extraction evaluation/extraction/answers_en.dev.jsonl [--misses] [--json]

Prints, per language, the accuracy of the asked item's class, per item, per tag, a confusion
list, and how many ``also`` items the answers-in-passing function finds. ``--misses`` lists
every miss; ``--json`` prints one JSON object per line instead (the line, ``found``, ``ok``).
Tune rules on dev files only; test files are scored once, by the lead (see README.md).
"""

from __future__ import annotations

import argparse
import json
import sys

from evaluation.extraction.evaluate import (
    InputError,
    engine,
    evaluate,
    load_rows,
    misses,
    report,
    summarize,
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evaluation.extraction", description=__doc__)
    ap.add_argument("files", nargs="+", metavar="FILE", help="answers_*.jsonl files")
    ap.add_argument("--json", action="store_true", help="one JSON object per case")
    ap.add_argument("--misses", action="store_true", help="list every miss")
    args = ap.parse_args(argv)
    try:
        rows = load_rows(args.files)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    cases = evaluate(rows, *engine())
    if args.json:
        for c in cases:
            print(json.dumps(c.as_json(), ensure_ascii=False))
        return 0
    print(report(summarize(cases)))
    if args.misses:
        print("\nmisses:")
        print(misses(cases) or "(none)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
