"""The options of one call on the server, with their defaults: the turn-taking ones are
`TurnOptions` (`telephony.turn`), the connection's limits `LimitOptions` (`telephony.limits`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from telephony.limits import LimitOptions
from telephony.turn import TurnOptions


@dataclass(frozen=True)
class SessionOptions:
    turn: TurnOptions = field(default_factory=TurnOptions)
    vad: str = "silero"
    speed: float = 1.0
    """Clock multiplier for the outbound pacer: 1.0 is real time (a real phone line); simulated
    calls may be replayed faster, and the far end must then send at the same speed."""
    max_call_s: float = 900.0
    """Hard cap on the length of one call, in line time."""
    lead_frames: int = 3
    """Frames sent ahead of real time at the start of speech to fill the far end's jitter buffer."""
    hangup_grace_s: float = 4.0
    """How long to wait for the last mark before hanging up anyway (a peer that never echoes)."""
    vad_interval_s: float = 0.01
    """How long VAD chunks of all calls are gathered before one batched forward (line time)."""
    finish_timeout_s: float = 10.0
    """At the end of a call, how long an agent still computing a reply is waited for."""
    recordings_dir: Path | None = None
    """Where `<call_sid>/recording.wav` (stereo: left the person, right the agent) is written."""
    limits: LimitOptions = field(default_factory=LimitOptions)
    """Start, media and wall-clock timeouts, and bad-input logging (`telephony.limits`)."""
