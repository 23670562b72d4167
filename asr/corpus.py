"""Speech corpora for measuring recognition: a JSONL manifest, or a folder of clips.

A manifest line describes one utterance:

    {"id": "en-meal-ate-00-slt-1.0", "audio": "en/meal-ate-00-slt-1.0.wav",
     "transcript": "Yes I had a boiled egg and some coffee", "language": "en",
     "scenario": "daily_checkin_en", "item": "meal", "truth": "ate",
     "voice": "flite:slt", "rate": 1.0, "snr": null, "split": "dev"}

`audio` is relative to the manifest's folder (or absolute); `transcript` and `language` are
required, the rest optional. `item` names the scenario question the utterance answers, so an
evaluation can give the recognizer and the rescorer the context a real call would have.

A folder is read the way speech test sets are usually shipped (and the shared real-speech
fixtures are): every `.wav`, `.flac` or `.raw` file with a `.txt` transcript beside it.
`.raw` files are headerless 16-bit little-endian mono at 16 kHz, pocketsphinx's convention.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import numpy as np
import soundfile

from telephony.audio import Audio

SPLITS = ("dev", "test")
AUDIO_SUFFIXES = (".wav", ".flac", ".raw")
RAW_RATE = 16000


class CorpusError(ValueError):
    """A manifest or clip folder that cannot be read; the message names file, line, field."""


@dataclass(frozen=True)
class Utterance:
    id: str
    audio: Path  # resolved: absolute, or relative to the working directory
    transcript: str
    language: str = "en"
    scenario: str | None = None
    item: str | None = None  # the scenario item whose question this utterance answers
    truth: str | None = None  # the answer class the utterance expresses
    voice: str | None = None
    rate: float | None = None
    snr: float | None = None  # dB of added noise; None: clean
    split: str = "test"

    def load(self) -> Audio:
        return load_audio(self.audio)


_OPTIONAL_TEXT = ("scenario", "item", "truth", "voice")
_OPTIONAL_NUMBER = ("rate", "snr")
_KNOWN = {f.name for f in fields(Utterance)}


def read_utterances(path: str | Path) -> list[Utterance]:
    """A manifest file or a folder of clips with transcripts."""
    path = Path(path)
    if path.is_dir():
        return read_folder(path)
    if not path.is_file():
        raise CorpusError(f"{path}: no such manifest file or folder")
    return read_manifest(path)


def read_manifest(path: str | Path) -> list[Utterance]:
    path = Path(path)
    base = path.parent
    out: list[Utterance] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusError(f"{where}: not a JSON object: {exc}") from None
            if not isinstance(record, dict):
                raise CorpusError(f"{where}: not a JSON object")
            utterance = _utterance(record, base, where, number)
            if utterance.id in seen:
                raise CorpusError(f"{where}: field 'id': duplicate id {utterance.id!r}")
            seen.add(utterance.id)
            out.append(utterance)
    if not out:
        raise CorpusError(f"{path}: the manifest lists no utterances")
    return out


def _utterance(record: dict, base: Path, where: str, number: int) -> Utterance:
    if unknown := sorted(set(record) - _KNOWN):
        raise CorpusError(f"{where}: unknown field(s) {unknown}; known: {sorted(_KNOWN)}")
    for name in ("audio", "transcript", "language"):
        value = record.get(name)
        if not isinstance(value, str) or not value.strip():
            raise CorpusError(f"{where}: field {name!r}: must be a non-empty string")
    for name in _OPTIONAL_TEXT:
        if record.get(name) is not None and not isinstance(record[name], str):
            raise CorpusError(f"{where}: field {name!r}: must be a string or null")
    for name in _OPTIONAL_NUMBER:
        value = record.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise CorpusError(f"{where}: field {name!r}: must be a number or null")
    split = record.get("split", "test")
    if split not in SPLITS:
        raise CorpusError(f"{where}: field 'split': must be one of {SPLITS}, got {split!r}")
    audio = Path(record["audio"])
    if audio.suffix.lower() not in AUDIO_SUFFIXES:
        raise CorpusError(f"{where}: field 'audio': {audio} is not one of {AUDIO_SUFFIXES}")
    values = {k: v for k, v in record.items() if k in _OPTIONAL_TEXT + _OPTIONAL_NUMBER}
    return Utterance(
        id=str(record.get("id") or f"line{number}"),
        audio=audio if audio.is_absolute() else base / audio,
        transcript=record["transcript"].strip(),
        language=record["language"],
        split=split,
        **values,
    )


def read_folder(folder: str | Path, language: str = "en") -> list[Utterance]:
    """Every clip under `folder` with a `.txt` transcript beside it, in path order."""
    folder = Path(folder)
    out = []
    for audio in sorted(p for p in folder.rglob("*") if p.suffix.lower() in AUDIO_SUFFIXES):
        text = audio.with_suffix(".txt")
        if not text.is_file():
            continue
        transcript = " ".join(text.read_text(encoding="utf-8").split())
        if not transcript:
            raise CorpusError(f"{text}: empty transcript")
        name = audio.relative_to(folder).with_suffix("").as_posix()
        out.append(Utterance(id=name, audio=audio, transcript=transcript, language=language))
    if not out:
        raise CorpusError(f"{folder}: no {'/'.join(AUDIO_SUFFIXES)} clip has a .txt beside it")
    return out


def write_manifest(path: str | Path, utterances: Iterable[Utterance]) -> Path:
    """One JSON line per utterance, audio paths relative to the manifest's folder."""
    path = Path(path)
    base = path.parent.resolve()
    lines = []
    for u in utterances:
        record = asdict(u)
        audio = Path(u.audio).resolve()
        record["audio"] = (
            audio.relative_to(base).as_posix() if audio.is_relative_to(base) else (audio.as_posix())
        )
        lines.append(json.dumps(record, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def load_audio(path: str | Path) -> Audio:
    """Mono float32 audio from a WAV/FLAC file (any rate, channels averaged) or a `.raw` clip."""
    path = Path(path)
    if not path.is_file():
        raise CorpusError(f"{path}: audio file not found")
    if path.suffix.lower() == ".raw":
        pcm = np.frombuffer(path.read_bytes(), dtype="<i2")
        return Audio(pcm.astype(np.float32) / 32768.0, RAW_RATE)
    try:
        samples, rate = soundfile.read(path, dtype="float32", always_2d=True)
    except (RuntimeError, soundfile.LibsndfileError) as exc:
        raise CorpusError(f"{path}: cannot read audio: {exc}") from None
    return Audio(samples.mean(axis=1), rate)
