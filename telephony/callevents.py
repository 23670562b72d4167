"""What goes into and comes out of `CallControl` (`telephony.call`): the whole vocabulary of
one call's control, in one place.

Events are what happened (a message on the wire, a VAD label, the agent's reply, a tick of
the frame clock ...); actions are what the I/O shell (`telephony.session`) must do about it
(write a message, run the agent, report what was heard, arm a timer, end the call). Every
time in them is the event loop's clock, handed in by the shell: the control never reads a
clock, never awaits, and touches no socket, thread or file.

Events (in), and what the shell feeds them on:
    Received(text)         a websocket message      -> Listen, StartCall, Ask, Played, BadInput, End
    CallAccepted(call)     `start` authorized       -> BadInput + End for a format we cannot play
    AgentReady(vad_rate)   VAD stream and agent up  -> Ask(Opening)
    Voice(chunk, prob, ..) a chunk labelled by VAD  -> Ask(Hear | Silence), Transmit(clear), Played
    ReplyReady(ask, ..)    the agent answered       -> Transmit, Render, End
    AgentFailed(ask)       the agent raised         -> nothing (a missed turn, not a dead call)
    Rendered(speech, ..)   a later sentence is made -> Transmit, Render, Played
    Tick(now)              the frame clock ticked   -> Transmit, ArmGrace
    GraceExpired(mark)     the goodbye's timer      -> End("completed")
    HangUp(reason)         the shell ends the call  -> End
    Closed(reason, now)    the call is finalized    -> Ask(Hear) (last words), Played
    Judged(turn, pause, p) what was heard, judged   -> Ask(Hear) when the pause now ends the turn

While the person speaks, `Voice` also gives `Stream` (the turn's audio, for streaming
recognition), `Probe` (a pause began: judge what was heard so far, then feed `Judged`) and
`Drop` (a turn that went nowhere: a backchannel over the agent).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from telephony import CallInfo, Reply, Segment
from telephony.audio import Audio
from telephony.playout import LineAudio, Utterance
from telephony.protocol import Start
from telephony.stats import TurnTiming

# Events, actions and requests are values: slotted, compared by their fields (a test asserts
# `feed(...) == [End("completed")]`), and never changed once made. Not `frozen`: a frozen
# dataclass sets each field through `object.__setattr__`, which made a `Voice` cost 5 µs
# instead of 1, and a call makes ~200 events and actions a second.
record = dataclass(slots=True)

# ---- what the agent is asked (`Ask.request`): one type per `CallAgent` method ---------------


@record
class Opening:
    """The call started: `CallAgent.opening()`."""


@record
class Hear:
    """The person's turn ended: `CallAgent.hear(audio)`. `turn`: the number of the turn whose
    audio was streamed (`Stream`), or None when it was not."""

    audio: Audio
    turn: int | None = None


@record
class Silence:
    """`TurnOptions.no_input_s` of silence after the agent spoke: `CallAgent.silence()`."""


@record
class Digit:
    """A key was pressed: `CallAgent.dtmf(digit)`."""

    digit: str


Request = Opening | Hear | Silence | Digit


@dataclass(eq=False)
class Speech:
    """A reply on its way to the line, owned by the control. The shell's workers read only
    `cancelled` (a render that has not begun is skipped once a barge-in cancelled it)."""

    reply: Reply
    lines: list[LineAudio] = field(default_factory=list)  # line audio of segments rendered
    timing: TurnTiming | None = None
    cancelled: bool = False
    queued: int = 0  # segments handed to the playout so far
    rendering: bool = False  # a `Render` of the next segment is out
    last: Utterance | None = None  # the playout's entry for the last segment queued


# ---- events (in) -----------------------------------------------------------------------------


@record
class Received:
    text: str | bytes


@record
class CallAccepted:
    call: CallInfo


@record
class AgentReady:
    vad_rate: int


@record
class Voice:
    chunk: np.ndarray
    prob: float
    arrived: float  # loop time the chunk's last audio arrived
    now: float


@record
class ReplyReady:
    ask: Ask
    speech: Speech | None  # None: nothing to say
    now: float


@record
class AgentFailed:
    ask: Ask


@record
class Rendered:
    speech: Speech
    line: LineAudio | None  # None: the render failed or was skipped (cancelled)
    now: float


@record
class Tick:
    now: float


@record
class GraceExpired:
    mark: str


@record
class HangUp:
    reason: str


@record
class Closed:
    reason: str
    now: float


@record
class Judged:
    """The answer to `Probe`: how likely what was heard of `turn` before its pause `pause` is a
    whole answer (`asr.completeness.end_probability`; None: no evidence)."""

    turn: int
    pause: int
    end_probability: float | None


Event = (
    Received
    | CallAccepted
    | AgentReady
    | Voice
    | ReplyReady
    | AgentFailed
    | Rendered
    | Tick
    | GraceExpired
    | HangUp
    | Closed
    | Judged
)

# ---- actions (out) ---------------------------------------------------------------------------


@record
class Transmit:
    """Write `text` now (`send_nowait`); `pcm`, if any, is the agent audio it carries, for the
    recording's right channel at `at_sample`."""

    text: str
    pcm: np.ndarray | None = None
    at_sample: int = 0


@record
class Listen:
    """Decoded inbound audio (8 kHz int16): record it and give it to the VAD."""

    pcm: np.ndarray


@record
class StartCall:
    """`start` arrived: authorize it, give the call its id, then feed `CallAccepted`."""

    start: Start


@dataclass(slots=True, eq=False)
class Ask:
    """Run the agent (one call at a time, in order) and feed `ReplyReady` or `AgentFailed`."""

    request: Request
    timing: TurnTiming | None = None


@record
class Render:
    """Synthesize and encode `speech`'s segment `index` off the loop, then feed `Rendered`."""

    speech: Speech
    index: int


@record
class Played:
    """Tell the agent what of `segment` the person heard (`CallAgent.played`), in order."""

    segment: Segment
    complete: bool
    heard: str


@record
class ArmGrace:
    """Feed `GraceExpired(mark)` after `delay_s` (loop seconds) unless the call ended."""

    mark: str
    delay_s: float


@record
class BadInput:
    """Something from the wire was wrong: count it and log it (rate-limited)."""

    reason: str


@record
class End:
    """The call is over for `reason`: finalize it (then feed `Closed`)."""

    reason: str


@dataclass(slots=True, eq=False)
class Stream:
    """More of the person's turn `turn`, at the VAD's `sample_rate`, for the recognizer to
    decode while they speak (`CallAgent.listen`, in order, without waiting)."""

    turn: int
    samples: np.ndarray
    sample_rate: int


@record
class Probe:
    """A pause began in turn `turn`: judge what was heard so far (`CallAgent.judge`), off the
    loop, then feed `Judged(turn, pause, …)`."""

    turn: int
    pause: int


@record
class Drop:
    """Turn `turn` was streamed but goes nowhere (a backchannel): the recognizer lets it go."""

    turn: int


Action = (
    Transmit
    | Listen
    | StartCall
    | Ask
    | Render
    | Played
    | ArmGrace
    | BadInput
    | End
    | Stream
    | Probe
    | Drop
)

__all__ = [
    "Action",
    "AgentFailed",
    "AgentReady",
    "ArmGrace",
    "Ask",
    "BadInput",
    "CallAccepted",
    "Closed",
    "Digit",
    "Drop",
    "End",
    "Event",
    "GraceExpired",
    "HangUp",
    "Hear",
    "Judged",
    "Listen",
    "Opening",
    "Played",
    "Probe",
    "Received",
    "Render",
    "Rendered",
    "ReplyReady",
    "Request",
    "Silence",
    "Speech",
    "StartCall",
    "Stream",
    "Tick",
    "Transmit",
    "Voice",
]
