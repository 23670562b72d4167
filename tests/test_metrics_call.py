"""/metrics scraped during a real local call (the call server as `carecall serve` builds it),
and the call's turn timings in its call.json."""

from __future__ import annotations

import asyncio
import json
import re
import sys
import urllib.error
import urllib.request

import pytest

pytest.importorskip("prometheus_client")

from short_call import SHORT_SCENARIO, short_persona  # noqa: E402

from assembly.config import load_settings  # noqa: E402
from assembly.serving import serve_calls  # noqa: E402

pytestmark = pytest.mark.integration
SPEED = 3.0


def value(text: str, name: str, labels: str = "") -> float:
    pattern = re.escape(name + (("{" + labels + "}") if labels else "")) + r" ([0-9.e+-]+)"
    found = re.search(r"^" + pattern + r"$", text, re.M)
    assert found, f"{name}{{{labels}}} not in /metrics"
    return float(found.group(1))


def scrape(port: int, token: str | None = None) -> str:
    url = f"http://127.0.0.1:{port}/metrics" + (f"?token={token}" if token else "")
    with urllib.request.urlopen(url, timeout=10) as r:
        assert r.headers["Content-Type"].startswith("text/plain")
        return r.read().decode()


def test_metrics_during_a_real_call(tmp_path):
    # the short scenario (the shipped opening, two items, closing): every metric is per turn
    # or per call, so two items show the same wiring as six
    persona = short_persona("margaret_en", tmp_path)
    settings = load_settings(
        output_dir=tmp_path / "out", speed=SPEED, token="tok-123", scenario=str(SHORT_SCENARIO)
    )
    calls = serve_calls(settings, port=0)  # as `carecall serve` assembles it
    server, pipeline = calls.server, calls.pipeline

    async def call():
        await server.start()
        port = server.port
        before = await asyncio.to_thread(scrape, port, "tok-123")
        assert value(before, "carecall_calls_active") == 0
        with pytest.raises(urllib.error.HTTPError) as refused:  # the server's token is needed
            await asyncio.to_thread(scrape, port)
        assert refused.value.code == 401
        phone = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "carecall", "phone",
            "--url", f"ws://127.0.0.1:{port}/media?token=tok-123",
            "--persona", str(persona), "--speed", str(SPEED),
            "--out", str(tmp_path / "phone.wav"),
            stdout=asyncio.subprocess.DEVNULL,
        )  # fmt: skip
        during = []
        live_dir = tmp_path / "out" / "live"
        while phone.returncode is None:
            text = await asyncio.to_thread(scrape, port, "tok-123")
            during.append(text)
            for f in live_dir.glob("CA*.*") if live_dir.is_dir() else []:
                try:
                    live[f.suffix] = max(live.get(f.suffix, b""), f.read_bytes(), key=len)
                except FileNotFoundError:  # the call just ended
                    pass
            try:
                await asyncio.wait_for(phone.wait(), 1.0)
            except TimeoutError:
                pass
        sessions = await server.wait_for_calls(1, timeout=30)
        after = await asyncio.to_thread(scrape, port, "tok-123")
        await server.stop()
        return during, after, sessions[0]

    live: dict[str, bytes] = {}
    try:
        during, after, session = asyncio.run(call())
    finally:
        calls.close()
    assert max(value(t, "carecall_calls_active") for t in during) == 1
    # turns show while the call is still going on, not only once it ended
    live_turns = [value(t, "carecall_turns_total", 'complete="true"') for t in during]
    assert max(live_turns) >= 1
    assert value(after, "carecall_calls_active") == 0
    assert value(after, "carecall_calls_total", 'end="completed"') == 1
    complete = [t for t in session.turns if t.complete]
    assert value(after, "carecall_turns_total", 'complete="true"') == len(complete) > 0
    for stage in ("vad_end_of_turn", "asr", "dialogue", "tts", "voice_to_voice"):
        n = value(after, "carecall_turn_stage_seconds_count", f'stage="{stage}"')
        assert n == len(complete), stage
    assert value(after, "carecall_recognizer_queue_depth") == 0
    # no stored alert in this call (a flag of the report is not one): the family is there, at 0
    assert "# TYPE carecall_alerts_total counter" in after
    assert value(after, "carecall_errors_total", 'kind="call"') == 0
    meta = json.loads((pipeline.calls_dir / session.call.call_sid / "call.json").read_text())
    assert meta["reason"] == "completed"
    assert len(meta["turns"]) == len(session.turns)
    done = [t for t in meta["turns"] if t["complete"]]
    assert len(done) == len(complete)
    for t in done:
        s = t["seconds"]
        assert s["voice_to_voice"] >= s["vad_end_of_turn"] > 0
        assert s["asr"] > 0

    # the live view's files while the call went on: who said what, and the mixed audio
    records = [json.loads(line) for line in live[".jsonl"].decode().splitlines()]
    assert records[0]["event"] == "start" and records[0]["recipient"]
    said = [(r["who"], r["text"]) for r in records if r["event"] == "turn"]
    assert {"agent", "person"} <= {who for who, _ in said}
    assert len(live[".pcm"]) > 8000 * 2  # more than a second of 8 kHz 16-bit audio
    assert not list((tmp_path / "out" / "live").glob("*"))  # gone once the call ended
