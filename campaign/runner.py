"""Running a campaign: claim due recipients, dial them, record each attempt, recover the dead.

Crash safety comes from the order of writes, each one transaction:
1. `claim` — the recipient becomes `calling`, leased to this runner (nobody else may call them);
2. `begin_attempt` — the attempt is counted *before* dialling;
3. `finish_attempt` — outcome, report and next state, guarded by the lease.
A runner killed anywhere in between leaves a lease that runs out. Whoever runs the campaign next
adopts an open attempt: the dialer's `resume` gives its outcome if the call finished or is still
going on elsewhere (a Celery worker); otherwise it is closed as `interrupted` (it counts: the
phone may have rung) and the retry policy applies. A claim that never got to step 2 is released.
So a finished call is never lost, and nobody is called more often than `max_attempts`. A
heartbeat renews the leases of calls in progress, so a long call is never taken for a dead one.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from campaign import (
    FINAL_STATES,
    CampaignStore,
    Dialer,
    DialRequest,
    DialResult,
    Outcome,
    RecipientStatus,
    State,
    load_report,
)
from campaign.schedule import after_attempt, in_window, window_opens

log = logging.getLogger("carecall.campaign")


def default_owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


@dataclass
class RunSummary:
    attempts: int = 0
    completed: int = 0
    gave_up: int = 0
    opted_out: int = 0  # skipped: on the do-not-call list
    recovered: int = 0
    remaining: int = 0  # recipients not in a final state when the run stopped


class Runner:
    def __init__(
        self,
        store: CampaignStore,
        campaign_id: str,
        dialer: Dialer,
        *,
        owner: str | None = None,
        lease_s: float = 60.0,
        poll_s: float = 1.0,
        wait_for_retries: bool = True,
        clock: Callable[[], float] = time.time,
        on_event: Callable[[str], None] | None = None,
    ) -> None:
        self.store = store
        self.campaign = store.campaign(campaign_id)
        self.policy = self.campaign.policy
        self.dialer = dialer
        self.owner = owner or default_owner()
        self.lease_s = lease_s
        self.poll_s = poll_s
        self.wait_for_retries = wait_for_retries
        self.clock = clock
        self.on_event = on_event or (lambda line: log.info("%s", line))
        self.summary = RunSummary()

    def _tz(self, status: RecipientStatus) -> str:
        return status.recipient.timezone or self.policy.timezone

    def recover(self, active: dict[str, asyncio.Task]) -> int:
        """Take over recipients whose runner died (their lease ran out). A claim that was never
        dialled is released; an open attempt is adopted and resumed: its outcome comes from the
        dialer if it knows it (waiting for a call still going on), else it is `interrupted`."""
        now = self.clock()
        n = 0
        for st in self.store.expired(self.campaign.id, now):
            rid, seen = st.recipient.id, st.lease_until or 0.0
            if not st.open_attempt:
                if self.store.recover(self.campaign.id, rid, seen, State.PENDING, st.next_at, now):
                    n += 1
                    self.on_event(f"recovered {rid}: unused claim released")
                continue
            if rid in active or not self.store.take_over(
                self.campaign.id, rid, seen, self.owner, now + self.lease_s
            ):
                continue
            n += 1
            self.on_event(f"recovered {rid}: attempt {st.attempts} was in progress")
            active[rid] = asyncio.create_task(self._resume(st))
        self.summary.recovered += n
        return n

    async def _resume(self, st: RecipientStatus) -> None:
        noted = [a.call_sid for a in self.store.attempts(self.campaign.id, st.recipient.id)]
        request = self._request(st, st.attempts, call_sid=noted[-1] if noted else None)
        result = None
        resume = getattr(self.dialer, "resume", None)
        if resume is not None:
            try:
                result = await resume(request)
            except Exception:
                log.exception("%s: resuming attempt %d failed", st.recipient.id, st.attempts)
        if result is None:
            result = DialResult(Outcome.INTERRUPTED, detail="the runner stopped during the call")
        await self._record(st, st.attempts, result)

    async def run(self) -> RunSummary:
        cid = self.campaign.id
        active: dict[str, asyncio.Task] = {}
        heartbeat = asyncio.create_task(self._heartbeat())
        try:
            self.recover(active)
            last_recovery = self.clock()
            while True:
                if self.clock() - last_recovery >= self.lease_s / 2:  # other runners may die
                    self.recover(active)
                    last_recovery = self.clock()
                self._fill(active)
                if active:
                    done, _ = await asyncio.wait(
                        active.values(), timeout=self.poll_s, return_when=asyncio.FIRST_COMPLETED
                    )
                    for rid in [r for r, t in active.items() if t in done]:
                        active.pop(rid).result()
                    continue
                rows = self.store.recipients(cid)
                open_rows = [r for r in rows if r.state not in FINAL_STATES]
                if not open_rows:
                    break
                if self.recover(active):
                    continue
                now = self.clock()
                due = [r.next_at for r in open_rows if r.state is State.PENDING]
                if not self.wait_for_retries and not any(t <= now for t in due):
                    break
                wake = min([*due, now + self.poll_s])
                await asyncio.sleep(min(max(wake - now, 0.01), self.poll_s))
        finally:
            heartbeat.cancel()
            for task in active.values():
                task.cancel()
            if active:
                await asyncio.gather(*active.values(), return_exceptions=True)
        rows = self.store.recipients(cid)
        self.summary.remaining = sum(r.state not in FINAL_STATES for r in rows)
        return self.summary

    def _fill(self, active: dict[str, asyncio.Task]) -> None:
        while len(active) < self.policy.concurrency:
            now = self.clock()
            st = self.store.claim(self.campaign.id, now, self.owner, now + self.lease_s)
            if st is None:
                return
            if self._skip_opted_out(st, now):
                continue
            tz = self._tz(st)
            if not in_window(now, self.policy, tz):
                opens = window_opens(now, self.policy, tz)
                self.store.release(self.campaign.id, st.recipient.id, self.owner, opens)
                self.on_event(f"{st.recipient.id}: outside calling hours in {tz}; later")
                continue
            if st.attempts >= self.policy.max_attempts:  # never dial past the limit
                self.store.recover(
                    self.campaign.id,
                    st.recipient.id,
                    st.lease_until or 0.0,
                    State.GAVE_UP,
                    now,
                    now,
                )
                log.error("%s: pending with %d attempts; gave up", st.recipient.id, st.attempts)
                continue
            active[st.recipient.id] = asyncio.create_task(self._call(st))

    def _skip_opted_out(self, st: RecipientStatus, now: float) -> bool:
        """On the do-not-call list (`campaign.donotcall`): never dialled, ended `opted_out`."""
        opted_out = getattr(self.store, "opted_out", None)
        if opted_out is None or not opted_out(st.recipient.phone):
            return False
        if self.store.skip_opted_out(self.campaign.id, st.recipient.id, self.owner, now):
            self.summary.opted_out += 1
            self.on_event(f"{st.recipient.id}: on the do-not-call list; skipped")
        return True

    def _note_opt_out(self, st: RecipientStatus, result: DialResult) -> None:
        """The person asked on the call not to be called again, and confirmed it."""
        report = load_report(result.report_dir) if result.outcome is Outcome.ANSWERED else None
        if (report or {}).get("outcome") != "opted_out" or not hasattr(self.store, "opt_out"):
            return
        source = f"call {self.campaign.id}/{st.recipient.id}"
        self.store.opt_out(st.recipient.phone, self.clock(), source)
        self.on_event(f"{st.recipient.id}: asked not to be called again; on the do-not-call list")

    async def _call(self, st: RecipientStatus) -> None:
        cid, rid = self.campaign.id, st.recipient.id
        number = self.store.begin_attempt(cid, rid, self.owner, self.clock())
        if number == 0:
            self.on_event(f"{rid}: lease lost before dialling; skipped")
            return
        self.summary.attempts += 1
        request = self._request(st, number)
        self.on_event(f"{rid}: dialling, attempt {number}")  # ids only: no number in a log
        try:
            result = await self.dialer.dial(request)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a dialer bug is a failed attempt, not a dead campaign
            log.exception("%s: dialer failed", rid)
            result = DialResult(Outcome.FAILED, detail=f"dialer error: {exc!r}")
        await self._record(st, number, result)

    def _request(
        self, st: RecipientStatus, number: int, call_sid: str | None = None
    ) -> DialRequest:
        cid, rid = self.campaign.id, st.recipient.id
        scenario = st.recipient.scenario or self.campaign.scenario

        def placed(sid: str) -> None:
            try:
                self.store.note_call(cid, rid, number, sid)
            except Exception:
                log.exception("%s: could not note call %s", rid, sid)

        return DialRequest(cid, st.recipient, scenario, number, call_sid, placed)

    async def _record(self, st: RecipientStatus, number: int, result: DialResult) -> None:
        cid, rid = self.campaign.id, st.recipient.id
        now = self.clock()
        state, next_at = after_attempt(result.outcome, number, now, self.policy, self._tz(st))
        ok = self.store.finish_attempt(cid, rid, self.owner, number, result, state, next_at, now)
        if not ok:
            self.on_event(f"{rid}: lease lost during the call; result not recorded")
            return
        self._note_opt_out(st, result)
        if state is State.COMPLETED:
            self.summary.completed += 1
        elif state is State.GAVE_UP:
            self.summary.gave_up += 1
        self.on_event(f"{rid}: attempt {number} {result.outcome.value} -> {state.value}")

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(max(self.lease_s / 3, 0.05))
            try:
                self.store.renew(self.campaign.id, self.owner, self.clock() + self.lease_s)
            except Exception:
                log.exception("lease renewal failed")
