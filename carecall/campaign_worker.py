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
from pathlib import Path

from campaign.celery_dialer import (
    TASK_NAME,
    make_app,
    request_from_dict,
    result_to_dict,
)


class WorkerCalls:
    """The dialers of one worker process, on one event loop thread."""

    def __init__(self, output_dir: Path, speed: float, name: str) -> None:
        self.output_dir = output_dir
        self.speed = speed
        self.name = name
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()
        self._dialers: dict[str, asyncio.Future] = {}
        self._lock = threading.Lock()

    async def _dialer(self, scenario: str):
        from carecall.campaign_dialers import build_simulated_dialer

        dialer, _close = await build_simulated_dialer(scenario, self.output_dir, self.speed)
        return dialer

    def dial(self, payload: dict) -> dict:
        request = request_from_dict(payload)
        with self._lock:
            if request.scenario not in self._dialers:
                self._dialers[request.scenario] = asyncio.run_coroutine_threadsafe(
                    self._dialer(request.scenario), self.loop
                )
            building = self._dialers[request.scenario]
        dialer = building.result()
        result = asyncio.run_coroutine_threadsafe(dialer.dial(request), self.loop).result()
        result.detail = f"worker {self.name} (server :{dialer.server.port}): {result.detail}"
        result.extra = {**result.extra, "worker": self.name, "server_port": dialer.server.port}
        return result_to_dict(result)


def add_parser(csub: argparse._SubParsersAction) -> None:
    w = csub.add_parser("worker", help="a Celery worker placing calls (scale-out)")
    w.add_argument("--broker", required=True, help="redis://HOST:6379/0")
    w.add_argument("--name", default=f"carecall-{socket.gethostname()}")
    w.add_argument("--concurrency", type=int, default=4, help="calls at once in this worker")
    w.add_argument("--speed", type=float, default=1.0, help="simulated line clock multiplier")
    w.add_argument("--output-dir", type=Path, default=Path("carecall-campaign"))
    w.add_argument("--queue", default="carecall-calls")


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
    calls = WorkerCalls(args.output_dir.resolve(), args.speed, args.name)
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
    return 0
