"""The care workers' dashboard over a real uvicorn server: a login through the form, pages,
the recording with Range, and a headless Chromium (Debian's chromium + chromedriver) that signs
in and reviews alerts."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
import soundfile as sf

from campaign.dashboard import DashboardSettings, create_app, start
from tests.dashboard_data import PASSWORD, USER, build
from tests.softphone_kit import chromium  # the one headless-Chromium harness of the tests


@pytest.fixture
def dashboard(tmp_path: Path):
    store, memory = build(tmp_path)
    app = create_app(store, memory, DashboardSettings(output_dir=tmp_path / "calls"))
    port, stop = start(app, "127.0.0.1", 0)
    yield f"http://127.0.0.1:{port}"
    stop()
    store.close()


def login(client: httpx.Client, user: str = USER, password: str = PASSWORD) -> httpx.Response:
    form = client.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    return client.post("/login", data={"user": user, "password": password, "csrf": csrf})


def test_pages_and_recording_over_http(dashboard: str) -> None:
    with httpx.Client(base_url=dashboard) as client:
        assert client.get("/c/heat").status_code == 303  # no session: to the login form
        assert login(client, password="wrong password").status_code == 401
        assert login(client).status_code == 303
        page = client.get("/c/heat").text
        assert page.index("Bo Kim") < page.index("Ann Lee") < page.index("Cy Park")
        assert "not reached after 2 attempts" in page
        resp = client.get("/c/heat/p/r0/recording.wav", headers={"Range": "bytes=0-99"})
        assert resp.status_code == 206 and resp.headers["Content-Type"] == "audio/wav"
        assert resp.content[:4] == b"RIFF" and len(resp.content) == 100
        assert client.get("/c/heat/p/r3/recording.wav").status_code == 404


@pytest.mark.integration
def test_a_care_worker_reviews_alerts_in_chromium(dashboard: str, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    def find(by: str, what: str):
        """Waits for the element: a click that submits a form may return before the next
        page is there."""
        return WebDriverWait(browser, 20).until(ec.presence_of_element_located((by, what)))

    browser = chromium()
    try:
        browser.get(f"{dashboard}/")
        assert browser.current_url.startswith(f"{dashboard}/login")
        browser.find_element(By.ID, "user").send_keys(USER)
        browser.find_element(By.ID, "password").send_keys("not the password")
        browser.find_element(By.ID, "sign-in").click()
        assert "Wrong name or password" in find(By.ID, "login-error").text
        browser.find_element(By.ID, "user").send_keys(USER)
        browser.find_element(By.ID, "password").send_keys(PASSWORD)
        browser.find_element(By.ID, "sign-in").click()

        find(By.LINK_TEXT, "Heat wave check").click()
        assert "2 of 4 done" not in find(By.ID, "counts").text
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
        # the stylesheet loaded under the CSP (the severity badge is red)
        badge = rows[0].find_element(By.CSS_SELECTOR, ".sev-critical")
        assert badge.value_of_css_property("background-color") == "rgba(204, 34, 34, 1)"

        rows[1].find_element(By.LINK_TEXT, "Ann Lee").click()
        assert "Reports pain" in find(By.ID, "person-alerts").text
        transcript = browser.find_element(By.ID, "transcript").text
        assert "Do you have any pain today?" in transcript and "my knee hurts" in transcript
        assert "your knee was hurting" in browser.find_element(By.ID, "memory").text
        audio = browser.find_element(By.ID, "recording")
        browser.execute_script("arguments[0].play()", audio)
        WebDriverWait(browser, 20).until(
            lambda b: b.execute_script("return arguments[0].currentTime > 0.2", audio)
        )
        # The browser decoded our WAV, all of it: as long as the file says it is.
        duration = browser.execute_script("return arguments[0].duration", audio)
        info = sf.info(next(tmp_path.rglob("recording.wav")))
        assert duration == pytest.approx(info.frames / info.samplerate, abs=0.05)
        assert browser.execute_script("return arguments[0].error", audio) is None

        browser.find_element(By.ID, "logout").click()
        find(By.ID, "sign-in")
        browser.get(f"{dashboard}/c/heat")
        find(By.ID, "sign-in")  # the session ended: back to the login form
        assert browser.current_url.startswith(f"{dashboard}/login")
    finally:
        browser.quit()
