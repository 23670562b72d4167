"""`carecall safety eval FILE.jsonl [--json]`: emergency detection measured on labelled cases.

Prints per language the number of cases, recall (an emergency decided `emergency` or `check`
is caught), the precision of `emergency`, how often a non-emergency got a `check`, and every
miss. `--json` prints one line per case instead: the case with its `decision` and the `layer`
that decided ("rules", "learned", "llm"). The learned layer is used as the calls use it, by
the settings (`learned_layer`, one source of truth: the figure is the product's behaviour);
`--no-learned` / `--learned` override them.
`--guard` measures the role guard instead, on agent turns (`dialogue.guard_eval`).
"""

from __future__ import annotations

import argparse
import dataclasses
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
    e.add_argument(
        "--alerting",
        action="store_true",
        help="with --guard: an alert channel exists for cases that give no context.alerting "
        "(the project's set is labelled so: 'I'll let your care worker know' is then fine)",
    )
    e.add_argument(
        "--no-learned",
        dest="learned",
        action="store_false",
        default=None,
        help="the rules (and LLM) alone, without the learned layer (dialogue.learned); "
        "default: as the settings' learned_layer, as in calls",
    )
    e.add_argument(
        "--learned",
        dest="learned",
        action="store_true",
        default=None,
        help="with the learned layer, whatever the settings say",
    )
    e.add_argument(
        "--config", help="settings YAML whose learned_layer decides the default (see above)"
    )
    e.add_argument(
        "--llm",
        choices=["none", "transformers", "openai"],
        default="none",
        help="also ask an LLM: the detector's second opinion, or the guard's judge",
    )
    e.add_argument("--llm-model", help="LLM folder/hub name, or the server's model name")
    e.add_argument("--llm-url", help="OpenAI-compatible server, e.g. http://127.0.0.1:8000/v1")


def _chat_model(args: argparse.Namespace):
    """The LLM asked besides the rules (None: rules alone)."""
    if getattr(args, "llm", "none") == "none":
        return None
    from assembly.builders import build_chat_model
    from assembly.config import load_settings

    settings = load_settings(llm=args.llm, llm_model=args.llm_model, llm_url=args.llm_url)
    return build_chat_model(settings)


def _learned(args: argparse.Namespace) -> bool:
    """The learned layer on or off: the flag where one was given, else the settings (as in
    calls: `learned_layer` in the settings file or CARECALL_LEARNED_LAYER)."""
    flag = getattr(args, "learned", None)
    if flag is not None:
        return bool(flag)
    from assembly.config import load_settings

    return load_settings(getattr(args, "config", None)).learned_layer


def run(args: argparse.Namespace) -> int:
    from assembly.builders import WeightsMissing
    from assembly.config import ConfigError

    try:
        llm = _chat_model(args)
        learned = _learned(args)
    except (WeightsMissing, ConfigError) as exc:
        print(f"carecall safety: {exc}", file=sys.stderr)
        return 2
    if getattr(args, "guard", False):
        return run_guard(
            args.file,
            as_json=args.json,
            alerting=getattr(args, "alerting", False),
            judge=llm,
            learned=learned,
        )
    from dialogue.safety import Decision
    from dialogue.safety.detector import EmergencyDetector, layer_of
    from dialogue.safety.evaluate import CaseError, read_cases, render, score

    try:
        cases = read_cases(args.file)
    except CaseError as exc:
        print(f"carecall safety: {exc}", file=sys.stderr)
        return 2
    detector = EmergencyDetector(llm=llm, learned=learned)
    decisions: dict[int, Decision] = {}
    layers: dict[int, str] = {}

    def decide(case) -> Decision:
        assessment = detector.assess(case.user, case.lang)
        decisions[id(case)], layers[id(case)] = assessment.decision, layer_of(assessment)
        return decisions[id(case)]

    figures = score(cases, decide)
    if args.json:
        for case in cases:
            out = {**case.raw, "decision": decisions[id(case)].value, "layer": layers[id(case)]}
            print(json.dumps(out, ensure_ascii=False))
    else:
        print(render(figures))
    return 0


def run_guard(
    path: Path, *, as_json: bool = False, alerting: bool = False, judge=None, learned=True
) -> int:
    """`carecall safety eval --guard FILE.jsonl`: recall, precision and every miss per language."""
    from dialogue.guard import Guard
    from dialogue.guard_eval import GuardCaseError, read_guard_cases, render_guard, score_guard

    try:
        cases = read_guard_cases(path)
    except GuardCaseError as exc:
        print(f"carecall safety: {exc}", file=sys.stderr)
        return 2
    guard = Guard(judge=judge, learned=learned)
    verdicts = {}

    def check(case):
        context = case.context
        if alerting and "alerting" not in (case.raw.get("context") or {}):
            context = dataclasses.replace(context, alerting=True)
        verdicts[id(case)] = guard.check(case.agent, context=context)
        return verdicts[id(case)]

    figures = score_guard(cases, check)
    if as_json:
        for case in cases:
            verdict = verdicts[id(case)]
            out = {**case.raw, "violation_found": not verdict.ok}
            out["categories"] = verdict.categories
            out["layer"] = verdict.layer
            print(json.dumps(out, ensure_ascii=False))
    else:
        print(render_guard(figures))
    return 0
