"""Conversation figures (P4) over the chatty personas' simulated text calls. Prints, never asserts.

    python bench/bench_conversation.py [--language en|ko|both] [--seeds 4] [--llm scripted]
                                       [--show PERSONA] [--misses]
                                       [--heldout [DIR]] [--heldout2] [--heldout3]

Every shipped persona with remarks (`scenarios/personas/*.yaml`, `remarks:`) calls once per
seed (the engine's seed: which question variant, which reaction) with the embedded default
engine: the response bank and its retrieval, no model. `--llm scripted` drives the engine's
Generate with `evaluation.scripted_llm.ScriptedLLM`, which writes reactions from the bank's
examples and starts every third turn with a sentence out of role (P3's categories).

Per language: off-script remarks answered with a reaction for their labelled situation (target
>= 90%), reprompts right after a remark (and after one the bank understands: target 0), bank
lines repeated within a call (target 0), item completion and extraction against the truths
(targets >= 95%), items answered in passing asked again, exchanges per call (the person's
utterances: target 10-25), guard leaks (sentences the line's own check, `assembly.pipeline`,
would stop; target 0). `--misses` lists what fell short;
`--show PERSONA` prints that persona's first call (seed 0) as a transcript.
`--heldout` runs the held-out callers instead (`scenarios/personas/heldout/`: written before
the tuning, never tuned on), `--heldout DIR` any folder of persona files, `--heldout2` the
second held-out set (`scenarios/personas/heldout2/`: written after the first was reported),
`--heldout3` the third (`scenarios/personas/heldout3/`: written blind, without reading the
bank or the engine);
every language runs at least `MIN_CALLS` calls (more seeds when there are few personas).
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dialogue import load_scenario  # noqa: E402
from dialogue.caller import load_persona  # noqa: E402
from evaluation.chatty import CallScore, ChattyCall, run_call, score_call  # noqa: E402
from evaluation.scripted_llm import BAD, ScriptedLLM  # noqa: E402
from scenarios import PERSONA_DIR, list_personas  # noqa: E402

HELDOUT_DIR = PERSONA_DIR / "heldout"
HELDOUT2_DIR = PERSONA_DIR / "heldout2"
HELDOUT3_DIR = PERSONA_DIR / "heldout3"
MIN_CALLS = 20  # per language: the targets are over >= 20 calls


def chatty_personas(language: str, heldout: bool | Path = False) -> list[str]:
    """The chatty personas of a language: shipped names, or a held-out folder's file paths
    (`heldout=True`: `HELDOUT_DIR`)."""
    if heldout:
        folder = HELDOUT_DIR if heldout is True else Path(heldout)
        names = [str(p) for p in sorted(folder.glob("*.yaml"))]
    else:
        names = list_personas()
    return [name for name in names if (p := load_persona(name)).remarks and p.language == language]


def transcript(call: ChattyCall) -> str:
    """The call as text: one line per turn, the agent's prefixed `agent: `."""
    out = []
    for entry in call.report.transcript:
        out.append(f"{'agent' if entry.speaker == 'agent' else 'person'}: {entry.text}")
    return "\n".join(out)


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}% ({n}/{d})" if d else "n/a (0/0)"


def run_language(
    language: str,
    seeds: int,
    llm: str | None,
    misses: bool,
    heldout: bool | Path = False,
    min_calls: int = MIN_CALLS,
) -> None:
    names = chatty_personas(language, heldout)
    if not names:
        print(f"== {language}: no chatty personas")
        return
    seeds = max(seeds, -(-min_calls // len(names)))
    total = CallScore()
    exchanges: list[int] = []
    proposed = bad_proposed = calls = said_llm = stopped = 0
    for name in names:
        persona = load_persona(name)
        scenario = load_scenario(persona.scenario)
        for seed in range(seeds):
            model = ScriptedLLM(language, offset=calls * 3) if llm == "scripted" else None
            call = run_call(persona, scenario, seed=seed, llm=model)
            s = score_call(call, bad=BAD[language] if model else ())
            calls += 1
            exchanges.append(s.exchanges)
            for key, value in vars(s).items():
                setattr(total, key, getattr(total, key) + value)
            said_llm += call.report.llm_turns
            stopped += len(call.report.guard_interventions)
            if model:
                proposed += model.proposed
                bad_proposed += model.bad_proposed
    engine = "scripted LLM (Generate) + bank" if llm else "embedded default (bank, no model)"
    which = "held-out " if heldout else ""
    if heldout:
        engine += f"; from {HELDOUT_DIR if heldout is True else heldout}"
    print(
        f"== {language}: {calls} calls ({len(names)} {which}chatty personas x {seeds} seeds); "
        f"{engine}"
    )
    if llm:
        print(f"LLM turns proposed: {proposed}, of which out of role: {bad_proposed}")
        print(f"LLM turns said: {said_llm}; guard interventions: {stopped}")
    print(f"remarks said: {total.remarks} of {total.scripted} scripted")
    print(
        f"reacted for their labelled situation: {pct(total.reacted, total.remarks)}  [>= 90%]"
        f" (of which {total.after_check} right after a safety check's all-clear)"
    )
    print(
        f"reprompts right after a remark: {total.reprompts}; after one the bank understands: "
        f"{total.reprompts_understood}  [0]"
    )
    print(f"bank lines repeated within a call: {total.repeated}  [0]")
    print(f"item completion: {pct(total.answered, total.items)}  [>= 95%]")
    print(f"extraction vs truths: {pct(total.correct, total.items)}  [>= 95%]")
    print(f"items answered in passing asked again: {total.reasked}  [0]")
    if exchanges:
        low, mid, high = min(exchanges), statistics.median(exchanges), max(exchanges)
        print(f"exchanges per call: min {low} / median {mid:g} / max {high}  [10-25]")
    print(f"guard leaks: {total.leaks}  [0]")
    print(f"calls completed: {pct(total.completed, calls)}")
    if total.missed:
        retrieval = sum(not found for _, _, found in total.missed)
        print(
            f"missed remarks: {len(total.missed)}; the bank's retriever alone does not find "
            f"the label in {retrieval} of them (retrieval), finds it in "
            f"{len(total.missed) - retrieval} (the engine's choice)"
        )
        by: dict[str, list[str]] = {}
        for label, got, found in total.missed:
            by.setdefault(f"{label}{'' if found else '*'}", []).append(str(got))
        shown = ", ".join(
            f"{k} -> {'/'.join(sorted(set(v)))} x{len(v)}" for k, v in sorted(by.items())
        )
        print(f"  by situation (* = retrieval miss): {shown}")
    if misses:
        for line in total.misses:
            print(f"  miss: {line}")
        for line in total.notes:
            print(f"  note: {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", choices=["en", "ko", "both"], default="both")
    parser.add_argument("--seeds", type=int, default=4, help="calls per persona (default 4)")
    parser.add_argument("--llm", choices=["scripted"], help="drive Generate with a fake LLM")
    parser.add_argument("--show", metavar="PERSONA", help="print one call's transcript")
    parser.add_argument("--misses", action="store_true", help="list what fell short")
    parser.add_argument(
        "--heldout",
        nargs="?",
        const=HELDOUT_DIR,
        type=Path,
        metavar="DIR",
        help="held-out callers (never tuned on): scenarios/personas/heldout, or DIR",
    )
    parser.add_argument(
        "--heldout2",
        action="store_const",
        const=HELDOUT2_DIR,
        dest="heldout",
        help="the second held-out set (scenarios/personas/heldout2)",
    )
    parser.add_argument(
        "--heldout3",
        action="store_const",
        const=HELDOUT3_DIR,
        dest="heldout",
        help="the third held-out set, written blind (scenarios/personas/heldout3)",
    )
    parser.add_argument(
        "--min-calls",
        type=int,
        default=MIN_CALLS,
        help=f"at least this many calls per language (default {MIN_CALLS}; 0: seeds only)",
    )
    args = parser.parse_args(argv)
    if args.heldout is not None and not args.heldout.is_dir():
        parser.error(f"--heldout: no folder {str(args.heldout)!r}")
    logging.basicConfig(level=logging.ERROR)  # the guard's warnings are counted, not shown
    if args.show:
        folders = [args.heldout] if args.heldout else []
        folders += [HELDOUT_DIR, HELDOUT2_DIR, HELDOUT3_DIR]
        shown = [f / f"{args.show}.yaml" for f in folders]
        persona = load_persona(next((p for p in shown if p.is_file()), args.show))
        model = ScriptedLLM(persona.language) if args.llm == "scripted" else None
        print(transcript(run_call(persona, load_scenario(persona.scenario), llm=model)))
        return 0
    for language in ["en", "ko"] if args.language == "both" else [args.language]:
        run_language(
            language, args.seeds, args.llm, args.misses, args.heldout or False, args.min_calls
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
