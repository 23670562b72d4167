"""The do-not-call list: numbers whose people asked not to be called again (P5).

One list per store, shared by every campaign in it: a person who opted out on one campaign's
call (`dialogue.optout`: heard, confirmed once, the call's outcome `opted_out`) or was put on it
by hand (`carecall recipients optout`) is skipped by every campaign afterwards. The runner
checks the list when it claims a recipient, not when the campaign is created, so an opt-out
during a campaign also stops that campaign's later calls; a skipped recipient ends in the final
state `opted_out`, visible in `campaign status` and in exports. Keyed by the E.164 number.

A mixin of `SqlStore`, like `campaign.accounts`: SQL through its transaction helper.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from campaign.sqlrows import UNLEASE, update_leased

DNC_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS do_not_call (
        phone TEXT PRIMARY KEY,
        added_at DOUBLE PRECISION NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT ''
    )""",
]


@dataclass(frozen=True)
class DoNotCallEntry:
    phone: str
    added_at: float
    source: str  # "call <campaign>/<recipient>" or "cli"
    note: str = ""


class DoNotCall:
    """The list's reads and writes; `_tx` comes from `SqlStore`."""

    _tx: Any

    def opt_out(self, phone: str, now: float, source: str = "", note: str = "") -> bool:
        """Put `phone` on the list; False when it already was (the first entry is kept)."""
        with self._tx() as cur:
            if cur.execute("SELECT 1 FROM do_not_call WHERE phone = ?", (phone,)).fetchone():
                return False
            cur.execute(
                "INSERT INTO do_not_call (phone, added_at, source, note) VALUES (?, ?, ?, ?)",
                (phone, now, source, note[:500]),
            )
        return True

    def opt_in(self, phone: str) -> bool:
        """Take `phone` off the list (the person asked to be called again)."""
        with self._tx() as cur:
            return cur.execute("DELETE FROM do_not_call WHERE phone = ?", (phone,)).rowcount == 1

    def opted_out(self, phone: str) -> bool:
        with self._tx() as cur:
            row = cur.execute("SELECT 1 FROM do_not_call WHERE phone = ?", (phone,)).fetchone()
        return row is not None

    def do_not_call(self) -> list[DoNotCallEntry]:
        with self._tx() as cur:
            rows = cur.execute(
                "SELECT phone, added_at, source, note FROM do_not_call ORDER BY added_at, phone"
            ).fetchall()
        return [DoNotCallEntry(*r) for r in rows]

    def skip_opted_out(self, campaign_id: str, recipient_id: str, owner: str, now: float) -> bool:
        """A claimed recipient is on the list: end them as `opted_out` without dialling."""
        sets = f"state = 'opted_out', last_outcome = 'opted_out', {UNLEASE}, updated_at = ?"
        with self._tx() as cur:
            n = update_leased(cur, sets, (now,), (campaign_id, recipient_id, owner)).rowcount
        return n == 1
