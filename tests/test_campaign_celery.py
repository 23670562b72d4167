"""Scale-out: one campaign dispatched to two real Celery workers over a real Redis.

Each worker is its own `carecall campaign worker` process with its own call server; the runner
in this process only claims, records and dispatches.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from campaign import Campaign, DialRequest, Outcome, Policy, Recipient, State
from campaign.runner import Runner
from campaign.store import open_store
from carecall.campaign_commands import resolve_scenario
from tests.services import redis_server

pytestmark = pytest.mark.integration
pytest.importorskip("celery", reason="pip install celery redis")


def test_calls_spread_over_two_workers(tmp_path: Path) -> None:
    from campaign.celery_dialer import CeleryDialer, make_app

    with redis_server() as broker:
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
        workers = []
        for name in ("w1", "w2"):
            log = open(tmp_path / f"{name}.log", "w")
            cmd = [
                sys.executable,
                "-m",
                "carecall",
                "campaign",
                "worker",
                "--broker",
                broker,
                "--name",
                name,
                "--concurrency",
                "1",
                "--speed",
                "4",
                "--output-dir",
                str(tmp_path / name),
            ]
            workers.append((subprocess.Popen(cmd, env=env, stdout=log, stderr=log), log))
        try:
            app = make_app(broker)
            deadline = time.monotonic() + 60
            while len(app.control.ping(timeout=1.0)) < 2:
                assert time.monotonic() < deadline, "workers did not come up"
            store = open_store(tmp_path / "c.sqlite")
            policy = Policy("00:00", "24:00", "Asia/Seoul", 2, 0.2, 4)
            people = [Recipient(f"p{i}", f"P{i}", f"+8210000000{i:02d}") for i in range(4)]
            people[3] = Recipient("p3", "P3", "+821000000003", simulate=("busy",))
            scenario = resolve_scenario("quick_checkin_en")
            store.create(Campaign("sc", "scale", scenario, policy, time.time()), people)
            dialer = CeleryDialer(app, timeout_s=240)
            summary = asyncio.run(Runner(store, "sc", dialer, poll_s=0.2).run())
            rows = store.recipients("sc")
            attempts = store.attempts("sc")
            # A restarted runner finds a finished attempt's result again by its task id.
            p0 = next(r for r in rows if r.recipient.id == "p0")
            again = asyncio.run(dialer.resume(DialRequest("sc", p0.recipient, scenario, 1)))
            unknown = asyncio.run(dialer.resume(DialRequest("sc", p0.recipient, scenario, 9)))
            store.close()
        finally:
            for proc, log in workers:
                proc.terminate()
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
                log.close()
    logs = "".join((tmp_path / f"{n}.log").read_text() for n in ("w1", "w2"))
    assert summary.remaining == 0, logs
    assert again is not None and (again.outcome, again.call_sid) == (Outcome.ANSWERED, p0.call_sid)
    assert unknown is None
    assert all(r.state is State.COMPLETED for r in rows), (rows, logs)
    assert [a.outcome for a in attempts if a.recipient_id == "p3"] == ["busy", "answered"]
    used = {a.detail.split()[1] for a in attempts}
    assert used == {"w1", "w2"}, [a.detail for a in attempts]
    for r in rows:  # each call's report is in the folder of the worker that placed it
        assert (Path(r.report_dir) / "report.json").exists()
        assert Path(r.report_dir).parent.parent.name in {"w1", "w2"}
