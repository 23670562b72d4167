"""The agent's side of one call's line: replies out as paced frames and marks, `clear` on
barge-in, and the bookkeeping of what the far end has played.

The schedule and the marks are `Playout`'s (sans-I/O); this is the thin layer that writes them.
A connection that can write without waiting (`send_nowait`, as the server's websockets do) is
written from the shared `LineClock` tick itself: no task per frame, and outgoing frames go out
before the inbound audio queued meanwhile is processed. A peer that stops reading (its write
buffer past a limit) ends its own call and nobody else's. Other connections get a sender task
woken by the tick; when speech is stopped there, frames already taken from the schedule but
not yet written are dropped, so nothing of the old speech follows a `clear`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from telephony import Segment
from telephony.clock import LineClock
from telephony.playout import FRAME_SAMPLES, LineAudio, Playout, Send, Utterance
from telephony.protocol import InvalidState, ServerProtocol
from telephony.recording import StereoRecorder

log = logging.getLogger("carecall.session")


class Outbound:
    def __init__(
        self,
        protocol: ServerProtocol,
        recorder: StereoRecorder,
        clock: LineClock,
        playout: Playout,
        *,
        on_goodbye_sent: Callable[[Utterance], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        self._protocol = protocol
        self._recorder = recorder
        self._clock = clock
        self.playout = playout
        self._on_goodbye_sent = on_goodbye_sent
        self._on_error = on_error
        self._generation = 0  # bumped when speech is stopped: frames of older sends drop
        self._wake = asyncio.Event()
        self._conn: Any = None
        self._nowait: Callable[[str], bool] | None = None
        self._task: asyncio.Task | None = None
        self._clears: set[asyncio.Task] = set()

    @property
    def audible(self) -> bool:
        return self.playout.audible

    def start(self, connection: Any) -> None:
        self._conn = connection
        self._nowait = getattr(connection, "send_nowait", None)
        if self._nowait is None:
            self._task = asyncio.create_task(self._run())

    def close(self) -> None:
        """The call is over: nothing more is written. Lets go of the connection and of the
        session's callbacks, so that an ended call holds no reference cycle through them."""
        self._clock.unsubscribe(self._on_tick)
        if self._task is not None:
            self._task.cancel()
        self._conn = self._nowait = None
        self._on_goodbye_sent = self._on_error = _ignore

    def play(
        self, segment: Segment, line: LineAudio, *, hangup: bool = False, tag: Any = None
    ) -> Utterance:
        """Queue one segment behind what is playing (a streamed reply comes one by one); `tag`
        is the session's note on it (see `Utterance.tag`), `hangup` ends the call after it."""
        u = self.playout.add(segment, line, hangup=hangup)
        u.tag = tag
        if self._nowait is None:
            self._wake.set()
            return u
        self._on_tick(asyncio.get_running_loop().time())  # frames already due go out now
        if self.playout.pending:
            self._clock.subscribe(self._on_tick)
        return u

    def _on_tick(self, now: float) -> None:
        """Write what is due (from the clock's callback): frames, marks."""
        try:
            for send in self.playout.due(now, self._recorder.left_samples):
                if not self._nowait(self._message(send, now)):
                    raise ConnectionError("the far end stopped reading our audio")
        except InvalidState:  # the stream stopped while we were talking: nothing to play to
            self._clock.unsubscribe(self._on_tick)
            return
        except Exception as exc:
            self._clock.unsubscribe(self._on_tick)
            log.exception("sending agent audio failed")
            self._on_error(exc)
            return
        if not self.playout.pending:
            self._clock.unsubscribe(self._on_tick)

    def stop(self, *, clear: bool) -> list[tuple[Utterance, float]]:
        """Stop talking now; returns each unconfirmed utterance with the share of it played.
        With `clear`, the far end is told to drop what it has buffered."""
        self._generation += 1
        self._clock.unsubscribe(self._on_tick)
        stopped = self.playout.stop(asyncio.get_running_loop().time())
        if clear and self._nowait is not None:
            try:
                self._nowait(self._protocol.send_clear())
            except InvalidState:
                pass
        elif clear and self._conn is not None:
            task = asyncio.ensure_future(self._send_clear())
            self._clears.add(task)
            task.add_done_callback(self._clears.discard)
        return stopped

    async def _send_clear(self) -> None:
        try:
            await self._conn.send(self._protocol.send_clear())
        except InvalidState:
            pass

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            while True:
                await self._wake.wait()
                self._wake.clear()
                while self.playout.pending:
                    generation = self._generation
                    for send in self.playout.due(loop.time(), self._recorder.left_samples):
                        if generation != self._generation:
                            break
                        await self._send(send, loop)
                    if self.playout.pending:
                        await self._clock.tick()
        except InvalidState:  # the stream stopped while we were talking: nothing to play to
            pass
        except Exception as exc:  # a bug here would leave the call mute: end it, loudly
            log.exception("sending agent audio failed")
            self._on_error(exc)

    async def _send(self, send: Send, loop: asyncio.AbstractEventLoop) -> None:
        await self._conn.send(self._message(send, loop.time()))

    def _message(self, send: Send, now: float) -> str:
        """The text for one send, with its bookkeeping (recording, first-frame time, goodbye)."""
        u = send.utterance
        if send.frame is None:
            message = self._protocol.send_mark(u.mark)
            if u.hangup:
                self._on_goodbye_sent(u)
            return message
        i = send.frame
        message = self._protocol.send_media_b64(u.audio.payloads[i])
        pcm = u.audio.pcm[i * FRAME_SAMPLES : (i + 1) * FRAME_SAMPLES]
        self._recorder.add_right(pcm, send.at_sample)
        if i == 0 and hasattr(u.tag, "first_frame"):
            u.tag.first_frame = now
        return message


def _ignore(*_: Any) -> None:
    pass
