"""The learned layer's disk cache (dialogue.learned.cache) and its training-file list.

A second process loads what the first fitted (no fit), a change to a training file refits, a
damaged entry refits (never an error), and no held-out half is ever in the list."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from dialogue.learned import cache, data, layer, model
from tests.learned_kit import NEGATIVE, POSITIVE, lines, make_root

PROBE = [*POSITIVE, *NEGATIVE, "blorp", "a quiet day with blorp", "tea with my sister"]


@pytest.fixture
def root(tmp_path, monkeypatch):
    make_root(tmp_path)
    monkeypatch.setenv("CARECALL_LEARNED_DATA", str(tmp_path))
    monkeypatch.setenv("CARECALL_CACHE", str(tmp_path / "cache"))
    layer.reset()
    yield tmp_path
    layer.reset()


def _fits(monkeypatch) -> list[int]:
    """Count the fits of the binary model from now on (a cache hit makes none)."""
    count = [0]
    real = model.Binary.fit

    def counting(rows, labels):
        count[0] += 1
        return real(rows, labels)

    monkeypatch.setattr(model.Binary, "fit", staticmethod(counting))
    return count


def test_a_hit_loads_the_same_model_without_fitting(root, monkeypatch):
    first = layer.fit("emergency", "en")
    entries = list((root / "cache" / "learned").glob("emergency-en-*.npz"))
    assert len(entries) == 1
    fits = _fits(monkeypatch)
    second = layer.fit("emergency", "en")
    assert fits[0] == 0
    assert second.binary.vocab == first.binary.vocab
    assert [second.score(t) for t in PROBE] == pytest.approx([first.score(t) for t in PROBE])
    assert [second.flags(t) for t in PROBE] == [first.flags(t) for t in PROBE]


def test_the_stored_model_scores_as_scikit_learn_does(root):
    from sklearn.linear_model import LogisticRegression

    examples = data.examples("emergency", "en")
    rows = [layer.features(e.text, "en") for e in examples]
    fitted = model.Binary.fit(rows, [e.label for e in examples])
    clf = LogisticRegression(
        solver="liblinear", C=model.C, class_weight="balanced", random_state=model.SEED
    )
    vocab = model._vocab(rows)
    clf.fit(model._matrix(rows, vocab), [int(e.label) for e in examples])
    probe = [layer.features(t, "en") for t in PROBE]
    expected = clf.predict_proba(model._matrix(probe, vocab))[:, 1]
    assert np.allclose(fitted.scores(probe), expected, atol=1e-12)


def test_a_changed_training_file_is_a_stale_entry_and_refits(root, monkeypatch):
    layer.fit("emergency", "en")
    before = cache.key("emergency", "en")
    batch = root / "tests" / "safety_en_batch1.jsonl"
    extra = {"lang": "en", "user": "zorp in my bathroom", "emergency": True, "category": "zorp"}
    batch.write_text(batch.read_text(encoding="utf-8") + lines([extra]), encoding="utf-8")
    assert cache.key("emergency", "en") != before
    fits = _fits(monkeypatch)
    refitted = layer.fit("emergency", "en")
    assert fits[0] == 1
    assert "w:zorp" in refitted.binary.vocab
    entries = list((root / "cache" / "learned").glob("emergency-en-*.npz"))
    assert len(entries) == 1 and before not in entries[0].name  # the stale one is gone


def test_the_code_and_library_versions_are_in_the_key(root, monkeypatch):
    before = cache.key("emergency", "en")
    monkeypatch.setattr(cache, "_version", lambda package: "0.0-other")
    assert cache.key("emergency", "en") != before


@pytest.mark.parametrize("damage", [b"", b"not a zip file", "truncate", "other-key"])
def test_a_corrupt_entry_is_refitted_never_an_error(root, monkeypatch, caplog, damage):
    first = layer.fit("emergency", "en")
    digest = cache.key("emergency", "en")
    entry = cache.path("emergency", "en", digest)
    if damage == "truncate":
        entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])
    elif damage == "other-key":
        with np.load(entry, allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in npz.files}
        arrays["key"] = np.asarray("0" * 32)
        with open(entry, "wb") as f:
            np.savez(f, **arrays)
    else:
        entry.write_bytes(damage)
    fits = _fits(monkeypatch)
    with caplog.at_level(logging.WARNING):
        again = layer.fit("emergency", "en")
    assert fits[0] == 1 and "refitting" in caplog.text
    assert [again.score(t) for t in PROBE] == pytest.approx([first.score(t) for t in PROBE])
    assert cache.load("emergency", "en", digest) is not None  # rewritten, whole


def test_a_cache_folder_that_cannot_be_written_still_gives_a_layer(root, monkeypatch, caplog):
    blocker = root / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("CARECALL_CACHE", str(blocker))
    with caplog.at_level(logging.WARNING):
        fitted = layer.fit("emergency", "en")
    assert fitted.flags("blorp in the hall") is not None
    assert "cannot write the cache" in caplog.text


def test_new_dev_batches_are_picked_up_and_test_halves_never(tmp_path):
    safety = tmp_path / "evaluation" / "safety"
    safety.mkdir(parents=True)
    row = [{"lang": "en", "user": "I fell and can't get up", "emergency": True, "category": "fall"}]
    names = ["dev", "dev2", "dev3", "test", "test2", "test3"]
    for name in names:
        (safety / f"emergency_en.{name}.jsonl").write_text(lines(row), encoding="utf-8")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "safety_en_batch4.test.jsonl").write_text("{}", encoding="utf-8")
    found = [p.name for p in data.files("emergency", "en", tmp_path)]
    assert found == [f"emergency_en.{n}.jsonl" for n in ("dev", "dev2", "dev3")]
    assert len(data.examples("emergency", "en", tmp_path)) == 3


@pytest.mark.parametrize(
    "name", ["emergency_en.test.jsonl", "guard_ko.test2.jsonl", "x_test3.jsonl", "a-test.txt"]
)
def test_a_held_out_half_is_refused_even_if_a_pattern_lists_it(tmp_path, monkeypatch, name):
    (tmp_path / name).write_text("", encoding="utf-8")
    monkeypatch.setitem(data.PATTERNS["emergency"], "en", [name])
    with pytest.raises(data.LearnedDataMissing):
        data.files("emergency", "en", tmp_path)
    monkeypatch.setattr(data, "files", lambda *a, **k: [tmp_path / name])
    with pytest.raises(AssertionError, match="held-out"):
        data.examples("emergency", "en", tmp_path)


def test_the_repositorys_training_list_holds_no_held_out_half():
    for task in ("emergency", "guard"):
        for lang in ("en", "ko"):
            found = data.files(task, lang)
            assert found and not [p for p in found if data._held_out(p)]
            assert not [p for p in found if p.name.endswith((".test.jsonl", ".test2.jsonl"))]
