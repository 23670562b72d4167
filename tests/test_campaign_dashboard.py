"""The care workers' dashboard in a real headless Chromium (Debian's chromium + chromedriver)."""

from __future__ import annotations

import shutil
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from campaign import Campaign, DialResult, Outcome, Policy, Recipient, State
from campaign.dashboard import Dashboard
from campaign.store import open_store
from dialogue.memory import Fact, MemoryOp, OpKind, SqliteMemoryStore
from dialogue.report import Alert, CallReport, ItemResult, TranscriptEntry

POLICY = Policy("10:00", "18:00", "Asia/Seoul", 2, 60.0, 2)


def write_call(folder: Path, name: str, alerts: list[Alert], said: str) -> Path:
    folder.mkdir(parents=True)
    now = datetime(2026, 11, 21, 5, 0, tzinfo=UTC)
    report = CallReport(
        recipient_id=folder.name,
        recipient_name=name,
        scenario_id="daily_checkin_en",
        language="en",
        started=now,
        ended=now,
        reason="completed",
        outcome="completed",
        items=[
            ItemResult(
                item_id="health",
                topic="pain",
                status="answered",
                answer_class="pain",
                evidence=said,
                confidence=0.9,
            )
        ],
        alerts=alerts,
        completion=1.0,
        summary=f"{name} answered 1 of 1 check-in items.",
        transcript=[
            TranscriptEntry(speaker="agent", text="Do you have any pain today?", t=1.0),
            TranscriptEntry(speaker="person", text=said, t=3.0),
        ],
    )
    (folder / "report.json").write_text(report.to_json())
    t = np.arange(8000) / 8000
    stereo = np.stack([0.2 * np.sin(2 * np.pi * 440 * t), 0.2 * np.sin(2 * np.pi * 660 * t)], 1)
    sf.write(folder / "recording.wav", stereo, 8000, subtype="PCM_16")
    return folder


@pytest.fixture
def dashboard(tmp_path: Path):
    store = open_store(tmp_path / "c.sqlite")
    people = [
        Recipient(f"r{i}", n, f"+82100000000{i}")
        for i, n in enumerate(["Ann Lee", "Bo Kim", "Cy Park", "Di Choi"])
    ]
    store.create(Campaign("heat", "Heat wave check", "daily_checkin_en", POLICY, 0.0), people)
    calls = tmp_path / "calls"
    medium = write_call(
        calls / "r0",
        "Ann Lee",
        [Alert(kind="flag", severity="medium", note="Reports pain")],
        "my knee hurts",
    )
    critical = write_call(
        calls / "r1",
        "Bo Kim",
        [Alert(kind="emergency", severity="critical", note="Fell")],
        "I had a fall",
    )
    for rid, folder in (("r0", medium), ("r1", critical)):
        store.claim("heat", 0.0, "w", 100.0)
        store.begin_attempt("heat", rid, "w", 1.0)
        result = DialResult(Outcome.ANSWERED, call_sid=f"CA{rid}", report_dir=str(folder))
        store.finish_attempt("heat", rid, "w", 1, result, State.COMPLETED, 2.0, 2.0)
    for n in (1, 2):
        store.claim("heat", 10.0, "w", 100.0)
        store.begin_attempt("heat", "r2", "w", 10.0)
        state = State.PENDING if n == 1 else State.GAVE_UP
        store.finish_attempt("heat", "r2", "w", n, DialResult(Outcome.NO_ANSWER), state, 0, 11)
    memory = SqliteMemoryStore(tmp_path / "memory.sqlite")
    fact = Fact("pain", "your knee was hurting", "health", datetime(2026, 11, 21, tzinfo=UTC))
    memory.update("r0", [MemoryOp(OpKind.APPEND, fact)])
    server, stop = Dashboard(store, memory).serve("127.0.0.1", 0)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    stop()
    store.close()


def test_pages_and_recording_over_http(dashboard: str) -> None:
    with urllib.request.urlopen(f"{dashboard}/c/heat") as resp:
        page = resp.read().decode()
    assert page.index("Bo Kim") < page.index("Ann Lee") < page.index("Cy Park")
    assert "not reached after 2 attempts" in page
    req = urllib.request.Request(
        f"{dashboard}/c/heat/p/r0/recording.wav", headers={"Range": "bytes=0-99"}
    )
    with urllib.request.urlopen(req) as resp:
        assert resp.status == 206 and resp.headers["Content-Type"] == "audio/wav"
        assert resp.read()[:4] == b"RIFF"
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(f"{dashboard}/c/heat/p/r3/recording.wav")
    assert info.value.code == 404


def chromium():
    binary, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not binary or not driver:
        pytest.skip("Chromium is not installed (apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="pip install selenium")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--autoplay-policy=no-user-gesture-required",
        "--mute-audio",
    ):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(driver), options=options)


@pytest.mark.integration
def test_a_care_worker_reviews_alerts_in_chromium(dashboard: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser = chromium()
    try:
        browser.get(f"{dashboard}/")
        browser.find_element(By.LINK_TEXT, "Heat wave check").click()
        assert "2 of 4 done" not in browser.find_element(By.ID, "counts").text
        assert browser.find_element(By.ID, "counts").text.startswith("3 of 4 done")
        rows = browser.find_elements(
            By.CSS_SELECTOR, "#alerts + table tr.alert, #alerts + table tr.unreached"
        )
        assert [r.find_element(By.TAG_NAME, "a").text for r in rows] == [
            "Bo Kim",
            "Ann Lee",
            "Cy Park",
        ]
        assert "critical Fell" in rows[0].text
        alerts_y = browser.find_element(By.ID, "alerts").location["y"]
        assert alerts_y < browser.find_element(By.ID, "everyone").location["y"]

        rows[1].find_element(By.LINK_TEXT, "Ann Lee").click()
        assert "Reports pain" in browser.find_element(By.ID, "person-alerts").text
        transcript = browser.find_element(By.ID, "transcript").text
        assert "Do you have any pain today?" in transcript and "my knee hurts" in transcript
        assert "your knee was hurting" in browser.find_element(By.ID, "memory").text
        audio = browser.find_element(By.ID, "recording")
        browser.execute_script("arguments[0].play()", audio)
        WebDriverWait(browser, 20).until(
            lambda b: b.execute_script("return arguments[0].currentTime > 0.2", audio)
        )
        duration = browser.execute_script("return arguments[0].duration", audio)
        assert abs(duration - 1.0) < 0.05  # the browser decoded our WAV
        assert browser.execute_script("return arguments[0].error", audio) is None
    finally:
        browser.quit()
