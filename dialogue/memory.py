"""What the agent remembers about a person between calls, and how it is kept up to date.

Memory holds short facts ("your knee was hurting"), one per key. After each call the facts the
call produced are compared with the stored ones and turned into the four operations of Bae et
al., "Keep Me Updated! Memory Management in Long-term Conversations" (EMNLP Findings 2022):
PASS (keep the old fact), APPEND (a new fact), REPLACE (the fact changed), DELETE (it no longer
holds — the knee pain is gone). `plan_update` is pure so the plan can be logged, reviewed or
produced later by an LLM instead; stores only apply plans.

A call's fact with an empty `value` is a *retraction*: the item was answered and left nothing to
remember, so an older fact under the same key is deleted. Stores never hold retractions.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class Fact:
    key: str
    value: str  # a phrase the agent can say back: "your knee was hurting"; "" retracts the key
    item_id: str | None
    updated_at: datetime

    @property
    def retracted(self) -> bool:
        return not self.value


class OpKind(StrEnum):
    PASS = "pass"
    APPEND = "append"
    REPLACE = "replace"
    DELETE = "delete"


@dataclass(frozen=True)
class MemoryOp:
    kind: OpKind
    fact: Fact  # PASS/DELETE: the stored fact; APPEND/REPLACE: the new one
    old: Fact | None = None  # REPLACE: the fact it replaces


def plan_update(old: list[Fact], new: list[Fact]) -> list[MemoryOp]:
    """Operations that bring `old` (stored) up to date with `new` (from the latest call).

    Keys the call said nothing about are PASSed: not asking about the knee is not evidence
    that it healed.
    """
    latest = {f.key: f for f in new}
    ops: list[MemoryOp] = []
    for fact in old:
        update = latest.pop(fact.key, None)
        if update is None or update.value == fact.value:
            ops.append(MemoryOp(OpKind.PASS, fact))
        elif update.retracted:
            ops.append(MemoryOp(OpKind.DELETE, fact))
        else:
            ops.append(MemoryOp(OpKind.REPLACE, update, old=fact))
    ops += [MemoryOp(OpKind.APPEND, f) for f in latest.values() if not f.retracted]
    return ops


def apply_ops(facts: list[Fact], ops: list[MemoryOp]) -> list[Fact]:
    """The facts after `ops`: the in-memory meaning of an update, shared by every store."""
    by_key = {f.key: f for f in facts}
    for op in ops:
        if op.kind is OpKind.DELETE:
            by_key.pop(op.fact.key, None)
        elif op.kind in (OpKind.APPEND, OpKind.REPLACE):
            if op.fact.retracted:
                raise ValueError(f"cannot store a retraction for key {op.fact.key!r}")
            by_key[op.fact.key] = op.fact
    return list(by_key.values())


@runtime_checkable
class MemoryStore(Protocol):
    def load(self, recipient_id: str) -> list[Fact]: ...

    def update(self, recipient_id: str, ops: list[MemoryOp]) -> None: ...

    def forget(self, recipient_id: str) -> None:
        """Erase everything about a person (they asked, or left the programme)."""
        ...


_SCHEMA = """
CREATE TABLE IF NOT EXISTS facts (
    recipient_id TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    item_id TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (recipient_id, key)
)
"""


class SqliteMemoryStore:
    """One SQLite file for all recipients; each update is one transaction."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._lock = threading.Lock()  # calls finish on executor threads
        # What carecall remembers of people is health data: owner-only (SQLite gives its
        # journal files the database file's mode).
        os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        os.chmod(self.path, 0o600)
        self._db = sqlite3.connect(self.path, check_same_thread=False)
        with self._db:
            self._db.execute(_SCHEMA)

    def load(self, recipient_id: str) -> list[Fact]:
        with self._lock:
            rows = self._db.execute(
                "SELECT key, value, item_id, updated_at FROM facts"
                " WHERE recipient_id = ? ORDER BY updated_at, key",
                (recipient_id,),
            ).fetchall()
        return [Fact(k, v, i, datetime.fromisoformat(t)) for k, v, i, t in rows]

    def update(self, recipient_id: str, ops: list[MemoryOp]) -> None:
        for op in ops:
            if op.kind in (OpKind.APPEND, OpKind.REPLACE) and op.fact.retracted:
                raise ValueError(f"cannot store a retraction for key {op.fact.key!r}")
        with self._lock, self._db:
            for op in ops:
                if op.kind is OpKind.DELETE:
                    self._db.execute(
                        "DELETE FROM facts WHERE recipient_id = ? AND key = ?",
                        (recipient_id, op.fact.key),
                    )
                elif op.kind in (OpKind.APPEND, OpKind.REPLACE):
                    f = op.fact
                    self._db.execute(
                        "INSERT OR REPLACE INTO facts VALUES (?, ?, ?, ?, ?)",
                        (recipient_id, f.key, f.value, f.item_id, f.updated_at.isoformat()),
                    )

    def forget(self, recipient_id: str) -> None:
        with self._lock, self._db:
            self._db.execute("DELETE FROM facts WHERE recipient_id = ?", (recipient_id,))

    def close(self) -> None:
        self._db.close()
