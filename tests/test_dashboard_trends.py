"""Trends: a person's answers and alerts over the past weeks as server-drawn SVG, the
campaign's outcome distribution, and the README's screenshot taken in Chromium."""

from __future__ import annotations

import json
import os
import re
import time
from datetime import datetime
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from campaign import Campaign, Recipient
from campaign.dashboard import DashboardSettings, create_app, start
from campaign.dashboard.trends import NO_ANSWER, items_of, person_calls
from tests.dashboard_data import PASSWORD, POLICY, USER, build
from tests.test_alerts_dashboard import login
from tests.trend_data import seed_calls

ROOT = Path(__file__).resolve().parent.parent
NOW = time.time()


@pytest.fixture
def seeded(tmp_path: Path):
    store, memory = build(tmp_path)
    # Ann is in a second, weekly campaign too: her trends gather both
    store.create(Campaign("weekly", "Weekly", "daily_checkin_en", POLICY, 0.0),
                 [Recipient("r0", "Ann Lee", "+821000000000")])  # fmt: skip
    n = seed_calls(store, tmp_path, "weekly", [("r0", "Ann Lee")], 24, days=40, now=NOW)
    app = create_app(store, memory, DashboardSettings(output_dir=tmp_path / "calls"))
    yield app, store, tmp_path, n
    store.close()


def reports_of(tmp_path: Path, rid: str = "r0") -> list[dict]:
    paths = (tmp_path / "calls").glob(f"weekly-{rid}-*/report.json")
    found = [json.loads(p.read_text()) for p in paths]
    return [r for r in found if r["recipient_id"] == rid]


def test_a_persons_calls_come_from_every_campaign_oldest_first(seeded):
    app, store, tmp_path, _ = seeded
    from campaign import load_report

    calls = person_calls(store, "r0", load_report, since=NOW - 60 * 86400)
    reports = reports_of(tmp_path)
    assert len(calls) == len(reports) > 10  # every answered weekly call (the heat one is old)
    assert [c.at for c in calls] == sorted(c.at for c in calls)
    assert sum(len(c.alerts) for c in calls) == sum(len(r["alerts"]) for r in reports)
    recent = person_calls(store, "r0", load_report, since=NOW - 7 * 86400)
    assert 0 < len(recent) < len(calls)


def test_lanes_put_calm_answers_above_alerting_ones_and_no_answer_last(seeded):
    app, store, tmp_path, _ = seeded
    from campaign import load_report

    calls = person_calls(store, "r0", load_report, since=0)
    items = items_of(calls)
    assert {i.id for i in items} == {"meal", "sleep", "health", "medication", "outing", "mood"}
    for item in items:
        flagged = {
            a for c in calls for i, a in c.answers.items() if i == item.id and i in c.flagged
        }
        calm = [a for a in item.lanes if a not in flagged and a != NO_ANSWER]
        assert item.lanes[: len(calm)] == calm
        if NO_ANSWER in item.lanes:
            assert item.lanes[-1] == NO_ANSWER


def test_the_trends_page_draws_each_call_and_alert(seeded):
    app, store, tmp_path, _ = seeded
    client = TestClient(app, base_url="http://localhost", follow_redirects=False)
    assert client.get("/c/heat/p/r0/trends").status_code == 303  # login first
    login(client)
    page = client.get("/c/heat/p/r0/trends?weeks=52")
    assert page.status_code == 200
    html = page.text
    reports = reports_of(tmp_path) + [json.loads((tmp_path / "calls/r0/report.json").read_text())]
    since = NOW - 52 * 7 * 86400  # the heat campaign's call (2026-11-21) only while it is recent
    in_window = [r for r in reports if datetime.fromisoformat(r["started"]).timestamp() >= since]
    rows = re.findall(r'<g class="trend-row" data-item="([^"]+)"', html)
    assert set(rows) == {"meal", "sleep", "health", "medication", "outing", "mood"}
    dots = len(re.findall(r'<circle class="dot', html))
    assert dots == sum(len(r["items"]) for r in in_window)
    marks = len(re.findall(r'<path class="alert-mark', html))
    assert marks == sum(len(r["alerts"]) for r in in_window)
    assert "<script" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert store.audit_rows(5, action="view_trends")[0].recipient_id == "r0"
    # a narrower window shows fewer calls; nonsense falls back to the default
    four = client.get("/c/heat/p/r0/trends?weeks=1").text
    assert 0 < len(re.findall(r'<circle class="dot', four)) < dots
    assert client.get("/c/heat/p/r0/trends?weeks=abc").status_code == 200
    assert client.get("/c/heat/p/nobody/trends").status_code == 404
    assert client.get("/c/heat/p/r3/trends").status_code == 200  # no calls: says so
    assert 'id="no-trends"' in client.get("/c/heat/p/r3/trends").text


def test_names_from_reports_are_escaped_in_the_svg(seeded, tmp_path):
    app, store, root, _ = seeded
    folder = sorted((root / "calls").glob("weekly-r0-*"))[-1]
    report = json.loads((folder / "report.json").read_text())
    report["items"][0]["answer_class"] = "<script>x</script>"
    report["items"][0]["status"] = "answered"
    (folder / "report.json").write_text(json.dumps(report))
    client = TestClient(app, base_url="http://localhost", follow_redirects=False)
    login(client)
    html = client.get("/c/heat/p/r0/trends").text
    assert "<script>x" not in html and "&lt;script&gt;x" in html


def test_the_campaign_page_shows_its_outcome_distribution(seeded):
    app, store, _, _ = seeded
    client = TestClient(app, base_url="http://localhost", follow_redirects=False)
    login(client)
    html = client.get("/c/weekly").text
    bars = dict(re.findall(r"<title>([a-z ]+): (\d+)</title></rect>", html))
    outcomes = {}
    for a in store.attempts("weekly"):
        outcomes[a.outcome.replace("_", " ")] = outcomes.get(a.outcome.replace("_", " "), 0) + 1
    assert {k: int(v) for k, v in bars.items()} == outcomes
    heat = client.get("/c/heat").text
    assert re.search(r"<title>answered: 2</title>", heat)
    assert re.search(r"<title>no answer: 2</title>", heat)


@pytest.mark.integration
def test_trends_in_chromium_and_the_readme_screenshot(seeded, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    from tests.test_campaign_dashboard import chromium

    app, _, _, _ = seeded
    port, stop = start(app, "127.0.0.1", 0)
    browser = chromium()
    try:
        browser.set_window_size(1100, 1000)
        wait = WebDriverWait(browser, 20)
        browser.get(f"http://127.0.0.1:{port}/login?next=/c/weekly/p/r0")
        browser.find_element(By.ID, "user").send_keys(USER)
        browser.find_element(By.ID, "password").send_keys(PASSWORD)
        browser.find_element(By.ID, "sign-in").click()
        wait.until(ec.presence_of_element_located((By.ID, "trends-link"))).click()
        chart = wait.until(ec.visibility_of_element_located((By.ID, "trend-chart")))
        assert chart.size["width"] > 600 and chart.size["height"] > 150
        # the stylesheet applied (no inline style is allowed): calm answers are green
        dot = browser.find_element(By.CSS_SELECTOR, "circle.dot.ok")
        assert dot.value_of_css_property("fill") in ("rgb(51, 170, 119)", "#3a7")
        # The README's picture is rewritten only on request (CARECALL_SCREENSHOTS=1, as for the
        # softphone's); otherwise the same screenshot is taken and checked in the test's folder.
        out = tmp_path / "trends.png"
        if os.environ.get("CARECALL_SCREENSHOTS") == "1":
            out = ROOT / "docs" / "img" / "trends.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        assert browser.save_screenshot(str(out))
        assert out.stat().st_size > 10_000
    finally:
        browser.quit()
        stop()
