"""`campaign run` starts and stops the alert dispatcher with its call server, for the simulated
and the Twilio dialer; the Twilio one also gets the hand-off."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

import pytest

from alerts import Alert
from alerts.outbox import Outbox
from campaign import Campaign, Policy
from carecall.campaign_dialers import build_simulated_dialer, build_twilio_dialer
from tests.alert_kit import SECRET, Receiver, wait_until

ALERTS = {"alert_webhook": None, "alert_secret": SECRET}


def pending_alert(output_dir: Path) -> Alert:
    left = Alert.new("CA" + "e" * 32, "r3", "fall", "critical", "")
    Outbox(output_dir / "alerts.sqlite").add(left, ["webhook"])
    return left


def test_simulated_campaign_run_delivers_alerts(tmp_path: Path) -> None:
    receiver = Receiver()
    left = pending_alert(tmp_path)

    async def run() -> bool:
        alerts = {**ALERTS, "alert_webhook": receiver.url}
        dialer, close = await build_simulated_dialer(
            "daily_checkin_en", tmp_path, 1.0, ears=False, alerts=alerts
        )
        try:
            assert dialer.pipeline.alerts.configured
            return await asyncio.to_thread(wait_until, lambda: left.id in receiver.keys())
        finally:
            await close()
            assert dialer.pipeline.alerts.dispatcher is None  # stopped with the server

    try:
        assert asyncio.run(run())
    finally:
        receiver.stop()


def test_twilio_campaign_run_delivers_alerts_and_can_hand_off(tmp_path: Path, monkeypatch):
    pytest.importorskip("twilio")
    monkeypatch.setenv("TWILIO_ACCOUNT_SID", "AC" + "0" * 32)
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", "secret-auth-token")
    receiver = Receiver()
    left = pending_alert(tmp_path)
    args = argparse.Namespace(
        twilio_from="+14155550100",
        public_url="https://care.example.org",
        output_dir=tmp_path,
        host="127.0.0.1",
        port=0,
        callback_port=0,
        config=None,
        alert_webhook=receiver.url,
        alert_secret=SECRET,
        alert_sms_to=["+821012345678"],
        alert_sms_from="+14155550100",
        alert_ack_minutes=None,
        alert_handoff="oncall",
    )
    policy = Policy("10:00", "18:00", "Asia/Seoul", 1, 60.0, 1)
    campaign = Campaign("c1", "c1", "daily_checkin_en", policy, 0.0)

    async def run() -> None:
        dialer, close = await build_twilio_dialer(args, campaign)
        try:
            handoff = dialer.pipeline.alerts.handoff
            assert (handoff.mode, handoff.number) == ("oncall", "+821012345678")
            assert dialer.pipeline.alerts.channels == ["webhook", "sms:0"]
            assert await asyncio.to_thread(wait_until, lambda: left.id in receiver.keys())
        finally:
            await close()

    try:
        asyncio.run(run())
    finally:
        receiver.stop()
