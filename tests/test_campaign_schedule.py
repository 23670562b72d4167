"""Calling hours in the recipient's own time zone, and the retry policy: pure functions."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from campaign import Outcome, Policy, State
from campaign.schedule import (
    after_attempt,
    in_window,
    next_call_at,
    parse_duration,
    parse_window,
    window_opens,
)

SEOUL = ZoneInfo("Asia/Seoul")
POLICY = Policy("10:00", "18:00", "Asia/Seoul", 3, 1800.0, 4)


def ts(y, mo, d, h, mi=0, tz=SEOUL) -> float:
    return datetime(y, mo, d, h, mi, tzinfo=tz).timestamp()


def test_parsing() -> None:
    assert parse_window("10:00-18:00") == ("10:00", "18:00")
    assert parse_window(" 9:30 - 24:00 ") == ("9:30", "24:00")
    assert parse_duration("30m") == 1800.0
    assert parse_duration("90s") == 90.0
    assert parse_duration("2h") == 7200.0
    assert parse_duration("1.5") == 1.5
    for bad in ("10-18", "10:00-10:00", "25:00-26:00", "10:60-11:00", "10:00"):
        with pytest.raises(ValueError):
            parse_window(bad)
    for bad in ("soon", "-5m", "5 weeks"):
        with pytest.raises(ValueError):
            parse_duration(bad)


def test_window_is_local_to_the_recipient() -> None:
    t = ts(2026, 11, 21, 14)  # 14:00 in Seoul = 05:00 in London
    assert in_window(t, POLICY, "Asia/Seoul")
    assert not in_window(t, POLICY, "Europe/London")
    assert window_opens(t, POLICY, "Asia/Seoul") == t
    opens = window_opens(t, POLICY, "Europe/London")
    assert datetime.fromtimestamp(opens, ZoneInfo("Europe/London")).strftime("%H:%M") == "10:00"
    assert opens - t == 5 * 3600


def test_window_edges_and_next_day() -> None:
    assert in_window(ts(2026, 11, 21, 10), POLICY, "Asia/Seoul")
    assert not in_window(ts(2026, 11, 21, 18), POLICY, "Asia/Seoul")  # end is exclusive
    evening = ts(2026, 11, 21, 18, 30)
    assert window_opens(evening, POLICY, "Asia/Seoul") == ts(2026, 11, 22, 10)
    early = ts(2026, 11, 21, 7)
    assert window_opens(early, POLICY, "Asia/Seoul") == ts(2026, 11, 21, 10)


def test_window_past_midnight_and_all_day() -> None:
    night = Policy("22:00", "06:00", "Asia/Seoul", 3, 60, 1)
    assert in_window(ts(2026, 11, 21, 23), night, "Asia/Seoul")
    assert in_window(ts(2026, 11, 22, 5), night, "Asia/Seoul")
    assert not in_window(ts(2026, 11, 21, 12), night, "Asia/Seoul")
    assert window_opens(ts(2026, 11, 21, 12), night, "Asia/Seoul") == ts(2026, 11, 21, 22)
    always = Policy("00:00", "24:00", "Asia/Seoul", 3, 60, 1)
    for h in range(24):
        assert in_window(ts(2026, 11, 21, h), always, "Asia/Seoul")


def test_daylight_saving_day_uses_local_wall_clock() -> None:
    ny = ZoneInfo("America/New_York")
    policy = Policy("10:00", "18:00", "America/New_York", 3, 60, 1)
    before = ts(2026, 3, 8, 1, tz=ny)  # DST starts at 02:00 that night
    opens = window_opens(before, policy, "America/New_York")
    assert datetime.fromtimestamp(opens, ny).strftime("%d %H:%M") == "08 10:00"
    assert opens - before == 8 * 3600  # 9 wall-clock hours, one of them skipped


def test_retry_policy() -> None:
    now = ts(2026, 11, 21, 12)
    assert after_attempt(Outcome.ANSWERED, 1, now, POLICY, "Asia/Seoul") == (State.COMPLETED, now)
    for outcome in (Outcome.NO_ANSWER, Outcome.BUSY, Outcome.FAILED, Outcome.INTERRUPTED):
        assert after_attempt(outcome, 1, now, POLICY, "Asia/Seoul") == (
            State.PENDING,
            now + 1800,
        )
        assert after_attempt(outcome, 3, now, POLICY, "Asia/Seoul") == (State.GAVE_UP, now)
    late = ts(2026, 11, 21, 17, 50)  # a retry 30 min later would fall after hours
    state, at = after_attempt(Outcome.BUSY, 2, late, POLICY, "Asia/Seoul")
    assert state is State.PENDING and at == ts(2026, 11, 22, 10)
    assert next_call_at(late, POLICY, "Asia/Seoul") == late
