"""The Kneser-Ney n-gram model, its ARPA export, and the context-aware `NgramScorer`."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from asr import LanguageModelScorer, RecognitionContext
from asr.domain_lm import NgramScorer, build_arpa, dictionary_words
from asr.ngram import BOS, EOS, UNK, NgramModel

ANSWERS = [
    "i had rice and soup for breakfast",
    "i ate some bread this morning",
    "i slept well last night",
    "i did not sleep well",
    "yes i took my medicine",
    "no i forgot my pills",
    "my knee hurts a little",
]


def tokenized(sentences: list[str]) -> list[list[str]]:
    return [s.split() for s in sentences]


@pytest.mark.parametrize("order", [1, 2, 3, 4])
def test_distributions_sum_to_one(order: int) -> None:
    model = NgramModel(tokenized(ANSWERS), order, vocabulary=["metformin"])
    predicted = sorted(model.vocabulary - {BOS})
    for context in [(BOS,), (BOS, "i"), ("i", "did"), ("my",), ("never", "seen"), ()]:
        total = sum(math.exp(model.logprob(w, context)) for w in predicted)
        assert total == pytest.approx(1.0, abs=1e-9), context


def test_model_prefers_seen_word_order_and_floors_unknown_words() -> None:
    model = NgramModel(tokenized(ANSWERS), 3)
    assert model.sentence_logprob("i slept well".split()) > model.sentence_logprob(
        "well slept i".split()
    )
    assert model.logprob("zebra", ("i",)) == model.logprob(UNK, ("i",))
    assert math.isfinite(model.logprob("zebra", ("i",)))


def test_model_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="order"):
        NgramModel(tokenized(ANSWERS), 0)
    with pytest.raises(ValueError, match="no sentences"):
        NgramModel([], 3)
    with pytest.raises(TypeError, match="tokenized"):
        NgramModel(["i slept well"], 3)  # type: ignore[list-item]


def read_arpa(path: Path) -> tuple[dict[tuple[str, ...], float], dict[tuple[str, ...], float]]:
    probs, backoffs = {}, {}
    section = 0
    for line in path.read_text().splitlines():
        if m := re.fullmatch(r"\\(\d)-grams:", line):
            section = int(m.group(1))
        elif section and line and not line.startswith("\\"):
            fields = line.split("\t")
            gram = tuple(fields[1].split())
            assert len(gram) == section, line
            probs[gram] = float(fields[0]) * math.log(10)
            if len(fields) == 3:
                backoffs[gram] = float(fields[2]) * math.log(10)
    return probs, backoffs


def arpa_logprob(probs, backoffs, word, context) -> float:
    """The ARPA back-off rule, read straight from the file."""
    context = tuple(context)
    if (*context, word) in probs:
        return probs[(*context, word)]
    if not context:
        return probs[(UNK,)]
    return backoffs.get(context, 0.0) + arpa_logprob(probs, backoffs, word, context[1:])


def test_arpa_file_reproduces_the_model(tmp_path: Path) -> None:
    report = build_arpa(ANSWERS, tmp_path / "lm.arpa", order=3)
    assert report.unknown_words == ()
    model = NgramModel(tokenized(ANSWERS), 3)
    probs, backoffs = read_arpa(report.path)
    assert len(probs) == report.ngrams
    for sentence in ["i slept well", "my knee hurts", "i took my soup", "no bread"]:
        context = [BOS]
        for word in [*sentence.split(), EOS]:
            expected = model.logprob(word, context)
            got = arpa_logprob(probs, backoffs, word, context[-2:])
            assert got == pytest.approx(expected, abs=1e-5), (sentence, word)
            context.append(word)


def test_arpa_leaves_out_words_without_pronunciation(tmp_path: Path, caplog) -> None:
    sentences = ["i took my zqxvil today", "i took my medicine"]
    report = build_arpa(sentences, tmp_path / "lm.arpa", known_words={"i", "took", "my", "today"})
    assert set(report.unknown_words) == {"zqxvil", "medicine"}
    assert "zqxvil" in caplog.text
    probs, _ = read_arpa(report.path)
    assert not any("zqxvil" in gram or "medicine" in gram for gram in probs)
    assert ("took", "my") in probs


def test_pocketsphinx_loads_the_arpa_file(tmp_path: Path) -> None:
    pocketsphinx = pytest.importorskip("pocketsphinx")
    report = build_arpa(ANSWERS, tmp_path / "lm.arpa")
    lm = pocketsphinx.NGramModel.readfile(str(report.path))
    assert lm.size() == 3
    assert "slept" in dictionary_words()


def test_scorer_satisfies_the_protocol_and_ranks_domain_text_higher() -> None:
    scorer = NgramScorer(ANSWERS)
    assert isinstance(scorer, LanguageModelScorer)
    good, bad = scorer.score(["I slept well.", "eye slapped wool"])
    assert good > bad
    assert scorer.score([]) == []


def test_scorer_uses_the_answers_to_the_last_question() -> None:
    answers = {
        "Did you take your medicine today?": ["yes i took it", "no i forgot it"],
        "How did you sleep last night?": ["i slept well", "i could not sleep"],
    }
    scorer = NgramScorer(ANSWERS, answers=answers)
    texts = ["yes i took it", "i slept well"]
    medicine = scorer.score(texts, context=RecognitionContext("Did you take your medicine today?"))
    sleep = scorer.score(texts, context=RecognitionContext("How did you sleep last night, Mary?"))
    assert medicine[0] - medicine[1] > sleep[0] - sleep[1]
    assert sleep[1] > sleep[0]  # templated question (a name added) still matches
    unrelated = scorer.score(texts, context=RecognitionContext("What is the weather like?"))
    assert unrelated == scorer.score(texts)


def test_scorer_boosts_expected_vocabulary() -> None:
    scorer = NgramScorer(ANSWERS)
    texts = ["i took my metformin", "i took my medicine"]
    plain = scorer.score(texts)
    biased = scorer.score(texts, context=RecognitionContext(vocabulary=("Metformin",)))
    assert biased[0] > plain[0]
    assert biased[0] - biased[1] > plain[0] - plain[1]


def test_scorer_checks_its_configuration() -> None:
    with pytest.raises(ValueError, match="answer_weight"):
        NgramScorer(ANSWERS, answer_weight=1.5)
    with pytest.raises(ValueError, match="no answers"):
        NgramScorer(ANSWERS, answers={"How are you?": []})


def test_generic_english_model_reads_pocketsphinx_lm() -> None:
    from asr.sphinx import GenericLM

    english = GenericLM()
    assert english.order == 3
    assert english.logprob("the", [BOS]) > english.logprob("metronome", [BOS])
    assert english.logprob("well", [BOS, "i", "slept"]) > english.logprob("well", ["purple"])
    assert english.logprob("zqxvil", ["i"]) == english.floor
    assert math.isfinite(english.logprob(EOS, ["slept", "well"]))
    with pytest.raises(FileNotFoundError, match="no such language model"):
        GenericLM("/nonexistent/lm.bin")


class Table:
    """A background model that likes exactly one word."""

    def logprob(self, word, context=()):
        return math.log(0.5) if word == "coffee" else math.log(1e-6)


def test_background_model_speaks_for_words_the_domain_never_saw() -> None:
    plain = NgramScorer(ANSWERS)
    mixed = NgramScorer(ANSWERS, background=Table(), background_weight=0.1)
    texts = ["i had coffee", "i had toffee"]
    assert plain.score(texts)[0] == pytest.approx(plain.score(texts)[1])  # both unknown
    liked, unliked = mixed.score(texts)
    assert liked > unliked
    assert mixed.score(["i slept well"])[0] < plain.score(["i slept well"])[0]  # 10% given away
    with pytest.raises(ValueError, match="background_weight"):
        NgramScorer(ANSWERS, background=Table(), background_weight=1.0)
    assert NgramScorer(ANSWERS, background_weight=0.5).background_weight == 0.0  # none given
