"""Reading speech corpora: manifests (with errors that name line and field) and clip folders."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import soundfile

from asr.corpus import CorpusError, Utterance, read_manifest, read_utterances, write_manifest


def write_jsonl(path: Path, *records: dict | str) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def tone(path: Path, seconds: float = 0.5, rate: int = 8000) -> Path:
    t = np.arange(int(seconds * rate)) / rate
    soundfile.write(path, (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32), rate)
    return path


GOOD = {"audio": "a.wav", "transcript": " I slept well ", "language": "en", "item": "sleep"}


def test_manifest_paths_are_relative_to_the_manifest(tmp_path: Path) -> None:
    tone(tmp_path / "a.wav")
    manifest = write_jsonl(tmp_path / "m.jsonl", {**GOOD, "id": "x", "split": "dev", "rate": 1})
    (u,) = read_manifest(manifest)
    assert u.audio == tmp_path / "a.wav" and u.transcript == "I slept well"
    assert (u.id, u.split, u.item, u.rate, u.snr) == ("x", "dev", "sleep", 1, None)
    audio = u.load()
    assert audio.sample_rate == 8000 and audio.duration == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ("{not json", r"m.jsonl:2: not a JSON object"),
        ({**GOOD, "transcript": ""}, r"m.jsonl:2: field 'transcript'"),
        ({**GOOD, "language": None}, r"m.jsonl:2: field 'language'"),
        ({**GOOD, "split": "train"}, r"m.jsonl:2: field 'split': must be one of"),
        ({**GOOD, "rate": "fast"}, r"m.jsonl:2: field 'rate': must be a number"),
        ({**GOOD, "audio": "a.mp3"}, r"m.jsonl:2: field 'audio'"),
        ({**GOOD, "colour": "red"}, r"m.jsonl:2: unknown field\(s\) \['colour'\]"),
        ({**GOOD, "id": "line1"}, r"m.jsonl:2: field 'id': duplicate id 'line1'"),
    ],
)
def test_bad_manifest_lines_are_named(tmp_path: Path, record, message: str) -> None:
    manifest = write_jsonl(tmp_path / "m.jsonl", GOOD, record)
    with pytest.raises(CorpusError, match=message):
        read_manifest(manifest)


def test_empty_or_missing_corpora_are_reported(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="lists no utterances"):
        read_manifest(write_jsonl(tmp_path / "m.jsonl", ""))
    with pytest.raises(CorpusError, match="no such manifest"):
        read_utterances(tmp_path / "nope.jsonl")
    (tmp_path / "clips").mkdir()
    with pytest.raises(CorpusError, match="no .* clip has a .txt beside it"):
        read_utterances(tmp_path / "clips")
    (u,) = read_manifest(write_jsonl(tmp_path / "m.jsonl", GOOD))
    with pytest.raises(CorpusError, match="audio file not found"):
        u.load()


def test_a_folder_of_clips_with_transcripts(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    tone(tmp_path / "sub" / "b.flac", rate=16000)
    (tmp_path / "sub" / "b.txt").write_text("go  forward\nten meters\n")
    pcm = (np.arange(3200) % 100 * 100).astype("<i2")
    (tmp_path / "c.raw").write_bytes(pcm.tobytes())
    (tmp_path / "c.txt").write_text("one two three")
    tone(tmp_path / "untranscribed.wav")
    c, b = read_utterances(tmp_path)
    assert (b.id, b.transcript, b.language, b.split) == ("sub/b", "go forward ten meters", "en",
                                                          "test")  # fmt: skip
    raw = c.load()
    assert raw.sample_rate == 16000 and len(raw.samples) == 3200
    assert raw.samples[1] == pytest.approx(100 / 32768)


def test_written_manifests_read_back(tmp_path: Path) -> None:
    tone(tmp_path / "a.wav")
    utterances = [
        Utterance("u1", tmp_path / "a.wav", "yes", "en", "daily_checkin_en", "meal", "ate",
                  "flite:slt", 0.9, 20.0, "dev"),
        Utterance("u2", tmp_path / "a.wav", "네 먹었어요", "ko"),
    ]  # fmt: skip
    manifest = write_manifest(tmp_path / "m.jsonl", utterances)
    assert json.loads(manifest.read_text().splitlines()[0])["audio"] == "a.wav"
    assert "네 먹었어요" in manifest.read_text(encoding="utf-8")
    assert read_manifest(manifest) == utterances
