"""The runner's policy with a scripted dialer: retries, limits, calling hours, no double calls."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from campaign import Campaign, DialRequest, DialResult, Outcome, Policy, Recipient, State
from campaign.runner import Runner
from campaign.store import open_store


class ScriptedDialer:
    """Outcomes per recipient in order (then answers); records overlapping calls."""

    def __init__(self, script: dict[str, list[str]], call_s: float = 0.02) -> None:
        self.script = script
        self.call_s = call_s
        self.active: set[str] = set()
        self.overlaps: list[str] = []
        self.calls: list[tuple[str, int]] = []
        self.max_active = 0

    async def dial(self, request: DialRequest) -> DialResult:
        rid = request.recipient.id
        if rid in self.active:
            self.overlaps.append(rid)
        self.active.add(rid)
        self.max_active = max(self.max_active, len(self.active))
        self.calls.append((rid, request.attempt))
        try:
            await asyncio.sleep(self.call_s)
            outcomes = self.script.get(rid, [])
            if request.attempt <= len(outcomes):
                return DialResult(Outcome(outcomes[request.attempt - 1]))
            return DialResult(Outcome.ANSWERED, call_sid=f"CA-{rid}-{request.attempt}")
        finally:
            self.active.discard(rid)


def setup(tmp_path: Path, n: int, policy: Policy, tz: dict[str, str] | None = None):
    db = tmp_path / "c.sqlite"
    store = open_store(db)
    people = [
        Recipient(f"r{i}", f"P{i}", f"+8210000000{i:02d}", timezone=(tz or {}).get(f"r{i}"))
        for i in range(n)
    ]
    store.create(Campaign("c", "t", "daily_checkin_en", policy, 0.0), people)
    return db, store


ALWAYS = Policy("00:00", "24:00", "Asia/Seoul", 3, 0.05, 3)


def test_retries_up_to_the_limit_then_gives_up(tmp_path: Path) -> None:
    _, store = setup(tmp_path, 4, ALWAYS)
    dialer = ScriptedDialer(
        {
            "r0": [],
            "r1": ["no_answer"],
            "r2": ["busy", "failed"],
            "r3": ["no_answer", "busy", "no_answer", "busy"],
        }
    )
    summary = asyncio.run(Runner(store, "c", dialer, poll_s=0.05).run())
    rows = {r.recipient.id: r for r in store.recipients("c")}
    assert {k: (r.state, r.attempts) for k, r in rows.items()} == {
        "r0": (State.COMPLETED, 1),
        "r1": (State.COMPLETED, 2),
        "r2": (State.COMPLETED, 3),
        "r3": (State.GAVE_UP, 3),
    }
    assert sorted(dialer.calls) == sorted(
        [("r0", 1), ("r1", 1), ("r1", 2), ("r2", 1), ("r2", 2), ("r2", 3)]
        + [("r3", 1), ("r3", 2), ("r3", 3)]
    )
    assert (summary.attempts, summary.completed, summary.gave_up, summary.remaining) == (9, 3, 1, 0)
    assert [a.outcome for a in store.attempts("c", "r3")] == ["no_answer", "busy", "no_answer"]
    assert rows["r1"].call_sid == "CA-r1-2"
    assert dialer.max_active <= ALWAYS.concurrency


def test_two_runners_never_call_one_person_twice(tmp_path: Path) -> None:
    db, store = setup(tmp_path, 12, Policy("00:00", "24:00", "Asia/Seoul", 2, 0.01, 4))
    dialer = ScriptedDialer({f"r{i}": ["busy"] for i in range(0, 12, 3)}, call_s=0.05)

    async def both():
        other = open_store(db)
        try:
            await asyncio.gather(
                Runner(store, "c", dialer, poll_s=0.02).run(),
                Runner(other, "c", dialer, poll_s=0.02).run(),
            )
        finally:
            other.close()

    asyncio.run(both())
    assert dialer.overlaps == []
    assert len(dialer.calls) == len(set(dialer.calls)) == 12 + 4
    assert all(r.state is State.COMPLETED for r in store.recipients("c"))


def test_nobody_is_called_outside_their_hours(tmp_path: Path) -> None:
    policy = Policy("10:00", "18:00", "Asia/Seoul", 3, 60.0, 2)
    now = datetime(2026, 11, 21, 14, tzinfo=ZoneInfo("Asia/Seoul")).timestamp()
    _, store = setup(tmp_path, 3, policy, tz={"r1": "Europe/London", "r2": "America/Denver"})
    dialer = ScriptedDialer({})
    runner = Runner(store, "c", dialer, clock=lambda: now, wait_for_retries=False, poll_s=0.05)
    summary = asyncio.run(runner.run())
    assert dialer.calls == [("r0", 1)]  # 05:00 in London, 22:00 in Denver
    rows = {r.recipient.id: r for r in store.recipients("c")}
    assert rows["r1"].state is State.PENDING and rows["r1"].attempts == 0
    london = datetime.fromtimestamp(rows["r1"].next_at, ZoneInfo("Europe/London"))
    denver = datetime.fromtimestamp(rows["r2"].next_at, ZoneInfo("America/Denver"))
    assert (london.strftime("%H:%M"), denver.strftime("%d %H:%M")) == ("10:00", "21 10:00")
    assert summary.remaining == 2


def test_a_dialer_crash_is_a_failed_attempt(tmp_path: Path) -> None:
    _, store = setup(tmp_path, 1, Policy("00:00", "24:00", "Asia/Seoul", 2, 0.01, 1))

    class Broken:
        async def dial(self, request):
            raise RuntimeError("boom")

    asyncio.run(Runner(store, "c", Broken(), poll_s=0.02).run())
    [row] = store.recipients("c")
    assert (row.state, row.attempts) == (State.GAVE_UP, 2)
    assert all("boom" in a.detail for a in store.attempts("c"))


def test_restart_recovers_a_dead_runners_calls(tmp_path: Path) -> None:
    _, store = setup(tmp_path, 3, Policy("00:00", "24:00", "Asia/Seoul", 2, 0.01, 3))
    store.claim("c", 1.0, "dead", 2.0)  # r0: dialled when its runner died
    store.begin_attempt("c", "r0", "dead", 1.0)
    store.claim("c", 1.0, "dead", 2.0)  # r1: claimed only
    dialer = ScriptedDialer({})
    summary = asyncio.run(Runner(store, "c", dialer, poll_s=0.02).run())
    assert summary.recovered == 2
    assert sorted(dialer.calls) == [("r0", 2), ("r1", 1), ("r2", 1)]
    assert [a.outcome for a in store.attempts("c", "r0")] == ["interrupted", "answered"]


def test_restart_resumes_a_call_the_dialer_still_knows(tmp_path: Path) -> None:
    _, store = setup(tmp_path, 2, Policy("00:00", "24:00", "Asia/Seoul", 2, 0.01, 3))
    for _ in range(2):
        store.claim("c", 1.0, "dead", 2.0)
    store.begin_attempt("c", "r0", "dead", 1.0)  # finished on a worker after the runner died
    store.begin_attempt("c", "r1", "dead", 1.0)  # lost: nobody knows how it ended
    store.note_call("c", "r0", 1, "CA-noted")

    class Resuming(ScriptedDialer):
        async def resume(self, request):
            if request.recipient.id == "r0":
                assert request.call_sid == "CA-noted"
                await asyncio.sleep(0.05)  # still going on when the new runner starts
                return DialResult(Outcome.ANSWERED, call_sid="CA-late")
            return None

    dialer = Resuming({})
    asyncio.run(Runner(store, "c", dialer, poll_s=0.02).run())
    assert dialer.calls == [("r1", 2)]  # r0 is never called again
    rows = {r.recipient.id: r for r in store.recipients("c")}
    assert (rows["r0"].state, rows["r0"].attempts, rows["r0"].call_sid) == (
        State.COMPLETED,
        1,
        "CA-late",
    )
    assert [a.outcome for a in store.attempts("c", "r1")] == ["interrupted", "answered"]


def test_no_name_or_phone_number_in_the_runners_events_or_logs(tmp_path: Path, caplog) -> None:
    """P1: with -v, `campaign run` logged 'dialling +8210…'; ids only now."""
    import logging

    _, store = setup(tmp_path, 3, ALWAYS)
    events: list[str] = []
    dialer = ScriptedDialer({"r0": ["busy"], "r1": ["no_answer", "failed"]})
    with caplog.at_level(logging.DEBUG):
        asyncio.run(Runner(store, "c", dialer, poll_s=0.05, on_event=events.append).run())
    text = "\n".join(events + [r.getMessage() for r in caplog.records])
    assert "r0" in text and "dialling" in text
    for i in range(3):
        assert f"P{i}" not in text and f"+8210000000{i:02d}" not in text
