"""Outreach campaigns: a list of recipients, calling hours, retries, persistence and dialers.

A campaign is a scenario and a list of recipients with a calling policy (window in each
recipient's time zone, max attempts, retry delay, concurrency). `campaign.runner` claims due
recipients from a `CampaignStore` (SQLite or PostgreSQL), places calls through a `Dialer`
(simulated phones or Twilio) and records each attempt's outcome, so that a crashed runner can be
restarted without losing a finished call or calling anyone beyond the policy.

This package's interface: the plain data types (`campaign.model`), the two interfaces
(`campaign.ports`) and what a campaign reads of a call report (`campaign.reports`), re-exported
here; backends live one per module.
"""

from campaign.model import (
    FINAL_STATES,
    RETRYABLE,
    Attempt,
    Campaign,
    DialRequest,
    DialResult,
    Outcome,
    Policy,
    Recipient,
    RecipientStatus,
    State,
)
from campaign.ports import CampaignStore, Dialer
from campaign.reports import answered_outcome, load_report, report_summary

__all__ = [
    "FINAL_STATES",
    "RETRYABLE",
    "Attempt",
    "Campaign",
    "CampaignStore",
    "DialRequest",
    "DialResult",
    "Dialer",
    "Outcome",
    "Policy",
    "Recipient",
    "RecipientStatus",
    "State",
    "answered_outcome",
    "load_report",
    "report_summary",
]
