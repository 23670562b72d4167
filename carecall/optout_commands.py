"""`carecall recipients optout|optin|list`: the do-not-call list by hand.

The list lives in the campaign store (`--db`) and every campaign run against that store skips
its numbers (`campaign.donotcall`); calls add to it themselves when a person asks, on the call,
not to be called again (`dialogue.optout`). Numbers are given as in the recipients file.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import UTC, datetime

from campaign.recipients import normalize_phone
from campaign.store import DEFAULT_DB, open_store


def add_actions(rsub: argparse._SubParsersAction) -> None:
    """`optout`, `optin`, `list` under `carecall recipients` (whose parser is in
    `carecall.privacy_commands`, beside `export` and `erase`)."""

    def db(q: argparse.ArgumentParser) -> None:
        q.add_argument("--db", default=DEFAULT_DB, help="SQLite path or postgresql://… URL")

    o = rsub.add_parser("optout", help="never call PHONE again, in any campaign")
    o.add_argument("phone", help="E.164 (+821012345678), or national with --region")
    o.add_argument("--region", help="the country of a national number, e.g. KR")
    o.add_argument("--note", default="", help="why (e.g. 'asked by letter')")
    db(o)
    i = rsub.add_parser("optin", help="take PHONE off the do-not-call list")
    i.add_argument("phone")
    i.add_argument("--region", help="the country of a national number, e.g. KR")
    db(i)
    ls = rsub.add_parser("list", help="the do-not-call list")
    ls.add_argument("--json", action="store_true")
    db(ls)


def run(args: argparse.Namespace) -> int:
    phone = None
    if args.action in ("optout", "optin"):
        phone = normalize_phone(args.phone, getattr(args, "region", None))
        if phone is None:
            print(f"carecall recipients: {args.phone!r} is not a phone number", file=sys.stderr)
            return 2
    store = open_store(args.db)
    try:
        if args.action == "optout":
            added = store.opt_out(phone, time.time(), "cli", args.note)
            print(f"{phone} {'added to' if added else 'already on'} the do-not-call list")
        elif args.action == "optin":
            removed = store.opt_in(phone)
            print(f"{phone} {'removed from' if removed else 'was not on'} the do-not-call list")
        else:
            entries = store.do_not_call()
            if args.json:
                print(json.dumps([e.__dict__ for e in entries], indent=2, ensure_ascii=False))
            for e in [] if args.json else entries:
                when = datetime.fromtimestamp(e.added_at, UTC).strftime("%Y-%m-%d %H:%M")
                print(f"{e.phone}  {when}  {e.source}  {e.note}".rstrip())
            if not args.json and not entries:
                print("the do-not-call list is empty")
    finally:
        store.close()
    return 0
