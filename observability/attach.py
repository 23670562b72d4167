"""Fitting a call server and its pipeline with metrics, per-turn timings and the live view.

`attach(server, pipeline, token=…, live=…)` is all the assembly does
(`assembly.serving.serve_calls`):
- `/metrics` on the server's own port (`observability.metrics.route`);
- the pipeline's recognizer and alert sink wrapped to be counted;
- after each call, its turns' timings into its `call.json` (`observability.turns`);
- with `live` (the `live_calls` setting, on by default), calls in progress written to
  `<output-dir>/live/` for the dashboard (`observability.live`); without it, no file there.
"""

from __future__ import annotations

import logging
from pathlib import Path

from observability.live import LiveLog, LiveTap
from observability.metrics import (
    METRICS_PATH,
    CallMetrics,
    CountingAlerts,
    CountingRecognizer,
    route,
)
from observability.turns import save_turn_timings

log = logging.getLogger("carecall.observability")


def attach(server, pipeline=None, *, token: str | None = None, live: bool = True) -> CallMetrics:
    metrics = CallMetrics()
    metrics.watch(server)
    server.add_page(METRICS_PATH, route(metrics, token))
    if pipeline is not None:
        if not isinstance(pipeline.recognizer, CountingRecognizer):
            pipeline.recognizer = CountingRecognizer(pipeline.recognizer, metrics)
        if pipeline.alerts is not None and not isinstance(pipeline.alerts, CountingAlerts):
            pipeline.alerts = CountingAlerts(pipeline.alerts, metrics)
    calls_dir = server.options.session.recordings_dir
    if calls_dir is not None:
        server.on_call_end.append(lambda session: save_timings(calls_dir, session))
    if live and pipeline is not None and calls_dir is not None:
        # calls in progress for the dashboard: <output-dir>/live/ (observability.live)
        pipeline.live_log = LiveLog(Path(calls_dir).parent / "live")
        server.live_tap = LiveTap(server, pipeline.live_log)
        server.on_start.append(server.live_tap.start)
    server.metrics = metrics
    return metrics


def save_timings(calls_dir, session) -> bool:
    """The ended call's turn timings into its `call.json` (where its agent wrote one)."""
    from telephony.files import OutsideFolder, inside, is_call_sid

    if session.call is None or not is_call_sid(session.call.call_sid):
        return False
    try:
        folder = inside(calls_dir, session.call.call_sid)
    except OutsideFolder:
        return False
    return save_turn_timings(folder, session.turns)
