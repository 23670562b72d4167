"""The adaptive end of turn learns the speaker (telephony.listening): someone who pauses inside
their turns, or begins again right after a short end, is judged as a pausing speaker for the
rest of the call; everyone is until a turn went without such a pause. Through `CallControl`
alone, with synthetic VAD probabilities and judgements."""

from __future__ import annotations

from telephony.callevents import Ask, Judged, Probe, ReplyReady
from telephony.turn import TurnOptions
from tests.test_adaptive_turn import listening_line, pause_with_verdict
from tests.test_call_control import QUIET, SPEECH, of


def answered(line, ask: Ask) -> None:
    line.feed(ReplyReady(ask, None, line.now))
    line.person(1.0, QUIET)


def test_pause_silence_depends_on_the_kind_of_speaker():
    o = TurnOptions()
    assert o.pause_silence_s(0.1) == o.complete_silence_s < o.end_silence_s  # fluent
    assert o.pause_silence_s(0.1, pausing=True) == o.unfinished_silence_s
    assert o.pause_silence_s(0.9, pausing=True) == o.complete_silence_s
    assert o.pause_silence_s(0.0, pausing=True) == o.unfinished_silence_s
    assert o.pause_silence_s(None, pausing=None) == o.end_silence_s  # no evidence: plain
    # ... except for a known pausing speaker: their stops outlast the plain silence
    assert o.pause_silence_s(None, pausing=True) == o.unfinished_silence_s
    assert o.pause_silence_s(0.1, pausing=None) == o.unfinished_silence_s  # not known yet
    off = TurnOptions(complete_silence_s=1.5)  # no short end: whole answers keep 1.5 s
    assert off.pause_silence_s(0.9) == off.pause_silence_s(0.9, pausing=True) == 1.5


def test_weak_evidence_waits_long_until_a_turn_shows_a_fluent_speaker():
    line = listening_line()
    assert line.control.listening_turn.pausing is None
    line.person(1.0, SPEECH)
    assert of(Ask, pause_with_verdict(line, 0.1, 1.6)) == []  # not known yet: the long end
    [first] = of(Ask, line.person(2.0, QUIET))
    assert line.control.listening_turn.pausing is False  # a turn without a pause inside
    answered(line, first)
    line.person(1.0, SPEECH)
    [second] = of(Ask, pause_with_verdict(line, 0.1, 0.7))  # fluent: the short end
    assert second.request.turn == 2


def test_a_long_pause_spoken_on_after_marks_a_pausing_speaker():
    line = listening_line()
    line.person(1.0, SPEECH)
    line.person(1.0, QUIET)  # no judgement came: the plain end holds through 1 s
    line.person(1.0, SPEECH)  # "...the market"
    [first] = of(Ask, line.person(1.6, QUIET))
    assert line.control.listening_turn.pausing is True
    answered(line, first)
    line.person(1.0, SPEECH)
    assert of(Ask, pause_with_verdict(line, 0.1, 3.0)) == []  # weak evidence: they may go on
    assert of(Ask, line.person(1.0, QUIET))  # the long end
    line = listening_line()
    line.person(1.0, SPEECH)
    line.person(0.4, QUIET)  # a short pause between words is not a pausing speaker's
    line.person(1.0, SPEECH)
    of(Ask, line.person(1.6, QUIET))
    assert line.control.listening_turn.pausing is False


def test_speaking_again_right_after_a_short_end_marks_a_pausing_speaker():
    line = listening_line()
    line.person(1.0, SPEECH)
    [ask] = of(Ask, pause_with_verdict(line, 0.9, 0.7))  # strong evidence: the short end
    assert line.control.listening_turn.pausing is False
    line.person(1.0, SPEECH)  # ...they had not finished
    assert line.control.listening_turn.pausing is True
    later = listening_line()
    later.person(1.0, SPEECH)
    [ask] = of(Ask, pause_with_verdict(later, 0.9, 0.7))
    answered(later, ask)
    later.person(1.0, QUIET)
    later.person(1.0, SPEECH)  # the next answer, after the agent's turn
    assert later.control.listening_turn.pausing is False


def test_a_judgement_for_a_pausing_speaker_uses_the_stricter_threshold():
    line = listening_line(pausing_complete_threshold=0.6)
    line.person(1.0, SPEECH)
    out = line.person(0.35, QUIET)
    [probe] = of(Probe, out)
    line.feed(Judged(probe.turn, probe.pause, 0.5))  # fluent enough, not for a pausing one
    assert of(Ask, line.person(2.0, QUIET)) == []
