"""`carecall chat`: a conversation piped through the command, the agent's turns read back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def chat(lines: list[str], *args: str) -> tuple[list[str], str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "carecall", "chat", *args],
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines(), done.stderr


def test_a_piped_conversation_gives_one_agent_line_per_turn(tmp_path: Path) -> None:
    said = [
        "yes it's me",
        "My grandson visited yesterday, he brought me flowers",
        "we played cards all afternoon",
        "I had lunch with my neighbour and then we walked to the market",
        "",  # silence
        "badly, I kept waking up",
        "no pain today",
        "yes I took them",
        "I feel good",
    ]
    out, err = chat(
        said,
        "--scenario",
        "daily_checkin_en",
        "--recipient",
        "r1",
        "--name",
        "Margaret",
        "--report",
        str(tmp_path / "report.json"),
    )
    assert all(line.startswith("agent: ") for line in out)
    assert len(out) == len(said) + 1  # the opening, then one turn per line
    assert "AI" in out[0] and "recorded" in out[0] and out[0].endswith("Margaret?")
    assert "again" not in out[2] and out[2].endswith("?")  # the remark: a follow-up
    assert "Goodbye" in out[-1]
    report = json.loads((tmp_path / "report.json").read_text())
    items = {r["item_id"]: r["answer_class"] for r in report["items"]}
    assert items["meal"] == "ate" and items["outing"] == "went_out"  # given in passing
    assert report["outcome"] == "completed" and "TRANSCRIPT" in err


def test_memory_carries_over_between_chats_and_korean_works(tmp_path: Path) -> None:
    db = str(tmp_path / "memory.sqlite")
    args = ["--scenario", "daily_checkin_ko", "--recipient", "p1", "--memory-db", db]
    out, _ = chat(["네", "네 먹었어요", "잘 잤어요", "무릎이 아파요"], *args)
    assert "녹음" in out[0] and len(out) == 5
    out, err = chat(["네"], *args)  # hung up after the first question: memory asked first
    assert "지난번에" in out[1] and "무릎" in out[1]
    assert "hung_up" in err
