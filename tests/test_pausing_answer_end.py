"""The medium end for pausing speakers: a closed answer to the question just asked
(`asr.completeness.closed`, `ANSWERED_END_P`) ends a pausing speaker's turn after
`TurnOptions.pausing_answer_silence_s`; where the personas' stops are (`evaluation.pausing`).
Pure functions and `CallControl.feed` with synthetic VAD and verdicts: no audio model."""

from __future__ import annotations

import math

import pytest

from asr import RecognitionContext
from asr.completeness import ANSWERED_END_P, closed, end_probability
from evaluation.pausing import STOP_KINDS, stop_kind, stops
from telephony.callevents import Ask
from telephony.turn import TurnOptions
from tests.test_adaptive_turn import listening_line, pause_with_verdict
from tests.test_call_control import QUIET, SPEECH, of


@pytest.mark.parametrize(
    "text, language",
    [
        ("I had some rice", "en"),
        ("not very well", "en"),
        ("yes I took them", "en"),
        ("my knee hurts", "en"),
        ("밥 먹었어요", "ko"),
        ("네", "ko"),
    ],
)
def test_whole_answers_are_closed(text, language):
    assert closed(text, language)


@pytest.mark.parametrize(
    "text, language",
    [
        ("I had", "en"),  # a verb waiting for its object
        ("my back is", "en"),
        ("I ate some", "en"),  # a quantifier waiting for its noun
        ("my knee", "en"),  # a subject with no verb yet
        ("I stayed in because my legs", "en"),
        ("I went to the", "en"),
        ("uh", "en"),
        ("", "en"),
        ("죽을 조금", "ko"),  # no predicate yet
        ("비가 와서", "ko"),
        ("음", "ko"),
    ],
)
def test_unfinished_phrases_are_not_closed(text, language):
    assert not closed(text, language)


class StubModel:
    """A language model with a fixed end probability and a fixed answer confidence."""

    def __init__(self, p: float, confidence: float | None) -> None:
        self.p, self.confidence = p, confidence

    def end_logprob(self, text, *, context=None):
        return math.log(self.p)

    def answer_confidence(self, text, context):
        return self.confidence


CONTEXT = RecognitionContext(last_question="What did you eat today?")


def test_a_closed_confident_answer_is_lifted_to_the_answered_end_probability():
    assert end_probability("I had some rice", "en", StubModel(0.1, 0.9), CONTEXT) == ANSWERED_END_P
    # Already likelier: kept.
    assert end_probability("I had some rice", "en", StubModel(0.6, 0.9), CONTEXT) == 0.6


@pytest.mark.parametrize(
    "text, model, expected",
    [
        ("I ate some", StubModel(0.1, 0.9), 0.1),  # confident but open: the LM's own
        ("I had some rice", StubModel(0.1, 0.2), 0.05),  # not an answer yet: halved
        ("I had some rice", StubModel(0.01, 0.9), 0.01),  # the LM is against an end
        ("I had some rice", StubModel(0.1, None), 0.1),  # no known question
    ],
)
def test_no_lift_without_all_three_kinds_of_evidence(text, model, expected):
    assert math.isclose(end_probability(text, "en", model, CONTEXT), expected)


def test_pause_silence_gives_pausing_speakers_the_medium_end_between_thresholds():
    o = TurnOptions(pausing_answer_threshold=0.25, pausing_answer_silence_s=1.2)
    assert o.pause_silence_s(0.3, pausing=True) == 1.2
    assert o.pause_silence_s(0.5, pausing=True) == o.complete_silence_s  # short end
    assert o.pause_silence_s(0.2, pausing=True) == o.unfinished_silence_s
    assert o.pause_silence_s(0.3, pausing=False) == o.complete_silence_s  # fluent: short
    # Off (above 1): the long end, as before.
    assert TurnOptions(pausing_answer_threshold=2.0).pause_silence_s(0.3, pausing=True) == 3.5
    # Never outside the short and long ends.
    low = TurnOptions(pausing_answer_threshold=0.25, pausing_answer_silence_s=0.1)
    assert low.pause_silence_s(0.3, pausing=True) == low.complete_silence_s
    high = TurnOptions(pausing_answer_threshold=0.25, pausing_answer_silence_s=9.0)
    assert high.pause_silence_s(0.3, pausing=True) == high.unfinished_silence_s


def test_a_pausing_speakers_closed_answer_ends_after_the_medium_silence():
    # The first turn is judged as a pausing speaker's (fluent_turns 1).
    turn = dict(pausing_answer_threshold=0.25, pausing_answer_silence_s=1.2)
    line = listening_line(**turn)
    line.person(1.0, SPEECH)
    assert of(Ask, pause_with_verdict(line, 0.3, 1.0)) == []
    assert len(of(Ask, line.person(0.4, QUIET))) == 1
    # Without the medium end the same verdict waits the long end.
    line = listening_line(pausing_answer_threshold=2.0)
    line.person(1.0, SPEECH)
    assert of(Ask, pause_with_verdict(line, 0.3, 2.0)) == []


def test_stops_are_named_by_the_words_before_them():
    assert stops("I went to the... uh... the market.", "en") == ["function word", "filler"]
    assert stops("I had some rice... and a little soup.", "en") == ["clause"]
    assert stops("밥은 먹었어요... 근데 입맛이 없어요.", "ko") == ["clause"]
    assert stops("잠은... 음... 잘 잤어요.", "ko") == ["function word", "filler"]
    assert set(stops("I slept... well, not so well... I woke up twice.", "en")) <= set(STOP_KINDS)
    with pytest.raises(ValueError, match="words"):
        stop_kind("", "en")


def test_a_known_pausing_speaker_keeps_the_long_end_without_evidence():
    from telephony.callevents import ReplyReady

    line = listening_line()
    line.person(1.0, SPEECH)
    line.person(1.0, QUIET)
    line.person(1.0, SPEECH)  # spoke on after a 1 s pause: a pausing speaker
    [first] = of(Ask, line.person(1.6, QUIET))
    assert line.control.listening_turn.pausing is True
    line.feed(ReplyReady(first, None, line.now))
    line.person(1.0, QUIET)
    line.person(1.0, SPEECH)  # "my daughter..."
    # No partial result yet (the recognizer is behind): not the plain 1.5 s.
    assert of(Ask, pause_with_verdict(line, None, 2.5)) == []
    assert of(Ask, line.person(1.2, QUIET))  # the long end


def test_speaking_again_right_after_the_plain_end_marks_a_pausing_speaker():
    # No evidence (Whisper, or a recognizer behind the audio): the plain end cut them off...
    line = listening_line()
    line.person(1.0, SPEECH)
    assert of(Ask, pause_with_verdict(line, None, 1.6))
    assert line.control.listening_turn.pausing is not True
    line.person(1.0, SPEECH)  # ...and they go on right away: they had not finished
    assert line.control.listening_turn.pausing is True


def test_without_partials_only_the_first_pause_cuts_a_pausing_caller_off():
    from evaluation.endpoint_replay import PauseRecord, summarize

    def answer(text: str) -> list[PauseRecord]:
        inside = PauseRecord("tune", "en", "v", 0, text, "meal", "inside", "", 2.0)
        return [inside, PauseRecord("tune", "en", "v", 0, text, "meal", "end", "", 4.0, 0.1)]

    records = answer("I had... some rice.") + answer("I made... some eggs.")
    s = summarize(records, TurnOptions(), "pausing", judge=lambda r: None)
    # The plain end cuts the first answer; speaking on right after it marks a pausing
    # speaker, who then keeps the long end without evidence.
    assert (s.cut, s.answers) == (1, 2)


def test_the_turn_reproduction_refuses_bad_items_before_loading_models(capsys):
    from evaluation.endpoint_turns import main

    assert main(["--items", "meal"]) == 2
    assert "--items wants" in capsys.readouterr().err
    assert main(["--items", ",".join(["nosuchitem"] * 8)]) == 2
    assert "nosuchitem" in capsys.readouterr().err
