"""Calls in progress, written as they happen for the dashboard (another process) to follow.

The call server writes, for each call in progress, two files in `<output-dir>/live/` (owner-only,
like every call file; the folder holds only the calls going on now, so the dashboard lists a
handful of files, never the whole calls folder):
- `<call id>.jsonl`: one JSON object a line, appended as they happen: first
  `{"event": "start", "t", "recipient", "campaign", "scenario"}`, then each utterance
  `{"event": "turn", "t", "who": "person"|"agent", "text"}`: the person's as recognized, the
  agent's as the person heard it (cut where they interrupted);
- `<call id>.pcm`: the call's audio, both sides mixed, 8 kHz 16-bit little-endian mono, appended
  every `interval_s` (`LiveTap`) from the call's own recorder.
Both are deleted when the call ends (its recording, transcript and report are in its folder by
then). A file not written to for a while (`STALE_S`: the server died) is not a call in progress.
The dashboard tails them as `campaign.dashboard.live` tails the alert outbox: by polling.
With the `live_calls` setting off, the server has no `LiveLog` nor `LiveTap` (`attach`), and
nothing is written here.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import threading
import time
from pathlib import Path

log = logging.getLogger("carecall.live")

STALE_S = 30.0  # a call's audio is appended every half second: 30 s of silence is a dead server
FILE_MODE = 0o600
MAX_TEXT = 2000


class LiveLog:
    """Appends to the live files of calls in progress (thread-safe: agents run in threads)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self._lock = threading.Lock()

    def path(self, call_sid: str, suffix: str) -> Path | None:
        from telephony.files import is_call_sid

        return self.folder / f"{call_sid}{suffix}" if is_call_sid(call_sid) else None

    def _append(self, call_sid: str, suffix: str, data: bytes) -> None:
        path = self.path(call_sid, suffix)
        if path is None:
            return
        try:
            with self._lock:
                self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
                flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW
                fd = os.open(path, flags, FILE_MODE)
                with os.fdopen(fd, "ab") as f:
                    f.write(data)
        except OSError as exc:  # the live view is a convenience: the call goes on without it
            log.warning("live file of call %s not written: %s", call_sid, exc)

    def record(self, call_sid: str, event: str, **fields) -> None:
        line = {"event": event, "t": round(time.time(), 3), **fields}
        self._append(call_sid, ".jsonl", (json.dumps(line, ensure_ascii=False) + "\n").encode())

    def start(self, call_sid: str, parameters: dict) -> None:
        self.record(
            call_sid,
            "start",
            recipient=str(parameters.get("recipient") or "")[:64],
            campaign=str(parameters.get("campaign") or "")[:64],
            scenario=str(parameters.get("scenario") or "")[:64],
        )

    def turn(self, call_sid: str, who: str, text: str) -> None:
        if text and text.strip():
            self.record(call_sid, "turn", who=who, text=text.strip()[:MAX_TEXT])

    def audio(self, call_sid: str, pcm) -> None:
        if len(pcm):
            self._append(call_sid, ".pcm", pcm.astype("<i2").tobytes())

    def end(self, call_sid: str) -> None:
        for suffix in (".jsonl", ".pcm"):
            path = self.path(call_sid, suffix)
            if path is not None:
                path.unlink(missing_ok=True)


class LiveTap:
    """Follows a call server's sessions: writes each call's start record, and its mixed audio
    every `interval_s`; removes its live files when it ends (`CallServer.on_call_end`)."""

    def __init__(self, server, live: LiveLog, interval_s: float = 0.5) -> None:
        self.server = server
        self.live = live
        self.interval_s = interval_s
        self._written: dict[int, tuple[str, int]] = {}  # id(session) -> (call id, samples out)
        self._task: asyncio.Task | None = None
        server.on_call_end.append(self.ended)

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run())

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.interval_s)
            try:
                self.tick()
            except Exception:
                log.exception("live tap")

    def tick(self) -> None:
        for session in list(self.server.sessions):
            call = session.call
            if call is None or session.end_reason:
                continue
            sid, done = self._written.get(id(session), (None, 0))
            if sid is None:
                self.live.start(call.call_sid, call.parameters)
                sid = call.call_sid
            pcm = session.recorder.mixed(done)
            self.live.audio(sid, pcm)
            self._written[id(session)] = (sid, done + len(pcm))

    def ended(self, session) -> None:
        written = self._written.pop(id(session), None)
        if written is not None:
            self.live.end(written[0])
        elif session.call is not None:
            self.live.end(session.call.call_sid)
