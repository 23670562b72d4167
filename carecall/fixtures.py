"""The project's own in-domain speech fixtures: care-call answers through a phone line.

No freely licensed recording of elderly people answering a care call exists with exact
transcripts, so the project synthesizes them: answers written for the fixtures
(`audio_fixtures/answers_*.yaml`, in other words than the domain language model's text),
spoken by several voices at several rates (English: flite slt/rms/awb/kal16, which
pocketsphinx hears far better than espeak-ng; Korean: espeak-ng), optionally with noise at a
set SNR, and passed through the 8 kHz μ-law telephone line. Each clip is stored as the bytes
the line carries (μ-law WAV at 8 kHz, 8 KB per second), and `manifest.jsonl` lists clip,
transcript, question item, answer class, voice, rate, SNR and split.

Everything is reproducible: which voices and rates speak each sentence comes from a RNG
seeded by the sentence, and the noise from one seeded by the clip's id, so a rebuild writes
the same manifest; the small set is committed, the `--large` set (every voice x rate x SNR)
is generated when wanted.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile

from asr.corpus import Utterance, write_manifest
from assembly.voices import make_synthesizer, parse_voice
from dialogue.yamlfile import read_yaml
from telephony.audio import LINE_RATE, Audio
from telephony.g711 import float_to_ulaw, ulaw_to_float
from telephony.resample import resample

FIXTURES_DIR = Path(__file__).resolve().parents[1] / "audio_fixtures"
ANSWER_FILES = (FIXTURES_DIR / "answers_en.yaml", FIXTURES_DIR / "answers_ko.yaml")
VOICES = {
    "en": ("flite:slt", "flite:rms", "flite:awb", "flite:kal16"),
    "ko": ("espeak:ko", "espeak:ko+f3", "espeak:ko+m3"),
}
RATES = (0.9, 1.0, 1.15)
LARGE_SNRS: tuple[float | None, ...] = (None, 20.0, 10.0)
SMALL_RENDITIONS = {"en": 2, "ko": 1}  # voices per sentence in the small (committed) set
PEAK = 0.7  # speech is scaled to this peak before the line: about -3 dBFS


class FixtureError(ValueError):
    pass


@dataclass(frozen=True)
class Answer:
    """One written answer: what is said, to which question, meaning which answer class."""

    language: str
    scenario: str
    item: str
    truth: str
    text: str
    index: int  # position within its class: even -> dev, odd -> test
    split: str


def read_answers(path: str | Path) -> list[Answer]:
    """Answers from a fixture text file; errors name the file, line and field."""
    path = Path(path)
    data, lines = read_yaml(path)

    def fail(loc: tuple, message: str) -> FixtureError:
        line = lines.get(loc, lines.get(loc[:-1], 1))
        field = ".".join(str(part) for part in loc) or "(top)"
        return FixtureError(f"{path}:{line}: {field}: {message}")

    if not isinstance(data, dict):
        raise fail((), "must be a mapping with language, scenario and answers")
    for key in ("language", "scenario"):
        if not isinstance(data.get(key), str):
            raise fail((key,), "must be a string")
    if data["language"] not in VOICES:
        raise fail(("language",), f"must be one of {sorted(VOICES)}")
    items = data.get("answers")
    if not isinstance(items, dict) or not items:
        raise fail(("answers",), "must map items to answer classes")
    out = []
    for item, classes in items.items():
        if not isinstance(classes, dict) or not classes:
            raise fail(("answers", item), "must map answer classes to sentences")
        for truth, texts in classes.items():
            if not isinstance(texts, list) or not texts:
                raise fail(("answers", item, truth), "must be a list of sentences")
            for index, text in enumerate(texts):
                if not isinstance(text, str) or not text.strip():
                    raise fail(("answers", item, truth, index), "must be a non-empty sentence")
                split = "dev" if index % 2 == 0 else "test"
                answer = Answer(data["language"], data["scenario"], str(item), str(truth),
                                text.strip(), index, split)  # fmt: skip
                out.append(answer)
    return out


def plan(
    answers: list[Answer], out_dir: str | Path, *, large: bool = False, seed: int = 0
) -> list[Utterance]:
    """The clips to render (pure: no audio is made). Small set: each sentence by
    `SMALL_RENDITIONS` voices at seeded rates, clean; large: every voice x rate x SNR.
    `out_dir` only names the clips' paths."""
    out_dir = Path(out_dir)
    clips = []
    for answer in answers:
        voices = VOICES[answer.language]
        if large:
            takes = [(v, r, s) for v in voices for r in RATES for s in LARGE_SNRS]
        else:
            rng = random.Random(f"{seed}:{answer.language}:{answer.text}")
            chosen = rng.sample(voices, SMALL_RENDITIONS[answer.language])
            takes = [(v, rng.choice(RATES), None) for v in chosen]
        for voice, rate, snr in takes:
            name = voice.split(":", 1)[1].replace("+", "-")
            clip_id = f"{answer.language}-{answer.item}-{answer.truth}-{answer.index:02d}-{name}"
            clip_id += f"-r{rate:g}" + (f"-snr{snr:g}" if snr is not None else "")
            clips.append(
                Utterance(
                    id=clip_id,
                    audio=out_dir / answer.language / f"{clip_id}.wav",
                    transcript=answer.text,
                    language=answer.language,
                    scenario=answer.scenario,
                    item=answer.item,
                    truth=answer.truth,
                    voice=voice,
                    rate=rate,
                    snr=snr,
                    split=answer.split,
                )
            )
    return clips


def render(clip: Utterance, speak: Callable[[str, str, str, float], Audio]) -> np.ndarray:
    """The clip as the line carries it: 8 kHz samples, already μ-law quantized."""
    audio = speak(clip.transcript, clip.language, clip.voice or "", clip.rate or 1.0)
    x = resample(audio.samples, audio.sample_rate, LINE_RATE)
    peak = float(np.max(np.abs(x))) if len(x) else 0.0
    if peak == 0.0:
        raise FixtureError(f"{clip.id}: the voice {clip.voice} produced silence")
    x = x * (PEAK / peak)
    if clip.snr is not None:
        x = add_noise(x, clip.snr, seed=clip.id)
    return ulaw_to_float(float_to_ulaw(x))


def add_noise(x: np.ndarray, snr_db: float, *, seed: str) -> np.ndarray:
    """White noise at `snr_db` below the speech's active level (20 ms frames within 30 dB
    of the loudest), seeded by `seed` so that a rebuild adds the same noise."""
    frame = LINE_RATE // 50
    frames = x[: len(x) // frame * frame].reshape(-1, frame)
    power = np.mean(frames.astype(np.float64) ** 2, axis=1)
    active = power[power >= power.max() * 1e-3] if len(power) else np.array([1e-6])
    noise_power = float(active.mean()) / 10 ** (snr_db / 10)
    rng = np.random.default_rng(list(seed.encode()))
    noisy = x + rng.standard_normal(len(x)) * np.sqrt(noise_power)
    return np.clip(noisy, -1.0, 1.0).astype(np.float32)


class _Voices:
    """One synthesizer per backend, made on first use."""

    def __init__(self) -> None:
        self._synths: dict = {}

    def __call__(self, text: str, language: str, voice: str, rate: float) -> Audio:
        backend, name = parse_voice(voice)
        if backend not in self._synths:
            self._synths[backend] = make_synthesizer(backend)
        return self._synths[backend].synthesize(text, language=language, voice=name, rate=rate)


def build(
    out_dir: str | Path = FIXTURES_DIR,
    *,
    large: bool = False,
    seed: int = 0,
    answer_files: tuple[Path, ...] = ANSWER_FILES,
    languages: tuple[str, ...] = ("en", "ko"),
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Render every planned clip to `out_dir/<language>/<id>.wav` and write
    `out_dir/manifest.jsonl`; returns the manifest's path."""
    out_dir = Path(out_dir)
    answers = [a for f in answer_files for a in read_answers(f) if a.language in languages]
    clips = plan(answers, out_dir, large=large, seed=seed)
    speak = _Voices()
    for done, clip in enumerate(clips, start=1):
        clip.audio.parent.mkdir(parents=True, exist_ok=True)
        soundfile.write(clip.audio, render(clip, speak), LINE_RATE, format="WAV", subtype="ULAW")
        if progress is not None:
            progress(done, len(clips))
    return write_manifest(out_dir / "manifest.jsonl", clips)
