"""Live alerts on the dashboard: the banner's script and container on every page, the
Acknowledge POST (login, CSRF, audit), and the server-sent event stream on a real uvicorn."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest
from starlette.testclient import TestClient

from alerts import AlertSink
from alerts.outbox import Outbox
from campaign.dashboard import DashboardSettings, create_app, start
from tests.dashboard_data import PASSWORD, USER, build

CALL = "CA" + "c" * 32


@pytest.fixture
def setup(tmp_path: Path):
    store, memory = build(tmp_path)
    settings = DashboardSettings(output_dir=tmp_path / "calls", alerts_poll_s=0.05)
    # the call server writes the outbox in its output folder; the dashboard reads the same file
    sink = AlertSink(tmp_path / "calls" / "alerts.sqlite")
    yield create_app(store, memory, settings), sink, store
    sink.close()
    store.close()


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def login(client) -> str:
    form = client.get("/login")
    data = {"user": USER, "password": PASSWORD, "csrf": csrf_of(form.text)}
    assert client.post("/login", data=data).status_code == 303
    return csrf_of(client.get("/").text)


def test_every_page_has_the_banner_container_and_its_static_script(setup) -> None:
    app, _, _ = setup
    client = TestClient(app, base_url="http://localhost", follow_redirects=False)
    assert 'id="live-alerts"' not in client.get("/login").text  # not before login
    token = login(client)
    for path in ("/", "/c/heat", "/c/heat/p/r0"):
        page = client.get(path).text
        assert f'<div id="live-alerts" data-csrf="{token}"' in page
        assert '<script src="/static/alerts.js" defer></script>' in page
    js = client.get("/static/alerts.js")
    assert js.status_code == 200 and "EventSource" in js.text and "innerHTML" not in js.text
    assert client.get("/static/alerts.css").status_code == 200


def test_acknowledge_needs_login_and_csrf_and_is_audited(setup) -> None:
    app, sink, store = setup
    alert = sink.raise_alert(CALL, "r1", "fall", "critical", "I had a fall")
    client = TestClient(app, base_url="http://localhost", follow_redirects=False)
    url = f"/alerts/{alert.id}/ack"
    assert client.post(url, data={"csrf": "x"}).status_code == 401
    assert client.get("/alerts/stream").status_code == 401
    token = login(client)
    assert client.post(url).status_code == 403
    assert client.post(url, data={"csrf": "0" * 43}).status_code == 403
    assert sink.outbox.get(alert.id).acked_at is None
    missing = client.post(
        "/alerts/nope/ack", data={"csrf": token}, headers={"Accept": "application/json"}
    )
    assert missing.status_code == 404
    resp = client.post(url, data={"csrf": token, "next": "//evil.example/"})
    assert resp.status_code == 303 and resp.headers["location"] == "/"
    stored = Outbox(sink.path).get(alert.id)
    assert (stored.acked_by, stored.acked_via) == (USER, "dashboard")
    again = client.post(url, data={"csrf": token}, headers={"Accept": "application/json"})
    assert again.json() == {"acknowledged": alert.id, "by": USER}
    assert Outbox(sink.path).get(alert.id).acked_at == stored.acked_at  # the first one stands
    rows = store.audit_rows(10, action="ack_alert")
    assert [(r.user, r.recipient_id) for r in rows] == [(USER, "r1"), (USER, "r1")]


def events_of(resp: httpx.Response):
    """(event name, data) of a server-sent event stream, as they arrive."""
    name = None
    for line in resp.iter_lines():
        if line.startswith("event: "):
            name = line[7:]
        elif line.startswith("data: ") and name:
            yield name, json.loads(line[6:])
            name = None


def test_the_stream_shows_alerts_and_acknowledgements_as_they_happen(setup) -> None:
    app, sink, store = setup
    old = sink.raise_alert(CALL, "r0", "pain", "medium", "my knee hurts")
    port, stop = start(app, "127.0.0.1", 0)
    seen = []
    try:
        # read timeout 10 s: a stream that stops sending fails the test instead of hanging it
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            token = login(client)
            with client.stream("GET", "/alerts/stream") as resp:
                assert resp.status_code == 200
                assert resp.headers["content-type"].startswith("text/event-stream")
                assert resp.headers["cache-control"] == "no-store"
                for name, data in events_of(resp):
                    seen.append((name, data["alert_id"]))
                    if data["alert_id"] == old.id:
                        # a call server (another connection to the file) stores a new alert
                        new = AlertSink(sink.path).raise_alert(CALL, "r1", "fall", "critical", "")
                    elif name == "alert":
                        got = (data["category"], data["severity"], data["recipient_id"])
                        assert got == ("fall", "critical", "r1")
                        ack = client.post(
                            f"/alerts/{new.id}/ack",
                            data={"csrf": token},
                            headers={"Accept": "application/json"},
                        )
                        assert ack.status_code == 200
                    else:
                        break
    finally:
        stop()
    assert seen == [("alert", old.id), ("alert", new.id), ("ack", new.id)]
    assert store.audit_rows(10, action="view_alerts")[0].user == USER


@pytest.mark.integration
def test_the_banner_appears_without_reload_and_acknowledges_in_chromium(setup) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    from tests.test_campaign_dashboard import chromium

    app, sink, store = setup
    port, stop = start(app, "127.0.0.1", 0)
    base = f"http://127.0.0.1:{port}"
    browser = chromium()
    try:
        wait = WebDriverWait(browser, 20)
        browser.get(f"{base}/login?next=/c/heat/p/r0")
        browser.find_element(By.ID, "user").send_keys(USER)
        browser.find_element(By.ID, "password").send_keys(PASSWORD)
        browser.find_element(By.ID, "sign-in").click()
        wait.until(ec.presence_of_element_located((By.ID, "transcript")))
        page = browser.find_element(By.TAG_NAME, "html")
        assert browser.find_elements(By.CSS_SELECTOR, ".live-alert") == []
        alert = sink.raise_alert(CALL, "r1", "fall", "critical", "I fell in the kitchen")
        banner = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".live-alert")))
        assert "ALERT critical: fall" in banner.text and "recipient r1" in banner.text
        assert "I fell in the kitchen" in banner.text
        assert browser.find_element(By.TAG_NAME, "html") == page  # the same page: no reload
        banner.find_element(By.CSS_SELECTOR, "button.ack").click()
        wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, ".live-alert") == [])
        stored = Outbox(sink.path).get(alert.id)
        assert (stored.acked_by, stored.acked_via) == (USER, "dashboard")
    finally:
        browser.quit()
        stop()
