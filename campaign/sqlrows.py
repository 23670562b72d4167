"""The campaign tables of the SQL stores, and their rows as objects.

The schema (one for SQLite and PostgreSQL), the columns added since the first release, the
columns a `RecipientStatus` is read from, and a cursor that speaks both drivers' placeholders.
`campaign.sqlstore` writes through these.
"""

from __future__ import annotations

import json
from typing import Any

from campaign import Campaign, Policy, Recipient, RecipientStatus, State

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS campaigns (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        scenario TEXT NOT NULL,
        policy TEXT NOT NULL,
        created_at DOUBLE PRECISION NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS recipients (
        campaign_id TEXT NOT NULL REFERENCES campaigns(id),
        recipient_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        name TEXT NOT NULL,
        phone TEXT NOT NULL,
        timezone TEXT,
        persona TEXT,
        scenario TEXT,
        simulate TEXT NOT NULL DEFAULT '',
        line INTEGER NOT NULL DEFAULT 0,
        attributes TEXT NOT NULL DEFAULT '{}',
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_at DOUBLE PRECISION NOT NULL,
        last_outcome TEXT,
        call_sid TEXT,
        report_dir TEXT,
        lease_owner TEXT,
        lease_until DOUBLE PRECISION,
        updated_at DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (campaign_id, recipient_id)
    )""",
    """CREATE INDEX IF NOT EXISTS recipients_due ON recipients (campaign_id, state, next_at)""",
    """CREATE TABLE IF NOT EXISTS attempts (
        campaign_id TEXT NOT NULL,
        recipient_id TEXT NOT NULL,
        number INTEGER NOT NULL,
        owner TEXT NOT NULL,
        started_at DOUBLE PRECISION NOT NULL,
        ended_at DOUBLE PRECISION,
        outcome TEXT,
        call_sid TEXT,
        detail TEXT NOT NULL DEFAULT '',
        report_dir TEXT,
        PRIMARY KEY (campaign_id, recipient_id, number)
    )""",
]

# Columns added after the first release, for databases created before them: (table, column,
# its definition). Added at open; a database is never rebuilt.
MIGRATIONS = [
    ("recipients", "attributes", "TEXT NOT NULL DEFAULT '{}'"),
]

RCOLS = (
    "recipient_id, name, phone, timezone, persona, scenario, simulate, line, state, attempts, "
    "next_at, last_outcome, call_sid, report_dir, lease_owner, lease_until, attributes"
)
OPEN_ATTEMPT = (
    "EXISTS (SELECT 1 FROM attempts a WHERE a.campaign_id = recipients.campaign_id"
    " AND a.recipient_id = recipients.recipient_id AND a.outcome IS NULL)"
)


def status_of(row: Any, open_attempt: bool = False) -> RecipientStatus:
    (
        rid,
        name,
        phone,
        tz,
        persona,
        scenario,
        simulate,
        line,
        state,
        attempts,
        next_at,
        last,
        sid,
        rdir,
        owner,
        until,
        attributes,
    ) = row[:17]
    return RecipientStatus(
        recipient=Recipient(
            id=rid,
            name=name,
            phone=phone,
            timezone=tz,
            persona=persona,
            scenario=scenario,
            simulate=tuple(s for s in simulate.split(";") if s),
            line=line,
            attributes=json.loads(attributes or "{}"),
        ),
        state=State(state),
        attempts=attempts,
        next_at=next_at,
        last_outcome=last,
        call_sid=sid,
        report_dir=rdir,
        lease_owner=owner,
        lease_until=until,
        open_attempt=bool(row[17]) if len(row) > 17 else open_attempt,
    )


def campaign_of(row: Any) -> Campaign:
    cid, name, scenario, policy, created = row
    return Campaign(cid, name, scenario, Policy(**json.loads(policy)), created)


class Cursor:
    """Rewrites `?` placeholders for drivers that use `%s`."""

    def __init__(self, cur: Any, placeholder: str) -> None:
        self._cur = cur
        self._ph = placeholder

    def execute(self, sql: str, args: tuple = ()) -> Cursor:
        if self._ph != "?":
            sql = sql.replace("?", self._ph)
        self._cur.execute(sql, args)
        return self

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        if self._ph != "?":
            sql = sql.replace("?", self._ph)
        self._cur.executemany(sql, rows)

    def fetchone(self) -> Any:
        return self._cur.fetchone()

    def fetchall(self) -> list[Any]:
        return self._cur.fetchall()

    @property
    def rowcount(self) -> int:
        return self._cur.rowcount


# A claimed recipient's row, guarded by the lease: written only while it is being called and
# `owner` still holds it (a runner that lost its lease changes nothing).
LEASED = "WHERE campaign_id = ? AND recipient_id = ? AND state = 'calling' AND lease_owner = ?"
UNLEASE = "lease_owner = NULL, lease_until = NULL"  # the recipient is no longer being called


def update_leased(
    cur: Cursor, sets: str, values: tuple, key: tuple[str, str, str], returning: str = ""
) -> Cursor:
    """`UPDATE recipients SET <sets>` on the row `key` = (campaign, recipient, lease owner)
    holds; `values` fill `sets`' placeholders."""
    suffix = f" RETURNING {returning}" if returning else ""
    return cur.execute(f"UPDATE recipients SET {sets} {LEASED}{suffix}", (*values, *key))
