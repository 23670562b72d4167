"""Helpers of the alert tests: a real HTTP receiver on 127.0.0.1 that checks signatures and
remembers what arrived by idempotency key, and waiting without asserting timings."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from alerts.webhook import SIGNATURE_HEADER, verify_signature

SECRET = "webhook-secret-of-the-tests-0123"


class Receiver:
    """POST / : 200 (body `reply`) for a validly signed request, 401 otherwise."""

    def __init__(self, secret: str = SECRET, reply: dict | None = None, port: int = 0) -> None:
        self.secret = secret
        self.reply = reply
        self.received: dict[str, list[dict]] = {}  # idempotency key -> bodies
        self.refused = 0
        self.headers: list[dict] = []
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                ok = verify_signature(outer.secret, self.headers.get(SIGNATURE_HEADER), body)
                with outer._lock:
                    outer.headers.append(dict(self.headers))
                    if ok:
                        key = self.headers.get("Idempotency-Key", "")
                        outer.received.setdefault(key, []).append(json.loads(body))
                    else:
                        outer.refused += 1
                reply = json.dumps(outer.reply or {}).encode()
                self.send_response(200 if ok else 401)
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def keys(self) -> set[str]:
        with self._lock:
            return set(self.received)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate, timeout_s: float = 30.0, every_s: float = 0.02) -> bool:
    """Poll until `predicate()` holds; the bound only keeps a broken test from hanging."""
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(every_s)
    return predicate()
