"""`carecall safety eval FILE.jsonl [--json]`: emergency detection measured on labelled cases.

Prints per language the number of cases, recall (an emergency decided `emergency` or `check`
is caught), the precision of `emergency`, how often a non-emergency got a `check`, and every
miss. `--json` prints one line per case instead: the case with its `decision`.
`--guard` measures the role guard instead, on agent turns (`dialogue.guard_eval`).
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
    e.add_argument(
        "--guard",
        action="store_true",
        help='the role guard instead: JSONL {"lang", "agent", "violation": true|false}',
    )


def run(args: argparse.Namespace) -> int:
    if getattr(args, "guard", False):
        return run_guard(args.file, as_json=args.json)
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


def run_guard(path: Path, *, as_json: bool = False) -> int:
    """`carecall safety eval --guard FILE.jsonl`: recall, precision and every miss per language."""
    from dialogue.guard import Guard
    from dialogue.guard_eval import GuardCaseError, read_guard_cases, render_guard, score_guard

    try:
        cases = read_guard_cases(path)
    except GuardCaseError as exc:
        print(f"carecall safety: {exc}", file=sys.stderr)
        return 2
    guard = Guard()
    verdicts = {}

    def judge(case):
        verdicts[id(case)] = guard.check(case.agent, context=case.context)
        return verdicts[id(case)]

    figures = score_guard(cases, judge)
    if as_json:
        for case in cases:
            verdict = verdicts[id(case)]
            out = {**case.raw, "violation_found": not verdict.ok}
            out["categories"] = verdict.categories
            print(json.dumps(out, ensure_ascii=False))
    else:
        print(render_guard(figures))
    return 0
