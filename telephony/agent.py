"""What the line asks of a call's conversation: the `CallAgent` (built per call by an
`AgentFactory` from the `CallInfo` of its `start`), the `Reply` it gives and the `Segment`s
of speech in it. Re-exported by `telephony`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from telephony.audio import Audio


@dataclass(frozen=True, eq=False)
class Segment:
    """One piece of agent speech (usually a sentence) and its audio (any rate), either given
    (`audio`) or made when the line needs it (`render`: a blocking call such as a TTS, which
    may run alongside the agent's own methods, so it must not touch the agent's state).

    A reply of lazy segments is streamed: the line renders the first one, starts playing it
    and renders the next while it plays; a barge-in stops the rendering of the rest.
    Segments compare by identity (the line reports back about the very object it played).
    """

    text: str
    audio: Audio | None = None
    render: Callable[[], Audio] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.audio is None and self.render is None:
            raise ValueError(f"segment {self.text!r} has neither audio nor a way to render it")

    def synthesize(self) -> Audio:
        """The segment's audio: as given, or rendered now (blocks; run it off the event loop)."""
        return self.audio if self.audio is not None else self.render()


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
