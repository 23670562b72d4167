"""The agent of one call as the I/O shell runs it: every `CallAgent` method in the executor,
one at a time (an agent is not thread-safe), never on the event loop.

The person's audio is brought to the internal 16 kHz, and a reply's first segment rendered (a
segment may be synthesized only when asked for, see `Segment.render`), resampled and encoded
for the line in the worker that runs the agent, so the event loop only moves frames. Later
segments are rendered when the call's control asks (`render`), outside the agent's lock
(`Segment.render` must be safe to call alongside the agent's methods, as a shared TTS is); a
render not yet begun when a barge-in cancelled its reply is skipped.

Which method runs is the request's type (`telephony.callevents`: `Opening`, `Hear`, `Silence`,
`Digit`). Failures propagate to the caller (the session logs them and feeds `AgentFailed`).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from pathlib import Path

import numpy as np

from telephony import AgentFactory, CallAgent, CallInfo, Reply
from telephony.audio import INTERNAL_RATE, Audio
from telephony.callevents import (
    AgentFailed,
    Ask,
    Digit,
    Drop,
    Hear,
    Judged,
    Opening,
    Played,
    Probe,
    Render,
    Rendered,
    ReplyReady,
    Request,
    Silence,
    Speech,
    Stream,
)
from telephony.playout import LineAudio, to_line
from telephony.resample import resample
from telephony.stats import TurnTiming

log = logging.getLogger("carecall.session")


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

    async def ask(self, ask: Ask) -> ReplyReady | AgentFailed:
        """The agent's answer to `ask`, with its first segment ready for the line (no speech if
        there is no reply, or no agent). A failure is logged and kept as the call's error."""
        try:
            speech = None
            if self.agent is not None:
                speech = await self._run(self._work, self.agent, ask.request, ask.timing)
        except Exception as exc:
            log.exception("call %s: the agent failed on %s", self.name, type(ask.request).__name__)
            self._errors.append(f"agent: {exc}")
            return AgentFailed(ask)
        return ReplyReady(ask, speech, asyncio.get_running_loop().time())

    def listen(self, stream: Stream) -> None:
        """More of the person's turn for an agent that recognizes while they speak
        (`listen(turn, samples, rate)`, which must not wait); others get the whole turn."""
        listen = getattr(self.agent, "listen", None)
        if listen is not None:
            try:
                listen(stream.turn, stream.samples, stream.sample_rate)
            except Exception as exc:
                log.exception("call %s: streaming the turn failed", self.name)
                self._errors.append(f"listen: {exc}")

    def drop(self, drop: Drop) -> None:
        if (forget := getattr(self.agent, "drop", None)) is not None:
            try:
                forget(drop.turn)
            except Exception:
                log.exception("call %s: dropping a turn's stream failed", self.name)

    async def judge(self, probe: Probe) -> Judged:
        """How likely what was heard of the turn so far is a whole answer (`judge(turn)`), in
        the executor, not under the agent's lock (the agent may be busy with an earlier turn):
        None when the agent cannot tell, or failed to."""
        judge = getattr(self.agent, "judge", None)
        end_probability = None
        if judge is not None:
            loop = asyncio.get_running_loop()
            try:
                # Its own threads: a judgement waits on the recognizer's partial result, and
                # must never hold a thread the agents' replies need.
                end_probability = await loop.run_in_executor(_judges(), judge, probe.turn)
            except Exception:
                log.exception("call %s: judging the turn so far failed", self.name)
        return Judged(probe.turn, probe.pause, end_probability)

    async def render(self, render: Render) -> Rendered:
        """The next segment of a reply for the line, rendered in the executor (not under the
        agent's lock: while a sentence is synthesized, the agent can hear what was played of
        the one before, or the person's next turn); no line if the reply was cancelled first
        or the render failed (logged, and kept as the call's error)."""
        loop = asyncio.get_running_loop()
        speech = render.speech
        try:
            line = await loop.run_in_executor(self._executor, self._render, speech, render.index)
        except Exception as exc:
            text = speech.reply.segments[render.index].text
            log.exception("call %s: rendering %r failed", self.name, text)
            self._errors.append(f"tts: {exc}")
            line = None
        return Rendered(speech, line, loop.time())

    def _work(self, agent: CallAgent, request: Request, timing: TurnTiming | None):
        """In a worker thread: the agent's reply, and its first segment encoded for the line."""
        started = time.monotonic()
        reply = _answer(agent, request)
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
            segments, lines = reply.segments, speech.lines
            while len(lines) < len(segments) and segments[len(lines)].audio is not None:
                lines.append(to_line(segments[len(lines)].audio, self.encode))
        else:
            done = time.monotonic()
        if timing is not None:
            timing.agent_start, timing.agent_done = started, done
            timing.encoded = time.monotonic()
            timing.model = dict(reply.timings)
            if rendering:  # the first sentence's synthesis, done here rather than by the agent
                timing.model["tts"] = timing.model.get("tts", 0.0) + rendering
        return speech

    def _render(self, speech: Speech, index: int) -> LineAudio | None:
        if speech.cancelled or self.encode is None:  # cancelled while waiting for the worker
            return None
        return to_line(speech.reply.segments[index].synthesize(), self.encode)

    async def played(self, report: Played) -> None:
        """Tell the agent what of a segment the person heard."""
        if self.agent is None:
            return
        agent = self.agent

        def played() -> None:
            agent.played(report.segment, complete=report.complete, heard_text=report.heard)

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


_JUDGES: ThreadPoolExecutor | None = None


def _judges() -> ThreadPoolExecutor:
    """The threads that wait for partial results (shared by all calls of the process)."""
    global _JUDGES
    if _JUDGES is None:
        # as many as the agents' threads: each waits up to 2 s for a partial result, and 40
        # calls may pause at once (telephony.server.AGENT_THREADS)
        _JUDGES = ThreadPoolExecutor(16, thread_name_prefix="judge")
    return _JUDGES


def _answer(agent: CallAgent, request: Request) -> Reply | None:
    match request:
        case Hear(audio, turn):
            if turn is not None and hasattr(agent, "listen"):  # it heard the turn streamed
                return agent.hear(_internal(audio), turn=turn)
            return agent.hear(_internal(audio))
        case Opening():
            return agent.opening()
        case Silence():
            return agent.silence()
        case Digit(digit):
            return agent.dtmf(digit)
    raise TypeError(f"not a request for the agent: {request!r}")


def _internal(audio: Audio) -> Audio:
    if audio.sample_rate == INTERNAL_RATE:
        return audio
    return Audio(resample(audio.samples, audio.sample_rate, INTERNAL_RATE), INTERNAL_RATE)
