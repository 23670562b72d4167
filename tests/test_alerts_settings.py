"""Alert settings and wiring: validation with clear errors, environment and YAML, CLI flags on
serve, demo and campaign run, the pipeline's sink; the outbox across threads and processes."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from alerts import AlertSink
from alerts.outbox import Outbox
from assembly.alert_settings import build_alert_sink
from assembly.config import ConfigError, load_settings
from carecall.cli import _settings, build_parser, main

SECRET = "a-webhook-secret-0123456789"


def test_defaults_store_alerts_but_are_not_configured(tmp_path: Path) -> None:
    settings = load_settings(None, output_dir=tmp_path)
    assert settings.alert_ack_minutes == 5 and settings.alert_handoff == "none"
    assert settings.alerts_path == tmp_path / "alerts.sqlite"
    sink = build_alert_sink(settings)
    assert not sink.configured and sink.channels == []
    assert not settings.alerts_path.exists()  # nothing opened until an alert is raised
    sink.start()  # no channel: no dispatcher
    assert sink.dispatcher is None
    alert = sink.raise_alert("CA1", "r1", "fall", "critical", "I fell")
    assert alert is not None and sink.outbox.get(alert.id).deliveries == {}
    assert stat.S_IMODE(os.stat(settings.alerts_path).st_mode) == 0o600
    sink.close()


def test_a_sink_that_cannot_store_returns_none(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    sink = AlertSink(blocker / "alerts.sqlite")  # a file where the folder should be
    assert sink.raise_alert("CA1", "r1", "fall", "critical", "") is None


@pytest.mark.parametrize(
    "values, message",
    [
        ({"alert_webhook": "https://hooks.example.org/x"}, "alert_webhook needs alert_secret"),
        ({"alert_webhook": "http://hooks.example.org/x", "alert_secret": SECRET}, "https"),
        ({"alert_webhook": "ftp://x/y", "alert_secret": SECRET}, "absolute https"),
        ({"alert_webhook": "https://u:p@h.example.org", "alert_secret": SECRET}, "credentials"),
        ({"alert_secret": "short"}, "at least 16 characters"),
        ({"alert_sms_to": ["+1555"], "alert_sms_from": "+14155552671"}, "alert_sms_to"),
        ({"alert_sms_to": ["+821012345678"]}, "needs alert_sms_from"),
        ({"alert_handoff": "oncall"}, "oncall needs alert_sms_to"),
        ({"alert_handoff": "police"}, "alert_handoff"),
        ({"alert_ack_minutes": 0}, "alert_ack_minutes"),
        ({"emergency_number": "119; rm"}, "emergency_number"),
    ],
)
def test_bad_alert_settings_are_clear_errors(values, message) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(None, **values)
    assert message in str(info.value)
    assert "+1555" not in str(info.value)  # the number itself is not echoed


def test_numbers_are_normalized_and_come_from_env_and_yaml(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CARECALL_ALERT_SECRET", SECRET)
    monkeypatch.setenv("CARECALL_ALERT_SMS_TO", "+82 10-1234-5678, +1 415 555 2671")
    config = tmp_path / "settings.yaml"
    config.write_text(
        "language: ko\nalert_webhook: https://hooks.example.org/carecall\n"
        "alert_sms_from: '+14155550123'\nalert_ack_minutes: 2\n"
    )
    s = load_settings(config)
    assert s.alert_secret == SECRET and s.alert_webhook == "https://hooks.example.org/carecall"
    assert s.alert_sms_to == ["+821012345678", "+14155552671"]
    assert s.alert_ack_minutes == 2 and s.emergency == "119"
    monkeypatch.delenv("CARECALL_ALERT_SMS_TO")
    assert load_settings(None).emergency == "911"
    assert load_settings(None, emergency_number="112").emergency == "112"
    local = load_settings(None, alert_webhook="http://127.0.0.1:9000/x")  # secret from env
    assert local.alert_webhook == "http://127.0.0.1:9000/x"


def test_plain_http_webhooks_only_to_what_the_server_calls_loopback() -> None:
    # one loopback check in the project (telephony.auth.is_loopback), IPv6 included
    from assembly import alert_settings
    from telephony import auth

    assert alert_settings.is_loopback is auth.is_loopback
    for url in ("http://[::1]:9000/x", "http://localhost/x", "http://127.0.0.2/x"):
        assert alert_settings.check_webhook_url(url) == url
    for url in ("http://10.0.0.1/x", "http://[2001:db8::1]/x", "http://hooks.example.org/x"):
        with pytest.raises(ValueError, match="loopback"):
            alert_settings.check_webhook_url(url)


@pytest.mark.parametrize("command", [["serve"], ["demo"], ["campaign", "run"]])
def test_alert_flags_on_serve_demo_and_campaign_run(command) -> None:
    args = build_parser().parse_args(
        [
            *command,
            "--alert-webhook",
            "https://hooks.example.org/x",
            "--alert-secret",
            SECRET,
            "--alert-sms-to",
            "+821012345678",
            "--alert-sms-to",
            "+14155552671",
            "--alert-sms-from",
            "+14155550123",
        ]
    )
    assert args.alert_webhook == "https://hooks.example.org/x" and args.alert_secret == SECRET
    assert args.alert_sms_to == ["+821012345678", "+14155552671"]
    if command != ["campaign", "run"]:
        settings = _settings(args)
        assert settings.alert_sms_to == ["+821012345678", "+14155552671"]
        assert settings.alert_webhook == "https://hooks.example.org/x"


def test_a_bad_flag_is_one_line_without_traceback(capsys, tmp_path: Path) -> None:
    code = main(["serve", "--output-dir", str(tmp_path), "--alert-webhook", "https://h.example"])
    err = capsys.readouterr().err
    assert code == 2 and "alert_webhook needs alert_secret" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_sms_without_twilio_credentials_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("TWILIO_ACCOUNT_SID", raising=False)
    monkeypatch.delenv("TWILIO_AUTH_TOKEN", raising=False)
    settings = load_settings(
        None, output_dir=tmp_path, alert_sms_to=["+821012345678"], alert_sms_from="+14155550123"
    )
    with pytest.raises(ConfigError, match="TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN"):
        build_alert_sink(settings)


def test_adds_from_many_threads_are_all_stored(tmp_path: Path) -> None:
    sink = AlertSink(tmp_path / "alerts.sqlite")
    stored: list = []

    def raise_many(n: int) -> None:
        for i in range(25):
            stored.append(sink.raise_alert(f"CA{n}", f"r{n}", "fall", "high", str(i)))

    threads = [threading.Thread(target=raise_many, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert None not in stored and len({a.id for a in stored}) == 200
    assert len(Outbox(sink.path).unacknowledged(limit=1000)) == 200
    sink.close()


def test_two_outboxes_on_one_file_never_claim_the_same_delivery(tmp_path: Path) -> None:
    from alerts import Alert

    path = tmp_path / "alerts.sqlite"
    a, b = Outbox(path), Outbox(path)
    for i in range(40):
        a.add(Alert.new(f"CA{i}", "r1", "fall", "high", ""), ["webhook"], now=0.0)
    claims: dict[str, list] = {"a": [], "b": []}

    def claim(name: str, outbox: Outbox) -> None:
        while got := outbox.claim(now=1.0, lease_s=600, limit=3):
            claims[name] += [d.alert.id for d in got]

    threads = [threading.Thread(target=claim, args=x) for x in (("a", a), ("b", b))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(claims["a"]) + len(claims["b"]) == 40
    assert not set(claims["a"]) & set(claims["b"])
    assert a.claim(now=2.0, lease_s=600) == []  # leased: not due again until the lease ends
    assert len(b.claim(now=700.0, lease_s=600, limit=100)) == 40  # a lease that ran out
    # the claims belong to this (living) process: not released as a dead one's
    assert a.release_dead_claims(now=701.0) == 0
