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


def record(truth: str, heard: str, silence: float, answer: str, lag: float = 0.1):
    return PauseRecord("tune", "en", "espeak", 0, answer, "sleep", truth, heard, silence, lag)


def test_summary_counts_cut_off_answers_short_ends_and_the_delay():
    a, b, c = "My daughter... called.", "I went to the... market.", "I slept... well."
    records = [
        record("inside", "my daughter", 2.0, a),  # cut off: its end is never reached
        record("end", "my daughter called", 4.0, a),
        record("inside", "i went to the", 2.0, b),  # unfinished: the long end holds
        record("end", "i went to the market", 4.0, b),
        record("end", "i slept well", 4.0, c),
    ]
    judge = {"complete_silence_s": 0.6, "fluent_turns": 0, "pausing_pause_s": 1000.0}
    everything = TurnOptions(
        **judge, complete_threshold=1e-4, pausing_complete_threshold=1e-4, unfinished_threshold=0
    )
    s = summarize(records, everything, "pausing")
    assert (s.answers, s.cut, s.pauses_inside, s.pauses_cut) == (3, 1, 2, 1)
    assert (s.finished, s.short) == (2, 2)
    assert math.isclose(s.delay_mean, 0.1 + 0.6)
    assert summarize(records, everything, "plain").answers == 0  # every answer pauses
    never = TurnOptions(
        **judge, complete_threshold=2.0, pausing_complete_threshold=2.0, unfinished_threshold=2.0
    )
    s = summarize(records, never, "pausing")
    assert (s.cut, s.short, s.finished) == (0, 0, 3)
    assert math.isclose(s.delay_p50, 0.1 + never.unfinished_silence_s)


def test_the_replayed_call_learns_the_speaker_as_the_listener_does(monkeypatch):
    import evaluation.endpoint_replay as replay

    monkeypatch.setattr(replay, "end_probability_of", lambda r: 0.1)  # weak evidence
    plain = [record("end", "x", 4.0, f"Answer {i}.") for i in range(3)]
    s = summarize(plain, TurnOptions(), "plain")
    # The first answer waits the long end (nobody is known fluent yet), the next ones not.
    assert (s.finished, s.short) == (3, 2)
    pausing = [
        r
        for i in range(3)
        for r in (record("inside", "x", 1.2, f"A{i}... b."), record("end", "x", 4.0, f"A{i}... b."))
    ]
    s = summarize(pausing, TurnOptions(), "pausing")
    assert (s.cut, s.short) == (0, 0)  # a pausing speaker from the first pause on
    mixed = summarize(plain + pausing, TurnOptions(), "mixed")
    # Fluent after "Answer 0.": the first pausing answer is judged as a fluent one's, cut off.
    assert (mixed.answers, mixed.cut) == (6, 1)


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


class CountingStream:
    """A recognizer stream that says how many seconds of audio it was fed."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def feed(self, samples, sample_rate) -> None:
        self.seconds += len(samples) / sample_rate

    def partial(self) -> str:
        return f"{self.seconds:.1f}"

    def close(self) -> None:
        pass


class CountingRecognizer:
    def open_stream(self, *, language=None, context=None):
        return CountingStream()


def test_an_answer_streamed_through_the_vad_labels_each_pause_inside_or_at_the_end():
    import random

    from evaluation.endpoint import _synthesize, stream_answer
    from evaluation.pausing import render
    from telephony.vad import make_vad

    answer = render(
        "I went to the... the market.", _synthesize("espeak"), random.Random(1), PauseRange(1.5, 2)
    )
    probes = stream_answer(answer, CountingRecognizer(), None, lambda: make_vad("silero", 8000))
    truths = [t for t, *_ in probes]
    assert truths[-1] == "end" and truths.count("end") == 1 and "inside" in truths
    inside = [p for p in probes if p[0] == "inside"]
    # The stop the answer was rendered with is one of the pauses heard inside it, about as long.
    assert any(abs(p[2] - answer.pauses[0]) < 0.3 for p in inside)
    # What was heard at a pause grows along the answer; the VAD heard the end soon after.
    heard = [float(p[1]) for p in probes]
    assert heard == sorted(heard) and heard[-1] > heard[0]
    assert 0 <= probes[-1][3] < 0.5
