"""How many calls one server process holds at real time, with clean audio.

    PYTHONPATH=. python bench/bench_concurrency.py [--calls 10,25,50,100,150] [--seconds 30]
        [--agent canned|models] [--vad silero|webrtc] [--pin]

For each number of calls N: a fresh server process (this script, `serve`), and N simulated
phones in another process (`phones`, see bench/loadphones.py) calling it over 127.0.0.1 at
real time for `--seconds` after a ramp. The phones measure what a listener gets: outbound
jitter (|inter-arrival − 20 ms| within speech), frames that came too late for a 3-frame
jitter buffer, and voice-to-voice time per turn (end of the answer to the first reply frame;
it includes the 1.5 s end-of-turn silence). The server's CPU and RSS are sampled with psutil.

`--agent canned` measures the audio path (websocket, protocol, G.711, resampling, Silero VAD,
endpointing, pacing): every reply is the same recorded sentence. `--agent models` runs the
embedded pipeline (pocketsphinx in one worker process, scenario engine, espeak-ng).
The verdict line names the largest N with jitter p99 < 20 ms and no late frames. "others" is
the CPU that other processes on the machine used meanwhile (in cores x 100%): on a shared
2-core machine, a figure taken while others used a core is a 1-core figure.
Never asserted in tests: the figures depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.benchkit import (  # noqa: E402, I001
    answer_ulaw,
    canned_factory,
    pausing_answers_ulaw,
    pct,
    serve,
    start_child,
    timed_pipeline,
)


def run_server(args: argparse.Namespace) -> None:
    if args.agent == "canned":
        factory = canned_factory()
    else:
        factory, _ = timed_pipeline(Path(tempfile.mkdtemp(prefix="carecall-bench-")))

    def ready(server) -> None:
        print(json.dumps({"port": server.port}), flush=True)

    asyncio.run(serve(factory, vad=args.vad, speed=args.speed, on_ready=ready))


def run_phones(args: argparse.Namespace) -> None:
    from bench.loadphones import run_phones as phones

    print(json.dumps({"ready": True}), flush=True)
    params = {"recipient": "bench", "name": "Margaret", "scenario": "daily_checkin_en"}
    pausing = args.pausing
    answer = pausing_answers_ulaw(pauses=pause_range(args.pauses)) if pausing else answer_ulaw()
    stats, cpu = asyncio.run(
        phones(args.url, answer, args.n, args.seconds, ramp_s=args.ramp, parameters=params)
    )
    print(
        json.dumps(
            {
                "frames": stats.frames,
                "late": stats.late,
                "bursts": stats.bursts,
                "jitter_p50": pct(stats.gaps_ms, 50),
                "jitter_p99": pct(stats.gaps_ms, 99),
                "jitter_max": max(stats.gaps_ms, default=0.0),
                "turn_p50": pct(stats.turns, 50),
                "turn_p95": pct(stats.turns, 95),
                "turns": len(stats.turns),
                "answers_started": stats.started,
                "cut_offs": stats.cut_offs,
                "calls": stats.calls,
                "failed": sum(r.startswith("failed") for r in stats.reasons),
                "phones_cpu": cpu["cpu_s"] / cpu["wall_s"],
                "phones_wall": cpu["wall_s"],
            }
        ),
        flush=True,
    )


def pause_range(text: str) -> tuple[float, float]:
    try:
        low, high = (float(x) for x in text.split(","))
    except ValueError:
        raise SystemExit(f"--pauses must be LOW,HIGH in seconds, got {text!r}") from None
    return low, high


def measure(n: int, args: argparse.Namespace) -> dict:
    import psutil

    cpus = (0, 1) if args.pin else (None, None)
    server, hello = start_child(
        [__file__, "serve", "--agent", args.agent, "--vad", args.vad], cpus[0]
    )
    proc = psutil.Process(server.pid)
    idle_rss = proc.memory_info().rss
    samples: list[tuple[float, float, int]] = []
    stop = threading.Event()

    def sample() -> None:  # (time, cpu seconds, rss) once a second
        while not stop.wait(1.0):
            t = proc.cpu_times()
            samples.append((time.perf_counter(), t.user + t.system, proc.memory_info().rss))

    sampler = threading.Thread(target=sample, daemon=True)
    machine0, server0 = psutil.cpu_times(), proc_cpu_total(proc)
    sampler.start()
    url = f"ws://127.0.0.1:{hello['port']}/media"
    phones, _ = start_child(
        [
            __file__,
            "phones",
            "--url",
            url,
            "--n",
            str(n),
            "--seconds",
            str(args.seconds),
            "--ramp",
            str(args.ramp),
            *(["--pausing", "--pauses", args.pauses] if args.pausing else []),
        ],
        cpus[1],
    )
    started = time.perf_counter()
    result = json.loads(phones.stdout.readline())
    phones.wait()
    stop.set()
    sampler.join()
    machine1, server1 = psutil.cpu_times(), proc_cpu_total(proc)
    busy = sum(getattr(machine1, f) - getattr(machine0, f) for f in ("user", "system", "nice"))
    wall = time.perf_counter() - started
    ours = server1 - server0 + result["phones_cpu"] * result["phones_wall"]
    server.terminate()
    server.wait()
    steady = [s for s in samples if s[0] - started > args.ramp + 2]  # all calls up
    if len(steady) >= 2:
        cpu = (steady[-1][1] - steady[0][1]) / (steady[-1][0] - steady[0][0])
    else:
        cpu = float("nan")
    peak = max((s[2] for s in samples), default=idle_rss)
    return {
        **result,
        "n": n,
        "server_cpu": cpu,
        "rss_mb": peak / 2**20,
        "rss_per_call_mb": (peak - idle_rss) / 2**20 / n,
        "others": max(0.0, busy - ours) / wall,
    }


def proc_cpu_total(proc) -> float:
    try:
        t = proc.cpu_times()
        return t.user + t.system
    except Exception:  # already gone
        return 0.0


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("role", nargs="?", default="bench", choices=["bench", "serve", "phones"])
    p.add_argument("--calls", default="10,25,50,100,150")
    p.add_argument("--seconds", type=float, default=30.0)
    p.add_argument("--ramp", type=float, default=5.0)
    p.add_argument("--agent", choices=["canned", "models"], default="canned")
    p.add_argument("--vad", choices=["silero", "webrtc"], default="silero")
    p.add_argument("--pin", action="store_true", help="server on CPU 0, phones on CPU 1")
    p.add_argument("--speed", type=float, default=1.0, help=argparse.SUPPRESS)  # soak bench
    p.add_argument(
        "--pausing", action="store_true", help="phones answer as pausing callers (1-3 s pauses)"
    )
    p.add_argument("--pauses", default="1,3", help="pausing callers' pauses: LOW,HIGH seconds")
    p.add_argument("--url")
    p.add_argument("--n", type=int)
    args = p.parse_args()
    if args.role == "serve":
        return run_server(args)
    if args.role == "phones":
        return run_phones(args)

    print(
        f"agent={args.agent} vad={args.vad} {args.seconds:g} s per run at real time"
        f"{', pinned' if args.pin else ''}; jitter in ms, turn = voice-to-voice in s"
    )
    head = (
        f"{'calls':>5} {'jit p50':>8} {'jit p99':>8} {'jit max':>8} {'late':>6} "
        f"{'frames':>8} {'turns':>6} {'turn p50':>8} {'turn p95':>8} {'srv CPU':>8} "
        f"{'CPU/call':>8} {'RSS MB':>7} {'MB/call':>7} {'phones':>6} {'others':>6}"
    )
    print(head)
    best = 0
    for n in (int(x) for x in args.calls.split(",")):
        r = measure(n, args)
        ok = r["jitter_p99"] < 20 and r["late"] == 0 and r["failed"] == 0
        best = n if ok else best
        verdict = "" if ok else "  <- fails"
        if r["failed"]:
            verdict += f" ({r['failed']} calls failed)"
        print(
            f"{n:5d} {r['jitter_p50']:8.2f} {r['jitter_p99']:8.2f} {r['jitter_max']:8.1f} "
            f"{r['late']:6d} {r['frames']:8d} {r['turns']:6d} {r['turn_p50']:8.2f} "
            f"{r['turn_p95']:8.2f} {100 * r['server_cpu']:7.0f}% "
            f"{100 * r['server_cpu'] / n:7.2f}% {r['rss_mb']:7.0f} "
            f"{r['rss_per_call_mb']:7.2f} {100 * r['phones_cpu']:5.0f}% "
            f"{100 * r['others']:5.0f}%  cut {r['cut_offs']}/{r['answers_started']}{verdict}",
            flush=True,
        )
    print(f"largest N with outbound jitter p99 < 20 ms and no late frames: {best}")


if __name__ == "__main__":
    main()
