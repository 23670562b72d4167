"""`carecall campaign status|export|run` on a stored campaign (no calls placed here)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from campaign import DialResult, Outcome, State
from campaign.store import open_store
from carecall.cli import main


@pytest.fixture
def db(tmp_path: Path) -> Path:
    people = tmp_path / "people.csv"
    people.write_text("id,name,phone\na,Ann,+821000000001\nb,Ben,+821000000002\n")
    db = tmp_path / "c.sqlite"
    args = [
        "campaign",
        "create",
        "--recipients",
        str(people),
        "--scenario",
        "daily_checkin_en",
        "--db",
        str(db),
        "--id",
        "c1",
        "--max-attempts",
        "2",
    ]
    assert main(args) == 0
    report_dir = tmp_path / "calls" / "CA1"
    report_dir.mkdir(parents=True)
    (report_dir / "report.json").write_text(
        json.dumps(
            {
                "outcome": "completed",
                "completion": 1.0,
                "summary": "Ann answered 6 of 6.",
                "alerts": [{"note": "Reports pain", "severity": "medium"}],
            }
        )
    )
    store = open_store(db)
    store.claim("c1", 1e12, "w", 2e12)
    store.begin_attempt("c1", "a", "w", 1.0)
    result = DialResult(Outcome.ANSWERED, call_sid="CA1", report_dir=str(report_dir))
    store.finish_attempt("c1", "a", "w", 1, result, State.COMPLETED, 2.0, 2.0)
    store.close()
    return db


def test_status_and_export(db: Path, capsys) -> None:
    assert main(["campaign", "status", "--db", str(db), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["states"] == {
        "pending": 1,
        "calling": 0,
        "completed": 1,
        "gave_up": 0,
        "opted_out": 0,  # skipped: on the do-not-call list
    }
    assert (info["final"], info["attempts"], info["people_with_alerts"]) == (1, 1, 1)
    assert main(["campaign", "export", "c1", "--db", str(db)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["id"], r["state"], r["attempts"], r["alerts"]) for r in rows] == [
        ("a", "completed", "1", "1"),
        ("b", "pending", "0", ""),
    ]
    assert rows[0]["summary"] == "Ann answered 6 of 6."
    out = db.parent / "x.json"
    assert main(["campaign", "export", "--db", str(db), "--format", "json", "--out", str(out)]) == 0
    assert json.loads(out.read_text())[0]["call_sid"] == "CA1"


def test_run_errors_are_clear(db: Path, capsys, monkeypatch) -> None:
    assert main(["campaign", "run", "nope", "--db", str(db)]) == 2
    assert "no campaign 'nope'" in capsys.readouterr().err
    monkeypatch.delenv("TWILIO_ACCOUNT_SID", raising=False)
    monkeypatch.delenv("TWILIO_AUTH_TOKEN", raising=False)
    assert main(["campaign", "run", "c1", "--db", str(db), "--dialer", "twilio"]) == 2
    assert "TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN" in capsys.readouterr().err
    assert main(["campaign", "run", "c1", "--db", str(db), "--dialer", "celery"]) == 2
    assert "--broker" in capsys.readouterr().err
    store = open_store(db)
    assert store.attempts("c1", "b") == []  # nobody was called
    store.close()
