"""Speech recognition: recognizers that return N-best lists, and language-model rescoring.

Backends live one per module (`asr.sphinx`, `asr.whisper`); they all satisfy `Recognizer`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Protocol, runtime_checkable

from telephony.audio import Audio


@dataclass(frozen=True)
class Hypothesis:
    """One recognition candidate. `score` is what ranks the N-best list (higher is better)."""

    text: str
    asr_logprob: float
    lm_logprob: float | None = None
    score: float = 0.0


@dataclass(frozen=True)
class RecognitionContext:
    """What the dialogue knows before the person speaks: it biases and rescores recognition."""

    last_question: str = ""
    vocabulary: tuple[str, ...] = ()  # names, medicines, places, expected answer words
    # What this person said before: earlier answers in this call, what memory holds about
    # them ("your knee was hurting"). People say the same words again.
    history: tuple[str, ...] = ()
    # What the recognizer learned about this voice and line from the call's earlier turns,
    # as it handed it back (`Transcript.adaptation`; pocketsphinx: its cepstral mean). It
    # travels with the call, not with a decoder or a worker process, so a turn decodes the
    # same whichever of them it gets. "" for a call's first turn.
    adaptation: str = ""


@dataclass(frozen=True)
class Transcript:
    text: str
    nbest: tuple[Hypothesis, ...] = ()
    language: str = "en"
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds
    adaptation: str = ""  # for the next turn's `RecognitionContext.adaptation`

    def with_best(self, nbest: tuple[Hypothesis, ...]) -> Transcript:
        return replace(self, text=nbest[0].text if nbest else "", nbest=nbest)


@runtime_checkable
class Recognizer(Protocol):
    def transcribe(
        self,
        audio: Audio,
        *,
        language: str | None = None,
        context: RecognitionContext | None = None,
    ) -> Transcript: ...


@runtime_checkable
class LanguageModelScorer(Protocol):
    def score(self, texts: list[str], *, context: RecognitionContext | None = None) -> list[float]:
        """Log-probability (natural log) of each text given the context."""
        ...
