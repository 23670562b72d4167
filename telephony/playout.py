"""The agent's speech on its way down the line: 20 ms frames at real time, marks, and what the
far end has heard so far. Sans-I/O: the session passes the time in and sends what comes out.

Pacing keeps an absolute schedule (frame k of a burst is due at start + k·20 ms). When the
event loop was late, the frames that fell due are sent at once to catch up; the schedule is
never restarted mid-speech, because a restarted clock turns every stall into a gap of silence
on the line. A new utterance on an idle line starts `lead_frames` ahead of real time, filling
the far end's jitter buffer.

What the person heard is known from echoed marks (one mark after each utterance's last frame).
When they cut the agent off, the playhead is estimated from what was sent minus how far ahead
of real time the sending ran, so only the words that had time to play count as heard.
"""

from __future__ import annotations

import math
from base64 import b64encode
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from telephony import Segment
from telephony.audio import LINE_RATE, Audio
from telephony.g711 import float_to_pcm16
from telephony.resample import resample

FRAME_S = 0.02
FRAME_SAMPLES = int(LINE_RATE * FRAME_S)  # 160 bytes of G.711 per 20 ms frame
EARLY_S = 0.001  # a tick may fire this much before its time (timer granularity)


@dataclass(frozen=True)
class LineAudio:
    """One segment ready for the line: 8 kHz int16 (for the recording) and its G.711 frames,
    base64-encoded as the media messages carry them."""

    pcm: np.ndarray
    payloads: list[str]


def to_line(audio: Audio, encode: Callable[[np.ndarray], bytes]) -> LineAudio:
    """Resample to 8 kHz, pad to whole frames, encode. Costs ~1 ms per second of audio: run it
    where the reply was made (the executor), not on the event loop."""
    x = audio.samples
    if audio.sample_rate != LINE_RATE:
        x = resample(x, audio.sample_rate, LINE_RATE)
    n = math.ceil(len(x) / FRAME_SAMPLES) * FRAME_SAMPLES
    pcm = np.zeros(n, np.int16)
    pcm[: len(x)] = float_to_pcm16(np.asarray(x, np.float32))
    data = encode(pcm)
    payloads = [b64encode(data[i : i + FRAME_SAMPLES]).decode() for i in range(0, n, FRAME_SAMPLES)]
    return LineAudio(pcm, payloads)


@dataclass
class Utterance:
    segment: Segment
    mark: str
    audio: LineAudio
    hangup: bool = False  # the call ends once this one has played
    first_frame: int = -1  # position of its first frame in everything sent, once sent
    sent: int = 0
    marked: bool = False  # its mark went out after its last frame
    tag: Any = None  # the session's note on it (the turn it answers, for latency statistics)

    @property
    def frames(self) -> int:
        return len(self.audio.payloads)


class Send(NamedTuple):
    utterance: Utterance
    frame: int | None  # index of the frame to send; None: send the utterance's mark
    at_sample: int  # where the frame goes on the call's timeline (for the recording)


class Playout:
    def __init__(self, interval_s: float = FRAME_S, lead_frames: int = 3) -> None:
        self.interval = interval_s
        self.lead_frames = lead_frames
        self._queue: deque[Utterance] = deque()
        self._unconfirmed: dict[str, Utterance] = {}  # sent (or sending), mark not echoed yet
        self._cancelled: set[str] = set()
        self._next = -math.inf  # when the next frame is due
        self._sent_total = 0
        self._cursor = 0  # timeline position (8 kHz samples) of the next frame
        self._seq = 0

    # -- state ---------------------------------------------------------------------------------

    @property
    def pending(self) -> bool:
        """Frames or marks still to send."""
        return bool(self._queue)

    @property
    def audible(self) -> bool:
        """Agent speech queued, being sent, or sent but not yet confirmed played."""
        return bool(self._queue) or bool(self._unconfirmed)

    @property
    def next_due(self) -> float:
        return self._next

    # -- in and out ----------------------------------------------------------------------------

    def add(self, segment: Segment, audio: LineAudio, *, hangup: bool = False) -> Utterance:
        self._seq += 1
        utterance = Utterance(segment, f"seg-{self._seq}", audio, hangup)
        self._queue.append(utterance)
        return utterance

    def due(self, now: float, line_position: int) -> list[Send]:
        """Everything to send at `now`: frames whose time has come, and the marks after them.

        The schedule lies on the same grid as the `LineClock` ticks (multiples of the interval
        on the same clock), so a tick finds exactly one frame due: a late tick sends its frame
        late, never the next one early. (A schedule off the grid would flip between 0 and 2
        frames a tick, which the far end hears as jitter.)
        """
        out: list[Send] = []
        interval = self.interval
        while self._queue:
            u = self._queue[0]
            if u.sent == 0 and u.first_frame < 0:
                if self._next < now - interval:  # the line went idle: start afresh
                    grid = math.floor(now / interval + 0.5) * interval
                    self._next = grid - self.lead_frames * interval
                    self._cursor = max(self._cursor, line_position)
                u.first_frame = self._sent_total
                self._unconfirmed[u.mark] = u
            while u.sent < u.frames and self._next <= now + EARLY_S:
                out.append(Send(u, u.sent, self._cursor))
                u.sent += 1
                self._sent_total += 1
                self._cursor += FRAME_SAMPLES
                self._next += self.interval
            if u.sent < u.frames:
                break
            out.append(Send(u, None, self._cursor))
            u.marked = True
            self._queue.popleft()
        return out

    def echoed(self, name: str) -> tuple[str, Utterance | None]:
        """A mark came back: ("played", utterance), ("cancelled", None) for the marks of audio
        we cleared (the far end echoes those too), or ("unknown", None)."""
        if name in self._cancelled:
            self._cancelled.discard(name)
            return "cancelled", None
        utterance = self._unconfirmed.get(name)
        if utterance is None or not utterance.marked:
            return "unknown", None
        del self._unconfirmed[name]
        return "played", utterance

    def heard_frames(self, now: float) -> int:
        """Estimated far-end playhead: frames sent minus those still ahead of real time."""
        ahead = max(0.0, (self._next - now) / self.interval) if self._next > -math.inf else 0.0
        return max(0, self._sent_total - math.ceil(ahead))

    def stop(self, now: float) -> list[tuple[Utterance, float]]:
        """Stop talking (barge-in or the end of the call): drop everything queued and return every
        utterance not confirmed played, with the fraction of it the far end had time to play."""
        playhead = self.heard_frames(now)
        out = []
        for u in [*self._unconfirmed.values(), *(u for u in self._queue if u.first_frame < 0)]:
            heard = min(max(playhead - u.first_frame, 0), u.frames) if u.first_frame >= 0 else 0
            out.append((u, heard / u.frames if u.frames else 0.0))
            if u.marked:
                self._cancelled.add(u.mark)
        self._unconfirmed.clear()
        self._queue.clear()
        self._next = -math.inf
        return out


def heard_prefix(text: str, fraction: float) -> str:
    """The words of `text` a listener heard when playback stopped at `fraction` of its audio."""
    if fraction >= 1.0:
        return text
    words = text.split()
    return " ".join(words[: int(len(words) * max(0.0, fraction))])
