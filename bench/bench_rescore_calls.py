"""Rescoring and first-pass choices measured on the calls' own words, tuned on other calls.

    PYTHONPATH=. python bench/bench_rescore_calls.py --tune TUNE/report.json \\
        --test TEST/report.json [--general-words 0 3000] [--general-weight 0.1]

`carecall eval` keeps every utterance the server heard (`records[].heard_turns`: its audio as
the server got it, the question it answered and the expected words). This script decodes
those utterances again, streamed in 20 ms frames as in a call, with each first-pass variant
(`--general-words`: how many words of general English join the domain LM's closed vocabulary,
`--general-weight`: their share of the unigram probability), fits the rescoring weight and
length bonus on the `--tune` calls (other personas) and reports the `--test` calls with
those values: WER of each call's words (the calls' own references, as `carecall eval` scores
them), first pass and rescored, and the CPU seconds of recognition per second of audio
(CPU time: the machine is shared). Never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def load_calls(path: Path) -> list[dict]:
    """The calls of a `carecall eval` report that kept their utterances."""
    report = json.loads(path.read_text(encoding="utf-8"))
    calls = [r for r in report.get("records", []) if r.get("said") and r.get("heard_turns")]
    if not calls:
        raise SystemExit(f"{path}: no calls with heard_turns (run carecall eval again)")
    return calls


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


def call_wer(calls: list[dict], texts: list[list[str]]) -> float:
    from asr.metrics import error_rate

    refs = [" ".join(c["said"]) for c in calls]
    return error_rate(refs, [" ".join(t) for t in texts], "en").rate


def scored(decoded, scorer):
    """Per call, per utterance: the merged N-best as (asr, lm, words, text)."""
    from asr.rescore import merge_variants

    out = []
    for turns in decoded:
        rows = []
        for transcript, context in turns:
            merged = merge_variants(transcript.nbest, "en")
            lm = scorer.score([h.text for h in merged], context=context) if merged else []
            rows.append(
                [
                    (h.asr_logprob, s, len(h.text.split()), h.text)
                    for h, s in zip(merged, lm, strict=True)
                ]
            )
        out.append(rows)
    return out


def pick(rows, weight: float, bonus: float) -> list[list[str]]:
    return [
        [
            max(hyps, key=lambda h: h[0] + weight * h[1] + bonus * h[2])[3] if hyps else ""
            for hyps in turns
        ]  # fmt: skip
        for turns in rows
    ]


def tune(calls, rows) -> tuple[float, float, float]:
    from asr.evaluate import BONUS_PER_WORD, WEIGHTS

    best = None
    for weight in WEIGHTS:
        for per_word in sorted(BONUS_PER_WORD, key=lambda b: (abs(b), b)):
            if weight == 0 and per_word:
                continue
            rate = call_wer(calls, pick(rows, weight, weight * per_word))
            if best is None or rate < best[2] - 1e-12:
                best = (weight, weight * per_word, rate)
    return best


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--tune", type=Path, required=True, help="report.json of the tuning calls")
    p.add_argument("--test", type=Path, required=True, help="report.json of held-out calls")
    p.add_argument("--general-words", type=int, nargs="+", default=[0])
    p.add_argument("--general-weight", type=float, nargs="+", default=[0.1])
    p.add_argument("--history-weight", type=float, nargs="+", default=[0.05])
    p.add_argument("--nbest", type=int, default=20)
    p.add_argument("--weight", type=float, help="rescoring weight: no tuning (with --bonus)")
    p.add_argument("--bonus", type=float, default=0.0, help="length bonus with --weight")
    p.add_argument(
        "--no-adapt",
        action="store_true",
        help="every turn streams from its own warm-up, not from the previous turn's mean",
    )
    args = p.parse_args()

    from asr.sphinx import SphinxRecognizer
    from assembly.builders import build_scorer
    from dialogue import load_scenario
    from dialogue.scenario import domain_corpus

    scenario = load_scenario("daily_checkin_en")
    tune_calls, test_calls = load_calls(args.tune), load_calls(args.test)
    scorer = build_scorer("domain", scenario)
    print(f"tuning: {len(tune_calls)} calls ({args.tune}); test: {len(test_calls)} calls "
          f"({args.test})")  # fmt: skip
    print(f"{'first pass':20} {'hist':>5} {'tune WER':>9} {'weight':>8} {'bonus':>7} "
          f"{'test 1st':>9} {'test resc':>9} {'rel':>7} {'CPU s/s':>8}")  # fmt: skip
    for words in args.general_words:
        for share in args.general_weight if words else [0.0]:
            recognizer = SphinxRecognizer.from_sentences(
                domain_corpus(scenario), nbest=args.nbest, general_words=words,
                general_weight=share,
            )  # fmt: skip
            adapt = not args.no_adapt
            tune_dec, _, _ = decode_calls(recognizer, tune_calls, adapt=adapt)
            test_dec, cpu, audio_s = decode_calls(recognizer, test_calls, adapt=adapt)
            tune_first = call_wer(tune_calls, [[t.text for t, _ in c] for c in tune_dec])
            first = call_wer(test_calls, [[t.text for t, _ in c] for c in test_dec])
            name = f"domain+{words} @{share:g}" if words else "domain (closed)"
            for history_weight in args.history_weight:
                scorer.history_weight = history_weight
                if args.weight is None:
                    weight, bonus, _ = tune(tune_calls, scored(tune_dec, scorer))
                else:
                    weight, bonus = args.weight, args.bonus
                after = call_wer(test_calls, pick(scored(test_dec, scorer), weight, bonus))
                rel = (after - first) / first if first else float("nan")
                print(
                    f"{name:20} {history_weight:5.2f} {100 * tune_first:8.1f}% {weight:8.4f} "
                    f"{bonus:7.4f} {100 * first:8.1f}% {100 * after:8.1f}% {100 * rel:+6.1f}% "
                    f"{cpu / audio_s if audio_s else np.nan:8.3f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
