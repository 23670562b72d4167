"""The agent's voice on one call: its replies streamed to the line in order, stopped at once
when the person cuts in, and what the person actually heard told back to the agent.

A `CallSession` listens (VAD, turns, silence) and asks its `Speaker` to say things: `ask`
runs one `CallAgent` method off the event loop (`AgentLink`) and streams the reply's
sentences to the line as they are rendered (`Outbound`), one reply at a time. The line's
echoed marks (`on_mark`) tell which segments were played; a barge-in (`interrupt`) or the end
of the call (`stop_talking`) cancels the rest, and the agent hears which words had time to
play. A reply that ends the call hangs up once its last mark comes back, or after
`SessionOptions.hangup_grace_s` from a peer that never echoes.

The session's callbacks (`end`, `spawn`, `bad_input`) are dropped by `close`, so an ended call
holds no reference cycle through them (see `CallSession._finalize`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telephony import Segment
from telephony.agentlink import AgentLink, Speech
from telephony.clock import LineClock
from telephony.outbound import Outbound
from telephony.playout import Playout, Utterance, heard_prefix
from telephony.protocol import ServerProtocol
from telephony.recording import StereoRecorder
from telephony.stats import TurnTiming

log = logging.getLogger("carecall.session")


class Speaker:
    def __init__(
        self,
        link: AgentLink,
        protocol: ServerProtocol,
        recorder: StereoRecorder,
        clock: LineClock,
        playout: Playout,
        *,
        hangup_grace_s: float,
        errors: list[str],
        ended: asyncio.Event,
        end: Callable[[str], None],
        spawn: Callable[[Awaitable[None]], None],
        bad_input: Callable[[str], None],
    ) -> None:
        self.link = link
        self.recorder = recorder
        self.out = Outbound(
            protocol,
            recorder,
            clock,
            playout,
            on_goodbye_sent=self._goodbye_sent,
            on_error=self._send_failed,
        )
        self._hangup_grace_s = hangup_grace_s  # loop seconds, not line time
        self._errors = errors
        self._ended = ended
        self._end, self._spawn, self._bad_input = end, spawn, bad_input
        self._speeches: set[Speech] = set()  # replies still being rendered or waiting to be
        self._speaking = asyncio.Lock()  # one reply streams to the line at a time, in order
        self.busy = 0  # agent calls in flight
        self.last_activity = 0  # left-channel sample when the agent last spoke or answered
        self.hangup_mark: str | None = None  # the goodbye's mark, once it was sent
        self._grace: asyncio.TimerHandle | None = None

    @property
    def streaming(self) -> bool:
        """A reply has more to say than is queued (its next sentence is being synthesized)."""
        return any(not s.cancelled for s in self._speeches)

    async def ask(self, method: str, *args: Any, timing: TurnTiming | None = None) -> None:
        """Run `CallAgent.<method>(*args)` and say its reply (after any reply still playing)."""
        self.busy += 1
        try:
            speech = await self.link.ask(method, *args, timing=timing)
            if speech is not None and not self._ended.is_set():
                self._speeches.add(speech)
                try:
                    async with self._speaking:
                        await self._stream(speech, timing)
                finally:
                    self._speeches.discard(speech)
        finally:
            self.busy -= 1
            self.last_activity = self.recorder.left_samples

    async def _stream(self, speech: Speech, timing: TurnTiming | None) -> None:
        """Queue a reply's segments on the line as they are rendered: the first is playing
        while the next is synthesized. Stops at a cancel (barge-in, the end of the call)."""
        segments = speech.reply.segments
        hangup = speech.reply.hangup
        if not segments:
            if hangup:
                self._end("completed")
            return
        queued = None
        for i, segment in enumerate(segments):
            if i < len(speech.lines):  # rendered with the reply (the first; cached ones)
                line = speech.lines[i]
            elif i > 0:
                line = await self.link.render_next(speech)
            else:
                line = None
            if line is None or speech.cancelled or self._ended.is_set():
                break
            last = i == len(segments) - 1
            queued = self.out.play(
                segment, line, hangup=hangup and last, tag=timing if i == 0 else None
            )
        else:
            return
        speech.cancel()
        # Never played: the agent hears that none of it was heard.
        for segment in segments[i:]:
            self._report_played(segment, complete=False, heard="")
        if hangup and not self._ended.is_set():  # the goodbye failed part-way: still hang up,
            if queued is not None and not queued.marked:  # after what did get queued
                queued.hangup = True
            else:
                self._end("completed")

    def _report_played(self, segment: Segment, *, complete: bool, heard: str) -> None:
        self._spawn(self.link.played(segment, complete=complete, heard=heard))

    def on_mark(self, name: str) -> None:
        """The line echoed a mark: the segment before it was played to the end."""
        status, u = self.out.playout.echoed(name)
        if status == "unknown":
            self._bad_input(f"mark {name!r} was never sent")
            return
        if u is None:  # the echo of audio we cleared: it was not played
            return
        self.last_activity = self.recorder.left_samples
        self._report_played(u.segment, complete=True, heard=u.segment.text)
        if u.hangup:
            self._end("completed")

    def stop_talking(self, *, clear: bool = False) -> bool:
        """Drop all agent audio not yet played; report what was heard of it. True if the call's
        goodbye was among it."""
        goodbye = False
        for speech in self._speeches:  # nothing more of these replies is synthesized
            goodbye = goodbye or (speech.reply.hangup and not speech.cancelled)
            speech.cancel()
        for u, fraction in self.out.stop(clear=clear):
            complete = fraction >= 1.0
            self._report_played(
                u.segment, complete=complete, heard=heard_prefix(u.segment.text, fraction)
            )
            goodbye = goodbye or u.hangup
        return goodbye

    def interrupt(self) -> None:
        """Barge-in: stop talking now, and tell the agent how much of each segment was heard."""
        log.info("call %s: barge-in, clearing agent audio", self.link.name)
        if self.stop_talking(clear=True):  # an interrupted goodbye: the call still ends
            self._end("completed")

    def _goodbye_sent(self, u: Utterance) -> None:
        self.hangup_mark = u.mark
        self._grace = asyncio.get_running_loop().call_later(
            self._hangup_grace_s, self._hangup_without_mark, u.mark
        )

    def _hangup_without_mark(self, name: str) -> None:
        if self.hangup_mark == name:
            log.warning("call %s: last mark never echoed; hanging up", self.link.name)
            self._end("completed")

    def _send_failed(self, exc: Exception) -> None:
        self._errors.append(f"send: {exc}")
        self._end(f"error: {exc}")

    def hang_up(self) -> None:
        """The call is over: nothing more goes out on the line."""
        self.out.close()
        if self._grace is not None:
            self._grace.cancel()

    def close(self) -> None:
        """Let go of the session's callbacks (after the last `ask` and report have run)."""
        self._end = self._spawn = self._bad_input = _ignore


def _ignore(*_: Any) -> None:
    pass
