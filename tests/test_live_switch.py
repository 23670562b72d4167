"""The `live_calls` setting: on by default (calls in progress in <output-dir>/live/ for the
dashboard), off from the settings file, the environment or `carecall serve --no-live-calls`,
and then no live file is written by the assembled server."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assembly.config import ConfigError, load_settings
from assembly.serving import serve_calls
from carecall.cli import _settings, build_parser
from observability.live import LiveLog, LiveTap


def _pipeline(tmp_path):
    """What `serve_calls` reads of a pipeline, without loading a model."""

    def agents(call):
        raise AssertionError("no call is placed here")

    return SimpleNamespace(
        agent_factory=agents,
        calls_dir=tmp_path / "out" / "calls",
        recognizer=SimpleNamespace(),
        alerts=None,
        live_log=None,
    )


def test_on_by_default_and_off_from_file_environment_or_flag(tmp_path, monkeypatch):
    assert load_settings(output_dir=tmp_path).live_calls is True
    config = tmp_path / "settings.yaml"
    config.write_text("live_calls: false\n")
    assert load_settings(config).live_calls is False
    monkeypatch.setenv("CARECALL_LIVE_CALLS", "false")
    assert load_settings(output_dir=tmp_path).live_calls is False
    args = build_parser().parse_args(["serve", "--live-calls"])  # the flag wins over both
    assert _settings(args).live_calls is True
    monkeypatch.delenv("CARECALL_LIVE_CALLS")
    args = build_parser().parse_args(["serve", "--no-live-calls"])
    assert _settings(args).live_calls is False


def test_a_value_that_is_not_a_switch_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("CARECALL_LIVE_CALLS", "sometimes")
    with pytest.raises(ConfigError, match="live_calls"):
        load_settings(output_dir=tmp_path)


@pytest.mark.parametrize("on", [True, False])
def test_the_assembled_server_follows_the_setting(tmp_path, on):
    settings = load_settings(output_dir=tmp_path / "out", live_calls=on)
    pipeline = _pipeline(tmp_path)
    calls = serve_calls(settings, pipeline=pipeline, port=0)
    tap = getattr(calls.server, "live_tap", None)
    if on:
        assert isinstance(pipeline.live_log, LiveLog) and isinstance(tap, LiveTap)
        assert pipeline.live_log.folder == tmp_path / "out" / "live"
        assert tap.start in calls.server.on_start
    else:  # no log for the agents' turns, no tap for the audio, nothing at call end
        assert pipeline.live_log is None and tap is None
        hooks = [*calls.server.on_start, *calls.server.on_call_end]
        assert not any(isinstance(getattr(h, "__self__", None), LiveTap) for h in hooks)
    assert not (tmp_path / "out" / "live").exists()  # nothing is written before a call
