"""SMS to the on-call contacts through Twilio (the official `twilio` library).

The text names no one: recipient id, category, severity, time and call id only — personal
data stays minimal (an SMS passes through carriers and sits on phones), and the care worker
opens the dashboard for the rest. Twilio credentials come from the environment
(`TWILIO_ACCOUNT_SID`, `TWILIO_AUTH_TOKEN`; see `client_from_env`).
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime

from alerts.alert import Alert
from alerts.webhook import SendResult

NUMBER = re.compile(r"\+?\d[\d ()-]{5,}\d")


class MissingCredentials(ValueError):
    pass


def client_from_env():
    """A `twilio.rest.Client` from TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN."""
    sid, token = os.environ.get("TWILIO_ACCOUNT_SID"), os.environ.get("TWILIO_AUTH_TOKEN")
    missing = [n for n, v in (("TWILIO_ACCOUNT_SID", sid), ("TWILIO_AUTH_TOKEN", token)) if not v]
    if missing:
        raise MissingCredentials(f"SMS alerts need {' and '.join(missing)} in the environment")
    from twilio.rest import Client

    return Client(sid, token)


def sms_text(alert: Alert, level: int = 0) -> str:
    when = datetime.fromtimestamp(alert.detected_at, UTC).strftime("%Y-%m-%d %H:%M UTC")
    again = f" (escalated, contact {level + 1})" if level else ""
    return (
        f"carecall ALERT{again}: {alert.severity} {alert.category}, "
        f"recipient {alert.recipient_id}, {when}, call {alert.call_sid}. "
        "Acknowledge on the dashboard."
    )


class SmsChannel:
    def __init__(self, client, from_number: str) -> None:
        self.client = client  # twilio.rest.Client
        self.from_number = from_number

    def send(self, alert: Alert, to: str, level: int = 0) -> SendResult:
        from twilio.base.exceptions import TwilioException, TwilioRestException

        sender = (
            {"messaging_service_sid": self.from_number}
            if self.from_number.startswith("MG")
            else {"from_": self.from_number}
        )
        try:
            self.client.messages.create(to=to, body=sms_text(alert, level), **sender)
        except TwilioRestException as exc:
            # Twilio's messages may quote the number: it is kept out of logs and the outbox
            msg = NUMBER.sub("<number>", str(exc.msg))
            return SendResult(False, error=f"Twilio refused: {exc.code} {msg}"[:300])
        except (TwilioException, OSError) as exc:
            return SendResult(False, error=f"cannot reach Twilio: {type(exc).__name__}")
        return SendResult(True)
