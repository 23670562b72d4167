"""The call server's Prometheus metrics, every one named `carecall_…`.

One `CallMetrics` per call server (its own registry, so several servers in one process, as in
the tests, never collide). It watches the server rather than being called by it:
- `watch(server)`: calls active and sockets open are read from the server at each scrape; each
  ended call (`CallServer.on_call_end`) counts by how it ended, with its bad messages and errors;
- turns are read from the sessions' own timings (`telephony.stats.TurnTiming`, a few clock reads
  the session always takes): at each scrape for calls in progress, at the end for the rest, each
  turn once, so the histograms are as fresh as the scrape;
- `CountingRecognizer` and `CountingAlerts` wrap the pipeline's recognizer and alert sink:
  recognitions waiting or decoding (the recognizer queue), alerts by severity and category.

`/metrics` answers on the call server's own port (`route`): with the server's shared token
(`?token=`, `Authorization: Bearer`, `X-Carecall-Token`) when it has one; without a shared token
only to a client on the same machine (loopback), never to the network.

Metrics (seconds for times):
    carecall_calls_active                      gauge   calls started and not yet ended
    carecall_connections_open                  gauge   websocket connections, calls or not
    carecall_calls_total{end}                  counter calls ended, by end reason
    carecall_turns_total{complete}             counter turns of the person (complete: answered)
    carecall_turn_stage_seconds{stage}         histogram vad_end_of_turn, asr, rescore,
                                               dialogue, tts, queue, encode, send, overhead,
                                               agent, agent_other, voice_to_voice
    carecall_alerts_total{severity,category}   counter alerts stored by calls
    carecall_errors_total{kind}                counter call (ended by an error), bad_input,
                                               refused (handshake), recognizer,
                                               alert_not_stored
    carecall_recognizer_queue_depth            gauge   recognitions waiting or decoding
    carecall_agent_queue_depth                 gauge   agent work waiting for a worker thread
"""

from __future__ import annotations

import logging
import re
import threading
import weakref
from collections.abc import Callable
from urllib.parse import urlsplit

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from observability.turns import STAGE_NAMES, turn_stages

log = logging.getLogger("carecall.metrics")

METRICS_PATH = "/metrics"
# 10 ms to 30 s: endpointing waits ~0.5-1 s, a recognition 0.1-3 s, voice to voice 1-5 s
BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0, 8.0, 13.0, 30.0)
END_REASON = re.compile(r"[a-z_]{1,32}")
LABEL_TEXT = re.compile(r"[^A-Za-z0-9_.-]+")

_ALL: weakref.WeakSet[CallMetrics] = weakref.WeakSet()


def end_label(reason: str) -> str:
    """A call's end reason as a label: its first word ("error: boom" -> "error"), so the label
    has a handful of values however the reasons are worded."""
    head = str(reason or "").split(":", 1)[0].strip().lower()
    return head if END_REASON.fullmatch(head) else "other"


def label_text(value: object, limit: int = 40) -> str:
    return LABEL_TEXT.sub("_", str(value or "unknown"))[:limit] or "unknown"


class CallMetrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = r = registry or CollectorRegistry()
        self.calls_active = Gauge(
            "carecall_calls_active", "Calls started and not yet ended", registry=r
        )
        self.connections_open = Gauge(
            "carecall_connections_open", "Websocket connections open, calls or not", registry=r
        )
        self.calls = Counter("carecall_calls", "Calls ended, by end reason", ["end"], registry=r)
        self.turns = Counter(
            "carecall_turns",
            "Turns of the person; complete=true when the agent's answer reached the line",
            ["complete"],
            registry=r,
        )
        self.stage = Histogram(
            "carecall_turn_stage_seconds",
            "Seconds per stage of a turn, from the end of the person's speech to the agent's "
            "first frame on the line (voice_to_voice)",
            ["stage"],
            buckets=BUCKETS,
            registry=r,
        )
        self.alerts = Counter(
            "carecall_alerts", "Alerts stored by calls", ["severity", "category"], registry=r
        )
        self.errors = Counter("carecall_errors", "Errors, by kind", ["kind"], registry=r)
        self.recognizer_queue = Gauge(
            "carecall_recognizer_queue_depth", "Recognitions waiting or decoding", registry=r
        )
        self.agent_queue = Gauge(
            "carecall_agent_queue_depth", "Agent work waiting for a worker thread", registry=r
        )
        # every label value known in advance shows, at 0, from the start
        for kind in ("call", "bad_input", "refused", "recognizer", "alert_not_stored"):
            self.errors.labels(kind)
        for complete in ("true", "false"):
            self.turns.labels(complete)
        for stage in STAGE_NAMES.values():
            self.stage.labels(stage)
        self._seen: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # session -> set
        self._server = None
        self._refused = 0
        self._lock = threading.Lock()
        _ALL.add(self)

    # -- the call server -------------------------------------------------------------------------

    def watch(self, server) -> None:
        """Follow `server` (a `telephony.server.CallServer`): its gauges at each scrape, its
        ended calls as they end."""
        self._server = weakref.proxy(server)
        server.on_call_end.append(self.call_ended)
        self.calls_active.set_function(
            lambda: sum(s.call is not None and not s.end_reason for s in self._sessions())
        )
        self.connections_open.set_function(lambda: len(self._sessions()))
        executor = getattr(server, "_executor", None)
        queue = getattr(executor, "_work_queue", None)
        if queue is not None:
            self.agent_queue.set_function(queue.qsize)

    def _sessions(self) -> list:
        try:
            return list(self._server.sessions) if self._server is not None else []
        except ReferenceError:  # the server is gone
            return []

    def call_ended(self, session) -> None:
        """Count an ended call and the turns of it not counted yet."""
        self._turns(session, final=True)
        self.calls.labels(end_label(session.end_reason)).inc()
        if session.end_reason.startswith("error"):
            self.errors.labels("call").inc()
        if bad := getattr(session, "bad_inputs", 0):
            self.errors.labels("bad_input").inc(bad)

    def sync(self) -> None:
        """Bring the metrics up to date with the calls in progress (each scrape does this)."""
        for session in self._sessions():
            self._turns(session, final=False)
        try:
            refused = self._server.refused if self._server is not None else 0
        except ReferenceError:
            refused = self._refused
        if refused > self._refused:
            self.errors.labels("refused").inc(refused - self._refused)
            self._refused = refused

    def _turns(self, session, *, final: bool) -> None:
        """Observe each turn once: when it is complete, or when the call has ended."""
        with self._lock:
            seen = self._seen.setdefault(session, set())
            for i, timing in enumerate(list(session.turns)):
                if i in seen or not (timing.complete or final):
                    continue
                seen.add(i)
                self.observe_turn(timing)

    def observe_turn(self, timing) -> None:
        self.turns.labels("true" if timing.complete else "false").inc()
        for stage, seconds in turn_stages(timing).items():
            if seconds is not None:
                self.stage.labels(stage).observe(seconds)

    # -- exposition ------------------------------------------------------------------------------

    def text(self) -> bytes:
        self.sync()
        return generate_latest(self.registry)


def all_text() -> bytes:
    """Every call server's metrics in this process (the campaign runner's in-process one)."""
    out = []
    for m in list(_ALL):
        out.append(m.text())
    return b"".join(out)


# -- wrappers for the pipeline's parts ---------------------------------------------------------


class CountingRecognizer:
    """A recognizer that counts its recognitions in progress (the recognizer queue: with
    worker processes or a model lock, the ones past the first few wait) and its failures."""

    def __init__(self, inner, metrics: CallMetrics) -> None:
        self.inner = inner
        self._m = metrics

    def transcribe(self, *args, **kwargs):
        self._m.recognizer_queue.inc()
        try:
            return self.inner.transcribe(*args, **kwargs)
        except Exception:
            self._m.errors.labels("recognizer").inc()
            raise
        finally:
            self._m.recognizer_queue.dec()

    def __getattr__(self, name: str):
        return getattr(self.inner, name)


class CountingAlerts:
    """The pipeline's `alerts.AlertSink`, counting what it stores (or fails to)."""

    def __init__(self, inner, metrics: CallMetrics) -> None:
        self.inner = inner
        self._m = metrics

    def raise_alert(self, call_sid, recipient_id, category, severity, evidence):
        alert = self.inner.raise_alert(call_sid, recipient_id, category, severity, evidence)
        if alert is None:
            self._m.errors.labels("alert_not_stored").inc()
        else:
            self._m.alerts.labels(label_text(severity, 16), label_text(category)).inc()
        return alert

    def __getattr__(self, name: str):
        return getattr(self.inner, name)


# -- /metrics on the call server's port ----------------------------------------------------------


def allowed(token: str | None, peer_host: str, path: str, headers) -> bool:
    """The shared token when the server has one (the same check as the softphone's page,
    `telephony.auth.shared_token_ok`); else only a loopback client."""
    from telephony.auth import is_loopback, shared_token_ok

    if token:
        return shared_token_ok(headers, urlsplit(path).query, token)
    return is_loopback(peer_host.split("%")[0])


def route(metrics: CallMetrics | Callable[[], bytes], token: str | None):
    """`CallServer.add_page(METRICS_PATH, …)`: the websockets `process_request` answer."""
    from websockets.datastructures import Headers
    from websockets.http11 import Response

    text = metrics.text if isinstance(metrics, CallMetrics) else metrics

    def answer(connection, request):
        peer = (connection.remote_address or ("",))[0]
        if not allowed(token, str(peer), request.path, request.headers):
            body = b"metrics need the server's token (or a client on this machine)\n"
            headers = Headers([("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
            return Response(401, "Unauthorized", headers, body)
        body = text()
        headers = Headers(
            [
                ("Content-Type", CONTENT_TYPE_LATEST),
                ("Content-Length", str(len(body))),
                ("Cache-Control", "no-store"),
            ]
        )
        return Response(200, "OK", headers, body)

    return answer
