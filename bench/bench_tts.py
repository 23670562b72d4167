"""Speech synthesis speed per backend: time to first audio, real-time factor, cached vs not.

    PYTHONPATH=. python bench/bench_tts.py [--repeats 5] [--no-vits] [--bf16] [--threads N]

A reply is synthesized sentence by sentence (as the call pipeline does), so "first audio"
is the time until the first sentence's 16 kHz audio exists, and "RTF" is the time for the
whole reply over its duration. "line" adds rendering (band, loudness, limiter) and 8 kHz
μ-law for the whole reply. "cached" is the first sentence served by `PhraseCache`.
The VITS rows use random weights (none can be downloaded here): speed does not depend on
weight values, but what they say is noise; "vits-full" has Coqui's default dimensions and
is timed once (after a warm-up) because it is slow on CPU. bf16 (`--bf16`) only pays on a
CPU with AMX; without it torch's bf16 convolutions are an order of magnitude slower.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tts import Synthesizer
from tts.cache import PhraseCache
from tts.render import render, to_line
from tts.sentences import split_sentences

REPLY = {
    "en": "Good morning, it is your care call. Did you sleep well last night? "
    "Have you had your breakfast yet?",
    "ko": "안녕하세요, 돌봄 전화입니다. 어젯밤에 잘 주무셨어요? 아침 식사는 하셨어요?",
}


def median_time(repeats: int, job: Callable[[], object]) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(name: str, synth: Synthesizer, language: str, repeats: int, tmp: Path) -> dict:
    sentences = split_sentences(REPLY[language], language)
    synth.synthesize(sentences[0], language=language)  # warm up (first-call costs)
    first = median_time(repeats, lambda: synth.synthesize(sentences[0], language=language))
    audios = []
    start = time.perf_counter()
    for sentence in sentences:
        audios.append(synth.synthesize(sentence, language=language))
    total = time.perf_counter() - start
    seconds = sum(a.duration for a in audios)
    line = median_time(repeats, lambda: [to_line(render(a)) for a in audios])
    cache = PhraseCache(tmp / name / language, synth, name)
    cache.get_or_synthesize(sentences[0], language=language)
    cached = median_time(repeats, lambda: cache.get_or_synthesize(sentences[0], language=language))
    return {
        "backend": name,
        "lang": language,
        "audio s": f"{seconds:.2f}",
        "first audio ms": f"{1000 * first:.1f}",
        "reply ms": f"{1000 * total:.1f}",
        "RTF": f"{total / seconds:.3f}",
        "line ms": f"{1000 * line:.1f}",
        "cached ms": f"{1000 * cached:.2f}",
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
