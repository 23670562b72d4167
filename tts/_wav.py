"""WAV bytes from a synthesizer binary to 16 kHz `Audio`, for the espeak-ng and flite backends.

The `wave` module rather than soundfile, because espeak-ng writes its WAV to a pipe before it
knows the length and puts a placeholder size (0x7ffff000) in the header; `wave` reads what is
there, where a strict reader would complain about a truncated file.
"""

from __future__ import annotations

import io
import wave

import numpy as np

from telephony.audio import INTERNAL_RATE, Audio
from telephony.resample import resample
from tts import SynthesisError

# Below this peak a synthesizer's output counts as silence (an unknown voice, text it skipped).
SILENCE_PEAK = 1e-3


def decode_wav(data: bytes, *, source: str) -> Audio:
    """16-bit mono PCM WAV bytes as float32 `Audio` at the internal rate."""
    try:
        with wave.open(io.BytesIO(data)) as wav:
            channels, width, rate = wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
            frames = wav.readframes(wav.getnframes())
    except (wave.Error, EOFError) as exc:
        raise SynthesisError(f"{source} wrote no readable WAV ({len(data)} bytes): {exc}") from exc
    if width != 2 or channels != 1:
        raise SynthesisError(
            f"{source} wrote {channels}-channel {8 * width}-bit audio; expected 16-bit mono"
        )
    frames = frames[: len(frames) - len(frames) % 2]
    samples = np.frombuffer(frames, dtype="<i2").astype(np.float32) / 32768.0
    if samples.size == 0 or float(np.max(np.abs(samples))) < SILENCE_PEAK:
        raise SynthesisError(f"{source} produced no audible audio")
    return Audio(resample(samples, rate, INTERNAL_RATE), INTERNAL_RATE)


def check_text(text: str, source: str) -> str:
    """The text, stripped; a clear error for what no synthesizer can speak."""
    if not isinstance(text, str):
        raise TypeError(f"{source}: text must be str, got {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        raise SynthesisError(f"{source}: nothing to synthesize (empty text)")
    return stripped


def check_rate(rate: float, source: str) -> float:
    if not 0.25 <= rate <= 4.0:
        raise ValueError(f"{source}: rate must be between 0.25 and 4.0, got {rate!r}")
    return float(rate)
