"""The durable alert outbox: an alert is on disk before anyone is told about it.

One SQLite file (WAL, `synchronous=FULL`, created 0600; default `<output_dir>/alerts.sqlite`)
holds every alert and, per alert and channel, its delivery: state, attempts, when to try next,
the last error; and the alert's acknowledgement (who, by what, when). `add()` returns once the
alert and its pending deliveries are committed (fsynced), so the process may die right after
and a dispatcher started later on the same file still delivers them.

Safe across threads (one connection per thread) and processes (the call server's dispatcher
delivers while the dashboard, another process, reads and acknowledges): every write is one
short `BEGIN IMMEDIATE` transaction, and a delivery is *claimed* before it is sent (its next
attempt moved a lease ahead, with the claiming process noted) so that two dispatchers never
send it at the same time; a claim left by a process that died is released at the next start.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alerts.alert import Alert

SCHEMA = """
CREATE TABLE IF NOT EXISTS alerts (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    call_sid TEXT NOT NULL,
    recipient_id TEXT NOT NULL,
    category TEXT NOT NULL,
    severity TEXT NOT NULL,
    evidence TEXT NOT NULL,
    detected_at REAL NOT NULL,
    acked_at REAL,
    acked_by TEXT,
    acked_via TEXT,
    level INTEGER NOT NULL DEFAULT 0,  -- index of the last on-call contact sent an SMS
    updated_seq INTEGER NOT NULL DEFAULT 0  -- bumped on acknowledgement (the live stream)
);
CREATE TABLE IF NOT EXISTS deliveries (
    alert_id TEXT NOT NULL REFERENCES alerts(id),
    channel TEXT NOT NULL,  -- "webhook" or "sms:N" (the N-th on-call contact)
    state TEXT NOT NULL DEFAULT 'pending',  -- pending | delivered
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at REAL NOT NULL,
    claimed_by TEXT,
    last_error TEXT,
    delivered_at REAL,
    PRIMARY KEY (alert_id, channel)
);
CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries(state, next_attempt_at);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""

ALERT_COLUMNS = "id, call_sid, recipient_id, category, severity, evidence, detected_at"
ME = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass(frozen=True)
class Delivery:
    alert: Alert
    channel: str
    attempts: int  # attempts before this one


@dataclass(frozen=True)
class StoredAlert:
    """An alert as the dashboard shows it: with its acknowledgement and deliveries."""

    seq: int
    alert: Alert
    acked_at: float | None
    acked_by: str | None
    acked_via: str | None
    updated_seq: int
    deliveries: dict[str, str]  # channel -> state

    def to_dict(self) -> dict:
        return {
            **self.alert.to_dict(),
            "seq": self.seq,
            "acked_at": self.acked_at,
            "acked_by": self.acked_by,
            "acked_via": self.acked_via,
            "deliveries": self.deliveries,
        }


class Outbox:
    def __init__(self, path: str | Path, *, busy_timeout_s: float = 10.0) -> None:
        self.path = Path(path)
        self.busy_timeout_ms = int(busy_timeout_s * 1000)
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # 0600 before SQLite opens it; SQLite gives the -wal and -shm files the same mode.
        os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600))
        self._conn().executescript(SCHEMA)

    # -- connections -----------------------------------------------------------------------------

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout={self.busy_timeout_ms}")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        db = self._conn()
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    # -- retention and erasure (carecall.retention) ----------------------------------------------

    def purge_evidence(self, before: float) -> int:
        """Blank the evidence (the person's words) of alerts detected before `before`; the
        alert itself (category, severity, times) stays for the office's records."""
        with self._tx() as db:
            return db.execute(
                "UPDATE alerts SET evidence = '' WHERE detected_at < ? AND evidence != ''",
                (before,),
            ).rowcount

    def recipient_alerts(self, recipient_id: str) -> list[dict]:
        rows = self._conn().execute(
            f"SELECT {ALERT_COLUMNS} FROM alerts WHERE recipient_id = ? ORDER BY seq",
            (recipient_id,),
        )
        names = [c.strip() for c in ALERT_COLUMNS.split(",")]
        return [dict(zip(names, row, strict=True)) for row in rows]

    def erase_evidence(self, recipient_id: str) -> int:
        with self._tx() as db:
            return db.execute(
                "UPDATE alerts SET evidence = '' WHERE recipient_id = ? AND evidence != ''",
                (recipient_id,),
            ).rowcount

    def close(self) -> None:
        with self._lock:
            conns, self._all = self._all, []
        for conn in conns:
            conn.close()
        self._local = threading.local()

    # -- writing ---------------------------------------------------------------------------------

    def add(self, alert: Alert, channels: list[str], now: float | None = None) -> None:
        """Store `alert` with a pending delivery on each of `channels`; returns once committed."""
        now = time.time() if now is None else now
        a = alert
        with self._tx() as db:
            db.execute(
                f"INSERT INTO alerts ({ALERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (a.id, a.call_sid, a.recipient_id, a.category, a.severity, a.evidence,
                 a.detected_at),
            )  # fmt: skip
            db.executemany(
                "INSERT INTO deliveries (alert_id, channel, next_attempt_at) VALUES (?, ?, ?)",
                [(a.id, ch, now) for ch in channels],
            )

    def claim(self, now: float, lease_s: float, limit: int = 8) -> list[Delivery]:
        """Pending deliveries due by `now`, each leased to this process for `lease_s`."""
        with self._tx() as db:
            rows = db.execute(
                f"SELECT d.channel, d.attempts, {', '.join('a.' + c for c in _cols())} "
                "FROM deliveries d JOIN alerts a ON a.id = d.alert_id "
                "WHERE d.state = 'pending' AND d.next_attempt_at <= ? "
                "ORDER BY d.next_attempt_at LIMIT ?",
                (now, limit),
            ).fetchall()
            db.executemany(
                "UPDATE deliveries SET next_attempt_at = ?, claimed_by = ? "
                "WHERE alert_id = ? AND channel = ?",
                [(now + lease_s, ME, r[2], r[0]) for r in rows],
            )
        return [Delivery(Alert(*r[2:]), r[0], r[1]) for r in rows]

    def delivered(self, alert_id: str, channel: str, now: float | None = None) -> None:
        with self._tx() as db:
            db.execute(
                "UPDATE deliveries SET state = 'delivered', attempts = attempts + 1, "
                "delivered_at = ?, claimed_by = NULL, last_error = NULL "
                "WHERE alert_id = ? AND channel = ?",
                (time.time() if now is None else now, alert_id, channel),
            )

    def failed(self, alert_id: str, channel: str, error: str, retry_at: float) -> None:
        """An attempt failed: try again at `retry_at` (an alert is never dropped)."""
        with self._tx() as db:
            db.execute(
                "UPDATE deliveries SET attempts = attempts + 1, next_attempt_at = ?, "
                "claimed_by = NULL, last_error = ? "
                "WHERE alert_id = ? AND channel = ? AND state = 'pending'",
                (retry_at, error[:500], alert_id, channel),
            )

    def hasten(self, channel_like: str, now: float) -> int:
        """Pending deliveries on channels LIKE `channel_like` that wait for a retry: due now
        (a delivery just went through, so the receiver is back)."""
        with self._tx() as db:
            return db.execute(
                "UPDATE deliveries SET next_attempt_at = ? WHERE state = 'pending' "
                "AND channel LIKE ? AND claimed_by IS NULL AND next_attempt_at > ?",
                (now, channel_like, now),
            ).rowcount

    def release_dead_claims(self, now: float) -> int:
        """Deliveries claimed by a process of this host that no longer runs: due now."""
        host = socket.gethostname() + ":"
        with self._tx() as db:
            owners = [
                r[0]
                for r in db.execute(
                    "SELECT DISTINCT claimed_by FROM deliveries "
                    "WHERE state = 'pending' AND claimed_by LIKE ?",
                    (host + "%",),
                )
            ]
            dead = [o for o in owners if not _alive(o.split(":")[1])]
            n = 0
            for owner in dead:
                n += db.execute(
                    "UPDATE deliveries SET next_attempt_at = ?, claimed_by = NULL "
                    "WHERE state = 'pending' AND claimed_by = ?",
                    (now, owner),
                ).rowcount
        return n

    def acknowledge(self, alert_id: str, by: str, via: str, now: float | None = None) -> bool:
        """Mark acknowledged (the first acknowledgement stands); False for an unknown id."""
        with self._tx() as db:
            if db.execute("SELECT 1 FROM alerts WHERE id = ?", (alert_id,)).fetchone() is None:
                return False
            seq = _next_seq(db)
            db.execute(
                "UPDATE alerts SET acked_at = ?, acked_by = ?, acked_via = ?, updated_seq = ? "
                "WHERE id = ? AND acked_at IS NULL",
                (time.time() if now is None else now, by[:64], via[:32], seq, alert_id),
            )
        return True

    def escalate_due(self, now: float, ack_s: float, contacts: int) -> list[str]:
        """Unacknowledged alerts whose on-call contact `level` had `ack_s` (counted from
        detection, per level) without an acknowledgement: an SMS to contact `level + 1` is
        queued. Returns the new channels as `alert_id/sms:N`."""
        queued = []
        with self._tx() as db:
            rows = db.execute(
                "SELECT id, level FROM alerts WHERE acked_at IS NULL AND level + 1 < ? "
                "AND detected_at + (level + 1) * ? <= ?",
                (contacts, ack_s, now),
            ).fetchall()
            for alert_id, level in rows:
                channel = f"sms:{level + 1}"
                db.execute("UPDATE alerts SET level = ? WHERE id = ?", (level + 1, alert_id))
                db.execute(
                    "INSERT OR IGNORE INTO deliveries (alert_id, channel, next_attempt_at) "
                    "VALUES (?, ?, ?)",
                    (alert_id, channel, now),
                )
                queued.append(f"{alert_id}/{channel}")
        return queued

    # -- reading ---------------------------------------------------------------------------------

    def next_due(self) -> float | None:
        row = (
            self._conn()
            .execute("SELECT MIN(next_attempt_at) FROM deliveries WHERE state = 'pending'")
            .fetchone()
        )
        return row[0]

    def pending(self) -> int:
        row = self._conn().execute("SELECT COUNT(*) FROM deliveries WHERE state = 'pending'")
        return row.fetchone()[0]

    def deliveries(self, alert_id: str) -> dict[str, tuple[str, int, str | None]]:
        rows = self._conn().execute(
            "SELECT channel, state, attempts, last_error FROM deliveries WHERE alert_id = ?",
            (alert_id,),
        )
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def get(self, alert_id: str) -> StoredAlert | None:
        found = self._select("WHERE a.id = ?", (alert_id,))
        return found[0] if found else None

    def unacknowledged(self, limit: int = 50) -> list[StoredAlert]:
        return self._select("WHERE a.acked_at IS NULL ORDER BY a.seq DESC LIMIT ?", (limit,))

    def changes(self, after_seq: int, after_update: int) -> list[StoredAlert]:
        """Alerts added after `after_seq` or acknowledged after `after_update` (oldest first)."""
        return self._select(
            "WHERE a.seq > ? OR a.updated_seq > ? ORDER BY a.seq", (after_seq, after_update)
        )

    def cursor(self) -> tuple[int, int]:
        """(last alert seq, last acknowledgement seq): where a live stream starts."""
        db = self._conn()
        seq = db.execute("SELECT COALESCE(MAX(seq), 0) FROM alerts").fetchone()[0]
        upd = db.execute("SELECT COALESCE(MAX(updated_seq), 0) FROM alerts").fetchone()[0]
        return seq, upd

    def _select(self, where: str, params: tuple) -> list[StoredAlert]:
        db = self._conn()
        rows = db.execute(
            f"SELECT a.seq, {', '.join('a.' + c for c in _cols())}, a.acked_at, a.acked_by, "
            f"a.acked_via, a.updated_seq FROM alerts a {where}",
            params,
        ).fetchall()
        out = []
        for r in rows:
            states = dict(
                db.execute("SELECT channel, state FROM deliveries WHERE alert_id = ?", (r[1],))
            )
            out.append(StoredAlert(r[0], Alert(*r[1:8]), r[8], r[9], r[10], r[11], states))
        return out


def _cols() -> list[str]:
    return [c.strip() for c in ALERT_COLUMNS.split(",")]


def _next_seq(db: sqlite3.Connection) -> int:
    db.execute(
        "INSERT INTO counters (name, value) VALUES ('ack', 1) "
        "ON CONFLICT(name) DO UPDATE SET value = value + 1"
    )
    return db.execute("SELECT value FROM counters WHERE name = 'ack'").fetchone()[0]


def _alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, ValueError):
        return True
    return True
