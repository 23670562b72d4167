"""N-best rescoring: reordering by a language model, merging of spelling variants, identity."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from asr import Hypothesis, RecognitionContext, Transcript
from asr.domain_lm import NgramScorer
from asr.rescore import Rescorer, merge_variants

DOMAIN = [
    "i slept well last night",
    "i did not sleep well",
    "yes i took my medicine",
    "i had rice for breakfast",
]


def nbest(*items: tuple[str, float]) -> Transcript:
    hyps = tuple(Hypothesis(text, logprob, None, logprob) for text, logprob in items)
    return Transcript(hyps[0].text if hyps else "", hyps, "en", {"asr": 0.5})


CRAFTED = nbest(
    ("i slapped well last knight", -10.0),
    ("eye slept well last night", -10.5),
    ("i slept well last night", -11.0),
)


def test_language_model_moves_the_domain_sentence_to_the_top() -> None:
    rescored = Rescorer(NgramScorer(DOMAIN), weight=1.0).rescore(CRAFTED)
    assert rescored.text == "i slept well last night"
    assert [h.text for h in rescored.nbest][0] == rescored.text
    assert all(h.lm_logprob is not None for h in rescored.nbest)
    scores = [h.score for h in rescored.nbest]
    assert scores == sorted(scores, reverse=True)
    top = rescored.nbest[0]
    assert top.score == pytest.approx(top.asr_logprob + top.lm_logprob)
    assert rescored.timings["asr"] == 0.5 and "rescore" in rescored.timings
    again = Rescorer(NgramScorer(DOMAIN), weight=1.0).rescore(CRAFTED)
    assert again.nbest == rescored.nbest  # deterministic


def test_small_weight_keeps_the_acoustic_winner() -> None:
    rescored = Rescorer(NgramScorer(DOMAIN), weight=1e-4).rescore(CRAFTED)
    assert rescored.text == "i slapped well last knight"


def test_length_bonus_counts_words() -> None:
    transcript = nbest(("yes", -5.0), ("yes i did", -5.5))
    assert Rescorer(NgramScorer(DOMAIN), 0.0, length_bonus=1.0).rescore(transcript).text == (
        "yes i did"
    )


class Recording:
    """A scorer that records its calls and scores by a fixed table."""

    def __init__(self, table: dict[str, float]) -> None:
        self.table = table
        self.calls: list[tuple[list[str], RecognitionContext | None]] = []

    def score(self, texts: list[str], *, context: RecognitionContext | None = None) -> list[float]:
        self.calls.append((texts, context))
        return [self.table[t] for t in texts]


def test_context_reaches_the_scorer_and_variants_are_merged_first() -> None:
    scorer = Recording({"yes": -1.0, "no": -3.0})
    transcript = nbest(("Yes.", -2.0), ("no", -2.5), ("yes", -1.0), ("YES!", -4.0))
    context = RecognitionContext("Did you eat?", ("rice",))
    rescored = Rescorer(scorer, weight=1.0).rescore(transcript, context)
    assert scorer.calls == [(["yes", "no"], context)]
    assert [(h.text, h.asr_logprob) for h in rescored.nbest] == [("yes", -1.0), ("no", -2.5)]


def test_merge_variants_ignores_spacing_in_korean() -> None:
    hyps = (
        Hypothesis("밥 먹었어요.", -1.0, None, -1.0),
        Hypothesis("밥먹었어요", -2.0, None, -2.0),
        Hypothesis("네", -3.0, None, -3.0),
    )
    assert [h.text for h in merge_variants(hyps, "ko")] == ["밥 먹었어요.", "네"]


def test_scorer_returning_the_wrong_number_of_scores_is_an_error() -> None:
    class Broken:
        def score(self, texts, *, context=None):
            return [0.0]

    with pytest.raises(ValueError, match="1 scores for 3 texts"):
        Rescorer(Broken(), weight=1.0).rescore(CRAFTED)


def test_negative_weight_is_refused() -> None:
    with pytest.raises(ValueError, match="weight"):
        Rescorer(NgramScorer(DOMAIN), weight=-1.0)


def test_empty_nbest_stays_empty() -> None:
    rescored = Rescorer(NgramScorer(DOMAIN), weight=1.0).rescore(Transcript(""))
    assert rescored.text == "" and rescored.nbest == ()


texts = st.text(alphabet="ab .,!?Yy", max_size=8)


@given(st.lists(st.tuples(texts, st.floats(-100, 0)), min_size=1, max_size=8))
def test_zero_weight_is_the_identity(items: list[tuple[str, float]]) -> None:
    items.sort(key=lambda item: -item[1])  # recognizers rank by asr_logprob
    transcript = nbest(*items)
    scorer = Recording({})
    rescored = Rescorer(scorer, weight=0.0).rescore(transcript)
    assert rescored.text == transcript.text
    assert scorer.calls == []  # a zero weight never pays for the model
