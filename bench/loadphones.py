"""Many simulated phones in one process, light enough to put 150 real-time calls on a server.

Each phone does what Twilio and a patient person do, and measures what the person would hear:
it streams 20 ms μ-law frames at real time (silence, or a recorded answer once the agent has
finished a turn and `reply_delay_s` has passed), echoes each mark when the audio before it has
played through a 3-frame jitter buffer, and notes the arrival time of every agent frame.

Measured per call:
- outbound jitter: |inter-arrival − 20 ms| of agent frames within a burst of speech (the
  first `lead` frames of a burst arrive together by design and are left out);
- late frames: frames that arrived after the jitter buffer needed them (heard as a gap);
- voice-to-voice: end of the person's answer to the first frame of the agent's reply.

Phones share four ticks (`telephony.clock.LineClock`) 5 ms apart, so their frames reach the
server spread over each 20 ms as independent calls' frames do (a single tick would deliver
every call's frame at the same instant); message text is built from precomputed base64
frames, so the phones' own CPU stays well below the server's.
"""

from __future__ import annotations

import asyncio
import base64
import gc
import json
import time
from array import array
from dataclasses import dataclass, field

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from telephony.clock import LineClock
from telephony.g711 import ULAW_SILENCE
from telephony.protocol import PhoneProtocol, new_sid

FRAME_S = 0.02
FRAME_BYTES = 160
MEDIA = (
    '{"event":"media","sequenceNumber":"%d","media":{"track":"inbound","chunk":"%d",'
    '"timestamp":"%d","payload":"%s"},"streamSid":"%s"}'
)


@dataclass
class CallStats:
    frames: int = 0
    gaps_ms: array = field(default_factory=lambda: array("f"))
    late: int = 0
    bursts: int = 0
    turns: array = field(default_factory=lambda: array("f"))  # voice-to-voice, seconds
    answers: int = 0
    started: int = 0  # answers begun
    cut_offs: int = 0  # answers the agent began to talk over (it took the turn in a pause)
    calls: int = 0
    reasons: list[str] = field(default_factory=list)

    def merge(self, other: CallStats) -> None:
        self.frames += other.frames
        self.gaps_ms.extend(other.gaps_ms)
        self.late += other.late
        self.bursts += other.bursts
        self.turns.extend(other.turns)
        self.answers += other.answers
        self.started += other.started
        self.cut_offs += other.cut_offs
        self.calls += other.calls
        self.reasons += other.reasons


class LoadPhone:
    """One line: calls the server again whenever a call ends, until `deadline` (or
    `max_calls`). With `answers_per_call`, it hangs up after hearing the reply to its last
    answer. `speed` > 1 replays the line faster than real time (the server must match)."""

    def __init__(
        self,
        url: str,
        answer: bytes | list[bytes],
        clock: LineClock,
        deadline: float,
        *,
        reply_delay_s: float = 0.7,
        lead: int = 3,
        prebuffer: int = 3,
        parameters: dict[str, str] | None = None,
        speed: float = 1.0,
        answers_per_call: int | None = None,
        max_calls: int | None = None,
        on_call_end=None,
        first_answer: int = 0,
    ) -> None:
        # Several answers (pausing callers) are spoken in turn, one per agent turn.
        self._answers = [_frames(a) for a in ([answer] if isinstance(answer, bytes) else answer)]
        self._next_answer = first_answer
        self._answer = self._answers[0]
        self._silence = base64.b64encode(bytes([ULAW_SILENCE]) * FRAME_BYTES).decode()
        self.url, self.clock, self.deadline = url, clock, deadline
        self.reply_delay_s, self.lead, self.prebuffer = reply_delay_s, lead, prebuffer
        self.parameters = parameters or {}
        self.frame = FRAME_S / speed
        self.answers_per_call, self.max_calls = answers_per_call, max_calls
        self.on_call_end = on_call_end
        self.stats = CallStats()

    async def run(self) -> CallStats:
        loop = asyncio.get_running_loop()
        while loop.time() < self.deadline and self.stats.calls != self.max_calls:
            try:
                reason = await self._call(loop)
            except (OSError, InvalidStatus, ConnectionClosed) as exc:
                reason = f"failed: {exc}"
                await asyncio.sleep(0.5)
            self.stats.calls += 1
            self.stats.reasons.append(reason)
            if self.on_call_end is not None:
                self.on_call_end(self.stats)
        return self.stats

    async def _call(self, loop: asyncio.AbstractEventLoop) -> str:
        proto = PhoneProtocol(new_sid("MZ"), new_sid("CA"), custom_parameters=self.parameters)
        s = self.stats
        async with connect(self.url, compression=None, open_timeout=30) as ws:
            await ws.send(proto.connected())
            await ws.send(proto.start())
            sid = proto.stream_sid
            state = _LineState()
            receiver = asyncio.create_task(self._receive(ws, state, loop))
            t0 = loop.time()
            sent = answers = 0
            try:
                while loop.time() < self.deadline:
                    await self.clock.tick()
                    if receiver.done():
                        return "server hung up"
                    now = loop.time()
                    for name in state.due_marks(now):
                        await ws.send(proto.mark(name))
                    if state.speak_at is not None and now >= state.speak_at:
                        if answers == self.answers_per_call:  # heard the last reply: bye
                            await ws.send(proto.stop())
                            return "phone hung up"
                        state.speak_at, state.speaking = None, 0
                        self._answer = self._answers[self._next_answer % len(self._answers)]
                        self._next_answer += 1
                        answers += 1
                        s.started += 1
                    while sent <= (now - t0) / self.frame:
                        if state.speaking is not None and state.speaking < len(self._answer):
                            payload = self._answer[state.speaking]
                            state.speaking += 1
                            if state.speaking == len(self._answer):
                                state.speech_end, state.speaking = loop.time(), None
                                s.answers += 1
                        else:
                            payload = self._silence
                        sent += 1
                        await ws.send(MEDIA % (sent + 1, sent, (sent - 1) * 20, payload, sid))
                await ws.send(proto.stop())
                return "deadline"
            finally:
                receiver.cancel()

    async def _receive(self, ws, state: _LineState, loop) -> None:
        s = self.stats
        try:
            async for message in ws:
                now = loop.time()
                if message.startswith('{"event":"media"'):
                    s.frames += 1
                    k = state.burst_frames
                    if k == 0:
                        s.bursts += 1
                        if state.speaking is not None:  # the agent took the turn in a pause:
                            s.cut_offs += 1  # the person stops, and answers its next turn
                            state.speaking = None
                        state.start = None
                        if state.speech_end is not None:
                            s.turns.append((now - state.speech_end) * FRAME_S / self.frame)
                            state.speech_end = None
                    elif k > self.lead:
                        gap = (now - state.last_arrival) - self.frame
                        s.gaps_ms.append(abs(gap) * 1000 * FRAME_S / self.frame)  # in line time
                    if k == self.prebuffer - 1:  # enough buffered: playback starts now
                        state.start = now
                    elif state.start is not None and now > state.start + k * self.frame:
                        s.late += 1  # the buffer ran dry: the person hears a gap
                        state.start = now - k * self.frame
                    state.burst_frames = k + 1
                    base = state.start if state.start is not None else now
                    state.play_end = base + state.burst_frames * self.frame
                    state.last_arrival = now
                    state.speak_at = None  # the agent is still talking
                    continue
                event = json.loads(message)
                if event.get("event") == "mark":
                    end = max(state.play_end, now)
                    state.marks.append((end, event["mark"]["name"]))
                    state.burst_frames = 0
                    state.speak_at = end + self.reply_delay_s * self.frame / FRAME_S
                elif event.get("event") == "clear":
                    state.burst_frames = 0
                    state.marks = [(now, name) for _, name in state.marks]
        except ConnectionClosed:
            pass


def _frames(answer: bytes) -> list[str]:
    answer += bytes([ULAW_SILENCE]) * ((-len(answer)) % FRAME_BYTES)
    return [
        base64.b64encode(answer[i : i + FRAME_BYTES]).decode()
        for i in range(0, len(answer), FRAME_BYTES)
    ]


class _LineState:
    def __init__(self) -> None:
        self.burst_frames = 0
        self.last_arrival = 0.0
        self.start: float | None = None  # when the current burst began to play
        self.play_end = 0.0  # when the audio received so far will have finished playing
        self.marks: list[tuple[float, str]] = []
        self.speak_at: float | None = None
        self.speaking: int | None = None  # frame of the answer being spoken
        self.speech_end: float | None = None

    def due_marks(self, now: float) -> list[str]:
        due = [name for at, name in self.marks if at <= now]
        if due:
            self.marks = [(at, name) for at, name in self.marks if at > now]
        return due


async def run_phones(
    url: str,
    answer: bytes | list[bytes],
    calls: int,
    seconds: float,
    *,
    ramp_s: float = 2.0,
    speed: float = 1.0,
    **kwargs,
) -> tuple[CallStats, dict]:
    """`calls` lines for `seconds` each (started over `ramp_s`); their merged statistics and
    this process's CPU use."""
    gc.collect()
    gc.freeze()  # see telephony.server: a full collection would stall every phone's clock
    loop = asyncio.get_running_loop()
    frame = FRAME_S / speed
    clocks = [LineClock(frame, phase * frame / 4) for phase in range(4)]
    cpu0, wall0 = time.process_time(), time.perf_counter()
    deadline = loop.time() + ramp_s + seconds
    phones = [
        LoadPhone(url, answer, clocks[i % 4], deadline, speed=speed, first_answer=i, **kwargs)
        for i in range(calls)
    ]
    tasks = []
    for i, phone in enumerate(phones):
        tasks.append(asyncio.create_task(phone.run()))
        await asyncio.sleep(ramp_s / calls if i < calls - 1 else 0)
    total = CallStats()
    for stats in await asyncio.gather(*tasks):
        total.merge(stats)
    wall = time.perf_counter() - wall0
    return total, {"cpu_s": time.process_time() - cpu0, "wall_s": wall}
