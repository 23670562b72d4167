"""The dashboard's defences, each an attack on the old stdlib server (which had no login, took
any Host, served any folder the store named, and wrote CSV cells raw): Starlette's TestClient,
no network."""

from __future__ import annotations

import csv
import io
import re
import time
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from campaign import DialResult, Outcome, State
from campaign.dashboard import (
    AuthSettings,
    DashboardError,
    DashboardSettings,
    check_listen,
    create_app,
)
from tests.dashboard_data import PASSWORD, USER, build

BASE = "http://localhost"
PERSONAL = ["/", "/c/heat", "/c/heat/p/r0", "/c/heat/p/r0/recording.wav", "/c/heat/export.csv"]
HYPERLINK = '=HYPERLINK("http://x","y")'


@pytest.fixture
def setup(tmp_path: Path):
    store, memory = build(tmp_path, [HYPERLINK, "Bo Kim", "Cy Park", "@SUM(A1)"])
    yield tmp_path, store, memory
    store.close()


def client_for(setup, base: str = BASE, **auth) -> TestClient:
    root, store, memory = setup
    settings = DashboardSettings(output_dir=root / "calls", auth=AuthSettings(**auth))
    return TestClient(create_app(store, memory, settings), base_url=base, follow_redirects=False)


@pytest.fixture
def client(setup) -> TestClient:
    return client_for(setup)


def form_csrf(client: TestClient) -> str:
    page = client.get("/login")
    return re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)


def login(client: TestClient, user: str = USER, password: str = PASSWORD, **extra):
    data = {"user": user, "password": password, "csrf": form_csrf(client), **extra}
    return client.post("/login", data=data)


def page_csrf(client: TestClient) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', client.get("/").text).group(1)


def test_without_a_login_nothing_personal_is_served(client: TestClient) -> None:
    for path in PERSONAL:
        resp = client.get(path)
        assert resp.status_code == 303, path
        assert resp.headers["location"].startswith("/login?next=")
        assert "Bo Kim" not in resp.text and "RIFF" not in resp.text
    api = client.get("/api/c/heat")
    assert api.status_code == 401 and api.json() == {"error": "login required"}


def test_wrong_password_and_unknown_user_are_refused_alike(client: TestClient) -> None:
    wrong, nobody = login(client, password="not it at all"), login(client, user="nobody")
    assert wrong.status_code == nobody.status_code == 401
    assert "Wrong name or password" in wrong.text and "Wrong name or password" in nobody.text
    assert client.get("/c/heat").status_code == 303
    ok = login(client, next="/c/heat")
    assert ok.status_code == 303 and ok.headers["location"] == "/c/heat"
    cookie = ok.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Secure" not in cookie
    assert "Bo Kim" in client.get("/c/heat").text
    assert client.get("/api/c/heat").json()["recipients"] == 4
    assert client.get("/api/c/nope").json() == {"error": "not found"}


def test_secure_cookies_when_asked(setup) -> None:
    # told so (a TLS proxy in front): even the pre-login cookie is Secure and __Host-
    cookie = client_for(setup, secure_cookies=True).get("/login").headers["set-cookie"]
    assert cookie.startswith("__Host-carecall_login=") and "Secure" in cookie
    cookie = login(client_for(setup, "https://localhost")).headers["set-cookie"]  # over https
    assert cookie.startswith("__Host-carecall_session=") and "Secure" in cookie


def test_login_redirects_only_to_local_paths(client: TestClient) -> None:
    resp = login(client, next="//evil.example/x")
    assert resp.headers["location"] == "/"


def test_forms_without_the_right_csrf_token_are_refused(client: TestClient) -> None:
    form_csrf(client)
    data = {"user": USER, "password": PASSWORD}
    assert client.post("/login", data=data).status_code == 403
    assert client.post("/login", data={**data, "csrf": "0" * 64}).status_code == 403
    other = TestClient(client.app, base_url=BASE)
    stolen = form_csrf(other)  # a token bound to another browser's pre-login cookie
    assert client.post("/login", data={**data, "csrf": stolen}).status_code == 403
    assert client.get("/c/heat").status_code == 303

    assert login(client).status_code == 303
    assert client.post("/logout").status_code == 403
    assert client.post("/logout", data={"csrf": "x"}).status_code == 403
    assert client.get("/c/heat").status_code == 200  # still logged in
    token = page_csrf(client)
    assert client.post("/logout", data={"csrf": token}).status_code == 303
    assert client.get("/c/heat").status_code == 303


def test_hosts_outside_the_allow_list_get_400(setup, client: TestClient) -> None:
    assert client.get("/login", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/login", headers={"Host": "127.0.0.1:8080"}).status_code == 200
    root, store, memory = setup
    settings = DashboardSettings(root / "calls", allowed_hosts=("care.example.org",))
    app = create_app(store, memory, settings)
    other = TestClient(app, base_url="https://care.example.org", follow_redirects=False)
    assert other.get("/login").status_code == 200
    assert other.get("/login", headers={"Host": "localhost"}).status_code == 400


def test_security_headers_and_no_caching_of_personal_data(client: TestClient) -> None:
    login(client)
    for path in [*PERSONAL, "/api/c/heat", "/login", "/nope", "/c/heat/p/r9"]:
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp, path
        assert "unsafe-inline" not in csp
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["cache-control"] == "no-store", path
    page = client.get("/c/heat").text
    # scripts only from static files (the live alert banner), never inline
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", page, re.S)
    assert scripts and all(body == "" for body in scripts)
    assert re.findall(r"<script ([^>]*)>", page) == ['src="/static/alerts.js" defer']
    assert "style=" not in page and "<style" not in page
    assert client.get("/static/dashboard.css").status_code == 200


def test_csv_export_escapes_formulas(client: TestClient) -> None:
    login(client)
    resp = client.get("/c/heat/export.csv")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    assert "attachment" in resp.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(resp.text)))
    assert rows[0]["name"] == "'" + HYPERLINK
    assert rows[3]["name"] == "'@SUM(A1)"
    assert rows[1]["name"] == "Bo Kim" and rows[1]["phone"] == "'+821000000001"
    assert rows[1]["alerts"] == "1" and "report_dir" not in rows[0]


def test_cli_export_escapes_formulas_too(setup, capsys) -> None:
    from carecall.cli import main

    root, store, _ = setup
    assert main(["campaign", "export", "heat", "--db", str(root / "c.sqlite")]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["name"] == "'" + HYPERLINK


def test_recording_ranges(setup, client: TestClient) -> None:
    login(client)
    url = "/c/heat/p/r0/recording.wav"
    data = (setup[0] / "calls" / "r0" / "recording.wav").read_bytes()
    size = len(data)

    def get(value: str | None):
        return client.get(url, headers={"Range": value} if value is not None else {})

    full = get(None)
    assert full.status_code == 200 and full.content == data
    assert full.headers["accept-ranges"] == "bytes"
    for value, first, last in [
        ("bytes=0-99", 0, 99),
        ("bytes=-500", size - 500, size - 1),
        ("bytes=100-", 100, size - 1),
        ("bytes=10-99999999", 10, size - 1),
        ("bytes=0-5, 999999-", 0, 5),  # the satisfiable part of a list is served
    ]:
        resp = get(value)
        assert resp.status_code == 206, value
        assert resp.headers["content-range"] == f"bytes {first}-{last}/{size}", value
        assert resp.content == data[first : last + 1], value
    for value in (f"bytes={size}-", "bytes=999999-1000000", "bytes=-0"):
        resp = get(value)
        assert resp.status_code == 416, value
        assert resp.headers["content-range"] == f"bytes */{size}", value
    for value in ("bytes=abc", "items=0-5", "bytes=5-2", "bytes=+1-2", "bytes=--5", "bytes="):
        resp = get(value)  # not a valid bytes range: ignored, the whole file
        assert resp.status_code == 200 and resp.content == data, value


def test_views_and_exports_are_audited(setup, client: TestClient) -> None:
    _, store, _ = setup
    login(client, password="wrong password")
    login(client)
    client.get("/c/heat")
    client.get("/c/heat")  # the page refreshes itself: one row per 10 minutes
    client.get("/c/heat/p/r1")
    client.get("/c/heat/p/r0/recording.wav", headers={"Range": "bytes=0-"})
    client.get("/c/heat/p/r0/recording.wav", headers={"Range": "bytes=500-"})  # a seek
    client.get("/c/heat/export.csv")
    client.post("/logout", data={"csrf": page_csrf(client)})
    rows = [(r.user, r.action, r.campaign_id, r.recipient_id) for r in store.audit_rows()]
    assert rows == [
        (USER, "login_failed", None, None),
        (USER, "login", None, None),
        (USER, "view_campaign", "heat", None),
        (USER, "view_person", "heat", "r1"),
        (USER, "play_recording", "heat", "r0"),
        (USER, "export_csv", "heat", None),
        (USER, "logout", None, None),
    ]
    assert all(r.ip == "testclient" for r in store.audit_rows())


def test_ids_from_the_url_are_never_paths(setup, client: TestClient) -> None:
    root, store, _ = setup
    login(client)
    for path in (
        "/c/heat/p/..%2F..%2Fc.sqlite",
        "/c/heat/p/..%2Fcalls%2Fr0/recording.wav",
        "/c/..%2Fheat/p/r0",
        "/c/heat/p/r0%2F..%2Fr1/recording.wav",
    ):
        resp = client.get(path)
        assert resp.status_code == 404, path
        assert b"RIFF" not in resp.content and b"SQLite" not in resp.content
    # a folder the store names outside the output folder is not served either
    outside = root / "outside"
    (outside).mkdir()
    (outside / "recording.wav").write_bytes((root / "calls/r0/recording.wav").read_bytes())
    (outside / "report.json").write_text((root / "calls/r0/report.json").read_text())
    store.claim("heat", 1e12, "w", 2e12)
    store.begin_attempt("heat", "r3", "w", 20.0)
    result = DialResult(Outcome.ANSWERED, call_sid="CA3", report_dir=str(outside))
    store.finish_attempt("heat", "r3", "w", 1, result, State.COMPLETED, 21.0, 21.0)
    assert client.get("/c/heat/p/r3/recording.wav").status_code == 404
    page = client.get("/c/heat/p/r3").text
    assert "my knee hurts" not in page and 'id="recording"' not in page


def test_failed_logins_are_throttled(setup, client: TestClient) -> None:
    for _ in range(5):
        assert login(client, password="guess guess").status_code == 401
    resp = login(client)  # the right password, too late
    assert resp.status_code == 429 and "Too many failed logins" in resp.text
    assert client.get("/c/heat").status_code == 303
    assert [r.action for r in setup[1].audit_rows()][-1] == "login_throttled"


def test_sessions_expire_and_end_with_their_user(setup, client: TestClient, monkeypatch) -> None:
    import campaign.dashboard.auth as auth

    _, store, _ = setup
    login(client)
    assert client.get("/c/heat").status_code == 200
    later = time.time() + AuthSettings().session_idle_s + 5
    monkeypatch.setattr(auth.time, "time", lambda: later)
    assert client.get("/c/heat").status_code == 303
    monkeypatch.undo()
    assert client.get("/c/heat").status_code == 200
    store.remove_user(USER)
    assert client.get("/c/heat").status_code == 303


def test_no_listening_beyond_loopback_without_a_user(tmp_path: Path, capsys) -> None:
    from campaign.store import open_store
    from carecall.cli import main

    store = open_store(tmp_path / "empty.sqlite")
    for loopback in ("127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"):
        check_listen(store, loopback)
    for other in ("0.0.0.0", "::", "10.0.0.1", "example.org", "localhost.example.org"):
        with pytest.raises(DashboardError, match="carecall users add"):
            check_listen(store, other)
    store.close()
    # one loopback check for the call server, /metrics and the dashboard (telephony.auth)
    import campaign.dashboard.app as dashboard_app
    import telephony.auth

    assert dashboard_app.is_loopback is telephony.auth.is_loopback
    db = str(tmp_path / "empty.sqlite")
    assert main(["campaign", "dashboard", "--db", db, "--host", "0.0.0.0"]) == 2
    assert "carecall users add NAME" in capsys.readouterr().err


def test_users_cli(tmp_path: Path, capsys, monkeypatch) -> None:
    from carecall.cli import main

    db = str(tmp_path / "u.sqlite")

    def add(name: str, password: str, *extra: str) -> int:
        monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
        return main(["users", "add", name, "--password-stdin", "--db", db, *extra])

    assert add("alice", "a long password") == 0
    assert add("bob", "another password") == 0
    assert add("alice", "third password") == 2  # exists
    assert "exists" in capsys.readouterr().err
    assert add("carol", "short") == 2
    assert "at least 8" in capsys.readouterr().err
    assert add("../x", "a long password") == 2
    assert add("alice", "a new password", "--replace") == 0
    capsys.readouterr()
    assert main(["users", "list", "--db", db]) == 0
    assert [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()] == [
        "alice",
        "bob",
    ]
    assert main(["users", "remove", "bob", "--db", db]) == 0
    assert main(["users", "remove", "bob", "--db", db]) == 2
    capsys.readouterr()
    assert main(["users", "list", "--db", db]) == 0
    assert capsys.readouterr().out.startswith("alice\t")
    from campaign.store import open_store

    store = open_store(db)
    hashed = store.password_hash("alice")
    assert hashed.startswith("$argon2id$") and "a new password" not in hashed
    store.audit(1.0, "alice", "view_person", "10.0.0.1", "heat", "r7")
    store.close()
    assert main(["users", "audit", "--db", db, "--recipient", "r7"]) == 0
    assert "alice\tview_person\t10.0.0.1\theat/r7" in capsys.readouterr().out
