"""The adaptive end of turn's judge with the scenario (assembly.listening.AnswerEndModel) and
its offline evaluation (evaluation.endpoint) on made-up pauses: no audio model."""

from __future__ import annotations

import math

import pytest

from asr import RecognitionContext
from assembly.listening import AnswerEndModel
from dialogue.catalogue import Catalogue
from evaluation.endpoint import PauseRecord, main, summarize, text_pauses
from evaluation.endpoint_data import SETS
from evaluation.pausing import PauseRange, pieces
from telephony.turn import TurnOptions


class FixedEnd:
    def __init__(self, p: float) -> None:
        self.p = p

    def end_logprob(self, text, *, context=None):
        return math.log(self.p)


@pytest.fixture(scope="module")
def english():
    return Catalogue.load(["daily_checkin_en"]).resolve("daily_checkin_en")


@pytest.fixture(scope="module")
def korean():
    return Catalogue.load(["daily_checkin_ko"]).resolve("daily_checkin_ko")


def asked(question: str) -> RecognitionContext:
    return RecognitionContext(last_question=question)


def test_the_question_just_asked_is_found_inside_the_agents_turn(english):
    model = AnswerEndModel(FixedEnd(0.3), english)
    assert model.item_for("Thank you for telling me. How did you sleep last night?").id == "sleep"
    assert model.item_for("Did you take your pills today?").id == "medication"
    assert model.item_for("Is something keeping you from eating?").id == "meal"  # a follow-up
    assert model.item_for("What a lovely day it is.") is None
    assert model.item_for("") is None


def test_answer_confidence_says_whether_the_question_is_answered(english, korean):
    model = AnswerEndModel(FixedEnd(0.3), english)
    sleep = asked("How did you sleep last night?")
    assert model.answer_confidence("I slept well", sleep) >= 0.5
    assert model.answer_confidence("my daughter", sleep) == 0.0
    assert model.answer_confidence("I slept well", asked("Hello there.")) is None
    assert model.answer_confidence("I slept well", None) is None
    assert math.isclose(model.end_logprob("I slept well", context=sleep), math.log(0.3))
    ko = AnswerEndModel(FixedEnd(0.3), korean)
    assert ko.answer_confidence("잘 잤어요", asked("어젯밤에 잠은 잘 주무셨어요?")) >= 0.5


def record(truth: str, heard: str, silence: float, answer: str = "a", lag: float = 0.1):
    return PauseRecord("tune", "en", "espeak", 0, answer, "sleep", truth, heard, silence, lag)


def test_summary_counts_cut_off_answers_short_ends_and_the_delay():
    records = [
        record("inside", "my daughter", 2.0, "a"),
        record("end", "i slept well", 4.0, "a"),
        record("inside", "i went to the", 2.0, "b"),  # unfinished: the long end holds
        record("end", "i slept well", 4.0, "b"),
        record("end", "i slept well", 4.0, "c"),
    ]
    shorter = TurnOptions(
        complete_silence_s=0.6, complete_threshold=0.0001, unfinished_threshold=0.0
    )
    s = summarize(records, shorter)
    assert (s.answers, s.cut, s.pauses_inside, s.pauses_cut) == (3, 1, 2, 1)
    assert (s.finished, s.short) == (3, 3)
    assert math.isclose(s.delay_mean, 0.1 + 0.6)
    never = TurnOptions(complete_threshold=2.0, unfinished_threshold=2.0)  # always the long end
    s = summarize(records, never)
    assert (s.cut, s.short) == (0, 0)
    assert math.isclose(s.delay_p50, 0.1 + never.unfinished_silence_s)


def test_korean_pauses_are_judged_on_the_words_up_to_each_stop():
    records = text_pauses("tune", "ko", 2, PauseRange(1.0, 3.0))
    stops = sum(len(pieces(t)) for _, t in SETS[("tune", "ko")])
    assert len(records) == 2 * stops
    assert all(1.0 <= r.silence_s <= 3.0 for r in records if r.truth == "inside")
    first = records[0]
    assert first.truth == "inside" and first.heard == pieces(first.answer)[0]


def test_the_held_out_half_shares_no_answer_with_the_tuning_half():
    for language in ("en", "ko"):
        tune = {t for _, t in SETS[("tune", language)]}
        held = {t for _, t in SETS[("heldout", language)]}
        assert tune and held and not tune & held


@pytest.mark.parametrize(
    "args, message",
    [
        (["--pauses", "3,1"], "pause range"),
        (["--pauses", "x"], "pauses"),
        (["--voices", "robot"], "unknown voice"),
        (["--seeds", "0"], "--seeds"),
    ],
)
def test_the_cli_refuses_bad_input_with_a_clear_message(args, message, capsys):
    assert main([*args, "--language", "ko"]) == 2
    assert message in capsys.readouterr().err


def test_the_cli_reports_korean_on_its_own_words(capsys):
    assert main(["--language", "ko", "--half", "both", "--seeds", "1"]) == 0
    out = capsys.readouterr().out
    assert "tune ko" in out and "heldout ko" in out and "cut off" in out
