"""Outreach campaigns: a list of recipients, calling hours, retries, persistence and dialers.

A campaign is a scenario and a list of recipients with a calling policy (window in each
recipient's time zone, max attempts, retry delay, concurrency). `campaign.runner` claims due
recipients from a `CampaignStore` (SQLite or PostgreSQL), places calls through a `Dialer`
(simulated phones or Twilio) and records each attempt's outcome, so that a crashed runner can be
restarted without losing a finished call or calling anyone beyond the policy.

This module holds the plain data types and the two interfaces; backends live one per module.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Protocol


class State(StrEnum):
    """A recipient's place in a campaign. `COMPLETED` and `GAVE_UP` are final."""

    PENDING = "pending"  # to be called (first time, or again after `next_at`)
    CALLING = "calling"  # claimed by a runner holding a lease
    COMPLETED = "completed"  # a call was answered; its report is recorded
    GAVE_UP = "gave_up"  # no answer/busy/failed on every allowed attempt
    OPTED_OUT = "opted_out"  # on the do-not-call list when claimed: never dialled (donotcall)


FINAL_STATES = frozenset({State.COMPLETED, State.GAVE_UP, State.OPTED_OUT})


class Outcome(StrEnum):
    """How one call attempt ended."""

    ANSWERED = "answered"
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    FAILED = "failed"
    INTERRUPTED = "interrupted"  # the runner died during the attempt; counted, never repeated
    VOICEMAIL = "voicemail"  # an answering machine took it: a message was left, call again


RETRYABLE = frozenset(
    {Outcome.NO_ANSWER, Outcome.BUSY, Outcome.FAILED, Outcome.INTERRUPTED, Outcome.VOICEMAIL}
)


@dataclass(frozen=True)
class Policy:
    """When and how often a campaign may call a person."""

    window_start: str = "10:00"  # local time in the recipient's zone, HH:MM
    window_end: str = "18:00"  # HH:MM; "24:00" is midnight; end < start wraps past midnight
    timezone: str = "Asia/Seoul"  # default zone for recipients whose row names none
    max_attempts: int = 3
    retry_after_s: float = 1800.0
    concurrency: int = 4


@dataclass(frozen=True)
class Recipient:
    id: str
    name: str
    phone: str  # E.164, e.g. +821012345678
    timezone: str | None = None  # None: the campaign's zone
    persona: str | None = None  # simulated dialer: a shipped persona id
    scenario: str | None = None  # None: the campaign's scenario
    simulate: tuple[str, ...] = ()  # simulated dialer: outcomes of the first attempts
    line: int = 0  # line in the recipients file (for messages)
    # the file's extra columns (age, address, guardian, …): scenario lines may use them; like
    # the name, they stay in this process and the store, never go to Twilio
    attributes: dict[str, str] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class Campaign:
    id: str
    name: str
    scenario: str
    policy: Policy
    created_at: float


@dataclass(frozen=True)
class RecipientStatus:
    recipient: Recipient
    state: State
    attempts: int
    next_at: float
    last_outcome: str | None = None
    call_sid: str | None = None  # of the answered call
    report_dir: str | None = None
    lease_owner: str | None = None
    lease_until: float | None = None
    open_attempt: bool = False  # an attempt was counted and never finished (runner died)


@dataclass(frozen=True)
class Attempt:
    recipient_id: str
    number: int  # 1-based
    started_at: float
    ended_at: float | None = None
    outcome: str | None = None  # None while the call is running
    call_sid: str | None = None
    detail: str = ""
    report_dir: str | None = None
    owner: str = ""


@dataclass(frozen=True)
class DialRequest:
    campaign_id: str
    recipient: Recipient
    scenario: str
    attempt: int  # 1-based number of this attempt
    call_sid: str | None = None  # resuming: the provider's id of this attempt's call, if noted
    placed: Callable[[str], None] | None = field(default=None, compare=False, repr=False)
    """Dialers call `placed(call_sid)` as soon as the provider accepted the call, so that the
    id is stored before the call is answered and a restarted runner can look the call up."""


@dataclass
class DialResult:
    outcome: Outcome
    call_sid: str | None = None
    detail: str = ""  # e.g. the line's end reason, or why it failed
    report_dir: str | None = None  # the call's folder (report.json, transcript, recording)
    extra: dict = field(default_factory=dict)


def load_report(report_dir: str | Path | None) -> dict | None:
    """The call report (`report.json`) an answered attempt left in its folder; None when
    there is none or it cannot be read."""
    if not report_dir:
        return None
    try:
        return json.loads((Path(report_dir) / "report.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def answered_outcome(report: dict | None) -> Outcome:
    """An answered call's outcome: `voicemail` when an answering machine took it (the call
    report's outcome, see `assembly.answering`), else `answered`."""
    return Outcome.VOICEMAIL if (report or {}).get("outcome") == "voicemail" else Outcome.ANSWERED


def report_summary(report: dict | None) -> dict:
    """What a campaign keeps of a call report: outcome, completion, number of alerts."""
    if report is None:
        return {}
    return {
        "outcome": report.get("outcome"),
        "completion": report.get("completion"),
        "alerts": len(report.get("alerts", [])),
    }


class Dialer(Protocol):
    """Places one call and reports how it ended. Implementations must not raise for a call
    that did not connect: that is an `Outcome`, not an error.

    A dialer may also offer `async resume(request) -> DialResult | None`: the outcome of an
    attempt placed by a runner that died, waiting for it if it is still going on (a Celery
    worker keeps calling when the runner dies); None when nothing is known of it."""

    async def dial(self, request: DialRequest) -> DialResult: ...


class CampaignStore(Protocol):
    """Persistence of campaigns, recipients and attempts. Every method is one transaction."""

    def create(self, campaign: Campaign, recipients: list[Recipient]) -> None: ...

    def campaign(self, campaign_id: str) -> Campaign: ...

    def campaigns(self) -> list[Campaign]: ...

    def claim(
        self, campaign_id: str, now: float, owner: str, lease_until: float
    ) -> RecipientStatus | None:
        """Atomically take one due PENDING recipient (next_at <= now) for `owner`."""
        ...

    def release(self, campaign_id: str, recipient_id: str, owner: str, next_at: float) -> bool:
        """Give back a claimed recipient without calling (e.g. outside calling hours)."""
        ...

    def renew(self, campaign_id: str, owner: str, lease_until: float) -> int: ...

    def begin_attempt(self, campaign_id: str, recipient_id: str, owner: str, now: float) -> int:
        """Count an attempt before dialling; returns its number (0: the lease was lost)."""
        ...

    def finish_attempt(
        self,
        campaign_id: str,
        recipient_id: str,
        owner: str,
        number: int,
        result: DialResult,
        state: State,
        next_at: float,
        now: float,
    ) -> bool: ...

    def note_call(self, campaign_id: str, recipient_id: str, number: int, call_sid: str) -> None:
        """Store the provider's id of an attempt's call while it is still going on."""
        ...

    def take_over(
        self, campaign_id: str, recipient_id: str, lease_until: float, owner: str, new_until: float
    ) -> bool:
        """Adopt a dead runner's open attempt: the lease passes to `owner`."""
        ...

    def expired(self, campaign_id: str, now: float) -> list[RecipientStatus]:
        """Recipients in CALLING whose lease ran out (their runner died)."""
        ...

    def recover(
        self,
        campaign_id: str,
        recipient_id: str,
        lease_until: float,
        state: State,
        next_at: float,
        now: float,
    ) -> bool:
        """Close a dead runner's open attempt as INTERRUPTED and set the recipient's state."""
        ...

    def recipients(self, campaign_id: str) -> list[RecipientStatus]: ...

    def attempts(self, campaign_id: str, recipient_id: str | None = None) -> list[Attempt]: ...

    def close(self) -> None: ...
