"""Building the dialers for `carecall campaign run` (and the workers): simulated, Twilio, Celery.

The simulated dialer gets a call server and pipeline in this process and personas for the
simulated people. Twilio must reach two things on this machine through `--public-url` (a
reverse proxy with TLS): `wss://HOST/media` (the call server, `--port`) and
`https://HOST/twilio/status` (the status callbacks, `--callback-port`).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import secrets
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from assembly.alert_settings import alert_overrides, enable_handoff
from assembly.config import ConfigError
from campaign import Campaign, DialRequest, DialResult, Outcome
from campaign.twilio_dialer import StatusCallbacks, TwilioDialer


async def build_dialer(args: argparse.Namespace, campaign: Campaign, scenarios: Iterable[str] = ()):
    """The dialer for `campaign run`, and a coroutine function that shuts it down.
    `scenarios`: the recipients' own scenarios, loaded at start with the campaign's."""
    if args.dialer == "celery":
        from campaign.celery_dialer import CeleryDialer, make_app

        if not args.broker:
            raise ConfigError("the celery dialer needs --broker redis://HOST:6379/0")

        async def nothing() -> None:
            return None

        return CeleryDialer(make_app(args.broker)), nothing
    if args.dialer == "twilio":
        return await build_twilio_dialer(args, campaign, scenarios)
    return await build_simulated_dialer(
        campaign.scenario,
        args.output_dir,
        args.speed,
        scenarios=scenarios,
        config=getattr(args, "config", None),
        alerts=alert_overrides(args),
    )


class ScenarioIds:
    """A dialer whose calls name their scenario by id. A campaign stores the operator's
    reference (a shipped name, or the path of their own YAML); the call server takes only ids
    from the wire, and the pipeline, which loaded every reference at start, knows each id."""

    def __init__(self, dialer, pipeline) -> None:
        self.dialer = dialer
        self.pipeline = pipeline

    def __getattr__(self, name: str):
        return getattr(self.dialer, name)

    def _by_id(self, request: DialRequest) -> DialRequest:
        # The recipient's attributes reach the call's dialogue through the pipeline, in this
        # process, as names do: nothing of them goes over the line (Twilio's or a websocket).
        r = request.recipient
        if r.attributes:
            self.pipeline.attributes[r.id] = dict(r.attributes)
        else:
            self.pipeline.attributes.pop(r.id, None)
        return dataclasses.replace(request, scenario=self.pipeline.scenario(request.scenario).id)

    async def dial(self, request: DialRequest) -> DialResult:
        from dialogue.catalogue import UnknownScenario

        try:
            request = self._by_id(request)
        except UnknownScenario as exc:
            return DialResult(Outcome.FAILED, detail=str(exc))
        return await self.dialer.dial(request)

    async def resume(self, request: DialRequest) -> DialResult | None:
        return await self.dialer.resume(self._by_id(request))


async def build_simulated_dialer(
    scenario_name: str,
    output_dir: Path,
    speed: float,
    *,
    ears: bool = True,
    scenarios: Iterable[str] = (),
    config: str | None = None,
    alerts: dict | None = None,
):
    """A call server in this process and simulated phones for it. `ears=False`: the simulated
    people do not recognize the agent's speech and answer in their script's order (cheaper;
    the call server's side is unchanged). The simulated people are shipped personas, named by
    id in the recipients file. `config`, `alerts`: a settings YAML and alert settings (flags)."""
    from assembly.config import load_settings
    from assembly.serving import serve_calls
    from assembly.simulation import PersonaPerson, build_ears
    from campaign.simulated import SimulatedDialer
    from carecall.commands import DEFAULT_PERSONAS
    from dialogue import load_scenario
    from dialogue.catalogue import Catalogue, load_personas
    from scenarios import scenario_path

    language = load_scenario(scenario_path(scenario_name)).language
    settings = load_settings(
        config,
        scenario=scenario_name,
        language=language,
        output_dir=output_dir.resolve(),
        port=0,
        speed=speed,
        **(alerts or {}),
    )
    loop = asyncio.get_running_loop()
    calls = await loop.run_in_executor(None, lambda: serve_calls(settings, scenarios=scenarios))
    pipeline = calls.pipeline
    people = Catalogue(pipeline.catalogue.scenarios, personas=load_personas())
    await calls.start()

    def person(request):
        scenario = pipeline.scenario(request.scenario)
        if (request.recipient.persona or "").startswith("voicemail"):  # an answering machine
            from assembly.voicemail_sim import VoicemailPerson

            index = request.recipient.persona.partition(":")[2]
            machine = VoicemailPerson(scenario.language, int(index or 0), request.recipient.name)
            return machine, scenario.language
        persona = people.persona(request.recipient.persona or DEFAULT_PERSONAS[scenario.language])
        hearing = build_ears(scenario, persona) if ears else None
        return PersonaPerson(persona, scenario, hearing), scenario.language

    dialer = SimulatedDialer(calls.server, person, pipeline.calls_dir, speed=speed)

    async def close() -> None:
        await calls.shut()  # calls in progress end with their reports (and alerts)

    return ScenarioIds(dialer, pipeline), close


def twilio_problem(args: argparse.Namespace) -> str | None:
    """What the Twilio dialer lacks (credentials, caller id, public URL), or None."""
    sid, token = os.environ.get("TWILIO_ACCOUNT_SID"), os.environ.get("TWILIO_AUTH_TOKEN")
    missing = [n for n, v in (("TWILIO_ACCOUNT_SID", sid), ("TWILIO_AUTH_TOKEN", token)) if not v]
    if missing:
        return f"the twilio dialer needs {' and '.join(missing)} in the environment"
    if not args.twilio_from or not args.public_url:
        return "the twilio dialer needs --twilio-from and --public-url"
    public = urlsplit(args.public_url)
    if public.scheme != "https" or not public.netloc:
        return f"--public-url {args.public_url!r}: must be https://HOST"
    return None


async def build_twilio_dialer(
    args: argparse.Namespace, campaign: Campaign, scenarios: Iterable[str] = (), client=None
):
    """The Twilio dialer with its call server and webhooks in this process (`campaign run`,
    and each `campaign worker --dialer twilio`). `client`: a twilio.rest.Client (tests)."""
    from twilio.rest import Client

    from assembly.config import load_settings
    from assembly.serving import serve_calls
    from dialogue import load_scenario
    from scenarios import scenario_path

    if problem := twilio_problem(args):
        raise ConfigError(problem)
    sid, token = os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"]
    public = urlsplit(args.public_url)
    language = load_scenario(scenario_path(campaign.scenario)).language
    # Authenticated end to end: every handshake must carry Twilio's signature (the account's
    # auth token) and every call a per-call token this process signs (its secret: the
    # configured CARECALL_CALL_SECRET, else a random one that lives as long as the process).
    call_secret = os.environ.get("CARECALL_CALL_SECRET") or secrets.token_hex(32)
    settings = load_settings(
        getattr(args, "config", None),
        scenario=campaign.scenario,
        language=language,
        output_dir=args.output_dir.resolve(),
        host=args.host,
        port=args.port,
        call_secret=call_secret,
        twilio_auth_token=token,
        public_url=f"wss://{public.netloc}",
        **alert_overrides(args),
    )
    calls = serve_calls(settings, scenarios=scenarios)
    pipeline, server = calls.pipeline, calls.server
    from carecall.twiml import TwilioWebhooks, serve_webhooks, status_recorder

    callbacks = StatusCallbacks(token, args.public_url, status_recorder(pipeline.calls_dir))
    webhooks = TwilioWebhooks(
        token,
        args.public_url,
        stream_url=f"wss://{public.netloc}/media",
        tokens=server.gate.tokens,
        scenario=pipeline.default_scenario.id,
        callbacks=callbacks,
    )
    dialer = TwilioDialer(
        client or Client(sid, token),
        callbacks,
        from_number=args.twilio_from,
        stream_url=f"wss://{public.netloc}/media",
        calls_dir=pipeline.calls_dir,
        tokens=server.gate.tokens,
    )
    pipeline.names = dialer.names
    callbacks.on_machine = pipeline.machine_answered  # Twilio's AMD: leave the voicemail
    enable_handoff(pipeline.alerts, settings, dialer.client)  # alert_handoff: oncall|emergency
    await calls.start()
    # /twilio/status for the campaign's calls; /twiml answers the number's incoming calls too
    _, stop_callbacks = serve_webhooks(webhooks, args.host, args.callback_port)
    dialer = ScenarioIds(dialer, pipeline)

    async def close() -> None:
        stop_callbacks()
        await calls.shut()  # calls in progress end with their reports

    return dialer, close
