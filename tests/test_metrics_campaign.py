"""The campaign runner's /metrics: recipients per state and attempts per outcome, from the store."""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.request

import pytest

pytest.importorskip("prometheus_client")

from observability.campaign import campaign_registry, serve_metrics  # noqa: E402
from tests.dashboard_data import build  # noqa: E402


def test_campaign_metrics_come_from_the_store(tmp_path):
    store, _ = build(tmp_path)
    port, stop = serve_metrics(campaign_registry(store, "heat"), "127.0.0.1", 0)
    try:
        url = f"http://127.0.0.1:{port}/metrics"
        text = urllib.request.urlopen(url, timeout=10).read().decode()
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/other", timeout=10)
    finally:
        stop()
    names = set(re.findall(r"^# TYPE (\S+)", text, re.M))
    assert names and all(n.startswith("carecall_") for n in names)

    def value(name, labels):
        found = re.search(rf"^{name}\{{{re.escape(labels)}\}} (\S+)$", text, re.M)
        assert found, (name, labels)
        return float(found.group(1))

    assert value("carecall_campaign_recipients", 'campaign="heat",state="completed"') == 2
    assert value("carecall_campaign_recipients", 'campaign="heat",state="gave_up"') == 1
    assert value("carecall_campaign_recipients", 'campaign="heat",state="pending"') == 1
    assert value("carecall_campaign_attempts", 'campaign="heat",outcome="answered"') == 2
    assert value("carecall_campaign_attempts", 'campaign="heat",outcome="no_answer"') == 2
    assert value("carecall_campaign_calls_in_progress", 'campaign="heat"') == 0


def test_a_taken_metrics_port_is_a_clear_error(tmp_path):
    store, _ = build(tmp_path)
    store.close()
    port, stop = serve_metrics(campaign_registry(build(tmp_path / "b")[0], "heat"), "127.0.0.1", 0)
    try:
        run = subprocess.run(
            [sys.executable, "-m", "carecall", "campaign", "run", "heat", "--db",
             str(tmp_path / "c.sqlite"), "--metrics-port", str(port), "--until-idle"],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    finally:
        stop()
    assert run.returncode == 2
    assert f"--metrics-port {port}" in run.stderr and "Traceback" not in run.stderr
