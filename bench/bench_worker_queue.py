"""What an ended turn waits for in a recognizer worker: first come first served against urgent
first (`assembly.workqueue`), replayed on a simulated clock from measured CPU costs.

    PYTHONPATH=. python bench/bench_worker_queue.py [--calls 20] [--piece-ms 8.3]
        [--tail-ms 10.6] [--core-share 0.8] [--seconds 300] [--seed 0]

One worker holds `--calls` calls (40 calls on 2 workers: 20). Each call does what the bench
phones do (`bench/bench_latency.py`): the agent speaks 3-5 s, the phone answers after 0.5 s with
3.4 s of speech, streamed as 0.2 s pieces (each `--piece-ms` of CPU to decode), a pause is
judged 0.3 s into the silence (a partial result) and the turn ends 0.6 s after the speech (its
result: `--tail-ms` of CPU). Calls start within 1 s of each other, as the bench ramps them. The
worker gets `--core-share` of a core (2 workers, the server and the phones share 2 cores).
Defaults are `bench/bench_turn_cpu.py`'s figures for the plain answer. Printed: how long a turn's
result and a partial result wait, p50/p95/max, under each order; the real `WorkQueue` picks
the order. Counts and CPU only: no wall clock is read.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import deque
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assembly.workqueue import WorkQueue  # noqa: E402

PIECE_S = 0.2


class Fifo:
    def __init__(self) -> None:
        self._q: deque = deque()

    def __len__(self) -> int:
        return len(self._q)

    def put(self, message) -> None:
        self._q.append(message)

    def take(self):
        return self._q.popleft() if self._q else None


def arrivals(args) -> list[tuple[float, tuple]]:
    """(time, message) for every call's turns, in time order."""
    rng = random.Random(args.seed)
    out, rid = [], 0
    pieces = round(args.speech_s / PIECE_S)
    for call in range(args.calls):
        t = rng.uniform(0.0, 1.0)  # the bench's ramp
        sid = call * 100000
        while t < args.seconds:
            t += rng.uniform(3.0, 5.0) + 0.5  # the agent's reply, then the phone's delay
            sid += 1
            out.append((t, (0, "open", sid, None)))
            for i in range(pieces + 3):  # the answer and 0.6 s of silence after it
                out.append((t + (i + 1) * PIECE_S, (0, "feed", sid, None)))
            rid += 1
            out.append((t + args.speech_s + 0.3, (rid, "partial", sid, None)))
            rid += 1
            out.append((t + args.speech_s + 0.6, (rid, "finish", sid, None)))
            t += args.speech_s + 0.6
    return sorted(out, key=lambda x: x[0])


def replay(args, queue) -> dict[str, list[float]]:
    cost = {"feed": args.piece_ms / 1000, "finish": args.tail_ms / 1000, "partial": 0.0005}
    events = arrivals(args)
    waits: dict[str, list[float]] = {"finish": [], "partial": []}
    sent: dict[int, float] = {}
    now, i = 0.0, 0
    while i < len(events) or len(queue):
        if not len(queue) and i < len(events):
            now = max(now, events[i][0])
        while i < len(events) and events[i][0] <= now:
            t, message = events[i]
            if message[0]:
                sent[message[0]] = t
            queue.put(message)
            i += 1
        message = queue.take()
        if message is None:
            continue
        now += cost.get(message[1], 0.0) / args.core_share
        if message[1] in waits:
            waits[message[1]].append(now - sent[message[0]])
    return waits


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--calls", type=int, default=20)
    p.add_argument("--piece-ms", type=float, default=8.3)
    p.add_argument("--tail-ms", type=float, default=10.6)
    p.add_argument("--speech-s", type=float, default=3.4)
    p.add_argument("--core-share", type=float, default=0.8)
    p.add_argument("--seconds", type=float, default=300.0)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args()
    if args.calls < 1 or not 0 < args.core_share <= 1 or args.piece_ms < 0 or args.tail_ms < 0:
        p.error("need --calls >= 1, 0 < --core-share <= 1 and CPU costs >= 0")
    busy = args.calls * (args.speech_s / PIECE_S + 3) * args.piece_ms / 1000
    cycle = 4.0 + 0.5 + args.speech_s + 0.6
    print(
        f"{args.calls} calls on one worker at {args.core_share:.0%} of a core; pieces "
        f"{args.piece_ms:g} ms CPU, tail {args.tail_ms:g} ms; worker busy "
        f"{busy / cycle / args.core_share:.0%} on average (calls in step: more while they speak)"
    )
    print(f"{'order':12} {'what waits':9} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'n':>6}")
    for name, queue in (("fifo", Fifo()), ("urgent-first", WorkQueue())):
        waits = replay(args, queue)
        for what, xs in waits.items():
            ms = [1000 * x for x in xs]
            print(
                f"{name:12} {what:9} {np.percentile(ms, 50):8.0f} {np.percentile(ms, 95):8.0f} "
                f"{max(ms):8.0f} {len(ms):6d}"
            )


if __name__ == "__main__":
    main()
