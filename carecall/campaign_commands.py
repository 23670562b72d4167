"""`carecall campaign …`: create, run, status, export, dashboard, worker.

This is wiring only: the campaign logic is in `campaign/`; here the simulated dialer gets a call
server, a pipeline and personas, and the Twilio dialer its credentials.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import re
import signal
import sys
import time
import uuid
from pathlib import Path

from campaign import Campaign, Policy
from campaign.recipients import RecipientsError, read_recipients
from campaign.schedule import parse_duration, parse_window, zone
from campaign.store import DEFAULT_DB, open_store

QUICK_SCENARIO = Path(__file__).resolve().parent.parent / "campaign" / "scenarios"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("campaign", help="outreach campaigns: create, run, status, export")
    csub = p.add_subparsers(dest="action", required=True)

    def db(q: argparse.ArgumentParser) -> None:
        q.add_argument("--db", default=DEFAULT_DB, help="SQLite path or postgresql://… URL")

    c = csub.add_parser("create", help="validate a recipients CSV and store a new campaign")
    c.add_argument("--recipients", type=Path, required=True, help="CSV: id,name,phone[,…]")
    c.add_argument("--scenario", required=True, help="shipped scenario name or a YAML path")
    c.add_argument("--window", default="10:00-18:00", help="calling hours, local HH:MM-HH:MM")
    c.add_argument("--tz", default="Asia/Seoul", help="time zone of rows that name none")
    c.add_argument(
        "--region",
        help="country of national numbers in the file (KR: 010-1234-5678 -> +821012345678); "
        "without it every number must be in E.164 form (+82…)",
    )
    c.add_argument("--max-attempts", type=int, default=3)
    c.add_argument("--retry-after", default="30m", help="e.g. 90s, 30m, 2h")
    c.add_argument("--concurrency", type=int, default=4)
    c.add_argument("--name", help="a label for people (default: the CSV's file name)")
    c.add_argument("--id", help="campaign id (default: generated)")
    db(c)

    r = csub.add_parser("run", help="place the campaign's calls (resumes a stopped run)")
    r.add_argument("campaign", nargs="?", help="campaign id (default: the latest)")
    db(r)
    r.add_argument("--dialer", choices=["simulated", "twilio", "celery"], default="simulated")
    r.add_argument("--speed", type=float, default=1.0, help="simulated line clock multiplier")
    r.add_argument("--output-dir", type=Path, default=Path("carecall-campaign"))
    r.add_argument("--lease", default="60s", help="how long a claim outlives a dead runner")
    r.add_argument("--until-idle", action="store_true", help="stop when no call is due now")
    r.add_argument("--quiet", action="store_true")
    r.add_argument("--broker", help="celery dialer: redis://HOST:6379/0 of the workers")
    t = r.add_argument_group("twilio dialer (credentials: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)")
    t.add_argument("--twilio-from", help="the caller id, a Twilio number in E.164 form")
    t.add_argument("--public-url", help="https://HOST where Twilio reaches this machine")
    t.add_argument("--host", default="127.0.0.1", help="call server and callback listen address")
    t.add_argument("--port", type=int, default=8765, help="call server port (/media)")
    t.add_argument("--callback-port", type=int, default=8766, help="status callbacks port")
    r.add_argument("--metrics-port", type=int, help="answer Prometheus GET /metrics on this port")
    r.add_argument(
        "--metrics-host", default="127.0.0.1", help="its address (default: this machine only)"
    )
    r.add_argument("--config", help="YAML file of settings (the alert settings, see config.py)")
    from assembly.alert_settings import add_alert_args

    add_alert_args(r)

    s = csub.add_parser("status", help="progress of a campaign")
    s.add_argument("campaign", nargs="?")
    db(s)
    s.add_argument("--json", action="store_true")

    e = csub.add_parser("export", help="one row per recipient: state, attempts, report")
    e.add_argument("campaign", nargs="?")
    db(e)
    e.add_argument("--format", choices=["csv", "json"], default="csv")
    e.add_argument("--out", type=Path, help="file (default: stdout)")

    from carecall.campaign_worker import add_parser as add_worker_parser

    add_worker_parser(csub)

    from carecall.campaign_dashboard import add_parser as add_dashboard_parser

    add_dashboard_parser(csub, db)


def run_command(args: argparse.Namespace) -> int:
    handler = {
        "create": create,
        "run": run,
        "status": _status,
        "export": _export,
        "dashboard": _dashboard,
        "worker": _worker,
    }[args.action]
    return handler(args)


# -- create --------------------------------------------------------------------------------------


def _scenario_problem(name: str) -> str | None:
    from dialogue import load_scenario
    from scenarios import scenario_path

    try:
        load_scenario(scenario_path(name))
    except FileNotFoundError as exc:
        return f"unknown scenario: {exc}"
    except Exception as exc:
        return f"scenario {name!r} does not load: {str(exc).splitlines()[0]}"
    return None


def _persona_problem(name: str) -> str | None:
    """The simulated dialer finds a recipient's persona by id among the shipped ones."""
    from dialogue.caller import load_persona
    from dialogue.catalogue import is_id
    from scenarios import list_personas, persona_path

    kind, _, index = name.partition(":")
    if kind == "voicemail" and (not index or index.isdigit()):
        return None  # a simulated answering machine (assembly.voicemail_sim)
    if not is_id(name) or name not in list_personas():
        return f"unknown persona {name!r}: not a shipped persona id ({', '.join(list_personas())})"
    try:
        load_persona(persona_path(name))
    except Exception as exc:
        return f"persona {name!r} does not load: {str(exc).splitlines()[0]}"
    return None


def resolve_scenario(name: str) -> str:
    """A shipped name stays a name; a path becomes absolute (runs may start elsewhere)."""
    path = Path(name)
    if path.suffix in (".yaml", ".yml") or path.parent != Path("."):
        return str(path.resolve())
    if not (Path(__file__).resolve().parent.parent / "scenarios" / f"{name}.yaml").exists():
        quick = QUICK_SCENARIO / f"{name}.yaml"
        if quick.exists():
            return str(quick)
    return name


def create(args: argparse.Namespace) -> int:
    problems = []
    try:
        start, end = parse_window(args.window)
    except ValueError as exc:
        problems.append(f"--window: {exc}")
        start, end = "10:00", "18:00"
    try:
        retry_after = parse_duration(args.retry_after)
    except ValueError as exc:
        problems.append(f"--retry-after: {exc}")
        retry_after = 0.0
    try:
        zone(args.tz)
    except ValueError as exc:
        problems.append(f"--tz: {exc}")
    if args.id and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}", args.id):
        problems.append(f"--id {args.id!r}: letters, digits, . _ - (up to 64), no spaces")
    if args.max_attempts < 1:
        problems.append("--max-attempts: must be at least 1")
    if args.concurrency < 1:
        problems.append("--concurrency: must be at least 1")
    scenario = resolve_scenario(args.scenario)
    if problem := _scenario_problem(scenario):
        problems.append(f"--scenario: {problem}")
    if not problems:
        try:
            recipients = read_recipients(
                args.recipients,
                default_timezone=args.tz,
                scenario_ok=lambda n: _scenario_problem(resolve_scenario(n)),
                persona_ok=_persona_problem,
                region=args.region,
            )
        except RecipientsError as exc:
            problems += exc.problems
    if problems:
        for line in problems:
            print(line, file=sys.stderr)
        print(
            f"carecall campaign: {len(problems)} problem(s); nothing stored, nobody called",
            file=sys.stderr,
        )
        return 2
    recipients = [
        dataclasses.replace(r, scenario=resolve_scenario(r.scenario)) if r.scenario else r
        for r in recipients
    ]
    policy = Policy(start, end, args.tz, args.max_attempts, retry_after, args.concurrency)
    cid = args.id or f"{_slug(args.name or args.recipients.stem)}-{uuid.uuid4().hex[:6]}"
    campaign = Campaign(cid, args.name or args.recipients.stem, scenario, policy, time.time())
    store = open_store(args.db)
    try:
        store.create(campaign, recipients)
    finally:
        store.close()
    print(
        f"created campaign {cid}: {len(recipients)} recipients, scenario {args.scenario}, "
        f"calling {start}-{end} ({args.tz} unless a row says otherwise), "
        f"{args.max_attempts} attempts {args.retry_after} apart, {args.concurrency} at a time"
    )
    kept = sorted({k for r in recipients for k in r.attributes})
    if kept:
        print(f"kept as recipient attributes (scenario lines may use them): {', '.join(kept)}")
    print(cid)
    return 0


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "campaign"


def _campaign_id(store, given: str | None) -> str:
    if given:
        store.campaign(given)
        return given
    campaigns = store.campaigns()
    if not campaigns:
        raise KeyError("no campaign in this database; create one first")
    return campaigns[-1].id


# -- run -----------------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> int:
    from campaign.runner import Runner

    store = open_store(args.db, must_exist=True)
    try:
        cid = _campaign_id(store, args.campaign)
        campaign = store.campaign(cid)
        try:
            lease_s = parse_duration(args.lease)
        except ValueError as exc:
            print(f"carecall campaign run: --lease: {exc}", file=sys.stderr)
            return 2

        def event(line: str) -> None:
            if not args.quiet:
                print(f"{time.strftime('%H:%M:%S')} {line}", flush=True)

        _purge_at_start(args)
        try:
            stop_metrics = _metrics(args, store, cid)
        except (OSError, OverflowError) as exc:
            why = getattr(exc, "strerror", None) or exc
            print(
                f"carecall campaign run: --metrics-port {args.metrics_port}: {why}", file=sys.stderr
            )
            return 2
        # The recipients' own scenarios are loaded with the campaign's when the call server
        # starts: calls name them by id, and the server loads nothing while calls run.
        own = sorted({st.recipient.scenario for st in store.recipients(cid)} - {None, ""})

        async def main() -> int:
            from carecall.campaign_dialers import build_dialer

            dialer, close = await build_dialer(args, campaign, own)
            # SIGTERM: stop dialling, end the calls in progress with their reports (the
            # dialer's close), leave unfinished attempts to the next run's recovery.
            loop, me = asyncio.get_running_loop(), asyncio.current_task()
            for sig in (signal.SIGTERM, signal.SIGINT):
                loop.add_signal_handler(sig, me.cancel)
            try:
                runner = Runner(
                    store,
                    cid,
                    dialer,
                    lease_s=lease_s,
                    wait_for_retries=not args.until_idle,
                    on_event=event,
                )
                summary = await runner.run()
            except asyncio.CancelledError:
                print(f"campaign {cid}: stopped; the next run resumes it", flush=True)
                return 143
            finally:
                for sig in (signal.SIGTERM, signal.SIGINT):
                    loop.remove_signal_handler(sig)
                await close()
            print(
                f"campaign {cid}: {summary.attempts} attempts this run, "
                f"{summary.completed} completed, {summary.gave_up} gave up, "
                f"{summary.recovered} recovered, {summary.remaining} not final",
                flush=True,
            )
            return 0

        try:
            return asyncio.run(main())
        finally:
            if stop_metrics is not None:
                stop_metrics()
    finally:
        store.close()


def _metrics(args: argparse.Namespace, store, cid: str):
    """`--metrics-port`: the campaign's and its call server's metrics (observability)."""
    if args.metrics_port is None:
        return None
    from observability.campaign import campaign_registry, serve_metrics

    port, stop = serve_metrics(campaign_registry(store, cid), args.metrics_host, args.metrics_port)
    print(f"metrics: http://{args.metrics_host}:{port}/metrics", flush=True)
    return stop


def _purge_at_start(args: argparse.Namespace) -> None:
    """Calls older than the settings' `retention_days` go before a run makes new ones."""
    from assembly.config import load_settings
    from carecall.retention import purge_calls

    settings = load_settings(args.config, output_dir=args.output_dir)
    if settings.retention_days is None:
        return
    done = purge_calls(
        settings.output_dir / "calls", settings.retention_days, alerts_db=settings.alerts_path
    )
    if done.folders or done.alerts:
        print(
            f"retention ({settings.retention_days:g} days): deleted {len(done.folders)} old "
            f"calls, blanked the evidence of {done.alerts} alerts",
            flush=True,
        )


def _status(args: argparse.Namespace) -> int:
    from carecall.campaign_status import status

    return status(args)


def _export(args: argparse.Namespace) -> int:
    from carecall.campaign_status import export

    return export(args)


def _dashboard(args: argparse.Namespace) -> int:
    from carecall.campaign_dashboard import dashboard

    return dashboard(args)


def _worker(args: argparse.Namespace) -> int:
    from carecall.campaign_worker import worker

    return worker(args)
