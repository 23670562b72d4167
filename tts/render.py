"""Make synthesized speech right for a phone line: even loudness, telephone band, 8 kHz μ-law.

Backends differ by 10–20 dB in level (espeak-ng is loud, a neural voice may be quiet), and a
person with hearing loss on a handset should not have to reach for the volume between the
agent's sentences. So every utterance is brought to one speech level and its peaks limited
below full scale, where μ-law would otherwise clip. Band shaping to 300–3400 Hz is gentle and
optional: the network cuts that band anyway, but removing the rumble below 300 Hz first keeps
it from eating the μ-law range and the loudness measure.

The level is a gated RMS in dBFS, in the spirit of EBU R128 / BS.1770 loudness without the
K-weighting (the telephone band does that job here): the mean power of 50 ms blocks louder
than an absolute gate (−70 dBFS) and than a relative gate (10 dB under the mean of the
blocks that passed the first), so pauses between words do not make speech look quiet.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.ndimage import minimum_filter1d, uniform_filter1d
from scipy.signal import butter, sosfilt

from telephony.audio import LINE_RATE, Audio
from telephony.g711 import float_to_ulaw
from telephony.resample import resample
from tts import Synthesizer

BLOCK_S = 0.050
ABSOLUTE_GATE_DBFS = -70.0
RELATIVE_GATE_DB = -10.0
LIMITER_WINDOW_S = 0.005  # gain may change no faster than over 5 ms: no audible clicks


def loudness_dbfs(audio: Audio) -> float:
    """Gated RMS level in dBFS; -inf for silence."""
    x = audio.samples.astype(np.float64)
    block = min(len(x), max(1, round(BLOCK_S * audio.sample_rate)))
    if block == 0:
        return float("-inf")
    powers = (x[: len(x) - len(x) % block].reshape(-1, block) ** 2).mean(axis=1)
    powers = powers[powers > 10 ** (ABSOLUTE_GATE_DBFS / 10)]
    if powers.size == 0:
        return float("-inf")
    relative_gate = powers.mean() * 10 ** (RELATIVE_GATE_DB / 10)
    return float(10 * np.log10(powers[powers >= relative_gate].mean()))


def peak_dbfs(audio: Audio) -> float:
    peak = float(np.max(np.abs(audio.samples))) if audio.samples.size else 0.0
    return 20 * np.log10(peak) if peak > 0 else float("-inf")


def limit_peaks(audio: Audio, ceiling_dbfs: float = -1.0) -> Audio:
    """Look-ahead peak limiter: no sample above `ceiling_dbfs`, gain changes smoothed.

    The gain each sample needs is `ceiling / |x|` (at most 1). Taking the minimum of that over
    ±W and then the moving average over ±W/2 gives a smooth gain that is, at every sample, an
    average of values each at most what that sample needs: peaks end up at or under the
    ceiling without hard clipping, and the gain starts falling W/2 before a peak (look-ahead).
    """
    ceiling = 10 ** (ceiling_dbfs / 20)
    x = audio.samples
    magnitude = np.abs(x)
    if magnitude.size == 0 or magnitude.max() <= ceiling:
        return audio
    window = max(2, round(LIMITER_WINDOW_S * audio.sample_rate))
    needed = np.minimum(1.0, ceiling / np.maximum(magnitude, 1e-12))
    gain = uniform_filter1d(minimum_filter1d(needed, 2 * window + 1), window + 1)
    limited = np.clip(x * gain, -ceiling, ceiling)  # clip only guards float rounding
    return Audio(limited.astype(np.float32), audio.sample_rate)


def normalize_loudness(
    audio: Audio, target_dbfs: float = -20.0, ceiling_dbfs: float = -1.0
) -> Audio:
    """Bring speech to `target_dbfs` gated RMS with peaks at most `ceiling_dbfs`.

    Limiting lowers the level a little, so the gain is corrected once after the first pass;
    speech with a very high crest factor may end up slightly under target, never over the
    ceiling. Silence is returned unchanged.
    """
    if target_dbfs >= ceiling_dbfs:
        raise ValueError(f"target {target_dbfs} dBFS must be below the ceiling {ceiling_dbfs}")
    result = audio
    for _ in range(2):
        level = loudness_dbfs(result)
        if not np.isfinite(level):
            return audio
        gain = 10 ** ((target_dbfs - level) / 20)
        result = limit_peaks(
            Audio(result.samples * np.float32(gain), audio.sample_rate), ceiling_dbfs
        )
    return result


def telephone_band(audio: Audio, low_hz: float = 300.0, high_hz: float = 3400.0) -> Audio:
    """Gentle (2nd-order Butterworth, 12 dB/octave each side) band-pass to the phone band."""
    nyquist = audio.sample_rate / 2
    if not 0 < low_hz < high_hz:
        raise ValueError(f"band edges must satisfy 0 < low < high, got {low_hz}, {high_hz}")
    if high_hz >= nyquist:
        sos = butter(2, low_hz, btype="highpass", fs=audio.sample_rate, output="sos")
    else:
        sos = butter(2, [low_hz, high_hz], btype="bandpass", fs=audio.sample_rate, output="sos")
    return Audio(sosfilt(sos, audio.samples).astype(np.float32), audio.sample_rate)


def to_line(audio: Audio) -> bytes:
    """8 kHz μ-law bytes for the line, one byte per 125 µs (anti-aliased by the resampler)."""
    samples = resample(audio.samples, audio.sample_rate, LINE_RATE)
    return float_to_ulaw(np.clip(samples, -1.0, 1.0))


@dataclass(frozen=True)
class LineSettings:
    """How agent speech is rendered for the phone. `rate` is handed to the synthesizer."""

    target_dbfs: float = -20.0
    ceiling_dbfs: float = -1.0
    band_limit: bool = True
    rate: float = 1.0

    def __post_init__(self) -> None:
        if self.target_dbfs >= self.ceiling_dbfs:
            raise ValueError(
                f"LineSettings: target_dbfs {self.target_dbfs} must be below "
                f"ceiling_dbfs {self.ceiling_dbfs}"
            )
        if not 0.25 <= self.rate <= 4.0:
            raise ValueError(f"LineSettings: rate must be between 0.25 and 4.0, got {self.rate}")

    def as_dict(self) -> dict[str, object]:
        return {
            "target_dbfs": self.target_dbfs,
            "ceiling_dbfs": self.ceiling_dbfs,
            "band_limit": self.band_limit,
            "rate": self.rate,
        }


def render(audio: Audio, settings: LineSettings | None = None) -> Audio:
    """Band shaping (if asked) then loudness: the level is measured on what the line carries."""
    settings = settings or LineSettings()
    if settings.band_limit:
        audio = telephone_band(audio)
    return normalize_loudness(audio, settings.target_dbfs, settings.ceiling_dbfs)


class LineVoice:
    """A `Synthesizer` whose output is already rendered for the line (still 16 kHz).

    It multiplies each call's `rate` by `settings.rate`, so a deployment can slow the agent
    down for elderly listeners in one place whatever backend speaks. Wrapped in a
    `PhraseCache`, it caches rendered audio, keyed by its `settings` too.
    """

    def __init__(self, synthesizer: Synthesizer, line: LineSettings | None = None) -> None:
        self.synthesizer = synthesizer
        self.line = line or LineSettings()

    @property
    def settings(self) -> dict[str, object]:
        """The backend's settings plus the line's (part of a phrase-cache key)."""
        inner = getattr(self.synthesizer, "settings", None)
        return {"synthesizer": dict(inner) if inner else None, "line": self.line.as_dict()}

    def synthesize(
        self, text: str, *, language: str = "en", voice: str | None = None, rate: float = 1.0
    ) -> Audio:
        audio = self.synthesizer.synthesize(
            text, language=language, voice=voice, rate=rate * self.line.rate
        )
        return render(audio, self.line)


class AtLineRate:
    """A `Synthesizer` whose audio is already at the line's 8 kHz, resampled with the same
    anti-aliasing filter the line would use (`telephony.playout.to_line`), so the far end hears
    exactly the same. Wrapped in a `PhraseCache`, cached sentences are stored at 8 kHz (half the
    size) and go to the line with no resampling: a warmed opening's first frame then costs a
    file read and a μ-law encode."""

    def __init__(self, synthesizer: Synthesizer) -> None:
        self.synthesizer = synthesizer

    @property
    def settings(self) -> dict[str, object]:
        """The backend's settings and the output rate (part of a phrase-cache key)."""
        inner = getattr(self.synthesizer, "settings", None)
        return {"synthesizer": dict(inner) if inner else None, "sample_rate": LINE_RATE}

    def synthesize(
        self, text: str, *, language: str = "en", voice: str | None = None, rate: float = 1.0
    ) -> Audio:
        audio = self.synthesizer.synthesize(text, language=language, voice=voice, rate=rate)
        if audio.sample_rate == LINE_RATE:
            return audio
        return Audio(resample(audio.samples, audio.sample_rate, LINE_RATE), LINE_RATE)
