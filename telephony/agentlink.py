"""The conversation side of one call: every `CallAgent` method runs in the executor, one at a
time (an agent is not thread-safe), never on the event loop.

The person's audio is brought to the internal 16 kHz, and a reply's audio resampled and
encoded for the line, in the worker that runs the agent, so the event loop only moves frames.
Agent failures are logged and kept as the call's errors; they end nothing by themselves (a
failed reply is a missed turn, not a dead call).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from concurrent.futures import Executor
from pathlib import Path

import numpy as np

from telephony import AgentFactory, CallAgent, CallInfo, Reply, Segment
from telephony.audio import INTERNAL_RATE, Audio
from telephony.playout import LineAudio, to_line
from telephony.resample import resample
from telephony.stats import TurnTiming

log = logging.getLogger("carecall.session")


class AgentLink:
    def __init__(self, executor: Executor, errors: list[str], name: Callable[[], str]) -> None:
        self._executor = executor
        self._errors = errors
        self._name = name  # the call, for logs
        self._lock = asyncio.Lock()
        self.agent: CallAgent | None = None
        self.encode: Callable[[np.ndarray], bytes] | None = None

    async def _run(self, fn: Callable, *args):
        async with self._lock:
            return await asyncio.get_running_loop().run_in_executor(self._executor, fn, *args)

    async def start(self, factory: AgentFactory, call: CallInfo) -> None:
        self.agent = await self._run(factory, call)

    async def ask(
        self, method: str, *args, timing: TurnTiming | None = None
    ) -> tuple[Reply, list[LineAudio]] | None:
        """`agent.<method>(*args)` and its reply's audio for the line; None if there is no
        reply (or no agent, or it failed)."""
        if self.agent is None:
            return None
        fn = getattr(self.agent, method)
        try:
            reply, lines = await self._run(self._work, fn, args, timing)
        except Exception as exc:
            log.exception("call %s: agent.%s failed", self._name(), method)
            self._errors.append(f"agent: {exc}")
            return None
        return (reply, lines) if reply is not None else None

    def _work(self, fn: Callable[..., Reply | None], args: tuple, timing: TurnTiming | None):
        """In a worker thread: the agent's reply, and its audio encoded for the line."""
        args = tuple(_internal(a) if isinstance(a, Audio) else a for a in args)
        started = time.monotonic()
        reply = fn(*args)
        done = time.monotonic()
        encode = self.encode
        lines = [to_line(s.audio, encode) for s in reply.segments] if reply and encode else []
        if timing is not None:
            timing.agent_start, timing.agent_done = started, done
            timing.encoded = time.monotonic()
            timing.model = dict(reply.timings) if reply else {}
        return reply, lines

    async def played(self, segment: Segment, *, complete: bool, heard: str) -> None:
        if self.agent is None:
            return
        agent = self.agent

        def played() -> None:
            agent.played(segment, complete=complete, heard_text=heard)

        try:
            await self._run(played)
        except Exception as exc:
            log.exception("call %s: agent.played failed", self._name())
            self._errors.append(f"agent: {exc}")

    async def finish(self, reason: str, recording: Path | None) -> None:
        if self.agent is None:
            return
        try:
            await self._run(self.agent.finish, reason, recording)
        except Exception:
            log.exception("call %s: finishing the call failed", self._name())


def _internal(audio: Audio) -> Audio:
    if audio.sample_rate == INTERNAL_RATE:
        return audio
    return Audio(resample(audio.samples, audio.sample_rate, INTERNAL_RATE), INTERNAL_RATE)
