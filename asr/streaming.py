"""Recognizing a turn while the person speaks: a stream per turn, fed as the audio arrives.

`RecognizerStream` is what a call's agent holds for the turn in progress: `feed` the audio as
the endpointer takes it in, ask `partial()` for what was heard so far (the adaptive end of turn
judges it, `asr.completeness`), and `finish()` once the turn has ended, when only the tail is
left to decode. `open_stream(recognizer, ...)` gives the recognizer's own stream when it has
one (pocketsphinx decodes incrementally: `asr.sphinx_stream`), else a `BufferedStream` that
decodes the whole turn once at the end (Whisper on CPU: its encoder reruns on the whole
window at every re-decode, so re-decoding the growing turn costs more CPU than it saves).
"""

from __future__ import annotations

import time
from typing import Protocol, runtime_checkable

import numpy as np

from asr import RecognitionContext, Recognizer, Transcript
from telephony.audio import Audio


@runtime_checkable
class RecognizerStream(Protocol):
    def feed(self, samples: np.ndarray, sample_rate: int) -> None: ...

    def partial(self) -> str:
        """What was heard so far ("" when this recognizer has no partial result)."""
        ...

    def finish(self) -> Transcript: ...

    def close(self) -> None:
        """Let go of the stream without a result (a backchannel, the call ended)."""
        ...


class BufferedStream:
    """A stream for any `Recognizer`: keeps the audio and decodes it once, at `finish`."""

    def __init__(
        self,
        recognizer: Recognizer,
        language: str | None = None,
        context: RecognitionContext | None = None,
    ) -> None:
        self._recognizer, self._language, self._context = recognizer, language, context
        self._chunks: list[np.ndarray] = []
        self._rate = 0

    def feed(self, samples: np.ndarray, sample_rate: int) -> None:
        if self._rate and sample_rate != self._rate:
            raise ValueError(f"stream fed {sample_rate} Hz after {self._rate} Hz")
        self._rate = sample_rate
        self._chunks.append(np.asarray(samples, dtype=np.float32))

    def partial(self) -> str:
        return ""

    def finish(self) -> Transcript:
        samples = np.concatenate(self._chunks) if self._chunks else np.zeros(0, np.float32)
        self._chunks = []
        started = time.perf_counter()
        transcript = self._recognizer.transcribe(
            Audio(samples, self._rate or 16000), language=self._language, context=self._context
        )
        transcript.timings.setdefault("asr", time.perf_counter() - started)
        return transcript

    def close(self) -> None:
        self._chunks = []


def open_stream(
    recognizer: Recognizer,
    language: str | None = None,
    context: RecognitionContext | None = None,
) -> RecognizerStream:
    """The recognizer's own incremental stream if it has one, else a `BufferedStream`."""
    opener = getattr(recognizer, "open_stream", None)
    if opener is not None:
        return opener(language=language, context=context)
    return BufferedStream(recognizer, language, context)
