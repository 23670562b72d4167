"""`carecall eval`: simulated calls end to end and one report of every quality and latency
figure; `carecall eval --compare OLD.json NEW.json`: what changed between two such reports."""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "audio_fixtures" / "manifest.jsonl"


def add_parser(sub, settings_args) -> None:
    p = sub.add_parser("eval", help="offline evaluation: simulated calls and one report")
    settings_args(p)
    p.add_argument("--calls", type=int, default=4, help="calls to place (default 4)")
    p.add_argument("--workers", type=int, default=1, help="calls at the same time")
    p.add_argument("--out", type=Path, default=Path("carecall-eval"), help="report folder")
    p.add_argument(
        "--persona",
        type=Path,
        action="append",
        help="persona YAML (repeatable; default: the scenario's shipped personas)",
    )
    p.add_argument(
        "--perturb",
        type=float,
        default=0.0,
        help="chance per item that a call's person gives another answer class",
    )
    p.add_argument("--seed", type=int, default=0)
    p.add_argument(
        "--fixtures",
        type=Path,
        default=FIXTURES,
        help="audio fixtures manifest for the ASR section",
    )
    p.add_argument(
        "--text",
        action="store_true",
        help="calls in text only (the dialogue, as if recognition were perfect)",
    )
    p.add_argument("--no-fixtures", action="store_true", help="skip the audio fixtures")
    p.add_argument("--fixtures-split", default="test", choices=["dev", "test", "all"])
    p.add_argument("--fixtures-limit", type=int, help="only the first N fixture clips")
    p.add_argument(
        "--compare",
        nargs=2,
        type=Path,
        metavar=("OLD.json", "NEW.json"),
        help="print what changed between two report.json files, and stop",
    )


def run(args: argparse.Namespace, settings_of) -> int:
    from evaluation.metrics import compare
    from evaluation.report import render_compare

    if args.compare:
        try:
            old, new = (json.loads(p.read_text(encoding="utf-8")) for p in args.compare)
        except (OSError, ValueError) as exc:
            print(f"carecall eval --compare: {exc}", file=sys.stderr)
            return 2
        for path, data in zip(args.compare, (old, new), strict=True):
            if "headline" not in data:
                print(
                    f"carecall eval --compare: {path}: not a carecall eval report.json "
                    "(no 'headline')",
                    file=sys.stderr,
                )
                return 2
        print(render_compare(compare(old, new)))
        return 0
    if args.calls < 1 or args.workers < 1:
        print("carecall eval: --calls and --workers must be at least 1", file=sys.stderr)
        return 2
    if not 0.0 <= args.perturb <= 1.0:
        print("carecall eval: --perturb is a probability (0 to 1)", file=sys.stderr)
        return 2
    from dialogue.yamlfile import ScenarioError
    from evaluation import EvalOptions
    from evaluation.harness import run_evaluation

    options = EvalOptions(
        calls=args.calls,
        workers=args.workers,
        out=args.out,
        personas=args.persona or [],
        perturb=args.perturb,
        seed=args.seed,
        fixtures=None if args.no_fixtures or args.text else args.fixtures,
        text=args.text,
        fixtures_split=args.fixtures_split,
        fixtures_limit=args.fixtures_limit,
        command="carecall " + shlex.join(getattr(args, "argv", sys.argv[1:])),
    )
    try:
        summary, paths = run_evaluation(settings_of(args), options)
    except (ScenarioError, ValueError, FileNotFoundError) as exc:
        print(f"carecall eval: {exc}", file=sys.stderr)
        return 2
    print(headline_text(summary))
    print(
        f"wrote {paths['md']}, {paths['json']} and {len(summary['meta']['plots'])} plots "
        f"in {paths['md'].parent}"
    )
    return 0


def headline_text(summary: dict) -> str:
    from evaluation.report import _pct, _s

    m, c = summary["meta"], summary["calls"]
    f, a = summary["asr_fixtures"], summary["asr_calls"]
    lat, t = summary["latency"], summary["turn_taking"]
    lines = [
        f"{c['n']} calls of {m['scenario']} in {m['runtime_s']:.1f} s "
        f"(speed {m['speed']}x, {m['workers']} at a time)"
    ]
    if "skipped" not in f:
        lines.append(
            f"ASR fixtures ({f['utterances']} clips): {f['metric']} {_pct(f['base'])} "
            f"-> {_pct(f['rescored'])} rescored"
        )
    if "skipped" not in a:
        change = a.get("relative_change")
        lines.append(
            f"ASR in the calls ({a.get('language', '?')}, {a['utterances']} turns, "
            f"{a['words']} words): {a['metric']} {_pct(a['base'])} first pass -> "
            f"{_pct(a['rescored'])} rescored"
            + ("" if change is None else f" ({change:+.1%} relative)")
        )
    al = summary["alerts"]
    lines += [
        f"completion {_pct(summary['completion']['mean'])}; extraction "
        f"{_pct(summary['extraction']['accuracy'])} ({summary['extraction']['right']}/"
        f"{summary['extraction']['total']}); alerts precision {_pct(al['precision'])} "
        f"recall {_pct(al['recall'])}; guard interventions {summary['guard']['interventions']}",
    ]
    if lat["turns"]:
        lines.append(
            f"voice-to-voice p50 {_s(lat['voice_to_voice']['p50'])} s, p95 "
            f"{_s(lat['voice_to_voice']['p95'])} s (wall clock); cut off "
            f"{t['cut_off']}/{t['utterances']}; barge-ins {t['barge_ins']}, reaction "
            f"p50 {_s(t['barge_in_reaction']['p50'])} line s"
        )
    return "\n".join(lines)
