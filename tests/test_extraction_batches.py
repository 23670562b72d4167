"""Later batches of the blind extraction set: their own files, their own split, their own
minima, no line repeated from an earlier batch, and `--check` covering every batch."""

from __future__ import annotations

import json

from evaluation.extraction import split
from evaluation.extraction.batch import batches, cross_batch

SC = "daily_checkin_en"
CLASSES = {
    "meal": ["ate", "little", "skipped"],
    "sleep": ["well", "poorly"],
    "health": ["none", "pain"],
    "medication": ["taken", "missed", "no_medication"],
    "outing": ["went_out", "stayed_in"],
    "mood": ["good", "low"],
}


def _pool(per_class: int, nulls: int) -> list[dict]:
    """A batch that meets the given minima; every line's words are its own (no near-duplicates)."""
    rows, n = [], 0
    for item, classes in CLASSES.items():
        for truth in [*classes * per_class, *[None] * nulls]:
            n += 1
            tags = ["not_answer"] if truth is None else ["plain"]
            if n % 4 == 0:
                tags.append("garbled")
            user = f"w{n}a w{n}b w{n}c"
            rows.append(
                {
                    "lang": "en",
                    "scenario": SC,
                    "item": item,
                    "user": user,
                    "truth": truth,
                    "tags": tags,
                }
            )
    return rows


def _write(p, rows) -> None:
    p.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_batch_files_are_named_apart_from_batch_one(tmp_path):
    assert split.path("en", "dev", tmp_path).name == "answers_en.dev.jsonl"
    assert split.path("ko", "test", tmp_path, 2).name == "answers_ko.test2.jsonl"
    assert batches(tmp_path) == [1]
    (tmp_path / "answers_en.test3.jsonl").write_text("")
    (tmp_path / "answers_en.dev.jsonl").write_text("")
    (tmp_path / "answers_en.devil.jsonl").write_text("")  # not a batch
    assert batches(tmp_path) == [1, 3]


def test_add_writes_a_batch_of_its_own_and_check_catches_an_edit(tmp_path, capsys):
    added = tmp_path / "new.jsonl"
    _write(added, _pool(split.MIN_PER_CLASS_BATCH, split.MIN_NULL_PER_ITEM_BATCH))
    root = ["--root", str(tmp_path)]
    assert split.main([*root, "--batch", "2", "--add", str(added)]) == 0
    dev, test = (split.read_jsonl(split.path("en", s, tmp_path, 2)) for s in split.SPLITS)
    assert len(dev) == len(test) == len(_pool(4, 2)) // 2
    assert not split.path("en", "dev", tmp_path).exists()  # batch 1 untouched
    assert not split.path("ko", "dev", tmp_path, 2).exists()  # no Korean lines, no files
    assert split.main([*root, "--batch", "2", "--check"]) == 0
    # the same batch from the same lines in another order: the same files
    _write(added, list(reversed(_pool(4, 2))))
    before = split.path("en", "dev", tmp_path, 2).read_text(encoding="utf-8")
    for s in split.SPLITS:
        split.path("en", s, tmp_path, 2).unlink()
    assert split.main([*root, "--batch", "2", "--add", str(added)]) == 0
    assert split.path("en", "dev", tmp_path, 2).read_text(encoding="utf-8") == before
    # a hand edit of a batch file: --check fails, naming the file
    p = split.path("en", "test", tmp_path, 2)
    rows = split.read_jsonl(p)
    _write(p, [split.strip(r) for r in rows[1:]] + [split.strip(rows[0])])
    capsys.readouterr()
    assert split.main([*root, "--batch", "2", "--check"]) == 1
    assert "answers_en.test2.jsonl: differs from the split" in capsys.readouterr().err
    # a bare --check covers every batch: batch 1 is missing here, and that fails too
    assert split.main([*root, "--check"]) == 1
    assert "missing" in capsys.readouterr().err


def test_a_batch_has_its_own_smaller_minima(tmp_path):
    def rows(per_class, nulls):
        _write(tmp_path / "pool.jsonl", _pool(per_class, nulls))
        return split.read_jsonl(tmp_path / "pool.jsonl")

    errors = split.validate("en", rows(3, 1), batch=2)
    assert f"en: {SC} meal=ate has 3 lines < {split.MIN_PER_CLASS_BATCH}" in errors
    assert f"en: {SC} mood has 1 null lines < {split.MIN_NULL_PER_ITEM_BATCH}" in errors
    assert split.validate("en", rows(4, 2), batch=2) == []
    assert any("< 8" in e for e in split.validate("en", rows(4, 3), batch=1))


def test_a_line_of_an_earlier_batch_may_not_come_back(tmp_path):
    earlier = [{"user": "I had a boiled egg for my tea", "_where": "b1:7"}]
    mine = [
        {"user": "I had a poached egg for my tea", "_where": "b2:1"},  # one word apart
        {"user": "I had a boiled  egg for my TEA", "_where": "b2:2"},  # re-spaced, re-cased
        {"user": "Nothing at all since last night", "_where": "b2:3"},  # new
    ]
    errors = cross_batch("en", mine, earlier)
    assert [e.split(":")[0] for e in errors] == ["b2", "b2"]
    # the earlier line is named by where it is, never quoted (it may be a test line)
    assert all("(b1:7)" in e and "a boiled egg for my tea" not in e for e in errors)
    assert not any("b2:3" in e for e in errors)


def test_bad_arguments_are_clear_errors(tmp_path, capsys):
    added = tmp_path / "new.jsonl"
    _write(added, _pool(4, 2))
    assert split.main(["--add", str(added)]) == 2
    assert "--batch N with N >= 2" in capsys.readouterr().err
    assert split.main(["--batch", "1", "--add", str(added)]) == 2
    assert split.main(["--batch", "2", "--add", str(tmp_path / "none.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert split.main(["--batch", "2", "--add", str(added), "--check"]) == 2
    bad = tmp_path / "bad.jsonl"
    _write(bad, [{"lang": "fr", "user": "bonjour"}])
    root = ["--root", str(tmp_path)]
    assert split.main([*root, "--batch", "2", "--add", str(bad)]) == 1
    assert "bad.jsonl:1: field 'lang'" in capsys.readouterr().err


def test_the_shipped_second_batch_is_split_on_its_own():
    assert 2 in batches(split.HERE)
    for lang in split.LANGS:
        halves = [split.read_jsonl(split.path(lang, s, batch=2)) for s in split.SPLITS]
        assert all(halves), lang
        assert abs(len(halves[0]) - len(halves[1])) <= 1, lang
        assert split.validate(lang, halves[0] + halves[1], batch=2) == []
