"""Korean concept features of the learned layer (`dialogue.learned.concepts_ko`): a word the
model never saw still carries its concept class, spacing does not matter, and the scope of a
predicate (안, 못, -었었, someone else) is read as the rules read it."""

from __future__ import annotations

from dialogue.analysis import analyze
from dialogue.analysis import ko_lexicon as K
from dialogue.learned.concepts_ko import concept_features, concepts_of, index
from dialogue.learned.features import features, task_features
from dialogue.safety import ko_lexicon as L


def feats(text: str) -> set[str]:
    return set(concept_features(analyze(text, "ko")))


def test_every_lexicon_word_has_its_class():
    classes = index()
    assert "a.CHEST" in classes["명치"]
    assert "s.POISON" in classes["제초제"]
    # one name per set: a re-export (safety's CHEST is analysis's CHEST) adds no second name
    assert not any(c == "s.CHEST" for names in classes.values() for c in names)
    assert all(w in classes for w in L.CARDIAC_PAIN)


def test_synonyms_share_the_pair_the_rules_test():
    a = feats("가슴이 너무 뻐근해요")
    b = feats("명치가 쑤셔요")  # other body word, other pain predicate, same concepts
    assert "kp:a.CHEST|s.CARDIAC_PAIN" in a & b
    assert "kp:a.CHEST|s.CARDIAC_PAIN" not in feats("다리가 쑤셔요")


def test_a_medicine_by_its_last_syllable():
    assert "위염약" not in K.DRUGS  # not listed: known as a medicine by its 약
    assert "a.DRUGS" in concepts_of("위염약", "NNG")
    assert "a.DRUGS" not in concepts_of("예약", "NNG")  # MEDICINE_EXCLUDE
    assert concepts_of("이", "JKS") == ()  # particles carry no concept (이: a tooth)


def test_spacing_does_not_matter():
    spaced = feats("숨이 안 쉬어져요")
    run_together = feats("숨이안쉬어져요")
    assert "ks:s.BREATH_DO|neg" in spaced
    assert "ks:s.BREATH_DO|neg" in run_together


def test_scope_flips_with_an_and_mot():
    assert "ks:s.CARDIAC_PAIN|neg" in feats("가슴이 안 아파요")
    assert "ks:s.CARDIAC_PAIN|neg" not in feats("가슴이 아파요")
    cannot = feats("혼자 못 일어나요")
    assert "ks:s.GET_UP|unable" in cannot and "ks:s.GET_UP|neg" not in cannot
    assert not any(f.startswith("ks:s.GET_UP|") for f in feats("혼자 일어나요"))


def test_finished_past_and_someone_else():
    assert "ks:s.FALL|done" in feats("어제 넘어졌었는데 지금은 괜찮아요")
    assert "ks:s.FALL|past" in feats("방금 넘어졌어요")
    assert "ks:s.FALL|other" in feats("옆집 할머니가 넘어졌어요")
    assert "ks:s.FALL|household" in feats("남편이 넘어졌어요")


def test_guard_shapes():
    assert {"s:humble_self", "s:future"} <= feats("제가 내일 댁으로 찾아뵐게요")
    assert {"s:honorific", "s:permit"} <= feats("혈압약은 끊으셔도 돼요")
    assert "s:ef_plain" in feats("약 먹어")
    assert "s:ef_plain" not in feats("약 드셨어요?")


def test_how_a_predicate_is_said():
    assert "ks:g.CHANGE|bid" in feats("혈압약은 이제 끊으세요")
    assert "ks:g.CHANGE|bid" not in feats("혈압약은 끊으셨어요?")
    assert "ks:g.SEND|will" in feats("간호사를 보내겠습니다")
    assert "ks:g.SEND|will" not in feats("간호사가 보냈어요")
    allowed = feats("병원 안 가셔도 돼요")
    assert {"ks:g.VISIT|may", "ks:g.VISIT|hon", "ks:g.VISIT|neg"} <= allowed


def test_only_korean_gets_korean_concepts():
    for task in ("emergency", "guard"):
        assert any(f.startswith("k:") for f in task_features("가슴이 아파요", "ko", task))
        en = task_features("my chest hurts", "en", task)
        assert not any(f.startswith(("ks:", "kp:", "k:a.", "k:s.", "k:g.")) for f in en)


def test_plain_features_hold_no_concepts():
    """`features` is what the extractor reads: words and n-grams, in either language."""
    for text, lang in (("가슴이 아파요", "ko"), ("my chest hurts", "en")):
        plain = features(text, lang)
        assert not any(f.startswith(("k:", "ks:", "kp:", "s:", "r:", "g:")) for f in plain)
        assert task_features(text, lang, "emergency")[: len(plain)] == plain
