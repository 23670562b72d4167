"""How many calls one server process holds at real time, with clean audio.

    PYTHONPATH=. python bench/bench_concurrency.py [--calls 10,25,50,100,150] [--seconds 30]
        [--agent canned|models] [--vad silero|webrtc] [--pin] [--against REV [--rounds K]]

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

Before and after, side by side in one run (`--against REV`): the server of commit REV (its
tracked files, `git archive`d into a temporary folder, its own `bench/bench_concurrency.py
serve` run with `PYTHONPATH` set to that folder) and the server of this tree take turns at
each N, `--rounds` times, the order swapped every round (old, new, then new, old: drift in
the machine's load falls on both alike); the phones are this tree's for both. Each row names
its tree; the closing table gives, per N and tree, the median over rounds of CPU per call
(server CPU seconds per wall second / N, in % of one core), memory per call (peak RSS above
the idle server's / N) and whether the run held (jitter p99 < 20 ms, no late frames, no failed
call), and per tree the calls held: the largest N that held in every round. CPU and RSS
count the server and its child processes (the `--agent models` recognizer workers). P6's
before/after, as the lead runs it on an idle machine (a3537ca: main just before the call-core
refactor, the `callctl` merge 853da2f, was merged; the last commit without any of P6):

    PYTHONPATH=. python bench/bench_concurrency.py --against a3537ca --rounds 2 \
        --calls 25,50,100,150 --seconds 30 --pin
    PYTHONPATH=. python bench/bench_concurrency.py --against a3537ca --rounds 2 \
        --calls 5,10,20 --agent models
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
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
    tree_of,
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
    answer = (
        pausing_answers_ulaw(pauses=pause_range(args.pauses), speech=args.speech)
        if pausing
        else answer_ulaw()
    )
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


HERE = Path(__file__).resolve().parents[1]
SCRIPT = "bench/bench_concurrency.py"


def start_server(tree: Path, args: argparse.Namespace, cpu: int | None):
    """The bench server of `tree` (this one, or an older commit's), with its own code."""
    script = str(tree / "bench" / "bench_concurrency.py")
    return start_child([script, "serve", "--agent", args.agent, "--vad", args.vad], cpu, tree)


def _family(proc) -> tuple[float, int]:
    """CPU seconds and RSS of a process and its children (recognizer workers)."""
    import psutil

    cpu, rss = 0.0, 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            t = p.cpu_times()
            cpu, rss = cpu + t.user + t.system, rss + p.memory_info().rss
        except psutil.Error:  # a child gone meanwhile
            pass
    return cpu, rss


def measure(n: int, args: argparse.Namespace, tree: Path = HERE) -> dict:
    import psutil

    cpus = (0, 1) if args.pin else (None, None)
    server, hello = start_server(tree, args, cpus[0])
    proc = psutil.Process(server.pid)
    idle_rss = _family(proc)[1]
    samples: list[tuple[float, float, int]] = []
    stop = threading.Event()

    def sample() -> None:  # (time, cpu seconds, rss) once a second
        while not stop.wait(1.0):
            samples.append((time.perf_counter(), *_family(proc)))

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
            *(
                ["--pausing", "--pauses", args.pauses, "--speech", args.speech]
                if args.pausing
                else []
            ),
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
        return _family(proc)[0]
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
    p.add_argument(
        "--speech",
        choices=("whole", "pieces"),
        default="whole",
        help="pausing answers spoken whole and cut at the stops, or each piece alone (old)",
    )
    p.add_argument("--against", metavar="REV", help="also the server of commit REV, in turns")
    p.add_argument("--rounds", type=int, default=1, help="runs per N and tree (order swapped)")
    p.add_argument("--url")
    p.add_argument("--n", type=int)
    args = p.parse_args()
    if args.role == "serve":
        return run_server(args)
    if args.role == "phones":
        return run_phones(args)
    try:
        calls = [int(x) for x in args.calls.split(",")]
    except ValueError:
        raise SystemExit(f"--calls: numbers separated by commas, not {args.calls!r}") from None
    if not calls or min(calls) < 1 or args.rounds < 1:
        raise SystemExit("--calls and --rounds must be at least 1")
    with tempfile.TemporaryDirectory(prefix="carecall-bench-trees-") as folder:
        trees = {"new": HERE}
        if args.against:
            trees = {args.against[:12]: tree_of(args.against, Path(folder), SCRIPT), "new": HERE}
        bench(args, calls, trees)


def bench(args: argparse.Namespace, calls: list[int], trees: dict[str, Path]) -> None:
    print(
        f"agent={args.agent} vad={args.vad} {args.seconds:g} s per run at real time"
        f"{', pinned' if args.pin else ''}; jitter in ms, turn = voice-to-voice in s"
        + (f"; trees: {', '.join(trees)} (new: {HERE})" if len(trees) > 1 else "")
    )
    head = (
        f"{'calls':>5} {'jit p50':>8} {'jit p99':>8} {'jit max':>8} {'late':>6} "
        f"{'frames':>8} {'turns':>6} {'turn p50':>8} {'turn p95':>8} {'srv CPU':>8} "
        f"{'CPU/call':>8} {'RSS MB':>7} {'MB/call':>7} {'phones':>6} {'others':>6}"
    )
    print(f"{'tree':>12} {head}" if len(trees) > 1 else head)
    runs: dict[tuple[str, int], list[dict]] = {}
    for n in calls:
        for round_ in range(args.rounds):
            order = list(trees) if round_ % 2 == 0 else list(reversed(trees))
            for name in order:
                r = measure(n, args, trees[name])
                r["ok"] = r["jitter_p99"] < 20 and r["late"] == 0 and r["failed"] == 0
                runs.setdefault((name, n), []).append(r)
                print((f"{name:>12} " if len(trees) > 1 else "") + row(n, r), flush=True)
    for name in trees:
        held = [n for n in calls if all(r["ok"] for r in runs[(name, n)])]
        print(
            f"{name}: largest N with outbound jitter p99 < 20 ms and no late frames: "
            f"{max(held, default=0)}"
        )
    if len(trees) > 1:
        side_by_side(calls, trees, runs)


def row(n: int, r: dict) -> str:
    verdict = "" if r["ok"] else "  <- fails"
    if r["failed"]:
        verdict += f" ({r['failed']} calls failed)"
    return (
        f"{n:5d} {r['jitter_p50']:8.2f} {r['jitter_p99']:8.2f} {r['jitter_max']:8.1f} "
        f"{r['late']:6d} {r['frames']:8d} {r['turns']:6d} {r['turn_p50']:8.2f} "
        f"{r['turn_p95']:8.2f} {100 * r['server_cpu']:7.0f}% "
        f"{100 * r['server_cpu'] / n:7.2f}% {r['rss_mb']:7.0f} "
        f"{r['rss_per_call_mb']:7.2f} {100 * r['phones_cpu']:5.0f}% "
        f"{100 * r['others']:5.0f}%  cut {r['cut_offs']}/{r['answers_started']}{verdict}"
    )


def side_by_side(calls: list[int], trees: dict[str, Path], runs: dict) -> None:
    """Per N, each tree's median over its rounds: CPU per call, MB per call, held (all)."""
    columns = {  # title -> (format, value of one N's runs of one tree)
        "CPU/call": ("{:19.2f}%", lambda n, rs: statistics.median(r["server_cpu"] for r in rs)
                     * 100 / n),
        "MB/call": ("{:20.2f}", lambda n, rs: statistics.median(r["rss_per_call_mb"] for r in rs)),
        "held": ("{:>20}", lambda n, rs: "yes" if all(r["ok"] for r in rs) else "no"),
    }  # fmt: skip
    print("\nmedians over rounds; held = every round held (p99 < 20 ms, no late frame)")
    print(f"{'calls':>5} " + " ".join(f"{c + ' ' + t:>20}" for c in columns for t in trees))
    for n in calls:
        cells = [f.format(v(n, runs[(t, n)])) for f, v in columns.values() for t in trees]
        print(f"{n:5d} " + " ".join(cells))


if __name__ == "__main__":
    main()
