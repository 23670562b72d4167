"""`carecall serve` stopped with SIGTERM during a call (P1): the call in progress is finalized
(report written, reason `server_shutdown`), the recognizer's worker processes exit with the
server, and the server exits 0. Before, SIGTERM killed the server at once: no report, and its
pocketsphinx workers were left running as orphans."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from websockets.asyncio.client import connect

from telephony.g711 import float_to_pcm16, ulaw_encode

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parent.parent


def children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    """Running (a zombie waiting for a reaper is not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


async def call_in_progress(port: int, out: Path) -> None:
    """Start a call and keep sending audio until the server has the call's agent."""
    frame = base64.b64encode(ulaw_encode(float_to_pcm16(np.zeros(160, np.float32)))).decode()
    start = {
        "event": "start",
        "streamSid": "MZ1",
        "start": {
            "streamSid": "MZ1",
            "callSid": "CA" + "5" * 32,
            "customParameters": {"recipient": "r-term"},
            "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1},
        },
    }
    media = json.dumps({"event": "media", "streamSid": "MZ1", "media": {"payload": frame}})
    ws = await connect(f"ws://127.0.0.1:{port}/media")
    await ws.send(json.dumps(start))
    for _ in range(100):  # 2 s of line audio: the opening is being played
        await ws.send(media)
        await asyncio.sleep(0.02)
    return ws


def test_sigterm_finalizes_the_call_in_progress_and_leaves_no_orphan(tmp_path):
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for var in ("CARECALL_TOKEN", "CARECALL_CALL_SECRET", "CARECALL_TWILIO_AUTH_TOKEN"):
        env.pop(var, None)
    server = subprocess.Popen(
        [sys.executable, "-m", "carecall", "serve", "--port", "0", "--output-dir", str(out)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = server.stdout.readline()
        port = int(re.search(r"127\.0\.0\.1:(\d+)/media", line).group(1))
        workers = children(server.pid)
        assert workers, "pocketsphinx decodes in worker processes by default"

        async def scenario():
            ws = await call_in_progress(port, out)
            server.send_signal(signal.SIGTERM)
            rc = await asyncio.to_thread(server.wait, 60)
            await ws.close()
            return rc

        rc = asyncio.run(scenario())
        stdout = server.stdout.read()
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert rc == 0, server.stderr.read()[-2000:]
    assert "1 calls in progress were ended and saved" in stdout
    report = json.loads((out / "calls" / ("CA" + "5" * 32) / "report.json").read_text())
    assert report["reason"] == "server_shutdown"
    deadline = time.monotonic() + 10
    while any(alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in workers if alive(p)], "worker processes outlived the server"
