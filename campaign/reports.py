"""What a campaign reads of an answered call's report (`report.json` in the call's folder)."""

from __future__ import annotations

import json
from pathlib import Path

from campaign.model import Outcome


def load_report(report_dir: str | Path | None) -> dict | None:
    """The call report (`report.json`) an answered attempt left in its folder; None when
    there is none or it cannot be read."""
    if not report_dir:
        return None
    try:
        return json.loads((Path(report_dir) / "report.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def answered_outcome(report: dict | None) -> Outcome:
    """An answered call's outcome: `voicemail` when an answering machine took it (the call
    report's outcome, see `assembly.answering`), else `answered`."""
    return Outcome.VOICEMAIL if (report or {}).get("outcome") == "voicemail" else Outcome.ANSWERED


def report_summary(report: dict | None) -> dict:
    """What a campaign keeps of a call report: outcome, completion, number of alerts."""
    if report is None:
        return {}
    return {
        "outcome": report.get("outcome"),
        "completion": report.get("completion"),
        "alerts": len(report.get("alerts", [])),
    }
