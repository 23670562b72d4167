"""Calls in progress on the dashboard: their transcript as it grows, and listening in.

The call server (another process) writes each call in progress to `<output-dir>/live/`
(`observability.live`: `<call id>.jsonl`, what is said, and `<call id>.pcm`, the mixed audio) and
deletes both when the call ends. The dashboard follows that folder by polling, as `live.py`
follows the alert outbox:
- `GET /live` (login): the page; `static/live.js` fills it from the stream (no inline script);
- `GET /live/stream` (login): server-sent events: `call` (a call is in progress: its id, the
  person's name and id, campaign, start time), `turn` (`who`, `text`, `t`) as each is said,
  `ended` when its files are gone or stale; a comment every 15 s; `logout` when the session ends;
- `GET /live/<call id>/audio` (login): the call's mixed audio from now on, as a WAV stream
  (8 kHz, 16-bit, mono) that the browser plays as it arrives, until the call ends.
Seeing a live call (each time a stream first shows it) and listening in are written to the
audit log, with the call's recipient and campaign ids.
"""

from __future__ import annotations

import asyncio
import json
import re
import struct
import time
from collections.abc import AsyncIterator
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

from campaign.dashboard.live import event_stream
from campaign.dashboard.views import login_required

CALL_SID = re.compile(r"^CA[0-9a-f]{32}$")
STALE_S = 30.0  # observability.live.STALE_S: a file not written for this long is a dead call
RATE = 8000
LEAD_BYTES = RATE * 2 // 2  # listening starts half a second behind the live edge
MAX_LINE = 64 * 1024


class LiveFolder:
    """The live folder as the dashboard reads it."""

    def __init__(self, folder: Path, poll_s: float = 0.5) -> None:
        self.folder = Path(folder)
        self.poll_s = poll_s

    def path(self, sid: str, suffix: str) -> Path | None:
        return self.folder / f"{sid}{suffix}" if CALL_SID.match(sid) else None

    def calls(self, now: float | None = None) -> list[str]:
        """Ids of the calls in progress, oldest first."""
        now = time.time() if now is None else now
        found = []
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return []
        for path in entries:
            if path.suffix != ".jsonl" or not CALL_SID.match(path.stem):
                continue
            try:
                seen = max(path.stat().st_mtime, _mtime(path.with_suffix(".pcm")))
            except OSError:
                continue
            if now - seen <= STALE_S:
                found.append((seen, path.stem))
        return [sid for _, sid in sorted(found)]

    def read(self, sid: str, offset: int) -> tuple[list[dict], int]:
        """Whole lines from `offset` on (a line still being written waits for the next read)."""
        path = self.path(sid, ".jsonl")
        try:
            with open(path, "rb") as f:
                f.seek(offset)
                data = f.read(MAX_LINE * 16)
        except (OSError, TypeError):
            return [], offset
        records = []
        end = data.rfind(b"\n") + 1
        for line in data[:end].splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict):
                records.append(record)
        return records, offset + end


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


class Names:
    """Recipient ids to names, from the store (cached per stream)."""

    def __init__(self, store) -> None:
        self.store = store
        self._names: dict[tuple[str, str], str] = {}

    def __call__(self, campaign: str, rid: str) -> tuple[str, str]:
        """(name, campaign id) of a recipient; ("", campaign) when the store does not know."""
        key = (campaign, rid)
        if key not in self._names:
            self._names[key] = self._look_up(campaign, rid)
        found = self._names[key]
        return found.split("\0", 1)[1], found.split("\0", 1)[0]

    def _look_up(self, campaign: str, rid: str) -> str:
        cids = [campaign] if campaign else [c.id for c in self.store.campaigns()]
        for cid in cids:
            try:
                rows = self.store.recipients(cid)
            except KeyError:
                continue
            for r in rows:
                if r.recipient.id == rid:
                    return f"{cid}\0{r.recipient.name}"
        return f"{campaign}\0"


def call_event(sid: str, start: dict, names: Names) -> dict:
    rid = str(start.get("recipient") or "")
    name, cid = names(str(start.get("campaign") or ""), rid) if rid else ("", "")
    return {"call": sid, "recipient": rid, "name": name, "campaign": cid, "t": start.get("t")}


@login_required()
def page(dash, request: Request, session) -> Response:
    return dash.render(request, session, "live.html", "Calls in progress")


async def stream(request: Request) -> Response:
    dash, folder = request.app.state.dashboard, request.app.state.live_calls
    session = await run_in_threadpool(dash.auth.session, request)
    if session is None:
        return JSONResponse({"error": "login required"}, status_code=401)
    names = Names(dash.store)

    def poll(offsets: dict[str, int]) -> list[tuple[str, dict]]:
        out = []
        now_live = folder.calls()
        for sid in list(offsets):
            if sid not in now_live:
                del offsets[sid]
                out.append(("ended", {"call": sid}))
        for sid in now_live:
            new = sid not in offsets
            records, offsets[sid] = folder.read(sid, offsets.get(sid, 0))
            if new:
                start = next((r for r in records if r.get("event") == "start"), {})
                event = call_event(sid, start, names)
                out.append(("call", event))
                dash.audit(request, session, "view_live_call", event["campaign"] or None,
                           event["recipient"] or None)  # fmt: skip
            for r in records:
                if r.get("event") == "turn" and r.get("who") in ("person", "agent"):
                    turn = {"call": sid, "who": r["who"], "text": str(r.get("text", ""))}
                    out.append(("turn", {**turn, "t": r.get("t")}))
        return out

    offsets: dict[str, int] = {}
    return event_stream(request, lambda: poll(offsets), folder.poll_s)


def wav_header(rate: int = RATE) -> bytes:
    """A mono 16-bit WAV header whose sizes say "as long as it goes" (a stream)."""
    size = 0x7FFFFFF0
    fmt = struct.pack("<HHIIHH", 1, 1, rate, rate * 2, 2, 16)
    return (
        b"RIFF"
        + struct.pack("<I", size + 36)
        + b"WAVE"
        + b"fmt "
        + struct.pack("<I", 16)
        + fmt
        + b"data"
        + struct.pack("<I", size)
    )


async def audio(request: Request) -> Response:
    dash, folder = request.app.state.dashboard, request.app.state.live_calls
    session = await run_in_threadpool(dash.auth.session, request)
    if session is None:
        return JSONResponse({"error": "login required"}, status_code=401)
    sid = request.path_params["sid"]
    path = folder.path(sid, ".pcm")
    if path is None or sid not in await run_in_threadpool(folder.calls):
        return PlainTextResponse("no such call in progress", 404)
    records, _ = await run_in_threadpool(folder.read, sid, 0)
    first = next((r for r in records if r.get("event") == "start"), {})
    await run_in_threadpool(
        dash.audit, request, session, "listen_live", first.get("campaign") or None,
        first.get("recipient") or None,
    )  # fmt: skip

    async def body() -> AsyncIterator[bytes]:
        yield wav_header()
        offset = max(0, _size(path) - LEAD_BYTES) // 2 * 2
        idle = 0.0
        while idle < STALE_S:
            try:
                with open(path, "rb") as f:
                    f.seek(offset)
                    data = f.read(RATE * 2 * 5)
            except OSError:  # the call ended: its live audio is gone
                return
            if data:
                data = data[: len(data) // 2 * 2]
                offset += len(data)
                idle = 0.0
                yield data
            else:
                idle += 0.2
            await asyncio.sleep(0.2)

    return StreamingResponse(body(), media_type="audio/wav")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def routes() -> list[Route]:
    return [
        Route("/live", page, methods=["GET"]),
        Route("/live/stream", stream, methods=["GET"]),
        Route("/live/{sid}/audio", audio, methods=["GET"]),
    ]
