"""The call server: a websocket endpoint speaking Twilio Media Streams at `/media`.

A real number connects with TwiML `<Connect><Stream url="wss://HOST/media?token=T"/></Connect>`;
the simulated phone connects the same way. Authentication happens in the HTTP handshake, so a
connection without the token is refused (401) before any audio is processed. The token may be
given as `?token=`, as `Authorization: Bearer T`, or as an `X-Carecall-Token` header.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.http11 import Request, Response

from telephony import AgentFactory
from telephony.session import CallSession, SessionOptions

log = logging.getLogger("carecall.server")

MEDIA_PATH = "/media"


@dataclass
class ServerOptions:
    host: str = "127.0.0.1"
    port: int = 8765
    token: str | None = None
    max_message_bytes: int = 64_000
    """A 20 ms μ-law frame is ~300 bytes of JSON; anything near this is not audio."""
    max_calls: int = 200
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
        self.sessions: set[CallSession] = set()
        self.finished: list[CallSession] = []
        self.call_ended = asyncio.Condition()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("server not started")
        return self._server.sockets[0].getsockname()[1]

    async def start(self) -> None:
        # Load the VAD model now, not during the first call's first second of audio.
        from telephony.vad import make_vad

        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._executor, make_vad, self.options.session.vad)
        self._server = await serve(
            self._handle,
            self.options.host,
            self.options.port,
            process_request=self._check_request,
            max_size=self.options.max_message_bytes,
            compression=None,  # per-message deflate costs CPU and buys little on base64 audio
            ping_interval=20,
            ping_timeout=60,  # a call is never dropped for a pong delayed by a busy machine
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
        if len(self.sessions) >= self.options.max_calls:
            return connection.respond(HTTPStatus.SERVICE_UNAVAILABLE, "too many calls\n")
        return None

    async def _handle(self, connection: ServerConnection) -> None:
        host, port = (connection.remote_address or ("?", "?"))[:2]
        peer = f"{host}:{port}"
        session = CallSession(self._factory, self._executor, self.options.session, peer=peer)
        self.sessions.add(session)
        try:
            await session.run(_Messages(connection))
        finally:
            self.sessions.discard(session)
            self.finished.append(session)
            async with self.call_ended:
                self.call_ended.notify_all()

    async def wait_for_calls(self, n: int, timeout: float | None = None) -> list[CallSession]:
        """Wait until `n` calls have ended (tests and the demo use this)."""

        async def done() -> list[CallSession]:
            async with self.call_ended:
                await self.call_ended.wait_for(lambda: len(self.finished) >= n)
            return self.finished[:n]

        return await asyncio.wait_for(done(), timeout)


class _Messages:
    """Adapts a websockets connection: iteration ends quietly on any close, clean or abrupt."""

    def __init__(self, connection: ServerConnection) -> None:
        self._c = connection

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
            log.info("connection closed abruptly: %s", exc)


def _token_ok(request: Request, query: str, token: str) -> bool:
    given = parse_qs(query).get("token", [None])[0]
    auth = request.headers.get("Authorization", "")
    if not given and auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not given:
        given = request.headers.get("X-Carecall-Token")
    return given is not None and hmac.compare_digest(given.encode(), token.encode())
