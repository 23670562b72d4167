"""The softphone's event channel: what the agent heard, said and understood during one call,
sent to the page that placed that call and to nobody else.

The page opens `/phone/events` (with the server's token) before it calls; the server answers
with a fresh random key, and the page names that key in its call's `start`
(`customParameters.watch`). The key is a secret the server made: it is only ever looked up in
`Watchers`, never used as a path or a format, and a call that names an unknown key (or none:
Twilio's calls) is simply not watched. The key is taken out of the call's parameters before the
agent sees them, so it reaches no file.

What is sent is built on the server from the agent's own state, in the agent's own worker thread
right after each of its methods (the agent is never called from two threads at once,
`telephony.agentlink`), so no state is read while it changes:

    {"event": "watch", "key": K}                   first, on the event socket
    {"event": "call", "callSid": S}                the call started and is watched
    {"event": "update", "transcript": [...], "items": [...], "alerts": [...],
     "heard": what the agent understood the person said, "saying": its reply}
    {"event": "ended", "reason": R, "outcome": O, "completion": C, "summary": S, ...}

`transcript`, `items`, `alerts` come from the agent's `engine.report()` when it has one (the
scenario agent does); without one, from the replies alone.

Who a watched call is with (`page_recipient`): the recipient id typed on the page, checked as
data (a recipient id's shape: letters, digits, `.`, `_`, `-`, never a path), or else a fresh
one for this call alone (`softphone-<random>`), so that no two browser calls share a memory
unless the person asks for it. The page learns it in the `call` event
(`{"event": "call", "callSid": S, "recipient": R}`); a call with an id of another shape is
refused (`{"event": "refused", "reason": ...}`, and the call ends with that reason).
"""

from __future__ import annotations

import asyncio
import logging
import re
import secrets
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from telephony import AgentFactory, CallAgent, CallInfo, Reply, Segment
from telephony.audio import Audio

log = logging.getLogger("carecall.softphone")

WATCH_PARAMETER = "watch"
RECIPIENT_PARAMETER = "recipient"
# A recipient id as campaigns take them (campaign.recipients): never a path, a name or a number.
RECIPIENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
FRESH_PREFIX = "softphone-"
QUEUE_LIMIT = 256  # messages waiting for a page that reads nothing; later ones are dropped
TEXT_LIMIT = 2000  # characters of one text field sent to the page


Publish = Callable[[dict[str, Any]], None]


class Watchers:
    """Event queues of the open `/phone/events` sockets, by key. Opened and closed on the
    event loop; `publisher` may be called from any thread."""

    def __init__(self, limit: int = 100) -> None:
        self.limit = limit
        self._queues: dict[str, tuple[asyncio.AbstractEventLoop, asyncio.Queue]] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._queues)

    def full(self) -> bool:
        return len(self._queues) >= self.limit

    def open(self) -> tuple[str, asyncio.Queue]:
        key = secrets.token_hex(16)
        queue: asyncio.Queue = asyncio.Queue(QUEUE_LIMIT)
        with self._lock:
            self._queues[key] = (asyncio.get_running_loop(), queue)
        return key, queue

    def close(self, key: str) -> None:
        with self._lock:
            self._queues.pop(key, None)

    def publisher(self, key: object) -> Publish | None:
        """How to send to the socket of `key` (None: no such socket; any value is safe here)."""
        if not isinstance(key, str):
            return None
        with self._lock:
            found = self._queues.get(key)
        if found is None:
            return None
        loop, queue = found

        def publish(message: dict[str, Any]) -> None:
            try:
                loop.call_soon_threadsafe(_put, queue, message)
            except RuntimeError:  # the loop is closed: the server stopped
                pass

        return publish

    def wrap(self, factory: AgentFactory) -> AgentFactory:
        """An agent factory whose agents report to the socket their call names, if any."""

        def build(call: CallInfo) -> CallAgent:
            params = dict(call.parameters)
            key = params.pop(WATCH_PARAMETER, None)
            publish = self.publisher(key)
            if publish is None:  # not the page's call (Twilio, a simulated phone): as it came
                return factory(replace(call, parameters=params))  # the key goes no further
            try:
                params[RECIPIENT_PARAMETER] = page_recipient(params.get(RECIPIENT_PARAMETER))
            except BadRecipient as exc:
                publish({"event": "refused", "reason": str(exc)})
                raise
            call = replace(call, parameters=params)
            agent = factory(call)
            publish({"event": "call", "callSid": call.call_sid, "recipient": params["recipient"]})
            return WatchedAgent(agent, publish)

        return build


class BadRecipient(LookupError):
    """The page named a recipient id of another shape (the call is refused: a LookupError is
    what a call server ends a call with as bad input, `telephony.session`)."""


def page_recipient(chosen: object) -> str:
    """The recipient of a call from the page: `chosen` when it is a recipient id, a fresh one
    when nothing was chosen; BadRecipient (saying what an id may be) for anything else."""
    if chosen is None or (isinstance(chosen, str) and not chosen.strip()):
        return FRESH_PREFIX + secrets.token_hex(6)
    if isinstance(chosen, str) and RECIPIENT_ID.fullmatch(chosen):
        return chosen
    text = str(chosen)
    shown = repr(text if len(text) <= 40 else text[:40] + "…")
    raise BadRecipient(
        f"recipient {shown} is not a recipient id: 1 to 64 letters, digits, '.', '_' or '-', "
        "starting with a letter or digit (or nothing, for a new person each call)"
    )


def _put(queue: asyncio.Queue, message: dict[str, Any]) -> None:
    try:
        queue.put_nowait(message)
    except asyncio.QueueFull:
        log.warning("softphone events: the page reads nothing; an event was dropped")


class WatchedAgent:
    """A `CallAgent` that tells its page what happened after each of its methods."""

    def __init__(self, agent: CallAgent, publish: Publish) -> None:
        self._agent = agent
        self._publish = publish
        self._said: list[dict[str, Any]] = []  # the transcript without an engine

    def __getattr__(self, name: str) -> Any:  # anything else the agent offers
        return getattr(self._agent, name)

    def opening(self) -> Reply:
        return self._update(self._agent.opening())

    def hear(self, utterance: Audio, turn: int | None = None) -> Reply | None:
        if turn is None:
            return self._update(self._agent.hear(utterance))
        return self._update(self._agent.hear(utterance, turn=turn))  # streamed (agentlink)

    def silence(self) -> Reply:
        return self._update(self._agent.silence())

    def dtmf(self, digit: str) -> Reply | None:
        return self._update(self._agent.dtmf(digit))

    def played(self, segment: Segment, *, complete: bool, heard_text: str) -> None:
        self._agent.played(segment, complete=complete, heard_text=heard_text)
        self._send({"event": "update", **self._state()})

    def finish(self, reason: str, recording: Path | None) -> None:
        try:
            self._agent.finish(reason, recording)
        finally:
            state = self._state(reason)
            self._send({"event": "ended", "reason": reason, **state})

    def _update(self, reply: Reply | None):
        if reply is not None:
            if reply.user_text:
                self._said.append({"speaker": "person", "text": reply.user_text})
            if reply.text:
                self._said.append({"speaker": "agent", "text": reply.text})
        heard = reply.user_text if reply is not None else None
        saying = reply.text if reply is not None else ""
        self._send({"event": "update", "heard": heard, "saying": saying, **self._state()})
        return reply

    def _send(self, message: dict[str, Any]) -> None:
        try:
            self._publish(message)
        except Exception:  # the page is a spectator: it never breaks the call
            log.exception("softphone events: sending failed")

    def _state(self, reason: str | None = None) -> dict[str, Any]:
        engine = getattr(self._agent, "engine", None)
        report = getattr(engine, "report", None)
        if report is None:
            return {"transcript": [_clip(e) for e in self._said], "items": [], "alerts": []}
        try:
            return report_state(report(reason=reason).model_dump(mode="json"))
        except Exception:
            log.exception("softphone events: the call's report failed")
            return {"transcript": [_clip(e) for e in self._said], "items": [], "alerts": []}


def report_state(report: dict[str, Any]) -> dict[str, Any]:
    """What the page shows of a call report (`dialogue.report.CallReport`, as JSON)."""
    return {
        "transcript": [
            _clip({"speaker": e["speaker"], "text": e["text"], "complete": e.get("complete", True)})
            for e in report.get("transcript", [])
        ],
        "items": [
            _clip(
                {
                    "id": r["item_id"],
                    "topic": r.get("topic", ""),
                    "status": r.get("status", ""),
                    "answer": r.get("answer_class"),
                    "evidence": r.get("evidence", ""),
                    "confidence": r.get("confidence", 0.0),
                    "detail": r.get("detail"),
                    "summary": r.get("summary", ""),
                }
            )
            for r in report.get("items", [])
        ],
        "alerts": [
            _clip({k: a.get(k) for k in ("kind", "severity", "note", "item_id", "evidence")})
            for a in report.get("alerts", [])
        ],
        "outcome": report.get("outcome"),
        "completion": report.get("completion"),
        "summary": _text(report.get("summary", "")),
    }


def _clip(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: _text(v) if isinstance(v, str) else v for k, v in entry.items()}


def _text(value: str) -> str:
    return value if len(value) <= TEXT_LIMIT else value[: TEXT_LIMIT - 1] + "…"
