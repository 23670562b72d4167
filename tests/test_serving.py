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
