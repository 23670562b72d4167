"""The call server: a websocket endpoint speaking Twilio Media Streams at `/media`.

A real number connects with TwiML `<Connect><Stream url="wss://HOST/media?token=T"/></Connect>`;
the simulated phone connects the same way. Authentication happens in the HTTP handshake, so a
refused connection never reaches a session and no audio of it is processed:

- a shared token (401 without it), given as `?token=`, as `Authorization: Bearer T`, or as an
  `X-Carecall-Token` header;
- optionally Twilio's own request signature (403 without a valid one): Twilio signs the
  websocket URL it connects to with the account's auth token, in `X-Twilio-Signature`. Checked
  with the official `twilio` library's `RequestValidator`.

All calls of a server share one event loop, one frame clock (`LineClock`) and one batched VAD
(`VadBatcher`); model work runs in the executor.
"""

from __future__ import annotations

import asyncio
import ctypes
import gc
import hmac
import logging
import sys
from collections import deque
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.http11 import Request, Response

from telephony import AgentFactory
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
        self._executor = executor or ThreadPoolExecutor(max_workers=4, thread_name_prefix="agent")
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

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("server not started")
        return self._server.sockets[0].getsockname()[1]

    async def start(self) -> None:
        # Load the VAD model now, not during the first call's first second of audio.
        o = self.options
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
        log.info("listening on ws://%s:%d%s", self.options.host, self.port, MEDIA_PATH)

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    async def serve_forever(self) -> None:
        await self.start()
        try:
            await asyncio.Future()
        finally:
            await self.stop()

    def _check_request(self, connection: ServerConnection, request: Request) -> Response | None:
        url = urlsplit(request.path)
        if url.path != MEDIA_PATH:
            return connection.respond(HTTPStatus.NOT_FOUND, f"no endpoint at {url.path}\n")
        if self.options.token and not _token_ok(request, url.query, self.options.token):
            log.warning("refused %s: missing or wrong token", connection.remote_address)
            return connection.respond(HTTPStatus.UNAUTHORIZED, "missing or wrong token\n")
        if self.options.twilio_auth_token:
            problem = _twilio_problem(
                request, self.options.twilio_auth_token, self.options.public_url
            )
            if problem:
                log.warning("refused %s: %s", connection.remote_address, problem)
                return connection.respond(HTTPStatus.FORBIDDEN, problem + "\n")
        if len(self.sessions) >= self.options.max_calls:
            return connection.respond(HTTPStatus.SERVICE_UNAVAILABLE, "too many calls\n")
        return None

    async def _handle(self, connection: ServerConnection) -> None:
        host, port = (connection.remote_address or ("?", "?"))[:2]
        peer = f"{host}:{port}"
        session = CallSession(
            self._factory,
            self._executor,
            self.options.session,
            peer=peer,
            clock=self.clock,
            vad=self.vad,
            max_message_bytes=self.options.max_message_bytes,
        )
        self.sessions.add(session)
        try:
            await session.run(_Messages(connection))
        finally:
            self.sessions.discard(session)
            self.finished.append(session)  # the oldest kept one goes, and is freed, here
            self.ended += 1
            self._give_back_memory()
            async with self.call_ended:
                self.call_ended.notify_all()

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
    and frames can be written without waiting (`send_nowait`), from the frame clock's tick."""

    WRITE_LIMIT = 256 * 1024  # ~10 s of queued audio: a far end that reads nothing at all

    def __init__(self, connection: ServerConnection) -> None:
        self._c = connection

    def send_nowait(self, message: str) -> bool:
        """Write a text message now; False when the peer has stopped reading. What
        `send()` does before it waits for the buffer to drain, which we never need to."""
        from websockets.protocol import State

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

    async def send(self, message: str) -> None:
        from websockets.exceptions import ConnectionClosed

        try:
            await self._c.send(message)
        except ConnectionClosed:
            pass

    async def close(self, code: int = 1000, reason: str = "") -> None:
        await self._c.close(code, reason)

    async def __aiter__(self):
        from websockets.exceptions import ConnectionClosed

        try:
            async for message in self._c:
                yield message
        except ConnectionClosed as exc:
            log.warning("connection %s broke: %s", self._c.remote_address, exc)


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


def _token_ok(request: Request, query: str, token: str) -> bool:
    given = parse_qs(query).get("token", [None])[0]
    auth = request.headers.get("Authorization", "")
    if not given and auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not given:
        given = request.headers.get("X-Carecall-Token")
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def _twilio_problem(request: Request, auth_token: str, public_url: str | None) -> str | None:
    """Why the handshake is not Twilio's own (None when it is).

    Twilio signs the URL it dialled; where a proxy terminates TLS the server sees another
    scheme or host, hence `public_url` and the X-Forwarded-* headers. Query parameters are
    accepted either inside the signed URL (as Twilio signs GET requests) or as signed
    parameters (as Twilio's own agent toolkit validates websocket upgrades).
    """
    from twilio.request_validator import RequestValidator

    signature = request.headers.get("X-Twilio-Signature")
    if not signature:
        return "missing X-Twilio-Signature"
    url = urlsplit(request.path)
    if public_url:
        base = public_url.rstrip("/")
    else:
        proto = (request.headers.get("X-Forwarded-Proto") or "wss").split(",")[0].strip()
        proto = {"https": "wss", "http": "ws"}.get(proto, proto)
        host = request.headers.get("X-Forwarded-Host") or request.headers.get("Host") or ""
        base = f"{proto}://{host.split(',')[0].strip()}"
    validator = RequestValidator(auth_token)
    full = base + url.path + (f"?{url.query}" if url.query else "")
    params = {k: v[0] for k, v in parse_qs(url.query).items()}
    if validator.validate(full, {}, signature) or (
        params and validator.validate(base + url.path, params, signature)
    ):
        return None
    return "X-Twilio-Signature does not match"
