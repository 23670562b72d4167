"""Five calls with one person whose situation changes: knee pain appears, persists, turns into
back pain, heals. After each call the memory must say what is true now, and the next call's
questions must bring it up — and only it."""

from __future__ import annotations

from pathlib import Path

from dialogue import CallReport, DialogueEngine, Recipient, load_scenario
from dialogue.caller import SimulatedCaller, load_persona, simulate_text_call
from dialogue.memory import OpKind, SqliteMemoryStore, plan_update
from tests.test_engine import Clock

FINE = {"sleep": "I slept well, thank you.", "health": "No, nothing hurts today."}
WEEKS = [  # what Margaret says about sleep and pain, call by call
    FINE,
    {
        "sleep": "Not very well, I kept waking up.",
        "health": ["Yes, my knee hurts when I walk.", "Since Tuesday."],
    },
    {"sleep": "I slept fine.", "health": ["My knee still hurts.", "It comes and goes."]},
    {"health": ["The knee is better, but now my back aches.", "Since the weekend."]},
    {"health": "It's all healed, no pain now."},
]
# (memory after the call, operations the call's update applied)
EXPECTED = [
    ({}, {}),
    (
        {"sleep": "you had trouble sleeping", "health": "your knee was hurting"},
        {"sleep": OpKind.APPEND, "health": OpKind.APPEND},
    ),
    ({"health": "your knee was hurting"}, {"sleep": OpKind.DELETE, "health": OpKind.PASS}),
    ({"health": "your back was hurting"}, {"health": OpKind.REPLACE}),
    ({}, {"health": OpKind.DELETE}),
]


def week(store: SqliteMemoryStore, answers: dict) -> tuple[CallReport, dict[str, OpKind]]:
    persona = load_persona("margaret_en")
    persona = persona.model_copy(update={"answers": {**persona.answers, **FINE, **answers}})
    scenario = load_scenario("daily_checkin_en")
    engine = DialogueEngine(
        scenario,
        recipient=Recipient(persona.recipient_id, persona.name),
        memory=store.load(persona.recipient_id),
        clock=Clock(),
    )
    report = simulate_text_call(engine, SimulatedCaller(persona, scenario))
    ops = plan_update(store.load(persona.recipient_id), engine.memory_facts())
    store.update(persona.recipient_id, ops)
    return report, {op.fact.key: op.kind for op in ops}


def asked(report: CallReport) -> list[str]:
    return [e.text for e in report.transcript if e.speaker == "agent"]


def test_five_calls_keep_the_memory_true(tmp_path: Path) -> None:
    store = SqliteMemoryStore(tmp_path / "memory.sqlite")
    remembered: dict[str, str] = {}
    for n, (answers, (memory, ops)) in enumerate(zip(WEEKS, EXPECTED, strict=True), start=1):
        report, applied = week(store, answers)
        assert report.outcome == "completed", n
        lines = asked(report)
        # this call brought up exactly what the last one left in memory
        for fact in remembered.values():
            assert any(f"Last time you told me {fact}." in line for line in lines), (n, fact)
        mentions = [line for line in lines if "Last time" in line]
        assert len(mentions) == len(remembered), (n, mentions)
        assert applied == ops, n
        now = {f.key: f.value for f in store.load("demo-en-001")}
        assert now == memory, n
        remembered = now
    store.close()


def test_the_report_follows_the_change(tmp_path: Path) -> None:
    store = SqliteMemoryStore(tmp_path / "memory.sqlite")
    health = []
    for answers in WEEKS:
        report, _ = week(store, answers)
        result = report.items[2]
        health.append((result.answer_class, result.detail))
    assert health == [
        ("none", None),
        ("pain", "knee"),
        ("pain", "knee"),
        ("pain", "back"),
        ("none", None),
    ]
