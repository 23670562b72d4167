"""One phone call on the server side: audio in, turns out to the agent, paced speech back.

The session turns the Twilio Media Streams events of one websocket into calls on a `CallAgent`
(built per call by the composition root) and plays the agent's replies back in 20 ms frames at
real time. What it guarantees to the person on the line:

- their turn ends only after `TurnOptions.end_silence_s` of silence (slow speakers are not cut off);
- speaking over the agent for `barge_in_s` stops it at once (`clear`), shorter backchannels don't;
- only what the line confirmed as played (echoed marks) is reported to the agent as heard;
- silence leads to the dialogue's reprompt, and the dialogue decides when to hang up;
- however the call ends (hang-up, `stop`, dropped socket, error), `CallAgent.finish` runs and the
  recording is saved.

Timing inside a call (turn ends, silence, recording positions) is counted in inbound audio
samples; only the outbound pacer looks at the clock, scaled by `SessionOptions.speed`.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from telephony import AgentFactory, CallAgent, CallInfo, Reply, Segment
from telephony.audio import INTERNAL_RATE, LINE_RATE, Audio
from telephony.g711 import (
    alaw_decode,
    alaw_encode,
    float_to_pcm16,
    pcm16_to_float,
    ulaw_decode,
    ulaw_encode,
)
from telephony.protocol import (
    Dtmf,
    InvalidState,
    Mark,
    Media,
    ProtocolError,
    ServerProtocol,
    Start,
    Stop,
)
from telephony.recording import StereoRecorder
from telephony.resample import Resampler, resample
from telephony.turn import Endpointer, TurnEventKind, TurnOptions
from telephony.vad import ChunkedVAD, make_vad

log = logging.getLogger("carecall.session")

FRAME_S = 0.02
FRAME_SAMPLES = int(LINE_RATE * FRAME_S)  # 160 bytes of G.711 per 20 ms frame


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
    recordings_dir: Path | None = None
    """Where `<call_sid>/recording.wav` (stereo: left the person, right the agent) is written."""


class Connection(Protocol):
    """The part of a websocket connection a session uses (websockets' ServerConnection fits)."""

    async def send(self, message: str) -> None: ...

    async def close(self, code: int = 1000, reason: str = "") -> None: ...

    def __aiter__(self) -> Any: ...


@dataclass
class _Playing:
    segment: Segment
    mark: str
    frames: int
    sent: int = 0
    done: bool = False  # its mark came back


class CallSession:
    def __init__(
        self,
        agent_factory: AgentFactory,
        executor: Executor,
        options: SessionOptions | None = None,
        *,
        peer: str = "",
    ) -> None:
        self.options = options or SessionOptions()
        self.peer = peer
        self._factory = agent_factory
        self._executor = executor
        self._protocol = ServerProtocol()
        self._agent: CallAgent | None = None
        self._agent_lock = asyncio.Lock()
        self._endpointer = Endpointer(self.options.turn)
        self._vad: ChunkedVAD | None = None
        self._upsample = Resampler(LINE_RATE, INTERNAL_RATE)
        self._decode: Callable[[bytes], np.ndarray] = ulaw_decode
        self._encode: Callable[[np.ndarray], bytes] = ulaw_encode
        self.recorder = StereoRecorder(LINE_RATE)
        self._out: asyncio.Queue[tuple[Reply, Segment] | None] = asyncio.Queue()
        self._playing: dict[str, _Playing] = {}
        self._cancelled_marks: set[str] = set()
        self._mark_seq = 0
        self._right_cursor = 0
        self._next_send = 0.0
        self._tasks: set[asyncio.Task] = set()
        self._busy = 0  # agent calls in flight
        self._last_activity = 0  # inbound sample (8 kHz) of the last speech, reply or playback
        self._turn_over_agent = False
        self._barged = False
        self._hangup_mark: str | None = None
        self._hangup = asyncio.Event()
        self._sender: asyncio.Task | None = None
        self._grace: asyncio.Future | None = None
        self.call: CallInfo | None = None
        self.end_reason = ""
        self.errors: list[str] = []
        self.recording: Path | None = None

    # ---- the connection ----------------------------------------------------------------------

    async def run(self, connection: Connection) -> str:
        """Serve one websocket until the call ends; returns why it ended."""
        self._conn = connection
        self._sender = asyncio.create_task(self._send_loop())
        hangup = asyncio.create_task(self._hangup.wait())
        receiver = asyncio.create_task(self._receive_loop(connection))
        reason = "disconnected"
        try:
            done, _ = await asyncio.wait({hangup, receiver}, return_when=asyncio.FIRST_COMPLETED)
            if hangup in done:
                reason = self.end_reason or "completed"
            else:
                reason = receiver.result()
        except Exception as exc:  # never let one call take the server down
            log.exception("call %s failed", self._sid)
            reason = f"error: {exc}"
        finally:
            for task in (hangup, receiver):
                task.cancel()
            await self._finalize(reason)
            try:
                await connection.close()
            except Exception:
                pass
        return reason

    async def _receive_loop(self, connection: Connection) -> str:
        async for message in connection:
            try:
                event = self._protocol.receive(message)
            except ProtocolError as exc:
                self._bad_input(str(exc))
                if exc.fatal:
                    return f"protocol error: {exc}"
                continue
            if isinstance(event, Media):
                self._on_media(event)
            elif isinstance(event, Start):
                await self._on_start(event)
            elif isinstance(event, Mark):
                self._on_mark(event.name)
            elif isinstance(event, Dtmf):
                self._spawn(self._ask(self._agent_dtmf, event.digit))
            elif isinstance(event, Stop):
                return "caller hung up (stop)"
            if self.line_seconds > self.options.max_call_s:
                self.end_reason = "time limit"
                return "time limit"
        return "disconnected"

    def _bad_input(self, reason: str) -> None:
        log.warning("call %s (%s): bad input: %s", self._sid, self.peer, reason)
        if len(self.errors) < 100:
            self.errors.append(reason)

    @property
    def _sid(self) -> str:
        return self.call.call_sid if self.call else "?"

    @property
    def line_seconds(self) -> float:
        return self.recorder.left_samples / LINE_RATE

    # ---- inbound -----------------------------------------------------------------------------

    async def _on_start(self, start: Start) -> None:
        self.call = CallInfo(start.stream_sid, start.call_sid, dict(start.custom_parameters))
        if start.encoding == "audio/x-alaw":
            self._decode, self._encode = alaw_decode, alaw_encode
        elif start.encoding != "audio/x-mulaw":
            raise ProtocolError(f"start: unsupported mediaFormat.encoding {start.encoding!r}")
        if start.sample_rate != LINE_RATE:
            raise ProtocolError(f"start: unsupported mediaFormat.sampleRate {start.sample_rate}")
        loop = asyncio.get_running_loop()
        self._vad = ChunkedVAD(
            await loop.run_in_executor(self._executor, make_vad, self.options.vad)
        )
        self._agent = await loop.run_in_executor(self._executor, self._factory, self.call)
        log.info("call %s started (%s) %s", self._sid, self.peer, self.call.parameters)
        self._spawn(self._ask(self._agent.opening))

    def _on_media(self, media: Media) -> None:
        if self._vad is None:  # start failed or media raced ahead of it
            return
        pcm = self._decode(media.payload)
        self.recorder.add_left(pcm)
        for chunk, prob in self._vad.push(self._upsample.process(pcm16_to_float(pcm))):
            for event in self._endpointer.feed(chunk, prob):
                if event.kind is TurnEventKind.SPEECH_STARTED:
                    self._turn_over_agent = self.agent_audible
                    self._barged = False
                elif event.audio is not None:
                    self._on_turn(event.audio)
            self._check_barge_in()
        if self._endpointer.in_turn:
            self._last_activity = self.recorder.left_samples
        self._check_silence()

    def _on_turn(self, audio: Audio) -> None:
        self._last_activity = self.recorder.left_samples
        if self._turn_over_agent and not self._barged:
            log.info(
                "call %s: backchannel over the agent (%.2f s) ignored", self._sid, audio.duration
            )
            return
        self._spawn(self._ask(self._agent_hear, audio))

    def _check_barge_in(self) -> None:
        o = self.options.turn
        if (
            self.agent_audible
            and not self._barged
            and self._endpointer.speech_run_s >= o.barge_in_s
        ):
            self._barged = True
            self._interrupt()

    def _check_silence(self) -> None:
        if self.agent_audible or self._busy or self._endpointer.in_turn or self._agent is None:
            return
        if self._hangup_mark is not None:
            return
        idle = (self.recorder.left_samples - self._last_activity) / LINE_RATE
        if idle >= self.options.turn.no_input_s:
            self._last_activity = self.recorder.left_samples
            self._spawn(self._ask(self._agent_silence))

    # ---- talking to the agent (off the event loop, one call at a time per session) ------------

    def _agent_hear(self, audio: Audio) -> Reply | None:
        return self._agent.hear(audio) if self._agent else None

    def _agent_silence(self) -> Reply | None:
        return self._agent.silence() if self._agent else None

    def _agent_dtmf(self, digit: str) -> Reply | None:
        return self._agent.dtmf(digit) if self._agent else None

    async def _ask(self, fn: Callable[..., Reply | None], *args: Any) -> None:
        self._busy += 1
        try:
            async with self._agent_lock:
                loop = asyncio.get_running_loop()
                try:
                    reply = await loop.run_in_executor(self._executor, fn, *args)
                except Exception as exc:
                    log.exception("call %s: agent failed", self._sid)
                    self.errors.append(f"agent: {exc}")
                    return
            if reply is not None:
                self._play(reply)
        finally:
            self._busy -= 1
            self._last_activity = self.recorder.left_samples

    def _spawn(self, coro: Awaitable[None]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # ---- outbound ----------------------------------------------------------------------------

    @property
    def agent_audible(self) -> bool:
        """True while agent speech is queued, being sent, or sent but not yet confirmed played."""
        return not self._out.empty() or any(not p.done for p in self._playing.values())

    def _play(self, reply: Reply) -> None:
        if not reply.segments and reply.hangup:
            self.end_reason = "completed"
            self._hangup.set()
            return
        for i, segment in enumerate(reply.segments):
            last = i == len(reply.segments) - 1
            self._out.put_nowait((reply if last else Reply(hangup=False), segment))

    async def _send_loop(self) -> None:
        try:
            await self._pace()
        except InvalidState:  # the stream stopped while we were talking: nothing to play to
            pass

    async def _pace(self) -> None:
        loop = asyncio.get_running_loop()
        interval = FRAME_S / self.options.speed
        while True:
            reply, segment = await self._out.get()
            frames = self._frames(segment.audio)
            self._mark_seq += 1
            name = f"seg-{self._mark_seq}"
            playing = _Playing(segment, name, len(frames))
            self._playing[name] = playing
            now = loop.time()
            if self._next_send < now:  # idle line: restart the clock, a little ahead
                self._next_send = now - self.options.lead_frames * interval
                self._right_cursor = max(self._right_cursor, self.recorder.left_samples)
            sid = self.call.stream_sid if self.call else ""
            for payload in frames:
                if name in self._cancelled_marks:
                    break
                await self._conn.send(self._protocol.send_media(payload))
                self.recorder.add_right(self._decode(payload), self._right_cursor)
                self._right_cursor += FRAME_SAMPLES
                playing.sent += 1
                self._next_send += interval
                delay = self._next_send - loop.time()
                if delay > 0:
                    await asyncio.sleep(delay)
            if name in self._cancelled_marks:
                continue
            await self._conn.send(self._protocol.send_mark(name))
            log.debug("call %s: sent %s (%d frames) for %s", sid, name, len(frames), segment.text)
            if reply.hangup:
                self._hangup_mark = name
                self._grace = asyncio.ensure_future(self._hangup_after_grace(name))

    def _frames(self, audio: Audio) -> list[bytes]:
        x = (
            audio.samples
            if audio.sample_rate == LINE_RATE
            else resample(audio.samples, audio.sample_rate, LINE_RATE)
        )
        n = math.ceil(len(x) / FRAME_SAMPLES) * FRAME_SAMPLES
        padded = np.zeros(n, np.float32)
        padded[: len(x)] = x
        data = self._encode(float_to_pcm16(padded))
        return [data[i : i + FRAME_SAMPLES] for i in range(0, len(data), FRAME_SAMPLES)]

    def _on_mark(self, name: str) -> None:
        if name in self._cancelled_marks:
            self._cancelled_marks.discard(name)  # echoed after our `clear`: not played
            return
        playing = self._playing.pop(name, None)
        if playing is None:
            self._bad_input(f"mark {name!r} was never sent")
            return
        playing.done = True
        self._last_activity = self.recorder.left_samples
        self._report_played(playing.segment, complete=True, heard=playing.segment.text)
        if name == self._hangup_mark:
            self.end_reason = "completed"
            self._hangup.set()

    def _interrupt(self) -> None:
        """Barge-in: stop talking now, and tell the agent how much of each segment was heard."""
        log.info("call %s: barge-in, clearing agent audio", self._sid)
        self._spawn(self._conn.send(self._protocol.send_clear()))
        while not self._out.empty():
            self._out.get_nowait()
        lead = self.options.lead_frames
        for name, playing in list(self._playing.items()):
            if playing.done:
                continue
            self._cancelled_marks.add(name)
            self._playing.pop(name)
            fraction = max(0, playing.sent - lead) / max(1, playing.frames)
            self._report_played(
                playing.segment, complete=False, heard=heard_prefix(playing.segment.text, fraction)
            )
        self._next_send = 0.0
        if self._hangup_mark is not None:  # interrupted goodbye: the call still ends
            self._hangup.set()

    def _report_played(self, segment: Segment, *, complete: bool, heard: str) -> None:
        agent = self._agent
        if agent is None:
            return

        def played() -> None:
            agent.played(segment, complete=complete, heard_text=heard)

        async def call() -> None:
            async with self._agent_lock:
                await asyncio.get_running_loop().run_in_executor(self._executor, played)

        self._spawn(call())

    async def _hangup_after_grace(self, name: str) -> None:
        await asyncio.sleep(self.options.hangup_grace_s / self.options.speed + 1.0)
        if self._hangup_mark == name and not self._hangup.is_set():
            log.warning("call %s: last mark never echoed; hanging up", self._sid)
            self.end_reason = "completed"
            self._hangup.set()

    # ---- the end -----------------------------------------------------------------------------

    async def _finalize(self, reason: str) -> None:
        self.end_reason = reason
        for task in (self._sender, self._grace):
            if task is not None:
                task.cancel()
        pending = [t for t in self._tasks if not t.done()]
        if pending:  # let the agent finish a reply it is computing, briefly
            await asyncio.wait(pending, timeout=10)
        for task in list(self._tasks):
            task.cancel()
        if self.options.recordings_dir is not None and self.call is not None:
            path = self.options.recordings_dir / self.call.call_sid / "recording.wav"
            try:
                self.recording = self.recorder.save(path)
            except OSError as exc:
                log.error("call %s: recording not saved: %s", self._sid, exc)
        if self._agent is not None:
            agent = self._agent
            try:
                async with self._agent_lock:
                    await asyncio.get_running_loop().run_in_executor(
                        self._executor, agent.finish, reason, self.recording
                    )
            except Exception:
                log.exception("call %s: finishing the call failed", self._sid)
        log.info("call %s ended: %s", self._sid, reason)


def heard_prefix(text: str, fraction: float) -> str:
    """The words of `text` a listener heard when playback stopped at `fraction` of its audio."""
    words = text.split()
    if fraction >= 1.0:
        return text
    return " ".join(words[: int(len(words) * max(0.0, fraction))])
