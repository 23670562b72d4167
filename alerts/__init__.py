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

from alerts.alert import MAX_EVIDENCE, Alert
from alerts.sink import AlertSink

__all__ = ["MAX_EVIDENCE", "Alert", "AlertSink"]
