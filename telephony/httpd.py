"""A small HTTP server in a thread, for webhooks (Twilio's voice webhook and status callbacks).

`serve_http(handle, host, port)` answers every GET and POST with what `handle(method, path_qs,
params, headers)` returns: (HTTP status, content type, body). A POST's form body is parsed into
`params` (GET: `{}`, its fields are in the query, which `path_qs` keeps whole: Twilio signs a
GET's whole URL). A body over `max_body` bytes is refused (413) unread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

log = logging.getLogger("carecall.httpd")

Reply = tuple[int, str, bytes]
Handle = Callable[[str, str, dict[str, str], Mapping[str, str]], Reply]
MAX_BODY = 64_000


def serve_http(
    handle: Handle, host: str, port: int, *, name: str = "http", max_body: int = MAX_BODY
) -> tuple[ThreadingHTTPServer, Callable[[], None]]:
    """Serve `handle` on (host, port) in a daemon thread; returns the server (its
    `server_address` has the port bound) and a function that stops it and closes the socket."""

    class Handler(BaseHTTPRequestHandler):
        def _answer(self, method: str, params: dict[str, str]) -> None:
            try:
                code, ctype, body = handle(method, self.path, params, self.headers)
            except Exception:  # a handler's bug answers 500, never a dropped connection
                log.exception("%s: %s %s failed", name, method, self.path)
                code, ctype, body = 500, "text/plain", b"internal error\n"
            self._send(code, ctype, body)

        def _send(self, code: int, ctype: str, body: bytes) -> None:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self._answer("GET", {})

        def do_POST(self) -> None:  # noqa: N802
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                length = -1
            if not 0 <= length <= max_body:
                self._send(413 if length > max_body else 400, "text/plain", b"bad body length\n")
                return
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            self._answer("POST", dict(parse_qsl(body, keep_blank_values=True)))

        def log_message(self, format: str, *args) -> None:  # noqa: A002
            log.debug(f"{name}: " + format, *args)

    server = ThreadingHTTPServer((host, port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True, name=name).start()

    def stop() -> None:
        server.shutdown()
        server.server_close()

    return server, stop
