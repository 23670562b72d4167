"""The `carecall` command line: serve, phone, demo, eval, and tools for scenarios, memory and
voices."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
from pathlib import Path

from assembly.alert_settings import ALERT_KEYS, add_alert_args
from assembly.config import ConfigError, load_settings
from telephony.turn import TURN_OPTION_NAMES, TurnOptions

log = logging.getLogger("carecall")


def _settings_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", help="YAML file of settings (see assembly/config.py)")
    p.add_argument("--language", choices=["en", "ko"])
    p.add_argument("--scenario", help="shipped scenario name or a YAML path")
    p.add_argument("--asr-model", help="Whisper model name or local checkpoint (.pt)")
    p.add_argument("--asr-device", help="cpu or cuda")
    p.add_argument("--tts", choices=["espeak", "coqui"], help="the agent's voice backend")
    p.add_argument("--tts-model", help="Coqui model name or checkpoint path")
    p.add_argument("--voice", help="voice name of the backend (e.g. en-us+f3)")
    p.add_argument("--vad", choices=["silero", "webrtc"])
    p.add_argument(
        "--asr-workers",
        type=int,
        help="recognizer processes (0: in threads; default: auto, see config)",
    )
    p.add_argument("--max-call-s", type=float, help="end a call after this much line time")
    p.add_argument(
        "--llm",
        choices=["none", "transformers", "openai"],
        help="an LLM words turns and reads answers (default none: templates)",
    )
    p.add_argument("--llm-model", help="LLM folder/hub name, or the server's model name")
    p.add_argument("--llm-url", help="OpenAI-compatible server, e.g. http://127.0.0.1:8000/v1")
    p.add_argument("--output-dir", type=Path, help="where calls, memory and caches are written")
    p.add_argument(
        "--speed", type=float, help="clock multiplier for simulated calls (1 = real time)"
    )
    for name in TURN_OPTION_NAMES:  # defaults and reasons: telephony/turn.py, TurnOptions
        default = getattr(TurnOptions, name)
        flag, dest = "--turn-" + name.replace("_", "-"), f"turn_{name}"
        what = _metavar(name)
        p.add_argument(flag, type=float, dest=dest, metavar=what, help=f"(default {default})")


def _metavar(option: str) -> str:
    """What a turn option's number is, for --help: a probability, a count or seconds."""
    if option.startswith("vad") or option.endswith("threshold"):
        return "P"
    if option.endswith("_turns"):
        return "N"
    return "SECONDS"


def _settings(args: argparse.Namespace, **extra):
    keys = [
        "language",
        "scenario",
        "asr_model",
        "asr_device",
        "tts",
        "tts_model",
        "voice",
        "vad",
        "asr_workers",
        "max_call_s",
        "llm",
        "llm_model",
        "llm_url",
        "output_dir",
        "speed",
        "live_calls",
        *ALERT_KEYS,
    ]
    values = {k: getattr(args, k, None) for k in keys}
    turn = {n: getattr(args, f"turn_{n}", None) for n in TURN_OPTION_NAMES}
    values["turn"] = {n: v for n, v in turn.items() if v is not None} or None
    values.update(extra)
    return load_settings(getattr(args, "config", None), **values)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="carecall", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="log what every stage does")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("serve", help="run the call server (Twilio Media Streams at /media)")
    _settings_args(p)
    add_alert_args(p)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--token", help="refuse connections that do not present this token")
    p.add_argument("--public-url", help="the wss:// base URL Twilio dials (what it signs)")
    p.add_argument(
        "--allow-insecure",
        action="store_true",
        default=None,
        help="listen on a non-loopback address with no authentication (closed test networks)",
    )
    p.add_argument(
        "--http-port",
        type=int,
        help="answer Twilio's voice webhook (/twiml) and status callbacks (/twilio/status) on "
        "this port (needs CARECALL_TWILIO_AUTH_TOKEN and --public-url); see docs/deploy.md",
    )
    p.add_argument("--db", help="campaign database: incoming callers are recognized by number")
    p.add_argument(
        "--live-calls",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="write calls in progress to OUTPUT_DIR/live/ for the dashboard's live page "
        "(default on; setting live_calls)",
    )

    p = sub.add_parser(
        "token",
        help="issue a per-call token (needs CARECALL_CALL_SECRET) and print the TwiML for it",
    )
    p.add_argument("--config", help="YAML file of settings (see assembly/config.py)")
    p.add_argument("--recipient", required=True, help="recipient id (never a name or number)")
    p.add_argument("--scenario", dest="token_scenario", help="scenario id the call must use")
    p.add_argument("--ttl", type=float, default=3600.0, help="seconds the token is valid")
    p.add_argument("--url", default="wss://HOST/media", help="the call server's media URL")

    p = sub.add_parser("phone", help="call a server with a simulated person")
    p.add_argument("--url", required=True, help="ws://HOST:PORT/media")
    p.add_argument("--persona", required=True, type=Path, help="persona YAML")
    p.add_argument("--token")
    p.add_argument("--scenario", help="scenario to ask the server for (default: the persona's)")
    p.add_argument("--out", type=Path, default=Path("phone-recording.wav"), help="stereo WAV")
    p.add_argument("--speed", type=float, default=1.0)
    p.add_argument("--json", action="store_true", help="print the result as one JSON line")

    p = sub.add_parser("demo", help="a whole simulated check-in call on 127.0.0.1")
    _settings_args(p)
    add_alert_args(p)
    p.add_argument("--persona", type=Path, help="persona YAML (default: the shipped one)")
    p.add_argument(
        "--out", type=Path, help="output folder (default: --output-dir, else carecall-demo)"
    )

    p = sub.add_parser("scenario", help="scenario tools")
    ssub = p.add_subparsers(dest="action", required=True)
    v = ssub.add_parser("validate", help="check scenario YAML files; errors name file, line, field")
    v.add_argument("files", nargs="+", type=Path)
    ssub.add_parser("list", help="list the shipped scenarios")

    p = sub.add_parser("memory", help="what carecall remembers about a person")
    msub = p.add_subparsers(dest="action", required=True)
    for name in ("show", "forget"):
        m = msub.add_parser(name)
        m.add_argument("recipient")
        m.add_argument("--output-dir", type=Path)
        m.add_argument("--config")

    p = sub.add_parser("tts", help="voices")
    tsub = p.add_subparsers(dest="action", required=True)
    t = tsub.add_parser("say", help="synthesize TEXT to a WAV file")
    t.add_argument("text")
    t.add_argument("--voice", default=None, help="e.g. espeak:en-us+f3, espeak:ko, flite:slt")
    t.add_argument("--language", default="en", choices=["en", "ko"])
    t.add_argument("--rate", type=float, default=1.0)
    t.add_argument("--tts-model", help="Coqui model name or checkpoint path (voice coqui:...)")
    t.add_argument("--line", action="store_true", help="as heard on an 8 kHz μ-law phone line")
    t.add_argument("--out", type=Path, required=True)

    from carecall.asr_commands import add_parsers

    add_parsers(sub)  # asr eval|tune, fixtures build

    from carecall.campaign_commands import add_parser as add_campaign_parser

    add_campaign_parser(sub)
    from carecall.user_commands import add_parser as add_users_parser

    add_users_parser(sub)  # dashboard users and audit log
    from carecall import eval_commands

    eval_commands.add_parser(sub, _settings_args)
    from carecall import safety_commands

    safety_commands.add_parser(sub)  # safety eval
    from carecall import privacy_commands

    privacy_commands.add_parsers(sub)  # purge, recipients export|erase|optout|optin|list
    from carecall import chat_commands

    chat_commands.add_parser(sub)  # chat: the agent by text
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)
    # Recordings, reports, transcripts, memory and campaign databases hold health data:
    # everything this process creates is owner-only (0600 files, 0700 folders).
    os.umask(0o077)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    from dialogue.yamlfile import ScenarioError

    try:
        return _dispatch(args)
    except (ConfigError, ScenarioError) as exc:  # a bad file or setting: its message, no trace
        print(f"carecall: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a sentence for whoever runs it; -v keeps the traceback
        if args.verbose:
            raise
        print(f"carecall {args.command}: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("(run with -v for the details)", file=sys.stderr)
        return 1


def _dispatch(args: argparse.Namespace) -> int:
    from carecall import commands

    if args.command == "serve":
        settings = _settings(
            args,
            host=args.host,
            port=args.port,
            token=args.token,
            public_url=args.public_url,
            allow_insecure=args.allow_insecure,
        )
        return commands.serve(settings, http_port=args.http_port, db=args.db)
    if args.command == "token":
        return commands.issue_token(_settings(args), args)
    if args.command == "phone":
        try:
            result = asyncio.run(commands.phone(args))
        except (OSError, TimeoutError) as exc:
            print(f"carecall phone: cannot connect to {args.url}: {exc}", file=sys.stderr)
            return 2
        except Exception as exc:  # websockets: a bad URL, or the server refused the call
            from websockets.exceptions import InvalidHandshake, InvalidURI

            if not isinstance(exc, InvalidHandshake | InvalidURI):
                raise
            print(f"carecall phone: cannot connect to {args.url}: {exc}", file=sys.stderr)
            return 2
        if args.json:
            print(json.dumps(result))
        else:
            print(f"call ended: {result['reason']}; recording: {result['recording']}")
        return 0
    if args.command == "demo":
        # The demo simulates the line at 2x real time by default so that a whole six-item call
        # fits in under a minute; turn-taking counts audio samples, so it behaves the same.
        extra = {} if args.speed else {"speed": commands.DEMO_SPEED}
        out = args.out or args.output_dir or Path("carecall-demo")
        return commands.demo(_settings(args, **extra), persona=args.persona, out=out)
    if args.command == "scenario":
        return commands.scenario(args)
    if args.command == "memory":
        return commands.memory(args)
    if args.command == "tts":
        return commands.tts_say(args)
    if args.command == "eval":
        from carecall import eval_commands

        return eval_commands.run(args, _settings)
    if args.command == "chat":
        from carecall import chat_commands

        return chat_commands.run(args)
    if args.command == "safety":
        from carecall import safety_commands

        return safety_commands.run(args)
    if args.command in ("asr", "fixtures"):
        from carecall import asr_commands

        return asr_commands.run(args)

    if args.command == "campaign":
        from campaign.sqlstore import CampaignExists
        from campaign.store import StoreError
        from carecall.campaign_commands import run_command

        try:
            return run_command(args)
        except KeyError as exc:
            print(f"carecall campaign: {exc.args[0]}", file=sys.stderr)
            return 2
        except (StoreError, CampaignExists) as exc:
            print(f"carecall campaign: {exc}", file=sys.stderr)
            return 2
    if args.command == "recipients" and args.action in ("optout", "optin", "list"):
        from carecall.optout_commands import run as run_optout

        return run_optout(args)
    if args.command in ("purge", "recipients"):
        from carecall import privacy_commands

        return privacy_commands.run(args)
    if args.command == "users":
        from carecall.user_commands import run as run_users

        return run_users(args)
    raise AssertionError(args.command)
