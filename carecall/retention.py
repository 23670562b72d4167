"""Retention and a person's rights: old calls purged, one person's data exported or erased.

A call's folder (`<output>/calls/<call id>/`: recording, transcript, report, call.json) holds
the person's voice and health answers. `purge_calls` deletes folders older than the configured
number of days (`retention_days`; `carecall purge`, and every `campaign run` at start).
`recipient_calls` finds one person's folders by the recipient id their `call.json` names.

Paths: only folder names that are carecall's own call ids (`telephony.files.is_call_sid`) are
touched, each through `telephony.files.inside`; nothing read from a file or a call (a report's
`recording`, a campaign row's `report_dir`) is ever used as a path.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from telephony.files import OutsideFolder, inside, is_call_sid

DAY_S = 86400.0
CALL_FILES = ("call.json", "report.json", "report.txt", "transcript.txt")


@dataclass
class Purged:
    folders: list[Path] = field(default_factory=list)
    bytes: int = 0
    alerts: int = 0  # alerts whose evidence was blanked


def call_folders(calls_dir: Path) -> Iterator[Path]:
    """carecall's call folders under `calls_dir` (named by call id; links are not followed)."""
    try:
        entries = list(os.scandir(calls_dir))
    except FileNotFoundError:
        return
    for entry in sorted(entries, key=lambda e: e.name):
        if not is_call_sid(entry.name) or entry.is_symlink() or not entry.is_dir():
            continue
        try:
            yield inside(calls_dir, entry.name)
        except OutsideFolder:
            continue


def last_written(folder: Path) -> float:
    """When anything of the call was last written (the folder's newest file)."""
    newest = folder.stat().st_mtime
    for entry in os.scandir(folder):
        if entry.is_file(follow_symlinks=False):
            newest = max(newest, entry.stat(follow_symlinks=False).st_mtime)
    return newest


def _size(folder: Path) -> int:
    return sum(
        e.stat(follow_symlinks=False).st_size
        for e in os.scandir(folder)
        if e.is_file(follow_symlinks=False)
    )


def purge_calls(
    calls_dir: Path,
    days: float,
    *,
    now: float | None = None,
    dry_run: bool = False,
    alerts_db: Path | None = None,
) -> Purged:
    """Delete call folders last written more than `days` ago (and blank the evidence of
    alerts as old, in `alerts_db` when it exists). `dry_run`: only say what would go."""
    if days <= 0:
        raise ValueError("retention days must be more than 0")
    cutoff = (time.time() if now is None else now) - days * DAY_S
    out = Purged()
    for folder in call_folders(calls_dir):
        if last_written(folder) >= cutoff:
            continue
        out.folders.append(folder)
        out.bytes += _size(folder)
        if not dry_run:
            shutil.rmtree(folder)
    if alerts_db is not None and alerts_db.is_file() and not dry_run:
        from alerts.outbox import Outbox

        outbox = Outbox(alerts_db)
        try:
            out.alerts = outbox.purge_evidence(cutoff)
        finally:
            outbox.close()
    return out


def call_recipient(folder: Path) -> str | None:
    """The recipient id a call folder's `call.json` names (None when unreadable)."""
    try:
        meta = json.loads(inside(folder, "call.json").read_text(encoding="utf-8"))
        rid = meta.get("parameters", {}).get("recipient")
    except (OSError, ValueError, AttributeError, OutsideFolder):
        return None
    return rid if isinstance(rid, str) else None


def recipient_calls(calls_dir: Path, recipient_id: str) -> list[Path]:
    return [f for f in call_folders(calls_dir) if call_recipient(f) == recipient_id]


def call_export(folder: Path) -> dict:
    """A call folder's text files, for an export (the recording is named, not inlined)."""
    out: dict = {"call": folder.name}
    for name in CALL_FILES:
        try:
            text = inside(folder, name).read_text(encoding="utf-8")
            out[name] = json.loads(text) if name.endswith(".json") else text
        except (OSError, OutsideFolder, ValueError):  # UnicodeDecodeError is a ValueError
            continue
    recording = inside(folder, "recording.wav")
    if recording.is_file() and not recording.is_symlink():
        out["recording.wav"] = str(recording)
    return out
