"""The signed webhook channel: POST the alert as JSON to the care office's receiver.

Body: `{alert_id, call_sid, recipient_id, category, severity, evidence, detected_at}` (UTF-8
JSON, `detected_at` ISO 8601 UTC). Headers: `X-Carecall-Signature: t=UNIX,v1=HEX` where HEX is
HMAC-SHA256(secret, f"{t}.{body}") in hex, and `Idempotency-Key: <alert id>` (the same on every
retry: a receiver keeps the keys it has seen and processes each alert once). Any 2xx reply is
delivery; a 2xx reply whose JSON body is `{"ack": true}` (or `{"acknowledged": true}`) also
acknowledges the alert. Redirects are not followed (a 3xx is a failed attempt).

Receivers check a request with `verify_signature(secret, header, body)`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from alerts.alert import Alert

SIGNATURE_HEADER = "X-Carecall-Signature"


@dataclass(frozen=True)
class SendResult:
    delivered: bool
    acknowledged: bool = False
    error: str | None = None


def sign(secret: str, body: bytes, t: int | None = None) -> str:
    """The `X-Carecall-Signature` header value for `body` at time `t` (default: now)."""
    t = int(time.time()) if t is None else int(t)
    mac = hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={t},v1={mac}"


def verify_signature(
    secret: str, header: str | None, body: bytes | str, tolerance_s: float = 300, now=None
) -> bool:
    """True when `header` (the request's X-Carecall-Signature) signs `body` (the raw request
    body, bytes as received) with `secret`, and its time is within `tolerance_s` of now
    (a replayed old request is refused). Compares in constant time."""
    if not header:
        return False
    if isinstance(body, str):
        body = body.encode()
    parts: dict[str, list[str]] = {}
    for item in header.split(","):
        key, _, value = item.strip().partition("=")
        parts.setdefault(key, []).append(value)
    try:
        t = int(parts["t"][0])
    except (KeyError, ValueError):
        return False
    now = time.time() if now is None else now
    if abs(now - t) > tolerance_s:
        return False
    expected = hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()
    return any(hmac.compare_digest(expected, v) for v in parts.get("v1", []))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class WebhookChannel:
    def __init__(self, url: str, secret: str, *, timeout_s: float = 10.0) -> None:
        self.url = url
        self.secret = secret
        self.timeout_s = timeout_s
        self._opener = urllib.request.build_opener(_NoRedirect)

    def send(self, alert: Alert) -> SendResult:
        body = json.dumps(alert.to_dict(), ensure_ascii=False, separators=(",", ":")).encode()
        request = urllib.request.Request(
            self.url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "User-Agent": "carecall-alerts/1",
                "Idempotency-Key": alert.id,
                SIGNATURE_HEADER: sign(self.secret, body),
            },
        )
        try:
            with self._opener.open(request, timeout=self.timeout_s) as resp:
                status, reply = resp.status, resp.read(65536)
        except urllib.error.HTTPError as exc:
            return SendResult(False, error=f"HTTP {exc.code}")
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            return SendResult(False, error=f"{type(exc).__name__}: {reason}"[:300])
        if not 200 <= status < 300:
            return SendResult(False, error=f"HTTP {status}")
        return SendResult(True, acknowledged=_acknowledges(reply))


def _acknowledges(reply: bytes) -> bool:
    try:
        data = json.loads(reply or b"null")
    except (ValueError, UnicodeDecodeError):
        return False
    return isinstance(data, dict) and (data.get("ack") is True or data.get("acknowledged") is True)
