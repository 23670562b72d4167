"""The default campaign store: one SQLite file (WAL), safe for several runner processes.

Each transaction starts with `BEGIN IMMEDIATE`, taking SQLite's write lock up front, so two
runners claiming at the same moment are serialized by the database, not by luck.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from campaign.sqlstore import SqlStore


class SqliteStore(SqlStore):
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Names, phone numbers, health reports: owner-only (the WAL and shm files SQLite
        # makes take this file's mode).
        os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        os.chmod(self.path, 0o600)
        self._db = sqlite3.connect(
            self.path, isolation_level=None, check_same_thread=False, timeout=30
        )
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")  # a finished call survives power loss too
        self._db.execute("PRAGMA busy_timeout=30000")
        super().__init__()

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        cur = self._db.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            yield cur
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        cur.execute("COMMIT")

    def close(self) -> None:
        self._db.close()
