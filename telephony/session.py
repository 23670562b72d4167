"""One phone call on the server side: audio in, turns out to the agent, paced speech back.

The session turns the Twilio Media Streams events of one websocket into calls on a `CallAgent`
(built per call by the composition root) and plays the agent's replies back in 20 ms frames at
real time. What it guarantees to the person on the line:

- their turn ends only after `TurnOptions.end_silence_s` of silence (slow speakers are not cut off);
- the agent starts talking as soon as the first sentence of a reply is ready; the rest is
  rendered while it plays (`Speaker`, `AgentLink`);
- speaking over the agent for `barge_in_s` stops it at once (`clear`), and nothing more of that
  reply is synthesized; shorter speech over it is a backchannel ("네", "yeah") and is ignored;
- only what the line confirmed as played (echoed marks) is reported to the agent as heard, and
  when they cut in, only the words that had time to play;
- silence leads to the dialogue's reprompt, and the dialogue decides when to hang up;
- however the call ends (hang-up, `stop`, dropped socket, error, a caller that goes quiet on
  the wire, the server shutting down), `CallAgent.finish` runs once and the recording is saved;
- a socket that never starts a call is closed after `start_timeout_s`, a call whose media stops
  arriving ends after `media_timeout_s`, and no call outlives `max_wall_s`; bad input is logged
  a few times per call, then counted (`bad_input_log` lines at most per `bad_input_log_s`);
- the call's id is used as a folder name only in Twilio's exact shape (`telephony.files`), and
  the call is authorized (`authorize`) before any of its audio is processed.

Everything that takes time runs off the event loop: the agent (ASR, dialogue, TTS) and the
encoding of its audio in the executor, the VAD in one batch for all calls (`VadBatcher`), the
pacing on one shared tick (`LineClock`). Timing inside a call (turn ends, silence, recording
positions) is counted in inbound audio samples; only the pacer looks at the clock, scaled by
`SessionOptions.speed`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from telephony import AgentFactory, CallInfo
from telephony.agentlink import AgentLink
from telephony.audio import LINE_RATE, Audio
from telephony.clock import LineClock
from telephony.files import OutsideFolder, inside, is_call_sid, new_call_sid
from telephony.g711 import alaw_decode, alaw_encode, pcm16_to_float, ulaw_decode, ulaw_encode
from telephony.limits import ConnectionLimits, LimitOptions, Log
from telephony.playout import (
    FRAME_S,
    FRAME_SAMPLES,
    Playout,
    heard_prefix,
)
from telephony.protocol import (
    DEFAULT_MAX_MESSAGE_BYTES,
    Dtmf,
    Mark,
    Media,
    ProtocolError,
    ServerProtocol,
    Start,
    Stop,
)
from telephony.recording import StereoRecorder
from telephony.resample import Resampler
from telephony.speaker import Speaker
from telephony.stats import TurnTiming
from telephony.turn import Endpointer, TurnEventKind, TurnOptions
from telephony.vad import VadBatcher, VadStream, make_detector

__all__ = [
    "FRAME_S",
    "FRAME_SAMPLES",
    "CallSession",
    "Connection",
    "SessionOptions",
    "heard_prefix",
]

log = logging.getLogger("carecall.session")

MAX_TURNS_KEPT = 1000  # turn timings kept per call (a call has tens)
YIELD_EVERY = 8  # messages handled in a row before other calls get the event loop


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


class Connection(Protocol):
    """The part of a websocket connection a session uses (see `telephony.server`). One that
    also has `send_nowait(text) -> bool` is written to from the frame clock's tick."""

    async def send(self, message: str) -> None: ...

    async def close(self, code: int = 1000, reason: str = "") -> None: ...

    def __aiter__(self) -> Any: ...


class CallSession:
    def __init__(
        self,
        agent_factory: AgentFactory,
        executor: Executor,
        options: SessionOptions | None = None,
        *,
        peer: str = "",
        clock: LineClock | None = None,
        vad: VadBatcher | None = None,
        max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES,
        authorize: Callable[[dict[str, str]], dict[str, str]] | None = None,
        sid_taken: Callable[[str], bool] | None = None,
    ) -> None:
        self.options = o = options or SessionOptions()
        self._authorize = authorize
        self._sid_taken = sid_taken
        self.limits: ConnectionLimits | None = None  # from the connection's first moment
        self.given_call_sid = ""  # the wire's callSid, as data (truncated), when not used
        self.peer = peer
        self._factory = agent_factory
        self._executor = executor
        self._batcher = vad
        self._protocol = ServerProtocol(max_message_bytes)
        self._endpointer = Endpointer(o.turn, LINE_RATE)  # remade for the VAD's rate at start
        self._vad: VadStream | None = None
        self._upsample: Resampler | None = None  # to the VAD's rate, if not the line's
        self._decode: Callable[[bytes], np.ndarray] = ulaw_decode
        self.recorder = StereoRecorder(LINE_RATE)
        self._tasks: set[asyncio.Task] = set()
        self._last_activity = 0  # inbound sample (8 kHz) of the person's last speech or reprompt
        self._judged = 0  # inbound samples (8 kHz) the VAD has labelled so far
        self._last_voice = 0.0  # loop time when the last chunk with speech arrived
        self._turn_over_agent = False  # the current turn began while the agent was audible
        self._turn_counts = True  # ... and has since lasted long enough to be a real turn
        self._ended = asyncio.Event()
        self.call: CallInfo | None = None
        self.end_reason = ""
        self.errors: list[str] = []
        self._link = AgentLink(executor, self.errors)
        self._link.encode = ulaw_encode
        self._speaker = Speaker(
            self._link,
            self._protocol,
            self.recorder,
            clock or LineClock(FRAME_S / o.speed),
            Playout(FRAME_S / o.speed, o.lead_frames),
            hangup_grace_s=o.hangup_grace_s / o.speed + 1.0,
            errors=self.errors,
            ended=self._ended,
            end=self._end,
            spawn=self._spawn,
            bad_input=self._bad_input,
        )
        self.recording: Path | None = None
        self.turns: list[TurnTiming] = []

    # ---- the connection ----------------------------------------------------------------------

    async def run(self, connection: Connection) -> str:
        """Serve one websocket until the call ends; returns why it ended."""
        self._loop = asyncio.get_running_loop()
        self._speaker.out.start(connection)
        self.limits = ConnectionLimits(self.options.limits, self._loop.time())
        ended = asyncio.create_task(self._ended.wait())
        receiver = asyncio.create_task(self._receive_loop(connection))
        watchdog = asyncio.create_task(self._watchdog())
        reason = "broken_off"
        try:
            done, _ = await asyncio.wait({ended, receiver}, return_when=asyncio.FIRST_COMPLETED)
            reason = self.end_reason if ended in done else receiver.result()
        except Exception as exc:  # never let one call take the server down
            log.exception("call %s failed", self._sid)
            reason = f"error: {exc}"
        finally:
            for task in (ended, receiver, watchdog):
                task.cancel()
            await self._finalize(reason or "completed")
            try:
                await connection.close()
            except Exception:
                pass
        return self.end_reason

    async def _receive_loop(self, connection: Connection) -> str:
        try:
            return await self._receive(connection)
        except (ConnectionError, OSError) as exc:  # the line broke under us
            log.warning("call %s (%s): connection broke: %s", self._sid, self.peer, exc)
            return "broken_off"

    async def _receive(self, connection: Connection) -> str:
        received = 0
        async for message in connection:
            received += 1
            if received % YIELD_EVERY == 0:
                # Messages already buffered are returned without suspending: a peer flooding
                # the socket would otherwise hold the event loop, and every call's audio.
                await asyncio.sleep(0)
            try:
                event = self._protocol.receive(message)
            except ProtocolError as exc:
                self._bad_input(str(exc))
                if exc.fatal:
                    return f"protocol_error: {exc}"
                continue
            if isinstance(event, Media):
                self._on_media(event)
            elif isinstance(event, Start):
                if problem := await self._on_start(event):
                    return problem
            elif isinstance(event, Mark):
                self._speaker.on_mark(event.name)
            elif isinstance(event, Dtmf):
                self._spawn(self._speaker.ask("dtmf", event.digit))
            elif isinstance(event, Stop):
                return "hung_up"
            if self.line_seconds > self.options.max_call_s:
                return "time_limit"
        return "broken_off"

    async def _watchdog(self) -> None:
        """Ends a connection that never starts a call, a call whose media stopped, and any
        call past its wall-clock cap (`telephony.limits`)."""
        while not self._ended.is_set():
            await asyncio.sleep(self.limits.check_every_s)
            if reason := self.limits.expired(self._loop.time()):
                self._end(reason)

    @property
    def bad_inputs(self) -> int:
        return self.limits.bad_inputs if self.limits else len(self.errors)

    def _bad_input(self, reason: str) -> None:
        if len(self.errors) < 100:
            self.errors.append(reason)
        if self.limits is None:  # not running on a connection (tests of parts)
            log.warning("call %s (%s): bad input: %s", self._sid, self.peer, reason)
            return
        kind = self.limits.on_bad_input(self._loop.time())
        if kind is Log.FULL:
            log.warning("call %s (%s): bad input: %s", self._sid, self.peer, reason)
        elif kind is Log.SUMMARY:
            log.warning(
                "call %s (%s): %d bad messages so far (last: %s); at most one line per %.0f s",
                self._sid,
                self.peer,
                self.limits.bad_inputs,
                reason,
                self.options.limits.bad_input_log_s,
            )
        if self.limits.too_many_bad:
            self._end("protocol_error: too many bad messages")

    def end(self, reason: str) -> None:
        """End the call from outside (the server shutting down): finalized as any end is."""
        self._end(reason)

    def _end(self, reason: str) -> None:
        if not self._ended.is_set():
            self.end_reason = reason
            self._ended.set()

    @property
    def _sid(self) -> str:
        return self.call.call_sid if self.call else "?"

    @property
    def line_seconds(self) -> float:
        return self.recorder.left_samples / LINE_RATE

    @property
    def agent_audible(self) -> bool:
        return self._speaker.out.audible

    # ---- inbound -----------------------------------------------------------------------------

    async def _on_start(self, start: Start) -> str | None:
        params = dict(start.custom_parameters)
        if self._authorize is not None:
            try:
                params = self._authorize(params)
            except ValueError as exc:  # telephony.auth.TokenError: refused before any audio
                self._bad_input(f"start: call refused: {exc}")
                return f"refused: {exc}"
        sid = start.call_sid
        if not is_call_sid(sid) or self._taken(sid):
            # Data, never a folder name, and never another call's folder: the call gets an id
            # the server makes.
            self.given_call_sid = str(sid)[:80]
            sid = new_call_sid()
            log.warning(
                "call %s (%s): callSid %r is not a Twilio call id, or is taken; using %s",
                sid,
                self.peer,
                self.given_call_sid,
                sid,
            )
        self.call = CallInfo(start.stream_sid, sid, params)
        self.limits.on_start(self._loop.time())
        self._link.name = sid
        if start.encoding == "audio/x-alaw":
            self._decode, self._link.encode = alaw_decode, alaw_encode
        elif start.encoding != "audio/x-mulaw":
            self._bad_input(f"start: unsupported mediaFormat.encoding {start.encoding!r}")
            return "protocol_error: unsupported encoding"
        if start.sample_rate != LINE_RATE or start.channels != 1:
            self._bad_input(
                f"start: unsupported mediaFormat {start.sample_rate} Hz x "
                f"{start.channels}; the line is 8000 Hz mono"
            )
            return "protocol_error: unsupported sample rate"
        loop = asyncio.get_running_loop()
        try:
            if self._batcher is None:  # a session on its own: its own batcher, same model
                o = self.options
                detector = await loop.run_in_executor(self._executor, make_detector, o.vad)
                self._batcher = VadBatcher(detector, o.vad_interval_s / o.speed)
            rate = self._batcher.detector.sample_rate
            self._endpointer = Endpointer(self.options.turn, rate)
            if rate != LINE_RATE:
                self._upsample = Resampler(LINE_RATE, rate)
            # At the line's rate the VAD takes the decoded int16 as it is (scaled per batch).
            self._vad = self._batcher.open(self._on_vad, 1.0 if rate != LINE_RATE else 1 / 32768)
            await self._link.start(self._factory, self.call)
        except LookupError as exc:  # the call named what the server does not have
            self._bad_input(f"start: {exc}")
            return f"error: {exc}"
        except Exception as exc:
            log.exception("call %s: could not start", self._sid)
            self.errors.append(f"start: {exc}")
            return f"error: {exc}"
        # Ids only: names and phone numbers never reach a log.
        log.info(
            "call %s started (%s) recipient=%s scenario=%s",
            self._sid,
            self.peer,
            str(params.get("recipient", "?"))[:64],
            str(params.get("scenario", "-"))[:64],
        )
        self._spawn(self._speaker.ask("opening"))
        return None

    def _taken(self, sid: str) -> bool:
        """Another call in progress has this id, or a call's files are already there."""
        if self._sid_taken is not None and self._sid_taken(sid):
            return True
        folder = self.options.recordings_dir
        return folder is not None and (folder / sid).exists()

    def _on_media(self, media: Media) -> None:
        if self._vad is None:  # start failed or media raced ahead of it
            return
        self.limits.on_media(self._loop.time())
        pcm = self._decode(media.payload)
        self.recorder.add_left(pcm)
        if self._upsample is not None:
            self._vad.push(self._upsample.process(pcm16_to_float(pcm)), self._loop.time())
        else:
            self._vad.push(pcm, self._loop.time())

    def _on_vad(self, chunk: np.ndarray, prob: float, arrived: float) -> None:
        self._judged += len(chunk) * LINE_RATE // self._endpointer.sample_rate
        for event in self._endpointer.feed(chunk, prob):
            if event.kind is TurnEventKind.SPEECH_STARTED:
                self._turn_over_agent = self._speaker.out.audible
                self._turn_counts = not self._turn_over_agent
            elif event.audio is not None:
                self._on_turn(event.audio, event.capped)
        if self._endpointer.silence_run_s == 0:
            self._last_voice = arrived
        if self._endpointer.in_turn:
            self._last_activity = self._judged
            self._check_barge_in()
        self._check_silence()

    def _check_barge_in(self) -> None:
        if self._endpointer.speech_run_s < self.options.turn.barge_in_s:
            return
        # Long enough to be meant: the turn counts even if it began over the agent, and
        # the agent stops talking over them.
        self._turn_counts = True
        if self._speaker.out.audible or self._speaker.streaming:
            self._speaker.interrupt()

    def _on_turn(self, audio: Audio, capped: bool) -> None:
        self._last_activity = self.recorder.left_samples
        if not self._turn_counts:
            log.info(
                "call %s: backchannel over the agent (%.2f s) ignored", self._sid, audio.duration
            )
            return
        now = asyncio.get_running_loop().time()
        timing = TurnTiming(speech_end=min(self._last_voice, now), turn_end=now, capped=capped)
        if len(self.turns) < MAX_TURNS_KEPT:
            self.turns.append(timing)
        self._spawn(self._speaker.ask("hear", audio, timing=timing))

    def _check_silence(self) -> None:
        speaker = self._speaker
        if (
            speaker.out.audible
            or speaker.busy
            or self._endpointer.in_turn
            or self._link.agent is None
            or speaker.hangup_mark is not None
        ):
            return
        # Silence is what the VAD has heard as silence: audio still waiting for it is not (when
        # the VAD falls behind, a person already answering must not be reprompted).
        last = max(self._last_activity, speaker.last_activity)
        if (self._judged - last) / LINE_RATE >= self.options.turn.no_input_s:
            self._last_activity = self._judged
            self._spawn(speaker.ask("silence"))

    # ---- tasks -------------------------------------------------------------------------------

    def _spawn(self, coro: Awaitable[None]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # ---- the end -----------------------------------------------------------------------------

    async def _finalize(self, reason: str) -> None:
        """End the call once. Afterwards the session is small (no audio) and is held by no
        reference cycle (the outbound side, the VAD stream and the agent link let go of its
        methods): the server keeps its last finished sessions, and one it lets go of is freed
        at once, not at the cycle collector's next full collection, which a server that
        froze its long-lived objects runs only every several hundred calls."""
        self.end_reason = reason
        self._ended.set()
        self._speaker.hang_up()
        if self._vad is not None:
            self._vad.close()
        if reason != "completed":  # the line broke: keep what was said and heard until now
            if (event := self._endpointer.flush()) is not None and event.audio is not None:
                if self._turn_counts and event.audio.duration >= self.options.turn.min_speech_s:
                    self._spawn(self._speaker.ask("hear", event.audio))
        self._endpointer.drop_audio()
        self._speaker.stop_talking()
        pending = [t for t in self._tasks if not t.done()]
        if pending:  # let the agent finish what it is computing, briefly
            await asyncio.wait(pending, timeout=self.options.finish_timeout_s)
        for task in list(self._tasks):
            task.cancel()
        if self.options.recordings_dir is not None and self.call is not None:
            try:
                path = inside(self.options.recordings_dir, self.call.call_sid, "recording.wav")
                self.recording = await asyncio.get_running_loop().run_in_executor(
                    self._executor, self.recorder.save, path
                )
            except (OSError, OutsideFolder) as exc:
                log.error("call %s: recording not saved: %s", self._sid, exc)
        self.recorder.drop_audio()  # on disk now, or not wanted: a finished session stays small
        await self._link.finish(reason, self.recording)
        self._speaker.close()
        if self.limits is not None and self.limits.unlogged:
            log.warning(
                "call %s (%s): %d bad messages in all", self._sid, self.peer, self.bad_inputs
            )
        log.info("call %s ended: %s", self._sid, reason)
