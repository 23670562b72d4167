"""The one audio type every package passes around: float32 mono samples plus their rate.

Kept in `telephony` because the phone line is where audio enters and leaves; `telephony`
imports no model library, so every other package may depend on this module cheaply.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

INTERNAL_RATE = 16_000  # Hz: what VAD, ASR and TTS exchange inside the system
LINE_RATE = 8_000  # Hz: G.711 telephone line


@dataclass(frozen=True, eq=False)
class Audio:
    """Mono float32 samples in [-1, 1] at `sample_rate` Hz."""

    samples: np.ndarray
    sample_rate: int = INTERNAL_RATE

    def __post_init__(self) -> None:
        samples = np.asarray(self.samples, dtype=np.float32)
        if samples.ndim != 1:
            raise ValueError(f"Audio must be mono (1-D), got shape {samples.shape}")
        if self.sample_rate <= 0:
            raise ValueError(f"sample_rate must be positive, got {self.sample_rate}")
        object.__setattr__(self, "samples", samples)

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate

    @classmethod
    def silence(cls, seconds: float, sample_rate: int = INTERNAL_RATE) -> Audio:
        return cls(np.zeros(round(seconds * sample_rate), np.float32), sample_rate)

    def concat(self, *others: Audio) -> Audio:
        for other in others:
            if other.sample_rate != self.sample_rate:
                raise ValueError("cannot concatenate audio of different sample rates")
        return Audio(np.concatenate([self.samples, *(o.samples for o in others)]), self.sample_rate)
