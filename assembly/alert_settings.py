"""Alert settings: their checks, their CLI flags, and building the `AlertSink` from them.

Wiring only (the composition root): the channels themselves live in `alerts/`.
"""

from __future__ import annotations

import argparse
import re
from urllib.parse import urlsplit

from alerts import AlertSink
from telephony.auth import is_loopback

ALERT_KEYS = [
    "alert_webhook",
    "alert_secret",
    "alert_sms_to",
    "alert_sms_from",
    "alert_ack_minutes",
    "alert_handoff",
]


def check_webhook_url(url: str) -> str:
    """An absolute http(s) URL; plain http only to this machine (alerts carry health data)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("must be an absolute https:// URL")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise ValueError("plain http only to a loopback address; use https:// (health data)")
    if parts.username or parts.password:
        raise ValueError("no credentials in the URL; the requests are signed with alert_secret")
    return url


def e164(number: str, field: str) -> str:
    """`number` in E.164 form; the error names the field, never the number."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse(str(number), None)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        raise ValueError(f"{field}: not a valid phone number in E.164 form (+<country><number>)")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def check_alert_settings(s) -> None:
    if s.alert_webhook and not s.alert_secret:
        raise ValueError(
            "alert_webhook needs alert_secret (at least 16 characters; give it as "
            "CARECALL_ALERT_SECRET) to sign the requests"
        )
    if s.alert_sms_to and not s.alert_sms_from:
        raise ValueError("alert_sms_to needs alert_sms_from (the Twilio number that sends)")
    if s.alert_handoff == "oncall" and not s.alert_sms_to:
        raise ValueError("alert_handoff oncall needs alert_sms_to (its first number is dialled)")
    if s.emergency_number is not None and not re.fullmatch(r"\+?[0-9]{2,15}", s.emergency_number):
        raise ValueError("emergency_number: digits only (e.g. 119, 911, 112)")


def build_alert_sink(settings, *, twilio_client=None, **dispatcher_options) -> AlertSink:
    """The sink of a pipeline: the outbox at `settings.alerts_path`, a webhook and SMS when
    configured (SMS needs TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN unless a client is given)."""
    from assembly.config import ConfigError

    webhook = sms = None
    if settings.alert_webhook:
        from alerts.webhook import WebhookChannel

        webhook = WebhookChannel(settings.alert_webhook, settings.alert_secret)
    if settings.alert_sms_to:
        from alerts.sms import MissingCredentials, SmsChannel, client_from_env

        try:
            client = twilio_client or client_from_env()
        except MissingCredentials as exc:
            raise ConfigError(str(exc)) from None
        sms = SmsChannel(client, settings.alert_sms_from)
    return AlertSink(
        settings.alerts_path,
        webhook=webhook,
        sms=sms,
        sms_to=settings.alert_sms_to,
        ack_s=settings.alert_ack_minutes * 60.0,
        dispatcher_options=dispatcher_options,
    )


def enable_handoff(sink: AlertSink, settings, client) -> None:
    """With the Twilio dialer: `sink.hand_off(call_sid)` dials the on-call contact or the
    emergency number into the live call, as `alert_handoff` says."""
    if settings.alert_handoff == "none":
        return
    from alerts.handoff import HandOff

    number = settings.alert_sms_to[0] if settings.alert_handoff == "oncall" else settings.emergency
    sink.handoff = HandOff(client, settings.alert_handoff, number, settings.language)


def add_alert_args(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("alerts (see README, Alerts)")
    g.add_argument("--alert-webhook", metavar="URL", help="POST signed alerts here (https)")
    g.add_argument(
        "--alert-secret",
        metavar="SECRET",
        help="signs the webhook (16+ characters; better: CARECALL_ALERT_SECRET, not in `ps`)",
    )
    g.add_argument(
        "--alert-sms-to",
        metavar="NUMBER",
        action="append",
        help="an on-call contact for SMS alerts, E.164 (repeatable: escalation order)",
    )
    g.add_argument("--alert-sms-from", metavar="NUMBER", help="the Twilio number that sends SMS")
    g.add_argument(
        "--alert-ack-minutes",
        type=float,
        metavar="MIN",
        help="escalate to the next on-call contact after this long unacknowledged (default 5)",
    )
    g.add_argument(
        "--alert-handoff",
        choices=["oncall", "emergency", "none"],
        help="Twilio dialer: who an emergency call can be handed to (default none)",
    )


def alert_overrides(args: argparse.Namespace) -> dict:
    return {k: getattr(args, k, None) for k in ALERT_KEYS}
