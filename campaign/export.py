"""One row per recipient of a campaign, as CSV that a spreadsheet opens safely.

Shared by `carecall campaign export` and the dashboard's `/c/<campaign>/export.csv`. Names,
summaries and outcomes come from recipient lists and from what people said on the phone: a cell
that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel and
LibreOffice (`=HYPERLINK(...)` sends the reader to a site, DDE runs programs), so such a cell
gets a leading `'` (OWASP, CSV injection). E.164 phone numbers begin with `+` and are therefore
written `'+8210…`: the spreadsheet shows them as text instead of reading a number.
"""

from __future__ import annotations

import csv
import io

from campaign import load_report, report_summary

EXPORT_FIELDS = [
    "id",
    "name",
    "phone",
    "state",
    "attempts",
    "last_outcome",
    "call_sid",
    "outcome",
    "completion",
    "alerts",
    "summary",
    "report_dir",
]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def report_fields(report_dir: str | None) -> dict:
    report = load_report(report_dir)
    if report is None:
        return {}
    return {
        **report_summary(report),
        "alert_notes": [a.get("note") for a in report.get("alerts", [])],
        "summary": report.get("summary"),
    }


def export_rows(store, cid: str, read_report=report_fields) -> list[dict]:
    """`read_report(report_dir)` may refuse folders (the dashboard reads only its own)."""
    rows = []
    for r in store.recipients(cid):
        rep = read_report(r.report_dir)
        rows.append(
            {
                "id": r.recipient.id,
                "name": r.recipient.name,
                "phone": r.recipient.phone,
                "state": r.state.value,
                "attempts": r.attempts,
                "last_outcome": r.last_outcome,
                "call_sid": r.call_sid,
                "outcome": rep.get("outcome"),
                "completion": rep.get("completion"),
                "alerts": rep.get("alerts"),
                "summary": rep.get("summary"),
                "report_dir": r.report_dir,
            }
        )
    return rows


def safe_cell(value: object) -> object:
    """A text cell that a spreadsheet would take for a formula, prefixed with `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(rows: list[dict], fields: list[str] = EXPORT_FIELDS) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fields, extrasaction="ignore")
    writer.writerow({f: safe_cell(f) for f in fields})
    for row in rows:
        writer.writerow({k: safe_cell(v) for k, v in row.items()})
    return buf.getvalue()
