"""Only Twilio gets in when a Twilio auth token is configured: the websocket handshake must
carry `X-Twilio-Signature`, computed here by the official `twilio` library itself."""

from __future__ import annotations

import asyncio

import pytest
from line_kit import start_server
from twilio.request_validator import RequestValidator
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from telephony.protocol import PhoneProtocol

AUTH = "twilio-account-auth-token"
pytestmark = pytest.mark.integration


async def attempt(url: str, signature: str | None) -> int | None:
    """Open the line and hang up at once; the refusal status, or None when let in."""
    headers = {"X-Twilio-Signature": signature} if signature is not None else {}
    try:
        async with connect(url, additional_headers=headers) as ws:
            proto = PhoneProtocol()
            await ws.send(proto.connected())
            await ws.send(proto.start())
            await ws.send(proto.stop())
            await ws.wait_closed()
        return None
    except InvalidStatus as exc:
        return exc.response.status_code


def run(tmp_path, cases, **options):
    async def scenario():
        server, factory = await start_server(tmp_path, twilio_auth_token=AUTH, **options)
        base = f"ws://127.0.0.1:{server.port}/media"
        results = [await attempt(*case(base, server.port)) for case in cases]
        await server.stop()
        return results, len(factory.agents)

    return asyncio.run(scenario())


def sign(url: str, params: dict | None = None, token: str = AUTH) -> str:
    return RequestValidator(token).compute_signature(url, params or {})


def test_a_signed_handshake_is_let_in_and_anything_else_is_refused_before_audio(tmp_path):
    def wss(port: int, query: str = "") -> str:
        return f"wss://127.0.0.1:{port}/media{query}"

    cases = [
        # signed by Twilio for the URL it dialled (query inside the signed URL) ...
        lambda base, port: (base + "?recipient=r1", sign(wss(port, "?recipient=r1"))),
        # ... or with the query as signed parameters, as Twilio's agent toolkit checks them
        lambda base, port: (base + "?recipient=r1", sign(wss(port), {"recipient": "r1"})),
        # no signature, a tampered one, another account's, another URL's
        lambda base, port: (base, None),
        lambda base, port: (base, sign(wss(port))[:-2] + "xx"),
        lambda base, port: (base, sign(wss(port), token="someone-else")),
        lambda base, port: (base + "?recipient=r2", sign(wss(port, "?recipient=r1"))),
    ]
    results, agents = run(tmp_path, cases)
    assert results == [None, None, 403, 403, 403, 403]
    assert agents == 2  # only the two signed calls reached a session


def test_behind_a_proxy_the_public_url_is_what_twilio_signed(tmp_path):
    public = "wss://calls.example.org"
    cases = [
        lambda base, port: (base, sign(public + "/media")),
        lambda base, port: (base, sign(f"wss://127.0.0.1:{port}/media")),
    ]
    results, agents = run(tmp_path, cases, public_url=public)
    assert results == [None, 403] and agents == 1
