"""The care workers' dashboard: campaign progress, alerts first, and each person's call.

A small stdlib HTTP server (no framework to install or patch). Pages:
- `/` — campaigns and their progress;
- `/c/<campaign>` — progress, then the people who need a call back (alerts, most severe first,
  and people nobody reached), then everyone;
- `/c/<campaign>/p/<recipient>` — the report (alerts, answers, summary), the transcript, the
  recording playable in the browser, what carecall remembers about the person, every attempt;
- `/c/<campaign>/p/<recipient>/recording.wav` — the stereo WAV (HTTP Range supported, so the
  browser's player can seek);
- `/api/c/<campaign>` — the same progress as JSON.
It binds to 127.0.0.1 by default: it shows health data, so expose it only behind an
authenticating proxy.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote

from campaign import FINAL_STATES, CampaignStore, RecipientStatus, State, load_report

SEVERITY_RANK = {"info": 0, "low": 1, "medium": 2, "high": 3, "critical": 4}

CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#222}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
.bar{display:flex;height:1.2rem;border-radius:4px;overflow:hidden;background:#eee}
.bar span{display:block}.completed{background:#3a7}.gave_up{background:#c44}
.calling{background:#e90}.pending{background:#bbb}
.sev-critical,.sev-high{color:#fff;background:#c22;padding:0 .3rem;border-radius:3px}
.sev-medium{background:#f3c04a;padding:0 .3rem;border-radius:3px}
.sev-low,.sev-info{background:#ddd;padding:0 .3rem;border-radius:3px}
.agent{color:#555}.person{font-weight:600}
"""


def _page(title: str, body: str, refresh: int | None = None) -> bytes:
    meta = f'<meta http-equiv="refresh" content="{refresh}">' if refresh else ""
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">{meta}'
        f"<title>{escape(title)}</title><style>{CSS}</style></head>"
        f'<body><p><a href="/">All campaigns</a></p>{body}</body></html>'
    ).encode()


def top_severity(report: dict | None) -> int:
    alerts = (report or {}).get("alerts") or []
    return max((SEVERITY_RANK.get(a.get("severity"), 0) for a in alerts), default=-1)


def needs_call_back(rows: list[RecipientStatus]) -> list[tuple[RecipientStatus, dict | None]]:
    """People a care worker should look at first: alerts (most severe first), then those
    nobody reached."""
    flagged = []
    for r in rows:
        report = load_report(r.report_dir)
        if top_severity(report) >= 0:
            flagged.append((r, report))
    flagged.sort(key=lambda x: -top_severity(x[1]))
    unreached = [(r, None) for r in rows if r.state is State.GAVE_UP]
    return flagged + unreached


def progress(rows: list[RecipientStatus]) -> dict:
    counts = {s.value: 0 for s in State}
    for r in rows:
        counts[r.state.value] += 1
    return {
        "recipients": len(rows),
        "states": counts,
        "final": sum(r.state in FINAL_STATES for r in rows),
        "attempts": sum(r.attempts for r in rows),
    }


class Dashboard:
    def __init__(self, store: CampaignStore, memory=None) -> None:
        self.store = store
        self.memory = memory  # a dialogue.memory.MemoryStore, or None
        self._lock = threading.Lock()  # one store connection shared by request threads

    # -- pages -----------------------------------------------------------------------------------

    def index(self) -> bytes:
        with self._lock:
            campaigns = [(c, progress(self.store.recipients(c.id))) for c in self.store.campaigns()]
        rows = "".join(
            f'<tr><td><a href="/c/{quote(c.id)}">{escape(c.name)}</a></td>'
            f"<td>{escape(c.id)}</td><td>{p['final']}/{p['recipients']}</td></tr>"
            for c, p in campaigns
        )
        return _page(
            "Campaigns",
            "<h1>Campaigns</h1><table><tr><th>name</th><th>id</th><th>done</th></tr>"
            f"{rows}</table>",
        )

    def campaign(self, cid: str) -> bytes:
        with self._lock:
            c = self.store.campaign(cid)
            rows = self.store.recipients(cid)
        p = progress(rows)
        total = max(p["recipients"], 1)
        bar = "".join(
            f'<span class="{s}" style="width:{100 * n / total:.1f}%" title="{s} {n}"></span>'
            for s, n in p["states"].items()
            if n
        )
        counts = ", ".join(f"{s.replace('_', ' ')} {n}" for s, n in p["states"].items())
        alerts = []
        for r, report in needs_call_back(rows):
            link = f'<a href="/c/{quote(cid)}/p/{quote(r.recipient.id)}">'
            if report is None:
                what = f"not reached after {r.attempts} attempts ({escape(r.last_outcome or '')})"
                alerts.append(
                    f'<tr class="unreached"><td>{link}{escape(r.recipient.name)}</a></td>'
                    f"<td>{escape(r.recipient.phone)}</td><td>{what}</td></tr>"
                )
                continue
            notes = "; ".join(
                f'<span class="sev-{escape(a["severity"])}">{escape(a["severity"])}</span> '
                f"{escape(a['note'])}"
                for a in sorted(
                    report["alerts"], key=lambda a: -SEVERITY_RANK.get(a["severity"], 0)
                )
            )
            alerts.append(
                f'<tr class="alert"><td>{link}{escape(r.recipient.name)}</a></td>'
                f"<td>{escape(r.recipient.phone)}</td><td>{notes}</td></tr>"
            )
        everyone = "".join(
            f'<tr><td><a href="/c/{quote(cid)}/p/{quote(r.recipient.id)}">'
            f"{escape(r.recipient.name)}</a></td><td>{escape(r.recipient.phone)}</td>"
            f"<td>{r.state.value}</td><td>{r.attempts}</td>"
            f"<td>{escape(r.last_outcome or '')}</td></tr>"
            for r in rows
        )
        body = (
            f"<h1>{escape(c.name)}</h1><p>Scenario {escape(c.scenario)} · calling "
            f"{c.policy.window_start}–{c.policy.window_end} local time · up to "
            f"{c.policy.max_attempts} attempts</p>"
            f'<div class="bar" id="progress">{bar}</div>'
            f'<p id="counts">{p["final"]} of {p["recipients"]} done: {counts}</p>'
            f'<h2 id="alerts">Needs a call back ({len(alerts)})</h2>'
            "<table><tr><th>person</th><th>phone</th><th>why</th></tr>"
            f"{''.join(alerts) or '<tr><td colspan=3>nobody</td></tr>'}</table>"
            '<h2 id="everyone">Everyone</h2><table><tr><th>person</th><th>phone</th>'
            f"<th>state</th><th>attempts</th><th>last outcome</th></tr>{everyone}</table>"
        )
        return _page(c.name, body, refresh=15)

    def person(self, cid: str, rid: str) -> bytes:
        with self._lock:
            row = self._row(cid, rid)
            attempts = self.store.attempts(cid, rid)
        report = load_report(row.report_dir)
        parts = [
            f"<h1>{escape(row.recipient.name)}</h1>",
            f"<p>{escape(row.recipient.phone)} · {row.state.value} · {row.attempts} attempt(s)</p>",
        ]
        if report:
            alerts = "".join(
                f'<li><span class="sev-{escape(a["severity"])}">{escape(a["severity"])}</span> '
                f"{escape(a['note'])}"
                + (f" — “{escape(a['evidence'])}”" if a.get("evidence") else "")
                + "</li>"
                for a in sorted(
                    report["alerts"], key=lambda a: -SEVERITY_RANK.get(a["severity"], 0)
                )
            )
            items = "".join(
                f"<tr><td>{escape(i['topic'])}</td><td>{escape(i['status'])}</td>"
                f"<td>{escape(i.get('answer_class') or '')}</td>"
                f"<td>{escape(i.get('evidence') or '')}</td></tr>"
                for i in report["items"]
            )
            transcript = "".join(
                f'<li class="{e["speaker"]}">{escape(e["speaker"])}: {escape(e["text"])}</li>'
                for e in report["transcript"]
            )
            parts += [
                f'<h2>Alerts</h2><ul id="person-alerts">{alerts or "<li>none</li>"}</ul>',
                f'<h2>Summary</h2><p id="summary">{escape(report["summary"])}</p>',
                "<h2>Answers</h2><table><tr><th>topic</th><th>status</th><th>answer</th>"
                f"<th>said</th></tr>{items}</table>",
                f'<h2>Transcript</h2><ol id="transcript">{transcript}</ol>',
            ]
        if row.report_dir and (Path(row.report_dir) / "recording.wav").exists():
            src = f"/c/{quote(cid)}/p/{quote(rid)}/recording.wav"
            parts.append(
                "<h2>Recording</h2><p>left: the person, right: the agent</p>"
                f'<audio id="recording" controls preload="metadata" src="{src}"></audio>'
            )
        facts = self.memory.load(rid) if self.memory is not None else []
        memory = "".join(f"<li>{escape(f.key)}: {escape(f.value)}</li>" for f in facts)
        parts.append(f'<h2>Memory</h2><ul id="memory">{memory or "<li>nothing yet</li>"}</ul>')
        rows = "".join(
            f"<tr><td>{a.number}</td><td>{escape(a.outcome or 'in progress')}</td>"
            f"<td>{escape(a.call_sid or '')}</td><td>{escape(a.detail)}</td></tr>"
            for a in attempts
        )
        parts.append(
            "<h2>Attempts</h2><table><tr><th>#</th><th>outcome</th><th>call</th>"
            f'<th>detail</th></tr>{rows}</table><p><a href="/c/{quote(cid)}">back</a></p>'
        )
        return _page(row.recipient.name, "".join(parts))

    def recording(self, cid: str, rid: str) -> Path:
        with self._lock:
            row = self._row(cid, rid)
        if not row.report_dir:
            raise KeyError(f"{rid} has no recording")
        path = Path(row.report_dir) / "recording.wav"
        if not path.is_file():
            raise KeyError(f"{rid} has no recording")
        return path

    def api(self, cid: str) -> bytes:
        with self._lock:
            rows = self.store.recipients(cid)
        return json.dumps({"campaign": cid, **progress(rows)}).encode()

    def _row(self, cid: str, rid: str) -> RecipientStatus:
        for r in self.store.recipients(cid):
            if r.recipient.id == rid:
                return r
        raise KeyError(f"no recipient {rid!r} in {cid!r}")

    # -- HTTP ------------------------------------------------------------------------------------

    def serve(self, host: str = "127.0.0.1", port: int = 8080):
        """Start in a thread; returns (server, stop)."""
        server = ThreadingHTTPServer((host, port), _handler(self))
        thread = threading.Thread(target=server.serve_forever, daemon=True, name="dashboard")
        thread.start()

        def stop() -> None:
            server.shutdown()
            server.server_close()

        return server, stop


_ROUTES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^/$"), "index"),
    (re.compile(r"^/c/([^/]+)$"), "campaign"),
    (re.compile(r"^/c/([^/]+)/p/([^/]+)$"), "person"),
    (re.compile(r"^/c/([^/]+)/p/([^/]+)/recording\.wav$"), "recording"),
    (re.compile(r"^/api/c/([^/]+)$"), "api"),
]


def _handler(dash: Dashboard) -> Callable:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            path = self.path.split("?", 1)[0]
            for pattern, name in _ROUTES:
                m = pattern.match(path)
                if m:
                    args = [unquote(g) for g in m.groups()]
                    try:
                        if name == "recording":
                            return self._file(dash.recording(*args))
                        body = getattr(dash, name)(*args)
                    except KeyError as exc:
                        return self._send(404, str(exc.args[0]).encode(), "text/plain")
                    kind = "application/json" if name == "api" else "text/html; charset=utf-8"
                    return self._send(200, body, kind)
            self._send(404, b"not found", "text/plain")

        def _send(self, code: int, body: bytes, kind: str) -> None:
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _file(self, path: Path) -> None:
            data = path.read_bytes()
            start, end = 0, len(data) - 1
            m = re.match(r"bytes=(\d*)-(\d*)$", self.headers.get("Range", ""))
            if m and (m.group(1) or m.group(2)):
                if m.group(1):
                    start = int(m.group(1))
                    end = int(m.group(2)) if m.group(2) else end
                else:
                    start = max(0, len(data) - int(m.group(2)))
                end = min(end, len(data) - 1)
                self.send_response(206)
                self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
            else:
                self.send_response(200)
            self.send_header("Content-Type", "audio/wav")
            self.send_header("Accept-Ranges", "bytes")
            self.send_header("Content-Length", str(end - start + 1))
            self.end_headers()
            self.wfile.write(data[start : end + 1])

        def log_message(self, format: str, *args) -> None:  # noqa: A002
            pass

    return Handler
