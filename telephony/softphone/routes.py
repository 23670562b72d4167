"""`/phone` on the call server: the page, its static files and its event socket.

Answered from the websockets server's handshake hook (`CallServer.add_route`): a plain GET gets
a complete response (the connection then closes), an upgrade to `/phone/events` a websocket.
Nothing in a request is used as a path: a static file is looked up by its exact name in a fixed
table of package files, and anything else under `/phone` is 404.
"""

from __future__ import annotations

import asyncio
import email.utils
import html
import json
import logging
from functools import cache
from http import HTTPStatus
from importlib import resources
from urllib.parse import parse_qs, urlsplit

from websockets.datastructures import Headers
from websockets.http11 import Request, Response

from telephony.auth import Gate, shared_token_ok
from telephony.softphone.events import Watchers

log = logging.getLogger("carecall.softphone")

PHONE_PATH = "/phone"
EVENTS_PATH = PHONE_PATH + "/events"
STATIC_PATH = PHONE_PATH + "/static/"
TOKEN_SLOT = "{{token}}"

ASSETS = {
    "phone.js": "text/javascript; charset=utf-8",
    "line.js": "text/javascript; charset=utf-8",
    "capture.js": "text/javascript; charset=utf-8",
    "player.js": "text/javascript; charset=utf-8",
    "view.js": "text/javascript; charset=utf-8",
    "phone.css": "text/css; charset=utf-8",
    "icon.svg": "image/svg+xml",
}

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; media-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
    ("Permissions-Policy", "microphone=(self), camera=(), geolocation=()"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)
ATTACH_TIMEOUT_S = 30.0  # an event socket that no call names within this is closed
MAX_PAGE_MESSAGES = 100  # the page has nothing to say on its event socket


class PhoneRoute:
    """A `telephony.server.Route` for everything under `/phone`."""

    def __init__(self, gate: Gate, watchers: Watchers, *, max_call_s: float = 1800.0) -> None:
        self.gate = gate
        self.watchers = watchers
        self.max_call_s = max_call_s
        self.refused = 0

    # -- HTTP --------------------------------------------------------------------------------

    def request(self, connection, request: Request) -> Response | None:
        url = urlsplit(request.path)
        path = url.path
        if path.startswith(STATIC_PATH):
            name = path.removeprefix(STATIC_PATH)
            if name not in ASSETS:
                return _plain(HTTPStatus.NOT_FOUND, "no such file")
            return _response(HTTPStatus.OK, ASSETS[name], _asset(name), cache="no-cache")
        if path not in (PHONE_PATH, PHONE_PATH + "/", EVENTS_PATH):
            return _plain(HTTPStatus.NOT_FOUND, "no such page")
        if problem := self._refusal(request.headers, url.query):
            self.refused += 1
            log.warning("softphone: refused %s: %s", path, problem[1])
            return _plain(*problem)
        if path == EVENTS_PATH:
            if request.headers.get("Upgrade", "").lower() != "websocket":
                return _plain(HTTPStatus.UPGRADE_REQUIRED, "this is a websocket endpoint")
            if self.watchers.full():
                return _plain(HTTPStatus.SERVICE_UNAVAILABLE, "too many softphones")
            return None  # accept: `connected` runs it
        page = _asset("phone.html").decode().replace(TOKEN_SLOT, html.escape(self.gate.token))
        return _response(HTTPStatus.OK, "text/html; charset=utf-8", page.encode())

    def _refusal(self, headers, query: str) -> tuple[HTTPStatus, str] | None:
        """Why the softphone is not for this request (None: it is)."""
        if not self.gate.token:
            return (
                HTTPStatus.FORBIDDEN,
                "the softphone needs the server's shared token: start carecall serve with "
                "--token T (or CARECALL_TOKEN) and open /phone?token=T",
            )
        if self.gate.twilio_auth_token:
            return (
                HTTPStatus.FORBIDDEN,
                "this server accepts only calls signed by Twilio (CARECALL_TWILIO_AUTH_TOKEN): "
                "a browser cannot sign its call, so there is no softphone here",
            )
        given = parse_qs(query).get("token") or headers.get("X-Carecall-Token")
        if not given and not headers.get("Authorization"):
            return HTTPStatus.UNAUTHORIZED, "missing token: open /phone?token=T"
        if not shared_token_ok(headers, query, self.gate.token):
            return HTTPStatus.FORBIDDEN, "wrong token"
        return None

    # -- the event socket --------------------------------------------------------------------

    async def connected(self, connection) -> None:
        key, queue = self.watchers.open()
        listener = asyncio.ensure_future(_ignore_page(connection))
        try:
            await connection.send(json.dumps({"event": "watch", "key": key}))
            attached = False
            loop = asyncio.get_running_loop()
            deadline = loop.time() + ATTACH_TIMEOUT_S
            while not listener.done():
                get = asyncio.ensure_future(queue.get())
                done, _ = await asyncio.wait(
                    {get, listener},
                    timeout=max(0.0, deadline - loop.time()),
                    return_when=asyncio.FIRST_COMPLETED,
                )
                if get not in done:
                    get.cancel()
                    if not listener.done():  # no call named this socket in time / too long
                        await connection.close(1000, "no call" if not attached else "too long")
                    break
                message = get.result()
                if message.get("event") == "call" and not attached:
                    attached = True
                    deadline = loop.time() + self.max_call_s + 60.0
                await connection.send(json.dumps(message, ensure_ascii=False))
                if message.get("event") in ("ended", "refused"):
                    await connection.close(1000, "call " + message["event"])
                    break
        except Exception as exc:  # the page went away mid-send
            log.info("softphone events: %s", exc)
        finally:
            self.watchers.close(key)
            listener.cancel()


async def _ignore_page(connection) -> None:
    """Reads (and drops) what the page sends, so a close is noticed; a chatty page is closed."""
    from websockets.exceptions import ConnectionClosed

    count = 0
    try:
        async for _ in connection:
            count += 1
            if count > MAX_PAGE_MESSAGES:
                await connection.close(1008, "the event socket takes no messages")
                return
    except ConnectionClosed:
        pass


@cache
def _asset(name: str) -> bytes:
    return resources.files(__package__).joinpath("static", name).read_bytes()


def _response(status: HTTPStatus, content_type: str, body: bytes, cache: str = "no-store"):
    headers = Headers(
        [
            ("Date", email.utils.formatdate(usegmt=True)),
            ("Connection", "close"),
            ("Content-Length", str(len(body))),
            ("Content-Type", content_type),
            ("Cache-Control", cache),
            *SECURITY_HEADERS,
        ]
    )
    return Response(status.value, status.phrase, headers, body)


def _plain(status: HTTPStatus, text: str) -> Response:
    return _response(status, "text/plain; charset=utf-8", (text + "\n").encode())
