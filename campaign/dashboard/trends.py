"""Trends: a person's answers over the past weeks, alerts on the same time line, as SVG drawn on
the server (no script, no CDN: the CSP allows none), and a campaign's outcome distribution.

`person_calls` gathers a person's answered calls from every campaign of the store (a person
called daily is usually in many), each with its report; `trend_svg` draws one row per check-in
item (meals, sleep, pain, medication, outings, mood: whatever the scenario asks, in its order,
in any language), one lane per answer class, a dot per call: green when that answer raised no
alert, coloured by severity when it did, grey for a question left unanswered. The bottom row
marks every alert of every call (its note in a tooltip), and a faint line carries each alert
time up through the rows. `outcome_svg` draws a campaign's attempts per outcome.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape

from markupsafe import Markup

SEVERITY_RANK = {"info": 0, "low": 1, "medium": 2, "high": 3, "critical": 4}
DAY = 86400.0
LEFT, RIGHT, TOP, LANE, GAP = 170, 20, 30, 16, 14  # layout, in SVG units
WIDTH = 900
NO_ANSWER = "no answer"


@dataclass
class TrendCall:
    at: float  # epoch seconds
    answers: dict[str, str]  # item id -> answer class, or NO_ANSWER
    flagged: dict[str, str]  # item id -> the highest severity of the alerts it raised
    alerts: list[dict] = field(default_factory=list)  # severity, note, kind


@dataclass
class Item:
    id: str
    topic: str
    lanes: list[str] = field(default_factory=list)  # answer classes seen, calm ones first


def _when(report: dict, fallback: float) -> float:
    try:
        return datetime.fromisoformat(str(report.get("started"))).timestamp()
    except (TypeError, ValueError):
        return fallback


def person_calls(store, rid: str, read_report, since: float) -> list[TrendCall]:
    """The person's answered calls since `since`, from every campaign, oldest first."""
    calls = []
    for c in store.campaigns():
        for a in store.attempts(c.id, rid):
            if not a.report_dir or (a.started_at or 0) < since - DAY:
                continue
            report = read_report(a.report_dir)
            if not report:
                continue
            at = _when(report, a.started_at)
            if at < since:
                continue
            answers, flagged = {}, {}
            for item in report.get("items") or []:
                iid = str(item.get("item_id") or "")
                if not iid:
                    continue
                answered = item.get("status") == "answered" and item.get("answer_class")
                answers[iid] = str(item["answer_class"]) if answered else NO_ANSWER
            alerts = [a for a in report.get("alerts") or [] if isinstance(a, dict)]
            for alert in alerts:
                iid = alert.get("item_id")
                sev = str(alert.get("severity") or "info")
                if iid and SEVERITY_RANK.get(sev, 0) >= SEVERITY_RANK.get(flagged.get(iid), -1):
                    flagged[iid] = sev
            calls.append(TrendCall(at, answers, flagged, alerts))
    calls.sort(key=lambda c: c.at)
    return calls


def items_of(calls: list[TrendCall], reports_items: list[dict] | None = None) -> list[Item]:
    """The check-in items in the order the calls asked them; lanes: answers that never raised
    an alert on top, then those that did, then "no answer"."""
    items: dict[str, Item] = {}
    for it in reports_items or []:
        iid = str(it.get("item_id") or "")
        if iid and iid not in items:
            items[iid] = Item(iid, str(it.get("topic") or iid))
    raised: dict[str, set[str]] = {}
    seen: dict[str, Counter] = {}
    for call in calls:
        for iid, answer in call.answers.items():
            items.setdefault(iid, Item(iid, iid))
            seen.setdefault(iid, Counter())[answer] += 1
            if iid in call.flagged:
                raised.setdefault(iid, set()).add(answer)
    for iid, item in items.items():
        answers = seen.get(iid, Counter())
        flagged = raised.get(iid, set())

        def rank(answer: str, flagged=flagged, answers=answers) -> tuple:
            return (answer == NO_ANSWER, answer in flagged, -answers[answer], answer)

        item.lanes = sorted(answers, key=rank)
    return [i for i in items.values() if i.lanes]


def _x(at: float, start: float, end: float) -> float:
    span = max(end - start, 1.0)
    return LEFT + (WIDTH - LEFT - RIGHT) * (at - start) / span


def _sev(severity: str) -> str:
    return severity if severity in SEVERITY_RANK else "info"


def trend_svg(calls: list[TrendCall], items: list[Item], start: float, end: float) -> Markup:
    """One SVG: a row per item, a row of alerts, a date axis (weekly ticks)."""
    parts = []
    y = TOP
    rows = []
    for item in items:
        height = LANE * len(item.lanes)
        rows.append((item, y, height))
        y += height + GAP
    alert_y = y + 6
    height = alert_y + 30 + 24
    e = escape
    parts.append(
        f'<svg class="trends" id="trend-chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="answers and alerts over time" xmlns="http://www.w3.org/2000/svg">'
    )
    # weekly ticks, labelled with the date
    first = math.floor(start / (7 * DAY)) * 7 * DAY
    tick = first
    while tick <= end:
        if tick >= start:
            x = _x(tick, start, end)
            day = datetime.fromtimestamp(tick, UTC).strftime("%b %d")
            parts.append(
                f'<line class="grid" x1="{x:.1f}" y1="{TOP - 8}" x2="{x:.1f}" y2="{alert_y + 24}"/>'
            )
            parts.append(f'<text class="tick" x="{x:.1f}" y="{height - 6}">{e(day)}</text>')
        tick += 7 * DAY
    # alert times carried up through every row
    for call in calls:
        if call.alerts:
            x = _x(call.at, start, end)
            top = max((_sev(str(a.get("severity"))) for a in call.alerts), key=SEVERITY_RANK.get)
            parts.append(
                f'<line class="alert-line sev-line-{top}" x1="{x:.1f}" y1="{TOP - 8}" '
                f'x2="{x:.1f}" y2="{alert_y + 12}"/>'
            )
    for item, top, h in rows:
        parts.append(f'<g class="trend-row" data-item="{e(item.id)}">')
        parts.append(
            f'<text class="row-label" x="4" y="{top + h / 2 + 4:.1f}">{e(item.topic)}</text>'
        )
        parts.append(
            f'<rect class="row-bg" x="{LEFT}" y="{top}" width="{WIDTH - LEFT - RIGHT}" '
            f'height="{h}"/>'
        )
        for lane, answer in enumerate(item.lanes):
            ly = top + LANE * lane + LANE / 2
            parts.append(
                f'<text class="lane-label" x="{LEFT - 6}" y="{ly + 4:.1f}">'
                f"{e(answer.replace('_', ' '))}</text>"
            )
        for call in calls:
            answer = call.answers.get(item.id)
            if answer is None:
                continue
            ly = top + LANE * item.lanes.index(answer) + LANE / 2
            x = _x(call.at, start, end)
            if answer == NO_ANSWER:
                cls = "dot none"
            elif item.id in call.flagged:
                cls = f"dot sev-dot-{_sev(call.flagged[item.id])}"
            else:
                cls = "dot ok"
            day = datetime.fromtimestamp(call.at, UTC).strftime("%Y-%m-%d")
            parts.append(
                f'<circle class="{cls}" cx="{x:.1f}" cy="{ly:.1f}" r="5">'
                f"<title>{e(day)}: {e(item.topic)}: {e(answer)}</title></circle>"
            )
        parts.append("</g>")
    parts.append(f'<text class="row-label" x="4" y="{alert_y + 16}">alerts</text>')
    for call in calls:
        x = _x(call.at, start, end)
        for i, a in enumerate(
            sorted(call.alerts, key=lambda a: -SEVERITY_RANK.get(a.get("severity"), 0))
        ):
            sev = _sev(str(a.get("severity")))
            yy = alert_y + 4 + i * 4
            day = datetime.fromtimestamp(call.at, UTC).strftime("%Y-%m-%d")
            note = f"{day}: {sev}: {a.get('note') or a.get('kind') or ''}"
            parts.append(
                f'<path class="alert-mark sev-dot-{sev}" d="M{x:.1f},{yy} l6,12 h-12 z">'
                f"<title>{e(note)}</title></path>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def outcome_svg(counts: dict[str, int]) -> Markup:
    """Horizontal bars: attempts per outcome, the most common first."""
    total = max(sum(counts.values()), 1)
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    height = 22 * len(ordered) + 6
    parts = [
        f'<svg class="outcomes" id="outcomes" viewBox="0 0 600 {height}" role="img" '
        f'aria-label="attempts per outcome" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (outcome, n) in enumerate(ordered):
        y = 4 + 22 * i
        width = 380 * n / total
        label = escape(outcome.replace("_", " "))
        parts.append(f'<text class="row-label" x="4" y="{y + 14}">{label}</text>')
        parts.append(
            f'<rect class="outcome-{escape(outcome)}" x="130" y="{y}" '
            f'width="{width:.1f}" height="16"><title>{label}: {n}</title></rect>'
        )
        parts.append(
            f'<text class="count" x="{136 + width:.1f}" y="{y + 14}">'
            f"{n} ({100 * n / total:.0f}%)</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def window(calls_end: float | None, weeks: int, now: float | None = None) -> tuple[float, float]:
    end = max(now or time.time(), calls_end or 0.0)
    return end - weeks * 7 * DAY, end


# -- the pages -----------------------------------------------------------------------------------

MAX_WEEKS = 104


def weeks_of(value: str | None, default: int = 8) -> int:
    try:
        weeks = int(value) if value else default
    except ValueError:
        return default
    return min(max(weeks, 1), MAX_WEEKS)


def person_trends(dash, request, session):
    """`/c/<cid>/p/<rid>/trends?weeks=N` (1-104, default 8): the person's calls from every
    campaign over the past N weeks; when their last call is older, the N weeks up to it."""
    cid, rid = request.path_params["cid"], request.path_params["rid"]
    row = dash.row(cid, rid)
    weeks = weeks_of(request.query_params.get("weeks"))
    now = time.time()
    calls = person_calls(dash.store, rid, dash.report, 0.0)
    end = now
    if calls and calls[-1].at < now - weeks * 7 * DAY:
        end = calls[-1].at + DAY
    start = end - weeks * 7 * DAY
    shown = [c for c in calls if start <= c.at <= end]
    latest = dash.report(row.report_dir) or {}
    items = items_of(shown, latest.get("items"))
    dash.audit(request, session, "view_trends", cid, rid)
    return dash.render(
        request,
        session,
        "trends.html",
        f"{row.recipient.name}: trends",
        cid=cid,
        row=row,
        weeks=weeks,
        calls=len(shown),
        alerts=sum(len(c.alerts) for c in shown),
        chart=trend_svg(shown, items, start, end) if shown else None,
        start=datetime.fromtimestamp(start, UTC).strftime("%Y-%m-%d"),
        end=datetime.fromtimestamp(end, UTC).strftime("%Y-%m-%d"),
    )


def outcome_counts(store, cid: str) -> dict[str, int]:
    return dict(Counter(a.outcome or "in_progress" for a in store.attempts(cid)))
