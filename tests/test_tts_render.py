"""Rendering for the line: loudness, peak limit, telephone band, 8 kHz μ-law."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from telephony.audio import Audio
from telephony.g711 import ulaw_to_float
from tts.render import (
    AtLineRate,
    LineSettings,
    LineVoice,
    limit_peaks,
    loudness_dbfs,
    normalize_loudness,
    peak_dbfs,
    render,
    telephone_band,
    to_line,
)

RATE = 16000


def tone(hz: float, seconds: float = 1.0, amplitude: float = 0.5, rate: int = RATE) -> Audio:
    t = np.arange(round(seconds * rate)) / rate
    return Audio((amplitude * np.sin(2 * np.pi * hz * t)).astype(np.float32), rate)


def speechlike(seed: int = 0, seconds: float = 2.0) -> Audio:
    """Bursts of harmonic sound with pauses and a few sharp peaks: a speech-like crest factor."""
    rng = np.random.default_rng(seed)
    t = np.arange(round(seconds * RATE)) / RATE
    voiced = sum(np.sin(2 * np.pi * 140 * k * t + rng.uniform(0, 6)) / k for k in range(1, 12))
    envelope = (np.sin(2 * np.pi * 3 * t) > 0.2).astype(float)
    samples = 0.05 * voiced * envelope
    samples[rng.integers(0, len(samples), 5)] += 0.6
    return Audio(samples.astype(np.float32))


def level(samples: np.ndarray) -> float:
    return 20 * np.log10(np.sqrt(np.mean(samples.astype(np.float64) ** 2)))


def test_loudness_of_a_full_scale_sine_is_minus_3_dbfs() -> None:
    assert loudness_dbfs(tone(1000, amplitude=1.0)) == pytest.approx(-3.01, abs=0.05)
    assert loudness_dbfs(Audio.silence(1.0)) == float("-inf")
    assert loudness_dbfs(Audio(np.zeros(0, np.float32))) == float("-inf")


def test_pauses_do_not_make_speech_look_quiet() -> None:
    speech = tone(300, 1.0, 0.1)
    padded = Audio.silence(2.0).concat(speech, Audio.silence(2.0))
    assert loudness_dbfs(padded) == pytest.approx(loudness_dbfs(speech), abs=0.1)
    assert level(padded.samples) < level(speech.samples) - 6  # plain RMS would be fooled


@pytest.mark.parametrize("amplitude", [0.003, 0.05, 0.9])
def test_normalize_brings_any_level_to_target(amplitude: float) -> None:
    out = normalize_loudness(tone(440, amplitude=amplitude), target_dbfs=-20.0)
    assert loudness_dbfs(out) == pytest.approx(-20.0, abs=0.1)


def test_peaks_are_limited_without_clipping_the_rest() -> None:
    audio = speechlike()
    out = normalize_loudness(audio, target_dbfs=-20.0, ceiling_dbfs=-1.0)
    assert peak_dbfs(out) <= -1.0 + 1e-4
    assert loudness_dbfs(out) == pytest.approx(-20.0, abs=1.0)


def test_limiter_only_touches_the_neighbourhood_of_a_peak() -> None:
    samples = tone(200, 1.0, 0.3).samples.copy()
    samples[8000] = 1.0
    out = limit_peaks(Audio(samples), ceiling_dbfs=-6.0).samples
    assert np.max(np.abs(out)) <= 10 ** (-6 / 20) + 1e-6
    far = np.r_[0:7700, 8300:16000]
    np.testing.assert_allclose(out[far], samples[far], atol=1e-6)
    quiet = tone(200, amplitude=0.1)
    np.testing.assert_array_equal(limit_peaks(quiet).samples, quiet.samples)


def test_silence_stays_silence() -> None:
    out = render(Audio.silence(0.5))
    assert not np.any(out.samples)


def test_target_must_sit_below_the_ceiling() -> None:
    with pytest.raises(ValueError, match="below"):
        normalize_loudness(tone(440), target_dbfs=-0.5, ceiling_dbfs=-1.0)
    with pytest.raises(ValueError, match="target_dbfs"):
        LineSettings(target_dbfs=0.0)
    with pytest.raises(ValueError, match="rate"):
        LineSettings(rate=0.0)


def test_telephone_band_cuts_rumble_and_keeps_the_voice_band() -> None:
    assert level(telephone_band(tone(1000)).samples[4000:]) == pytest.approx(
        level(tone(1000).samples[4000:]), abs=0.5
    )
    assert level(telephone_band(tone(60)).samples[4000:]) < level(tone(60).samples) - 20
    assert level(telephone_band(tone(7000)).samples[4000:]) < level(tone(7000).samples) - 10


@pytest.mark.parametrize("seconds", [0.02, 0.5, 1.2345])
def test_to_line_is_one_byte_per_8khz_sample(seconds: float) -> None:
    audio = tone(700, seconds)
    line = to_line(audio)
    assert isinstance(line, bytes)
    assert len(line) == pytest.approx(audio.duration * 8000, abs=1)


def test_to_line_keeps_the_voice_and_drops_what_would_alias() -> None:
    voice = ulaw_to_float(to_line(tone(1000, amplitude=0.5)))[800:-800]
    assert level(voice) == pytest.approx(level(tone(1000, amplitude=0.5).samples), abs=0.3)
    # 5 kHz cannot exist at 8 kHz; without the filter it would fold down to 3 kHz.
    folded = ulaw_to_float(to_line(tone(5000, amplitude=0.5)))[800:-800]
    assert level(folded) < level(voice) - 40
    at_8k = to_line(tone(1000, amplitude=0.5, rate=8000))
    assert len(at_8k) == 8000


def test_render_gives_line_ready_level() -> None:
    out = render(speechlike(1), LineSettings(target_dbfs=-18.0, ceiling_dbfs=-2.0))
    assert out.sample_rate == RATE
    assert loudness_dbfs(out) == pytest.approx(-18.0, abs=1.0)
    assert peak_dbfs(out) <= -2.0 + 1e-4


class Recording:
    def __init__(self) -> None:
        self.rates: list[float] = []
        self.settings = {"backend": "recording"}

    def synthesize(
        self, text: str, *, language: str = "en", voice: str | None = None, rate: float = 1.0
    ) -> Audio:
        self.rates.append(rate)
        return speechlike(len(text))


def test_line_voice_passes_the_speaking_rate_through_and_renders() -> None:
    inner = Recording()
    line = LineVoice(inner, LineSettings(rate=0.85))
    out = line.synthesize("Hello.", rate=1.0)
    line.synthesize("Hello.", rate=1.2)
    assert inner.rates == pytest.approx([0.85, 1.02])
    assert loudness_dbfs(out) == pytest.approx(-20.0, abs=1.0)
    assert line.settings == {"synthesizer": {"backend": "recording"}, "line": line.line.as_dict()}


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
@pytest.mark.parametrize("language", ["en", "ko"])
def test_real_speech_on_the_line(language: str) -> None:
    from tts.espeak import EspeakSynthesizer

    text = {"en": "Did you take your medicine today?", "ko": "오늘 약은 드셨어요?"}[language]
    speech = LineVoice(EspeakSynthesizer()).synthesize(text, language=language)
    assert loudness_dbfs(speech) == pytest.approx(-20.0, abs=1.0)
    assert peak_dbfs(speech) <= -1.0 + 1e-4
    line = to_line(speech)
    assert len(line) == pytest.approx(speech.duration * 8000, abs=1)
    heard = Audio(ulaw_to_float(line), 8000)
    assert loudness_dbfs(heard) == pytest.approx(-20.0, abs=1.5)


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_audio_at_the_line_rate_is_what_the_line_would_have_sent() -> None:
    from telephony.g711 import ulaw_encode
    from telephony.playout import to_line as line_frames
    from tts.espeak import EspeakSynthesizer

    voice = EspeakSynthesizer()
    at_line = AtLineRate(voice)
    text = "Did you take your medicine today?"
    wide = voice.synthesize(text, rate=0.9)
    narrow = at_line.synthesize(text, rate=0.9)
    assert (wide.sample_rate, narrow.sample_rate) == (16000, 8000)
    assert narrow.duration == pytest.approx(wide.duration, abs=0.001)
    assert line_frames(narrow, ulaw_encode).payloads == line_frames(wide, ulaw_encode).payloads
    assert at_line.settings["sample_rate"] == 8000  # so 16 kHz cache entries are never reused
