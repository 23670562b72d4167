"""Does the server's memory grow with the calls it has served? RSS after 50 vs 500 calls.

    PYTHONPATH=. python bench/bench_soak.py [--calls 500] [--agent canned|models]
        [--speed 20] [--lines 1]

A fresh server process (bench_concurrency.py `serve`) takes `--calls` short calls one after
another from a simulated phone in another process: the agent's opening, one answer, the
agent's reply, hang up. The line runs `--speed` times faster than real time on both ends
(turn-taking counts samples, so every call behaves as at real time) so that 500 calls take
minutes. The server's RSS is sampled after every 50 calls; the verdict compares the growth
from call 50 to the last call, per call, and fits a slope over the second half (where a
leak shows as a steady climb, unlike the first calls' allocator warm-up).
Never asserted in tests: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.benchkit import answer_ulaw, start_child  # noqa: E402

SCRIPT = Path(__file__).resolve()
CONCURRENCY = SCRIPT.parent / "bench_concurrency.py"


def run_phone(args: argparse.Namespace) -> None:
    """The phone process: sequential calls; one JSON line per `--every` calls."""
    from bench.loadphones import run_phones

    print(json.dumps({"ready": True}), flush=True)

    def progress(stats) -> None:
        if stats.calls % args.every == 0:
            print(json.dumps({"calls": stats.calls}), flush=True)

    params = {"recipient": "soak", "name": "Margaret", "scenario": "daily_checkin_en"}
    stats, _ = asyncio.run(
        run_phones(
            args.url,
            answer_ulaw(),
            args.lines,
            1e9,
            ramp_s=0,
            speed=args.speed,
            answers_per_call=1,
            max_calls=args.calls // args.lines,
            on_call_end=progress,
            parameters=params,
        )
    )
    failed = [r for r in stats.reasons if not r.endswith("hung up")]
    print(
        json.dumps({"done": stats.calls, "failed": len(failed), "reasons": failed[:5]}), flush=True
    )


def main() -> None:
    import psutil

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("role", nargs="?", default="bench", choices=["bench", "phone"])
    p.add_argument("--calls", type=int, default=500)
    p.add_argument("--every", type=int, default=50)
    p.add_argument("--agent", choices=["canned", "models"], default="canned")
    p.add_argument("--speed", type=float, default=20.0)
    p.add_argument("--lines", type=int, default=1, help="calls at a time (1: sequential)")
    p.add_argument("--url")
    args = p.parse_args()
    if args.role == "phone":
        return run_phone(args)

    server, hello = start_child(
        [str(CONCURRENCY), "serve", "--agent", args.agent, "--speed", str(args.speed)]
    )
    proc = psutil.Process(server.pid)
    url = f"ws://127.0.0.1:{hello['port']}/media"
    phone, _ = start_child(
        [
            str(SCRIPT),
            "phone",
            "--url",
            url,
            "--calls",
            str(args.calls),
            "--every",
            str(args.every),
            "--speed",
            str(args.speed),
            "--lines",
            str(args.lines),
        ]
    )
    points: list[tuple[int, float]] = [(0, proc.memory_info().rss / 2**20)]
    print(f"agent={args.agent}, line at {args.speed:g}x real time, {args.lines} line(s)")
    print(f"{'calls':>6} {'server RSS MB':>14}")
    print(f"{0:6d} {points[0][1]:14.1f}", flush=True)
    done = {}
    for line in phone.stdout:
        message = json.loads(line)
        if "calls" in message:
            calls = message["calls"] * args.lines
            points.append((calls, proc.memory_info().rss / 2**20))
            print(f"{calls:6d} {points[-1][1]:14.1f}", flush=True)
        elif "done" in message:
            done = message
            if message["done"] not in dict(points):  # the last calls, after the last report
                points.append((message["done"], proc.memory_info().rss / 2**20))
                print(f"{message['done']:6d} {points[-1][1]:14.1f}", flush=True)
    phone.wait()
    server.terminate()
    server.wait()
    if done.get("failed"):
        print(f"{done['failed']} calls did not end as planned: {done['reasons']}")
    at = dict(points)
    first = min((c for c in at if c >= 50), default=None)
    last = max(at)
    if first is None or last <= first:
        print("too few calls for a verdict")
        return
    half = [(c, m) for c, m in points if c >= last / 2]
    slope = np.polyfit([c for c, _ in half], [m for _, m in half], 1)[0] if len(half) > 2 else 0
    growth = at[last] - at[first]
    print(
        f"RSS after {first} calls: {at[first]:.1f} MB; after {last}: {at[last]:.1f} MB; "
        f"growth {growth:+.1f} MB = {1024 * growth / (last - first):+.1f} KB per call; "
        f"slope over the second half {1024 * slope:+.1f} KB per call"
    )


if __name__ == "__main__":
    main()
