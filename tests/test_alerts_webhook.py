"""The signed webhook against a real HTTP receiver on 127.0.0.1: signatures, retries until
delivered (exactly once per idempotency key), acknowledgement by the reply, and recovery by a
new dispatcher or a new process on the same outbox."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from alerts import AlertSink
from alerts.dispatcher import backoff_s
from alerts.outbox import Outbox
from alerts.webhook import WebhookChannel, sign, verify_signature
from tests.alert_kit import SECRET, Receiver, free_port, wait_until

FAST = {"base_s": 0.02, "cap_s": 0.1, "poll_s": 0.05}
ROOT = Path(__file__).resolve().parent.parent


def sink_for(path: Path, url: str, secret: str = SECRET) -> AlertSink:
    return AlertSink(
        path, webhook=WebhookChannel(url, secret, timeout_s=5), dispatcher_options=FAST
    )


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.stop()


def test_signature_round_trip_and_refusals() -> None:
    body = b'{"alert_id":"x"}'
    header = sign(SECRET, body)
    assert verify_signature(SECRET, header, body)
    assert verify_signature(SECRET, header, body.decode())  # str bodies are encoded as UTF-8
    assert not verify_signature("another-secret-0123456789", header, body)
    assert not verify_signature(SECRET, header, body + b" ")  # tampered
    assert not verify_signature(SECRET, None, body) and not verify_signature(SECRET, "", body)
    assert not verify_signature(SECRET, "t=abc,v1=00", body)
    assert not verify_signature(SECRET, "v1=" + header.split("v1=")[1], body)  # no time
    old = sign(SECRET, body, t=1_000_000)
    assert not verify_signature(SECRET, old, body)  # a replay from long ago
    assert verify_signature(SECRET, old, body, now=1_000_100)
    assert not verify_signature(SECRET, old, body, tolerance_s=60, now=1_000_100)
    t, mac = header.split(",")
    assert verify_signature(SECRET, f"{t},v1={'0' * 64},{mac}", body)  # one of several v1


def test_an_alert_arrives_signed_with_its_idempotency_key(tmp_path: Path, receiver) -> None:
    sink = sink_for(tmp_path / "alerts.sqlite", receiver.url)
    assert sink.configured and sink.channels == ["webhook"]
    sink.start()
    try:
        alert = sink.raise_alert(
            "CA" + "a" * 32, "r7", "fall", "critical", "I fell, I can't get up"
        )
        assert alert is not None
        assert wait_until(lambda: alert.id in receiver.keys())
    finally:
        sink.close()
    [body] = receiver.received[alert.id]
    assert body == {
        "alert_id": alert.id,
        "call_sid": "CA" + "a" * 32,
        "recipient_id": "r7",
        "category": "fall",
        "severity": "critical",
        "evidence": "I fell, I can't get up",
        "detected_at": alert.detected_iso,
    }
    headers = receiver.headers[0]
    assert headers["Content-Type"].startswith("application/json")
    assert headers["X-Carecall-Signature"].startswith("t=")
    outbox = Outbox(tmp_path / "alerts.sqlite")
    assert outbox.deliveries(alert.id) == {"webhook": ("delivered", 1, None)}
    assert outbox.get(alert.id).acked_at is None  # a plain 2xx delivers, does not acknowledge


def test_receiver_down_then_up_gets_each_alert_exactly_once(tmp_path: Path) -> None:
    port = free_port()
    sink = sink_for(tmp_path / "alerts.sqlite", f"http://127.0.0.1:{port}/hook")
    sink.start()
    try:
        alerts = [sink.raise_alert(f"CA{i}", f"r{i}", "chest_pain", "high", "") for i in range(5)]
        outbox = sink.outbox

        def retried() -> bool:
            return all(outbox.deliveries(a.id)["webhook"][1] >= 2 for a in alerts)

        assert wait_until(retried)  # refused connections, retried, still pending
        state, attempts, error = outbox.deliveries(alerts[0].id)["webhook"]
        assert state == "pending" and error  # e.g. ConnectionRefusedError
        receiver = Receiver(port=port)
        try:
            assert wait_until(lambda: receiver.keys() == {a.id for a in alerts})
            assert wait_until(lambda: outbox.pending() == 0)
        finally:
            sink.close()
            receiver.stop()
    finally:
        sink.close()
    assert {k: len(v) for k, v in receiver.received.items()} == {a.id: 1 for a in alerts}


def test_a_refusing_receiver_is_retried_not_dropped(tmp_path: Path, receiver) -> None:
    sink = sink_for(tmp_path / "alerts.sqlite", receiver.url, secret="the-wrong-secret-0123456")
    sink.start()
    try:
        alert = sink.raise_alert("CA1", "r1", "fall", "high", "")
        assert wait_until(lambda: sink.outbox.deliveries(alert.id)["webhook"][1] >= 3)
        assert sink.outbox.deliveries(alert.id)["webhook"][2] == "HTTP 401"
        receiver.secret = "the-wrong-secret-0123456"  # the office fixes its secret
        assert wait_until(lambda: alert.id in receiver.keys())
    finally:
        sink.close()
    assert receiver.refused >= 3


@pytest.mark.parametrize("reply", [{"ack": True}, {"acknowledged": True}])
def test_a_reply_can_acknowledge(tmp_path: Path, reply) -> None:
    receiver = Receiver(reply=reply)
    sink = sink_for(tmp_path / "alerts.sqlite", receiver.url)
    sink.start()
    try:
        alert = sink.raise_alert("CA1", "r1", "fall", "high", "")
        assert wait_until(lambda: sink.outbox.get(alert.id).acked_at is not None)
        stored = sink.outbox.get(alert.id)
    finally:
        sink.close()
        receiver.stop()
    assert (stored.acked_by, stored.acked_via) == ("webhook", "webhook")


def test_a_new_dispatcher_delivers_what_the_first_left_pending(tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    first = sink_for(tmp_path / "alerts.sqlite", url)
    first.start()
    alert = first.raise_alert("CA1", "r1", "fall", "critical", "help")
    assert wait_until(lambda: first.outbox.deliveries(alert.id)["webhook"][1] >= 1)
    first.close()  # stopped with the delivery still pending (the receiver was down)
    receiver = Receiver(port=port)
    second = sink_for(tmp_path / "alerts.sqlite", url)
    second.start()
    try:
        assert wait_until(lambda: alert.id in receiver.keys())
    finally:
        second.close()
        receiver.stop()
    assert len(receiver.received[alert.id]) == 1


CHILD = """
import sys, time
from alerts import AlertSink
from alerts.webhook import WebhookChannel
sink = AlertSink(sys.argv[1], webhook=WebhookChannel(sys.argv[2], sys.argv[3]))
sink.start()
alert = sink.raise_alert("CA1", "r1", "fall", "critical", "help")
print(alert.id, flush=True)
time.sleep(60)
"""


def test_kill_9_right_after_raise_then_a_new_process_delivers(tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    path = tmp_path / "alerts.sqlite"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), url, SECRET], stdout=subprocess.PIPE, env=env
    )
    alert_id = child.stdout.readline().decode().strip()
    child.send_signal(signal.SIGKILL)  # right after raise_alert returned
    child.wait()
    assert alert_id
    receiver = Receiver(port=port)
    again = sink_for(path, url)
    again.start()
    try:
        assert wait_until(lambda: alert_id in receiver.keys())
    finally:
        again.close()
        receiver.stop()
    assert [b["alert_id"] for b in receiver.received[alert_id]] == [alert_id]


def test_backoff_grows_is_capped_and_jittered() -> None:
    import random

    rng = random.Random(1)
    delays = [backoff_s(n, 1.0, 60.0, rng) for n in range(1, 12)]
    assert all(
        0.5 * min(60, 2 ** (n - 1)) <= d <= min(60, 2 ** (n - 1)) for n, d in enumerate(delays, 1)
    )
    assert max(delays) <= 60.0
    assert len({round(d, 6) for d in delays[7:]}) > 1  # capped, yet not all the same
    assert json.dumps(backoff_s(10_000, 1.0, 60.0)) is not None  # no overflow


def test_once_a_retry_goes_through_the_others_waiting_are_due_at_once(tmp_path: Path) -> None:
    from alerts import Alert

    outbox = Outbox(tmp_path / "alerts.sqlite")
    alerts = [Alert.new(f"CA{i}", "r1", "fall", "high", "") for i in range(3)]
    for a in alerts:
        outbox.add(a, ["webhook", "sms:0"], now=0.0)
        outbox.failed(a.id, "webhook", "HTTP 503", retry_at=1000.0)
        outbox.failed(a.id, "sms:0", "Twilio refused", retry_at=1000.0)
    assert outbox.claim(now=10.0, lease_s=60) == []
    assert outbox.hasten("webhook", now=10.0) == 3  # the SMS keep their own schedule
    due = outbox.claim(now=10.0, lease_s=60, limit=10)
    assert sorted((d.alert.id, d.channel, d.attempts) for d in due) == sorted(
        (a.id, "webhook", 1) for a in alerts
    )
