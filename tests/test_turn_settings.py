"""Turn-taking options from the settings file, the environment and `--turn-…` flags."""

from __future__ import annotations

import pytest

from assembly.config import ConfigError, load_settings
from carecall.cli import _settings, build_parser
from telephony.turn import TurnOptions


def test_defaults_are_turn_options_own():
    assert load_settings().turn_options() == TurnOptions()


def test_a_settings_file_sets_some_options_and_flags_override_them_one_by_one(tmp_path):
    config = tmp_path / "settings.yaml"
    config.write_text("turn:\n  end_silence_s: 2.0\n  barge_in_s: 1.0\n")
    assert load_settings(config).turn_options() == TurnOptions(end_silence_s=2.0, barge_in_s=1.0)
    args = build_parser().parse_args(
        ["serve", "--config", str(config), "--turn-barge-in-s", "0.6", "--turn-no-input-s", "9"]
    )
    turn = _settings(args).turn_options()
    assert turn == TurnOptions(end_silence_s=2.0, barge_in_s=0.6, no_input_s=9.0)


def test_the_environment_takes_json(monkeypatch):
    monkeypatch.setenv("CARECALL_TURN", '{"end_silence_s": 1.2}')
    assert load_settings().turn_options().end_silence_s == 1.2


@pytest.mark.parametrize(
    ("turn", "message"),
    [
        ({"end_silence": 2.0}, "unknown turn option 'end_silence'"),
        ({"end_silence_s": -1.0}, "end_silence_s must be a number >= 0"),
        ({"vad_release": 0.8}, "vad_release <= vad_threshold"),
    ],
)
def test_bad_turn_options_are_refused_by_name(turn, message):
    with pytest.raises(ConfigError, match=message):
        load_settings(turn=turn)
