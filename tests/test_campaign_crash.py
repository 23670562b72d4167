"""kill -9 a real `carecall campaign run` mid-campaign, restart it, and check the policy held.

Real simulated calls (call server, simulated phones, pocketsphinx, flite) on the short
quick-check scenario at 4x line speed, so the test stays short.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from campaign import FINAL_STATES, State
from campaign.store import open_store

pytestmark = pytest.mark.integration
MAX_ATTEMPTS = 2


def carecall(*args: str, cwd: Path) -> list[str]:
    return [sys.executable, "-m", "carecall", *args]


def snapshot(db: Path):
    store = open_store(db)
    try:
        return store.recipients("crash"), store.attempts("crash")
    finally:
        store.close()


def test_kill_9_and_restart_loses_nothing_and_calls_nobody_twice(tmp_path: Path) -> None:
    csv = tmp_path / "people.csv"
    csv.write_text(
        "id,name,phone,simulate\n"
        "p1,Ann,+821000000001,\n"
        "p2,Ben,+821000000002,no_answer\n"
        "p3,Cho,+821000000003,\n"
        "p4,Dae,+821000000004,no_answer;busy\n"
        "p5,Eun,+821000000005,\n"
    )
    db = tmp_path / "c.sqlite"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    create = subprocess.run(
        carecall(
            "campaign",
            "create",
            "--recipients",
            str(csv),
            "--scenario",
            "quick_checkin_en",
            "--window",
            "00:00-24:00",
            "--max-attempts",
            str(MAX_ATTEMPTS),
            "--retry-after",
            "0.5s",
            "--concurrency",
            "2",
            "--db",
            str(db),
            "--id",
            "crash",
            cwd=tmp_path,
        ),
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert create.returncode == 0, create.stderr
    run = carecall(
        "campaign",
        "run",
        "crash",
        "--db",
        str(db),
        "--speed",
        "4",
        "--lease",
        "2s",
        "--output-dir",
        str(tmp_path / "out"),
        cwd=tmp_path,
    )
    log = open(tmp_path / "run1.log", "w")
    proc = subprocess.Popen(run, cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 240
        while True:
            rows, attempts = snapshot(db)
            answered = [a for a in attempts if a.outcome == "answered"]
            calling = [r for r in rows if r.state is State.CALLING and r.open_attempt]
            if answered and calling:
                break
            assert proc.poll() is None, (tmp_path / "run1.log").read_text()
            assert time.monotonic() < deadline, "no call finished in time"
            time.sleep(0.1)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
        log.close()
    before_rows, before = snapshot(db)
    finished = {(a.recipient_id, a.number): a for a in before if a.outcome is not None}
    interrupted = {r.recipient.id for r in before_rows if r.open_attempt}
    assert interrupted

    again = subprocess.run(run, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "recovered" in again.stdout

    rows, attempts = snapshot(db)
    for r in rows:  # exactly one final state each, never past the limit
        assert r.state in FINAL_STATES, r
        assert 1 <= r.attempts <= MAX_ATTEMPTS, r
        mine = [a for a in attempts if a.recipient_id == r.recipient.id]
        assert [a.number for a in mine] == list(range(1, r.attempts + 1))
        assert all(a.outcome is not None for a in mine)
        assert sum(a.outcome == "answered" for a in mine) == (r.state is State.COMPLETED)
    for key, a in finished.items():  # no finished call was lost or redone
        after = next(x for x in attempts if (x.recipient_id, x.number) == key)
        assert (after.outcome, after.call_sid) == (a.outcome, a.call_sid)
    for rid in interrupted:  # each open attempt was settled once, never redialled as new:
        # "interrupted", or answered when its call had finished before the kill (the dialer
        # found the call's record and report: nothing the person said is lost).
        open_number = next(r.attempts for r in before_rows if r.recipient.id == rid)
        settled = next(a for a in attempts if (a.recipient_id, a.number) == (rid, open_number))
        assert settled.outcome == "interrupted" or (
            settled.outcome == "answered" and settled.detail.startswith("recovered after a restart")
        ), settled
    by_id = {r.recipient.id: r for r in rows}
    assert by_id["p4"].state is State.GAVE_UP and by_id["p4"].attempts == MAX_ATTEMPTS
    for r in rows:
        if r.state is State.COMPLETED:
            assert (Path(r.report_dir) / "report.json").exists()
            assert (Path(r.report_dir) / "recording.wav").exists()
