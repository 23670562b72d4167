"""The campaign runner's metrics, read from its store at each scrape, and the small HTTP server
that answers `/metrics` for it (`carecall campaign run --metrics-port`).

Read from the store, not counted by the runner: the figures are right whichever runner (or a
crashed one) did the work, and the runner needs no hook. With the simulated or Twilio dialer the
call server runs in the same process: its `carecall_…` call metrics are answered alongside.

    carecall_campaign_recipients{campaign,state}     gauge  recipients per state
    carecall_campaign_attempts{campaign,outcome}     gauge  attempts per outcome (open: none yet)
    carecall_campaign_calls_in_progress{campaign}    gauge  recipients being called now
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from observability.metrics import METRICS_PATH, all_text
from telephony.auth import is_loopback

log = logging.getLogger("carecall.metrics")


class CampaignCollector:
    def __init__(self, store, campaign_id: str) -> None:
        self.store = store
        self.campaign_id = campaign_id

    def collect(self):
        cid = self.campaign_id
        rows = self.store.recipients(cid)
        states = Counter(r.state.value for r in rows)
        recipients = GaugeMetricFamily(
            "carecall_campaign_recipients", "Recipients per state", labels=["campaign", "state"]
        )
        for state, n in sorted(states.items()):
            recipients.add_metric([cid, state], n)
        yield recipients
        outcomes = Counter(a.outcome or "open" for a in self.store.attempts(cid))
        attempts = GaugeMetricFamily(
            "carecall_campaign_attempts",
            "Attempts per outcome (open: still going on)",
            labels=["campaign", "outcome"],
        )
        for outcome, n in sorted(outcomes.items()):
            attempts.add_metric([cid, outcome], n)
        yield attempts
        calling = GaugeMetricFamily(
            "carecall_campaign_calls_in_progress", "Recipients being called", labels=["campaign"]
        )
        calling.add_metric([cid], states.get("calling", 0))
        yield calling


def campaign_registry(store, campaign_id: str) -> CollectorRegistry:
    registry = CollectorRegistry()
    registry.register(CampaignCollector(store, campaign_id))
    return registry


def serve_metrics(registry: CollectorRegistry, host: str, port: int):
    """Answer GET /metrics on host:port in a thread: the registry's metrics and every in-process
    call server's. Returns (port, stop)."""
    lock = threading.Lock()  # a store connection is shared with the runner: one scrape at a time

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            if self.path.partition("?")[0] != METRICS_PATH:
                self.send_error(404)
                return
            try:
                with lock:
                    body = generate_latest(registry) + all_text()
            except Exception as exc:  # the store is down: say so, the runner goes on
                log.warning("metrics scrape failed: %s", exc)
                self.send_error(503, "metrics unavailable")
                return
            self.send_response(200)
            self.send_header("Content-Type", CONTENT_TYPE_LATEST)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True, name="metrics")
    thread.start()
    if not is_loopback(host):
        log.warning("campaign metrics on %s:%d answer anyone who reaches it", host, port)

    def stop() -> None:
        server.shutdown()
        server.server_close()

    return server.server_address[1], stop
