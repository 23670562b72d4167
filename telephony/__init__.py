"""The phone line: wire protocol, G.711, resampling, VAD/endpointing, call sessions, server, phone.

`telephony` imports no model library (no whisper, TTS or transformers). What a call *says* comes
from a `CallAgent`, which the composition root (`carecall.pipeline`) builds per call from ASR,
dialogue and TTS. Every `CallAgent` method blocks and is run off the event loop, so one slow
model call never delays another call's audio.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from telephony.audio import Audio


@dataclass(frozen=True)
class Segment:
    """One piece of agent speech (usually a sentence) and its 16 kHz audio."""

    text: str
    audio: Audio


@dataclass
class Reply:
    """What the agent says next. `hangup` ends the call once the reply has been played."""

    segments: list[Segment] = field(default_factory=list)
    hangup: bool = False
    user_text: str | None = None  # what the agent understood the person said, if anything
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds spent per stage making this reply ("asr", "dialogue", "tts"), if the agent
    measures them: the session's latency statistics split a turn's time by these."""

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)


@dataclass(frozen=True)
class CallInfo:
    """Who is being called and with what: taken from the `start` event."""

    stream_sid: str
    call_sid: str
    parameters: dict[str, str] = field(default_factory=dict)  # recipient, scenario, language


class CallAgent(Protocol):
    """The conversation of one call, as seen from the line. All methods block."""

    def opening(self) -> Reply: ...

    def hear(self, utterance: Audio) -> Reply | None:
        """The person said something; None means nothing worth answering (noise, cough)."""
        ...

    def silence(self) -> Reply: ...

    def dtmf(self, digit: str) -> Reply | None: ...

    def played(self, segment: Segment, *, complete: bool, heard_text: str) -> None:
        """The line confirmed (by an echoed mark) what of `segment` the person heard."""
        ...

    def finish(self, reason: str, recording: Path | None) -> None:
        """The call ended (hang-up, stop, error): save transcript, report and memory."""
        ...


class AgentFactory(Protocol):
    def __call__(self, call: CallInfo) -> CallAgent: ...
