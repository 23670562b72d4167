"""Live alerts on every dashboard page: a server-sent event stream and the Acknowledge button.

The call server's process stores alerts in the outbox (`alerts.outbox`, `<output-dir>/
alerts.sqlite`); the dashboard, another process, reads the same file:
- `GET /alerts/stream` (login required): `text/event-stream`; first every unacknowledged alert
  (`event: alert`), then each new alert and each acknowledgement (`event: ack`) as the file
  changes (polled every `poll_s`), a comment every 15 s to keep proxies from closing it, and
  `event: logout` when the session has ended. `static/alerts.js` shows them as a banner on every
  page (no inline script: the CSP forbids it).
- `POST /alerts/<id>/ack` (login and the session's CSRF token required): acknowledges the
  alert as the signed-in user and writes `ack_alert` to the audit log; JSON for `fetch`
  (`Accept: application/json`), else a redirect back.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterable
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import (
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from starlette.routing import Route

from campaign.dashboard.auth import csrf_ok

ALERT_ID = re.compile(r"^[0-9a-f-]{36}$")
KEEPALIVE_S = 15.0
SESSION_CHECK_S = 60.0
VIEW_ALERTS_EVERY_S = 600.0  # the stream reopens on every page: one audit row per 10 minutes


class LiveAlerts:
    """The outbox file as the dashboard sees it: opened once it exists."""

    def __init__(self, path: Path, poll_s: float = 1.0) -> None:
        self.path = Path(path)
        self.poll_s = poll_s
        self._outbox = None
        self._lock = threading.Lock()

    def outbox(self):
        with self._lock:
            if self._outbox is None and self.path.is_file():
                from alerts.outbox import Outbox

                self._outbox = Outbox(self.path)
            return self._outbox

    def snapshot(self) -> tuple[list[dict], tuple[int, int]]:
        """Unacknowledged alerts, oldest first, and the cursor to follow changes from."""
        outbox = self.outbox()
        if outbox is None:
            return [], (0, 0)
        cursor = outbox.cursor()
        return [a.to_dict() for a in reversed(outbox.unacknowledged())], cursor

    def changes(self, cursor: tuple[int, int]) -> tuple[list[tuple[str, dict]], tuple[int, int]]:
        outbox = self.outbox()
        if outbox is None:
            return [], cursor
        events = []
        seq, upd = cursor
        for a in outbox.changes(*cursor):
            events.append(("ack" if a.acked_at else "alert", a.to_dict()))
            seq, upd = max(seq, a.seq), max(upd, a.updated_seq)
        return events, (seq, upd)


def _event(name: str, data: dict) -> str:
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


async def stream(request: Request) -> Response:
    dash, live = request.app.state.dashboard, request.app.state.alerts
    session = await run_in_threadpool(dash.auth.session, request)
    if session is None:
        return JSONResponse({"error": "login required"}, status_code=401)

    def audit() -> None:
        recent = dash.store.audit_rows(
            1, user=session.user, action="view_alerts", since=time.time() - VIEW_ALERTS_EVERY_S
        )
        if not recent:
            dash.audit(request, session, "view_alerts")

    await run_in_threadpool(audit)

    first, cursor = await run_in_threadpool(live.snapshot)

    def changes() -> list[tuple[str, dict]]:
        nonlocal cursor
        changed, cursor = live.changes(cursor)
        return changed

    return event_stream(request, changes, live.poll_s, first=[("alert", a) for a in first])


def event_stream(
    request: Request,
    poll: Callable[[], Iterable[tuple[str, dict]]],
    poll_s: float,
    *,
    first: Iterable[tuple[str, dict]] = (),
) -> StreamingResponse:
    """A `text/event-stream` for a signed-in page: `first`'s events, then whatever `poll()`
    (run in a thread, every `poll_s`) returns as `(event name, data)`; a comment every
    `KEEPALIVE_S` when nothing else went out, and `event: logout` once the session has ended
    (checked every `SESSION_CHECK_S`). The alert banner and the live calls page both use it."""
    dash = request.app.state.dashboard

    async def events() -> AsyncIterator[str]:
        yield "retry: 3000\n\n"
        for name, data in first:
            yield _event(name, data)
        last_sent = last_check = time.monotonic()
        while True:
            for name, data in await run_in_threadpool(poll):
                yield _event(name, data)
                last_sent = time.monotonic()
            await asyncio.sleep(poll_s)
            now = time.monotonic()
            if now - last_check > SESSION_CHECK_S:
                last_check = now
                if await run_in_threadpool(dash.auth.session, request) is None:
                    yield _event("logout", {})
                    return
            if now - last_sent > KEEPALIVE_S:
                yield ": keep-alive\n\n"
                last_sent = now

    return StreamingResponse(
        events(), media_type="text/event-stream", headers={"X-Accel-Buffering": "no"}
    )


async def acknowledge(request: Request) -> Response:
    dash, live = request.app.state.dashboard, request.app.state.alerts
    wants_json = "application/json" in request.headers.get("accept", "")
    form = await request.form()
    session = await run_in_threadpool(dash.auth.session, request)
    if session is None:
        return JSONResponse({"error": "login required"}, status_code=401)
    if not csrf_ok(session, str(form.get("csrf") or "")):
        return PlainTextResponse("invalid or missing CSRF token", 403)
    alert_id = request.path_params["alert_id"]

    def ack() -> bool:
        outbox = live.outbox()
        found = outbox.get(alert_id) if outbox and ALERT_ID.match(alert_id) else None
        if found is None:
            return False
        outbox.acknowledge(alert_id, by=session.user, via="dashboard")
        dash.audit(request, session, "ack_alert", None, found.alert.recipient_id)
        return True

    if not await run_in_threadpool(ack):
        return (
            JSONResponse({"error": "not found"}, 404)
            if wants_json
            else PlainTextResponse("not found", 404)
        )
    if wants_json:
        return JSONResponse({"acknowledged": alert_id, "by": session.user})
    back = str(form.get("next") or "/")
    back = back if back.startswith("/") and not back.startswith(("//", "/\\")) else "/"
    return RedirectResponse(back, 303)


def routes() -> list[Route]:
    return [
        Route("/alerts/stream", stream, methods=["GET"]),
        Route("/alerts/{alert_id}/ack", acknowledge, methods=["POST"]),
    ]
