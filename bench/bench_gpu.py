"""Voice-to-voice on a GPU, per stage: Whisper batched across the calls whose turns end together.

Ready for a GPU machine: a real-size Whisper (the published checkpoints' dimensions, random
weights: the cost does not depend on their values) encodes the turns of `--calls` calls in one
batch and decodes them greedily in one batch, forced to `--tokens` tokens (random weights never
stop on their own; a care-call answer is 5-25 tokens). Printed per batch size: the encoder,
the decoder, and the voice-to-voice they give after the adaptive end of turn's silence
(`TurnOptions.complete_silence_s`) plus a fixed `--rest-ms` (dialogue, first sentence from the
phrase cache, line). Without CUDA it says so and exits 0, unless `--device cpu` is asked for
(slow; for checking the script itself).

    PYTHONPATH=. python bench/bench_gpu.py [--model small] [--calls 1,8,32,64] [--tokens 20]

Never asserted in tests: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", default="small", choices=["tiny", "base", "small", "medium"])
    p.add_argument("--calls", default="1,8,32,64", help="batch sizes: turns ending together")
    p.add_argument("--tokens", type=int, default=20)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--device", default="cuda")
    p.add_argument("--rest-ms", type=float, default=60.0)
    args = p.parse_args()
    try:
        import torch
    except ImportError:
        print("bench_gpu: torch is not installed; nothing to measure")
        return 0
    if args.device == "cuda" and not torch.cuda.is_available():
        print("bench_gpu: no CUDA device here; skipped (run it on a GPU machine)")
        return 0
    try:
        sizes = [int(x) for x in args.calls.split(",")]
    except ValueError:
        print(f"bench_gpu: --calls must be numbers separated by commas, got {args.calls!r}")
        return 2
    if args.tokens < 1 or any(n < 1 for n in sizes):
        print("bench_gpu: --tokens and every --calls size must be at least 1")
        return 2

    from bench.bench_whisper import random_whisper
    from telephony.turn import TurnOptions

    device = torch.device(args.device)
    dtype = torch.float16 if device.type == "cuda" else torch.float32
    model = random_whisper(args.model).to(device=device, dtype=dtype)
    silence = TurnOptions().complete_silence_s
    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)
    print(
        f"Whisper {args.model} (random weights) on {device} ({dtype}), {args.tokens} tokens "
        f"forced; voice-to-voice = {silence * 1000:.0f} ms silence + encoder + decoder + "
        f"{args.rest_ms:.0f} ms rest; milliseconds (median of {args.repeat})"
    )
    print(f"{'calls':>5} {'encoder':>9} {'decoder':>9} {'per token':>9} {'v2v':>9}")
    for n in sizes:
        mel = torch.randn(n, 80, 3000, device=device, dtype=dtype)
        enc, dec = [], []
        for i in range(args.repeat + 1):
            with torch.inference_mode():
                sync()
                t0 = time.perf_counter()
                features = model.encoder(mel)
                sync()
                t1 = time.perf_counter()
                tokens = torch.full((n, 1), 50258, device=device, dtype=torch.long)
                cache, hooks = model.install_kv_cache_hooks()
                try:
                    for _ in range(args.tokens):
                        step = tokens if not cache else tokens[:, -1:]
                        logits = model.decoder(step, features, kv_cache=cache)
                        tokens = torch.cat([tokens, logits[:, -1].argmax(-1, keepdim=True)], 1)
                finally:
                    for hook in hooks:
                        hook.remove()
                sync()
                t2 = time.perf_counter()
            if i:  # the first run warms up
                enc.append((t1 - t0) * 1000)
                dec.append((t2 - t1) * 1000)
        e, d = statistics.median(enc), statistics.median(dec)
        v2v = silence * 1000 + e + d + args.rest_ms
        print(f"{n:5d} {e:9.1f} {d:9.1f} {d / args.tokens:9.2f} {v2v:9.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
