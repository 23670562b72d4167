"""`carecall campaign worker`: a Celery worker that places campaign calls with its own server.

Each worker process runs one asyncio loop in a background thread, holding a call server (and
pipeline) per scenario, built on first use; Celery's thread pool runs up to `--concurrency`
calls at once through it. The worker's name goes into each result so that the campaign records
which machine placed which call.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import sys
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from campaign.celery_dialer import (
    TASK_NAME,
    make_app,
    request_from_dict,
    result_to_dict,
)


class WorkerCalls:
    """The dialers of one worker process, on one event loop thread.

    Simulated: a call server per scenario. `build` (Twilio, see `twilio_builder`): one dialer
    for all the worker's calls, built for the first call's scenario and those of
    `--scenario` (a Twilio number reaches one call server per public URL)."""

    def __init__(
        self,
        output_dir: Path,
        speed: float,
        name: str,
        build: Callable[[str], Awaitable[Any]] | None = None,
        config: str | None = None,
    ) -> None:
        self.output_dir = output_dir
        self.config = config  # the settings file (--config), for the simulated servers too
        self.speed = speed
        self.name = name
        self.build = build
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()
        self._dialers: dict[str, asyncio.Future] = {}
        self._lock = threading.Lock()

    async def _dialer(self, scenario: str):
        if self.build is not None:
            return await self.build(scenario)
        from carecall.campaign_dialers import build_simulated_dialer

        dialer, close = await build_simulated_dialer(
            scenario, self.output_dir, self.speed, config=self.config
        )
        dialer.close = close  # WorkerCalls.close: its server, recognizer workers and alerts
        return dialer

    def dial(self, payload: dict) -> dict:
        request = request_from_dict(payload)
        key = "" if self.build is not None else request.scenario
        with self._lock:
            if key not in self._dialers:
                self._dialers[key] = asyncio.run_coroutine_threadsafe(
                    self._dialer(request.scenario), self.loop
                )
            building = self._dialers[key]
        dialer = building.result()
        result = asyncio.run_coroutine_threadsafe(dialer.dial(request), self.loop).result()
        server = getattr(dialer, "server", None)  # the simulated dialer's own call server
        where = f" (server :{server.port})" if server is not None else ""
        result.detail = f"worker {self.name}{where}: {result.detail}"
        result.extra = {**result.extra, "worker": self.name}
        if server is not None:
            result.extra["server_port"] = server.port
        return result_to_dict(result)

    def close(self, timeout_s: float = 60.0) -> None:
        """End what the dialers started (the Twilio dialer's server and webhooks)."""
        for building in list(self._dialers.values()):
            dialer = building.result() if building.done() and not building.exception() else None
            close = getattr(dialer, "close", None)
            if close is not None:
                asyncio.run_coroutine_threadsafe(close(), self.loop).result(timeout_s)


def twilio_builder(args: argparse.Namespace, client=None) -> Callable[[str], Awaitable[Any]]:
    """Builds this worker's Twilio dialer (call server, webhooks, pipeline), as `campaign run
    --dialer twilio` does, for the first call's scenario plus the worker's `--scenario`s."""

    async def build(scenario: str):
        from carecall.campaign_dialers import build_twilio_dialer

        campaign = SimpleNamespace(scenario=scenario)
        dialer, close = await build_twilio_dialer(args, campaign, args.scenario or (), client)
        dialer.close = close  # WorkerCalls.close: calls in progress end with their reports
        return dialer

    return build


def add_parser(csub: argparse._SubParsersAction) -> None:
    w = csub.add_parser("worker", help="a Celery worker placing calls (scale-out)")
    w.add_argument("--broker", required=True, help="redis://HOST:6379/0")
    w.add_argument("--name", default=f"carecall-{socket.gethostname()}")
    w.add_argument("--concurrency", type=int, default=4, help="calls at once in this worker")
    w.add_argument("--speed", type=float, default=1.0, help="simulated line clock multiplier")
    w.add_argument("--output-dir", type=Path, default=Path("carecall-campaign"))
    w.add_argument("--queue", default="carecall-calls")
    w.add_argument("--dialer", choices=["simulated", "twilio"], default="simulated")
    w.add_argument(
        "--scenario",
        action="append",
        default=[],
        help="twilio: a scenario (name or YAML) this worker's calls may use, loaded at start "
        "(repeatable; the first call's scenario is loaded too)",
    )
    t = w.add_argument_group("twilio dialer (credentials: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)")
    t.add_argument("--twilio-from", help="the caller id, a Twilio number in E.164 form")
    t.add_argument("--public-url", help="https://HOST where Twilio reaches this worker")
    t.add_argument("--host", default="127.0.0.1", help="call server and webhooks address")
    t.add_argument("--port", type=int, default=8765, help="call server port (/media)")
    t.add_argument("--callback-port", type=int, default=8766, help="/twilio/status, /twiml")
    w.add_argument("--config", help="YAML file of settings (alerts, retention, …)")


def worker(args: argparse.Namespace) -> int:
    app = make_app(args.broker)
    try:  # an unreachable broker: say so now (Celery itself would retry quietly forever)
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=2, interval_start=0.5)
    except Exception as exc:
        print(
            f"carecall campaign worker: cannot reach the broker {args.broker}: {exc}",
            file=sys.stderr,
        )
        return 2
    build = None
    if args.dialer == "twilio":
        from carecall.campaign_dialers import twilio_problem

        if problem := twilio_problem(args):
            print(f"carecall campaign worker: {problem}", file=sys.stderr)
            return 2
        build = twilio_builder(args)
    calls = WorkerCalls(args.output_dir.resolve(), args.speed, args.name, build, args.config)
    app.task(name=TASK_NAME)(calls.dial)
    app.worker_main(
        [
            "worker",
            "--pool=threads",
            f"--concurrency={args.concurrency}",
            f"--hostname={args.name}@%h",
            f"--queues={args.queue}",
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ]
    )
    calls.close()
    return 0
