"""Alerts that reach a person within seconds of being detected, mid-call.

The dialogue calls `AlertSink.raise_alert(...)` the moment it detects an emergency: the alert is
committed to the durable outbox (`alerts.outbox`, one SQLite commit) and the call returns it;
only then does the agent say that a care worker is being alerted. A `Dispatcher`
(`alerts.dispatcher`, a thread of the call server's process, off the call audio path) delivers
it on every configured channel — a signed webhook (`alerts.webhook`), SMS to the on-call
contacts through Twilio (`alerts.sms`) — retrying until delivered, and escalates to the next
on-call contact when nobody acknowledges in time. The dashboard (`campaign.dashboard.live`)
shows it live and takes acknowledgements. With the Twilio dialer, `hand_off` puts a person on
the live call (`alerts.handoff`).

Decision: an alert is always stored, whether or not a channel is configured (the dashboard that
reads the same output folder shows it live). `configured` is True only when a webhook or an SMS
contact is configured: only then may the agent promise the person an immediate alert.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger("carecall.alerts")

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


class AlertSink:
    """What the dialogue uses: store an alert (synchronous, thread-safe, one SQLite commit) and,
    on Twilio calls, hand the live call to a person.

    `webhook`, `sms`: channel objects (`alerts.webhook.WebhookChannel`, `alerts.sms.SmsChannel`)
    or None; `sms_to`: the on-call contacts in escalation order (the first gets the SMS at once,
    the next one each `ack_s` without an acknowledgement); `handoff`: a callable `call_sid ->
    bool` (`alerts.handoff.HandOff`) or None. The outbox file is opened on first use, so a
    process that never raises an alert and has no channel creates no file."""

    def __init__(
        self,
        path: str | Path,
        *,
        webhook=None,
        sms=None,
        sms_to: list[str] | tuple[str, ...] = (),
        ack_s: float = 300.0,
        handoff: Callable[[str], bool] | None = None,
        dispatcher_options: dict | None = None,
    ) -> None:
        self.path = Path(path)
        self.webhook = webhook
        self.sms = sms if sms_to else None
        self.sms_to = list(sms_to)
        self.ack_s = ack_s
        self.handoff = handoff
        self.dispatcher_options = dispatcher_options or {}
        self.dispatcher = None
        self._outbox = None
        self._lock = threading.Lock()

    @property
    def configured(self) -> bool:
        """At least one channel that reaches a person (webhook or SMS) is configured."""
        return bool(self.channels)

    @property
    def channels(self) -> list[str]:
        """The channels a new alert is queued on (escalation adds `sms:1`, `sms:2` … later)."""
        return (["webhook"] if self.webhook else []) + (["sms:0"] if self.sms else [])

    @property
    def outbox(self):
        with self._lock:
            if self._outbox is None:
                from alerts.outbox import Outbox

                self._outbox = Outbox(self.path)
            return self._outbox

    def raise_alert(
        self, call_sid: str, recipient_id: str, category: str, severity: str, evidence: str
    ) -> Alert | None:
        """Store the alert durably and wake the dispatcher; the stored alert, or None when it
        could not be stored (then the agent must not promise anything)."""
        alert = Alert.new(call_sid, recipient_id, category, severity, evidence)
        try:
            self.outbox.add(alert, self.channels)
        except (sqlite3.Error, OSError) as exc:
            log.error("alert for call %s (%s) NOT stored: %s", call_sid, category, exc)
            return None
        log.warning(
            "alert %s stored: call %s, recipient %s, %s/%s, channels %s",
            alert.id, call_sid, recipient_id, category, severity, self.channels or "none",
        )  # fmt: skip
        if self.dispatcher is not None:
            self.dispatcher.wake()
        return alert

    def hand_off(self, call_sid: str) -> bool:
        """Put a person (on-call contact or emergency number) on the live Twilio call; False
        when no hand-off is configured or Twilio refused. Blocking (one REST request): call it
        from a worker thread, never the event loop."""
        if self.handoff is None:
            return False
        return self.handoff(call_sid)

    def start(self) -> None:
        """Start delivering (resuming whatever the outbox holds pending); no-op without a
        channel."""
        if not self.configured or self.dispatcher is not None:
            return
        from alerts.dispatcher import Dispatcher

        self.dispatcher = Dispatcher(
            self.outbox,
            webhook=self.webhook,
            sms=self.sms,
            sms_to=self.sms_to,
            ack_s=self.ack_s,
            **self.dispatcher_options,
        )
        self.dispatcher.start()

    def close(self, timeout_s: float = 10.0) -> None:
        if self.dispatcher is not None:
            self.dispatcher.stop(timeout_s)
            self.dispatcher = None
        with self._lock:
            if self._outbox is not None:
                self._outbox.close()
                self._outbox = None


__all__ = ["Alert", "AlertSink"]
