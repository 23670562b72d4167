"""The limits one connection lives under, whatever the far end does (pure: times are given).

A hostile or broken peer can open a socket and never start a call, start a call and send
nothing, or send bad messages by the thousand. `ConnectionLimits` decides, from wall-clock
times the session hands it, when such a connection ends and which bad-input lines are worth a
log line. Wall-clock on purpose: a silent peer advances no line time (the call's own clock).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class LimitOptions:
    start_timeout_s: float = 10.0
    """A socket that has not sent `start` this long after connecting is closed."""
    media_timeout_s: float = 30.0
    """A started call that sends no media this long ends, with its report."""
    max_wall_s: float = 1800.0
    """Hard cap on one call in wall-clock time, whatever the line time says."""
    bad_input_log: int = 5
    """Bad-input lines logged per connection in full; then at most one summary line per
    `bad_input_log_s`, so 10,000 bad messages cannot flood the log."""
    bad_input_log_s: float = 10.0
    max_bad_input: int = 10_000
    """A connection that sends this many bad messages is closed."""


log = logging.getLogger("carecall.session")


class Log(Enum):
    FULL = "full"  # log this bad input in full
    SUMMARY = "summary"  # log a summary line (count so far)
    NONE = "none"  # count it only


class ConnectionLimits:
    def __init__(self, options: LimitOptions, now: float) -> None:
        self.options = options
        self.connected_at = self.last_media_at = now
        self.started = False
        self.bad_inputs = 0
        self._summary_at = float("-inf")

    def on_start(self, now: float) -> None:
        self.started = True
        self.last_media_at = now

    def on_media(self, now: float) -> None:
        self.last_media_at = now

    def expired(self, now: float) -> str | None:
        """Why the connection must end now (`no_start`, `no_media`, `time_limit`), or None."""
        o = self.options
        if now - self.connected_at >= o.max_wall_s:
            return "time_limit"
        if not self.started:
            return "no_start" if now - self.connected_at >= o.start_timeout_s else None
        return "no_media" if now - self.last_media_at >= o.media_timeout_s else None

    @property
    def check_every_s(self) -> float:
        o = self.options
        return min(1.0, o.start_timeout_s / 4, o.media_timeout_s / 4)

    def on_bad_input(self, now: float) -> Log:
        self.bad_inputs += 1
        if self.bad_inputs <= self.options.bad_input_log:
            return Log.FULL
        if now - self._summary_at >= self.options.bad_input_log_s:
            self._summary_at = now
            return Log.SUMMARY
        return Log.NONE

    def log_bad_input(self, now: float, who: str, reason: str) -> None:
        """Count one bad input of the call `who` (its id and peer) and log it: in full for the
        first few, then a summary line at most every `bad_input_log_s`."""
        kind = self.on_bad_input(now)
        if kind is Log.FULL:
            log.warning("call %s: bad input: %s", who, reason)
        elif kind is Log.SUMMARY:
            log.warning(
                "call %s: %d bad messages so far (last: %s); at most one line per %.0f s",
                *(who, self.bad_inputs, reason, self.options.bad_input_log_s),
            )

    @property
    def too_many_bad(self) -> bool:
        return self.bad_inputs >= self.options.max_bad_input

    @property
    def unlogged(self) -> bool:
        """Some bad inputs were counted without a line of their own."""
        return self.bad_inputs > self.options.bad_input_log
