"""A rule-writer file (``*.devN.jsonl`` with no ``*.testN.jsonl``): new wordings someone tuning
the rules wrote for themselves. ``--check`` validates its lines but neither splits it nor asks
for a held-out half. Made-up lines in a temporary folder, never the set's own files."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

from evaluation.safety import guard_split, split

HERE = Path(split.__file__).resolve().parent


def _setup(tmp_path: Path, spec):
    for p in HERE.glob(f"{spec.prefix}_*.jsonl"):
        if p.name.endswith((".dev.jsonl", ".test.jsonl")):  # batch 1 only
            shutil.copy(p, tmp_path / p.name)
    return dataclasses.replace(spec, root=tmp_path)


def _write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def _em(k: int, emergency: bool) -> dict:
    return {"lang": "en", "user": f"q{k} r{k} s{k} t{k}", "emergency": emergency,
            "category": "fire" if emergency else None,
            "tags": ["plain" if emergency else "idiom"]}  # fmt: skip


def test_a_small_dev_only_batch_passes_check_and_is_not_split(tmp_path):
    spec = _setup(tmp_path, split.EMERGENCY)
    _write(spec.path("en", "dev", 3), [_em(k, k % 2 == 0) for k in range(6)])  # far below minima
    assert split.main(spec, argv=["--check"]) == 0
    assert split.main(spec, argv=["--check", "--batch", "3"]) == 0
    assert not spec.path("en", "test", 3).exists()


def test_a_dev_only_batch_still_has_its_lines_checked(tmp_path):
    spec = _setup(tmp_path, split.EMERGENCY)
    bad = dict(_em(1, True), category="not-a-category")
    _write(spec.path("en", "dev", 3), [_em(0, False), bad])
    assert split.main(spec, argv=["--check"]) == 1
    dup = split.read_jsonl(spec.path("en", "dev"))[0]  # repeats a batch-1 line
    _write(spec.path("en", "dev", 3), [_em(0, False), dup])
    assert split.main(spec, argv=["--check"]) == 1


def test_guard_dev_only_batch(tmp_path):
    spec = _setup(tmp_path, guard_split.GUARD)
    rows = [{"lang": "en", "agent": f"a{k} b{k} c{k} d{k}?", "violation": False,
             "category": None, "tags": ["fine_question"]} for k in range(3)]  # fmt: skip
    _write(spec.path("en", "dev", 3), rows)
    assert guard_split.main(spec, argv=["--check"]) == 0
    rows.append(dict(rows[0], agent="x1 y1 z1 w1.", violation=True, category="memory"))
    _write(spec.path("en", "dev", 3), rows)  # a memory violation without no_memory
    assert guard_split.main(spec, argv=["--check"]) == 1
