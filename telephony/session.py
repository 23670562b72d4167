"""One phone call on the server side: the I/O shell around its pure call control.

The rules of a call (turns, barge-in, backchannels, silence, reprompts, what the person heard,
the goodbye) are `telephony.call.CallControl`'s. The session turns the websocket's messages,
the VAD's labels, the agent's replies and the clock's ticks into its events
(`telephony.callevents`) and carries out the actions that come back. What it adds:

- what takes time runs off the event loop: the agent (ASR, dialogue, TTS) and the encoding of
  its audio in the executor (`AgentLink`), the VAD in one batch for all calls (`VadBatcher`),
  the pacing on one shared tick (`LineClock`). The one output path is that tick (and the
  moment a reply is queued): `send_nowait`; a peer that stops reading ends only its own call;
- however the call ends (hang-up, `stop`, dropped socket, error, a wire gone quiet, server
  shutdown), `CallAgent.finish` runs once and the recording is saved;
- a socket that never starts a call is closed after `start_timeout_s`, a call whose media stops
  ends after `media_timeout_s`, no call outlives `max_wall_s`; bad input is logged a few times
  per call, then counted (`bad_input_log` lines at most per `bad_input_log_s`);
- the call's id is a folder name only in Twilio's exact shape (`telephony.files`), and the call
  is authorized (`authorize`) before any of its audio is processed.

Time inside a call is counted in inbound samples; only the pacer reads the clock
(`SessionOptions.speed`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor
from pathlib import Path
from typing import Any, Protocol

from telephony import AgentFactory, CallInfo
from telephony import callevents as ev
from telephony.agentlink import AgentLink
from telephony.audio import LINE_RATE
from telephony.call import CallControl
from telephony.clock import LineClock
from telephony.files import OutsideFolder, inside, is_call_sid, new_call_sid
from telephony.g711 import alaw_encode, pcm16_to_float, ulaw_encode
from telephony.limits import ConnectionLimits
from telephony.options import SessionOptions
from telephony.playout import FRAME_S
from telephony.protocol import DEFAULT_MAX_MESSAGE_BYTES, Start
from telephony.recording import StereoRecorder
from telephony.resample import Resampler
from telephony.stats import TurnTiming
from telephony.vad import VadBatcher, VadStream, make_detector

__all__ = ["FRAME_S", "CallSession", "Connection", "SessionOptions"]

log = logging.getLogger("carecall.session")

YIELD_EVERY = 8  # messages handled in a row before other calls get the event loop


class Connection(Protocol):
    """The part of a websocket connection a session uses (see `telephony.server`). Everything
    the call sends is written with `send_nowait` (False: the peer stopped reading)."""

    def send_nowait(self, message: str) -> bool: ...

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
        self._clock = clock or LineClock(FRAME_S / o.speed)
        self._control = CallControl(
            o.turn,
            frame_s=FRAME_S / o.speed,
            lead_frames=o.lead_frames,
            hangup_grace_s=o.hangup_grace_s / o.speed + 1.0,  # loop seconds, not line time
            max_call_s=o.max_call_s,
            max_message_bytes=max_message_bytes,
        )
        self._vad: VadStream | None = None
        self._upsample: Resampler | None = None  # to the VAD's rate, if not the line's
        self.recorder = StereoRecorder(LINE_RATE)
        self._tasks: set[asyncio.Task] = set()
        self._ended = asyncio.Event()
        self._write: Callable[[str], bool] | None = None  # the connection's send_nowait
        self._ticking = False  # subscribed to the frame clock
        self._grace: asyncio.TimerHandle | None = None
        self.call: CallInfo | None = None
        self.end_reason = ""
        self.errors: list[str] = []
        self._link = AgentLink(executor, self.errors)
        self.recording: Path | None = None

    # ---- the connection ----------------------------------------------------------------------

    async def run(self, connection: Connection) -> str:
        """Serve one websocket until the call ends; returns why it ended."""
        self._loop = asyncio.get_running_loop()
        self._write = connection.send_nowait
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
        feed = self._control.received  # feed(Received(message)), without making the event
        async for message in connection:
            received += 1
            if received % YIELD_EVERY == 0:
                # Messages already buffered are returned without suspending: a peer flooding
                # the socket would otherwise hold the event loop, and every call's audio.
                await asyncio.sleep(0)
            actions = feed(message)
            if len(actions) == 1 and type(actions[0]) is ev.Listen:  # audio, the common case
                self._listen(actions[0])  # (changes nothing the frame clock waits for)
            elif actions and type(actions[0]) is ev.StartCall:
                await self._start_call(actions[0].start)
            elif actions:
                self._do(actions)
            if self._ended.is_set():
                return self.end_reason
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
        self.limits.log_bad_input(self._loop.time(), f"{self._sid} ({self.peer})", reason)
        if self.limits.too_many_bad:
            self._end("protocol_error: too many bad messages")

    def end(self, reason: str) -> None:
        """End the call from outside (the server shutting down): finalized as any end is."""
        self._end(reason)

    def _end(self, reason: str) -> None:
        self._feed(ev.HangUp(reason))

    @property
    def _sid(self) -> str:
        return self.call.call_sid if self.call else "?"

    @property
    def line_seconds(self) -> float:  # as recorded: the person's audio so far
        return self.recorder.left_samples / LINE_RATE

    @property
    def turns(self) -> list[TurnTiming]:
        """Where the time of each turn went (`telephony.stats`)."""
        return self._control.turns

    # ---- events in ---------------------------------------------------------------------------

    async def _start_call(self, start: Start) -> None:
        params = dict(start.custom_parameters)
        if self._authorize is not None:
            try:
                params = self._authorize(params)
            except ValueError as exc:  # telephony.auth.TokenError: refused before any audio
                self._bad_input(f"start: call refused: {exc}")
                self._end(f"refused: {exc}")
                return
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
        self._feed(ev.CallAccepted(self.call))
        if self._ended.is_set():  # a line format we do not speak
            return
        self._link.encode = alaw_encode if self._control.alaw else ulaw_encode
        try:
            if self._batcher is None:  # a session on its own: its own batcher, same model
                o = self.options
                detector = await self._loop.run_in_executor(self._executor, make_detector, o.vad)
                self._batcher = VadBatcher(detector, o.vad_interval_s / o.speed)
            rate = self._batcher.detector.sample_rate
            if rate != LINE_RATE:
                self._upsample = Resampler(LINE_RATE, rate)
            # At the line's rate the VAD takes the decoded int16 as it is (scaled per batch).
            self._vad = self._batcher.open(self._on_vad, 1.0 if rate != LINE_RATE else 1 / 32768)
            await self._link.start(self._factory, self.call)
        except LookupError as exc:  # the call named what the server does not have
            self._bad_input(f"start: {exc}")
            self._end(f"error: {exc}")
            return
        except Exception as exc:
            log.exception("call %s: could not start", self._sid)
            self.errors.append(f"start: {exc}")
            self._end(f"error: {exc}")
            return
        # Ids only: names and phone numbers never reach a log.
        log.info(
            "call %s started (%s) recipient=%s scenario=%s",
            self._sid,
            self.peer,
            str(params.get("recipient", "?"))[:64],
            str(params.get("scenario", "-"))[:64],
        )
        self._feed(ev.AgentReady(rate))

    def _taken(self, sid: str) -> bool:
        """Another call in progress has this id, or a call's files are already there."""
        folder = self.options.recordings_dir
        taken = self._sid_taken is not None and self._sid_taken(sid)
        return taken or (folder is not None and (folder / sid).exists())

    def _on_vad(self, chunk, prob: float, arrived: float) -> None:
        # feed(Voice(...)) and feed(Tick(now)), without making the events (every frame's)
        if actions := self._control.voice(chunk, prob, arrived, self._loop.time()):
            self._do(actions)  # (none: nothing changed that the frame clock waits for)

    def _on_tick(self, now: float) -> None:
        try:
            self._do(self._control.tick(now))
        except Exception as exc:  # a bug here would leave the call mute: end it, loudly
            log.exception("call %s: sending agent audio failed", self._sid)
            self.errors.append(f"send: {exc}")
            self._end(f"error: {exc}")

    def _feed(self, event: ev.Event) -> None:
        self._do(self._control.feed(event))

    # ---- actions out -------------------------------------------------------------------------

    def _do(self, actions: list[ev.Action]) -> None:
        for action in actions:
            kind = type(action)
            if kind is ev.Transmit:
                self._transmit(action)
            elif kind is ev.Listen:
                self._listen(action)
            elif kind is ev.Ask:
                self._spawn(self._after(self._link.ask(action)))
            elif kind is ev.Played:
                self._spawn(self._link.played(action))
            elif kind is ev.Stream:
                self._link.listen(action)
            elif kind is ev.Probe:
                self._spawn(self._after(self._link.judge(action)))
            elif kind is ev.Drop:
                self._link.drop(action)
            elif kind is ev.Render:
                self._spawn(self._after(self._link.render(action)))
            elif kind is ev.ArmGrace:
                if self._grace is not None:
                    self._grace.cancel()
                self._grace = self._loop.call_later(action.delay_s, self._grace_over, action.mark)
            elif kind is ev.BadInput:
                self._bad_input(action.reason)
            elif kind is ev.End and not self._ended.is_set():
                self.end_reason = action.reason
                self._ended.set()
        if self._control.wants_ticks is not self._ticking:
            self._ticking = not self._ticking
            if self._ticking:
                self._clock.subscribe(self._on_tick)
            else:
                self._clock.unsubscribe(self._on_tick)

    def _transmit(self, action: ev.Transmit) -> None:
        if action.pcm is not None:
            self.recorder.add_right(action.pcm, action.at_sample)
        if self._write is not None and not self._write(action.text):
            self._write = None  # nothing more is written to a peer that stopped reading
            reason = "the far end stopped reading our audio"
            log.error("call %s (%s): sending agent audio failed: %s", self._sid, self.peer, reason)
            self.errors.append(f"send: {reason}")
            self._end(f"error: {reason}")

    def _listen(self, action: ev.Listen) -> None:
        now = self._loop.time()
        self.limits.on_media(now)
        pcm = action.pcm
        self.recorder.add_left(pcm)
        if self._upsample is not None:
            self._vad.push(self._upsample.process(pcm16_to_float(pcm)), now)
        else:
            self._vad.push(pcm, now)

    async def _after(self, work: Awaitable[ev.Event]) -> None:
        self._feed(await work)

    def _grace_over(self, mark: str) -> None:
        self._grace = None
        self._feed(ev.GraceExpired(mark))

    def _spawn(self, coro: Awaitable[None]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # ---- the end -----------------------------------------------------------------------------

    async def _finalize(self, reason: str) -> None:
        """End the call once. Afterwards the session is small (no audio) and holds no
        reference cycle (the control holds no callbacks; the frame clock, the grace timer and
        the VAD stream let go of the session's methods): the server keeps its last finished
        sessions, and one it lets go of is freed at once, not at the cycle collector's next
        full collection, which a server that froze its long-lived objects runs only every
        several hundred calls."""
        self.end_reason = reason
        self._ended.set()
        self._write = None  # nothing more goes out on the line
        if self._grace is not None:
            self._grace.cancel()
            self._grace = None
        if self._vad is not None:
            self._vad.close()
        self._feed(ev.Closed(reason, self._loop.time()))  # also leaves the frame clock
        pending = [t for t in self._tasks if not t.done()]
        if pending:  # let the agent finish what it is computing, briefly
            await asyncio.wait(pending, timeout=self.options.finish_timeout_s)
        for task in list(self._tasks):
            task.cancel()
        if self.options.recordings_dir is not None and self.call is not None:
            try:
                path = inside(self.options.recordings_dir, self.call.call_sid, "recording.wav")
                self.recording = await self._loop.run_in_executor(
                    self._executor, self.recorder.save, path
                )
            except (OSError, OutsideFolder) as exc:
                log.error("call %s: recording not saved: %s", self._sid, exc)
        self.recorder.drop_audio()  # on disk now, or not wanted: a finished session stays small
        await self._link.finish(reason, self.recording)
        if self.limits is not None and self.limits.unlogged:
            log.warning(
                "call %s (%s): %d bad messages in all", self._sid, self.peer, self.bad_inputs
            )
        log.info("call %s ended: %s", self._sid, reason)
