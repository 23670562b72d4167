"""Retention and a person's rights: old calls purged (command and campaign run), one person's
data exported and erased everywhere it is kept; only carecall's own call folders are touched."""

from __future__ import annotations

import argparse
import json
import os
import time
from datetime import UTC, datetime
from pathlib import Path

from alerts import Alert
from alerts.outbox import Outbox
from campaign.store import open_store
from carecall.cli import main
from telephony.files import new_call_sid

DAY = 86400.0


def call(out: Path, rid: str, age_days: float, now: float) -> Path:
    folder = out / "calls" / new_call_sid()
    folder.mkdir(parents=True)
    meta = {"call_sid": folder.name, "parameters": {"recipient": rid}}
    (folder / "call.json").write_text(json.dumps(meta))
    (folder / "report.json").write_text(json.dumps({"outcome": "completed", "who": rid}))
    (folder / "transcript.txt").write_text(f"person: my knee hurts ({rid})\n")
    (folder / "recording.wav").write_bytes(b"RIFF" + b"\0" * 1000)
    for f in [*folder.iterdir(), folder]:
        os.utime(f, (now - age_days * DAY, now - age_days * DAY))
    return folder


def alert(out: Path, rid: str, evidence: str, at: float) -> None:
    box = Outbox(out / "alerts.sqlite")
    box.add(Alert("id-" + rid + str(at), "CA1", rid, "fall", "high", evidence, at), [])
    box.close()


def test_purge_deletes_only_old_calls_of_carecalls_own_folders(tmp_path, capsys) -> None:
    now = time.time()
    out = tmp_path / "out"
    old, new = call(out, "a", 40, now), call(out, "b", 2, now)
    outside = tmp_path / "precious"
    outside.mkdir()
    (outside / "keep.txt").write_text("x")
    os.utime(outside, (now - 99 * DAY, now - 99 * DAY))
    (out / "calls" / ("CA" + "f" * 32)).symlink_to(outside)  # a link: never followed
    (out / "calls" / "notes").mkdir()  # not a call id: not ours to delete
    os.utime(out / "calls" / "notes", (now - 99 * DAY, now - 99 * DAY))
    alert(out, "a", "I fell down the stairs", now - 40 * DAY)
    alert(out, "b", "I fell yesterday", now - 1 * DAY)
    args = ["purge", "--output-dir", str(out), "--days", "30"]
    assert main([*args, "--dry-run"]) == 0
    said = capsys.readouterr().out
    assert f"would delete {old}" in said and str(new) not in said
    assert old.exists()
    assert main(args) == 0
    assert "deleted 1 calls older than 30 days" in capsys.readouterr().out
    assert not old.exists() and new.exists()
    assert (outside / "keep.txt").exists() and (out / "calls" / "notes").exists()
    box = Outbox(out / "alerts.sqlite")
    evidence = {a["recipient_id"]: a["evidence"] for r in "ab" for a in box.recipient_alerts(r)}
    box.close()
    assert evidence == {"a": "", "b": "I fell yesterday"}
    assert main(["purge", "--output-dir", str(out)]) == 2  # no period configured anywhere
    assert "no retention period" in capsys.readouterr().err


def test_campaign_run_purges_by_the_settings_file(tmp_path) -> None:
    from carecall.campaign_commands import _purge_at_start

    now = time.time()
    out = tmp_path / "camp"
    old, new = call(out, "a", 10, now), call(out, "b", 1, now)
    config = tmp_path / "settings.yaml"
    config.write_text("retention_days: 7\n")
    _purge_at_start(argparse.Namespace(config=str(config), output_dir=out))
    assert not old.exists() and new.exists()
    _purge_at_start(argparse.Namespace(config=None, output_dir=out))  # none configured
    assert new.exists()


def test_export_and_erase_one_person_everywhere(tmp_path, monkeypatch, capsys) -> None:
    from dialogue.memory import Fact, MemoryOp, OpKind, SqliteMemoryStore

    monkeypatch.chdir(tmp_path)
    now = time.time()
    out = Path("carecall-campaign")  # found without --output-dir: campaign run's default
    Path("r.csv").write_text(
        "id,name,phone,guardian\na,Kim,010-1111-2222,son Jun\nb,Lee,010-1111-2223,\n"
    )
    create = ["campaign", "create", "--recipients", "r.csv", "--scenario", "daily_checkin_en"]
    assert main([*create, "--region", "KR", "--id", "c1"]) == 0
    mine, theirs = call(out, "a", 1, now), call(out, "b", 1, now)
    memory = SqliteMemoryStore(out / "memory.sqlite")
    for rid in "ab":
        fact = Fact("health", f"knee of {rid}", "health", datetime.now(UTC))
        memory.update(rid, [MemoryOp(OpKind.APPEND, fact)])
    memory.close()
    alert(out, "a", "I fell", now)
    alert(out, "b", "I fell too", now)
    capsys.readouterr()

    assert main(["recipients", "export", "a", "--out", "a.json"]) == 0
    data = json.loads(Path("a.json").read_text())
    assert oct(Path("a.json").stat().st_mode & 0o777) == "0o600"
    assert [c["recipient"]["phone"] for c in data["campaigns"]] == ["+821011112222"]
    assert data["campaigns"][0]["recipient"]["attributes"] == {"guardian": "son Jun"}
    assert [m["value"] for m in data["memory"]] == ["knee of a"]
    assert [c["call"] for c in data["calls"]] == [mine.name]
    assert data["calls"][0]["transcript.txt"] == "person: my knee hurts (a)\n"
    assert [a["evidence"] for a in data["alerts"]] == ["I fell"]

    assert main(["recipients", "erase", "a"]) == 1  # says what would go, erases nothing
    assert "run again with --yes" in capsys.readouterr().out and mine.exists()
    assert main(["recipients", "erase", "a", "--yes"]) == 0
    assert not mine.exists() and theirs.exists()
    after = json.loads(_export(capsys, "a"))
    assert after["memory"] == [] and after["calls"] == []
    assert [a["evidence"] for a in after["alerts"]] == [""]
    (row,) = after["campaigns"]
    assert (row["recipient"]["name"], row["recipient"]["phone"]) == ("", "")
    assert row["recipient"]["attributes"] == {} and row["state"] == "gave_up"
    other = json.loads(_export(capsys, "b"))
    assert other["campaigns"][0]["recipient"]["name"] == "Lee"
    assert [m["value"] for m in other["memory"]] == ["knee of b"]
    assert [a["evidence"] for a in other["alerts"]] == ["I fell too"]
    store = open_store("carecall-campaigns.sqlite")
    assert store.claim("c1", now + 1e6, "me", now + 2e6).recipient.id == "b"  # never a
    store.close()


def _export(capsys, rid: str) -> str:
    capsys.readouterr()
    assert main(["recipients", "export", rid]) == 0
    return capsys.readouterr().out
