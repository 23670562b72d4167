"""The call server under every P1 attack at once, next to one legitimate call.

    PYTHONPATH=. python bench/bench_attacks.py [--rounds 5] [--idle 200]

A real `carecall serve` (the embedded pipeline: pocketsphinx in a worker process, espeak-ng,
Silero VAD; per-call tokens required), run under an audit hook that logs every file it opens
(`bench/audited_serve.py`). First the legitimate call alone, `--rounds` times: the time from
its `start` to the first frame of the agent's audio. Then the same call while, all at once and
each with a valid call token (the attacker is a token holder):
- calls whose `callSid` is `../../x…` or an absolute path;
- calls naming as scenario `/etc/passwd`, a FIFO, `../../etc/passwd`, `daily_checkin_en.yaml`;
- `--idle` sockets that never send `start`, and started calls that send no audio;
- floods of bad messages (10,000 per connection) and oversized messages;
- forged, replayed and missing tokens.
Then SIGTERM, and the server's child processes are looked for.

Printed: files written outside the output folder and files read outside the scenario
catalogue while attacks ran (from the audit log; Python's own imports and the machine's
/proc, /sys and /dev are not counted), the legitimate call's first-audio time alone and under
attack (median and max of the rounds), and orphan processes after SIGTERM. Targets: 0, 0,
< 100 ms added, 0. Never asserted in tests: timings depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

import numpy as np
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from telephony.auth import CallTokens  # noqa: E402
from telephony.g711 import float_to_pcm16, ulaw_encode  # noqa: E402

SECRET = "bench-attacks-call-secret-0123456789abcdef"
FRAME = base64.b64encode(ulaw_encode(float_to_pcm16(np.zeros(160, np.float32)))).decode()
MEDIA = json.dumps({"event": "media", "streamSid": "MZ1", "media": {"payload": FRAME}})
GROUPS = ("traversal", "scenario", "idle", "silent", "flood", "tokens")
STOP = json.dumps({"event": "stop", "streamSid": "MZ1", "stop": {"callSid": "x"}})
TOKENS = CallTokens(SECRET)


def start(call_sid: str, **params: str) -> str:
    body = {
        "streamSid": "MZ1",
        "callSid": call_sid,
        "customParameters": params,
        "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1},
    }
    return json.dumps({"event": "start", "streamSid": "MZ1", "start": body})


async def quietly(coro) -> None:
    try:
        await coro
    except (ConnectionClosed, InvalidStatus, OSError, TimeoutError):
        pass


async def legit_call(url: str) -> float:
    """Seconds from `start` to the first frame of the agent's voice (inf: none came)."""
    try:
        return await _legit_call(url)
    except (ConnectionClosed, InvalidStatus, OSError) as exc:
        print(f"legitimate call failed: {exc}", file=sys.stderr)
        return float("inf")


async def _legit_call(url: str) -> float:
    token = TOKENS.issue("bench-legit", "daily_checkin_en")
    first = float("inf")
    async with connect(url, ping_timeout=None) as ws:
        t0 = time.perf_counter()
        await ws.send(start("CA" + os.urandom(16).hex(), token=token))
        sender = asyncio.create_task(_send_media(ws, 150))
        async for message in ws:
            if json.loads(message).get("event") == "media":
                first = time.perf_counter() - t0
                break
        sender.cancel()
        await ws.send(STOP)
    return first


async def _send_media(ws, frames: int) -> None:
    for _ in range(frames):
        await ws.send(MEDIA)
        await asyncio.sleep(0.02)


async def attack_call(url: str, first: str, frames: int = 25, extra=()) -> None:
    async with connect(url, max_size=None) as ws:
        await ws.send(first)
        for message in extra:
            await ws.send(message)
        for _ in range(frames):
            await ws.send(MEDIA)
            await asyncio.sleep(0.02)
        await ws.send(STOP)
        async for _ in ws:
            pass


async def idle_socket(url: str, hold_s: float) -> None:
    async with connect(url) as ws:
        async with asyncio.timeout(hold_s):
            async for _ in ws:
                pass


def attacks(url: str, work: Path, idle: int, only: set[str] | None = None) -> list:
    fifo = work / "fifo.yaml"
    if not fifo.exists():
        os.mkfifo(fifo)
    token = TOKENS.issue  # a valid token for each attack call: the attacker holds many
    groups: dict[str, list] = {g: [] for g in GROUPS}
    for i in range(10):
        for sid in (f"../../x{i}", str(work / f"abs{i}"), f"CA{i}/../../../y"):
            groups["traversal"].append(attack_call(url, start(sid, token=token("attacker"))))
    for _ in range(3):
        for scenario in ("/etc/passwd", str(fifo), "../../etc/passwd", "daily_checkin_en.yaml"):
            first = start("CA" + os.urandom(16).hex(), token=token("attacker"), scenario=scenario)
            groups["scenario"].append(attack_call(url, first))
    groups["idle"] += [idle_socket(url, 20) for _ in range(idle)]
    for _ in range(10):  # started, then silent
        first = start("CA" + os.urandom(16).hex(), token=token("a"))
        groups["silent"].append(attack_call(url, first, 0))
    bad = ['{"event": "nope"}', "not json", '{"event": "media", "media": 5}'] * 3334
    for _ in range(3):
        first = start("CA" + os.urandom(16).hex(), token=token("a"))
        groups["flood"].append(attack_call(url, first, 5, bad))
    huge = json.dumps({"event": "media", "media": {"payload": "A" * 200_000}})
    first = start("CA" + os.urandom(16).hex(), token=token("a"))
    groups["flood"].append(attack_call(url, first, 5, [huge]))
    used = token("attacker")
    sids = ["CA" + os.urandom(16).hex() for _ in range(4)]
    groups["tokens"] += [
        attack_call(url, start(sids[0], token=used)),
        attack_call(url, start(sids[1], token=used)),  # replayed
        attack_call(url, start(sids[2])),  # no token
        attack_call(url + "/cc1.e30.forged", start(sids[3])),  # forged
    ]
    chosen = [c for g, cs in groups.items() for c in cs if only is None or g in only]
    for g, cs in groups.items():  # close the coroutines not run
        if only is not None and g not in only:
            for c in cs:
                c.close()
    return [quietly(c) for c in chosen]


async def measure(
    url: str, work: Path, rounds: int, idle: int, only: str | None = None
) -> tuple[list, list, float]:
    """The legitimate call alone, then under attack. The attackers run in another process,
    as they would on other machines: their load is the server's, not the measuring client's."""
    alone = [await legit_call(url) for _ in range(rounds)]
    await asyncio.sleep(1.0)
    t_attack = time.monotonic()
    under = []
    cmd = [sys.executable, __file__, "--attack", url, "--work", str(work), "--idle", str(idle)]
    for _ in range(rounds):
        attacker = await asyncio.create_subprocess_exec(
            *cmd, *(["--only", only] if only else []), stdout=asyncio.subprocess.PIPE
        )
        await attacker.stdout.readline()  # "started"
        await asyncio.sleep(0.5)  # the attacks are under way
        under.append(await legit_call(url))
        await attacker.wait()
    return alone, under, t_attack


async def run_attacks(url: str, work: Path, idle: int, only: set[str] | None) -> None:
    running = [asyncio.create_task(c) for c in attacks(url, work, idle, only)]
    print("started", flush=True)
    await asyncio.gather(*running)


def children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            pass
    return out


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def audit(opens: Path, since: float, out: Path) -> tuple[list[str], list[str]]:
    """(paths written outside `out`, paths read outside the catalogue) after `since`."""
    ignored = ("/proc/", "/sys/", "/dev/")
    code = {sysconfig.get_paths()[k] for k in ("stdlib", "platstdlib", "purelib", "platlib")}
    code |= {str(ROOT / p) for p in ("telephony", "carecall", "asr", "dialogue", "tts", "campaign")}
    catalogue = (str(ROOT / "scenarios"), str(ROOT / "campaign" / "scenarios"))
    written, read = [], []
    for line in opens.read_text().splitlines():
        entry = json.loads(line)
        path = entry["path"]
        if entry["t"] < since or path.startswith(ignored) or path == str(opens):
            continue
        inside_out = path == str(out) or path.startswith(str(out) + os.sep)
        if entry["w"] and not inside_out:
            written.append(path)
        elif not entry["w"] and not inside_out:
            if not path.startswith(catalogue) and not any(path.startswith(c) for c in code):
                read.append(path)
    return sorted(set(written)), sorted(set(read))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--idle", type=int, default=200)
    parser.add_argument("--only", help=f"comma-separated attack groups of {GROUPS} (default all)")
    parser.add_argument("--attack", metavar="URL", help=argparse.SUPPRESS)  # attacker process
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    only = set(args.only.split(",")) if args.only else None
    if args.attack:
        asyncio.run(run_attacks(args.attack, args.work, args.idle, only))
        return
    work = Path(tempfile.mkdtemp(prefix="carecall-attacks-"))
    out, opens = work / "out", work / "opens.jsonl"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CARECALL_CALL_SECRET": SECRET}
    cmd = [sys.executable, str(ROOT / "bench" / "audited_serve.py"), str(opens), "serve"]
    server = subprocess.Popen(
        cmd + ["--port", "0", "--output-dir", str(out)],
        cwd=work,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        port = int(re.search(r":(\d+)/media", server.stdout.readline()).group(1))
        workers = children(server.pid)
        url = f"ws://127.0.0.1:{port}/media"
        alone, under, since = asyncio.run(measure(url, work, args.rounds, args.idle, args.only))
        server.send_signal(signal.SIGTERM)
        rc = server.wait(60)
    finally:
        if server.poll() is None:
            server.kill()
    time.sleep(1.0)
    orphans = [p for p in workers if alive(p)]
    written, read = audit(opens, since, out)
    outside = [p for p in work.rglob("*") if not p.is_relative_to(out) and p != opens]
    outside = [p for p in outside if p.name != "fifo.yaml"]
    ms = [1000 * x for x in alone], [1000 * x for x in under]
    added = statistics.median(ms[1]) - statistics.median(ms[0])
    print(
        f"rounds: {args.rounds}; attacks: {args.only or 'all'}; idle sockets per round: "
        f"{args.idle}; server exit code: {rc}"
    )
    print(f"files written outside the output folder: {len(written)} {written[:5]}")
    print(f"files created outside the output folder (on disk): {len(outside)} {outside[:5]}")
    print(f"files read outside the scenario catalogue: {len(read)} {read[:5]}")
    print(
        f"first audio of the legitimate call: alone median {statistics.median(ms[0]):.1f} ms "
        f"(max {max(ms[0]):.1f}); under attack median {statistics.median(ms[1]):.1f} ms "
        f"(max {max(ms[1]):.1f}); added {added:.1f} ms"
    )
    print(f"  every round under attack (ms): {[round(x, 1) for x in ms[1]]}")
    print(f"worker processes before SIGTERM: {len(workers)}; orphans after: {len(orphans)}")


if __name__ == "__main__":
    main()
