"""One alert: what was detected, in which call, for whom, and the words that raised it."""

from __future__ import annotations

import time
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

MAX_EVIDENCE = 1000


@dataclass(frozen=True)
class Alert:
    id: str  # uuid4: also the webhook's Idempotency-Key
    call_sid: str
    recipient_id: str
    category: str  # e.g. "fall", "chest_pain", "self_harm"
    severity: str  # "info" | "low" | "medium" | "high" | "critical"
    evidence: str  # the words that raised it (health data: never logged)
    detected_at: float  # epoch seconds

    @classmethod
    def new(cls, call_sid, recipient_id, category, severity, evidence) -> Alert:
        return cls(
            str(uuid.uuid4()),
            str(call_sid),
            str(recipient_id),
            str(category),
            str(severity),
            str(evidence)[:MAX_EVIDENCE],
            time.time(),
        )

    @property
    def detected_iso(self) -> str:
        return datetime.fromtimestamp(self.detected_at, UTC).isoformat(timespec="milliseconds")

    def to_dict(self) -> dict:
        """The webhook's JSON body (and the dashboard's view of an alert)."""
        d = asdict(self)
        d["alert_id"] = d.pop("id")
        d["detected_at"] = self.detected_iso
        return d
