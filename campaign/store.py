"""Opening a campaign store from a URL: a path or sqlite:///path, or postgresql://…"""

from __future__ import annotations

from pathlib import Path

from campaign import CampaignStore

DEFAULT_DB = "carecall-campaigns.sqlite"


def open_store(url: str | Path | None = None) -> CampaignStore:
    text = str(url or DEFAULT_DB)
    if text.startswith(("postgresql://", "postgres://")):
        from campaign.postgres import PostgresStore

        return PostgresStore(text)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
    elif "://" in text:
        raise ValueError(f"--db {text!r}: use a file path, sqlite:///PATH or postgresql://…")
    from campaign.sqlite import SqliteStore

    return SqliteStore(text)
