"""Cost of the line's audio path per 20 ms frame, per call.

inbound:  160 bytes μ-law (8 kHz) -> float32 -> 320 samples at 16 kHz (for VAD and ASR)
outbound: 320 float32 samples at 16 kHz (TTS) -> 160 samples at 8 kHz -> 160 bytes μ-law

Run: `PYTHONPATH=. python bench/bench_codec.py`. Prints µs per frame (best of several runs,
so other load on the machine shows as little as possible) and what share of one core 100
concurrent calls would take. Never asserted in tests: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import timeit

import numpy as np

from telephony import g711
from telephony.resample import Resampler

FRAME_MS = 20


def per_frame_us(fn, number: int, repeat: int) -> float:
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=20_000, help="frames per timing run")
    parser.add_argument("--repeat", type=int, default=7, help="timing runs (the best counts)")
    parser.add_argument("--calls", type=int, default=100, help="concurrent calls to project")
    args = parser.parse_args()

    rng = np.random.default_rng(0)
    speech16 = (0.2 * rng.standard_normal(320)).astype(np.float32)
    line8 = g711.float_to_ulaw((0.2 * rng.standard_normal(160)).astype(np.float32))
    up, down = Resampler(8000, 16000), Resampler(16000, 8000)

    cases = {
        "μ-law decode (160 B -> float32)": lambda: g711.ulaw_to_float(line8),
        "upsample 8k -> 16k (160 -> 320)": lambda: up.process(speech16[:160]),
        "inbound: decode + upsample": lambda: up.process(g711.ulaw_to_float(line8)),
        "downsample 16k -> 8k (320 -> 160)": lambda: down.process(speech16),
        "μ-law encode (160 float32 -> 160 B)": lambda: g711.float_to_ulaw(speech16[:160]),
        "outbound: downsample + encode": lambda: g711.float_to_ulaw(down.process(speech16)),
    }
    print(f"per {FRAME_MS} ms frame, best of {args.repeat} x {args.frames} frames")
    totals = {}
    for name, fn in cases.items():
        us = per_frame_us(fn, args.frames, args.repeat)
        totals[name] = us
        print(f"  {name:40s} {us:7.2f} µs")
    both = totals["inbound: decode + upsample"] + totals["outbound: downsample + encode"]
    share = both * args.calls / (FRAME_MS * 1000)
    print(
        f"both directions: {both:.1f} µs per frame = {both / FRAME_MS / 10:.3f}% of a core per "
        f"call; {args.calls} calls: {100 * share:.1f}% of a core"
    )


if __name__ == "__main__":
    main()
