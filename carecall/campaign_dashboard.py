"""`carecall campaign dashboard`: the care workers' web dashboard over a campaign database."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from campaign.store import open_store


def add_parser(csub: argparse._SubParsersAction, db: Callable[[argparse.ArgumentParser], None]):
    d = csub.add_parser("dashboard", help="web dashboard for care workers (login: carecall users)")
    db(d)
    d.add_argument(
        "--output-dir",
        type=Path,
        default=Path("carecall-campaign"),
        help="the runs' output folder (memory.sqlite; only recordings inside it are served)",
    )
    d.add_argument("--host", default="127.0.0.1")
    d.add_argument("--port", type=int, default=8080)
    d.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        help="a Host name the dashboard answers to, besides 127.0.0.1, localhost and --host "
        "(repeatable; e.g. the name of the TLS proxy in front of it)",
    )
    d.add_argument(
        "--secure-cookies",
        action="store_true",
        help="Secure cookies although uvicorn sees http (a TLS proxy terminates https)",
    )
    d.add_argument("--ssl-certfile", help="serve https with this certificate (PEM)")
    d.add_argument("--ssl-keyfile", help="and this private key (PEM)")
    d.add_argument(
        "--trusted-proxy",
        action="append",
        default=[],
        help="address of a reverse proxy whose X-Forwarded-For is believed (repeatable; default "
        "127.0.0.1): login limits then count the real client, not the proxy",
    )


def dashboard(args: argparse.Namespace) -> int:
    from campaign.dashboard import (
        AuthSettings,
        DashboardError,
        DashboardSettings,
        allowed_hosts,
        check_listen,
        create_app,
        serve,
    )
    from dialogue.memory import SqliteMemoryStore

    store = open_store(args.db)
    try:
        check_listen(store, args.host)
    except DashboardError as exc:
        store.close()
        print(f"carecall campaign dashboard: {exc}", file=sys.stderr)
        return 2
    memory_path = args.output_dir / "memory.sqlite"
    memory = SqliteMemoryStore(memory_path) if memory_path.exists() else None
    settings = DashboardSettings(
        output_dir=args.output_dir,
        allowed_hosts=allowed_hosts(args.host, args.allowed_host),
        auth=AuthSettings(secure_cookies=args.secure_cookies or bool(args.ssl_certfile)),
    )
    scheme = "https" if args.ssl_certfile else "http"
    print(f"carecall dashboard: {scheme}://{args.host}:{args.port}/", flush=True)
    if store.user_count() == 0:
        print("no dashboard user yet: add one with `carecall users add NAME`", flush=True)
    if args.host in ("0.0.0.0", "::") and not args.allowed_host:
        print("only Host 127.0.0.1/localhost is answered: add --allowed-host NAME", flush=True)
    ssl = {"ssl_certfile": args.ssl_certfile, "ssl_keyfile": args.ssl_keyfile}
    if args.trusted_proxy:
        ssl["forwarded_allow_ips"] = ",".join(args.trusted_proxy)
    try:
        serve(create_app(store, memory, settings), args.host, args.port, **ssl)
    finally:
        store.close()
    return 0
