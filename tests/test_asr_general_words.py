"""The domain LM widened by general English's most frequent words (`NgramModel.mix_unigrams`,
`GenericLM.unigrams`, `SphinxRecognizer.from_sentences(general_words=...)`)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from asr.domain_lm import build_arpa, dictionary_words
from asr.ngram import BOS, NgramModel

ANSWERS = ["i slept well last night", "i took my pills", "yes i ate breakfast"]


def model() -> NgramModel:
    return NgramModel([s.split() for s in ANSWERS], 3)


@pytest.mark.parametrize("weight", [0.05, 0.3])
def test_unigram_level_stays_a_distribution_and_background_words_become_likely(weight) -> None:
    m = model()
    m.mix_unigrams({"knee": math.log(0.01), "after": math.log(0.03), "i": math.log(0.5)}, weight)
    assert {"knee", "after"} <= m.vocabulary
    unigrams = [math.exp(m.logprob(w)) for w in m.vocabulary - {BOS}]
    assert sum(unigrams) == pytest.approx(1.0, abs=1e-9)
    # a word new to the model has the background's share alone (renormalized over the three)
    assert m.logprob("knee") == pytest.approx(math.log(weight * 0.01 / 0.54))
    assert m.logprob("after") > m.logprob("knee")  # the background's order
    assert m.logprob("slept", ("i",)) > m.logprob("knee", ("i",))  # the domain still leads


def test_mixing_checks_its_input() -> None:
    m = model()
    with pytest.raises(ValueError, match="weight"):
        m.mix_unigrams({"knee": -1.0}, 1.0)
    with pytest.raises(ValueError, match="single words"):
        m.mix_unigrams({"two words": -1.0}, 0.1)
    unchanged = model()
    m.mix_unigrams({"knee": -1.0}, 0.0)
    assert m.vocabulary == unchanged.vocabulary


def test_general_english_unigrams_are_the_most_frequent_known_words() -> None:
    from asr.sphinx import GenericLM

    english = GenericLM()
    top = english.unigrams(["metronome", "the", "after", "zqxvil", "knee"], 3)
    assert list(top) == ["the", "after", "knee"]  # most probable first; unknown left out
    assert all(v < 0 for v in top.values())
    with pytest.raises(ValueError, match="top"):
        english.unigrams(["the"], 0)


def test_widened_arpa_lets_pocketsphinx_say_words_the_domain_never_saw(tmp_path: Path) -> None:
    from pocketsphinx import NGramModel

    known = dictionary_words()
    closed = build_arpa(ANSWERS, tmp_path / "closed.arpa", known_words=known)
    wide = build_arpa(
        ANSWERS,
        tmp_path / "wide.arpa",
        known_words=known,
        background={"knee": math.log(0.5), "after": math.log(0.5)},
        background_weight=0.1,
    )
    assert "knee" not in closed.words and {"knee", "after"} <= wide.words
    loaded = NGramModel.readfile(str(wide.path))  # a file pocketsphinx accepts
    assert loaded.prob(["knee"]) > loaded.prob(["zqxvil"])


def test_scorer_prefers_words_the_person_said_before() -> None:
    from asr import RecognitionContext
    from asr.domain_lm import NgramScorer

    scorer = NgramScorer(ANSWERS, history_weight=0.1)
    texts = ["my knee hurts", "my need hurts"]
    plain = scorer.score(texts, context=RecognitionContext("How are you?"))
    told = RecognitionContext("How are you?", history=("your knee was hurting",))
    remembered = scorer.score(texts, context=told)
    assert plain[0] == pytest.approx(plain[1])  # neither word is domain text
    assert remembered[0] > remembered[1]
    assert scorer.end_logprob("my knee", context=told) != scorer.end_logprob("my knee")
    off = NgramScorer(ANSWERS, history_weight=0.0).score(texts, context=told)
    assert off[0] == pytest.approx(off[1])
    with pytest.raises(ValueError, match="history_weight"):
        NgramScorer(ANSWERS, answer_weight=0.7, vocabulary_weight=0.1, history_weight=0.2)
