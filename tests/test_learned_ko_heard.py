"""Korean emergencies as heard, for the learned layer: the concept features read the utterance
as the rules do (after `safety.ko_asr.repair`), a past written with a doubled 써 keeps its
verb, and 충청/전라 못허다 is the unable 못하다. Each case is a new wording."""

from __future__ import annotations

import pytest

from dialogue.analysis import analyze
from dialogue.analysis.ko_dialect import standard
from dialogue.learned.concepts_ko import concept_features
from dialogue.safety.ko_asr import repair, repaired


def feats(text: str) -> set[str]:
    return set(concept_features(analyze(text, "ko")))


@pytest.mark.parametrize(
    "heard, concept",
    [
        ("수미 안 쉬어져요", "k:a.BREATH"),  # 숨이, heard as the name 수미
        ("아까 정시늘 이러써요", "k:s.CONSCIOUS"),  # 정신을 잃었어요
    ],
)
def test_concepts_are_read_after_the_rules_repairs(heard, concept):
    assert concept in feats(heard)


def test_a_name_is_not_repaired_into_a_symptom():
    assert "k:a.BREATH" not in feats("수미가 어제 놀러 왔어요")


@pytest.mark.parametrize(
    "heard, meant",
    [
        ("약병을 통째로 먹었써요", "약병을 통째로 먹었어요"),
        ("화장실에서 쓰러졌써", "화장실에서 쓰러졌어"),
        ("어제 다 했써요.", "어제 다 했어요."),
        ("수면제를 통채로 먹었써요", "수면제를 통째로 먹었어요"),
    ],
)
def test_a_doubled_past_keeps_its_verb(heard, meant):
    assert repaired(heard) == meant
    lemmas = [t.lemma for t in repair(analyze(heard, "ko")).tokens]
    assert "쓰" not in lemmas  # not 쓰다 (to write) after the past


@pytest.mark.parametrize("text", ["편지를 써요", "돈을 많이 썼어요", "모자를 써서 괜찮아요"])
def test_the_verb_write_is_left_alone(text):
    assert repaired(text) == text


@pytest.mark.parametrize(
    "said, meant",
    [
        ("일어나지를 못허겄어", "일어나지를 못하겠어"),
        ("숨을 못 허고 있어요", "숨을 못 하고 있어요"),
    ],
)
def test_dialect_unable_reads_as_standard(said, meant):
    from dialogue.analysis.ko import _spoken

    assert _spoken(said) == meant
    assert len(standard(said)) == len(said)


@pytest.mark.parametrize("text", ["못 허리를 펴요", "허락을 못 받았어요", "못허리"])
def test_heo_that_is_no_verb_is_left_alone(text):
    assert standard(text) == text
