"""Streaming the person's turn and the adaptive end of turn, through `CallControl.feed` alone:
VAD probabilities per chunk and the agent's judgements as synthetic events, no audio model."""

from __future__ import annotations

import numpy as np
import pytest

from telephony.callevents import Ask, Drop, Hear, Judged, Probe, ReplyReady, Stream
from telephony.turn import TurnOptions
from tests.test_call_control import QUIET, SPEECH, Line, of


def listening_line(**turn) -> Line:
    line = Line(TurnOptions(**turn))
    opening = line.start()
    assert line.feed(ReplyReady(opening, None, line.now)) == []
    return line


def pause_with_verdict(line: Line, end_probability: float | None, seconds: float) -> list:
    """Silence after speech; the first probe is answered with `end_probability`."""
    out = line.person(0.35, QUIET)
    [probe] = of(Probe, out)
    out += line.feed(Judged(probe.turn, probe.pause, end_probability))
    return out + line.person(seconds - 0.35, QUIET)


def test_a_whole_answer_ends_the_turn_after_the_short_silence():
    line = listening_line(complete_silence_s=0.6, end_silence_s=1.5)
    line.person(1.0, SPEECH)
    out = pause_with_verdict(line, 0.9, 0.8)
    [ask] = of(Ask, out)
    assert isinstance(ask.request, Hear) and ask.request.turn == 1


def test_an_unfinished_phrase_keeps_the_turn_through_a_long_pause():
    line = listening_line(unfinished_silence_s=3.5, end_silence_s=1.5, complete_silence_s=0.6)
    line.person(1.0, SPEECH)
    assert of(Ask, pause_with_verdict(line, 0.0, 3.0)) == []  # "I went to the..." 3 s
    assert of(Ask, line.person(1.0, SPEECH)) == []  # "...the market"
    out = pause_with_verdict(line, 0.8, 0.8)
    [ask] = of(Ask, out)
    assert ask.request.audio.duration > 5.0  # the whole answer, both parts


def test_without_evidence_the_plain_end_of_turn_silence_holds():
    line = listening_line(end_silence_s=1.5, complete_silence_s=0.6)
    line.person(1.0, SPEECH)
    assert of(Ask, pause_with_verdict(line, None, 1.3)) == []
    assert len(of(Ask, line.person(0.3, QUIET))) == 1
    line = listening_line(end_silence_s=1.5, complete_threshold=0.5)
    line.person(1.0, SPEECH)
    assert of(Ask, pause_with_verdict(line, 0.3, 1.3)) == []  # between the thresholds


def test_a_verdict_about_an_earlier_pause_is_ignored():
    line = listening_line(complete_silence_s=0.6, end_silence_s=1.5)
    line.person(1.0, SPEECH)
    [probe] = of(Probe, line.person(0.4, QUIET))
    line.person(0.5, SPEECH)  # they went on speaking before the judgement came
    assert line.feed(Judged(probe.turn, probe.pause, 1.0)) == []
    later = line.person(1.0, QUIET)
    assert of(Ask, later) == []  # the old verdict does not end this pause
    [second] = of(Probe, later)  # this pause is judged on its own
    assert (second.turn, second.pause) == (probe.turn, probe.pause + 1)


def test_the_turn_is_streamed_while_spoken_and_hear_names_it():
    line = listening_line(stream_chunk_s=0.2, end_silence_s=1.5)
    out = line.person(1.0, SPEECH) + line.person(1.6, QUIET)
    streams = of(Stream, out)
    [ask] = of(Ask, out)
    assert len(streams) >= 4 and {s.turn for s in streams} == {ask.request.turn}
    streamed = np.concatenate([s.samples for s in streams])
    # Everything of the turn reached the recognizer (with the silence it heard past the end).
    assert len(streamed) >= len(ask.request.audio.samples)
    # Streams come before the agent is asked for the turn.
    assert out.index(streams[-1]) < out.index(ask)


def test_no_streaming_when_switched_off_and_the_next_turn_gets_a_new_number():
    line = listening_line(stream_chunk_s=0)
    out = line.person(1.0, SPEECH) + line.person(1.6, QUIET)
    assert of(Stream, out) == []
    [ask] = of(Ask, out)
    assert ask.request.turn is None
    line = listening_line()
    first = of(Ask, line.person(1.0, SPEECH) + line.person(1.6, QUIET))
    line.feed(ReplyReady(first[0], None, line.now))
    second = of(Ask, line.person(1.0, SPEECH) + line.person(1.6, QUIET))
    assert [a.request.turn for a in first + second] == [1, 2]


def test_a_backchannel_over_the_agent_drops_its_stream():
    line = listening_line(barge_in_s=0.8)
    ask = of(Ask, line.person(1.0, SPEECH) + line.person(1.6, QUIET))[0]
    line.say(ask, 5.0)
    out = line.person(0.4, SPEECH) + line.person(1.6, QUIET)
    assert of(Ask, out) == [] and [d.turn for d in of(Drop, out)] == [2]


@pytest.mark.parametrize(
    "bad",
    [
        {"unfinished_silence_s": -0.5},
        {"unfinished_threshold": 0.5, "complete_threshold": 0.2},
        {"probe_silence_s": -1},
        {"complete_threshold": True},
    ],
)
def test_turn_options_refuse_inconsistent_adaptive_settings(bad):
    with pytest.raises(ValueError, match="turn option"):
        TurnOptions(**bad)


def test_pause_silence_follows_the_thresholds():
    off = TurnOptions(complete_silence_s=1.5)  # whole answers on the plain silence
    assert off.pause_silence_s(1.0) == off.end_silence_s
    o = TurnOptions(complete_silence_s=0.6)
    assert o.pause_silence_s(None) == o.end_silence_s
    assert o.pause_silence_s(1.0) == o.complete_silence_s < o.end_silence_s
    assert o.pause_silence_s(0.0) == o.unfinished_silence_s > o.end_silence_s
    short = TurnOptions(end_silence_s=0.4, complete_silence_s=0.6)  # the plain one is shorter
    assert short.pause_silence_s(1.0) == 0.4
