"""Dashboard accounts in the campaign store: users, sessions and the audit log.

They live in the same database as the campaigns (SQLite file or PostgreSQL) rather than in a
file of their own: a dashboard on another machine than the runner (the PostgreSQL setup) needs
no second shared file, one backup holds the data and the record of who looked at it, and the
login rate limit and sessions hold across several dashboard processes. Both backends use this
SQL through `SqlStore`'s transaction helper (this class is its mixin).

Only an argon2 hash of each password is stored, and only a SHA-256 of each session token, so a
copy of the database gives no way to log in. The audit log is append-only: nothing here updates
or deletes its rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ACCOUNT_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS dashboard_users (
        name TEXT PRIMARY KEY,
        password_hash TEXT NOT NULL,
        created_at DOUBLE PRECISION NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS dashboard_sessions (
        token_hash TEXT PRIMARY KEY,
        user_name TEXT NOT NULL,
        csrf TEXT NOT NULL,
        created_at DOUBLE PRECISION NOT NULL,
        expires_at DOUBLE PRECISION NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS dashboard_audit (
        at DOUBLE PRECISION NOT NULL,
        user_name TEXT NOT NULL,
        action TEXT NOT NULL,
        ip TEXT NOT NULL DEFAULT '',
        campaign_id TEXT,
        recipient_id TEXT,
        detail TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE INDEX IF NOT EXISTS dashboard_audit_at ON dashboard_audit (at)""",
]

AUDIT_ACTIONS = (
    "login",
    "login_failed",
    "login_throttled",
    "logout",
    "view_campaign",
    "view_person",
    "play_recording",
    "export_csv",
    "view_alerts",  # the live alert banner (campaign.dashboard.live), at most once per 10 min
    "ack_alert",
    "view_live_call",  # a call in progress shown on /live (campaign.dashboard.calls_live)
    "listen_live",  # listening in on a call in progress
    "view_trends",  # a person's trends page
)


@dataclass(frozen=True)
class Session:
    user: str
    csrf: str
    created_at: float
    expires_at: float


@dataclass(frozen=True)
class AuditRow:
    at: float
    user: str
    action: str
    ip: str
    campaign_id: str | None
    recipient_id: str | None
    detail: str


class Accounts:
    """Mixin for `SqlStore`: needs its `_tx()` (one transaction, `?` placeholders)."""

    def _tx(self) -> Any:  # provided by SqlStore
        raise NotImplementedError

    # -- users -----------------------------------------------------------------------------------

    def add_user(self, name: str, password_hash: str, now: float, replace: bool = False) -> bool:
        """False when the user exists and `replace` is not set. Replacing a password ends the
        user's sessions."""
        with self._tx() as cur:
            exists = cur.execute("SELECT 1 FROM dashboard_users WHERE name = ?", (name,)).fetchone()
            if exists and not replace:
                return False
            if exists:
                cur.execute(
                    "UPDATE dashboard_users SET password_hash = ? WHERE name = ?",
                    (password_hash, name),
                )
                cur.execute("DELETE FROM dashboard_sessions WHERE user_name = ?", (name,))
            else:
                cur.execute(
                    "INSERT INTO dashboard_users (name, password_hash, created_at)"
                    " VALUES (?, ?, ?)",
                    (name, password_hash, now),
                )
        return True

    def password_hash(self, name: str) -> str | None:
        with self._tx() as cur:
            row = cur.execute(
                "SELECT password_hash FROM dashboard_users WHERE name = ?", (name,)
            ).fetchone()
        return row[0] if row else None

    def rehash_user(self, name: str, old_hash: str, new_hash: str) -> None:
        """Store a stronger hash of the same password (argon2 parameters were raised)."""
        with self._tx() as cur:
            cur.execute(
                "UPDATE dashboard_users SET password_hash = ? WHERE name = ? AND password_hash = ?",
                (new_hash, name, old_hash),
            )

    def users(self) -> list[tuple[str, float]]:
        with self._tx() as cur:
            return list(
                cur.execute("SELECT name, created_at FROM dashboard_users ORDER BY name").fetchall()
            )

    def user_count(self) -> int:
        with self._tx() as cur:
            return cur.execute("SELECT COUNT(*) FROM dashboard_users").fetchone()[0]

    def remove_user(self, name: str) -> bool:
        """Removes the user and ends their sessions at once."""
        with self._tx() as cur:
            n = cur.execute("DELETE FROM dashboard_users WHERE name = ?", (name,)).rowcount
            cur.execute("DELETE FROM dashboard_sessions WHERE user_name = ?", (name,))
        return n == 1

    # -- sessions --------------------------------------------------------------------------------

    def create_session(
        self, token_hash: str, user: str, csrf: str, now: float, expires_at: float
    ) -> None:
        with self._tx() as cur:
            cur.execute("DELETE FROM dashboard_sessions WHERE expires_at <= ?", (now,))
            cur.execute(
                "INSERT INTO dashboard_sessions (token_hash, user_name, csrf, created_at,"
                " expires_at) VALUES (?, ?, ?, ?, ?)",
                (token_hash, user, csrf, now, expires_at),
            )

    def session(self, token_hash: str, now: float) -> Session | None:
        """The live session of this token whose user still exists."""
        with self._tx() as cur:
            row = cur.execute(
                "SELECT s.user_name, s.csrf, s.created_at, s.expires_at FROM dashboard_sessions s"
                " JOIN dashboard_users u ON u.name = s.user_name"
                " WHERE s.token_hash = ? AND s.expires_at > ?",
                (token_hash, now),
            ).fetchone()
        return Session(*row) if row else None

    def extend_session(self, token_hash: str, expires_at: float) -> None:
        with self._tx() as cur:
            cur.execute(
                "UPDATE dashboard_sessions SET expires_at = ? WHERE token_hash = ?",
                (expires_at, token_hash),
            )

    def end_session(self, token_hash: str) -> None:
        with self._tx() as cur:
            cur.execute("DELETE FROM dashboard_sessions WHERE token_hash = ?", (token_hash,))

    # -- audit -----------------------------------------------------------------------------------

    def audit(
        self,
        at: float,
        user: str,
        action: str,
        ip: str = "",
        campaign_id: str | None = None,
        recipient_id: str | None = None,
        detail: str = "",
    ) -> None:
        if action not in AUDIT_ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        with self._tx() as cur:
            cur.execute(
                "INSERT INTO dashboard_audit (at, user_name, action, ip, campaign_id,"
                " recipient_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (at, user, action, ip, campaign_id, recipient_id, detail[:200]),
            )

    def audit_rows(
        self,
        limit: int = 100,
        user: str | None = None,
        recipient_id: str | None = None,
        action: str | None = None,
        since: float | None = None,
        campaign_id: str | None = None,
    ) -> list[AuditRow]:
        """The newest `limit` rows matching the filters, oldest first."""
        where, args = ["1 = 1"], []
        for column, value in (
            ("user_name", user),
            ("recipient_id", recipient_id),
            ("action", action),
            ("campaign_id", campaign_id),
        ):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        if since is not None:
            where.append("at >= ?")
            args.append(since)
        with self._tx() as cur:
            rows = cur.execute(
                "SELECT at, user_name, action, ip, campaign_id, recipient_id, detail"
                f" FROM dashboard_audit WHERE {' AND '.join(where)} ORDER BY at DESC LIMIT ?",
                (*args, int(limit)),
            ).fetchall()
        return [AuditRow(*r) for r in reversed(rows)]

    def failed_logins(self, user: str, ip: str, since: float) -> tuple[int, int]:
        """Failed logins since `since`: of this user from this address (counted only after
        their last successful login there), and of anyone from this address."""
        with self._tx() as cur:
            last_ok = cur.execute(
                "SELECT MAX(at) FROM dashboard_audit WHERE action = 'login'"
                " AND user_name = ? AND ip = ?",
                (user, ip),
            ).fetchone()[0]
            pair_since = max(since, last_ok or 0.0)
            pair = cur.execute(
                "SELECT COUNT(*) FROM dashboard_audit WHERE action = 'login_failed'"
                " AND user_name = ? AND ip = ? AND at > ?",
                (user, ip, pair_since),
            ).fetchone()[0]
            by_ip = cur.execute(
                "SELECT COUNT(*) FROM dashboard_audit WHERE action = 'login_failed'"
                " AND ip = ? AND at > ?",
                (ip, since),
            ).fetchone()[0]
        return pair, by_ip
