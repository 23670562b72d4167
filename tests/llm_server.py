"""A real OpenAI-compatible HTTP server on 127.0.0.1 for tests: scripted answers, slow answers,
server errors. Tests of `dialogue.llm.openai` and of LLM-driven calls talk to it over TCP."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeServer:
    """A tiny OpenAI-compatible server. `script` says how to answer each request in turn:
    ("ok", text), ("status", code), ("slow", seconds), ("junk", body); when the script is
    done, `answer(request body)` gives the text (default "Hello there.")."""

    def __init__(self) -> None:
        self.script: list[tuple[str, object]] = []
        self.requests: list[dict] = []
        self.headers: list[dict[str, str]] = []
        self.release = threading.Event()
        self.answer = lambda body: "Hello there."
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:  # noqa: N802 (the http.server API)
                if self.path != "/v1/chat/completions":
                    return self._send(404, {"error": f"no route {self.path}"})
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length))
                server.requests.append(body)
                server.headers.append(dict(self.headers))
                kind, arg = server.script.pop(0) if server.script else ("ok", server.answer(body))
                if kind == "status":
                    return self._send(arg, {"error": {"message": "overloaded"}})
                if kind == "slow":
                    server.release.wait(arg)
                    return self._send(200, _completion("too late"))
                if kind == "junk":
                    return self._raw(200, str(arg).encode())
                return self._send(200, _completion(str(arg)))

            def _send(self, code: int, payload: dict) -> None:
                self._raw(code, json.dumps(payload).encode())

            def _raw(self, code: int, body: bytes) -> None:
                try:
                    self.send_response(code)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (the timeout test)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def _completion(text: str) -> dict:
    return {
        "id": "cmpl-1",
        "object": "chat.completion",
        "model": "m",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
        ],
    }
