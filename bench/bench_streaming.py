"""Streaming pocketsphinx against decoding the whole turn at its end, on the English fixtures.

    PYTHONPATH=. python bench/bench_streaming.py [--clips 60] [--piece-ms 200]

Each clip (audio_fixtures, with 0.3 s of silence before and after, as a turn has) is decoded
whole (`SphinxRecognizer.transcribe`, what the server did) and streamed in pieces of
`--piece-ms` (`open_stream`, what it does now). Printed: WER of each, the time left after the
end of the turn (whole: all of the decode; streamed: the tail and the result), and the CPU
seconds each spends per second of audio, which is what bounds the calls a core can take (CPU
time, so less sensitive than wall time to a machine shared with other work). Never asserted in
tests.
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
    args = p.parse_args()
    import soundfile

    from asr.metrics import error_rate
    from assembly.config import load_settings
    from assembly.pipeline import build_recognizer
    from dialogue.catalogue import Catalogue
    from telephony.audio import Audio
    from telephony.resample import resample

    scenario = Catalogue.load(["daily_checkin_en"]).resolve("daily_checkin_en")
    recognizer = build_recognizer(load_settings(), scenario)
    manifest = ROOT / "audio_fixtures" / "manifest.jsonl"
    rows = [json.loads(line) for line in manifest.read_text().splitlines() if line.strip()]
    rows = [r for r in rows if r["language"] == "en"][: args.clips]
    piece = round(args.piece_ms / 1000 * 16000)
    refs, whole, streamed = [], [], []
    left_whole, left_stream, cpu_whole, cpu_stream, audio_s = [], [], 0.0, 0.0, 0.0
    for row in rows:
        samples, rate = soundfile.read(ROOT / "audio_fixtures" / row["audio"], dtype="float32")
        if rate != 16000:
            samples = resample(samples, rate, 16000)
        pad = np.zeros(4800, np.float32)
        samples = np.concatenate([pad, samples, pad])
        audio_s += len(samples) / 16000
        c0, t0 = time.process_time(), time.perf_counter()
        whole.append(recognizer.transcribe(Audio(samples, 16000)).text)
        left_whole.append(time.perf_counter() - t0)
        c1 = time.process_time()
        stream = recognizer.open_stream()
        for i in range(0, len(samples), piece):
            stream.feed(samples[i : i + piece], 16000)
        t1 = time.perf_counter()
        streamed.append(stream.finish().text)
        left_stream.append(time.perf_counter() - t1)
        cpu_whole += c1 - c0
        cpu_stream += time.process_time() - c1
        refs.append(row["transcript"])
    ms = lambda xs, q: 1000 * float(np.percentile(xs, q))  # noqa: E731
    head = f"{len(rows)} English fixture clips, {audio_s:.0f} s of audio"
    print(f"{head}, {args.piece_ms:g} ms pieces")
    print(f"{'':10} {'WER':>7} {'left p50':>9} {'left p95':>9} {'CPU s / audio s':>16}")
    for name, hyps, left, cpu in (
        ("whole", whole, left_whole, cpu_whole),
        ("streamed", streamed, left_stream, cpu_stream),
    ):
        wer = error_rate(refs, hyps, "en").rate
        print(
            f"{name:10} {100 * wer:6.1f}% {ms(left, 50):8.0f}ms {ms(left, 95):8.0f}ms "
            f"{cpu / audio_s:16.3f}"
        )


if __name__ == "__main__":
    main()
