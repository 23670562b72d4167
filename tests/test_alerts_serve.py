"""`carecall serve` runs the alert dispatcher: a real server process resumes the alerts a
previous process left pending in its output folder, and stops on SIGTERM with exit 0."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from alerts import Alert
from alerts.outbox import Outbox
from tests.alert_kit import SECRET, Receiver, wait_until

ROOT = Path(__file__).resolve().parent.parent


def test_serve_resumes_pending_alerts_and_stops_cleanly(tmp_path: Path) -> None:
    left = Alert.new("CA" + "d" * 32, "r9", "fall", "critical", "help me")
    Outbox(tmp_path / "alerts.sqlite").add(left, ["webhook"])  # left by a process that died
    receiver = Receiver()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CARECALL_ALERT_SECRET": SECRET}
    cmd = [sys.executable, "-m", "carecall", "serve", "--port", "0", "--asr-workers", "0"]
    cmd += ["--output-dir", str(tmp_path), "--alert-webhook", receiver.url]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert "listening" in proc.stdout.readline().decode()
        assert wait_until(lambda: left.id in receiver.keys(), timeout_s=60)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
        receiver.stop()
    assert proc.returncode == 0, err.decode()
    assert "stopped" in out.decode()
    assert Outbox(tmp_path / "alerts.sqlite").deliveries(left.id)["webhook"][0] == "delivered"
    assert "help me" not in err.decode()  # the person's words are never logged
