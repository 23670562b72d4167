"""The SQL shared by the SQLite and PostgreSQL stores: one schema, guarded updates.

Every state change is one transaction and is guarded by what the writer believes (the lease
owner, the state `calling`), so a runner that lost its lease can never overwrite the result of
the runner that took over. Claiming is a single `UPDATE … WHERE key = (SELECT … LIMIT 1)
RETURNING`; PostgreSQL adds `FOR UPDATE SKIP LOCKED` so concurrent runners never block or
double-claim, SQLite takes the database write lock for the statement.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from campaign import Attempt, Campaign, DialResult, Outcome, Recipient, RecipientStatus, State
from campaign.accounts import ACCOUNT_SCHEMA, Accounts
from campaign.donotcall import DNC_SCHEMA, DoNotCall
from campaign.sqlprivacy import Privacy
from campaign.sqlrows import (
    MIGRATIONS,
    OPEN_ATTEMPT,
    RCOLS,
    SCHEMA,
    UNLEASE,
    Cursor,
    campaign_of,
    status_of,
    update_leased,
)


class SqlStore(Accounts, Privacy, DoNotCall):
    """A `CampaignStore` over a DB-API connection; subclasses say how to connect and lock.
    It also keeps the dashboard's users, sessions and audit log (`campaign.accounts`) and the
    do-not-call list (`campaign.donotcall`)."""

    placeholder = "?"
    skip_locked = ""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        with self._tx() as cur:
            for statement in SCHEMA + ACCOUNT_SCHEMA + DNC_SCHEMA:
                cur.execute(statement)
        for table, column, definition in MIGRATIONS:
            try:
                with self._tx() as cur:
                    cur.execute(f"SELECT {column} FROM {table} WHERE 1 = 0")
            except Exception:  # the column is missing: a database made by an older carecall
                with self._tx() as cur:
                    cur.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")

    # -- backend hooks ---------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[Any]:  # yields a cursor; commits, or rolls back on error
        raise NotImplementedError
        yield

    def close(self) -> None:
        raise NotImplementedError

    @contextmanager
    def _tx(self) -> Iterator[Cursor]:
        with self._lock, self._transaction() as cur:
            yield Cursor(cur, self.placeholder)

    # -- campaigns -------------------------------------------------------------------------------

    def create(self, campaign: Campaign, recipients: list[Recipient]) -> None:
        policy = json.dumps(campaign.policy.__dict__)
        with self._tx() as cur:
            taken = cur.execute("SELECT 1 FROM campaigns WHERE id = ?", (campaign.id,)).fetchone()
            if taken:
                raise CampaignExists(
                    f"a campaign {campaign.id!r} already exists in this database: "
                    "choose another --id (or leave it out for a generated one)"
                )
            cur.execute(
                "INSERT INTO campaigns (id, name, scenario, policy, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (campaign.id, campaign.name, campaign.scenario, policy, campaign.created_at),
            )
            cur.executemany(
                "INSERT INTO recipients (campaign_id, recipient_id, seq, name, phone,"
                " timezone, persona, scenario, simulate, line, attributes, state, attempts,"
                " next_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                [
                    (
                        campaign.id,
                        r.id,
                        seq,
                        r.name,
                        r.phone,
                        r.timezone,
                        r.persona,
                        r.scenario,
                        ";".join(r.simulate),
                        r.line,
                        json.dumps(r.attributes, ensure_ascii=False),
                        State.PENDING.value,
                        campaign.created_at,
                        campaign.created_at,
                    )
                    for seq, r in enumerate(recipients)
                ],
            )

    def campaign(self, campaign_id: str) -> Campaign:
        with self._tx() as cur:
            row = cur.execute(
                "SELECT id, name, scenario, policy, created_at FROM campaigns WHERE id = ?",
                (campaign_id,),
            ).fetchone()
        if row is None:
            raise KeyError(f"no campaign {campaign_id!r}")
        return campaign_of(row)

    def campaigns(self) -> list[Campaign]:
        with self._tx() as cur:
            rows = cur.execute(
                "SELECT id, name, scenario, policy, created_at FROM campaigns ORDER BY created_at"
            ).fetchall()
        return [campaign_of(r) for r in rows]

    # -- the calling cycle -----------------------------------------------------------------------

    def claim(
        self, campaign_id: str, now: float, owner: str, lease_until: float
    ) -> RecipientStatus | None:
        with self._tx() as cur:
            row = cur.execute(
                f"UPDATE recipients SET state = 'calling', lease_owner = ?, lease_until = ?,"
                f" updated_at = ? WHERE campaign_id = ? AND state = 'pending' AND recipient_id = ("
                f"SELECT recipient_id FROM recipients WHERE campaign_id = ? AND state = 'pending'"
                f" AND next_at <= ? ORDER BY next_at, seq LIMIT 1 {self.skip_locked})"
                f" RETURNING {RCOLS}",
                (owner, lease_until, now, campaign_id, campaign_id, now),
            ).fetchone()
        return status_of(row) if row else None

    def release(self, campaign_id: str, recipient_id: str, owner: str, next_at: float) -> bool:
        with self._tx() as cur:
            sets = f"state = 'pending', next_at = ?, {UNLEASE}"
            n = update_leased(cur, sets, (next_at,), (campaign_id, recipient_id, owner)).rowcount
        return n == 1

    def renew(self, campaign_id: str, owner: str, lease_until: float) -> int:
        with self._tx() as cur:
            return cur.execute(
                "UPDATE recipients SET lease_until = ? WHERE campaign_id = ?"
                " AND state = 'calling' AND lease_owner = ?",
                (lease_until, campaign_id, owner),
            ).rowcount

    def begin_attempt(self, campaign_id: str, recipient_id: str, owner: str, now: float) -> int:
        with self._tx() as cur:
            key = (campaign_id, recipient_id, owner)
            sets = "attempts = attempts + 1, updated_at = ?"
            row = update_leased(cur, sets, (now,), key, returning="attempts").fetchone()
            if row is None:
                return 0
            cur.execute(
                "INSERT INTO attempts (campaign_id, recipient_id, number, owner, started_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (campaign_id, recipient_id, row[0], owner, now),
            )
        return row[0]

    def finish_attempt(
        self,
        campaign_id: str,
        recipient_id: str,
        owner: str,
        number: int,
        result: DialResult,
        state: State,
        next_at: float,
        now: float,
    ) -> bool:
        answered = result.outcome is Outcome.ANSWERED
        with self._tx() as cur:
            n = update_leased(
                cur,
                f"state = ?, next_at = ?, last_outcome = ?, {UNLEASE}, updated_at = ?,"
                " call_sid = CASE WHEN ? THEN ? ELSE call_sid END,"
                " report_dir = CASE WHEN ? THEN ? ELSE report_dir END",
                (state.value, next_at, result.outcome.value, now)
                + (answered, result.call_sid, answered, result.report_dir),
                (campaign_id, recipient_id, owner),
            ).rowcount
            if n != 1:
                raise _Rollback
            cur.execute(
                "UPDATE attempts SET ended_at = ?, outcome = ?, call_sid = ?, detail = ?,"
                " report_dir = ? WHERE campaign_id = ? AND recipient_id = ? AND number = ?",
                (
                    now,
                    result.outcome.value,
                    result.call_sid,
                    result.detail[:500],
                    result.report_dir,
                    campaign_id,
                    recipient_id,
                    number,
                ),
            )
        return True

    def expired(self, campaign_id: str, now: float) -> list[RecipientStatus]:
        with self._tx() as cur:
            rows = cur.execute(
                f"SELECT {RCOLS}, {OPEN_ATTEMPT} FROM recipients WHERE campaign_id = ?"
                " AND state = 'calling' AND lease_until < ? ORDER BY seq",
                (campaign_id, now),
            ).fetchall()
        return [status_of(r) for r in rows]

    def recover(
        self,
        campaign_id: str,
        recipient_id: str,
        lease_until: float,
        state: State,
        next_at: float,
        now: float,
    ) -> bool:
        with self._tx() as cur:
            n = cur.execute(
                f"UPDATE recipients SET state = ?, next_at = ?, {UNLEASE},"
                " updated_at = ?, last_outcome = CASE WHEN "
                + OPEN_ATTEMPT
                + " THEN 'interrupted' ELSE last_outcome END"
                " WHERE campaign_id = ? AND recipient_id = ? AND state = 'calling'"
                " AND lease_until = ?",
                (state.value, next_at, now, campaign_id, recipient_id, lease_until),
            ).rowcount
            if n != 1:
                raise _Rollback
            cur.execute(
                "UPDATE attempts SET ended_at = ?, outcome = 'interrupted',"
                " detail = 'the runner stopped during the call' WHERE campaign_id = ?"
                " AND recipient_id = ? AND outcome IS NULL",
                (now, campaign_id, recipient_id),
            )
        return True

    def note_call(self, campaign_id: str, recipient_id: str, number: int, call_sid: str) -> None:
        with self._tx() as cur:
            cur.execute(
                "UPDATE attempts SET call_sid = ? WHERE campaign_id = ? AND recipient_id = ?"
                " AND number = ? AND outcome IS NULL",
                (call_sid, campaign_id, recipient_id, number),
            )

    def take_over(
        self, campaign_id: str, recipient_id: str, lease_until: float, owner: str, new_until: float
    ) -> bool:
        """Adopt a dead runner's call in progress (its lease ran out at `lease_until`)."""
        with self._tx() as cur:
            n = cur.execute(
                "UPDATE recipients SET lease_owner = ?, lease_until = ? WHERE campaign_id = ?"
                " AND recipient_id = ? AND state = 'calling' AND lease_until = ?",
                (owner, new_until, campaign_id, recipient_id, lease_until),
            ).rowcount
        return n == 1

    # -- reading ---------------------------------------------------------------------------------

    def recipients(self, campaign_id: str) -> list[RecipientStatus]:
        with self._tx() as cur:
            rows = cur.execute(
                f"SELECT {RCOLS}, {OPEN_ATTEMPT} FROM recipients WHERE campaign_id = ?"
                " ORDER BY seq",
                (campaign_id,),
            ).fetchall()
        return [status_of(r) for r in rows]

    def attempts(self, campaign_id: str, recipient_id: str | None = None) -> list[Attempt]:
        sql = (
            "SELECT recipient_id, number, started_at, ended_at, outcome, call_sid, detail,"
            " report_dir, owner FROM attempts WHERE campaign_id = ?"
        )
        args: tuple = (campaign_id,)
        if recipient_id is not None:
            sql += " AND recipient_id = ?"
            args += (recipient_id,)
        with self._tx() as cur:
            rows = cur.execute(sql + " ORDER BY started_at, recipient_id, number", args).fetchall()
        return [Attempt(*r) for r in rows]


class CampaignExists(ValueError):
    """`create` with the id of a campaign already stored; nothing was written."""


class _Rollback(Exception):
    """Raised inside a transaction whose guard did not match: nothing is written."""


def guarded(method):
    """Turn a `_Rollback` into False: the caller's lease or belief was stale."""

    def wrapper(*args, **kwargs):
        try:
            return method(*args, **kwargs)
        except _Rollback:
            return False

    wrapper.__name__ = method.__name__
    wrapper.__doc__ = method.__doc__
    return wrapper


SqlStore.finish_attempt = guarded(SqlStore.finish_attempt)  # type: ignore[method-assign]
SqlStore.recover = guarded(SqlStore.recover)  # type: ignore[method-assign]
