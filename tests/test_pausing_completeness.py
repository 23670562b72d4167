"""Pausing callers (evaluation.pausing) and the evidence for the adaptive end of turn
(asr.completeness): pure functions, no audio model."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from asr import RecognitionContext
from asr.completeness import end_probability, unfinished
from evaluation.pausing import PAUSING_EN, PAUSING_KO, PauseRange, pieces, render, render_all


def tone(text: str):
    """A stand-in voice: 0.05 s of tone per character, at 8 kHz."""
    n = round(0.05 * len(text) * 8000)
    return 0.5 * np.sin(np.arange(n) * 0.3).astype(np.float32), 8000


def test_pieces_split_at_every_stop():
    assert pieces("I went to the... uh... the market.") == ["I went to the", "uh", "the market."]
    assert pieces("음… 그게… 시장에 갔어요.") == ["음", "그게", "시장에 갔어요."]
    with pytest.raises(ValueError, match="nothing to say"):
        pieces(" ... ")
    with pytest.raises(TypeError):
        pieces(None)


def test_rendered_pauses_are_drawn_in_range_and_are_silent():
    answer = render("I had... um... some rice.", tone, random.Random(3), PauseRange(1.0, 3.0))
    assert len(answer.pauses) == 2 and all(1.0 <= p <= 3.0 for p in answer.pauses)
    speech = sum(len(tone(p)[0]) for p in pieces(answer.text)) / 8000
    assert math.isclose(answer.duration, speech + sum(answer.pauses), abs_tol=0.01)
    # The longest silent run is one of the drawn pauses.
    quiet = np.abs(answer.samples) < 1e-6
    runs, run = [], 0
    for q in quiet:
        run = run + 1 if q else 0
        runs.append(run)
    assert math.isclose(max(runs) / 8000, max(answer.pauses), abs_tol=0.01)


def test_rendering_is_seeded_and_every_shipped_answer_pauses():
    a = render_all(PAUSING_EN, tone, seed=7)
    b = render_all(PAUSING_EN, tone, seed=7)
    assert [x.pauses for x in a] == [x.pauses for x in b]
    assert [x.pauses for x in a] != [x.pauses for x in render_all(PAUSING_EN, tone, seed=8)]
    assert all(len(pieces(t)) >= 2 for t in PAUSING_EN + PAUSING_KO)
    with pytest.raises(ValueError, match="pause range"):
        PauseRange(2.0, 1.0)


@pytest.mark.parametrize(
    "text, language",
    [
        ("I went to the", "en"),
        ("yes I took my", "en"),
        ("I had um", "en"),
        ("no I did not go out because", "en"),
        ("음", "ko"),
        ("그게", "ko"),
        ("무릎이", "ko"),
        ("아침에", "ko"),
        ("밥을 먹고", "ko"),
    ],
)
def test_phrases_that_stop_mid_sentence_are_unfinished(text, language):
    assert unfinished(text, language)
    assert end_probability(text, language) == 0.0


@pytest.mark.parametrize(
    "text, language",
    [
        ("I went to the market", "en"),
        ("no", "en"),
        ("yes I did", "en"),
        ("I slept well", "en"),
        ("시장에 갔어요", "ko"),
        ("네", "ko"),
        ("잘 잤습니다", "ko"),
    ],
)
def test_finished_phrases_are_not_unfinished(text, language):
    assert not unfinished(text, language)


class FixedEnd:
    def __init__(self, p: float) -> None:
        self.p, self.seen = p, []

    def end_logprob(self, text, *, context=None):
        self.seen.append(text)
        return math.log(self.p)


class Answering(FixedEnd):
    """A model that also says how confidently a phrase answers the question just asked."""

    def __init__(self, p: float, confidence: float | None) -> None:
        super().__init__(p)
        self.confidence = confidence

    def answer_confidence(self, text, context):
        return self.confidence


def test_end_probability_comes_from_the_model_lowered_when_the_question_is_not_answered():
    assert end_probability("", "en") is None
    assert end_probability("I went to the market", "en") is None  # no model: no evidence
    model = FixedEnd(0.4)
    assert math.isclose(end_probability("I went to the market", "en", model), 0.4)
    context = RecognitionContext("Did you go out?", vocabulary=("market", "walk"))
    # Expected words alone no longer lift it: the vocabulary holds "i", "the", "to" too.
    assert math.isclose(end_probability("I went to the market", "en", model, context), 0.4)
    answered = end_probability("I went to the market", "en", Answering(0.4, 0.9), context)
    open_ = end_probability("my daughter", "en", Answering(0.4, 0.0), context)
    unknown = end_probability("my daughter", "en", Answering(0.4, None), context)
    assert math.isclose(answered, 0.4) and math.isclose(unknown, 0.4)
    assert open_ < answered
    assert end_probability("I went to the", "en", Answering(0.9, 0.9), context) == 0.0
    assert end_probability("시장에 갔어요", "ko") > 0.5  # a sentence-final ending


@pytest.mark.parametrize("text", ["I went to the market oh", "I had uh", "my pills um"])
def test_a_filler_as_the_recognizer_writes_it_leaves_the_phrase_unfinished(text):
    assert unfinished(text, "en")


def test_the_domain_model_prefers_ending_after_a_whole_answer():
    from asr.domain_lm import NgramScorer

    lm = NgramScorer(["I went to the market today", "I had rice and soup", "I slept well"])
    done = lm.end_logprob("I slept well")
    assert done > lm.end_logprob("I went to the")
    assert math.exp(done) <= 1.0
