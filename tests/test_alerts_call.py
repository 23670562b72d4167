"""P2 end to end in a call's own pipeline: an emergency said mid-call reaches the care worker's
webhook while the call is still going on, and the agent says it is alerting them only when that
is true. Before, nothing left the process until the call ended, while the agent said "I am
alerting your care worker right away" on every emergency."""

from __future__ import annotations

import json

import pytest
from alert_kit import SECRET, Receiver, wait_until

from assembly.config import load_settings
from assembly.pipeline import Pipeline
from telephony import CallInfo

pytestmark = pytest.mark.integration
CALL = "CA" + "7" * 32


def call(tmp_path, **settings):
    pipeline = Pipeline(load_settings(output_dir=tmp_path / "out", **settings))
    pipeline.alerts.start()
    agent = pipeline.agent_factory(CallInfo("MZ1", CALL, {"recipient": "r-alert"}))
    engine = agent.engine
    engine.opening()
    engine.reply("yes this is Margaret")
    return pipeline, agent, engine


def test_an_emergency_reaches_the_webhook_during_the_call(tmp_path):
    receiver = Receiver()
    pipeline, agent, engine = call(tmp_path, alert_webhook=receiver.url, alert_secret=SECRET)
    try:
        turn = engine.reply("i think i'm having a stroke my face is numb on one side")
        assert turn.kind == "emergency" and turn.end_call
        assert "alerting your care worker" in turn.text and "911" in turn.text
        # Delivered while the call goes on: nothing has been finished or reported yet.
        assert wait_until(lambda: receiver.keys(), timeout_s=20)
        [[body]] = receiver.received.values()
        assert (body["call_sid"], body["recipient_id"]) == (CALL, "r-alert")
        assert body["category"] == "stroke" and "face" in body["evidence"]
        agent.finish("completed", None)
        report = json.loads((pipeline.calls_dir / CALL / "report.json").read_text())
        [alert] = [a for a in report["alerts"] if a["kind"] == "emergency"]
        assert "alerted during the call" in alert["note"]
    finally:
        pipeline.alerts.close()
        receiver.stop()


def test_without_a_channel_the_agent_tells_the_person_to_call_911_and_promises_nothing(tmp_path):
    pipeline, agent, engine = call(tmp_path)
    try:
        turn = engine.reply("there's smoke coming from the kitchen and i can smell burning")
        assert turn.kind == "emergency"
        assert "alerting" not in turn.text and "911" in turn.text
        assert "leave the house" in turn.text
    finally:
        pipeline.alerts.close()


def test_a_red_flag_is_checked_with_one_question_and_silence_counts_as_yes(tmp_path):
    receiver = Receiver()
    pipeline, agent, engine = call(tmp_path, alert_webhook=receiver.url, alert_secret=SECRET)
    try:
        check = engine.reply("my chest feels a bit funny today")
        assert check.kind == "clarify" and check.text.endswith("?")
        assert not receiver.keys()
        turn = engine.on_silence()
        assert turn.kind == "emergency" and "alerting your care worker" in turn.text
        assert wait_until(lambda: receiver.keys(), timeout_s=20)
    finally:
        pipeline.alerts.close()
        receiver.stop()
