"""Speech synthesis for the agent's voice and for simulated callers.

Backends live one per module (`tts.espeak`, `tts.flite`, `tts.coqui`); they all satisfy
`Synthesizer` and return 16 kHz `Audio`; `tts.render` prepares it for the 8 kHz line.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from telephony.audio import Audio


class SynthesisError(RuntimeError):
    """A synthesizer could not produce audio (missing binary, bad voice, empty output)."""


@runtime_checkable
class Synthesizer(Protocol):
    def synthesize(
        self, text: str, *, language: str = "en", voice: str | None = None, rate: float = 1.0
    ) -> Audio:
        """`rate` is relative to the backend's normal speed (0.85 = 15% slower)."""
        ...
