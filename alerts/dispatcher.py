"""Delivering the outbox: a thread of the call server's process, off the call audio path.

The loop: queue escalations that are due, claim the deliveries that are due (leased, so that
two dispatchers on one outbox never send the same one at once), send them on a small thread
pool (one slow receiver does not hold up SMS), record each outcome, then sleep until the next
one is due or `wake()` is called (`AlertSink.raise_alert` does), polling the file every
`poll_s` for alerts stored by other processes. A failed attempt is retried after an
exponential backoff (`base_s` · 2^attempts, capped at `cap_s`, times a random factor in
[0.5, 1]) — forever: an alert is never dropped; once a retry goes through, the others waiting
on that channel are retried at once (the receiver is back). On start it releases the claims of
processes of this host that died (`kill -9` mid-send) and resumes everything pending.

Escalation: an alert nobody acknowledged within `ack_s` of detection gets an SMS to the next
on-call contact (`sms:1`), another `ack_s` later to the one after, and so on down the list.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait

from alerts.outbox import Delivery, Outbox
from alerts.webhook import SendResult

log = logging.getLogger("carecall.alerts")


def backoff_s(attempts: int, base_s: float, cap_s: float, rng=random) -> float:
    """Delay before the next try after `attempts` failed ones (>= 1): capped, with jitter."""
    delay = min(cap_s, base_s * 2 ** min(attempts - 1, 30))
    return delay * rng.uniform(0.5, 1.0)


class Dispatcher:
    def __init__(
        self,
        outbox: Outbox,
        *,
        webhook=None,
        sms=None,
        sms_to: list[str] | tuple[str, ...] = (),
        ack_s: float = 300.0,
        base_s: float = 1.0,
        cap_s: float = 60.0,
        poll_s: float = 1.0,
        lease_s: float = 60.0,
        workers: int = 4,
    ) -> None:
        self.outbox = outbox
        self.webhook = webhook
        self.sms = sms
        self.sms_to = list(sms_to)
        self.ack_s = ack_s
        self.base_s, self.cap_s = base_s, cap_s
        self.poll_s = poll_s
        self.lease_s = lease_s
        self.workers = workers
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._pool: ThreadPoolExecutor | None = None

    # -- lifecycle -------------------------------------------------------------------------------

    def start(self) -> None:
        released = self.outbox.release_dead_claims(time.time())
        pending = self.outbox.pending()
        if pending:
            log.warning("alert dispatcher: resuming %d pending deliveries", pending)
        if released:
            log.warning("alert dispatcher: %d claims of a dead process released", released)
        self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="alert-send")
        self._thread = threading.Thread(target=self._run, name="alert-dispatcher", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout_s: float = 10.0) -> None:
        """Stop after the sends in flight (each bounded by its channel's timeout)."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._thread = self._pool = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- the loop --------------------------------------------------------------------------------

    def _run(self) -> None:
        while not self._stopping.is_set():
            self._wake.clear()
            try:
                busy = self.step()
            except Exception:  # the file was busy or broken: log, wait, try again
                log.exception("alert dispatcher: a round failed; retrying")
                busy = False
            if busy:
                continue
            self._wake.wait(self._sleep_s())

    def _sleep_s(self) -> float:
        try:
            due = self.outbox.next_due()
        except Exception:
            return self.poll_s
        if due is None:
            return self.poll_s
        return max(0.0, min(self.poll_s, due - time.time()))

    def step(self) -> bool:
        """One round: escalations, then the deliveries due now. True when it sent any."""
        now = time.time()
        if self.sms is not None and len(self.sms_to) > 1:
            for queued in self.outbox.escalate_due(now, self.ack_s, len(self.sms_to)):
                log.warning("alert %s: not acknowledged in time; escalated", queued)
        claimed = self.outbox.claim(now, self.lease_s, limit=self.workers * 2)
        if not claimed:
            return False
        if self._pool is None:
            for delivery in claimed:
                self._deliver(delivery)
        else:
            wait([self._pool.submit(self._deliver, d) for d in claimed])
        return True

    def _deliver(self, d: Delivery) -> None:
        alert = d.alert
        try:
            result = self._send(d)
        except Exception as exc:  # a channel bug must not kill the thread or drop the alert
            result = SendResult(False, error=f"{type(exc).__name__}")
            log.exception("alert %s: %s channel raised", alert.id, d.channel)
        if result.delivered:
            self.outbox.delivered(alert.id, d.channel)
            log.info("alert %s delivered by %s (attempt %d)", alert.id, d.channel, d.attempts + 1)
            if d.attempts and self.outbox.hasten(_family(d.channel), time.time()):
                self.wake()  # it failed before and works now: retry the others at once
            if result.acknowledged:
                self.outbox.acknowledge(alert.id, by=d.channel, via=d.channel)
                log.info("alert %s acknowledged by the %s reply", alert.id, d.channel)
            return
        delay = backoff_s(d.attempts + 1, self.base_s, self.cap_s)
        self.outbox.failed(alert.id, d.channel, result.error or "failed", time.time() + delay)
        n = d.attempts + 1  # the first failure and every 10th are warnings, the rest info
        log.log(
            logging.WARNING if n % 10 == 1 else logging.INFO,
            "alert %s: %s attempt %d failed (%s); next in %.1f s",
            alert.id, d.channel, n, result.error, delay,
        )  # fmt: skip

    def _send(self, d: Delivery) -> SendResult:
        if d.channel == "webhook":
            if self.webhook is None:
                return SendResult(False, error="no webhook configured in this process")
            return self.webhook.send(d.alert)
        if d.channel.startswith("sms:"):
            level = int(d.channel.split(":", 1)[1])
            if self.sms is None or level >= len(self.sms_to):
                return SendResult(False, error="no such on-call contact configured")
            return self.sms.send(d.alert, self.sms_to[level], level)
        return SendResult(False, error=f"unknown channel {d.channel!r}")


def _family(channel: str) -> str:
    """The deliveries that go through the same receiver: the webhook, or Twilio's SMS."""
    return "sms:%" if channel.startswith("sms:") else channel
