"""The Twilio dialer against a fake Twilio REST API (the real `twilio` library, no network)."""

from __future__ import annotations

import asyncio
import json
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from urllib.parse import urlencode

import pytest

pytest.importorskip("twilio")

from twilio.http import HttpClient  # noqa: E402
from twilio.http.response import Response  # noqa: E402
from twilio.request_validator import RequestValidator  # noqa: E402
from twilio.rest import Client  # noqa: E402

from campaign import DialRequest, Outcome, Recipient  # noqa: E402
from campaign.twilio_dialer import (  # noqa: E402
    StatusCallbacks,
    TwilioDialer,
    map_status,
    serve_callbacks,
)
from telephony.auth import CallTokens  # noqa: E402

ACCOUNT, TOKEN = "AC" + "0" * 32, "secret-auth-token"
SECRET = "call-secret-of-this-test-0123456789"
PUBLIC = "https://care.example.org"


class FakeTwilioApi(HttpClient):
    """Answers `POST …/Calls.json` like Twilio does and remembers what was sent."""

    def __init__(self, fail: bool = False, status: str = "busy", duration: str = "0") -> None:
        import logging

        super().__init__(logging.getLogger("fake-twilio"), False)
        self.requests: list[dict] = []
        self.fail = fail
        self.status, self.duration = status, duration
        self.n = 0

    def request(
        self,
        method,
        uri,
        params=None,
        data=None,
        headers=None,
        auth=None,
        timeout=None,
        allow_redirects=False,
    ):
        self.requests.append({"method": method, "uri": uri, "data": data, "auth": auth})
        if self.fail:
            body = {
                "code": 21211,
                "message": "The 'To' number is not a valid phone number.",
                "status": 400,
            }
            return Response(400, json.dumps(body))
        if method == "GET":  # status fetch
            sid = uri.rsplit("/", 1)[-1].removesuffix(".json")
            body = {"sid": sid, "status": self.status, "duration": self.duration}
            return Response(200, json.dumps(body))
        self.n += 1
        sid = f"CA{self.n:032d}"
        return Response(201, json.dumps({"sid": sid, "status": "queued", "to": data["To"]}))


def request(rid: str = "r1") -> DialRequest:
    return DialRequest("camp", Recipient(rid, "Kim", "+821012345678"), "daily_checkin_en", 1)


def post(url: str, params: dict, signature: str | None) -> int:
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if signature is not None:
        headers["X-Twilio-Signature"] = signature
    req = urllib.request.Request(url, urlencode(params).encode(), headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_status_mapping() -> None:
    assert map_status("completed") is Outcome.ANSWERED
    assert map_status("completed", answered_seen=False) is Outcome.NO_ANSWER
    assert map_status("busy") is Outcome.BUSY
    assert map_status("no-answer") is Outcome.NO_ANSWER
    assert map_status("failed") is Outcome.FAILED
    assert map_status("canceled") is Outcome.FAILED
    for live in ("queued", "initiated", "ringing", "in-progress"):
        assert map_status(live) is None


def test_a_noted_call_is_resumed_after_a_restart() -> None:
    noted: list[str] = []
    api = FakeTwilioApi()
    dialer = TwilioDialer(
        Client(ACCOUNT, TOKEN, http_client=api),
        StatusCallbacks(TOKEN, PUBLIC),
        from_number="+15005550006",
        stream_url="wss://x/media",
        ring_timeout_s=0,
        max_call_s=0.1,
    )
    req = DialRequest("camp", Recipient("r1", "Kim", "+821012345678"), "s", 1, placed=noted.append)
    asyncio.run(dialer.dial(req))
    assert noted == ["CA" + "1".rjust(32, "0")]  # the id is handed over before the call ends
    assert asyncio.run(dialer.resume(req)) is None  # no id noted: nothing to look up
    for status, duration, expected in [
        ("completed", "61", Outcome.ANSWERED),
        ("completed", "0", Outcome.NO_ANSWER),
        ("no-answer", "0", Outcome.NO_ANSWER),
    ]:
        api.status, api.duration = status, duration
        again = DialRequest("camp", req.recipient, "s", 1, call_sid=noted[0])
        result = asyncio.run(dialer.resume(again))
        assert (result.outcome, result.call_sid) == (expected, noted[0])


@pytest.mark.parametrize(
    "statuses, expected",
    [
        (["initiated", "ringing", "in-progress", "completed"], Outcome.ANSWERED),
        (["initiated", "ringing", "no-answer"], Outcome.NO_ANSWER),
        (["initiated", "busy"], Outcome.BUSY),
        (["failed"], Outcome.FAILED),
    ],
)
def test_dial_creates_a_streamed_call_and_follows_signed_callbacks(statuses, expected) -> None:
    api = FakeTwilioApi()
    callbacks = StatusCallbacks(TOKEN, PUBLIC)
    server, stop = serve_callbacks(callbacks, "127.0.0.1", 0)
    local = f"http://127.0.0.1:{server.server_address[1]}/twilio/status"
    validator = RequestValidator(TOKEN)
    dialer = TwilioDialer(
        Client(ACCOUNT, TOKEN, http_client=api),
        callbacks,
        from_number="+15005550006",
        stream_url="wss://care.example.org/media",
        tokens=CallTokens(SECRET),
    )

    async def scenario():
        task = asyncio.create_task(dialer.dial(request()))
        while not api.requests:
            await asyncio.sleep(0.01)
        sid = "CA" + "1".rjust(32, "0")
        for status in statuses:
            params = {
                "CallSid": sid,
                "AccountSid": ACCOUNT,
                "CallStatus": status,
                "CallDuration": "42" if status == "completed" else "",
            }
            forged = await asyncio.to_thread(post, local, params, "bm90IGEgc2lnbmF0dXJl")
            assert forged == 403  # a forged callback changes nothing
            assert not task.done()
            signature = validator.compute_signature(callbacks.url, params)
            assert await asyncio.to_thread(post, local, params, signature) == 204
        return await asyncio.wait_for(task, 10)

    try:
        result = asyncio.run(scenario())
    finally:
        stop()
    assert result.outcome is expected
    assert result.call_sid == "CA" + "1".rjust(32, "0")
    [sent] = api.requests
    assert sent["method"] == "POST"
    assert sent["uri"].endswith(f"/Accounts/{ACCOUNT}/Calls.json")
    assert sent["auth"] == (ACCOUNT, TOKEN)
    data = sent["data"]
    assert (data["To"], data["From"]) == ("+821012345678", "+15005550006")
    assert data["StatusCallback"] == "https://care.example.org/twilio/status"
    assert data["StatusCallbackMethod"] == "POST"
    root = ET.fromstring(data["Twiml"])
    stream = root.find("./Connect/Stream")
    assert stream is not None and stream.get("url") == "wss://care.example.org/media"
    params = {p.get("name"): p.get("value") for p in stream.findall("Parameter")}
    token = params.pop("token")
    # Twilio gets the recipient's id only: the name stays in this process, for the server.
    assert params == {
        "recipient": "r1",
        "scenario": "daily_checkin_en",
        "campaign": "camp",
        "attempt": "camp:r1:1",
    }
    assert "Kim" not in data["Twiml"] and dialer.names == {"r1": "Kim"}
    # ... and a per-call token the call server checks before any audio: this call's only.
    claims = CallTokens(SECRET).verify(token)
    assert (claims.recipient, claims.scenario) == ("r1", "daily_checkin_en")
    assert callbacks.refused == len(statuses)


def test_unsigned_callback_is_refused() -> None:
    callbacks = StatusCallbacks(TOKEN, PUBLIC)
    assert callbacks.handle("/twilio/status", {"CallSid": "CA1", "CallStatus": "busy"}, None) == 403
    assert callbacks.handle("/elsewhere", {}, "x") == 404


def test_a_refused_call_is_a_failed_attempt() -> None:
    api = FakeTwilioApi(fail=True)
    dialer = TwilioDialer(
        Client(ACCOUNT, TOKEN, http_client=api),
        StatusCallbacks(TOKEN, PUBLIC),
        from_number="+15005550006",
        stream_url="wss://x/media",
    )
    result = asyncio.run(dialer.dial(request()))
    assert result.outcome is Outcome.FAILED
    assert "not a valid phone number" in result.detail


def test_missing_callback_falls_back_to_fetching_the_status() -> None:
    api = FakeTwilioApi()
    dialer = TwilioDialer(
        Client(ACCOUNT, TOKEN, http_client=api),
        StatusCallbacks(TOKEN, PUBLIC),
        from_number="+15005550006",
        stream_url="wss://x/media",
        ring_timeout_s=0,
        max_call_s=0.2,
    )
    result = asyncio.run(dialer.dial(request()))
    assert result.outcome is Outcome.BUSY
    assert [r["method"] for r in api.requests] == ["POST", "GET"]
