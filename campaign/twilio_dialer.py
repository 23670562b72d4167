"""The Twilio dialer: an outbound call through Twilio's REST API, streamed to our call server.

`dial` creates the call with the official `twilio` library; its TwiML connects the answered
call to our server with `<Connect><Stream url="wss://…/media">` and the recipient id, scenario,
campaign and a per-call signed token (`telephony.auth.CallTokens`) as `<Parameter>`s (they
arrive as the `start` event's `customParameters`: the call server checks the token before it
processes any audio, and knows whom it is talking to). Twilio is given the recipient's id and
number only, never the name: the call server looks the name up in `names`, which `dial` fills.

Twilio then POSTs status callbacks; `StatusCallbacks`
checks each one's `X-Twilio-Signature` with `twilio.request_validator.RequestValidator` (an
unsigned or forged callback is refused with 403 and changes nothing) and resolves the dial with
the final `CallStatus`, mapped to our outcomes. If no final callback arrives in time, the call's
status is fetched from the REST API instead.

Every call asks for Twilio's answering-machine detection, asynchronous (`MachineDetection=
DetectMessageEnd`, `AsyncAmd=true`): the call connects to our server at once and Twilio POSTs
`AnsweredBy` (human, machine_end_beep, …, fax) to `AMD_PATH` when it has decided, signed like
the status callbacks. A call Twilio says a machine answered ends as `voicemail` (retried per the
policy), as does one our own detector took for a machine (`assembly.answering`, in the
report). `on_machine(call_sid, answered_by)` tells the call server at once, if it is listening.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from http.server import ThreadingHTTPServer
from pathlib import Path

from campaign import DialRequest, DialResult, Outcome, answered_outcome, load_report
from telephony.httpd import serve_http

log = logging.getLogger("carecall.campaign.twilio")

STATUS_PATH = "/twilio/status"
AMD_PATH = "/twilio/amd"  # Twilio's async answering-machine detection result (AnsweredBy)
_FINAL = {
    "completed": Outcome.ANSWERED,
    "busy": Outcome.BUSY,
    "no-answer": Outcome.NO_ANSWER,
    "failed": Outcome.FAILED,
    "canceled": Outcome.FAILED,
}


def map_status(call_status: str, answered_seen: bool = True) -> Outcome | None:
    """Twilio `CallStatus` -> our outcome; None while the call is not over. A `completed`
    call that never reached `in-progress` (and lasted 0 s) was not answered by anyone."""
    outcome = _FINAL.get(call_status)
    if outcome is Outcome.ANSWERED and not answered_seen:
        return Outcome.NO_ANSWER
    return outcome


def stream_twiml(stream_url: str, parameters: dict[str, str]) -> str:
    from twilio.twiml.voice_response import Connect, VoiceResponse

    response = VoiceResponse()
    connect = Connect()
    stream = connect.stream(url=stream_url)
    for name, value in parameters.items():
        stream.parameter(name=name, value=value)
    response.append(connect)
    return str(response)


class StatusCallbacks:
    """Validates Twilio's status callbacks and hands final statuses to waiting dials."""

    MAX_EARLY = 10_000  # final statuses no dial waits for (incoming calls): the newest kept

    def __init__(
        self,
        auth_token: str,
        public_base_url: str,
        record: Callable[[dict[str, str]], None] | None = None,
    ) -> None:
        from twilio.request_validator import RequestValidator

        self.validator = RequestValidator(auth_token)
        self.public_base_url = public_base_url.rstrip("/")
        self.record = record  # each accepted callback, e.g. into the call's folder
        self._history: dict[str, list[str]] = {}  # the statuses seen, per call
        self._lock = threading.Lock()
        self._waiters: dict[str, tuple[asyncio.AbstractEventLoop, asyncio.Future]] = {}
        self._early: dict[str, dict[str, str]] = {}  # final callbacks before the dial waited
        self._answered: set[str] = set()
        self.answered_by: dict[str, str] = {}  # call sid -> Twilio's AMD verdict
        self.on_machine: Callable[[str, str], None] | None = None
        self.refused = 0

    @property
    def url(self) -> str:
        return self.public_base_url + STATUS_PATH

    @property
    def amd_url(self) -> str:
        return self.public_base_url + AMD_PATH

    def machine(self, sid: str) -> bool:
        """Twilio's detector said a machine (or a fax) answered this call."""
        with self._lock:
            answered_by = self.answered_by.get(sid, "")
        return answered_by.startswith("machine") or answered_by == "fax"

    def handle(self, path_qs: str, params: dict[str, str], signature: str | None) -> int:
        """One callback request; returns the HTTP status to answer with."""
        if not path_qs.startswith((STATUS_PATH, AMD_PATH)):
            return 404
        url = self.public_base_url + path_qs  # Twilio signs the URL it was given
        if not signature or not self.validator.validate(url, params, signature):
            self.refused += 1
            log.warning("refused a status callback with a missing or bad X-Twilio-Signature")
            return 403
        if path_qs.startswith(AMD_PATH):
            return self._amd(params)
        sid, status = params.get("CallSid", ""), params.get("CallStatus", "")
        if self.record is not None:
            try:
                self.record(params)
            except Exception as exc:  # recording must never lose the call's outcome
                log.warning("could not record a status callback: %s", exc)
        with self._lock:
            self._history.setdefault(sid, []).append(status)
            while len(self._history) > self.MAX_EARLY:  # calls no dial waits for (incoming)
                self._history.pop(next(iter(self._history)))
            if status in ("in-progress", "answered"):
                self._answered.add(sid)
            if status not in _FINAL:
                return 204
            if int(params.get("CallDuration") or 0) > 0:
                self._answered.add(sid)
            waiter = self._waiters.pop(sid, None)
            if waiter is None:
                self._early[sid] = params
                while len(self._early) > self.MAX_EARLY:
                    self._early.pop(next(iter(self._early)))
        if waiter is not None:
            loop, future = waiter
            loop.call_soon_threadsafe(_set, future, params)
        return 204

    def _amd(self, params: dict[str, str]) -> int:
        sid, answered_by = params.get("CallSid", ""), params.get("AnsweredBy", "unknown")
        with self._lock:
            self.answered_by[sid] = answered_by
        if self.machine(sid) and self.on_machine is not None:
            try:
                self.on_machine(sid, answered_by)
            except Exception:
                log.exception("call %s: on_machine failed", sid)
        return 204

    def expect(self, sid: str) -> asyncio.Future:
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        with self._lock:
            early = self._early.pop(sid, None)
            if early is None:
                self._waiters[sid] = (loop, future)
        if early is not None:
            future.set_result(early)
        return future

    def forget(self, sid: str) -> None:
        with self._lock:
            self._waiters.pop(sid, None)

    def history(self, sid: str) -> list[str]:
        """The statuses Twilio reported for a call a dial waited on; forgotten once read."""
        with self._lock:
            return self._history.pop(sid, [])

    def answered(self, sid: str) -> bool:
        with self._lock:
            return sid in self._answered


def _set(future: asyncio.Future, value) -> None:
    if not future.done():
        future.set_result(value)


class TwilioDialer:
    def __init__(
        self,
        client,  # twilio.rest.Client
        callbacks: StatusCallbacks,
        *,
        from_number: str,
        stream_url: str,  # wss://PUBLIC-HOST/media (our call server)
        calls_dir: Path | None = None,
        ring_timeout_s: int = 30,
        max_call_s: float = 1200.0,
        tokens=None,  # telephony.auth.CallTokens: signs each call's token
        names: dict[str, str] | None = None,
    ) -> None:
        self.client = client
        self.callbacks = callbacks
        self.from_number = from_number
        self.stream_url = stream_url
        self.calls_dir = calls_dir
        self.ring_timeout_s = ring_timeout_s
        self.max_call_s = max_call_s
        self.tokens = tokens
        self.names = names if names is not None else {}

    async def dial(self, request: DialRequest) -> DialResult:
        from twilio.base.exceptions import TwilioException, TwilioRestException

        r = request.recipient
        parameters = {
            "recipient": r.id,
            "scenario": request.scenario,
            "campaign": request.campaign_id,
            "attempt": f"{request.campaign_id}:{r.id}:{request.attempt}",
        }
        if self.tokens is not None:
            ttl = self.ring_timeout_s + self.max_call_s + 60
            parameters["token"] = self.tokens.issue(r.id, request.scenario, ttl_s=ttl)
        self.names[r.id] = r.name  # for the call server, in this process; never sent to Twilio
        twiml = stream_twiml(self.stream_url, parameters)
        loop = asyncio.get_running_loop()

        def create():
            return self.client.calls.create(
                to=r.phone,
                from_=self.from_number,
                twiml=twiml,
                status_callback=self.callbacks.url,
                status_callback_event=["initiated", "ringing", "answered", "completed"],
                status_callback_method="POST",
                timeout=self.ring_timeout_s,
                machine_detection="DetectMessageEnd",
                async_amd="true",
                async_amd_status_callback=self.callbacks.amd_url,
                async_amd_status_callback_method="POST",
            )

        try:
            call = await loop.run_in_executor(None, create)
        except TwilioRestException as exc:
            return DialResult(Outcome.FAILED, detail=f"Twilio refused the call: {exc.msg}")
        except (TwilioException, OSError) as exc:
            return DialResult(Outcome.FAILED, detail=f"cannot reach Twilio: {exc}")
        sid = call.sid
        if request.placed is not None:
            request.placed(sid)
        waiting = self.callbacks.expect(sid)
        try:
            params = await asyncio.wait_for(waiting, self.ring_timeout_s + self.max_call_s)
            status = params.get("CallStatus", "")
        except TimeoutError:
            self.callbacks.forget(sid)
            status = await self._fetch_status(sid)
        outcome = map_status(status, self.callbacks.answered(sid)) or Outcome.FAILED
        report_dir = None
        if outcome is Outcome.ANSWERED and self.calls_dir is not None:
            report_dir = str((self.calls_dir / sid).resolve())
        if outcome is Outcome.ANSWERED:
            if self.callbacks.machine(sid):
                outcome = Outcome.VOICEMAIL
            else:
                outcome = answered_outcome(load_report(report_dir))
        seen = self.callbacks.history(sid)
        detail = f"twilio: {status}" + (f" ({' > '.join(seen)})" if seen else "")
        if answered_by := self.callbacks.answered_by.get(sid):
            detail += f", answered by {answered_by}"
        return DialResult(
            outcome,
            call_sid=sid,
            detail=detail,
            report_dir=report_dir,
            extra={"twilio_statuses": seen},
        )

    async def resume(self, request: DialRequest) -> DialResult | None:
        """A dead runner's attempt whose call id was noted: ask Twilio how the call ended,
        waiting while it is still going on. None when no call id was noted."""
        sid = request.call_sid
        if not sid:
            return None
        deadline = asyncio.get_running_loop().time() + self.ring_timeout_s + self.max_call_s
        while True:
            status = await self._fetch_status(sid)
            outcome = map_status(status)
            if outcome is not None:
                break
            if asyncio.get_running_loop().time() > deadline:
                return None
            await asyncio.sleep(5.0)
        if status == "completed":  # only Twilio knows whether anyone answered
            outcome = Outcome.ANSWERED if await self._answered(sid) else Outcome.NO_ANSWER
        report_dir = None
        if outcome is Outcome.ANSWERED and self.calls_dir is not None:
            report_dir = str((self.calls_dir / sid).resolve())
        return DialResult(
            outcome,
            call_sid=sid,
            detail=f"twilio (after a restart): {status}",
            report_dir=report_dir,
        )

    async def _answered(self, sid: str) -> bool:
        loop = asyncio.get_running_loop()
        try:
            call = await loop.run_in_executor(None, lambda: self.client.calls(sid).fetch())
        except Exception:
            return True
        return int(call.duration or 0) > 0

    async def _fetch_status(self, sid: str) -> str:
        loop = asyncio.get_running_loop()
        try:
            call = await loop.run_in_executor(None, lambda: self.client.calls(sid).fetch())
        except Exception as exc:
            log.warning("call %s: status fetch failed: %s", sid, exc)
            return "failed"
        return call.status or "failed"


def serve_callbacks(
    callbacks: StatusCallbacks, host: str, port: int
) -> tuple[ThreadingHTTPServer, Callable[[], None]]:
    """An HTTP server for Twilio's POSTs, in a thread; returns it and a stop function."""

    def handle(method: str, path_qs: str, params: dict[str, str], headers) -> tuple:
        if method != "POST":
            return 405, "text/plain", b"status callbacks are POSTed\n"
        return (
            callbacks.handle(path_qs, params, headers.get("X-Twilio-Signature")),
            "text/plain",
            b"",
        )

    return serve_http(handle, host, port, name="twilio-callbacks")
