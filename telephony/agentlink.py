"""The conversation side of one call: every `CallAgent` method runs in the executor, one at a
time (an agent is not thread-safe), never on the event loop.

The person's audio is brought to the internal 16 kHz, and a reply's audio rendered (a segment
may be synthesized only when asked for, see `Segment.render`), resampled and encoded for the
line, in the worker that runs the agent, so the event loop only moves frames.

A reply is streamed as a `Speech`: `ask` returns it with its first segment ready for the line;
the session queues that segment and asks `render_next` for the following one while it plays,
and so on. `Speech.cancel` (barge-in, end of call) stops this: no segment is rendered after it,
and a render already running is not sent. Renders after the first run outside the agent's lock
(`Segment.render` must be safe to call alongside the agent's methods, as a shared TTS is).

Agent failures are logged and kept as the call's errors; they end nothing by themselves (a
failed reply is a missed turn, not a dead call).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from telephony import AgentFactory, CallAgent, CallInfo, Reply, Segment
from telephony.audio import INTERNAL_RATE, Audio
from telephony.playout import LineAudio, to_line
from telephony.resample import resample
from telephony.stats import TurnTiming

log = logging.getLogger("carecall.session")


@dataclass(eq=False)
class Speech:
    """A reply on its way to the line, rendered segment by segment."""

    reply: Reply
    lines: list[LineAudio] = field(default_factory=list)  # line audio of the segments so far
    cancelled: bool = False

    @property
    def rendered(self) -> int:
        return len(self.lines)

    @property
    def done(self) -> bool:
        """Every segment rendered, or the rest cancelled."""
        return self.cancelled or self.rendered >= len(self.reply.segments)

    def cancel(self) -> None:
        """Render nothing more of this reply (a render under way is discarded)."""
        self.cancelled = True

    def unrendered(self) -> list[Segment]:
        return self.reply.segments[self.rendered :]


class AgentLink:
    def __init__(self, executor: Executor, errors: list[str]) -> None:
        self._executor = executor
        self._errors = errors
        self.name = "?"  # the call, for logs (its call sid once started)
        self._lock = asyncio.Lock()
        self.agent: CallAgent | None = None
        self.encode: Callable[[np.ndarray], bytes] | None = None

    async def _run(self, fn: Callable, *args):
        async with self._lock:
            return await asyncio.get_running_loop().run_in_executor(self._executor, fn, *args)

    async def start(self, factory: AgentFactory, call: CallInfo) -> None:
        self.agent = await self._run(factory, call)

    async def ask(self, method: str, *args, timing: TurnTiming | None = None) -> Speech | None:
        """`agent.<method>(*args)`, with its first segment ready for the line; None if there is
        no reply (or no agent, or it failed)."""
        if self.agent is None:
            return None
        fn = getattr(self.agent, method)
        try:
            return await self._run(self._work, fn, args, timing)
        except Exception as exc:
            log.exception("call %s: agent.%s failed", self.name, method)
            self._errors.append(f"agent: {exc}")
            return None

    async def render_next(self, speech: Speech) -> LineAudio | None:
        """The next segment of `speech` for the line, rendered in the executor; None when the
        speech is done or cancelled (also while rendering), or rendering failed (the rest of
        the reply is then cancelled)."""
        if speech.done:
            return None
        try:
            # Not under the agent's lock: while a sentence is synthesized, the agent can hear
            # what was played of the one before (`played`), or the person's next turn.
            loop = asyncio.get_running_loop()
            line = await loop.run_in_executor(self._executor, self._render_next, speech)
        except Exception as exc:
            log.exception(
                "call %s: rendering %r failed",
                self.name,
                speech.reply.segments[speech.rendered].text,
            )
            self._errors.append(f"tts: {exc}")
            speech.cancel()
            return None
        return None if speech.cancelled else line

    def _work(self, fn: Callable[..., Reply | None], args: tuple, timing: TurnTiming | None):
        """In a worker thread: the agent's reply, and its first segment encoded for the line."""
        args = tuple(_internal(a) if isinstance(a, Audio) else a for a in args)
        started = time.monotonic()
        reply = fn(*args)
        if reply is None:
            return None
        speech = Speech(reply)
        rendering = 0.0
        if reply.segments and self.encode is not None:
            first = reply.segments[0]
            before = time.monotonic()
            audio = first.synthesize()
            rendering = time.monotonic() - before if first.audio is None else 0.0
            done = time.monotonic()
            speech.lines.append(to_line(audio, self.encode))
            # Segments that came with their audio (a phrase cache's) are encoded now too: the
            # line queues them behind the first at once, with no gap a listener could take for
            # the end of the turn.
            while not speech.done and speech.reply.segments[speech.rendered].audio is not None:
                speech.lines.append(
                    to_line(speech.reply.segments[speech.rendered].audio, self.encode)
                )
        else:
            done = time.monotonic()
        if timing is not None:
            timing.agent_start, timing.agent_done = started, done
            timing.encoded = time.monotonic()
            timing.model = dict(reply.timings)
            if rendering:  # the first sentence's synthesis, done here rather than by the agent
                timing.model["tts"] = timing.model.get("tts", 0.0) + rendering
        return speech

    def _render_next(self, speech: Speech) -> LineAudio | None:
        if speech.done or self.encode is None:  # cancelled while waiting for the worker
            return None
        line = to_line(speech.reply.segments[speech.rendered].synthesize(), self.encode)
        if not speech.cancelled:
            speech.lines.append(line)
        return line

    async def played(self, segment: Segment, *, complete: bool, heard: str) -> None:
        if self.agent is None:
            return
        agent = self.agent

        def played() -> None:
            agent.played(segment, complete=complete, heard_text=heard)

        try:
            await self._run(played)
        except Exception as exc:
            log.exception("call %s: agent.played failed", self.name)
            self._errors.append(f"agent: {exc}")

    async def finish(self, reason: str, recording: Path | None) -> None:
        if self.agent is None:
            return
        try:
            await self._run(self.agent.finish, reason, recording)
        except Exception:
            log.exception("call %s: finishing the call failed", self.name)


def _internal(audio: Audio) -> Audio:
    if audio.sample_rate == INTERNAL_RATE:
        return audio
    return Audio(resample(audio.samples, audio.sample_rate, INTERNAL_RATE), INTERNAL_RATE)
