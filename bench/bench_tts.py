"""Speech synthesis speed per backend: time to first audio, real-time factor, cached vs not.

    PYTHONPATH=. python bench/bench_tts.py [--repeats 5] [--no-vits] [--bf16] [--threads N]

"First frame" is what a caller waits for: from the agent turn's text to the first 20 ms
μ-law frame ready for the line, along the call's own path: split into sentences, the first
sentence through the `PhraseCache` (which holds 8 kHz audio, `tts.render.AtLineRate`) as a
lazy `Segment`, encoded for the line by `telephony.playout.to_line`. The later sentences are
synthesized while it plays (sentence streaming), so they do not count. "Uncached" starts each
repeat with an empty cache (synthesis and cache write both paid); "cached" reads a warmed
cache (the fixed prompts of a scenario). "RTF" is the time to make the whole reply ready for
the line (every sentence) over its duration, uncached and cached. Medians over the repeats.

The VITS rows use random weights (none can be downloaded here): speed does not depend on
weight values, but what they say is noise; "vits-full" has Coqui's default dimensions and
is timed once (after a warm-up) because it is slow on CPU. bf16 (`--bf16`) only pays on a
CPU with AMX; without it torch's bf16 convolutions are an order of magnitude slower.
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from telephony import Segment
from telephony.g711 import ulaw_encode
from telephony.playout import to_line
from tts import Synthesizer
from tts.cache import PhraseCache
from tts.render import AtLineRate
from tts.sentences import split_sentences

REPLY = {
    "en": "Good morning, it is your care call. Did you sleep well last night? "
    "Have you had your breakfast yet?",
    "ko": "안녕하세요, 돌봄 전화입니다. 어젯밤에 잘 주무셨어요? 아침 식사는 하셨어요?",
}


def median_time(
    repeats: int, job: Callable[[], object], before: Callable[[], object] | None = None
) -> float:
    times = []
    for _ in range(repeats):
        if before is not None:
            before()
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def segments(cache: PhraseCache, text: str, language: str) -> list[Segment]:
    """An agent turn as the pipeline speaks it: one lazy segment per sentence."""
    render = functools.partial(cache.get_or_synthesize, language=language)
    return [
        Segment(s, render=functools.partial(render, s))
        for s in split_sentences(text, language) or [text]
    ]


def first_frame(cache: PhraseCache, text: str, language: str) -> str:
    """Text in, the first line frame (base64 μ-law, as sent) out."""
    first = segments(cache, text, language)[0]
    return to_line(first.synthesize(), ulaw_encode).payloads[0]


def whole_reply(cache: PhraseCache, text: str, language: str) -> float:
    """Every sentence ready for the line; returns the reply's duration in seconds."""
    lines = [to_line(s.synthesize(), ulaw_encode) for s in segments(cache, text, language)]
    return sum(len(line.pcm) for line in lines) / 8000


def measure(name: str, synth: Synthesizer, language: str, repeats: int, tmp: Path) -> dict:
    text = REPLY[language]
    folder = tmp / name.replace(" ", "-") / language
    cache = PhraseCache(folder, AtLineRate(synth), name)  # as `assembly.pipeline` builds it

    def empty() -> None:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)

    synth.synthesize(split_sentences(text, language)[0], language=language)  # warm-up
    uncached = median_time(repeats, lambda: first_frame(cache, text, language), empty)
    reply_s = whole_reply(cache, text, language)
    uncached_reply = median_time(repeats, lambda: whole_reply(cache, text, language), empty)
    whole_reply(cache, text, language)  # warm the cache
    cached = median_time(max(repeats, 5), lambda: first_frame(cache, text, language))
    cached_reply = median_time(max(repeats, 5), lambda: whole_reply(cache, text, language))
    return {
        "backend": name,
        "lang": language,
        "reply audio s": f"{reply_s:.2f}",
        "first frame ms uncached": f"{1000 * uncached:.1f}",
        "first frame ms cached": f"{1000 * cached:.2f}",
        "RTF uncached": f"{uncached_reply / reply_s:.4f}",
        "RTF cached": f"{cached_reply / reply_s:.4f}",
    }


Backend = tuple[str, Synthesizer, list[str], int | None]  # name, voice, languages, repeats


def vits_backends(tmp: Path, bf16: bool) -> list[Backend]:
    from tests.tiny_tts import tiny_vits
    from tts.coqui import CoquiSynthesizer

    tiny = tiny_vits(0, tmp / "vits-tiny")
    backends: list[Backend] = [("vits-tiny", CoquiSynthesizer(tiny, language="en"), ["en"], None)]
    start = time.perf_counter()
    full = tiny_vits(0, tmp / "vits-full", full_size=True)
    full_fp32 = CoquiSynthesizer(full, language="en")
    print(f"(built and loaded a default-size VITS in {time.perf_counter() - start:.1f} s)")
    backends.append(("vits-full fp32", full_fp32, ["en"], 1))
    if bf16:
        full_bf16 = CoquiSynthesizer(full, language="en", bf16=True)
        backends.append(("vits-full bf16", full_bf16, ["en"], 1))
    return backends


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--no-vits", action="store_true", help="skip the Coqui VITS rows")
    parser.add_argument("--bf16", action="store_true", help="add a bf16 default-size VITS row")
    parser.add_argument("--threads", type=int, help="torch intra-op threads (default: torch's)")
    args = parser.parse_args()
    if args.threads and not args.no_vits:
        import torch

        torch.set_num_threads(args.threads)
    print(f"(load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())})")

    from tts.espeak import EspeakSynthesizer
    from tts.flite import FliteSynthesizer

    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-tts-") as tmp_name:
        tmp = Path(tmp_name)
        backends: list[Backend] = [
            ("espeak-ng", EspeakSynthesizer(), ["en", "ko"], None),
            ("flite slt", FliteSynthesizer(), ["en"], None),
        ]
        if not args.no_vits:
            backends += vits_backends(tmp, args.bf16)
        for name, synth, languages, repeats in backends:
            for language in languages:
                rows.append(measure(name, synth, language, repeats or args.repeats, tmp))
    headers = list(rows[0])
    widths = [max(len(h), *(len(r[h]) for r in rows)) for h in headers]
    print(" | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    print("-|-".join("-" * w for w in widths))
    for row in rows:
        print(" | ".join(row[h].ljust(w) for h, w in zip(headers, widths, strict=True)))


if __name__ == "__main__":
    main()
