"""`carecall purge` and `carecall recipients export|erase`: retention and a person's rights.

Where data is: each output folder (`--output-dir`, or the settings file's; by default every
command's own: carecall-output/, carecall-campaign/, carecall-demo/ that exist) holds call
folders (`calls/`), memory (`memory.sqlite`) and the alert outbox (`alerts.sqlite`); campaign
rows are in the campaign database (`--db`). The logic is in `carecall.retention`.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

from campaign.store import DEFAULT_DB


def add_parsers(sub: argparse._SubParsersAction) -> None:
    def where(q: argparse.ArgumentParser) -> None:
        q.add_argument("--output-dir", type=Path, help="output folder (default: every default)")
        q.add_argument("--config", help="YAML settings (output_dir, retention_days, …)")
        q.add_argument("--db", default=DEFAULT_DB, help="campaign database (used if it exists)")

    p = sub.add_parser("purge", help="delete recordings, transcripts and reports past retention")
    p.add_argument("--days", type=float, help="keep this many days (default: retention_days)")
    p.add_argument("--dry-run", action="store_true", help="only list what would be deleted")
    where(p)

    r = sub.add_parser(
        "recipients", help="one person's data (export, erase) and the do-not-call list"
    )
    rsub = r.add_subparsers(dest="action", required=True)
    from carecall.optout_commands import add_actions

    add_actions(rsub)  # optout, optin, list
    e = rsub.add_parser("export", help="everything kept about one recipient id, as JSON")
    e.add_argument("recipient")
    e.add_argument("--out", type=Path, help="file (default: stdout)")
    where(e)
    x = rsub.add_parser("erase", help="erase one recipient's calls, memory, PII and evidence")
    x.add_argument("recipient")
    x.add_argument("--yes", action="store_true", help="really erase (without it: what would go)")
    where(x)


class _Places:
    """The output folders, memory and alert databases, and campaign store to look at."""

    def __init__(self, args: argparse.Namespace) -> None:
        from assembly.config import load_settings
        from carecall.commands import MEMORY_FOLDERS

        self.settings = load_settings(args.config, output_dir=args.output_dir)
        s = self.settings
        if args.output_dir or args.config:
            self.folders = [(s.output_dir, s.memory_path, s.alerts_path)]
        else:
            self.folders = [
                (f, f / "memory.sqlite", f / "alerts.sqlite") for f in MEMORY_FOLDERS if f.is_dir()
            ]
        self.db = args.db

    def __str__(self) -> str:
        folders = ", ".join(str(f) for f, _m, _a in self.folders) or "no output folder"
        return f"{folders}; campaign database {self.db}"

    def store(self):
        from campaign.store import open_store

        if "://" not in str(self.db) and not Path(self.db).is_file():
            return None
        return open_store(self.db, must_exist=True)


def run(args: argparse.Namespace) -> int:
    from campaign.store import StoreError

    try:
        places = _Places(args)
        if args.command == "purge":
            return purge(args, places)
        if args.action == "export":
            return export(args, places)
        return erase(args, places)
    except StoreError as exc:
        print(f"carecall {args.command}: {exc}", file=sys.stderr)
        return 2


def purge(args: argparse.Namespace, places: _Places, *, quiet: bool = False) -> int:
    from carecall.retention import purge_calls

    days = args.days if args.days is not None else places.settings.retention_days
    if days is None:
        print(
            "carecall purge: no retention period: give --days N, or retention_days: N in the "
            "settings file (--config)",
            file=sys.stderr,
        )
        return 2
    if days <= 0:
        print("carecall purge: --days must be more than 0", file=sys.stderr)
        return 2
    verb = "would delete" if args.dry_run else "deleted"
    for folder, _memory, alerts in places.folders:
        done = purge_calls(folder / "calls", days, dry_run=args.dry_run, alerts_db=alerts)
        if args.dry_run:
            for f in done.folders:
                print(f"would delete {f}")
        if not quiet or done.folders or done.alerts:
            print(
                f"{folder}: {verb} {len(done.folders)} calls older than {days:g} days "
                f"({done.bytes / 1e6:.1f} MB), blanked the evidence of {done.alerts} alerts"
            )
    if not places.folders and not quiet:
        print("carecall purge: no output folder here (give --output-dir)")
    return 0


def _collect(args: argparse.Namespace, places: _Places) -> dict:
    from alerts.outbox import Outbox
    from carecall.retention import call_export, recipient_calls
    from dialogue.memory import SqliteMemoryStore

    rid = args.recipient
    out: dict = {"recipient": rid, "campaigns": [], "memory": [], "calls": [], "alerts": []}
    store = places.store()
    if store is not None:
        try:
            for cid, st in store.find_recipient(rid):
                row = dataclasses.asdict(st)
                row["attempts_made"] = [dataclasses.asdict(a) for a in store.attempts(cid, rid)]
                out["campaigns"].append({"campaign": cid, **row})
        finally:
            store.close()
    for folder, memory, alerts in places.folders:
        if memory.is_file():
            m = SqliteMemoryStore(memory)
            out["memory"] += [dataclasses.asdict(f) for f in m.load(rid)]
            m.close()
        out["calls"] += [call_export(f) for f in recipient_calls(folder / "calls", rid)]
        if alerts.is_file():
            box = Outbox(alerts)
            out["alerts"] += box.recipient_alerts(rid)
            box.close()
    return out


def export(args: argparse.Namespace, places: _Places) -> int:
    from telephony.files import write_private

    data = _collect(args, places)
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
    counts = {k: len(v) for k, v in data.items() if isinstance(v, list)}
    if not any(counts.values()):
        print(
            f"carecall recipients: nothing kept about {args.recipient} in {places}", file=sys.stderr
        )
    if args.out:
        try:
            write_private(args.out, text)  # owner-only: it is the person's health data
        except OSError as exc:
            print(f"carecall recipients: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
            return 2
        print(f"wrote {args.out}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    else:
        sys.stdout.write(text)
    return 0


def erase(args: argparse.Namespace, places: _Places) -> int:
    import shutil

    from alerts.outbox import Outbox
    from carecall.retention import recipient_calls
    from dialogue.memory import SqliteMemoryStore

    rid = args.recipient
    data = _collect(args, places)
    summary = (
        f"{len(data['calls'])} call folders, {len(data['memory'])} memory facts, "
        f"{len(data['campaigns'])} campaign rows, {len(data['alerts'])} alerts' evidence"
    )
    if not args.yes:
        print(f"would erase for {rid}: {summary}; run again with --yes to erase")
        return 1
    store = places.store()
    if store is not None:
        try:
            store.erase_recipient(rid, time.time())
        finally:
            store.close()
    for folder, memory, alerts in places.folders:
        for call in recipient_calls(folder / "calls", rid):
            shutil.rmtree(call)
        if memory.is_file():
            m = SqliteMemoryStore(memory)
            m.forget(rid)
            m.close()
        if alerts.is_file():
            box = Outbox(alerts)
            box.erase_evidence(rid)
            box.close()
    print(f"erased for {rid}: {summary}")
    return 0
