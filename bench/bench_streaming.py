"""Streaming pocketsphinx against decoding the whole turn at its end, on the English fixtures.

    PYTHONPATH=. python bench/bench_streaming.py [--clips 60] [--piece-ms 200]
        [--search KEY=VALUE ...] [--streamed-only]

Each clip (audio_fixtures, with 0.3 s of silence before and after, as a turn has) is decoded
whole (`SphinxRecognizer.transcribe`, what the server did) and streamed in pieces of
`--piece-ms` (`open_stream`, what it does now). "streamed+prior" streams each clip from
the cepstral mean the previous clip of the same voice ended with (`Transcript.adaptation`), as
a call's later turns do. Printed: WER of each, the time left after the end of the turn (whole:
all of the decode; streamed: the tail and the result), in wall and in CPU ms, and the CPU
seconds each spends per second of audio, which is what bounds the calls a core can take (CPU
time, so less sensitive than wall time to a machine shared with other work). Never asserted in
tests. `--search KEY=VALUE` sets a pocketsphinx search option on the streams' decoders (beams,
`pl_window`, `topn`, `ds`...: CPU against WER); `--streamed-only` leaves out the whole-turn
decode (its columns print as 0).
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


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--clips", type=int, default=60)
    p.add_argument("--piece-ms", type=float, default=200.0)
    p.add_argument("--search", action="append", default=[], metavar="KEY=VALUE")
    p.add_argument("--streamed-only", action="store_true", help="skip the whole-turn decode")
    args = p.parse_args()
    from bench.benchkit import search_options, with_search

    search = search_options(p, args.search)
    import soundfile

    from asr import RecognitionContext
    from asr.metrics import error_rate
    from assembly.config import load_settings
    from assembly.pipeline import build_recognizer
    from dialogue.catalogue import Catalogue
    from telephony.audio import Audio
    from telephony.resample import resample

    scenario = Catalogue.load(["daily_checkin_en"]).resolve("daily_checkin_en")
    recognizer = build_recognizer(load_settings(), scenario)
    with_search(p, recognizer, search)
    manifest = ROOT / "audio_fixtures" / "manifest.jsonl"
    rows = [json.loads(line) for line in manifest.read_text().splitlines() if line.strip()]
    rows = [r for r in rows if r["language"] == "en"][: args.clips]
    piece = round(args.piece_ms / 1000 * 16000)
    refs, audio_s = [], 0.0
    names = ("whole", "streamed", "streamed+prior")
    hyps = {n: [] for n in names}
    left = {n: [] for n in names}  # wall s after the turn's end
    tail_cpu = {n: [] for n in names}  # CPU s after the turn's end
    cpu = dict.fromkeys(names, 0.0)
    prior: dict[str, str] = {}  # voice -> the mean its previous clip ended with
    for row in rows:
        samples, rate = soundfile.read(ROOT / "audio_fixtures" / row["audio"], dtype="float32")
        if rate != 16000:
            samples = resample(samples, rate, 16000)
        pad = np.zeros(4800, np.float32)
        samples = np.concatenate([pad, samples, pad])
        audio_s += len(samples) / 16000
        c0, t0 = time.process_time(), time.perf_counter()
        whole = "" if args.streamed_only else recognizer.transcribe(Audio(samples, 16000)).text
        hyps["whole"].append(whole)
        left["whole"].append(time.perf_counter() - t0)
        tail_cpu["whole"].append(time.process_time() - c0)
        cpu["whole"] += time.process_time() - c0
        # the clips of one voice stand for the turns of one call, in manifest order
        contexts = {
            "streamed": None,
            "streamed+prior": RecognitionContext(adaptation=prior.get(row["voice"], "")),
        }
        for name, context in contexts.items():
            c1 = time.process_time()
            stream = recognizer.open_stream(context=context)
            for i in range(0, len(samples), piece):
                stream.feed(samples[i : i + piece], 16000)
            t1, c2 = time.perf_counter(), time.process_time()
            transcript = stream.finish()
            left[name].append(time.perf_counter() - t1)
            tail_cpu[name].append(time.process_time() - c2)
            cpu[name] += time.process_time() - c1
            hyps[name].append(transcript.text)
            if context is not None:
                prior[row["voice"]] = transcript.adaptation
        refs.append(row["transcript"])
    ms = lambda xs, q: 1000 * float(np.percentile(xs, q))  # noqa: E731
    head = f"{len(rows)} English fixture clips, {audio_s:.0f} s of audio"
    print(f"{head}, {args.piece_ms:g} ms pieces, search options {search or 'default'}")
    print(
        f"{'':15} {'WER':>7} {'left p50':>9} {'left p95':>9} {'tail CPU p50':>13} "
        f"{'tail CPU p95':>13} {'CPU s / audio s':>16}"
    )
    for name in names:
        wer = error_rate(refs, hyps[name], "en").rate
        print(
            f"{name:15} {100 * wer:6.1f}% {ms(left[name], 50):8.0f}ms {ms(left[name], 95):8.0f}ms "
            f"{ms(tail_cpu[name], 50):11.0f}ms {ms(tail_cpu[name], 95):11.0f}ms "
            f"{cpu[name] / audio_s:16.3f}"
        )


if __name__ == "__main__":
    main()
