"""`carecall users …`: the dashboard's users (add, list, remove) and its audit log.

Users, sessions and the audit log live in the campaign store (`--db`, the same SQLite file or
PostgreSQL database as the campaigns): see `campaign/accounts.py` for why.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
import time

from campaign.store import DEFAULT_DB, open_store


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("users", help="dashboard users and the audit log of what they viewed")
    usub = p.add_subparsers(dest="action", required=True)

    def db(q: argparse.ArgumentParser) -> None:
        q.add_argument("--db", default=DEFAULT_DB, help="SQLite path or postgresql://… URL")

    a = usub.add_parser("add", help="add a user (asks for the password)")
    a.add_argument("name")
    a.add_argument(
        "--password-stdin", action="store_true", help="read the password from stdin's first line"
    )
    a.add_argument("--replace", action="store_true", help="set a new password for a user")
    db(a)
    db(usub.add_parser("list", help="list users"))
    r = usub.add_parser("remove", help="remove a user and end their sessions")
    r.add_argument("name")
    db(r)
    au = usub.add_parser("audit", help="who logged in, viewed or exported whose data")
    au.add_argument("--user")
    au.add_argument("--recipient")
    au.add_argument("--action", dest="action_filter", help="e.g. view_person, export_csv")
    au.add_argument("--limit", type=int, default=100, help="the newest N rows (default 100)")
    au.add_argument("--json", action="store_true", help="one JSON object per line")
    db(au)


def run(args: argparse.Namespace) -> int:
    from campaign.dashboard.auth import check_user_name, hash_password

    try:  # only `add` may start a database; the others read one that exists
        store = open_store(args.db, must_exist=args.action != "add")
    except ValueError as exc:
        print(f"carecall users: {exc}", file=sys.stderr)
        return 2
    try:
        if args.action == "add":
            name = check_user_name(args.name)
            if args.password_stdin:
                password = sys.stdin.readline().rstrip("\r\n")
            else:
                password = getpass.getpass(f"password for {name}: ")
                if getpass.getpass("again: ") != password:
                    raise ValueError("the passwords differ")
            if not store.add_user(name, hash_password(password), time.time(), args.replace):
                raise ValueError(f"user {name!r} exists (--replace sets a new password)")
            print(f"{'updated' if args.replace else 'added'} user {name}")
        elif args.action == "list":
            for name, created in store.users():
                print(f"{name}\t{time.strftime('%Y-%m-%d %H:%M', time.localtime(created))}")
        elif args.action == "remove":
            if not store.remove_user(args.name):
                raise ValueError(f"no user {args.name!r}")
            print(f"removed user {args.name}; their sessions ended")
        elif args.action == "audit":
            rows = store.audit_rows(args.limit, args.user, args.recipient, args.action_filter)
            for r in rows:
                when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(r.at))
                if args.json:
                    print(json.dumps({**r.__dict__, "time": when}, ensure_ascii=False))
                else:
                    what = "/".join(x for x in (r.campaign_id, r.recipient_id) if x)
                    print(f"{when}\t{r.user}\t{r.action}\t{r.ip}\t{what}")
    except ValueError as exc:
        print(f"carecall users: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    return 0
