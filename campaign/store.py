"""Opening a campaign store from a URL: a path or sqlite:///path, or postgresql://…"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from campaign import CampaignStore

DEFAULT_DB = "carecall-campaigns.sqlite"


class StoreError(ValueError):
    """The database cannot be opened (missing, not a campaign database, unreachable); the
    message says which and what to do, for the command line to print."""


def open_store(url: str | Path | None = None, *, must_exist: bool = False) -> CampaignStore:
    """`must_exist`: refuse a SQLite path where there is no file yet (every command but
    `campaign create` reads a database that a create made) instead of making an empty one."""
    text = str(url or DEFAULT_DB)
    if text.startswith(("postgresql://", "postgres://")):
        from campaign.postgres import PostgresStore

        try:
            return PostgresStore(text)
        except ImportError as exc:
            raise StoreError(f"--db: PostgreSQL needs psycopg ({exc})") from exc
        except Exception as exc:  # psycopg.OperationalError and kin: say it, not a traceback
            where = text.split("@")[-1]  # never print the password of the URL
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(
                f"--db: cannot open the PostgreSQL database at {where}: {first}"
            ) from exc
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///") :]
    elif "://" in text:
        raise StoreError(f"--db {text!r}: use a file path, sqlite:///PATH or postgresql://…")
    from campaign.sqlite import SqliteStore

    path = Path(text)
    if must_exist and not path.is_file():
        raise StoreError(
            f"--db: no campaign database at {path} (create a campaign first: carecall campaign "
            f"create --recipients FILE --scenario NAME --db {path})"
        )
    if path.is_dir():
        raise StoreError(f"--db: {path} is a folder, not a database file")
    try:
        return SqliteStore(path)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"--db: {path} is not a carecall campaign database ({exc})") from exc
    except OSError as exc:
        raise StoreError(f"--db: cannot open {path}: {exc.strerror or exc}") from exc
