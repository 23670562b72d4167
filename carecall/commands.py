"""What each `carecall` subcommand does, once its arguments are parsed."""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from assembly.builders import WeightsMissing
from assembly.config import Settings, load_settings
from assembly.pipeline import Pipeline
from assembly.serving import serve_calls

DEFAULT_PERSONAS = {"en": "margaret_en", "ko": "kim_ko"}
DEMO_SPEED = 2.0


def _calls(settings: Settings, **server):
    """The call server of `serve` and `demo` (assembly.serving), or None when a model it
    needs is missing (said on stderr)."""
    try:
        return serve_calls(settings, **server)
    except WeightsMissing as exc:
        print(f"carecall: {exc}", file=sys.stderr)
        return None


def serve(settings: Settings, *, http_port: int | None = None, db: str | None = None) -> int:
    from telephony.auth import bind_problem
    from telephony.server import InsecureServer

    # Checked before the models load (CallServer.start checks the same, with the same words).
    authenticated = bool(settings.token or settings.call_secret or settings.twilio_auth_token)
    if problem := bind_problem(settings.host, authenticated, settings.allow_insecure):
        print(f"carecall: {problem}", file=sys.stderr)
        return 2
    if http_port is not None and not (settings.twilio_auth_token and settings.public_url):
        print(
            "carecall: --http-port answers Twilio: it needs CARECALL_TWILIO_AUTH_TOKEN (or "
            "twilio_auth_token in the settings) and --public-url wss://HOST",
            file=sys.stderr,
        )
        return 2
    store = None
    if db:
        from campaign.store import open_store

        store = open_store(db, must_exist=True)
    calls = _calls(settings)
    if calls is None:
        return 2
    phone_url = _add_softphone(calls.server, settings)
    stop_http = None

    async def run() -> None:
        loop = asyncio.get_running_loop()
        stopping = asyncio.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stopping.set)
        port = await calls.start()
        print(f"carecall: listening on ws://{settings.host}:{port}/media", flush=True)
        if phone_url:
            print(f"carecall: softphone at {phone_url.format(port=port)}", flush=True)
        if http_port is not None:
            nonlocal stop_http
            stop_http = _serve_twilio_http(settings, calls.pipeline, calls.server, http_port, store)
        await stopping.wait()
        ended = await calls.stop()
        print(f"carecall: stopped; {ended} calls in progress were ended and saved", flush=True)

    try:
        asyncio.run(run())
    except InsecureServer as exc:
        print(f"carecall: {exc}", file=sys.stderr)
        return 2
    finally:
        if stop_http is not None:
            stop_http()
        if store is not None:
            store.close()
        calls.close()
    return 0


def _add_softphone(server, settings: Settings) -> str | None:
    """The browser softphone at /phone on the call server's port (`telephony.softphone`); its
    URL when it can be used: the page's key is the shared token, and a browser cannot sign
    its call as Twilio does (without a token, /phone says so: 403)."""
    from telephony.softphone import add_softphone

    add_softphone(server)
    if not settings.token or settings.twilio_auth_token:
        return None
    return f"http://{settings.host}:{{port}}/phone?token=<the --token>"


def _serve_twilio_http(settings: Settings, pipeline: Pipeline, server, port: int, store):
    """`/twiml` and `/twilio/status` for a number pointed straight at carecall."""
    from urllib.parse import urlsplit

    from campaign.twilio_dialer import StatusCallbacks
    from carecall.twiml import TwilioWebhooks, serve_webhooks, status_recorder

    host = urlsplit(settings.public_url).netloc
    token = settings.twilio_auth_token
    webhooks = TwilioWebhooks(
        token,
        f"https://{host}",
        stream_url=f"wss://{host}/media",
        tokens=server.gate.tokens,
        scenario=pipeline.default_scenario.id,
        callers=store.recipient_by_phone if store is not None else None,
        callbacks=StatusCallbacks(token, f"https://{host}", status_recorder(pipeline.calls_dir)),
    )
    _, stop = serve_webhooks(webhooks, settings.host, port)
    print(f"carecall: Twilio webhooks on http://{settings.host}:{port}/twiml", flush=True)
    return stop


def issue_token(settings: Settings, args: argparse.Namespace) -> int:
    from html import escape

    from telephony.auth import CallTokens

    if not settings.call_secret:
        print("carecall: set CARECALL_CALL_SECRET (the server's call secret)", file=sys.stderr)
        return 2
    token = CallTokens(settings.call_secret).issue(
        args.recipient, args.token_scenario, ttl_s=args.ttl
    )
    print(token)
    print(
        f'<Response><Connect><Stream url="{escape(args.url)}">'
        f'<Parameter name="token" value="{token}"/></Stream></Connect></Response>',
        file=sys.stderr,
    )
    return 0


async def phone(args: argparse.Namespace) -> dict:
    from assembly.simulation import PersonaPerson, build_ears
    from dialogue import load_scenario
    from dialogue.caller import load_persona
    from scenarios import scenario_path
    from telephony.phone import PhoneOptions, SimulatedPhone

    persona = load_persona(args.persona)
    scenario_name = args.scenario or persona.scenario or f"daily_checkin_{persona.language}"
    scenario = load_scenario(scenario_path(scenario_name))
    ears = build_ears(scenario, persona)
    person = PersonaPerson(persona, scenario, ears)
    options = PhoneOptions(
        speed=args.speed,
        token=args.token,
        parameters={
            "recipient": persona.recipient_id,
            "name": persona.name,
            "scenario": scenario.id,  # the server takes ids, never paths, from the wire
            "language": persona.language,
        },
    )
    result = await SimulatedPhone(person, options).call(args.url, args.out)
    return {
        "reason": result.reason,
        "recording": str(result.recording) if result.recording else None,
        "said": result.said,
        "heard": person.heard,
        "marks_echoed": result.marks_echoed,
        "cleared": result.cleared,
        "barge_ins": result.barge_ins,
        "dtmf": result.dtmf,
    }


def demo(settings: Settings, *, persona: Path | None, out: Path) -> int:
    """Server in this process, the simulated phone in a child process, both on 127.0.0.1."""
    from scenarios import persona_path

    out = out.resolve()
    settings = settings.model_copy(update={"output_dir": out, "port": 0})
    persona = persona or persona_path(DEFAULT_PERSONAS[settings.language])
    from dialogue.caller import load_persona

    load_persona(persona)  # a missing or broken persona file: said now, not after a timeout
    started = time.monotonic()
    calls = _calls(settings, port=0)
    if calls is None:
        return 2
    server, pipeline = calls.server, calls.pipeline
    recording = out / "recording.wav"

    async def run() -> dict:
        url = f"ws://127.0.0.1:{await calls.start()}/media"
        cmd = [
            sys.executable,
            "-m",
            "carecall",
            "phone",
            "--url",
            url,
            "--persona",
            str(persona),
            "--out",
            str(recording),
            "--speed",
            str(settings.speed),
            "--json",
            "--scenario",
            settings.scenario_name,
        ]
        if settings.token:
            cmd += ["--token", settings.token]
        print(
            f"carecall demo: calling {persona.stem} over {url} (line simulated at "
            f"{settings.speed:g}x real time; --speed 1 for real time) ...",
            flush=True,
        )
        proc = await asyncio.create_subprocess_exec(*cmd, stdout=subprocess.PIPE)
        stdout, _ = await proc.communicate()
        sessions = await server.wait_for_calls(1, timeout=30)
        await calls.stop(drain=False)
        if proc.returncode != 0:
            raise RuntimeError(f"the simulated phone failed (exit {proc.returncode})")
        result = json.loads(stdout.decode().strip().splitlines()[-1])
        result["call_sid"] = sessions[0].call.call_sid if sessions[0].call else None
        return result

    try:
        result = asyncio.run(run())
    except RuntimeError as exc:
        print(f"carecall demo: {exc}", file=sys.stderr)
        return 1
    finally:
        calls.close()
    call_dir = pipeline.calls_dir / (result["call_sid"] or "")
    for name in ("transcript.txt", "report.txt", "report.json"):
        src = call_dir / name
        if src.exists():
            (out / name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    print("\n=== Transcript (what was heard on the line) ===")
    print((out / "transcript.txt").read_text(encoding="utf-8"))
    print("=== Call report ===")
    print((out / "report.txt").read_text(encoding="utf-8"))
    print(_against_truths(persona, out / "report.json"))
    print(f"call ended: {result['reason']} after {time.monotonic() - started:.1f} s wall time")
    print(
        f"wrote {out}/: recording.wav (left: person, right: agent), transcript.txt, "
        f"report.txt, report.json; server-side copies in {call_dir}"
    )
    return 0


def scenario(args: argparse.Namespace) -> int:
    from dialogue.scenario import validate_file
    from scenarios import list_scenarios

    if args.action == "list":
        from carecall.campaign_commands import QUICK_SCENARIO

        for name in list_scenarios():
            print(name)
        for path in sorted(QUICK_SCENARIO.glob("*.yaml")):  # campaign create finds them by name
            print(
                f"{path.stem}  (campaign scenario: carecall campaign create --scenario "
                f"{path.stem}; elsewhere --scenario {path})"
            )
        return 0
    failed = 0
    for path in args.files:
        errors = validate_file(path)
        for error in errors:
            print(error, file=sys.stderr)
        if errors:
            failed += 1
        else:
            print(f"{path}: ok")
    return 1 if failed else 0


# Where each command keeps memory by default: `serve` (and settings), `campaign run`, `demo`.
MEMORY_FOLDERS = (Path("carecall-output"), Path("carecall-campaign"), Path("carecall-demo"))


def memory_paths(args: argparse.Namespace) -> list[Path]:
    """The memory databases `memory show|forget` (and `recipients`) look at: the one of
    --output-dir or the settings file when given; else those of every command's default
    output folder here (a campaign's memory is in carecall-campaign/, not carecall-output/)."""
    settings = load_settings(getattr(args, "config", None), output_dir=args.output_dir)
    if args.output_dir or getattr(args, "config", None):
        return [settings.memory_path]
    return [folder / "memory.sqlite" for folder in MEMORY_FOLDERS]


def memory(args: argparse.Namespace) -> int:
    from dialogue.memory import SqliteMemoryStore

    looked = memory_paths(args)
    found = [p for p in looked if p.is_file()]
    if not found:  # never make an empty database just to say it is empty
        print(
            f"carecall memory: no memory database: looked for {', '.join(map(str, looked))}. "
            "Give --output-dir, the folder of `carecall serve` or `campaign run --output-dir`.",
            file=sys.stderr,
        )
        return 2
    for path in found:
        store = SqliteMemoryStore(path)
        try:
            if args.action == "forget":
                store.forget(args.recipient)
                print(f"forgot everything about {args.recipient} in {path}")
                continue
            facts = store.load(args.recipient)
        finally:
            store.close()
        if not facts:
            print(f"nothing remembered about {args.recipient} in {path}")
        for fact in facts:
            print(f"{fact.key}: {fact.value}  (item {fact.item_id}, updated {fact.updated_at})")
    return 0


def tts_say(args: argparse.Namespace) -> int:
    import soundfile as sf

    from assembly.voices import make_synthesizer, parse_voice

    backend, voice = parse_voice(args.voice)
    synth = make_synthesizer(backend, args.tts_model)
    audio = synth.synthesize(args.text, language=args.language, voice=voice, rate=args.rate)
    if args.line:
        from telephony.phone import line_audio

        audio = line_audio(audio)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    sf.write(args.out, audio.samples, audio.sample_rate)
    print(f"wrote {args.out} ({audio.duration:.2f} s at {audio.sample_rate} Hz)")
    return 0


def _against_truths(persona_file: Path, report_file: Path) -> str:
    """The simulated person's written-down truths against what the report extracted."""
    from dialogue.caller import load_persona

    truths = load_persona(persona_file).truths
    if not truths or not report_file.exists():
        return "no truths to compare with"
    got = {i["item_id"]: i["answer_class"] for i in json.loads(report_file.read_text())["items"]}
    wrong = [f"{k}: {got.get(k)} (truth {v})" for k, v in truths.items() if got.get(k) != v]
    right = len(truths) - len(wrong)
    return f"report vs the persona's truths: {right}/{len(truths)} items right" + (
        "; wrong: " + ", ".join(wrong) if wrong else ""
    )
