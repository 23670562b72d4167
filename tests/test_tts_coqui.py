"""Coqui TTS wiring with a tiny, seeded, random VITS built here: loading, shapes, determinism.

What the model says is noise; these tests prove that a checkpoint on disk loads through
`TTS.api.TTS` on CPU torch without torchaudio, and that carecall's options reach the model.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from telephony.audio import INTERNAL_RATE
from tts import SynthesisError, Synthesizer

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("TTS") is None, reason="coqui-tts is not installed"
)

TEXT = "hello there. did you sleep well?"


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.tiny_tts import tiny_vits

    return tiny_vits(0, tmp_path_factory.mktemp("vits"))


@pytest.fixture(scope="module")
def vits(checkpoint: Path):
    from tts.coqui import CoquiSynthesizer

    return CoquiSynthesizer(checkpoint, language="en")


def test_loads_by_path_and_speaks_16khz_float_audio(vits) -> None:
    audio = vits.synthesize(TEXT)
    assert isinstance(vits, Synthesizer)
    assert vits.sample_rate == 16000
    assert audio.sample_rate == INTERNAL_RATE
    assert audio.samples.dtype == np.float32
    assert audio.duration > 0.1
    assert np.all(np.isfinite(audio.samples))
    assert np.max(np.abs(audio.samples)) <= 1.0
    assert np.any(audio.samples != 0)
    assert vits.settings["checkpoint"]  # a retrained file at the same path gets new cache keys


def test_same_seed_same_audio_across_loads(vits, checkpoint: Path) -> None:
    from tts.coqui import CoquiSynthesizer

    first = vits.synthesize(TEXT)
    np.testing.assert_array_equal(first.samples, vits.synthesize(TEXT).samples)
    reloaded = CoquiSynthesizer(checkpoint.parent, language="en")  # a directory works too
    np.testing.assert_array_equal(first.samples, reloaded.synthesize(TEXT).samples)
    reseeded = CoquiSynthesizer(checkpoint, language="en", seed=1)
    assert not np.array_equal(first.samples, reseeded.synthesize(TEXT).samples)


def test_rebuilt_model_with_the_same_seed_is_identical(vits, tmp_path: Path) -> None:
    from tests.tiny_tts import tiny_vits
    from tts.coqui import CoquiSynthesizer

    again = CoquiSynthesizer(tiny_vits(0, tmp_path / "a"), language="en")
    other = CoquiSynthesizer(tiny_vits(1, tmp_path / "b"), language="en")
    np.testing.assert_array_equal(again.synthesize(TEXT).samples, vits.synthesize(TEXT).samples)
    assert not np.array_equal(other.synthesize(TEXT).samples, vits.synthesize(TEXT).samples)


def test_slower_rate_gives_longer_audio(vits) -> None:
    normal = vits.synthesize(TEXT)
    slow = vits.synthesize(TEXT, rate=0.5)
    assert slow.duration > 1.2 * normal.duration
    np.testing.assert_array_equal(vits.synthesize(TEXT).samples, normal.samples)  # restored


def test_sentences_are_synthesized_one_by_one(vits) -> None:
    one = vits.synthesize("Hello there.")
    two = vits.synthesize("Hello there. Hello there.")
    assert two.duration > 2 * one.duration  # the second sentence and a pause between
    assert one.samples[-1] != 0  # no trailing pad to delay the end of the utterance


def test_language_of_a_single_language_model_is_enforced(vits) -> None:
    with pytest.raises(SynthesisError, match="speaks 'en' only; not 'ko'"):
        vits.synthesize("안녕하세요.", language="ko")


def test_speakers_of_a_multi_speaker_model(tmp_path: Path) -> None:
    from tests.tiny_tts import tiny_vits
    from tts.coqui import CoquiSynthesizer

    checkpoint = tiny_vits(0, tmp_path, speakers=["alice", "bob"])
    voices = CoquiSynthesizer(checkpoint)
    assert voices.speakers == ["alice", "bob"]
    assert voices.speaker == "alice"
    alice = voices.synthesize("hello.")
    bob = voices.synthesize("hello.", voice="bob")
    assert not np.array_equal(alice.samples[: len(bob.samples)], bob.samples[: len(alice.samples)])
    np.testing.assert_array_equal(
        CoquiSynthesizer(checkpoint, speaker="bob").synthesize("hello.").samples, bob.samples
    )
    with pytest.raises(SynthesisError, match="no speaker 'carol'"):
        voices.synthesize("hello.", voice="carol")
    with pytest.raises(SynthesisError, match="no speaker 'carol'"):
        CoquiSynthesizer(checkpoint, speaker="carol")


def test_missing_torchaudio_is_stood_in_for_only_while_loading(vits) -> None:
    if importlib.util.find_spec("torchaudio") is None:
        assert "torchaudio" not in sys.modules
        with pytest.raises(ModuleNotFoundError):
            import torchaudio  # noqa: F401
    coqui_vits = sys.modules["TTS.tts.models.vits"]
    if type(coqui_vits.torchaudio).__name__ == "_Absent":
        with pytest.raises(AttributeError, match="torchaudio is not installed"):
            coqui_vits.torchaudio.load("x.wav")


def test_bad_paths_and_names_are_clear_errors(tmp_path: Path, checkpoint: Path) -> None:
    from tts.coqui import CoquiSynthesizer

    with pytest.raises(SynthesisError, match="config.json does not exist"):
        CoquiSynthesizer(tmp_path)
    (tmp_path / "config.json").write_text((checkpoint.parent / "config.json").read_text())
    with pytest.raises(SynthesisError, match="no Coqui checkpoint in"):
        CoquiSynthesizer(tmp_path)
    with pytest.raises(SynthesisError, match="not a Coqui model name"):
        CoquiSynthesizer(tmp_path / "missing.pth")
    with pytest.raises(ValueError, match="device"):
        CoquiSynthesizer(checkpoint, device="tpu")
