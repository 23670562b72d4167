"""The blind extraction set's evaluator and split: arithmetic on stubs, errors, the shipped files.

Nothing here asserts how well the engine extracts: the evaluator is fed stub extractors.
"""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

import evaluation.extraction.__main__ as cli
from evaluation.extraction import split
from evaluation.extraction.evaluate import (
    DONT_KNOW,
    InputError,
    evaluate,
    load_rows,
    misses,
    report,
    summarize,
)

SC = "daily_checkin_en"
ROWS = [
    # user, item, truth, tags, also
    ("alpha one two", "meal", "ate", ["plain"], None),
    ("beta three four", "meal", "little", ["hedged", "garbled"], None),
    ("gamma five six", "sleep", None, ["not_answer"], None),
    ("delta seven eight", "sleep", None, ["topic_not_answer"], None),
    ("epsilon nine ten", "mood", "low", ["two_items"], {"outing": "stayed_in", "sleep": "poorly"}),
]
# what the stub extractor answers for each line's asked item
FOUND = {
    "alpha one two": "ate",  # right
    "beta three four": "ate",  # wrong: little -> ate
    "gamma five six": DONT_KNOW,  # right: null truth, DONT_KNOW
    "delta seven eight": "well",  # wrong: null truth, a class
    "epsilon nine ten": "low",  # right
}
PASSING = {"epsilon nine ten": {"outing": "stayed_in", "sleep": "well", "health": "pain"}}


def write(tmp_path, rows=ROWS, name="tiny.jsonl"):
    p = tmp_path / name
    lines = []
    for user, item, truth, tags, also in rows:
        r = {"lang": "en", "scenario": SC, "item": item, "user": user, "truth": truth}
        if also:
            r["also"] = also
        r["tags"] = tags
        lines.append(json.dumps(r))
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def stubs():
    ids = ("meal", "sleep", "health", "mood", "outing")
    sc = SimpleNamespace(items=[SimpleNamespace(id=i) for i in ids])
    return (
        lambda name: sc,
        lambda sc, item, text: FOUND[text],
        lambda sc, items, text: {i: c for i, c in PASSING.get(text, {}).items() if i in items},
    )


def test_arithmetic_on_a_tiny_file(tmp_path):
    cases = evaluate(load_rows([write(tmp_path)]), *stubs())
    s = summarize(cases)["en"]
    assert (s["ok"], s["n"]) == (3, 5)
    assert s["item"][f"{SC}/meal"] == 2 and s["item_ok"][f"{SC}/meal"] == 1
    assert s["item"][f"{SC}/sleep"] == 2 and s["item_ok"][f"{SC}/sleep"] == 1
    assert s["item_ok"][f"{SC}/mood"] == 1
    assert (s["tag_ok"]["garbled"], s["tag"]["garbled"]) == (0, 1)
    assert (s["tag_ok"]["not_answer"], s["tag"]["not_answer"]) == (1, 1)
    assert s["confusion"] == {
        (f"{SC}/meal", "little", "ate"): 1,
        (f"{SC}/sleep", "(null)", "well"): 1,
    }
    # in passing: outing right, sleep wrong; health is found but unlabelled, not a miss
    assert (s["also_ok"], s["also_n"], s["unlabelled"]) == (1, 2, 1)
    text = report(summarize(cases))
    assert "asked item 3/5 = 60.0%" in text and "1/2 = 50.0%" in text
    listed = misses(cases).splitlines()
    assert len(listed) == 3  # two asked-item misses and one in-passing miss
    assert any("truth=(null) found=well" in m for m in listed)
    assert any("in passing" in m and "truth=poorly found=well" in m for m in listed)


def test_a_right_extractor_scores_everything(tmp_path):
    rows = load_rows([write(tmp_path)])
    sc, _, _ = stubs()
    truth = {r["user"]: r["truth"] for r in rows}
    also = {r["user"]: r.get("also", {}) for r in rows}
    cases = evaluate(rows, sc, lambda s, i, t: truth[t], lambda s, items, t: also[t])
    s = summarize(cases)["en"]
    assert (s["ok"], s["n"], s["also_ok"], s["also_n"]) == (5, 5, 2, 2)
    assert misses(cases) == ""


def test_json_and_misses_from_the_command_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "engine", stubs)
    p = write(tmp_path)
    assert cli.main([str(p), "--json"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["found"] for o in out] == [FOUND[o["user"]] for o in out]
    assert [o["ok"] for o in out] == [True, False, True, False, True]
    assert out[4]["also_found"] == {"outing": "stayed_in", "sleep": "well"}
    assert out[0]["where"] == f"{p}:1"
    assert cli.main([str(p), "--misses"]) == 0
    text = capsys.readouterr().out
    assert f"{p}:2:" in text and f"{p}:1:" not in text


@pytest.mark.parametrize(
    ("line", "wanted"),
    [
        ("not json", ":1: not JSON"),
        (
            '{"lang": "en", "scenario": "daily_checkin_en", "item": "dinner", "user": "a b c", '
            '"truth": "ate", "tags": ["plain"]}',
            ":1: field 'item'",
        ),
        (
            '{"lang": "en", "scenario": "daily_checkin_en", "item": "meal", "user": "a b c", '
            '"truth": "eaten", "tags": ["plain"]}',
            ":1: field 'truth'",
        ),
        (
            '{"lang": "ko", "scenario": "daily_checkin_en", "item": "meal", "user": "a b c", '
            '"truth": "ate", "tags": ["plain"]}',
            ":1: field 'scenario'",
        ),
        (
            '{"lang": "en", "scenario": "daily_checkin_en", "item": "meal", "user": "a b c", '
            '"truth": null, "tags": ["plain"]}',
            ":1: field 'truth' is null exactly",
        ),
        (
            '{"lang": "en", "scenario": "daily_checkin_en", "item": "meal", "user": "a b c", '
            '"truth": "ate", "tags": ["two_items"], "also": {"sleep": ["well"]}}',
            ":1: field 'also'",
        ),
        (
            '{"lang": "en", "item": "meal", "user": "a b c", "truth": "ate", "tags": ["plain"]}',
            ":1: missing field(s) ['scenario']",
        ),
    ],
)
def test_a_bad_file_names_file_line_and_field(tmp_path, capsys, line, wanted):
    p = tmp_path / "bad.jsonl"
    p.write_text(line + "\n", encoding="utf-8")
    assert cli.main([str(p)]) == 2
    err = capsys.readouterr().err
    assert f"{p}{wanted}" in err
    assert "Traceback" not in err
    with pytest.raises(InputError):
        load_rows([p])


def test_a_missing_file_is_an_error(tmp_path, capsys):
    assert cli.main([str(tmp_path / "none.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_the_shipped_files_pass_check(capsys):
    assert split.main(["--check"]) == 0


def test_check_catches_near_duplicates_and_thin_classes(tmp_path):
    near = ROWS + [("alpha one three", "meal", "ate", ["plain"], None)]
    errors = split.validate("en", load_rows([write(tmp_path, near)]))
    assert any("one word apart" in e for e in errors)
    errors = split.validate("en", load_rows([write(tmp_path, ROWS)]))
    assert f"en: {SC} meal=ate has 1 lines < 8" in errors
    assert f"en: {SC} health has 0 null lines < 3" in errors
    assert split.validate("en", load_rows([write(tmp_path, ROWS)]), counts=False) == []


def test_the_split_is_stratified_and_ignores_file_order():
    pool = [r for s in split.SPLITS for r in split.read_jsonl(split.path("en", s))]
    a = split.split("en", pool)
    b = split.split("en", list(reversed(pool)))
    assert [r["user"] for r in a["dev"]] == [r["user"] for r in b["dev"]]
    for key in {split.stratum(r) for r in pool}:
        d, t = (sum(split.stratum(r) == key for r in a[s]) for s in split.SPLITS)
        assert abs(d - t) <= 1, key
