"""Pure scheduling rules: calling hours in the recipient's time zone, and what follows an attempt.

Times are POSIX seconds (UTC) everywhere in the store; the window is local wall-clock time in
the recipient's zone (zoneinfo), so a campaign over several zones calls each person in their
own hours, and daylight-saving changes are handled by the zone database.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from campaign import RETRYABLE, Outcome, Policy, State

_HHMM = re.compile(r"^(\d{1,2}):(\d{2})$")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$")
_UNITS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, None: 1}


def parse_clock(text: str) -> int:
    """ "10:30" -> minutes after midnight (0..1440; "24:00" is the end of the day)."""
    m = _HHMM.match(text.strip())
    if not m:
        raise ValueError(f"{text!r} is not a time of day HH:MM")
    hours, minutes = int(m.group(1)), int(m.group(2))
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        raise ValueError(f"{text!r} is not a time of day HH:MM")
    return hours * 60 + minutes


def parse_window(text: str) -> tuple[str, str]:
    """ "10:00-18:00" -> ("10:00", "18:00"), validated."""
    parts = text.split("-")
    if len(parts) != 2:
        raise ValueError(f"{text!r} is not a calling window HH:MM-HH:MM")
    start, end = (p.strip() for p in parts)
    if parse_clock(start) == parse_clock(end):
        raise ValueError(f"calling window {text!r} is empty")
    return start, end


def parse_duration(text: str) -> float:
    """ "30m" -> 1800.0; units ms, s, m, h, d; a bare number is seconds."""
    m = _DURATION.match(text)
    if not m:
        raise ValueError(f"{text!r} is not a duration (e.g. 90s, 30m, 2h)")
    return float(m.group(1)) * _UNITS[m.group(2)]


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {name!r} (use an IANA name like Asia/Seoul)") from exc


def in_window(now: float, policy: Policy, tz: str) -> bool:
    local = datetime.fromtimestamp(now, zone(tz))
    minute = local.hour * 60 + local.minute
    start, end = parse_clock(policy.window_start), parse_clock(policy.window_end)
    if start < end:
        return start <= minute < end
    return minute >= start or minute < end  # wraps past midnight


def window_opens(now: float, policy: Policy, tz: str) -> float:
    """The earliest time >= now inside the calling window, in POSIX seconds."""
    if in_window(now, policy, tz):
        return now
    z = zone(tz)
    local = datetime.fromtimestamp(now, z)
    start = parse_clock(policy.window_start)
    opening = time(start // 60, start % 60) if start < 1440 else time(0)
    for days in (0, 1, 2):
        day = (local + timedelta(days=days)).date()
        candidate = datetime.combine(day, opening, z)
        # A start time skipped by a DST jump resolves forward; fold keeps it well defined.
        t = candidate.timestamp()
        if t >= now and in_window(t, policy, tz):
            return t
    raise AssertionError("a non-empty daily window opens within two days")


def next_call_at(now: float, policy: Policy, tz: str, after_s: float = 0.0) -> float:
    """When a person may be called next: `after_s` from now, moved into their calling hours."""
    return window_opens(now + after_s, policy, tz)


def after_attempt(
    outcome: Outcome, attempts: int, now: float, policy: Policy, tz: str
) -> tuple[State, float]:
    """The recipient's state and next call time after attempt number `attempts` ended."""
    if outcome is Outcome.ANSWERED:
        return State.COMPLETED, now
    if outcome in RETRYABLE and attempts < policy.max_attempts:
        return State.PENDING, next_call_at(now, policy, tz, policy.retry_after_s)
    return State.GAVE_UP, now
