"""A small stored campaign for the dashboard tests: four people, two answered calls with alerts
(medium and critical), one never reached, one pending; memory of one; one dashboard user."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import soundfile as sf

from campaign import Campaign, DialResult, Outcome, Policy, Recipient, State
from campaign.dashboard.auth import hash_password
from campaign.store import open_store
from dialogue.memory import Fact, MemoryOp, OpKind, SqliteMemoryStore
from dialogue.report import Alert, CallReport, ItemResult, TranscriptEntry

POLICY = Policy("10:00", "18:00", "Asia/Seoul", 2, 60.0, 2)
USER, PASSWORD = "nurse.kim", "correct horse battery"
NAMES = ["Ann Lee", "Bo Kim", "Cy Park", "Di Choi"]


def write_call(folder: Path, name: str, alerts: list[Alert], said: str) -> Path:
    folder.mkdir(parents=True)
    now = datetime(2026, 11, 21, 5, 0, tzinfo=UTC)
    report = CallReport(
        recipient_id=folder.name,
        recipient_name=name,
        scenario_id="daily_checkin_en",
        language="en",
        started=now,
        ended=now,
        reason="completed",
        outcome="completed",
        items=[
            ItemResult(
                item_id="health",
                topic="pain",
                status="answered",
                answer_class="pain",
                evidence=said,
                confidence=0.9,
            )
        ],
        alerts=alerts,
        completion=1.0,
        summary=f"{name} answered 1 of 1 check-in items.",
        transcript=[
            TranscriptEntry(speaker="agent", text="Do you have any pain today?", t=1.0),
            TranscriptEntry(speaker="person", text=said, t=3.0),
        ],
    )
    (folder / "report.json").write_text(report.to_json())
    t = np.arange(8000) / 8000
    stereo = np.stack([0.2 * np.sin(2 * np.pi * 440 * t), 0.2 * np.sin(2 * np.pi * 660 * t)], 1)
    sf.write(folder / "recording.wav", stereo, 8000, subtype="PCM_16")
    return folder


def build(root: Path, names: list[str] = NAMES):
    """(store, memory) under `root`; the calls are in `root/calls` (the output folder)."""
    store = open_store(root / "c.sqlite")
    people = [Recipient(f"r{i}", n, f"+82100000000{i}") for i, n in enumerate(names)]
    store.create(Campaign("heat", "Heat wave check", "daily_checkin_en", POLICY, 0.0), people)
    calls = root / "calls"
    medium = write_call(
        calls / "r0",
        names[0],
        [Alert(kind="flag", severity="medium", note="Reports pain")],
        "my knee hurts",
    )
    critical = write_call(
        calls / "r1",
        names[1],
        [Alert(kind="emergency", severity="critical", note="Fell")],
        "I had a fall",
    )
    for rid, folder in (("r0", medium), ("r1", critical)):
        store.claim("heat", 0.0, "w", 100.0)
        store.begin_attempt("heat", rid, "w", 1.0)
        result = DialResult(Outcome.ANSWERED, call_sid=f"CA{rid}", report_dir=str(folder))
        store.finish_attempt("heat", rid, "w", 1, result, State.COMPLETED, 2.0, 2.0)
    for n in (1, 2):
        store.claim("heat", 10.0, "w", 100.0)
        store.begin_attempt("heat", "r2", "w", 10.0)
        state = State.PENDING if n == 1 else State.GAVE_UP
        store.finish_attempt("heat", "r2", "w", n, DialResult(Outcome.NO_ANSWER), state, 0, 11)
    memory = SqliteMemoryStore(root / "memory.sqlite")
    fact = Fact("pain", "your knee was hurting", "health", datetime(2026, 11, 21, tzinfo=UTC))
    memory.update("r0", [MemoryOp(OpKind.APPEND, fact)])
    store.add_user(USER, hash_password(PASSWORD), time.time())
    return store, memory
