"""The call server: a websocket endpoint speaking Twilio Media Streams at `/media`.

A real number connects with TwiML `<Connect><Stream url="wss://HOST/media/<call token>"/>`
(or the token as `<Parameter name="token">`); the simulated phone connects the same way, or with
the shared token. Who may call is `telephony.auth.Gate`'s policy: the handshake is checked
before a session exists (a refused one never reaches a session), and the `start` event before
any audio of the call is processed or any file of it is written.

The server holds against a hostile caller: nothing from the wire is a path (call folders come
from `telephony.files`), a socket that never starts a call is closed after
`SessionOptions.start_timeout_s`, a started call that sends no audio ends with its report after
`media_timeout_s`, connections that have not started a call do not count against `max_calls`,
and `drain()` ends every call with its report for a graceful shutdown (SIGTERM).

All calls of a server share one event loop, one frame clock (`LineClock`) and one batched VAD
(`VadBatcher`); model work runs in the executor.
"""

from __future__ import annotations

import asyncio
import ctypes
import gc
import logging
import sys
import weakref
from collections import deque
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Protocol
from urllib.parse import urlsplit

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.http11 import Request, Response
from websockets.protocol import State

from telephony import AgentFactory
from telephony.auth import CallTokens, Gate, Handshake, bind_problem
from telephony.clock import LineClock
from telephony.session import FRAME_S, CallSession, SessionOptions
from telephony.vad import VadBatcher, make_detector

log = logging.getLogger("carecall.server")

MEDIA_PATH = "/media"


@dataclass
class ServerOptions:
    host: str = "127.0.0.1"
    port: int = 8765
    token: str | None = None
    """Shared token: `?token=`, `Authorization: Bearer`, or `X-Carecall-Token`."""
    call_secret: str | None = None
    """Signs per-call tokens (`telephony.auth.CallTokens`): when set, every call must carry
    one (in the URL path or `customParameters.token`) unless it gave the shared token."""
    twilio_auth_token: str | None = None
    """When set, only connections signed by Twilio with this account auth token are accepted."""
    public_url: str | None = None
    """The base URL the gateway dials (e.g. "wss://calls.example.org"), which is what Twilio
    signs. Default: rebuilt from X-Forwarded-Proto/-Host or Host, as "wss://host"."""
    max_message_bytes: int = 64_000
    """A 20 ms μ-law frame is ~300 bytes of JSON; anything near this is not audio. Messages up
    to twice this are dropped with a logged reason and the call goes on; larger ones close
    the connection (websocket close code 1009)."""
    max_calls: int = 200
    """Calls in progress (started) at once; more are refused (503 at the handshake)."""
    max_connections: int = 1000
    """Open sockets at once, calls or not: idle sockets cannot starve calls (they are closed
    after `session.start_timeout_s`), and cannot exhaust file descriptors either."""
    allow_insecure: bool = False
    """Listen on a non-loopback address with no authentication at all (never in production)."""
    keep_finished: int = 100
    """Ended sessions kept for inspection (`finished`); older ones are let go (and freed at
    once: an ended session holds no audio and no reference cycle)."""
    trim_after_call: bool = True
    """After each call, hand the heap's free pages back to the system (glibc's
    `malloc_trim(0)`, in the executor; nothing where there is no glibc). glibc keeps what a
    call freed in the middle of its heap: with nothing of the calls kept, RSS still crept up
    ~2 KB per call (free heap growing, memory in use flat); trimmed, it stays flat. A trim
    took 0.3 ms (2.5 ms at most) here."""
    session: SessionOptions = field(default_factory=SessionOptions)


AGENT_THREADS = 16
"""The default executor's threads. An agent's turn spends most of its time in a thread waiting:
for its turn's result from a recognizer worker process, for espeak-ng's subprocess. With 4, no
more than 4 ended turns of 40 calls could even ask for their result, while the workers (which
run waiting requests first, `assembly.workqueue`) had the CPU to answer more; the rest waited
for a thread ("queue" in bench/bench_latency.py). Each agent still runs one call at a time."""


class CallServer:
    """Owns the listening socket, the executor for model calls and the live sessions."""

    def __init__(
        self,
        agent_factory: AgentFactory,
        options: ServerOptions | None = None,
        executor: Executor | None = None,
    ) -> None:
        self.options = options or ServerOptions()
        self._factory = agent_factory
        self._executor = executor or ThreadPoolExecutor(AGENT_THREADS, thread_name_prefix="agent")
        self._server: Server | None = None
        speed = self.options.session.speed
        self.clock = LineClock(FRAME_S / speed)
        self.vad: VadBatcher | None = None
        self.sessions: set[CallSession] = set()
        self.finished: deque[CallSession] = deque(maxlen=self.options.keep_finished)
        self.ended = 0
        self.call_ended = asyncio.Condition()
        self._trim = _malloc_trim() if self.options.trim_after_call else None
        self._trimming = False
        o = self.options
        self.gate = Gate(
            token=o.token,
            tokens=CallTokens(o.call_secret) if o.call_secret else None,
            twilio_auth_token=o.twilio_auth_token,
            public_url=o.public_url,
            media_path=MEDIA_PATH,
        )
        self._handshakes: weakref.WeakKeyDictionary[ServerConnection, Handshake] = (
            weakref.WeakKeyDictionary()
        )
        self.refused = 0
        # Called with each session once it has ended and its agent has finished (metrics,
        # per-turn timings); an exception in one is logged, never ends the server.
        self.on_call_end: list[Callable[[CallSession], None]] = []
        self.on_start: list[Callable[[], None]] = []  # in the event loop, once listening
        self._routes: dict[str, Route] = {}
        self._routed: weakref.WeakKeyDictionary[ServerConnection, Route] = (
            weakref.WeakKeyDictionary()
        )

    def add_route(self, prefix: str, route: Route) -> None:
        """Serve `prefix` and everything under it (`prefix/...`) with `route` instead of the
        media gate: `route.request` answers the HTTP request (a plain GET: a page) or returns
        None to accept a websocket, which `route.connected` then runs. The softphone's page
        and its event channel (`telephony.softphone`) are such routes; `/media` never is."""
        if not prefix.startswith("/") or prefix.rstrip("/") in ("", MEDIA_PATH):
            raise ValueError(f"cannot route {prefix!r}: it would hide the media endpoint")
        self._routes[prefix.rstrip("/")] = route

    def add_page(self, path: str, answer: Callable[[ServerConnection, Request], Response]) -> None:
        """A plain HTTP GET at `path` (`/metrics`): `answer(connection, request)` gives the
        response; a websocket upgrade there is never accepted."""
        self.add_route(path, _Page(answer))

    def wrap_agents(self, wrap: Callable[[AgentFactory], AgentFactory]) -> None:
        """Build every later call's agent through `wrap(factory)` (e.g. to watch the call)."""
        self._factory = wrap(self._factory)

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("server not started")
        return self._server.sockets[0].getsockname()[1]

    async def start(self) -> None:
        o = self.options
        if problem := bind_problem(o.host, self.gate.configured, o.allow_insecure):
            raise InsecureServer(problem)
        # Load the VAD model now, not during the first call's first second of audio.
        loop = asyncio.get_running_loop()
        detector = await loop.run_in_executor(self._executor, make_detector, o.session.vad)
        self.vad = VadBatcher(detector, o.session.vad_interval_s / o.session.speed)
        # Everything alive now (models, torch, libraries: ~200k objects) lives as long as the
        # process. Out of the collector's sight, a full collection no longer walks them all,
        # which took ~90 ms here: 90 ms in which no call's audio was sent.
        gc.collect()
        gc.freeze()
        self._server = await serve(
            self._handle,
            o.host,
            o.port,
            process_request=self._check_request,
            max_size=2 * o.max_message_bytes,
            compression=None,  # per-message deflate costs CPU and buys little on base64 audio
        )
        for hook in self.on_start:
            hook()
        log.info("listening on ws://%s:%d%s", self.options.host, self.port, MEDIA_PATH)

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    async def drain(self, timeout: float = 30.0) -> int:
        """Graceful shutdown: stop accepting, end every call in progress with its report
        (reason `server_shutdown`), wait for them to be finalized, close. Returns the number
        of calls that were ended."""
        if self._server is None:
            return 0
        self._server.close(close_connections=False)
        live = list(self.sessions)
        for session in live:
            session.end("server_shutdown")
        if live:
            async with self.call_ended:
                try:
                    await asyncio.wait_for(
                        self.call_ended.wait_for(lambda: not self.sessions), timeout
                    )
                except TimeoutError:
                    log.error("drain: %d calls did not end in %.0f s", len(self.sessions), timeout)
        self._server.close()
        await self._server.wait_closed()
        return len(live)

    async def serve_forever(self) -> None:
        await self.start()
        try:
            await asyncio.Future()
        finally:
            await self.stop()

    def _check_request(self, connection: ServerConnection, request: Request) -> Response | None:
        o = self.options
        if len(self._handshakes) + len(self.sessions) >= o.max_connections:
            return connection.respond(HTTPStatus.SERVICE_UNAVAILABLE, "too many connections\n")
        if (route := self._route(request.path)) is not None:
            response = route.request(connection, request)
            if response is None:
                self._routed[connection] = route
            return response
        if sum(s.call is not None for s in self.sessions) >= o.max_calls:
            return connection.respond(HTTPStatus.SERVICE_UNAVAILABLE, "too many calls\n")
        result = self.gate.handshake(request.path, request.headers)
        if not isinstance(result, Handshake):
            status, reason = result
            self.refused += 1
            log.warning("refused %s: %s", _peer(connection), reason)
            return connection.respond(status, reason + "\n")
        self._handshakes[connection] = result
        return None

    def _route(self, path: str) -> Route | None:
        path = urlsplit(path).path
        for prefix, route in self._routes.items():
            if path == prefix or path.startswith(prefix + "/"):
                return route
        return None

    async def _handle(self, connection: ServerConnection) -> None:
        if (route := self._routed.pop(connection, None)) is not None:
            await route.connected(connection)
            return
        peer = _peer(connection)
        handshake = self._handshakes.pop(connection, None) or Handshake()
        session = CallSession(
            self._factory,
            self._executor,
            self.options.session,
            peer=peer,
            clock=self.clock,
            vad=self.vad,
            max_message_bytes=self.options.max_message_bytes,
            authorize=lambda params: self.gate.start(handshake, params),
            sid_taken=self._sid_live,
        )
        self.sessions.add(session)
        try:
            await session.run(_Messages(connection))
        finally:
            self.sessions.discard(session)
            self.finished.append(session)  # the oldest kept one goes, and is freed, here
            self.ended += 1
            for hook in self.on_call_end:
                try:
                    hook(session)
                except Exception:
                    log.exception("after call %s", session.call and session.call.call_sid)
            self._give_back_memory()
            async with self.call_ended:
                self.call_ended.notify_all()

    def _sid_live(self, sid: str) -> bool:
        return any(s.call is not None and s.call.call_sid == sid for s in self.sessions)

    def _give_back_memory(self) -> None:
        """Trim the heap in the executor (one trim at a time; ends meanwhile share it)."""
        if self._trim is None or self._trimming:
            return
        try:
            future = asyncio.get_running_loop().run_in_executor(self._executor, self._trim)
        except RuntimeError:  # the executor is shut down: the server is stopping
            return
        self._trimming = True
        future.add_done_callback(self._trimmed)

    def _trimmed(self, future: asyncio.Future) -> None:
        self._trimming = False
        if not future.cancelled() and future.exception() is not None:
            log.warning("malloc_trim failed: %s; not trimming again", future.exception())
            self._trim = None

    async def wait_for_calls(self, n: int, timeout: float | None = None) -> list[CallSession]:
        """Wait until `n` calls have ended since the start (tests and the demo use this); returns
        the first `n` of the sessions still kept."""

        async def done() -> list[CallSession]:
            async with self.call_ended:
                await self.call_ended.wait_for(lambda: self.ended >= n)
            return list(self.finished)[:n]

        return await asyncio.wait_for(done(), timeout)


class _Messages:
    """Adapts a websockets connection: iteration ends quietly on any close, clean or abrupt,
    and everything a call sends is written without waiting (`send_nowait`), from the frame
    clock's tick: the one output path."""

    WRITE_LIMIT = 256 * 1024  # ~10 s of queued audio: a far end that reads nothing at all

    def __init__(self, connection: ServerConnection) -> None:
        self._c = connection

    def send_nowait(self, message: str) -> bool:
        """Write a text message now; False when the peer has stopped reading. What
        `send()` does before it waits for the buffer to drain, which we never need to."""
        c = self._c
        if c.protocol.state is not State.OPEN:
            return True  # closing: the receive side is ending the call
        if c.transport.get_write_buffer_size() > self.WRITE_LIMIT:
            return False
        try:
            c.protocol.send_text(message.encode())
            c.send_data()
        except Exception as exc:  # the socket broke: connection_lost ends the call
            log.info("writing to %s failed: %s", c.remote_address, exc)
        return True

    async def close(self, code: int = 1000, reason: str = "") -> None:
        await self._c.close(code, reason)

    async def __aiter__(self):
        from websockets.exceptions import ConnectionClosed

        try:
            async for message in self._c:
                yield message
        except ConnectionClosed as exc:
            log.warning("connection %s broke: %s", self._c.remote_address, exc)


class Route(Protocol):
    """Another endpoint on the call server's port (`CallServer.add_route`)."""

    def request(self, connection: ServerConnection, request: Request) -> Response | None:
        """The HTTP response, or None to accept the websocket upgrade."""
        ...

    def connected(self, connection: ServerConnection) -> Awaitable[None]:
        """Run an accepted websocket until it closes."""
        ...


class _Page:
    """A `Route` that only answers plain HTTP (`CallServer.add_page`)."""

    def __init__(self, answer: Callable[[ServerConnection, Request], Response]) -> None:
        self._answer = answer

    def request(self, connection: ServerConnection, request: Request) -> Response:
        return self._answer(connection, request)

    async def connected(self, connection: ServerConnection) -> None:  # never: request answers
        await connection.close()


class InsecureServer(RuntimeError):
    """The server would face a network with no authentication."""


def _peer(connection: ServerConnection) -> str:
    host, port = (connection.remote_address or ("?", "?"))[:2]
    return f"{host}:{port}"


def _malloc_trim() -> Callable[[], object] | None:
    """glibc's `malloc_trim(0)` (returns free heap pages to the system), or None without glibc
    (macOS, musl)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return lambda: trim(0)
