"""`AlertSink`: what the dialogue raises alerts through (see the package's docstring)."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from alerts.alert import Alert

log = logging.getLogger("carecall.alerts")


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
