"""Every YAML the project reads goes through one reader with limits (dialogue.yamlfile): alias
bombs, deep nesting, huge files and FIFOs are refused fast, naming the file and line, and never
with a traceback — for scenarios, personas and settings alike.

"Fast" is a budget of Python calls (tests.work_budget), not seconds: the refusals below take about
10,000 calls (the CLI's first run about 900,000, its lazy imports included), a bomb expanded would
take a billion, and machine load changes neither count."""

from __future__ import annotations

import os
import threading

import pytest

from assembly.config import ConfigError, load_settings
from carecall.cli import main
from dialogue import ScenarioError, load_scenario
from dialogue.caller import load_persona
from dialogue.yamlfile import YamlLimits, read_yaml
from evaluation.personas import scenario_personas
from tests.work_budget import call_budget

REFUSAL_CALLS = 1_000_000  # measured: about 10,000
CLI_CALLS = 5_000_000  # measured: about 900,000 in a fresh process, imports included


def bomb(tmp_path, name="bomb.yaml"):
    """The classic "billion laughs": 9 levels of 9 aliases each, 10^9 strings expanded."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, cur in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_alias_bomb_is_refused_without_expanding_it_naming_file_and_line(tmp_path):
    path = bomb(tmp_path)
    for load in (read_yaml, load_scenario, load_persona):
        with pytest.raises(ScenarioError) as caught, call_budget(REFUSAL_CALLS):
            load(path)  # was 25 s and 4 GB
        assert caught.value.problems == [
            "bomb.yaml:6: YAML: too many values with aliases expanded (over 100000)"
        ]


def test_too_many_aliases_are_refused_while_composing(tmp_path):
    path = tmp_path / "aliases.yaml"
    path.write_text("a: &a x\nb:\n" + "".join("  - *a\n" for _ in range(150)), encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        read_yaml(path)
    # the 101st alias is on line 3 + 100
    assert caught.value.problems == ["aliases.yaml:103: YAML: too many aliases (over 100)"]


def test_a_few_aliases_doubling_at_every_level_are_refused(tmp_path):
    # 78 aliases in all, under the alias limit, and 2^39 values expanded
    lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"l{i}: &l{i} [*l{i - 1}, *l{i - 1}]" for i in range(1, 40)]
    path = tmp_path / "double.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with (
        pytest.raises(ScenarioError, match=r"^double\.yaml:14: YAML: too many values"),
        call_budget(REFUSAL_CALLS),
    ):
        read_yaml(path)


def test_an_alias_inside_its_own_value_is_refused(tmp_path):
    path = tmp_path / "loop.yaml"
    path.write_text("a: &a [1, *a]\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"^loop\.yaml:1: YAML: an alias refers to a value"):
        read_yaml(path)


def test_deep_nesting_is_refused(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("items:\n  x: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert caught.value.problems == ["deep.yaml:2: YAML: nested too deeply (over 50 levels)"]


def test_deep_nesting_through_aliases_is_refused_at_the_alias(tmp_path):
    # each line nests the one before 45 levels deeper: 4,500 levels, expanded
    lines = ["l0: &l0 x"] + [
        f"l{i}: &l{i} " + "[" * 45 + f"*l{i - 1}" + "]" * 45 for i in range(1, 100)
    ]
    path = tmp_path / "deep.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        read_yaml(path)
    expected = "deep.yaml:3: YAML: nested too deeply with aliases expanded (over 50 levels)"
    assert caught.value.problems == [expected]


def test_too_many_values_are_refused(tmp_path):
    path = tmp_path / "many.yaml"
    path.write_text("a: [" + ", ".join(["1"] * 200) + "]\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"^many\.yaml:1: YAML: too many values \(over 100\)"):
        read_yaml(path, YamlLimits(max_nodes=100))


def test_an_oversized_file_is_refused_before_it_is_parsed(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * (1 << 20) + "\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert caught.value.problems == ["big.yaml: cannot read: larger than 1048576 bytes"]


def test_a_list_as_a_mapping_key_is_a_clear_error(tmp_path):
    path = tmp_path / "key.yaml"
    path.write_text("? [a, b]\n: 1\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"^key\.yaml:1: YAML: a key must be a plain value"):
        read_yaml(path)


def _in_thread(fn, *args):
    """Run `fn`; a regression that blocks fails the test after 5 s instead of hanging it."""
    outcome: list = []

    def run():
        try:
            outcome.append(fn(*args))
        except Exception as exc:  # the expected refusal
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(5)
    assert not thread.is_alive(), f"{fn.__name__} blocked on a FIFO"
    return outcome[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    try:
        for load in (read_yaml, load_scenario, load_persona, load_settings):
            error = _in_thread(load, fifo)
            assert isinstance(error, ScenarioError | ConfigError), error
            assert "fifo.yaml: cannot read: not a regular file" in str(error)
    finally:
        # A reader a regression left waiting gets its end of file (no reader: ENXIO).
        try:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass


def test_settings_refuse_a_bomb_with_a_message_naming_the_file(tmp_path):
    path = bomb(tmp_path)
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert str(caught.value) == (
        f"configuration {path}: bomb.yaml:6: YAML: too many values with aliases expanded "
        "(over 100000)"
    )


def test_settings_still_load_and_an_empty_file_is_no_settings(tmp_path):
    path = tmp_path / "settings.yaml"
    path.write_text("language: ko\nrescore: false\n", encoding="utf-8")
    settings = load_settings(path)
    assert (settings.language, settings.rescore) == ("ko", False)
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    assert load_settings(tmp_path / "empty.yaml").language == "en"


def test_cli_validate_refuses_a_bomb_with_one_line_and_no_traceback(tmp_path, capsys):
    path = bomb(tmp_path)
    with call_budget(CLI_CALLS):
        assert main(["scenario", "validate", str(path)]) == 1  # was 25 s
    err = capsys.readouterr().err
    assert err == "bomb.yaml:6: YAML: too many values with aliases expanded (over 100000)\n"
    assert "Traceback" not in err


def test_cli_refuses_a_settings_bomb_with_exit_2(tmp_path, capsys):
    path = bomb(tmp_path)
    assert main(["memory", "show", "someone", "--config", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("carecall: configuration ") and "Traceback" not in err


def test_persona_search_reads_through_the_limits(tmp_path):
    bomb(tmp_path)
    scenario = load_scenario("daily_checkin_en")
    with pytest.raises(ScenarioError, match="bomb.yaml:6"):
        scenario_personas(scenario, tmp_path)
