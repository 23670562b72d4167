"""Twilio's HTTP side of a real number: `/twiml` (the voice webhook) and `/twilio/status`.

Point a Twilio number's "A call comes in" webhook at `https://HOST/twiml` (POST or GET) and
every incoming call is answered with `<Connect><Stream url="wss://HOST/media">`, carrying a
per-call token signed with the call secret (`telephony.auth.CallTokens`, checked by the call
server before any audio) and the recipient's id, never a name or number. The recipient is the
campaign recipient with the caller's number when a campaign database is given, else
`unknown`. A request without Twilio's valid `X-Twilio-Signature` is refused (403) with no
TwiML, so nobody else can mint call tokens.

`/twilio/status` takes the status callbacks of outgoing (campaign) and incoming calls
(`campaign.twilio_dialer.StatusCallbacks`); each accepted one is recorded in the call's folder
(`calls/<CallSid>/twilio-status.jsonl`: statuses and times, no phone numbers).
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from campaign.twilio_dialer import STATUS_PATH, StatusCallbacks, stream_twiml
from telephony.auth import CallTokens, twilio_signed
from telephony.files import inside, is_call_sid, private_dir
from telephony.httpd import serve_http

log = logging.getLogger("carecall.twiml")

TWIML_PATH = "/twiml"
MAX_BODY = 64_000
RECORDED = ("CallStatus", "CallDuration", "AnsweredBy", "SequenceNumber", "Timestamp", "Direction")
_APPEND = threading.Lock()


def status_recorder(calls_dir: Path) -> Callable[[dict[str, str]], None]:
    """Appends each status callback to its call's folder (named by Twilio's call id only)."""

    def record(params: dict[str, str]) -> None:
        sid = params.get("CallSid")
        if not is_call_sid(sid):
            return
        folder = private_dir(inside(calls_dir, sid))
        line = {k: params[k] for k in RECORDED if params.get(k)}
        line["received_at"] = time.time()
        path = inside(folder, "twilio-status.jsonl")
        with _APPEND:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as f:
                f.write(json.dumps(line) + "\n")

    return record


class TwilioWebhooks:
    def __init__(
        self,
        auth_token: str,
        public_url: str,  # https://HOST, what Twilio is given (and signs)
        *,
        stream_url: str,  # wss://HOST/media
        tokens: CallTokens | None,
        scenario: str | None = None,  # the scenario id of incoming calls (None: the default)
        callers: Callable[[str], str | None] | None = None,  # caller number -> recipient id
        callbacks: StatusCallbacks | None = None,
        token_ttl_s: float = 3600.0,
    ) -> None:
        self.auth_token = auth_token
        self.public_url = public_url.rstrip("/")
        self.stream_url = stream_url
        self.tokens = tokens
        self.scenario = scenario
        self.callers = callers
        self.callbacks = callbacks or StatusCallbacks(auth_token, public_url)
        self.token_ttl_s = token_ttl_s
        self.refused = 0

    def handle(
        self, method: str, path_qs: str, params: dict[str, str], signature: str | None
    ) -> tuple[int, str, bytes]:
        """One request: (HTTP status, content type, body)."""
        path = urlsplit(path_qs).path
        if path == STATUS_PATH and method == "POST":
            return self.callbacks.handle(path_qs, params, signature), "text/plain", b""
        if path != TWIML_PATH:
            return 404, "text/plain", b"no such endpoint\n"
        if not twilio_signed(self.auth_token, self.public_url + path_qs, params, signature):
            self.refused += 1
            log.warning("refused a voice webhook with a missing or bad X-Twilio-Signature")
            return 403, "text/plain", b"not signed by Twilio\n"
        if method == "GET":  # the webhook's fields are in the (signed) query
            params = dict(parse_qsl(urlsplit(path_qs).query, keep_blank_values=True))
        return 200, "text/xml", self.answer(params).encode()

    def answer(self, params: dict[str, str]) -> str:
        """The TwiML of one incoming call: stream it to the call server, signed."""
        recipient = None
        if self.callers is not None and params.get("From"):
            try:
                recipient = self.callers(params["From"])
            except Exception as exc:  # a database hiccup must not leave the caller unanswered
                log.warning("caller lookup failed: %s", exc)
        recipient = recipient or "unknown"
        parameters = {"recipient": recipient, "direction": "inbound"}
        if self.scenario:
            parameters["scenario"] = self.scenario
        if self.tokens is not None:
            parameters["token"] = self.tokens.issue(
                recipient, self.scenario, ttl_s=self.token_ttl_s
            )
        return stream_twiml(self.stream_url, parameters)


def serve_webhooks(
    webhooks: TwilioWebhooks, host: str, port: int
) -> tuple[ThreadingHTTPServer, Callable[[], None]]:
    """An HTTP server for Twilio's requests, in a thread; returns it and a stop function."""

    def handle(method: str, path_qs: str, params: dict[str, str], headers) -> tuple:
        return webhooks.handle(method, path_qs, params, headers.get("X-Twilio-Signature"))

    return serve_http(handle, host, port, name="twilio-http", max_body=MAX_BODY)
