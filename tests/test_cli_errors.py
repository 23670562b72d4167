"""Every command, given what a new user would get wrong, answers with a sentence, never a
traceback; and `memory show` finds a campaign's memory."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from carecall.cli import main
from tests.services import free_port


def remember(folder: Path, rid: str, value: str) -> None:
    from dialogue.memory import Fact, MemoryOp, OpKind, SqliteMemoryStore

    folder.mkdir(parents=True, exist_ok=True)
    store = SqliteMemoryStore(folder / "memory.sqlite")
    store.update(rid, [MemoryOp(OpKind.APPEND, Fact("health", value, "health", datetime.now(UTC)))])
    store.close()


def test_memory_show_finds_a_campaigns_memory(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["memory", "show", "r9"]) == 2
    err = capsys.readouterr().err
    assert "looked for carecall-output/memory.sqlite, carecall-campaign/memory.sqlite" in err
    assert not (tmp_path / "carecall-output").exists()  # nothing made just to look
    remember(tmp_path / "carecall-campaign", "r9", "your knee hurt")
    assert main(["memory", "show", "r9"]) == 0
    out = capsys.readouterr().out
    assert "your knee hurt" in out
    assert main(["memory", "forget", "r9"]) == 0
    assert main(["memory", "show", "r9"]) == 0
    assert (
        "nothing remembered about r9 in carecall-campaign/memory.sqlite" in capsys.readouterr().out
    )
    assert main(["memory", "show", "r9", "--output-dir", str(tmp_path / "elsewhere")]) == 2


def test_scenario_list_names_the_campaign_scenarios(capsys) -> None:
    assert main(["scenario", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "daily_checkin_en" in lines
    assert any(line.startswith("quick_checkin_en ") for line in lines)


def test_a_phone_that_cannot_connect(tmp_path, capsys) -> None:
    url = f"ws://127.0.0.1:{free_port()}/media"
    args = ["phone", "--url", url, "--persona", "margaret_en", "--out", str(tmp_path / "x.wav")]
    assert main(args) == 2
    assert f"carecall phone: cannot connect to {url}" in capsys.readouterr().err
    assert main([*args[:2], "http://example.org/media", *args[3:]]) == 2
    assert "cannot connect to http://example.org/media" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["campaign", "create", "--id", "two words"], "--id 'two words': letters, digits"),
        (["campaign", "run", "c1", "--lease", "soon"], "--lease: 'soon' is not a duration"),
        (["campaign", "status", "nope"], "no campaign 'nope'"),
        (["campaign", "export", "c1", "--out", "no-such-folder/x.csv"], "cannot write"),
        (["users", "list", "--db", "missing.sqlite"], "no campaign database at missing.sqlite"),
        (["demo", "--persona", "nope.yaml"], "nope.yaml: cannot read"),
    ],
)
def test_wrong_input_is_a_sentence(argv, said, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    Path("r.csv").write_text("id,name,phone\na,Kim,010-1111-2222\n")
    base = ["campaign", "create", "--recipients", "r.csv", "--scenario", "daily_checkin_en"]
    assert main([*base, "--region", "KR", "--id", "c1"]) == 0
    capsys.readouterr()
    if argv[:2] == ["campaign", "create"]:
        argv = [*base, *argv[2:]]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err
    assert not Path("missing.sqlite").exists()


def test_a_worker_without_its_broker_says_so(capsys) -> None:
    pytest.importorskip("celery")
    broker = f"redis://127.0.0.1:{free_port()}/0"
    assert main(["campaign", "worker", "--broker", broker]) == 2
    assert f"cannot reach the broker {broker}" in capsys.readouterr().err
