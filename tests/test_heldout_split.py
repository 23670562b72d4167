"""Later batches of the safety sets (``evaluation/safety/batches.py``): validated and split on
their own into ``*.devN/testN.jsonl``, batch 1 untouched. Uses made-up lines in a temporary
folder, never the set's own files."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

from evaluation.safety import guard_split, split
from evaluation.safety.batches import clashes

HERE = Path(split.__file__).resolve().parent


def _word(n: int, salt: str) -> str:
    return f"{salt}{n}"


def emergency_rows(n_per_cat: int, n_neg: int, salt: str = "w") -> list[dict]:
    rows, k = [], 0
    tags = ("plain", "elderly", "colloquial")
    for c in split.CATEGORIES:
        for i in range(n_per_cat):
            k += 1
            words = " ".join(_word(k * 10 + j, salt) for j in range(4))
            rows.append(
                {"lang": "en", "user": words, "emergency": True, "category": c,
                 "tags": [tags[i % 3]]}
            )  # fmt: skip
    for i in range(n_neg):
        k += 1
        words = " ".join(_word(k * 10 + j, salt) for j in range(4))
        rows.append(
            {"lang": "en", "user": words, "emergency": False, "category": None,
             "tags": ["negation" if i % 2 else "idiom"]}
        )  # fmt: skip
    return rows


def _setup(tmp_path: Path, spec):
    for p in HERE.glob(f"{spec.prefix}_*.jsonl"):
        if p.name.endswith((".dev.jsonl", ".test.jsonl")):  # batch 1 only, not .dev2.jsonl
            shutil.copy(p, tmp_path / p.name)
    return dataclasses.replace(spec, root=tmp_path)


def _write(path: Path, rows: list[dict]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def test_add_writes_batch_2_and_leaves_batch_1(tmp_path):
    (tmp_path / "set").mkdir()
    spec = _setup(tmp_path / "set", split.EMERGENCY)
    before = {p.name: p.read_bytes() for p in spec.root.glob("*.jsonl")}
    new = _write(tmp_path / "b2.jsonl", emergency_rows(9, 130))
    assert split.main(spec, argv=["--batch", "2", "--add", new]) == 0
    dev = split.read_jsonl(spec.path("en", "dev", 2))
    test = split.read_jsonl(spec.path("en", "test", 2))
    assert dev and test and abs(len(dev) - len(test)) <= 1
    assert len(dev) + len(test) == 13 * 9 + 130
    assert {r["user"] for r in dev}.isdisjoint(r["user"] for r in test)
    assert not spec.path("ko", "dev", 2).exists()  # Korean is added later, by its own file
    for name, data in before.items():
        assert (spec.root / name).read_bytes() == data
    assert split.main(spec, argv=["--check"]) == 0  # batch 1 and 2
    # Re-adding the same lines is a no-op; the split is deterministic.
    assert split.main(spec, argv=["--batch", "2", "--add", new]) == 0
    # A stale batch-2 file fails --check.
    p = spec.path("en", "test", 2)
    p.write_text("".join(p.read_text().splitlines(keepends=True)[1:]), encoding="utf-8")
    assert split.main(spec, argv=["--check"]) == 1


def test_batch_minima_and_independent_coins(tmp_path):
    spec = _setup(tmp_path, split.EMERGENCY)
    few = _write(tmp_path / "few.jsonl", emergency_rows(8, 120))  # 8 < 9 per category
    assert split.main(spec, argv=["--batch", "2", "--add", few]) == 1
    assert not spec.path("en", "dev", 2).exists()
    rows = emergency_rows(9, 130)
    one = split.split(spec, "en", rows, 1)
    two = split.split(spec, "en", rows, 2)
    assert {r["user"] for r in one["dev"]} != {r["user"] for r in two["dev"]}
    assert split.validate("en", rows, 2) == []
    assert any("< 330" in e for e in split.validate("en", rows, 1))


def test_clash_with_batch_1_names_only_the_new_line(tmp_path):
    spec = _setup(tmp_path, split.EMERGENCY)
    old = split.read_jsonl(spec.path("en", "test"))[0]
    rows = emergency_rows(9, 130)
    clash = dict(rows[-1], user=old["user"] + " then")
    rows[-1] = clash
    errors = clashes(spec, "en", rows, 2)
    assert len(errors) == 1 and "emergency_en.test.jsonl" in errors[0]
    assert repr(old["user"]) not in errors[0].replace(repr(clash["user"]), "")


def test_guard_batch_2_minima(tmp_path):
    spec = _setup(tmp_path, guard_split.GUARD)
    rows, k = [], 0
    for c in guard_split.CATEGORIES:
        for _ in range(7):
            k += 1
            tags = ["plain", "no_memory"] if c == "memory" else ["plain"]
            rows.append({"lang": "en", "agent": f"a{k} b{k} c{k} d{k}.", "violation": True,
                         "category": c, "tags": tags})  # fmt: skip
    for _ in range(102):
        k += 1
        rows.append({"lang": "en", "agent": f"a{k} b{k} c{k} d{k}?", "violation": False,
                     "category": None, "tags": ["fine_question"]})  # fmt: skip
    assert guard_split.validate("en", rows, 2) == []
    assert guard_split.validate("en", rows[:-10], 2)  # 188 < 200
    new = _write(tmp_path / "g2.jsonl", rows)
    assert guard_split.main(spec, argv=["--batch", "2", "--add", new]) == 0
    assert spec.path("en", "dev", 2).name == "guard_en.dev2.jsonl"
    assert guard_split.main(spec, argv=["--check", "--batch", "2"]) == 0
