"""Twilio end to end against the fake Twilio API: the voice webhook (/twiml) for a number
pointed straight at carecall, recorded status callbacks, and Celery workers that dial through
Twilio as the runner does."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlencode

import pytest

pytest.importorskip("twilio")

from twilio.request_validator import RequestValidator  # noqa: E402
from twilio.rest import Client  # noqa: E402

from campaign import Campaign, DialRequest, Outcome, Policy, Recipient  # noqa: E402
from campaign.celery_dialer import request_to_dict, result_from_dict  # noqa: E402
from campaign.store import open_store  # noqa: E402
from campaign.twilio_dialer import StatusCallbacks  # noqa: E402
from carecall.twiml import TwilioWebhooks, serve_webhooks, status_recorder  # noqa: E402
from telephony.auth import CallTokens  # noqa: E402
from tests.test_campaign_twilio import ACCOUNT, PUBLIC, SECRET, TOKEN, FakeTwilioApi  # noqa: E402

SID = "CA" + "1".rjust(32, "0")


def send(url: str, params: dict | None, signature: str | None) -> tuple[int, str]:
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if signature is not None:
        headers["X-Twilio-Signature"] = signature
    data = urlencode(params).encode() if params is not None else None
    req = urllib.request.Request(url, data, headers, method="POST" if data else "GET")
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def stream_of(twiml: str) -> tuple[str, dict[str, str]]:
    stream = ET.fromstring(twiml).find("./Connect/Stream")
    assert stream is not None
    return stream.get("url"), {p.get("name"): p.get("value") for p in stream.findall("Parameter")}


def test_an_incoming_call_is_answered_with_a_signed_stream(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.sqlite")
    kim = Recipient("r7", "Kim", "+821011112222", attributes={"guardian": "son Jun"})
    store.create(Campaign("c", "c", "daily_checkin_en", Policy(), 1.0), [kim])
    webhooks = TwilioWebhooks(
        TOKEN,
        PUBLIC,
        stream_url="wss://care.example.org/media",
        tokens=CallTokens(SECRET),
        scenario="daily_checkin_en",
        callers=store.recipient_by_phone,
    )
    server, stop = serve_webhooks(webhooks, "127.0.0.1", 0)
    local = f"http://127.0.0.1:{server.server_address[1]}"
    validator = RequestValidator(TOKEN)
    call = {"CallSid": SID, "AccountSid": ACCOUNT, "From": "+821011112222", "To": "+15005550006"}
    try:
        signature = validator.compute_signature(PUBLIC + "/twiml", call)
        assert send(local + "/twiml", call, "bm90IHNpZ25lZA==") == (403, "not signed by Twilio\n")
        assert send(local + "/twiml", call, None)[0] == 403
        assert send(local + "/twiml", {**call, "From": "+19999999999"}, signature)[0] == 403
        code, twiml = send(local + "/twiml", call, signature)
        assert code == 200
        url, params = stream_of(twiml)
        assert url == "wss://care.example.org/media"
        token = params.pop("token")
        assert params == {"recipient": "r7", "direction": "inbound", "scenario": "daily_checkin_en"}
        claims = CallTokens(SECRET).verify(token)
        assert (claims.recipient, claims.scenario) == ("r7", "daily_checkin_en")
        for private in ("Kim", "+821011112222", "son Jun"):
            assert private not in twiml
        # GET (the number's webhook set to HTTP GET): Twilio signs the whole URL
        query = "/twiml?" + urlencode({**call, "From": "+821099999999"})
        signed = validator.compute_signature(PUBLIC + query, {})
        code, twiml = send(local + query, None, signed)
        assert code == 200 and stream_of(twiml)[1]["recipient"] == "unknown"  # not a recipient
        assert send(local + "/elsewhere", call, signature)[0] == 404
        assert webhooks.refused == 3
    finally:
        stop()
        store.close()


def test_status_callbacks_are_recorded_in_the_calls_folder(tmp_path: Path) -> None:
    calls = tmp_path / "calls"
    callbacks = StatusCallbacks(TOKEN, PUBLIC, status_recorder(calls))
    webhooks = TwilioWebhooks(TOKEN, PUBLIC, stream_url="wss://x/media", tokens=None)
    webhooks.callbacks = callbacks
    server, stop = serve_webhooks(webhooks, "127.0.0.1", 0)
    local = f"http://127.0.0.1:{server.server_address[1]}/twilio/status"
    validator = RequestValidator(TOKEN)
    try:
        for status in ("ringing", "in-progress", "completed"):
            params = {"CallSid": SID, "CallStatus": status, "To": "+821011112222"}
            params["CallDuration"] = "42" if status == "completed" else ""
            signature = validator.compute_signature(callbacks.url, params)
            assert send(local, params, signature)[0] == 204
        evil = {"CallSid": "../../etc", "CallStatus": "completed"}
        assert send(local, evil, validator.compute_signature(callbacks.url, evil))[0] == 204
        forged = {"CallSid": SID, "CallStatus": "busy"}
        assert send(local, forged, "bm90IHNpZ25lZA==")[0] == 403
    finally:
        stop()
    lines = (calls / SID / "twilio-status.jsonl").read_text().splitlines()
    recorded = [json.loads(line) for line in lines]
    assert [r["CallStatus"] for r in recorded] == ["ringing", "in-progress", "completed"]
    assert recorded[-1]["CallDuration"] == "42"
    assert "+821011112222" not in "".join(lines)  # statuses and times, no numbers
    assert [p.name for p in calls.iterdir()] == [SID]  # nothing written for a forged id
    assert callbacks.history(SID) == ["ringing", "in-progress", "completed", "busy"][:3]


def test_a_celery_worker_dials_through_twilio(tmp_path: Path, monkeypatch) -> None:
    """The worker's Twilio dialer is the runner's own (`build_twilio_dialer`: call server,
    pipeline, webhooks), against the fake Twilio API; the call's status comes back as the
    task's result."""
    import argparse

    from carecall.campaign_commands import resolve_scenario
    from carecall.campaign_worker import WorkerCalls, twilio_builder

    monkeypatch.setenv("TWILIO_ACCOUNT_SID", ACCOUNT)
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("CARECALL_CALL_SECRET", SECRET)
    args = argparse.Namespace(
        twilio_from="+15005550006",
        public_url=PUBLIC,
        host="127.0.0.1",
        port=0,
        callback_port=0,
        output_dir=tmp_path / "out",
        config=None,
        scenario=[],
        speed=1.0,
    )
    api = FakeTwilioApi()
    calls = WorkerCalls(
        args.output_dir, 1.0, "w1", twilio_builder(args, Client(ACCOUNT, TOKEN, http_client=api))
    )
    scenario = resolve_scenario("quick_checkin_en")
    who = Recipient("r1", "Kim", "+821011112222", attributes={"guardian": "son Jun"})
    payload = request_to_dict(DialRequest("camp", who, scenario, 1))
    out: dict = {}
    worker = threading.Thread(target=lambda: out.update(calls.dial(payload)))
    worker.start()
    try:
        while not api.requests:
            assert worker.is_alive(), out
            worker.join(0.05)
        dialer = calls._dialers[""].result()
        validator = RequestValidator(TOKEN)
        for status in ("initiated", "ringing", "in-progress", "completed"):
            params = {"CallSid": SID, "CallStatus": status, "CallDuration": "30"}
            signature = validator.compute_signature(dialer.callbacks.url, params)
            assert dialer.callbacks.handle("/twilio/status", params, signature) == 204
        worker.join(30)
    finally:
        calls.close()
    result = result_from_dict(out)
    assert (result.outcome, result.call_sid) == (Outcome.ANSWERED, SID)
    assert result.detail.startswith("worker w1: twilio: completed (initiated > ringing")
    assert result.report_dir == str((args.output_dir / "calls" / SID).resolve())
    [sent] = api.requests
    assert sent["data"]["To"] == "+821011112222"
    url, params = stream_of(sent["data"]["Twiml"])
    assert url == "wss://care.example.org/media"
    assert params["recipient"] == "r1" and params["scenario"] == "quick_checkin_en"
    assert "Kim" not in sent["data"]["Twiml"] and "son Jun" not in sent["data"]["Twiml"]
    assert dialer.pipeline.names == {"r1": "Kim"}
    assert dialer.pipeline.attributes == {"r1": {"guardian": "son Jun"}}
