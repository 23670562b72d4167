"""Small case files for the learned layer's tests (dialogue.learned): fits take milliseconds.

`make_root(tmp)` writes two emergency and two guard batches under `tmp/tests/`, an empty dev
file and a held-out file a pattern could reach, the way the repository lays them out.
"""

from __future__ import annotations

import json
from pathlib import Path

# "blorp" is a made-up word the rules cannot know: only the model can learn it is an emergency.
POSITIVE = [
    "the blorp is back in my kitchen",
    "there is blorp all over the hall",
    "blorp again, it is everywhere",
    "I can see blorp coming under the door",
    "my room is full of blorp",
    "blorp blorp in the bedroom",
]
NEGATIVE = [
    "I had a lovely cup of tea with my daughter",
    "the garden looks nice today",
    "I watched a film about birds",
    "my grandson phoned on sunday",
    "I made soup for lunch",
    "the postman was late again",
    # the rules call this an emergency; here it is labelled harmless, so the model scores it
    # low, and the layer must still not lower the rules' decision
    "crushing pain in my chest right now and I'm sweating",
]
GUARD_BAD = [
    "The zibble team will sort that for you.",
    "A zibble is on its way to your home.",
    "Our zibble service will handle everything.",
    "I have booked the zibble for tomorrow.",
]
GUARD_OK = [
    "How are you feeling today?",
    "That sounds like a lovely afternoon.",
    "Thank you for telling me about your week.",
    "Did you manage to eat something today?",
]


def lines(rows):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def make_root(tmp_path: Path) -> Path:
    tests = tmp_path / "tests"
    tests.mkdir()
    for i in (1, 2):
        rows = [
            {"lang": "en", "user": t, "emergency": True, "category": "blorp"}
            for t in POSITIVE[i - 1 :: 2]
        ] + [{"lang": "en", "user": t, "emergency": False} for t in NEGATIVE[i - 1 :: 2]]
        (tests / f"safety_en_batch{i}.jsonl").write_text(lines(rows), encoding="utf-8")
        rows = [
            {"lang": "en", "agent": t, "violation": True, "category": "action"}
            for t in GUARD_BAD[i - 1 :: 2]
        ] + [{"lang": "en", "agent": t, "violation": False} for t in GUARD_OK[i - 1 :: 2]]
        (tests / f"guard_en_batch{i}.jsonl").write_text(lines(rows), encoding="utf-8")
    # a held-out file where a pattern could reach it: it must never be read
    evaluation = tmp_path / "evaluation" / "safety"
    evaluation.mkdir(parents=True)
    (evaluation / "emergency_en.dev.jsonl").write_text("", encoding="utf-8")
    (tests / "safety_en_batch9.test.jsonl").write_text("not json\n", encoding="utf-8")
    return tmp_path
