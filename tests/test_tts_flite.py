"""flite: real English audio through the real binary, and a clear refusal of anything else."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from telephony.audio import INTERNAL_RATE
from tts import SynthesisError
from tts.flite import FliteSynthesizer

pytestmark = pytest.mark.skipif(
    shutil.which("flite") is None, reason="flite is not installed (apt-get install flite)"
)

# The durations asserted below are audio lengths (samples / rate) of flite's output, which is the
# same on every run (test_same_text_gives_the_same_audio); no assertion here measures wall time.
SHORT = "Yes, I ate."
LONG = "Yes, I ate some rice and soup this morning, and then I went for a walk in the park."


@pytest.fixture(scope="module")
def flite() -> FliteSynthesizer:
    return FliteSynthesizer()


@pytest.mark.parametrize("voice", ["slt", "rms", "awb", "kal16"])
def test_speaks_audible_16khz_audio(flite: FliteSynthesizer, voice: str) -> None:
    audio = flite.synthesize(LONG, voice=voice)
    assert audio.sample_rate == INTERNAL_RATE
    assert audio.samples.dtype == np.float32
    assert 2 * INTERNAL_RATE < len(audio.samples) < 15 * INTERNAL_RATE  # 2-15 s of audio
    assert np.all(np.isfinite(audio.samples))
    assert float(np.sqrt(np.mean(audio.samples.astype(np.float64) ** 2))) > 0.01


def test_duration_grows_with_text_and_falls_with_rate(flite: FliteSynthesizer) -> None:
    short = flite.synthesize(SHORT)
    long = flite.synthesize(LONG)
    fast = flite.synthesize(LONG, rate=1.5)
    slow = flite.synthesize(LONG, rate=0.7)
    assert len(long.samples) > 2 * len(short.samples)
    assert len(fast.samples) < 0.85 * len(long.samples)
    assert len(slow.samples) > 1.15 * len(long.samples)


def test_duration_stretch_is_the_speakers_normal_pace() -> None:
    normal = FliteSynthesizer().synthesize(LONG)
    unhurried = FliteSynthesizer(duration_stretch=1.3).synthesize(LONG)
    assert unhurried.duration > 1.15 * normal.duration


def test_same_text_gives_the_same_audio(flite: FliteSynthesizer) -> None:
    first = flite.synthesize(SHORT, rate=0.7)
    second = flite.synthesize(SHORT, rate=0.7)
    np.testing.assert_array_equal(first.samples, second.samples)


def test_text_is_never_read_as_options(flite: FliteSynthesizer) -> None:
    assert flite.synthesize("-voice kal -o /dev/null").duration > 0.5


def test_speaks_english_only(flite: FliteSynthesizer) -> None:
    with pytest.raises(SynthesisError, match="English only.*'ko'"):
        flite.synthesize("안녕하세요", language="ko")
    assert flite.synthesize(SHORT, language="en-US").duration > 0.3


def test_unknown_voice_is_refused_not_replaced(flite: FliteSynthesizer) -> None:
    assert {"slt", "rms", "awb", "kal16"} <= set(flite.voices)
    with pytest.raises(SynthesisError, match="unknown flite voice 'nosuch'.*slt"):
        flite.synthesize(SHORT, voice="nosuch")
    with pytest.raises(SynthesisError, match="unknown flite voice"):
        FliteSynthesizer(default_voice="nosuch")
    with pytest.raises(SynthesisError, match="does not exist"):
        flite.synthesize(SHORT, voice="/nonexistent/voice.flitevox")


def test_missing_binary_says_how_to_install() -> None:
    with pytest.raises(SynthesisError, match="apt-get install flite"):
        FliteSynthesizer(binary="flite-not-installed")


def test_empty_text_is_refused(flite: FliteSynthesizer) -> None:
    with pytest.raises(SynthesisError, match="empty text"):
        flite.synthesize(" ")
