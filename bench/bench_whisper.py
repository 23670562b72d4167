"""Whisper N-best cost on CPU: openai-whisper's greedy and beam search vs carecall's.

A real-size architecture (dimensions of the published checkpoints) with random weights: the
cost does not depend on weight values. Random weights never emit <|endoftext|>, so every
decode runs to `--max-tokens` (default 30: a care-call answer is 5-25 tokens). The audio is
3 s of noise; the encoder always pays for a full 30 s window.

Run: `PYTHONPATH=. python bench/bench_whisper.py [--model tiny] [--threads 2]`. Prints the
median and best seconds per utterance (of `--repeat` runs after one warm-up) for each
decoder and dtype (bf16 only where the CPU has bf16 hardware, unless `--dtypes` says so),
and checks that carecall's beam search returns openai-whisper's N-best. "fast" is the default
recognizer (folded beams, projection of the read positions only, int8 shortlist head on CPU);
"fast + int8 layers" adds `int8=True` (every Linear in int8; fp32 only). `--prompt` decodes
with the context prompt a live call gives (expected words and the agent's question).
Never asserted in tests: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import torch

# Dimensions of openai-whisper's multilingual checkpoints (whisper.model.ModelDimensions).
DIMS = {
    "tiny": (384, 6, 4),
    "base": (512, 8, 6),
    "small": (768, 12, 12),
    "medium": (1024, 16, 24),
}


def random_whisper(name: str, seed: int = 0):
    from whisper.model import ModelDimensions, Whisper

    state, heads, layers = DIMS[name]
    dims = ModelDimensions(
        n_mels=80, n_audio_ctx=1500, n_audio_state=state, n_audio_head=heads,
        n_audio_layer=layers, n_vocab=51865, n_text_ctx=448, n_text_state=state,
        n_text_head=heads, n_text_layer=layers,
    )  # fmt: skip
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = Whisper(dims)
        torch.nn.init.normal_(model.decoder.positional_embedding, std=0.02)
    return model.eval()


def time_decoder(recognizer, audio, repeat: int, context) -> tuple[list[float], object]:
    transcript = recognizer.transcribe(audio, language="en", context=context)  # warm-up
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        transcript = recognizer.transcribe(audio, language="en", context=context)
        times.append(time.perf_counter() - started)
    return times, transcript


def time_encoder(recognizer, audio, repeat: int) -> list[float]:
    """The encoder's forward on the 30 s window: what every decoder pays first."""
    from whisper.audio import log_mel_spectrogram, pad_or_trim

    model = recognizer.model
    times = []
    with torch.inference_mode():
        for _ in range(repeat + 1):
            started = time.perf_counter()
            mel = log_mel_spectrogram(torch.from_numpy(pad_or_trim(audio.samples)))
            model.encoder(mel.unsqueeze(0).to(recognizer.dtype))
            times.append(time.perf_counter() - started)
    return times[1:]


def main() -> None:
    from asr import RecognitionContext
    from asr.whisper import WhisperRecognizer
    from telephony.audio import Audio

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=sorted(DIMS), default="tiny")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--max-tokens", type=int, default=30)
    parser.add_argument("--beam", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--dtypes", help="default: fp32, and bf16 where the CPU has it")
    parser.add_argument("--prompt", action="store_true", help="decode with a live call's prompt")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    from models import fast_bf16

    dtypes = args.dtypes or ("fp32,bf16" if fast_bf16() else "fp32")
    rng = np.random.default_rng(0)
    audio = Audio((0.1 * rng.standard_normal(int(args.seconds * 16000))).astype(np.float32))
    print(
        f"whisper {args.model} (random weights), {args.seconds:g} s audio, "
        f"{args.max_tokens} tokens, {args.threads} threads, median of {args.repeat}; CPU "
        f"{torch.backends.cpu.get_cpu_capability()}, bf16 hardware: {fast_bf16()}"
    )
    context = None
    if args.prompt:
        context = RecognitionContext(
            "Did you take your blood pressure medicine this morning, Margaret?",
            ("Margaret", "amlodipine", "metformin", "yes", "no", "not yet", "after breakfast"),
        )
    beam = dict(beam_size=args.beam, nbest=args.beam)
    cases = {
        "greedy, openai-whisper": dict(beam_size=1, nbest=1, fast=False),
        "greedy, fast": dict(beam_size=1, nbest=1),
        f"beam {args.beam}, openai-whisper": dict(**beam, fast=False),
        f"beam {args.beam}, fast": beam,
        f"beam {args.beam}, fast + int8 layers": dict(**beam, int8=True),
    }
    for dtype in dtypes.split(","):
        for label, int8 in (("encoder alone (30 s window)", False), ("  with int8 layers", True)):
            if int8 and dtype != "fp32":
                continue
            encoder = WhisperRecognizer(random_whisper(args.model), dtype=dtype, int8=int8)
            times = time_encoder(encoder, audio, args.repeat)
            print(
                f"  {dtype:5s} {label:32s} median "
                f"{statistics.median(times):6.3f} s, best {min(times):6.3f} s"
            )
        results = {}
        for name, options in cases.items():
            if options.get("int8") and dtype != "fp32":
                continue
            recognizer = WhisperRecognizer(
                random_whisper(args.model), dtype=dtype, max_tokens=args.max_tokens, **options
            )
            times, transcript = time_decoder(recognizer, audio, args.repeat, context)
            results[name] = transcript
            print(
                f"  {dtype:5s} {name:32s} median {statistics.median(times):6.3f} s, best "
                f"{min(times):6.3f} s  ({len(transcript.nbest)} hypotheses)"
            )
        reference = results[f"beam {args.beam}, openai-whisper"].nbest
        for name in (n for n in results if n.startswith("beam") and "openai" not in n):
            nbest = results[name].nbest
            same = [h.text for h in nbest] == [h.text for h in reference]
            gap = max(abs(a.score - b.score) for a, b in zip(nbest, reference, strict=False))
            print(
                f"  {dtype:5s} {name} == openai-whisper's N-best: {same} (max score gap {gap:.2g})"
            )


if __name__ == "__main__":
    main()
