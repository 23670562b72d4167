"""The learned extraction layer: scope features, the combination rule, the fit, the cache."""

from __future__ import annotations

import numpy as np
import pytest

from dialogue import extract_learned as el
from dialogue.extract import Extraction, extract, extract_rules
from dialogue.extract_learned_cv import FOLDS, folds
from dialogue.extract_scope import scope_features
from dialogue.scenario import DONT_KNOW, load_scenario

T = el.Thresholds(fill=0.6, null=0.5, over=0.8)


def _rules_en(item, text: str, dont_know) -> Extraction:
    """The rules' answer as `extract` reads English: over the speaker's own clauses of today
    (`dialogue.extract_clauses`), before any learned layer."""
    from dialogue.extract_clauses import todays_own

    own = todays_own(text, "en")
    if own is None:
        return Extraction(item.id, None)
    return extract_rules(item, own, language="en", dont_know=dont_know)


def test_negation_scope_en():
    f = scope_features("I didn't eat anything", "en")
    assert "n:eat" in f
    assert "n:eat" not in scope_features("I ate, I didn't skip it", "en")
    assert "nn:eat" in scope_features("I didn't not eat", "en")


def test_negation_scope_ko():
    assert "n:먹" in scope_features("밥을 못 먹었어요", "ko")
    assert "n:아프" in scope_features("아프지 않아요", "ko")
    assert "nn:먹" in scope_features("안 먹은 건 아니고", "ko")
    assert "n:먹" not in scope_features("밥 먹었어요", "ko")


def test_whose_and_when():
    assert "who:other" in scope_features("my neighbour's dog is in pain", "en")
    assert "who:self" in scope_features("I'm in pain", "en")
    assert "when:past" in scope_features("yesterday I slept badly", "en")
    assert "who:other" in scope_features("우리 강아지가 밥을 안 먹어", "ko")
    assert "q:little" in scope_features("I had only a little", "en")


def test_combine():
    assert el.combine(None, "ate", 0.7, T, DONT_KNOW) == "learned"
    assert el.combine(None, "ate", 0.5, T, DONT_KNOW) == "rules"
    assert el.combine(None, el.NULL, 0.99, T, DONT_KNOW) == "rules"
    assert el.combine(DONT_KNOW, "ate", 0.99, T, DONT_KNOW) == "rules"
    assert el.combine("ate", el.NULL, 0.6, T, DONT_KNOW) == "none"
    assert el.combine("ate", el.NULL, 0.4, T, DONT_KNOW) == "rules"
    assert el.combine("ate", el.NULL, 0.99, T, DONT_KNOW, why=False) == "rules"
    assert el.combine("ate", "skipped", 0.9, T, DONT_KNOW) == "learned"
    assert el.combine("ate", "skipped", 0.7, T, DONT_KNOW) == "rules"
    assert el.combine("ate", "ate", 0.99, T, DONT_KNOW) == "rules"


def test_reason_for_no_answer():
    assert el.reason("my neighbour's dog is in pain", "en")
    assert el.reason("yesterday I didn't eat", "en")
    assert el.reason("what did you say?", "en")
    assert not el.reason("No, I never left the house.", "en")
    assert not el.reason("네, 평소대로 지내요.", "ko")
    assert el.reason("우리 강아지가 밥을 안 먹어", "ko")


def test_fit_model_probabilities_sum_to_one_and_learn():
    rows = [["w:eat"], ["w:eat", "w:toast"], ["n:eat"], ["n:eat", "w:nothing"], ["w:dog"]] * 3
    labels = ["ate", "ate", "skipped", "skipped", el.NULL] * 3
    m = el.fit_model(rows, labels)
    p = m.proba([["w:eat"], ["n:eat"], ["w:dog"]])
    assert np.allclose(p.sum(axis=1), 1.0)
    assert [m.classes[i] for i in p.argmax(axis=1)] == ["ate", "skipped", el.NULL]
    two = el.fit_model([["a"], ["b"]] * 3, ["x", "y"] * 3)
    assert two.proba([["a"]])[0].argmax() == two.classes.index("x")
    assert el.fit_model([["a"]], ["x"]) is None


def test_folds_round_robin_within_stratum():
    rows = tuple({"scenario": "s", "item": "i", "truth": "t"} for _ in range(7))
    assert folds(rows) == [k % FOLDS for k in range(7)]


def test_never_reads_held_out_halves():
    rows = el.dev_rows("en")
    assert rows and all(".test" not in r["_where"] for r in rows)
    assert el._held_out(el.ROOT / "evaluation/extraction/answers_en.test.jsonl")


def test_layer_amends_the_rules_and_can_be_switched_off():
    sc = load_scenario("daily_checkin_en")
    meal = next(it for it in sc.items if it.id == "meal")
    text = "My neighbour's dog hasn't eaten a thing all week, poor thing."
    try:
        el.set_enabled(False)
        off = extract(meal, text, language="en", dont_know=sc.dont_know)
        assert off == _rules_en(meal, text, sc.dont_know)
    finally:
        el.set_enabled(True)
    on = extract(meal, text, language="en", dont_know=sc.dont_know)
    assert on.answer_class in (None, DONT_KNOW, *[a.answer_class for a in meal.answers])
    if on.answer_class != off.answer_class:
        assert on.confidence < 0.5  # a learned answer is never a sure one to the safety gate


def test_item_outside_the_shipped_scenarios_gets_rules_only():
    sc = load_scenario("daily_checkin_en")
    meal = next(it for it in sc.items if it.id == "meal")
    other = meal.model_copy(update={"id": "lunch"})
    text = "I had a sandwich at noon"
    assert el._signature(other) not in el._trained_cached("en")
    assert extract(other, text, language="en") == extract_rules(other, text, language="en")


def test_cache_round_trip(tmp_path, monkeypatch):
    monkeypatch.setenv("CARECALL_CACHE", str(tmp_path))
    m = el.fit_model([["w:a"], ["w:b"], ["w:c"]] * 2, ["x", "y", el.NULL] * 2)
    el._store("en", "abc", m)
    back = el._load("en", "abc")
    assert back.classes == m.classes and np.allclose(back.coef, m.coef)
    el._store("en", "def", m)  # a newer fit replaces the language's older one
    assert not el._cache_file("en", "abc").exists() and el._load("en", "def") is not None
    el._cache_file("en", "def").write_bytes(b"not an npz")
    assert el._load("en", "def") is None


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_shipped_item_is_trained(lang):
    trained = el._trained_cached(lang)
    for name in el.SHIPPED[lang]:
        for it in load_scenario(name).items:
            assert el._signature(it) in trained, (name, it.id)


def test_refine_keeps_evidence_shape():
    sc = load_scenario("daily_checkin_en")
    meal = next(it for it in sc.items if it.id == "meal")
    found = Extraction("meal", None)
    out = el.refine(meal, "", "en", found)
    assert out is found  # nothing said: nothing to amend


def test_by_default_the_layer_amends_korean_and_leaves_english_to_the_rules(monkeypatch):
    monkeypatch.setattr(el, "_languages", el.DEFAULT_LANGUAGES)
    assert "ko" in el.DEFAULT_LANGUAGES and "en" not in el.DEFAULT_LANGUAGES
    sc = load_scenario("daily_checkin_en")
    meal = next(it for it in sc.items if it.id == "meal")
    for text in ("My neighbour's dog hasn't eaten a thing all week.", "yes my me hurt been a log"):
        got = extract(meal, text, language="en", dont_know=sc.dont_know)
        assert got == _rules_en(meal, text, sc.dont_know)
