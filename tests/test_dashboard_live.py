"""Calls in progress on the dashboard: the live folder the call server writes, the event
stream, listening in, and the page in Chromium (transcript without reload, alert banner)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import httpx
import numpy as np
import pytest

from alerts import AlertSink
from campaign.dashboard import DashboardSettings, create_app, start
from campaign.dashboard.calls_live import STALE_S, LiveFolder
from observability.live import LiveLog
from tests.dashboard_data import PASSWORD, USER, build
from tests.test_alerts_dashboard import events_of, login

CALL = "CA" + "1" * 32
OTHER = "CA" + "2" * 32


@pytest.fixture
def setup(tmp_path: Path):
    store, memory = build(tmp_path)
    settings = DashboardSettings(output_dir=tmp_path / "calls", alerts_poll_s=0.05)
    live = LiveLog(tmp_path / "calls" / "live")  # as the call server writes it
    sink = AlertSink(tmp_path / "calls" / "alerts.sqlite")
    yield create_app(store, memory, settings), live, store, sink
    sink.close()
    store.close()


def test_the_live_folder_lists_fresh_calls_and_reads_whole_lines(tmp_path):
    live = LiveLog(tmp_path)
    folder = LiveFolder(tmp_path)
    assert folder.calls() == []
    live.start(CALL, {"recipient": "r0", "campaign": "heat"})
    live.start(OTHER, {"recipient": "r9"})
    (tmp_path / "not-a-call.jsonl").write_text('{"event": "start"}\n')
    old = time.time() - STALE_S - 5
    os.utime(tmp_path / f"{OTHER}.jsonl", (old, old))  # its server died
    assert folder.calls() == [CALL]
    records, offset = folder.read(CALL, 0)
    assert [r["event"] for r in records] == ["start"] and records[0]["recipient"] == "r0"
    with open(tmp_path / f"{CALL}.jsonl", "a") as f:
        f.write('{"event": "turn", "who": "person", "te')  # still being written
    assert folder.read(CALL, offset) == ([], offset)
    with open(tmp_path / f"{CALL}.jsonl", "a") as f:
        f.write('xt": "fine"}\nnot json\n')
    records, _ = folder.read(CALL, offset)
    assert records == [{"event": "turn", "who": "person", "text": "fine"}]
    assert folder.path("../../etc/passwd", ".pcm") is None
    live.end(CALL)
    assert folder.calls() == [] and not list(tmp_path.glob(f"{CALL}.*"))


def test_the_stream_shows_calls_and_what_is_said_as_it_happens(setup):
    app, live, store, _ = setup
    live.start(CALL, {"recipient": "r0", "campaign": "heat"})
    live.turn(CALL, "agent", "Good morning, Ann. How did you sleep?")
    port, stop = start(app, "127.0.0.1", 0)
    seen = []
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            assert client.get("/live/stream").status_code == 401
            login(client)
            with client.stream("GET", "/live/stream") as resp:
                assert resp.headers["content-type"].startswith("text/event-stream")
                for name, data in events_of(resp):
                    seen.append((name, data))
                    if name == "turn" and data["who"] == "agent":
                        live.turn(CALL, "person", "badly, my knee hurt all night")
                    elif name == "turn":
                        live.end(CALL)
                    elif name == "ended":
                        break
    finally:
        stop()
    assert [n for n, _ in seen] == ["call", "turn", "turn", "ended"]
    call = seen[0][1]
    assert (call["call"], call["recipient"], call["name"], call["campaign"]) == (
        CALL, "r0", "Ann Lee", "heat",
    )  # fmt: skip
    assert seen[2][1]["text"] == "badly, my knee hurt all night"
    rows = store.audit_rows(10, action="view_live_call")
    assert rows and rows[0].user == USER and rows[0].recipient_id == "r0"


def test_listening_in_streams_the_calls_audio_as_a_wav(setup):
    app, live, store, _ = setup
    live.start(CALL, {"recipient": "r1", "campaign": "heat"})
    tone = (8000 * np.sin(np.arange(8000) / 8000 * 2 * np.pi * 440)).astype(np.int16)
    live.audio(CALL, tone)
    port, stop = start(app, "127.0.0.1", 0)
    got = b""
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            assert client.get(f"/live/{CALL}/audio").status_code == 401
            login(client)
            assert client.get(f"/live/{OTHER}/audio").status_code == 404
            assert client.get("/live/..%2f..%2fetc/audio").status_code == 404
            with client.stream("GET", f"/live/{CALL}/audio") as resp:
                assert resp.headers["content-type"] == "audio/wav"
                for chunk in resp.iter_bytes():
                    got += chunk
                    if len(got) >= 44 + 8000 and len(got) < 44 + 8000 + 3200:
                        live.audio(CALL, tone[:1600])  # more of the call, as it is recorded
                    elif len(got) >= 44 + 8000 + 3200:
                        live.end(CALL)  # the call ends: the stream ends
    finally:
        stop()
    assert got[:4] == b"RIFF" and got[8:16] == b"WAVEfmt " and got[36:40] == b"data"
    pcm = np.frombuffer(got[44:], np.int16)
    assert np.array_equal(pcm[:4000], tone[4000:])  # half a second behind the live edge
    assert np.array_equal(pcm[4000:5600], tone[:1600])
    assert store.audit_rows(10, action="listen_live")[0].recipient_id == "r1"


@pytest.mark.integration
def test_a_live_call_streams_into_the_page_in_chromium(setup):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    from tests.test_campaign_dashboard import chromium

    app, live, _, sink = setup
    port, stop = start(app, "127.0.0.1", 0)
    browser = chromium()
    talking = threading.Event()

    def record_audio():  # the call server appends the mixed audio every half second
        while not talking.is_set():
            live.audio(CALL, (3000 * np.random.default_rng(0).standard_normal(4000)).astype("<i2"))
            talking.wait(0.5)

    feeder = threading.Thread(target=record_audio, daemon=True)
    try:
        wait = WebDriverWait(browser, 20)
        browser.get(f"http://127.0.0.1:{port}/login?next=/live")
        browser.find_element(By.ID, "user").send_keys(USER)
        browser.find_element(By.ID, "password").send_keys(PASSWORD)
        browser.find_element(By.ID, "sign-in").click()
        wait.until(ec.presence_of_element_located((By.ID, "live-calls")))
        assert browser.find_element(By.ID, "live-none").is_displayed()
        page = browser.find_element(By.TAG_NAME, "html")
        live.start(CALL, {"recipient": "r1", "campaign": "heat"})
        feeder.start()
        box = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".live-call")))
        assert "Bo Kim" in box.text
        live.turn(CALL, "agent", "Hello Bo, did you eat today?")
        live.turn(CALL, "person", "I had a fall in the bathroom")
        wait.until(lambda b: len(b.find_elements(By.CSS_SELECTOR, ".live-transcript li")) == 2)
        lines = [li.text for li in browser.find_elements(By.CSS_SELECTOR, ".live-transcript li")]
        assert lines == ["agent: Hello Bo, did you eat today?",
                         "person: I had a fall in the bathroom"]  # fmt: skip
        sink.raise_alert(CALL, "r1", "fall", "critical", "I had a fall in the bathroom")
        banner = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".live-alert")))
        assert "critical" in banner.text
        box.find_element(By.CSS_SELECTOR, "button.listen").click()
        wait.until(
            lambda b: b.execute_script(
                "var a = document.getElementById('live-audio');"
                "return a.currentTime > 0.2 && !a.error;"
            )
        )
        assert box.find_element(By.CSS_SELECTOR, "button.listen").text == "Stop listening"
        assert browser.find_element(By.TAG_NAME, "html") == page  # all without a reload
        talking.set()
        live.end(CALL)
        wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, ".live-call") == [])
        assert browser.find_element(By.ID, "live-none").is_displayed()
    finally:
        talking.set()
        browser.quit()
        stop()
