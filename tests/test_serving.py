"""`assembly.serving`: the one assembly of a call server (serve, demo, eval, campaigns, bench)."""

from __future__ import annotations

import asyncio

import pytest

from assembly.config import load_settings
from assembly.serving import Calls, serve_calls, server_options, serving_recognizer
from assembly.streamworkers import StreamingPool
from dialogue.catalogue import Catalogue
from telephony.turn import TurnOptions


def _scenario(settings):
    return Catalogue.load([settings.scenario_name]).resolve(settings.scenario_name)


def test_every_setting_of_a_call_reaches_the_server_options(tmp_path):
    settings = load_settings(
        output_dir=tmp_path,
        vad="webrtc",
        speed=3.0,
        max_call_s=42.0,
        media_timeout_s=7.0,
        max_wall_s=99.0,
        token="t0ken",
        max_message_bytes=4096,
        turn={"end_silence_s": 2.5},
    )
    options = server_options(settings, tmp_path / "calls", max_calls=7)
    session = options.session
    assert (session.vad, session.speed, session.max_call_s) == ("webrtc", 3.0, 42.0)
    assert session.turn == TurnOptions(end_silence_s=2.5)
    assert (session.limits.media_timeout_s, session.limits.max_wall_s) == (7.0, 99.0)
    assert session.recordings_dir == tmp_path / "calls"
    assert (options.token, options.max_message_bytes, options.max_calls) == ("t0ken", 4096, 7)


def test_an_unknown_server_option_is_named_before_any_model_loads(tmp_path):
    with pytest.raises(TypeError, match="max_cals"):
        serve_calls(load_settings(output_dir=tmp_path), max_cals=3)
    assert not (tmp_path / "memory.sqlite").exists()  # no pipeline was built


def test_sphinx_decodes_in_worker_processes_unless_asked_for_threads(tmp_path):
    threads = load_settings(output_dir=tmp_path, asr_workers=0)
    in_thread = serving_recognizer(threads, _scenario(threads))
    assert not isinstance(in_thread, StreamingPool)
    workers = load_settings(output_dir=tmp_path, asr_workers=1)
    recognizer = serving_recognizer(workers, _scenario(workers))
    try:  # a pool that decodes each turn while it is spoken
        assert isinstance(recognizer, StreamingPool) and recognizer.workers == 1
    finally:
        recognizer.close()


def test_own_agents_are_served_without_a_pipeline_and_the_lifecycle_runs(tmp_path):
    def agents(call):
        raise AssertionError("no call is placed here")

    settings = load_settings(output_dir=tmp_path, vad="webrtc")
    calls = serve_calls(settings, agents=agents, port=0, keep_finished=3)
    assert isinstance(calls, Calls) and calls.pipeline is None
    assert calls.server.options.session.recordings_dir is None
    assert calls.server.options.keep_finished == 3

    async def run() -> tuple[int, int]:
        port = await calls.start()
        return port, await calls.shut()

    port, ended = asyncio.run(run())
    assert port > 0 and ended == 0
    calls.close()  # a second close does nothing


def test_a_celery_worker_closes_the_simulated_servers_it_built(tmp_path, monkeypatch):
    """Each simulated dialer's close (its call server, recognizer workers, alert delivery)
    runs when the worker closes; it used to be dropped when the dialer was built."""
    import carecall.campaign_dialers as dialers
    from campaign import DialRequest, DialResult, Outcome, Recipient
    from campaign.celery_dialer import request_to_dict
    from carecall.campaign_worker import WorkerCalls

    closed: list[str] = []

    class Dialer:
        async def dial(self, request):
            return DialResult(Outcome.ANSWERED, call_sid="CA1")

    async def build(scenario, output_dir, speed, **_):
        async def close() -> None:
            closed.append(scenario)

        return Dialer(), close

    monkeypatch.setattr(dialers, "build_simulated_dialer", build)
    worker = WorkerCalls(tmp_path, 1.0, "w1")
    request = DialRequest("c1", Recipient("r1", "Ann", "+15550100"), "daily_checkin_en", 1)
    assert worker.dial(request_to_dict(request))["outcome"] == "answered"
    assert closed == []
    worker.close()
    assert closed == ["daily_checkin_en"]


def _pipeline_with_webhook(tmp_path):
    """What `serve_calls` reads of a pipeline, with the alert sink a webhook setting builds
    (no model loads; nothing is sent: the dispatcher is never started here)."""
    from types import SimpleNamespace

    from assembly.alert_settings import build_alert_sink

    settings = load_settings(
        output_dir=tmp_path,
        alert_webhook="https://care.example.org/hook",
        alert_secret="s" * 32,
    )

    def agents(call):
        raise AssertionError("no call is placed here")

    pipeline = SimpleNamespace(
        agent_factory=agents,
        calls_dir=tmp_path / "calls",
        recognizer=SimpleNamespace(),
        alerts=build_alert_sink(settings),
        live_log=None,
    )
    return settings, pipeline


def test_simulated_calls_leave_no_alert_pending_in_the_outbox(tmp_path):
    """`deliver_alerts=False` (the evaluation): alerts are held in this process; none reaches
    the outbox, where a later `carecall serve` would send it to real on-call contacts."""
    from assembly.serving import HeldAlerts

    settings, pipeline = _pipeline_with_webhook(tmp_path)
    calls = serve_calls(settings, pipeline=pipeline, deliver_alerts=False, port=0)
    raised = pipeline.alerts.raise_alert("CA1", "r1", "fall", "critical", "I fell")
    assert raised is not None and raised.category == "fall"  # the agent may say it told someone
    assert pipeline.alerts.configured and pipeline.alerts.channels == ["webhook"]
    assert not pipeline.alerts.hand_off("CA1")
    held = pipeline.alerts.inner  # (counted for /metrics around it)
    assert isinstance(held, HeldAlerts) and held.held == [raised]

    async def run() -> None:  # the lifecycle starts no delivery
        await calls.start()
        await calls.shut()

    asyncio.run(run())
    assert not settings.alerts_path.exists()  # no outbox, so nothing pending in one


def test_served_calls_store_their_alerts_for_delivery(tmp_path):
    from alerts.outbox import Outbox

    settings, pipeline = _pipeline_with_webhook(tmp_path)
    serve_calls(settings, pipeline=pipeline, port=0)  # delivery starts with Calls.start
    raised = pipeline.alerts.raise_alert("CA1", "r1", "fall", "critical", "I fell")
    pipeline.alerts.close()
    outbox = Outbox(settings.alerts_path)
    try:
        assert outbox.pending() == 1 and outbox.get(raised.id) is not None
    finally:
        outbox.close()
