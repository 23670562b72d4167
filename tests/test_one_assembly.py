"""P6's "no behaviour change": `carecall serve`, `demo` and `campaign run` place their calls
through the one assembly (`assembly.serving.serve_calls`), each with the pipeline it builds
from the settings, and the same settings file gives the three the same agent configuration;
only where they listen, where they write and the line's clock are their own."""

from __future__ import annotations

from pathlib import Path

import pytest

import assembly.serving
import carecall.commands
from assembly.serving import server_options
from carecall.cli import main

# What a command decides for itself, not the agent: its folder, its address, the line's clock.
PER_COMMAND = {"output_dir", "host", "port", "speed"}
# Settings that change what the agent says, hears or remembers, all away from their defaults.
CONFIG = """\
language: en
scenario: daily_checkin_en
vad: webrtc
asr_workers: 0
asr_nbest: 7
sphinx_lm: generic
rescore: false
learned_layer: false
speaking_rate: 1.1
voice: en-us+f3
llm_judge: false
max_call_s: 300
media_timeout_s: 12
live_calls: false
turn: {end_silence_s: 2.2, barge_in_s: 0.9}
alert_ack_minutes: 7
emergency_number: "112"
"""


class Assembled(Exception):
    """Raised in place of building a server: what was asked for is recorded."""


@pytest.fixture
def assemblies(monkeypatch) -> list[tuple]:
    seen: list[tuple] = []

    def record(settings, **kwargs):
        seen.append((settings, kwargs))
        raise Assembled

    # where each command finds it: commands.py imports it by name, the dialers at call time
    monkeypatch.setattr(assembly.serving, "serve_calls", record)
    monkeypatch.setattr(carecall.commands, "serve_calls", record)
    return seen


def _campaign(tmp_path: Path) -> Path:
    people = tmp_path / "people.csv"
    people.write_text("id,name,phone\na,Ann,+821000000001\n")
    db = tmp_path / "c.sqlite"
    create = ["campaign", "create", "--recipients", str(people), "--db", str(db)]
    assert main([*create, "--scenario", "daily_checkin_en", "--id", "c1"]) == 0
    return db


def test_serve_demo_and_campaign_run_assemble_calls_alike(tmp_path, assemblies):
    config = tmp_path / "settings.yaml"
    config.write_text(CONFIG)
    db = _campaign(tmp_path)
    cfg = ["--config", str(config)]
    main(["serve", *cfg, "--output-dir", str(tmp_path / "serve"), "--port", "0"])
    main(["demo", *cfg, "--out", str(tmp_path / "demo")])
    run = ["campaign", "run", "c1", "--db", str(db), "--output-dir", str(tmp_path / "camp")]
    main([*run, *cfg, "--until-idle", "--quiet"])
    assert len(assemblies) == 3, "a command built its calls another way"
    (serve, serve_kw), (demo, demo_kw), (campaign, campaign_kw) = assemblies
    # each builds its pipeline there, from its settings (no agents or pipeline of its own),
    # and delivers its alerts
    for kwargs in (serve_kw, demo_kw, campaign_kw):
        assert set(kwargs) <= {"port", "scenarios"}, kwargs
    agent = [s.model_dump(exclude=PER_COMMAND) for s in (serve, demo, campaign)]
    assert agent[0] == agent[1] == agent[2]
    assert agent[0]["turn"] == {"end_silence_s": 2.2, "barge_in_s": 0.9}  # the file was read
    assert (agent[0]["vad"], agent[0]["learned_layer"], agent[0]["live_calls"]) == (
        "webrtc",
        False,
        False,
    )
    # and so the same options for every call (turn-taking, VAD, limits), whatever the clock
    sessions = [server_options(s, None).session for s in (serve, demo, campaign)]
    assert sessions[0].turn == sessions[1].turn == sessions[2].turn
    assert sessions[0].limits == sessions[1].limits == sessions[2].limits
    assert sessions[0].vad == sessions[1].vad == sessions[2].vad == "webrtc"
    # where they write is their own: each its own folder
    folders = {s.output_dir.resolve() for s in (serve, demo, campaign)}
    assert folders == {(tmp_path / f).resolve() for f in ("serve", "demo", "camp")}


def test_a_celery_workers_simulated_server_reads_the_settings_file_too(tmp_path, assemblies):
    """`campaign worker --dialer simulated --config F`: its call servers are assembled as
    `campaign run`'s (the worker used to drop the file: no alerts, no turn options)."""
    from campaign import DialRequest, Recipient
    from campaign.celery_dialer import request_to_dict
    from carecall.campaign_worker import WorkerCalls

    config = tmp_path / "settings.yaml"
    config.write_text(CONFIG)
    db = _campaign(tmp_path)
    run = ["campaign", "run", "c1", "--db", str(db), "--output-dir", str(tmp_path / "camp")]
    main([*run, "--config", str(config), "--until-idle", "--quiet"])
    worker = WorkerCalls(tmp_path / "w", 1.0, "w1", config=str(config))
    request = DialRequest("c1", Recipient("a", "Ann", "+821000000001"), "daily_checkin_en", 1)
    try:
        with pytest.raises(Assembled):
            worker.dial(request_to_dict(request))
    finally:
        worker.close()
    (campaign, _), (in_worker, _) = assemblies
    assert in_worker.model_dump(exclude=PER_COMMAND) == campaign.model_dump(exclude=PER_COMMAND)
    assert in_worker.turn == {"end_silence_s": 2.2, "barge_in_s": 0.9}


def test_a_flag_reaches_the_assembly_as_the_file_does(tmp_path, assemblies):
    """serve and demo take settings flags too: a flag is the same setting as a file's."""
    config = tmp_path / "settings.yaml"
    config.write_text("vad: silero\n")
    main(["serve", "--config", str(config), "--vad", "webrtc", "--port", "0"])
    main(["demo", "--vad", "webrtc", "--turn-end-silence-s", "2.2", "--out", str(tmp_path)])
    (serve, _), (demo, _) = assemblies
    assert serve.vad == demo.vad == "webrtc"
    assert demo.turn_options().end_silence_s == 2.2 and serve.turn == {}
