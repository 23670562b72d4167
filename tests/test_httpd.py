"""`telephony.httpd.serve_http`: the one small HTTP server of the Twilio webhooks."""

from __future__ import annotations

import http.client

import pytest

from telephony.httpd import serve_http


@pytest.fixture
def served():
    seen: list[tuple[str, str, dict, str | None]] = []

    def handle(method, path_qs, params, headers):
        if path_qs.startswith("/boom"):
            raise RuntimeError("a handler's bug")
        seen.append((method, path_qs, params, headers.get("X-Twilio-Signature")))
        return 201, "text/xml", f"<r>{method} {params.get('a', '-')}</r>".encode()

    server, stop = serve_http(handle, "127.0.0.1", 0, name="test-http", max_body=100)
    yield server.server_address[1], seen
    stop()


def request(port: int, method: str, path: str, body: str | None = None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, resp.getheader("Content-Type"), resp.read()
    finally:
        conn.close()


def test_a_post_form_and_a_get_query_reach_the_handler(served):
    port, seen = served
    form = {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": "sig"}
    assert request(port, "POST", "/twiml?x=1", "a=b&c=", form) == (
        201,
        "text/xml",
        b"<r>POST b</r>",
    )
    assert request(port, "GET", "/twiml?a=q") == (201, "text/xml", b"<r>GET -</r>")
    assert seen == [
        ("POST", "/twiml?x=1", {"a": "b", "c": ""}, "sig"),
        ("GET", "/twiml?a=q", {}, None),  # a GET's fields stay in its (signed) query
    ]


def test_a_body_over_the_limit_is_refused_unread_and_a_bug_answers_500(served):
    port, seen = served
    assert request(port, "POST", "/twiml", "a=" + "x" * 200)[0] == 413
    assert request(port, "POST", "/boom", "a=1")[0] == 500
    assert seen == []  # neither reached the handler's work


def test_stop_closes_the_socket():
    server, stop = serve_http(lambda *a: (204, "text/plain", b""), "127.0.0.1", 0)
    port = server.server_address[1]
    assert request(port, "POST", "/", "")[0] == 204
    stop()
    with pytest.raises(OSError):
        request(port, "GET", "/")
