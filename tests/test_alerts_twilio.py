"""SMS alerts, escalation to the next on-call contact, and handing a live call to a person,
against a fake Twilio REST API (the real `twilio` library, no network)."""

from __future__ import annotations

import json
import logging
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytest.importorskip("twilio")

from twilio.http import HttpClient  # noqa: E402
from twilio.http.response import Response  # noqa: E402
from twilio.rest import Client  # noqa: E402

from alerts import AlertSink  # noqa: E402
from alerts.handoff import HandOff  # noqa: E402
from alerts.outbox import Outbox  # noqa: E402
from alerts.sms import SmsChannel, sms_text  # noqa: E402
from assembly.alert_settings import build_alert_sink, enable_handoff  # noqa: E402
from assembly.config import load_settings  # noqa: E402
from tests.alert_kit import wait_until  # noqa: E402

ACCOUNT, TOKEN = "AC" + "0" * 32, "secret-auth-token"
FROM = "+14155552671"
ON_CALL = ["+821012345678", "+821087654321", "+14155550123"]
CALL = "CA" + "b" * 32
FAST = {"base_s": 0.02, "cap_s": 0.1, "poll_s": 0.05}


class FakeTwilioApi(HttpClient):
    """Answers Messages.json and Calls/<sid>.json like Twilio; remembers what was sent."""

    def __init__(self, fail: int = 0) -> None:
        super().__init__(logging.getLogger("fake-twilio"), False)
        self.requests: list[dict] = []
        self.fail = fail  # refuse this many requests first

    def request(self, method, uri, params=None, data=None, headers=None, auth=None, **kw):
        self.requests.append({"method": method, "uri": uri, "data": data, "auth": auth})
        if self.fail > 0:
            self.fail -= 1
            message = "Unreachable destination handset +82 10-1234-5678"
            body = {"code": 30003, "message": message, "status": 400}
            return Response(400, json.dumps(body))
        if uri.endswith("/Messages.json"):
            n = len(self.requests)
            return Response(201, json.dumps({"sid": f"SM{n:032d}", "status": "queued"}))
        sid = uri.rsplit("/", 1)[-1].removesuffix(".json")
        return Response(200, json.dumps({"sid": sid, "status": "in-progress"}))

    def messages(self) -> list[dict]:
        return [r["data"] for r in self.requests if r["uri"].endswith("/Messages.json")]


def client(api: FakeTwilioApi) -> Client:
    return Client(ACCOUNT, TOKEN, http_client=api)


def test_sms_names_nobody_and_goes_to_the_first_contact(tmp_path: Path, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    api = FakeTwilioApi()
    sink = AlertSink(
        tmp_path / "alerts.sqlite",
        sms=SmsChannel(client(api), FROM),
        sms_to=ON_CALL,
        ack_s=3600,
        dispatcher_options=FAST,
    )
    assert sink.configured and sink.channels == ["sms:0"]
    sink.start()
    try:
        alert = sink.raise_alert(CALL, "r42", "chest_pain", "critical", "Ann Lee: my chest hurts")
        assert wait_until(lambda: sink.outbox.pending() == 0)
    finally:
        sink.close()
    [sent] = api.messages()
    assert (sent["To"], sent["From"]) == (ON_CALL[0], FROM)
    text = sent["Body"]
    for part in ("r42", "chest_pain", "critical", CALL, "UTC"):
        assert part in text
    assert "Ann" not in text and "chest hurts" not in text  # no name, no words of the person
    assert text == sms_text(alert)
    logged = caplog.text
    assert ON_CALL[0] not in logged and "Ann" not in logged and "chest hurts" not in logged


def test_a_refused_sms_is_retried(tmp_path: Path, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    api = FakeTwilioApi(fail=2)
    sink = AlertSink(
        tmp_path / "alerts.sqlite",
        sms=SmsChannel(client(api), FROM),
        sms_to=ON_CALL[:1],
        dispatcher_options=FAST,
    )
    sink.start()
    try:
        alert = sink.raise_alert(CALL, "r1", "fall", "high", "")
        assert wait_until(lambda: sink.outbox.pending() == 0)
        assert sink.outbox.deliveries(alert.id) == {"sms:0": ("delivered", 3, None)}
    finally:
        sink.close()
    assert len(api.messages()) == 3
    assert "Unreachable destination handset <number>" in caplog.text
    assert "1234" not in caplog.text  # Twilio's message quoted the number: not logged


def test_unacknowledged_alerts_escalate_to_the_next_contact_in_order(tmp_path: Path) -> None:
    api = FakeTwilioApi()
    sink = AlertSink(
        tmp_path / "alerts.sqlite",
        sms=SmsChannel(client(api), FROM),
        sms_to=ON_CALL,
        ack_s=0.05,  # a tiny acknowledgement timeout
        dispatcher_options=FAST,
    )
    sink.start()
    try:
        alert = sink.raise_alert(CALL, "r1", "fall", "critical", "")
        assert wait_until(lambda: len(api.messages()) == 3 and sink.outbox.pending() == 0)
    finally:
        sink.close()
    assert [m["To"] for m in api.messages()] == ON_CALL  # each contact once, in order
    assert "escalated" in api.messages()[1]["Body"]
    states = Outbox(tmp_path / "alerts.sqlite").deliveries(alert.id)
    assert {k: v[0] for k, v in states.items()} == {f"sms:{i}": "delivered" for i in range(3)}


def test_escalation_stops_at_an_acknowledgement(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "alerts.sqlite")
    sink = AlertSink(tmp_path / "alerts.sqlite")
    a = sink.raise_alert(CALL, "r1", "fall", "critical", "")
    b = sink.raise_alert(CALL, "r2", "fall", "critical", "")
    t0 = max(a.detected_at, b.detected_at)
    assert outbox.escalate_due(t0, ack_s=60, contacts=3) == []  # not yet
    assert outbox.acknowledge(b.id, by="nurse.kim", via="dashboard")
    assert outbox.escalate_due(t0 + 61, ack_s=60, contacts=3) == [f"{a.id}/sms:1"]
    assert outbox.escalate_due(t0 + 62, ack_s=60, contacts=3) == []  # level 1 had 60 s yet
    assert outbox.escalate_due(t0 + 121, ack_s=60, contacts=3) == [f"{a.id}/sms:2"]
    assert outbox.escalate_due(t0 + 999, ack_s=60, contacts=3) == []  # no contact left
    assert not outbox.acknowledge("no-such-alert", by="x", via="dashboard")


def test_hand_off_dials_the_on_call_contact_into_the_live_call(tmp_path: Path) -> None:
    api = FakeTwilioApi()
    sink = AlertSink(tmp_path / "alerts.sqlite")
    assert sink.hand_off(CALL) is False  # not configured
    sink.handoff = HandOff(client(api), "oncall", ON_CALL[0], "en")
    assert sink.hand_off(CALL) is True
    [req] = api.requests
    assert req["method"] == "POST" and req["uri"].endswith(f"/Accounts/{ACCOUNT}/Calls/{CALL}.json")
    root = ET.fromstring(req["data"]["Twiml"])
    assert root.tag == "Response"
    assert "care worker" in root.find("Say").text
    assert root.find("Dial").text == ON_CALL[0]


@pytest.mark.parametrize("language, number", [("ko", "119"), ("en", "911")])
def test_hand_off_to_the_emergency_number_from_settings(tmp_path, language, number) -> None:
    api = FakeTwilioApi()
    settings = load_settings(
        None, language=language, output_dir=tmp_path, alert_handoff="emergency"
    )
    sink = build_alert_sink(settings)
    enable_handoff(sink, settings, client(api))
    assert sink.hand_off(CALL)
    root = ET.fromstring(api.requests[0]["data"]["Twiml"])
    assert root.find("Dial").text == number
    assert root.find("Say").get("language") == {"ko": "ko-KR", "en": "en-US"}[language]


def test_a_refused_hand_off_is_false(tmp_path: Path) -> None:
    api = FakeTwilioApi(fail=1)
    settings = load_settings(
        None,
        output_dir=tmp_path,
        alert_handoff="oncall",
        alert_sms_to=ON_CALL[:1],
        alert_sms_from=FROM,
    )
    sink = build_alert_sink(settings, twilio_client=client(api))
    enable_handoff(sink, settings, client(api))
    assert sink.hand_off(CALL) is False
    none = build_alert_sink(load_settings(None, output_dir=tmp_path))
    enable_handoff(none, load_settings(None, output_dir=tmp_path), client(api))
    assert none.hand_off(CALL) is False and none.handoff is None
