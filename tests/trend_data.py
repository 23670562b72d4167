"""A history of answered calls for trends tests, the README screenshot and the dashboard bench.

`seed_calls(store, root, campaign, people, per_person, days)` writes one report.json per call
(answers of the six English check-in items drawn from a seeded generator, the alerts the
scenario would raise for them) and stores the attempts directly in the store's attempts table
(one transaction: the runner's claim/begin/finish cycle would take minutes for 10,000 calls).
"""

from __future__ import annotations

import json
import random
import time
from datetime import UTC, datetime
from pathlib import Path

# item id, topic, [(answer class, weight, alert severity or None, note)]
ITEMS = [
    ("meal", "meals", [("ate", 6, None, ""), ("little", 2, "low", "Poor appetite"),
                       ("skipped", 1, "low", "Has not eaten today")]),
    ("sleep", "sleep", [("well", 5, None, ""), ("poorly", 3, "low", "Slept poorly")]),
    ("health", "pain", [("none", 5, None, ""), ("pain", 2, "medium", "Reports pain")]),
    ("medication", "medication", [("taken", 6, None, ""), ("missed", 1, "low", "Missed medication"),
                                  ("no_medication", 1, None, "")]),
    ("outing", "going out", [("went_out", 4, None, ""), ("stayed_in", 3, None, "")]),
    ("mood", "mood", [("good", 5, None, ""), ("low", 2, "medium", "Low mood")]),
]  # fmt: skip


def report(rng: random.Random, rid: str, name: str, at: float) -> dict:
    items, alerts = [], []
    for iid, topic, answers in ITEMS:
        if rng.random() < 0.07:
            items.append({"item_id": iid, "topic": topic, "status": "skipped"})
            continue
        cls, _, sev, note = rng.choices(answers, weights=[a[1] for a in answers])[0]
        items.append({"item_id": iid, "topic": topic, "status": "answered", "answer_class": cls})
        if sev:
            alerts.append({"kind": "flag", "severity": sev, "note": note, "item_id": iid})
    if rng.random() < 0.03:
        alerts.append({"kind": "emergency", "severity": "critical", "note": "Reports a fall"})
    started = datetime.fromtimestamp(at, UTC).isoformat()
    return {
        "recipient_id": rid, "recipient_name": name, "scenario_id": "daily_checkin_en",
        "language": "en", "started": started, "ended": started, "reason": "completed",
        "outcome": "completed", "items": items, "alerts": alerts, "completion": 1.0,
        "summary": f"{name} answered the check-in.", "transcript": [],
    }  # fmt: skip


def seed_calls(store, root: Path, campaign: str, people, per_person: int, days: float,
               now: float | None = None, seed: int = 7) -> int:  # fmt: skip
    """`people`: (id, name) pairs already in `campaign`; their calls spread over the past
    `days`, the last one today. Returns the number of calls written."""
    rng = random.Random(seed)
    now = time.time() if now is None else now
    rows = []
    for rid, name in people:
        for n in range(1, per_person + 1):
            at = now - days * 86400 * (per_person - n) / max(per_person - 1, 1) - 3600
            outcome = rng.choices(["answered", "no_answer", "busy"], weights=[8, 2, 1])[0]
            folder = None
            if outcome == "answered":
                folder = root / "calls" / f"{campaign}-{rid}-{n}"
                folder.mkdir(parents=True, exist_ok=True)
                (folder / "report.json").write_text(json.dumps(report(rng, rid, name, at)))
            rows.append((campaign, rid, n, "seed", at, at + 300, outcome, None, "",
                         str(folder) if folder else None))  # fmt: skip
    with store._tx() as cur:  # test data only: straight into the attempts table
        cur.executemany(
            "INSERT INTO attempts (campaign_id, recipient_id, number, owner, started_at,"
            " ended_at, outcome, call_sid, detail, report_dir) VALUES (?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        cur.executemany(
            "UPDATE recipients SET state = 'completed', attempts = ?, report_dir = ?,"
            " last_outcome = 'answered' WHERE campaign_id = ? AND recipient_id = ?",
            [(per_person, r[9], campaign, r[1]) for r in rows if r[2] == per_person and r[9]],
        )
    return len(rows)
