"""Memory across calls: PASS / APPEND / REPLACE / DELETE plans, SQLite storage, use in calls."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dialogue import (
    DialogueEngine,
    Fact,
    MemoryOp,
    MemoryStore,
    OpKind,
    Recipient,
    SqliteMemoryStore,
    apply_ops,
    load_scenario,
    plan_update,
)

T0 = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
T1 = T0 + timedelta(days=1)


def fact(key: str, value: str, t: datetime = T0) -> Fact:
    return Fact(key, value, key, t)


def kinds(ops: list[MemoryOp]) -> dict[str, OpKind]:
    return {op.fact.key: op.kind for op in ops}


def test_plan_update_covers_the_four_operations() -> None:
    old = [
        fact("health", "your knee was hurting"),
        fact("sleep", "you had trouble sleeping"),
        fact("meal", "you had skipped a meal"),
        fact("mood", "you were feeling low"),
    ]
    new = [
        fact("health", "", T1),  # answered: no pain any more
        fact("sleep", "you had trouble sleeping", T1),  # the same again
        fact("meal", "you had no appetite", T1),  # changed
        fact("medication", "you had missed your medicine", T1),
    ]  # new
    ops = plan_update(old, new)
    assert kinds(ops) == {
        "health": OpKind.DELETE,
        "sleep": OpKind.PASS,
        "meal": OpKind.REPLACE,
        "mood": OpKind.PASS,
        "medication": OpKind.APPEND,
    }
    replace = next(op for op in ops if op.kind is OpKind.REPLACE)
    assert replace.old == old[2] and replace.fact == new[2]
    result = {f.key: f.value for f in apply_ops(old, ops)}
    assert result == {
        "sleep": "you had trouble sleeping",
        "meal": "you had no appetite",
        "mood": "you were feeling low",
        "medication": "you had missed your medicine",
    }


def test_unasked_items_pass_and_retractions_of_nothing_do_nothing() -> None:
    old = [fact("health", "your knee was hurting")]
    assert plan_update(old, []) == [MemoryOp(OpKind.PASS, old[0])]
    assert plan_update([], [fact("meal", "", T1)]) == []


def test_store_applies_plans(tmp_path: Path) -> None:
    store = SqliteMemoryStore(tmp_path / "memory.sqlite")
    assert isinstance(store, MemoryStore)
    assert store.load("r1") == []
    first = [fact("health", "your knee was hurting"), fact("sleep", "you had trouble sleeping")]
    store.update("r1", plan_update([], first))
    store.update("r2", plan_update([], [fact("mood", "you were feeling low")]))
    assert store.load("r1") == first
    second = [fact("health", "", T1), fact("sleep", "you slept badly", T1)]
    ops = plan_update(store.load("r1"), second)
    store.update("r1", ops)
    assert store.load("r1") == [fact("sleep", "you slept badly", T1)]
    assert store.load("r1") == apply_ops(first, ops)
    store.close()
    reopened = SqliteMemoryStore(tmp_path / "memory.sqlite")
    assert [f.value for f in reopened.load("r1")] == ["you slept badly"]
    reopened.forget("r1")
    assert reopened.load("r1") == []
    assert [f.key for f in reopened.load("r2")] == ["mood"]


def test_store_refuses_to_keep_a_retraction(tmp_path: Path) -> None:
    store = SqliteMemoryStore(tmp_path / "m.sqlite")
    good = MemoryOp(OpKind.APPEND, fact("sleep", "you slept badly"))
    with pytest.raises(ValueError, match="retraction"):
        store.update("r1", [good, MemoryOp(OpKind.APPEND, fact("meal", ""))])
    assert store.load("r1") == []  # nothing of a refused plan is applied


def test_store_is_safe_across_threads(tmp_path: Path) -> None:
    store = SqliteMemoryStore(tmp_path / "m.sqlite")

    def work(n: int) -> None:
        for i in range(20):
            store.update(f"r{n}", [MemoryOp(OpKind.APPEND, fact(f"k{i}", f"v{i}"))])

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(len(store.load(f"r{n}")) == 20 for n in range(4))


def call(memory: list[Fact], answers: list[str]) -> tuple[DialogueEngine, list[str]]:
    scenario = load_scenario("daily_checkin_en")
    e = DialogueEngine(scenario, recipient=Recipient("r1", "Margaret"), memory=memory)
    e.opening()
    said = [e.reply("yes").text]
    said += [e.reply(text).text for text in answers]
    return e, said


def test_two_calls_remember_then_forget_the_knee(tmp_path: Path) -> None:
    store = SqliteMemoryStore(tmp_path / "memory.sqlite")
    first, _ = call(store.load("r1"), ["yes i ate", "badly", "my knee hurts", "a few days"])
    store.update("r1", plan_update(store.load("r1"), first.memory_facts()))
    assert {f.value for f in store.load("r1")} == {
        "your knee was hurting",
        "you had trouble sleeping",
    }
    # Memory opens the conversation: the first concern is asked about first, then the rest.
    second, asked = call(store.load("r1"), ["fine thanks", "yes", "it's gone now"])
    assert asked[0].endswith(
        "Last time you told me you had trouble sleeping. How did you sleep last night?"
    )
    assert asked[1].endswith("Did you eat today?") or asked[1].endswith("Have you eaten today?")
    assert asked[2].endswith("Last time you told me your knee was hurting. How is it today?")
    ops = plan_update(store.load("r1"), second.memory_facts())
    assert kinds(ops) == {"health": OpKind.DELETE, "sleep": OpKind.DELETE}
    store.update("r1", ops)
    assert store.load("r1") == []
