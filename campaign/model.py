"""A campaign's plain data: who is called (`Recipient`), when and how often (`Policy`), where
each recipient stands (`State`, `RecipientStatus`), and each call attempt (`DialRequest`,
`DialResult`, `Outcome`, `Attempt`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum


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
