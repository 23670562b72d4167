"""CPU of the call core per frame: K calls' sessions in one process over in-memory connections
(no sockets, no phones process), at real time, measured as CPU time of the event-loop thread
per inbound frame (the in-memory phones' side included: the same code for every tree, so the
difference between trees is the call core's). Made for a shared machine: a figure per frame
of work done does not drop when the process is starved (the server bench's CPU per call
does: a starved server does less).

    PYTHONPATH=. python bench/bench_callcore.py [--calls 20] [--seconds 14] [--vad webrtc]
        [--against REV [--rounds 3]]

Each call: 1.5 s of silence, the bench's recorded answer, 4 s of silence, again; the canned
agent (`benchkit.CannedAgent`) replies every turn; marks are echoed 60 ms after they are sent.
All calls share one frame clock and one VAD batcher, as in the server. `--vad webrtc`
(default) keeps the VAD's own cost, the same in every tree, small beside the call core's.

`--against REV`: commit REV's tree (`benchkit.tree_of`) and this one take turns, `--rounds`
times, the order swapped every round; this file runs in both, importing each tree's
`telephony` (needs `CallSession(factory, executor, options, clock=, vad=)`, as since P6's
base). Never asserted in tests: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
MEDIA = (
    '{"event":"media","sequenceNumber":"%d","media":{"track":"inbound","chunk":"%d",'
    '"timestamp":"%d","payload":"%s"},"streamSid":"%s"}'
)


class _Line:
    """One call's connection, in memory: the phone's side of the wire."""

    def __init__(self, i: int, pattern: bytes, seconds: float) -> None:
        self.stream, self.call = f"MZ{i:032x}", f"CA{i:032x}"
        self.pattern, self.seconds = pattern, seconds
        self.inbox: asyncio.Queue[str] = asyncio.Queue()
        self.frames_in = self.frames_out = 0

    def send_nowait(self, text: str) -> bool:
        if text.startswith('{"event":"mark"'):
            mark = json.loads(text)["mark"]
            echo = {"event": "mark", "sequenceNumber": "1", "streamSid": self.stream, "mark": mark}
            asyncio.get_running_loop().call_later(0.06, self.inbox.put_nowait, json.dumps(echo))
        else:
            self.frames_out += 1
        return True

    async def send(self, text: str) -> None:  # trees whose sessions await their writes
        self.send_nowait(text)

    async def close(self, code: int = 1000, reason: str = "") -> None:
        pass

    def __aiter__(self):
        return self._messages()

    async def _messages(self):
        yield json.dumps({"event": "connected", "protocol": "Call", "version": "1.0.0"})
        fmt = {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1}
        start = {"streamSid": self.stream, "callSid": self.call, "accountSid": "AC" + "0" * 32}
        start |= {"tracks": ["inbound"], "customParameters": {}, "mediaFormat": fmt}
        yield json.dumps({"event": "start", "sequenceNumber": "1", "streamSid": self.stream,
                          "start": start})  # fmt: skip
        loop = asyncio.get_running_loop()
        at, end, pos, seq = loop.time(), loop.time() + self.seconds, 0, 2
        while (now := loop.time()) < end:
            while not self.inbox.empty():
                yield self.inbox.get_nowait()
            if now < at:
                await asyncio.sleep(at - now)
                continue
            frame = self.pattern[pos : pos + 160]
            pos = (pos + 160) % (len(self.pattern) - 160)
            self.frames_in += 1
            payload = base64.b64encode(frame).decode()
            yield MEDIA % (seq, seq, seq * 20, payload, self.stream)
            seq, at = seq + 1, at + 0.02


async def _calls(n: int, seconds: float, vad: str) -> dict:
    from concurrent.futures import ThreadPoolExecutor

    from bench.benchkit import answer_ulaw, canned_factory
    from telephony.clock import LineClock
    from telephony.session import CallSession, SessionOptions
    from telephony.vad import VadBatcher, make_detector

    pattern = b"\xff" * 12000 + answer_ulaw() + b"\xff" * 32000
    options = SessionOptions(vad=vad)
    batcher = VadBatcher(make_detector(vad), options.vad_interval_s)
    clock, factory, executor = LineClock(0.02), canned_factory(), ThreadPoolExecutor(8)
    lines = [_Line(i, pattern, seconds) for i in range(n)]
    sessions = [CallSession(factory, executor, options, clock=clock, vad=batcher) for _ in lines]
    tasks = []
    for session, line in zip(sessions, lines, strict=True):
        tasks.append(asyncio.create_task(session.run(line)))
        await asyncio.sleep(0.14 / n)  # calls' frames spread over the 20 ms
    await asyncio.sleep(3.0)  # every call started
    f0, cpu0, t0 = sum(c.frames_in for c in lines), time.thread_time(), time.perf_counter()
    await asyncio.sleep(seconds - 5.0)
    f1, cpu1, t1 = sum(c.frames_in for c in lines), time.thread_time(), time.perf_counter()
    await asyncio.gather(*tasks)
    executor.shutdown()
    return {
        "us_per_frame": (cpu1 - cpu0) / max(f1 - f0, 1) * 1e6,
        "cpu_per_call": (cpu1 - cpu0) / (t1 - t0) / n,
        "frames_in": f1 - f0,
        "frames_out": sum(c.frames_out for c in lines),
        "turns": sum(len(s.turns) for s in sessions),
    }


def run_tree(tree: Path, args: argparse.Namespace) -> dict:
    """This file's `calls` role in a fresh process importing `tree`'s code."""
    argv = [sys.executable, __file__, "calls", "--calls", str(args.calls)]
    argv += ["--seconds", str(args.seconds), "--vad", args.vad]
    env = {**os.environ, "PYTHONPATH": str(tree)}
    run = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=tree)
    if run.returncode:
        tail = "\n".join(run.stderr.strip().splitlines()[-5:])
        raise SystemExit(f"the calls of {tree} failed (exit {run.returncode}):\n{tail}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("role", nargs="?", default="bench", choices=["bench", "calls"])
    p.add_argument("--calls", type=int, default=20)
    p.add_argument("--seconds", type=float, default=14.0)
    p.add_argument("--vad", choices=["silero", "webrtc"], default="webrtc")
    p.add_argument("--against", metavar="REV", help="also commit REV's tree, in turns")
    p.add_argument("--rounds", type=int, default=1)
    args = p.parse_args()
    if args.calls < 1 or args.rounds < 1 or args.seconds < 8:
        p.error("--calls and --rounds must be at least 1, --seconds at least 8")
    if args.role == "calls":
        sys.path.insert(0, os.getcwd())
        print(json.dumps(asyncio.run(_calls(args.calls, args.seconds, args.vad))))
        return
    from bench.benchkit import tree_of

    print(f"{args.calls} calls, {args.seconds:g} s, vad={args.vad}; CPU of the loop thread")
    print(f"{'round':>5} {'tree':>12} {'us/frame':>9} {'CPU/call':>9} {'in':>7} {'out':>7} turns")
    with tempfile.TemporaryDirectory(prefix="carecall-bench-trees-") as folder:
        trees = {"new": HERE}
        if args.against:
            old = tree_of(args.against, Path(folder), "telephony/session.py")
            trees = {args.against[:12]: old, "new": HERE}
        results: dict[str, list[dict]] = {name: [] for name in trees}
        for round_ in range(args.rounds):
            for name in list(trees)[:: 1 if round_ % 2 == 0 else -1]:
                r = run_tree(trees[name], args)
                results[name].append(r)
                print(
                    f"{round_ + 1:5d} {name:>12} {r['us_per_frame']:9.1f} "
                    f"{100 * r['cpu_per_call']:8.3f}% {r['frames_in']:7d} {r['frames_out']:7d} "
                    f"{r['turns']:5d}",
                    flush=True,
                )
    for name, rs in results.items():
        median = statistics.median(r["us_per_frame"] for r in rs)
        print(f"{name}: median {median:.1f} us of loop CPU per inbound frame")


if __name__ == "__main__":
    main()
