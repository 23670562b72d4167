"""`serve_calls(settings)`: the one assembly of a call server, for every caller.

`carecall serve` and `demo`, the evaluation's audio calls, the campaign dialers and the
benches all serve calls the same way: a `Pipeline` whose recognizer follows one policy
(`serving_recognizer`), a `CallServer` whose options come from the settings in one place
(`server_options`, `session_options`), and one lifecycle (`Calls.start`, `stop`, `close`)
that starts and ends what the pipeline runs beside the calls (alert delivery, recognizer
worker processes).

Seams for what changes next: the recognizer is built in `serving_recognizer` only, and the
per-call options (turn-taking, limits, VAD) in `session_options` only.
"""

from __future__ import annotations

import asyncio
import dataclasses
import threading
from collections.abc import Iterable
from concurrent.futures import Executor
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assembly.config import Settings
from telephony import AgentFactory
from telephony.limits import LimitOptions
from telephony.options import SessionOptions
from telephony.server import CallServer, ServerOptions

if TYPE_CHECKING:  # the models' side is imported when a pipeline is built, not before
    from asr import Recognizer
    from assembly.pipeline import Pipeline
    from dialogue.scenario import Scenario


def serving_recognizer(settings: Settings, scenario: Scenario) -> Recognizer:
    """The recognizer calls use: a pool of `settings.recognizer_processes` worker processes
    when that is not 0 (pocketsphinx by default: it holds the GIL for a whole decode, and from
    a thread it would stall every call's audio), each turn streamed to one worker while it is
    spoken (`assembly.streamworkers`); else in the server's threads (Whisper: torch releases
    the GIL)."""
    from assembly.builders import build_recognizer

    if workers := settings.recognizer_processes:
        from assembly.streamworkers import StreamingPool

        # each turn is streamed to one worker while it is spoken (decoded as it arrives)
        return StreamingPool(partial(build_recognizer, settings, scenario), workers)
    return build_recognizer(settings, scenario)


def build_pipeline(settings: Settings, *, scenarios: Iterable[str | Path] = ()) -> Pipeline:
    """The pipeline calls are served with: its recognizer by `serving_recognizer`, its fixed
    prompts synthesized. Raises `WeightsMissing` when a model it needs is not here."""
    from assembly.pipeline import Pipeline

    pipeline = Pipeline(settings, scenarios=scenarios, recognizer=serving_recognizer)
    try:
        pipeline.warm()
    except BaseException:
        close_pipeline(pipeline)
        raise
    return pipeline


class HeldAlerts:
    """The alert sink of simulated calls (`serve_calls(deliver_alerts=False)`: the
    evaluation's): each alert is kept here, in this process (`held`), and none is written to an
    outbox, so none is left pending for a later `carecall serve` on the same outbox to send to
    real on-call contacts. `configured` and `channels` are the real sink's, so the dialogue
    says what it would say with these settings ("I have told your care worker")."""

    def __init__(self, like) -> None:
        self.configured: bool = bool(like.configured)
        self.channels: list[str] = list(like.channels)
        self.held: list = []  # alerts.Alert, in the order raised
        self._lock = threading.Lock()

    def raise_alert(self, call_sid, recipient_id, category, severity, evidence):
        from alerts import Alert

        alert = Alert.new(call_sid, recipient_id, category, severity, evidence)
        with self._lock:
            self.held.append(alert)
        return alert

    def hand_off(self, call_sid: str) -> bool:
        return False  # nobody to hand a simulated call to

    def start(self) -> None:
        pass

    def close(self, timeout_s: float = 10.0) -> None:
        pass


def hold_alerts(pipeline: Pipeline) -> HeldAlerts:
    """The pipeline's alerts held in this process from now on (its own sink is closed; it
    opens its outbox only on first use, so none was made)."""
    if not isinstance(pipeline.alerts, HeldAlerts):
        real = pipeline.alerts
        pipeline.alerts = HeldAlerts(real)
        real.close()
    return pipeline.alerts


def close_pipeline(pipeline: Pipeline) -> None:
    """Stop what a pipeline started: recognizer worker processes, and the alert dispatcher
    (after the calls were drained: what it could not deliver stays pending in the outbox for
    the next start)."""
    close = getattr(pipeline.recognizer, "close", None)
    if close is not None:
        close()
    pipeline.alerts.close()


def session_options(settings: Settings, recordings_dir: Path | None) -> SessionOptions:
    """Every call's options (turn-taking, limits, VAD, line speed), from the settings."""
    return SessionOptions(
        vad=settings.vad,
        speed=settings.speed,
        recordings_dir=recordings_dir,
        max_call_s=settings.max_call_s,
        turn=settings.turn_options(),
        limits=LimitOptions(
            start_timeout_s=settings.start_timeout_s,
            media_timeout_s=settings.media_timeout_s,
            max_wall_s=settings.max_wall_s,
        ),
    )


def server_options(
    settings: Settings, recordings_dir: Path | None, **overrides: Any
) -> ServerOptions:
    """The server's options from the settings; `overrides`: other `ServerOptions` fields
    (`max_calls`, `keep_finished`, ...) for one caller's needs."""
    options = ServerOptions(
        host=settings.host,
        port=settings.port,
        token=settings.token,
        call_secret=settings.call_secret,
        twilio_auth_token=settings.twilio_auth_token,
        public_url=settings.public_url,
        allow_insecure=settings.allow_insecure,
        max_message_bytes=settings.max_message_bytes,
        session=session_options(settings, recordings_dir),
    )
    unknown = sorted(set(overrides) - {f.name for f in dataclasses.fields(ServerOptions)})
    if unknown:
        raise TypeError(f"serve_calls: unknown server option {unknown[0]!r}")
    return dataclasses.replace(options, **overrides)


@dataclasses.dataclass
class Calls:
    """A call server assembled from settings, with the pipeline that answers its calls (None
    where the caller brought its own agents). `start()` in the event loop, `stop()` there,
    then `close()` (any thread; also when `start()` never ran)."""

    settings: Settings
    server: CallServer
    pipeline: Pipeline | None
    deliver_alerts: bool = True
    _closed: bool = False

    async def start(self) -> int:
        """Listen, and start delivering the pipeline's alerts; returns the port."""
        await self.server.start()
        if (
            self.pipeline is not None and self.deliver_alerts
        ):  # delivers alerts (and what an earlier run left pending)
            await asyncio.get_running_loop().run_in_executor(None, self.pipeline.alerts.start)
        return self.server.port

    async def stop(self, *, drain: bool = True) -> int:
        """Stop accepting calls; `drain`: end the calls in progress with their reports (reason
        `server_shutdown`) and return how many were; else close their sockets."""
        if drain:
            return await self.server.drain()
        await self.server.stop()
        return 0

    async def shut(self) -> int:
        """`stop()` (draining), then `close()` off the event loop (alert delivery may take
        seconds to stop); returns how many calls in progress were ended."""
        ended = await self.stop()
        await asyncio.get_running_loop().run_in_executor(None, self.close)
        return ended

    def close(self) -> None:
        """End what the pipeline runs beside the calls (once; after `stop`)."""
        if self._closed:
            return
        self._closed = True
        if self.pipeline is not None:
            close_pipeline(self.pipeline)


def serve_calls(
    settings: Settings,
    *,
    pipeline: Pipeline | None = None,
    agents: AgentFactory | None = None,
    scenarios: Iterable[str | Path] = (),
    record: bool = True,
    deliver_alerts: bool = True,
    executor: Executor | None = None,
    **server: Any,
) -> Calls:
    """The call server for `settings`, not started yet.

    `pipeline`: one built already (`build_pipeline`), else one is built here, unless `agents`
    (a `telephony.AgentFactory`) answers the calls without one (the benches' canned agent).
    `scenarios`: more scenarios calls may name, for a pipeline built here. `record`: write
    each call's stereo recording into the pipeline's calls folder. `deliver_alerts`: start
    delivering the pipeline's alerts (webhook, SMS) with the server; off (the evaluation's
    simulated calls), they are held in this process (`HeldAlerts`), never written to the
    outbox nor delivered. `executor`: where model
    calls run (default: the server's own threads). `server`: `ServerOptions` fields that
    override the settings' (`port`, `max_calls`, `keep_finished`, ...)."""
    server_options(settings, None, **server)  # a wrong option: said before any model loads
    if pipeline is None and agents is None:
        pipeline = build_pipeline(settings, scenarios=scenarios)
    factory = agents if agents is not None else pipeline.agent_factory  # type: ignore[union-attr]
    recordings = pipeline.calls_dir if (record and pipeline is not None) else None
    options = server_options(settings, recordings, **server)
    call_server = CallServer(factory, options, executor)
    if pipeline is not None:
        from observability.attach import attach

        if not deliver_alerts:  # before attach: the held sink is the one counted
            hold_alerts(pipeline)
        # /metrics, each call's turn timings in its call.json, calls in progress for the
        # dashboard unless `live_calls` is off (observability)
        attach(call_server, pipeline, token=settings.token, live=settings.live_calls)
    return Calls(settings, call_server, pipeline, deliver_alerts)
