"""One person's campaign rows, found for an export and blanked for an erasure on request
(`carecall recipients export|erase`, `carecall.retention`). A mixin of `SqlStore`."""

from __future__ import annotations

from campaign import RecipientStatus
from campaign.sqlrows import RCOLS, status_of


class Privacy:
    def find_recipient(self, recipient_id: str) -> list[tuple[str, RecipientStatus]]:
        """Every campaign row of one person: (campaign id, status)."""
        with self._tx() as cur:
            rows = cur.execute(
                f"SELECT campaign_id, {RCOLS} FROM recipients WHERE recipient_id = ?"
                " ORDER BY campaign_id",
                (recipient_id,),
            ).fetchall()
        return [(r[0], status_of(r[1:])) for r in rows]

    def erase_recipient(self, recipient_id: str, now: float) -> int:
        """Erasure on request: the person's name, number and attributes are blanked in every
        campaign, links to call folders dropped, and a row still to be called is closed (an
        erased person is never dialled). States and attempt counts stay (the campaign's
        numbers). Returns the rows changed."""
        with self._tx() as cur:
            n = cur.execute(
                "UPDATE recipients SET name = '', phone = '', attributes = '{}', report_dir = NULL,"
                " state = CASE WHEN state = 'pending' THEN 'gave_up' ELSE state END,"
                " last_outcome = CASE WHEN state = 'pending' THEN 'erased' ELSE last_outcome END,"
                " updated_at = ? WHERE recipient_id = ?",
                (now, recipient_id),
            ).rowcount
            cur.execute(
                "UPDATE attempts SET report_dir = NULL WHERE recipient_id = ?", (recipient_id,)
            )
        return n

    def recipient_by_phone(self, phone: str) -> str | None:
        """The id of the recipient with this number (E.164) in the newest campaign, if any:
        who an incoming call is from."""
        with self._tx() as cur:
            row = cur.execute(
                "SELECT r.recipient_id FROM recipients r JOIN campaigns c ON c.id = r.campaign_id"
                " WHERE r.phone = ? ORDER BY c.created_at DESC LIMIT 1",
                (phone,),
            ).fetchone()
        return row[0] if row else None
