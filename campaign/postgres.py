"""The PostgreSQL campaign store (psycopg 3), for runners and workers on several machines.

Claims use `FOR UPDATE SKIP LOCKED`: concurrent runners each take a different due recipient
without waiting on each other's row locks.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from campaign.sqlstore import SqlStore


class PostgresStore(SqlStore):
    placeholder = "%s"
    skip_locked = "FOR UPDATE SKIP LOCKED"

    def __init__(self, url: str) -> None:
        import psycopg

        self.url = url
        self._db = psycopg.connect(url, autocommit=True)
        super().__init__()

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        with self._db.transaction(), self._db.cursor() as cur:
            yield cur

    def close(self) -> None:
        self._db.close()
