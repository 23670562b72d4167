"""Wiring the Twilio dialer for `carecall campaign run --dialer twilio`.

Twilio must reach two things on this machine through `--public-url` (a reverse proxy with TLS):
`wss://HOST/media` (the call server, `--port`) and `https://HOST/twilio/status` (the status
callbacks, `--callback-port`).
"""

from __future__ import annotations

import argparse
import os
from urllib.parse import urlsplit

from campaign import Campaign
from campaign.twilio_dialer import StatusCallbacks, TwilioDialer, serve_callbacks
from carecall.config import ConfigError


async def build_twilio_dialer(args: argparse.Namespace, campaign: Campaign):
    from twilio.rest import Client

    from carecall.commands import _server
    from carecall.config import load_settings
    from carecall.pipeline import Pipeline
    from dialogue import load_scenario
    from scenarios import scenario_path

    sid, token = os.environ.get("TWILIO_ACCOUNT_SID"), os.environ.get("TWILIO_AUTH_TOKEN")
    missing = [n for n, v in (("TWILIO_ACCOUNT_SID", sid), ("TWILIO_AUTH_TOKEN", token)) if not v]
    if missing:
        raise ConfigError(f"the twilio dialer needs {' and '.join(missing)} in the environment")
    if not args.twilio_from or not args.public_url:
        raise ConfigError("the twilio dialer needs --twilio-from and --public-url")
    public = urlsplit(args.public_url)
    if public.scheme != "https" or not public.netloc:
        raise ConfigError(f"--public-url {args.public_url!r}: must be https://HOST")
    language = load_scenario(scenario_path(campaign.scenario)).language
    settings = load_settings(
        None,
        scenario=campaign.scenario,
        language=language,
        output_dir=args.output_dir.resolve(),
        host=args.host,
        port=args.port,
    )
    pipeline = Pipeline(settings)
    pipeline.warm()
    server = _server(settings, pipeline)
    await server.start()
    callbacks = StatusCallbacks(token, args.public_url)
    _, stop_callbacks = serve_callbacks(callbacks, args.host, args.callback_port)
    dialer = TwilioDialer(
        Client(sid, token),
        callbacks,
        from_number=args.twilio_from,
        stream_url=f"wss://{public.netloc}/media",
        calls_dir=pipeline.calls_dir,
    )

    async def close() -> None:
        stop_callbacks()
        await server.stop()

    return dialer, close
