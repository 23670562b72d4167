"""The learned layer's English concept features (dialogue.learned.features_en / _guard_en).

A word no training file holds still fires the concept its synonyms share; scope flags follow
negation and whose clause it is; the extractor's own features are untouched; and the disk
cache's key covers the modules the concept features read."""

from __future__ import annotations

import pytest

from dialogue.analysis import analyze
from dialogue.learned import cache, data
from dialogue.learned.features import features, task_features
from dialogue.learned.features_en import concept_features
from dialogue.learned.features_guard_en import guard_features
from dialogue.safety.en_concepts import C


def extra(text: str, task: str = "emergency") -> list[str]:
    """The emergency concept features, as `task_features` adds them for English."""
    assert task == "emergency"
    return concept_features(analyze(text, "en"))


def guard_extra(text: str) -> list[str]:
    return guard_features(analyze(text, "en"))


def _unseen(concept: str) -> list[str]:
    """One-word phrases of `concept` that no English emergency training case contains."""
    try:
        texts = " ".join(e.text.lower() for e in data.examples("emergency", "en"))
    except data.LearnedDataMissing:
        pytest.skip("no training files")
    words = [p for p in C[concept] if p.isalpha() and p not in texts]
    return words


def test_a_concept_fires_for_a_synonym_no_training_case_holds():
    words = _unseen("CHEST")
    assert words, "every CHEST word is in a training case: pick another concept"
    for word in words:
        row = extra(f"my {word} is aching something terrible", "emergency")
        assert "k:CHEST" in row, word
        assert "kk:CHEST+PAIN" in row, word  # the concept bigram, as for "chest"
    assert "kk:CHEST+PAIN" in extra("my chest is aching", "emergency")


def test_scope_flags_flip_with_negation_and_person():
    assert "k:FALL" in extra("I fell in the kitchen", "emergency")
    assert "k:FALL~neg" not in extra("I fell in the kitchen", "emergency")
    assert "k:FALL~neg" in extra("I didn't fall in the kitchen", "emergency")
    assert "k:FALL~other" in extra("my neighbour fell in the kitchen", "emergency")
    assert "k:FALL~other" not in extra("I fell in the kitchen", "emergency")
    assert "k:FALL~past" in extra("I fell last month", "emergency")


def test_rule_evidence_below_the_rules_bar_is_a_feature():
    row = extra("I can't breathe properly", "emergency")
    assert any(f.startswith("r:") for f in row)
    assert not any(f.startswith("r:") for f in extra("we had a lovely lunch", "emergency"))


def test_guard_classes_fire_for_wordings_of_the_guard_lexicons():
    row = guard_extra("A district nurse will pop round this afternoon.")
    assert {"g:PERSON", "g:WILL", "gr:visit"} <= set(row)
    row = guard_extra("Take an extra dose of your pills tonight.")
    assert {"g:MED", "g:EXTRA", "gg:EXTRA+MED"} <= set(row)
    assert not any(f.startswith("gr:") for f in guard_extra("That sounds lovely."))


def test_empty_text_gives_no_concepts():
    assert extra("", "emergency") == []
    assert guard_extra("   ") == []


def test_the_extractor_features_are_unchanged():
    text = "my chest is aching"
    assert not any(f[:2] in ("k:", "r:") for f in features(text, "en"))
    row = task_features(text, "en", "emergency")
    assert row[: len(features(text, "en"))] == features(text, "en")
    assert row[len(features(text, "en")) :] == extra(text)  # the concepts, after the words


def test_task_features_analyse_the_utterance_once(monkeypatch):
    from dialogue.learned import features as feats

    calls = []
    real = feats.analyze
    monkeypatch.setattr(feats, "analyze", lambda t, lang: calls.append(t) or real(t, lang))
    for lang, text in (("en", "my chest is aching"), ("ko", "가슴이 아파요")):
        for task in ("emergency", "guard"):
            calls.clear()
            feats.task_features(text, lang, task)
            assert calls == [text], (lang, task)


def test_the_cache_key_covers_what_the_concept_features_read():
    names = {p.name for p in cache._CODE}
    assert {"features_en.py", "features_guard_en.py", "en_concepts.py", "en_lexicon.py"} <= names
    assert {"guard_en_lexicon.py", "guard_en_patterns.py"} <= names
