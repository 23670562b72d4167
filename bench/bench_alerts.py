"""Alerts: how fast an alert reaches the care office, and that none is lost.

    PYTHONPATH=$PWD python bench/bench_alerts.py                 # N=200, receiver down 300 s
    PYTHONPATH=$PWD python bench/bench_alerts.py --down-s 20     # a shorter outage

Everything runs on 127.0.0.1 with the real pieces: the SQLite outbox (WAL, synchronous=FULL),
the dispatcher thread with its default retry policy (backoff 1 s doubling, capped at 60 s,
jittered), the signed webhook, and a stdlib HTTP receiver that checks every signature.
1. Latency: `raise_alert` (one fsynced commit) and detection → webhook received, p50/p95 over
   `--n` alerts raised one after another.
2. Outage: the receiver is down for `--down-s` seconds while an alert is raised every
   `--every-s`; then it comes back: alerts raised, received after (each idempotency key once
   expected), lost, duplicates, and how long after its return the last one arrived.
3. Crash: a child process raises an alert (receiver down) and is killed with SIGKILL right
   after `raise_alert` returns; a fresh process on the same outbox file delivers it (yes/no).
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import logging  # noqa: E402

from alerts import AlertSink  # noqa: E402
from alerts.webhook import WebhookChannel  # noqa: E402
from tests.alert_kit import SECRET, Receiver, free_port, wait_until  # noqa: E402


def pct(values: list[float], q: float) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[q - 1]
        if len(values) > 1
        else values[0]
    )


def latency(work: Path, n: int) -> None:
    receiver = Receiver()
    arrived: dict[str, float] = {}
    got = threading.Event()
    handler = receiver.server.RequestHandlerClass
    original = handler.do_POST

    def timed(self) -> None:  # the arrival time, taken before the receiver's own work
        key = self.headers.get("Idempotency-Key", "")
        arrived.setdefault(key, time.perf_counter())
        original(self)
        got.set()

    handler.do_POST = timed
    sink = AlertSink(work / "latency.sqlite", webhook=WebhookChannel(receiver.url, SECRET))
    sink.start()
    raise_ms, deliver_ms = [], []
    try:
        for i in range(n):
            got.clear()
            t0 = time.perf_counter()
            alert = sink.raise_alert(f"CA{i}", f"r{i}", "fall", "critical", "I fell")
            t1 = time.perf_counter()
            while alert.id not in arrived:
                if not got.wait(30):
                    break
                got.clear()
            if alert.id not in arrived:
                print(f"  alert {i} not received in 30 s")
                continue
            raise_ms.append((t1 - t0) * 1000)
            deliver_ms.append((arrived[alert.id] - t0) * 1000)
    finally:
        sink.close()
        receiver.stop()
    print(f"1. latency over {len(deliver_ms)} alerts (127.0.0.1):")
    print(
        f"   raise_alert (stored, fsynced): p50 {pct(raise_ms, 50):.2f} ms, "
        f"p95 {pct(raise_ms, 95):.2f} ms"
    )
    print(
        f"   detection -> webhook received: p50 {pct(deliver_ms, 50):.2f} ms, "
        f"p95 {pct(deliver_ms, 95):.2f} ms, max {max(deliver_ms):.2f} ms"
    )


def outage(work: Path, down_s: float, every_s: float) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    sink = AlertSink(work / "outage.sqlite", webhook=WebhookChannel(url, SECRET))
    sink.start()
    raised = []
    try:
        end = time.monotonic() + down_s
        while time.monotonic() < end:
            raised.append(sink.raise_alert("CA1", "r1", "fall", "critical", "").id)
            time.sleep(every_s)
        attempts = sum(sink.outbox.deliveries(a)["webhook"][1] for a in raised)
        receiver = Receiver(port=port)
        up = time.monotonic()
        cap = sink.dispatcher.cap_s
        wait_until(lambda: receiver.keys() >= set(raised), timeout_s=2 * cap + 30, every_s=0.05)
        last = time.monotonic() - up
        time.sleep(2.0)  # anything sent twice would arrive now
        counts = {k: len(v) for k, v in receiver.received.items()}
        receiver.stop()
    finally:
        sink.close()
    got = set(counts) & set(raised)
    print(f"2. receiver down {down_s:g} s, an alert every {every_s:g} s, then back up:")
    print(f"   raised while down: {len(raised)} (failed attempts meanwhile: {attempts})")
    print(
        f"   received after: {len(got)}, lost: {len(set(raised) - got)}, "
        f"received more than once: {sum(c > 1 for c in counts.values())}; "
        f"the last arrived {last:.1f} s after the receiver returned"
    )


CHILD = """
import logging, sys, time
logging.disable(logging.WARNING)
sys.path.insert(0, sys.argv[4])
from alerts import AlertSink
from alerts.webhook import WebhookChannel
sink = AlertSink(sys.argv[1], webhook=WebhookChannel(sys.argv[2], sys.argv[3]))
sink.start()
if sys.argv[5] == "raise":
    alert = sink.raise_alert("CA1", "r1", "fall", "critical", "help")
    print(alert.id, flush=True)
    time.sleep(600)
else:
    while sink.outbox.pending():
        time.sleep(0.01)
    sink.close()
"""


def crash(work: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    path = str(work / "crash.sqlite")

    def child(mode: str) -> subprocess.Popen:
        cmd = [sys.executable, "-c", CHILD, path, url, SECRET, str(ROOT), mode]
        return subprocess.Popen(cmd, stdout=subprocess.PIPE)

    first = child("raise")
    alert_id = first.stdout.readline().decode().strip()
    os.kill(first.pid, signal.SIGKILL)  # right after raise_alert returned
    first.wait()
    receiver = Receiver(port=port)
    t0 = time.monotonic()
    fresh = child("resume")
    try:
        fresh.wait(timeout=120)
    except subprocess.TimeoutExpired:
        fresh.kill()
    took = time.monotonic() - t0
    delivered = wait_until(lambda: alert_id in receiver.keys(), timeout_s=5)
    receiver.stop()
    print("3. kill -9 right after raise_alert returned (receiver down), then a fresh process:")
    print(
        f"   delivered: {'yes' if delivered else 'no'} "
        f"({took:.2f} s from the fresh process's start, Python start-up included)"
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--n", type=int, default=200, help="alerts for the latency figures")
    p.add_argument("--down-s", type=float, default=300.0, help="how long the receiver is down")
    p.add_argument("--every-s", type=float, default=1.0, help="an alert this often meanwhile")
    args = p.parse_args()
    logging.disable(logging.WARNING)  # each failed attempt is logged; the figures say enough
    with tempfile.TemporaryDirectory(prefix="bench-alerts-") as tmp:
        work = Path(tmp)
        latency(work, args.n)
        outage(work, args.down_s, args.every_s)
        crash(work)


if __name__ == "__main__":
    main()
