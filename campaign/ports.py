"""The two interfaces a campaign runs on: a `Dialer` places calls (simulated phones, Twilio,
Celery), a `CampaignStore` keeps campaigns, recipients and attempts (SQLite, PostgreSQL)."""

from __future__ import annotations

from typing import Protocol

from campaign.model import (
    Attempt,
    Campaign,
    DialRequest,
    DialResult,
    Recipient,
    RecipientStatus,
    State,
)


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
