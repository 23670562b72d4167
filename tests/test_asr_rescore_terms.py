"""The rescorer's terms beyond the LM: a length bonus tied to what was heard, expected words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from asr import Hypothesis, RecognitionContext, Transcript
from asr.domain_lm import NgramScorer
from asr.rescore import Rescorer

DOMAIN = ["i slept well", "i took my medicine", "i had rice for breakfast"]
ANSWERS = {"What did you have for breakfast?": ["i had rice", "some toast and an egg"]}


def nbest(*items: tuple[str, float]) -> Transcript:
    hyps = tuple(Hypothesis(text, logprob, None, logprob) for text, logprob in items)
    return Transcript(hyps[0].text if hyps else "", hyps, "en", {})


class Flat:
    """Every text equally likely: only the other terms decide."""

    def score(self, texts, *, context=None):
        return [0.0] * len(texts)

    def expected_words(self, context):
        return frozenset(context.vocabulary) if context else frozenset()


def test_a_bonus_tied_to_the_heard_length_buys_no_words() -> None:
    heard = nbest(("too windy", -1.0), ("too when didn't a like", -1.01))
    free = Rescorer(Flat(), 1.0, length_bonus=0.5)
    assert free.rescore(heard).text == "too when didn't a like"  # the old bonus bought words
    tied = Rescorer(Flat(), 1.0, length_bonus=0.5, length_change=0.5)
    assert tied.rescore(heard).text == "too windy"


def test_a_tied_bonus_still_keeps_words_the_lm_would_drop() -> None:
    heard = nbest(("yes i did", -1.0), ("yes", -1.0))
    # the LM prefers the shorter text by 1.0; the bonus (0.6 a word) outweighs that, and the
    # tie to the heard length (3 words) costs the short text, not the long one
    table = {"yes i did": -3.0, "yes": -2.0}

    class Short(Flat):
        def score(self, texts, *, context=None):
            return [table[t] for t in texts]

    rescorer = Rescorer(Short(), 1.0, length_bonus=0.6, length_change=0.6)
    assert rescorer.rescore(heard).text == "yes i did"
    assert Rescorer(Short(), 1.0).rescore(heard).text == "yes"


def test_expected_words_count_for_the_hypothesis_that_says_them() -> None:
    heard = nbest(("i took my hair pills", -1.0), ("i took my heart pills", -1.02))
    context = RecognitionContext("Did you take your medicine?", ("heart", "pills"))
    assert Rescorer(Flat(), 1.0).rescore(heard, context).text == "i took my hair pills"
    rescorer = Rescorer(Flat(), 1.0, expected_bonus=0.1)
    assert rescorer.rescore(heard, context).text == "i took my heart pills"
    assert rescorer.rescore(heard).text == "i took my hair pills"  # no context: nothing expected


def test_expected_bonus_needs_a_scorer_that_names_expected_words() -> None:
    class Plain:
        def score(self, texts, *, context=None):
            return [0.0] * len(texts)

    with pytest.raises(ValueError, match="expected_words"):
        Rescorer(Plain(), 1.0, expected_bonus=1.0)
    Rescorer(Plain(), 1.0)  # without the bonus it is fine


@pytest.mark.parametrize("name", ["length_change", "expected_bonus"])
def test_negative_or_nan_terms_are_refused(name: str) -> None:
    for bad in (-0.1, float("nan")):
        with pytest.raises(ValueError, match=name):
            Rescorer(Flat(), 1.0, **{name: bad})


def test_the_domain_scorer_expects_the_answers_of_the_question_asked() -> None:
    scorer = NgramScorer(DOMAIN, answers=ANSWERS)
    asked = RecognitionContext("What did you have for breakfast, Ann?", ("Ann",), ("my knee",))
    words = scorer.expected_words(asked)
    assert {"toast", "egg", "rice", "ann", "knee"} <= words
    assert "medicine" not in words  # the general text is not what this question expects
    other = scorer.expected_words(RecognitionContext("How is the weather?"))
    assert "toast" not in other
    assert scorer.expected_words(None) == frozenset()


texts = st.text(alphabet="ab .,!?Yy", max_size=8)


@given(st.lists(st.tuples(texts, st.floats(-100, 0)), min_size=1, max_size=8))
def test_zero_weights_are_the_identity_whatever_the_other_terms(items) -> None:
    items.sort(key=lambda item: -item[1])
    transcript = nbest(*items)
    context = RecognitionContext("Did you eat?", ("a", "b"))
    rescorer = Rescorer(Flat(), 0.0, 0.0, length_change=0.0, expected_bonus=0.0)
    assert rescorer.rescore(transcript, context).text == transcript.text


def test_settings_refuse_expected_words_without_the_domain_lm() -> None:
    from assembly.config import ConfigError, load_settings

    with pytest.raises(ConfigError, match="rescore_expected_bonus"):
        load_settings(rescore_expected_bonus=1.0, rescore_lm="some/causal-lm")
    settings = load_settings(rescore_expected_bonus=1.0, rescore_length_change=0.5)
    assert (settings.rescore_expected_bonus, settings.rescore_length_change) == (1.0, 0.5)


def test_the_live_rescorer_gets_the_terms_and_the_first_pass_background_share() -> None:
    from assembly.builders import build_rescorer
    from assembly.config import load_settings
    from dialogue import load_scenario

    scenario = load_scenario("daily_checkin_en")
    widened = load_settings(
        sphinx_general_words=10000,
        sphinx_general_weight=0.25,
        rescore_length_change=0.7,
        rescore_expected_bonus=0.2,
    )
    rescorer = build_rescorer(widened, scenario)
    assert (rescorer.length_change, rescorer.expected_bonus) == (0.7, 0.2)
    assert rescorer.scorer.background_weight == 0.25  # what the first pass gave general English
    closed = build_rescorer(load_settings(), scenario)
    assert closed.scorer.background_weight == 0.1  # the closed first pass: as before
    assert (closed.length_change, closed.expected_bonus) == (0.0, 0.0)
