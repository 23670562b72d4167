"""The dashboard's pages, JSON API, recordings and CSV export (all behind a login).

Campaign and recipient ids come from the URL: they are only looked up in the store, never put
into a file path. A call's folder comes from the store and is used only when it lies inside the
configured output folder (`Dashboard.own_dir`); anything else is treated as absent.
Every page, recording and export that shows a person's data is written to the audit log.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response

from campaign import FINAL_STATES, RecipientStatus, State, load_report, report_summary
from campaign.dashboard.ranges import RangeFileResponse
from campaign.dashboard.trends import outcome_counts, outcome_svg, person_trends
from campaign.export import EXPORT_FIELDS, csv_text, export_rows

SEVERITY_RANK = {"info": 0, "low": 1, "medium": 2, "high": 3, "critical": 4}
# the server's own folders are of no use to a care worker's spreadsheet
DASHBOARD_EXPORT_FIELDS = [f for f in EXPORT_FIELDS if f != "report_dir"]
VIEW_CAMPAIGN_EVERY_S = 600.0  # the page refreshes itself every 15 s: one audit row per 10 min


def top_severity(report: dict | None) -> int:
    alerts = (report or {}).get("alerts") or []
    return max((SEVERITY_RANK.get(a.get("severity"), 0) for a in alerts), default=-1)


def by_severity(alerts: list[dict]) -> list[dict]:
    return sorted(alerts, key=lambda a: -SEVERITY_RANK.get(a.get("severity"), 0))


def needs_call_back(
    rows: list[RecipientStatus], read_report: Callable[[str | None], dict | None] = load_report
) -> list[tuple[RecipientStatus, dict | None]]:
    """People a care worker should look at first: alerts (most severe first), then those
    nobody reached."""
    flagged = []
    for r in rows:
        report = read_report(r.report_dir)
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


def not_found() -> Response:
    return PlainTextResponse("not found", status_code=404)


def login_required(api: bool = False):
    """Runs a blocking view `fn(dash, request, session)` in a thread once the request's
    session is known; without one: 401 for the API, else a redirect to the login form."""

    def wrap(fn):
        async def endpoint(request: Request) -> Response:
            dash = request.app.state.dashboard

            def run() -> Response:
                session = dash.auth.session(request)
                if session is None:
                    if api:
                        return JSONResponse({"error": "login required"}, status_code=401)
                    return RedirectResponse(f"/login?next={quote(request.url.path)}", 303)
                try:
                    return fn(dash, request, session)
                except KeyError:  # an id the store does not know
                    return JSONResponse({"error": "not found"}, 404) if api else not_found()

            return await run_in_threadpool(run)

        endpoint.__name__ = fn.__name__
        return endpoint

    return wrap


class Dashboard:
    """What the views share: the store, memory, the output folder, auth and templates."""

    def __init__(self, store, memory, output_dir: Path, auth, templates) -> None:
        self.store = store
        self.memory = memory
        self.root = Path(output_dir).resolve()
        self.auth = auth
        self.templates = templates

    def own_dir(self, report_dir: str | None) -> Path | None:
        if not report_dir:
            return None
        path = Path(report_dir).resolve()
        return path if path.is_relative_to(self.root) else None

    def report(self, report_dir: str | None) -> dict | None:
        return load_report(self.own_dir(report_dir))

    def recording_path(self, report_dir: str | None) -> Path | None:
        folder = self.own_dir(report_dir)
        if folder is None:
            return None
        path = (folder / "recording.wav").resolve()  # a link out of the folder is refused too
        return path if path.is_relative_to(self.root) and path.is_file() else None

    def row(self, cid: str, rid: str) -> RecipientStatus:
        for r in self.store.recipients(cid):
            if r.recipient.id == rid:
                return r
        raise KeyError(rid)

    def audit(self, request: Request, session, action: str, cid=None, rid=None) -> None:
        ip = request.client.host if request.client else ""
        self.store.audit(time.time(), session.user, action, ip, cid, rid)

    def render(self, request: Request, session, name: str, title: str, **context) -> Response:
        context.update(title=title, user=session.user, csrf=session.csrf)
        return self.templates.TemplateResponse(request, name, context)


@login_required()
def index(dash: Dashboard, request: Request, session) -> Response:
    campaigns = [(c, progress(dash.store.recipients(c.id))) for c in dash.store.campaigns()]
    return dash.render(request, session, "index.html", "Campaigns", campaigns=campaigns)


@login_required()
def campaign(dash: Dashboard, request: Request, session) -> Response:
    cid = request.path_params["cid"]
    c = dash.store.campaign(cid)
    rows = dash.store.recipients(cid)
    p = progress(rows)
    total = max(p["recipients"], 1)
    bar, x = [], 0.0
    for state, n in p["states"].items():
        if n:
            width = 100 * n / total
            bar.append((state, f"{x:.2f}", f"{width:.2f}", n))
            x += width
    counts = ", ".join(f"{s.replace('_', ' ')} {n}" for s, n in p["states"].items())
    recent = dash.store.audit_rows(
        1, user=session.user, action="view_campaign", campaign_id=cid,
        since=time.time() - VIEW_CAMPAIGN_EVERY_S,
    )  # fmt: skip
    if not recent:
        dash.audit(request, session, "view_campaign", cid)
    return dash.render(
        request,
        session,
        "campaign.html",
        c.name,
        refresh=15,
        c=c,
        rows=rows,
        p=p,
        bar=bar,
        counts=counts,
        callback=needs_call_back(rows, dash.report),
        outcomes=outcome_svg(outcome_counts(dash.store, cid)),
    )


@login_required()
def person(dash: Dashboard, request: Request, session) -> Response:
    cid, rid = request.path_params["cid"], request.path_params["rid"]
    row = dash.row(cid, rid)
    attempts = dash.store.attempts(cid, rid)
    dash.audit(request, session, "view_person", cid, rid)
    return dash.render(
        request,
        session,
        "person.html",
        row.recipient.name,
        cid=cid,
        row=row,
        report=dash.report(row.report_dir),
        recording=dash.recording_path(row.report_dir) is not None,
        facts=dash.memory.load(rid) if dash.memory is not None else [],
        attempts=attempts,
    )


@login_required()
def recording(dash: Dashboard, request: Request, session) -> Response:
    cid, rid = request.path_params["cid"], request.path_params["rid"]
    path = dash.recording_path(dash.row(cid, rid).report_dir)
    if path is None:
        return not_found()
    wanted = request.headers.get("range", "")
    if not wanted or re.match(r"^\s*bytes\s*=\s*0-", wanted, re.I):  # not every seek
        dash.audit(request, session, "play_recording", cid, rid)
    return RangeFileResponse(path, media_type="audio/wav")


@login_required()
def export_csv(dash: Dashboard, request: Request, session) -> Response:
    cid = request.path_params["cid"]
    dash.store.campaign(cid)

    def read(report_dir: str | None) -> dict:
        report = dash.report(report_dir)
        return {**report_summary(report), "summary": report.get("summary")} if report else {}

    text = csv_text(export_rows(dash.store, cid, read), DASHBOARD_EXPORT_FIELDS)
    dash.audit(request, session, "export_csv", cid)
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", cid)[:60] or "campaign"
    return Response(
        text.encode("utf-8"),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )


@login_required(api=True)
def api(dash: Dashboard, request: Request, session) -> Response:
    cid = request.path_params["cid"]
    dash.store.campaign(cid)
    return JSONResponse({"campaign": cid, **progress(dash.store.recipients(cid))})


trends = login_required()(person_trends)
