"""`carecall campaign status` and `export`: what a campaign's store holds, for people."""

from __future__ import annotations

import argparse
import json
import sys

from campaign import FINAL_STATES, State
from campaign.export import csv_text, export_rows, report_fields
from campaign.store import open_store
from carecall.campaign_commands import _campaign_id


def status_of(store, cid: str) -> dict:
    campaign = store.campaign(cid)
    rows = store.recipients(cid)
    counts = {s.value: 0 for s in State}
    for r in rows:
        counts[r.state.value] += 1
    attempts = store.attempts(cid)
    outcomes: dict[str, int] = {}
    for a in attempts:
        outcomes[a.outcome or "in progress"] = outcomes.get(a.outcome or "in progress", 0) + 1
    alerts = sum(report_fields(r.report_dir).get("alerts", 0) > 0 for r in rows)
    return {
        "campaign": cid,
        "name": campaign.name,
        "scenario": campaign.scenario,
        "recipients": len(rows),
        "states": counts,
        "final": sum(r.state in FINAL_STATES for r in rows),
        "attempts": len(attempts),
        "outcomes": outcomes,
        "people_with_alerts": alerts,
        "max_attempts_used": max((r.attempts for r in rows), default=0),
        "policy": campaign.policy.__dict__,
    }


def status(args: argparse.Namespace) -> int:
    store = open_store(args.db, must_exist=True)
    try:
        info = status_of(store, _campaign_id(store, args.campaign))
    finally:
        store.close()
    if args.json:
        print(json.dumps(info, indent=2))
        return 0
    states = ", ".join(f"{k} {v}" for k, v in info["states"].items())
    outcomes = ", ".join(f"{k} {v}" for k, v in sorted(info["outcomes"].items())) or "none"
    print(f"campaign {info['campaign']} ({info['name']}, {info['scenario']})")
    print(f"  recipients {info['recipients']}: {states}; final {info['final']}")
    print(f"  attempts {info['attempts']}: {outcomes}")
    print(f"  people with alerts: {info['people_with_alerts']}")
    return 0


def export(args: argparse.Namespace) -> int:
    store = open_store(args.db, must_exist=True)
    try:
        rows = export_rows(store, _campaign_id(store, args.campaign))
    finally:
        store.close()
    if args.format == "json":
        text = json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    else:
        text = csv_text(rows)  # formula-like cells escaped (campaign.export)
    if args.out:
        try:
            args.out.write_text(text, encoding="utf-8")
        except OSError as exc:
            print(
                f"carecall campaign export: cannot write {args.out}: {exc.strerror}",
                file=sys.stderr,
            )
            return 2
        print(f"wrote {len(rows)} rows to {args.out}")
    else:
        sys.stdout.write(text)
    return 0
