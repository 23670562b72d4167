"""`carecall safety eval FILE.jsonl [--json]`: emergency detection measured on labelled cases.

Prints per language the number of cases, recall (an emergency decided `emergency` or `check`
is caught), the precision of `emergency`, how often a non-emergency got a `check`, and every
miss. `--json` prints one line per case instead: the case with its `decision`.
(P3's `--guard` will measure the role guard on the same command.)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_parser(sub) -> None:
    p = sub.add_parser("safety", help="measure emergency detection on labelled cases")
    ssub = p.add_subparsers(dest="action", required=True)
    e = ssub.add_parser("eval", help="recall, emergency precision and check rate on JSONL cases")
    e.add_argument("file", type=Path, help='JSONL: {"lang", "user", "emergency": true|false}')
    e.add_argument("--json", action="store_true", help="one JSON line per case with its decision")


def run(args: argparse.Namespace) -> int:
    from dialogue.safety import Decision
    from dialogue.safety.detector import EmergencyDetector
    from dialogue.safety.evaluate import CaseError, read_cases, render, score

    try:
        cases = read_cases(args.file)
    except CaseError as exc:
        print(f"carecall safety: {exc}", file=sys.stderr)
        return 2
    detector = EmergencyDetector()
    decisions: dict[int, Decision] = {}

    def decide(case) -> Decision:
        decisions[id(case)] = detector.assess(case.user, case.lang).decision
        return decisions[id(case)]

    figures = score(cases, decide)
    if args.json:
        for case in cases:
            print(
                json.dumps({**case.raw, "decision": decisions[id(case)].value}, ensure_ascii=False)
            )
    else:
        print(render(figures))
    return 0
