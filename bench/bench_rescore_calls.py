"""Rescoring and first-pass choices measured on the calls' own words, tuned on other calls.

    PYTHONPATH=. python bench/bench_rescore_calls.py --tune TUNE/report.json [...] \\
        --test TEST/report.json [...] [--general-words 0 10000] [--general-weight 0.3]

`carecall eval` keeps every utterance the server heard (`records[].heard_turns`: its audio as
the server got it, the question it answered and the expected words). This script decodes
those utterances again, streamed in 20 ms frames as in a call, with each first-pass variant
(`--general-words`: how many words of general English join the domain LM's closed vocabulary,
`--general-weight`: their share of the unigram probability), fits the rescorer's weights on
the `--tune` calls (`bench/rescore_fit.py`: LM weight, length bonus, its tie to the 1-best's
length, expected-word bonus) and reports the `--test` calls with those values, next to the
settings' own (`--config`): word errors of each call's words against the calls' own
references (as `carecall eval` counts them), first pass and rescored, and the CPU seconds of
recognition per second of audio (CPU time: the machine is shared). The tune/test split (which
personas on which side) is printed first; a persona on both sides is refused. Replays are
deterministic: the same reports give the same figures. Never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from rescore_fit import Weights, candidates, choose, errors, fit  # noqa: E402


def load_calls(paths: list[Path]) -> list[dict]:
    """The calls of `carecall eval` reports that kept their utterances."""
    calls = []
    for path in paths:
        try:
            report = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise SystemExit(f"{path}: cannot read a carecall eval report: {exc}") from None
        kept = [r for r in report.get("records", []) if r.get("said") and r.get("heard_turns")]
        if not kept:
            raise SystemExit(f"{path}: no calls with heard_turns (run carecall eval again)")
        calls += [{**call, "_report": str(path)} for call in kept]
    return calls


def persona(call: dict) -> str:
    return re.sub(r"#\d+$", "", str(call.get("persona", "?")))


def split_line(name: str, calls: list[dict]) -> str:
    names: dict[str, int] = {}
    for call in calls:
        names[persona(call)] = names.get(persona(call), 0) + 1
    words = sum(len(" ".join(c["said"]).split()) for c in calls)
    shown = ", ".join(f"{p} x{n}" if n > 1 else p for p, n in sorted(names.items()))
    return f"{name}: {len(calls)} calls, {words} words said, personas: {shown}"


def decode_calls(
    recognizer, calls: list[dict], frame_s: float = 0.02, history_texts: int = 20, adapt=True
):
    """Per call, per utterance: (N-best, context); and CPU seconds, audio seconds."""
    import soundfile

    from asr import RecognitionContext

    out, cpu, audio_s = [], 0.0, 0.0
    for call in calls:
        turns, said, adaptation = [], [], ""
        first = call["heard_turns"][0] if call["heard_turns"] else {}
        # memory's part of the history is what the call's first utterance was told; the rest
        # is this replay's own first-pass texts, as the call agent builds it
        memory = list(first.get("history", []))
        for turn in call["heard_turns"]:
            samples, rate = soundfile.read(turn["audio"], dtype="float32")
            history = tuple((memory + said)[-history_texts:]) if history_texts else ()
            context = RecognitionContext(
                turn["question"],
                tuple(turn["vocabulary"]),
                history,
                adaptation if adapt else "",
            )
            started = time.process_time()
            stream = recognizer.open_stream(context=context)
            step = round(frame_s * rate)
            for i in range(0, len(samples), step):
                stream.feed(samples[i : i + step], rate)
            transcript = stream.finish()
            cpu += time.process_time() - started
            audio_s += len(samples) / rate
            turns.append((transcript, context))
            said.append(transcript.text)
            adaptation = transcript.adaptation or adaptation
        out.append(turns)
    return out, cpu, audio_s


def rescored_live(decoded, rescorer) -> list[list[str]]:
    """What the shipped `Rescorer` picks: the fit's own arithmetic checked against it."""
    return [[rescorer.rescore(t, c).text for t, c in turns] for turns in decoded]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--tune", type=Path, nargs="+", required=True, help="reports of tuning calls")
    p.add_argument("--test", type=Path, nargs="+", required=True, help="reports of held-out calls")
    p.add_argument("--general-words", type=int, nargs="+", default=[10000])
    p.add_argument("--general-weight", type=float, nargs="+", default=[0.3])
    p.add_argument("--config", type=Path, help="settings YAML whose rescorer is reported too")
    p.add_argument("--nbest", type=int, default=20)
    p.add_argument("--no-adapt", action="store_true", help="every turn from its own warm-up")
    args = p.parse_args()

    from asr.rescore import Rescorer
    from asr.sphinx import SphinxRecognizer
    from assembly.builders import build_scorer
    from assembly.config import ConfigError, load_settings
    from dialogue import load_scenario
    from dialogue.scenario import domain_corpus

    try:
        settings = load_settings(args.config) if args.config else load_settings()
    except ConfigError as exc:
        raise SystemExit(f"--config: {exc}") from None
    scenario = load_scenario("daily_checkin_en")
    tune_calls, test_calls = load_calls(args.tune), load_calls(args.test)
    both = {persona(c) for c in tune_calls} & {persona(c) for c in test_calls}
    if both:
        raise SystemExit(f"personas on both sides of the split: {', '.join(sorted(both))}")
    print(split_line("tune", tune_calls))
    print(split_line("test", test_calls))
    tune_refs = [" ".join(c["said"]) for c in tune_calls]
    test_refs = [" ".join(c["said"]) for c in test_calls]
    print(f"{'first pass':20} {'rescorer':44} {'tune errs':>10} {'test 1st':>16} "
          f"{'test rescored':>16} {'rel':>7} {'CPU s/s':>8}")  # fmt: skip
    shipped = Weights(
        settings.rescore_weight,
        settings.rescore_length_bonus,
        settings.rescore_length_change,
        settings.rescore_expected_bonus,
    )
    for words in args.general_words:
        for share in args.general_weight if words else [0.0]:
            recognizer = SphinxRecognizer.from_sentences(
                domain_corpus(scenario), nbest=args.nbest, general_words=words,
                general_weight=share,
            )  # fmt: skip
            adapt = not args.no_adapt
            tune_dec, _, _ = decode_calls(recognizer, tune_calls, adapt=adapt)
            test_dec, cpu, audio_s = decode_calls(recognizer, test_calls, adapt=adapt)
            # the rescorer's LM gives general English the first pass's share (builders)
            scorer = build_scorer("domain", scenario, background_weight=share or 0.1)
            tune_rows, test_rows = candidates(tune_dec, scorer), candidates(test_dec, scorer)
            fitted, _ = fit(tune_refs, tune_rows)
            first = errors(test_refs, [[t.text for t, _ in c] for c in test_dec])
            name = f"domain+{words} @{share:g}" if words else "domain (closed)"
            for label, w in (("settings", shipped), ("fitted", fitted)):
                tune_errs = errors(tune_refs, choose(tune_rows, w))[0]
                after = errors(test_refs, choose(test_rows, w))
                rescorer = Rescorer(
                    scorer, w.weight, w.length_bonus,
                    length_change=w.length_change, expected_bonus=w.expected_bonus,
                )  # fmt: skip
                live = errors(test_refs, rescored_live(test_dec, rescorer))
                if live != after:  # the fit's arithmetic is not the shipped rescorer's
                    raise SystemExit(f"{label} {w}: Rescorer gives {live}, the fit {after}")
                rel = (after[0] - first[0]) / first[0] if first[0] else float("nan")
                print(
                    f"{name:20} {label + ' ' + str(w):44} {tune_errs:10d} "
                    f"{_count(first):>16} {_count(after):>16} {100 * rel:+6.1f}% "
                    f"{cpu / audio_s if audio_s else float('nan'):8.3f}",
                    flush=True,
                )
                if label == "fitted":
                    by_report(test_calls, test_dec, choose(test_rows, w))
            best = oracle(test_refs, test_rows)
            print(f"{name:20} {'oracle (best of each N-best)':44} {'':10} {_count(first):>16} "
                  f"{_count(best):>16}")  # fmt: skip


def by_report(calls: list[dict], decoded, picked: list[list[str]]) -> None:
    """The fitted row per test report: which kind of calls it helps."""
    for report in dict.fromkeys(c["_report"] for c in calls):
        index = [i for i, c in enumerate(calls) if c["_report"] == report]
        refs = [" ".join(calls[i]["said"]) for i in index]
        first = errors(refs, [[t.text for t, _ in decoded[i]] for i in index])
        after = errors(refs, [picked[i] for i in index])
        print(f"{'':20}   {report}: {len(index)} calls, {_count(first)} -> {_count(after)}")


def oracle(refs: list[str], rows) -> tuple[int, int]:
    """Fewest errors any choice from the N-bests reaches (greedy, one utterance at a time)."""
    texts = []
    for ref, turns in zip(refs, rows, strict=True):
        chosen = [hyps[0].text if hyps else "" for hyps in turns]
        for i, hyps in enumerate(turns):
            chosen[i] = min(
                (c.text for c in hyps),
                key=lambda t: errors([ref], [[*chosen[:i], t, *chosen[i + 1 :]]])[0],
                default="",
            )
        texts.append(chosen)
    return errors(refs, texts)


def _count(counted: tuple[int, int]) -> str:
    errs, words = counted
    return f"{errs}/{words} {100 * errs / words:.1f}%" if words else "-"


if __name__ == "__main__":
    main()
