"""The rules of a call, through `CallControl.feed` alone: synthetic events in, actions out.

No socket, no event loop, no espeak, no Silero: the person's speech is a VAD probability per
32 ms chunk, the agent's speech silent line audio of a given length, the clock a number.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from telephony import CallInfo, Reply, Segment
from telephony.audio import Audio
from telephony.call import CallControl
from telephony.callevents import (
    AgentFailed,
    AgentReady,
    ArmGrace,
    Ask,
    BadInput,
    CallAccepted,
    Closed,
    Digit,
    End,
    GraceExpired,
    HangUp,
    Hear,
    Listen,
    Opening,
    Played,
    Received,
    Render,
    Rendered,
    ReplyReady,
    Silence,
    Speech,
    StartCall,
    Tick,
    Transmit,
    Voice,
)
from telephony.g711 import ulaw_encode
from telephony.playout import to_line
from telephony.protocol import PhoneProtocol
from telephony.turn import TurnOptions

CHUNK = 256  # samples of one VAD chunk at 8 kHz (Silero's)
CHUNK_S = CHUNK / 8000
SPEECH, QUIET = 0.9, 0.0


def agent_audio(seconds: float) -> Audio:
    return Audio(np.zeros(round(seconds * 16000), np.float32), 16000)


def of(kind, actions):
    return [a for a in actions if isinstance(a, kind)]


def sent(actions, event: str) -> list[dict]:
    messages = [json.loads(a.text) for a in of(Transmit, actions)]
    return [m for m in messages if m["event"] == event]


class Line:
    """One call's control and a phone on the other end; `now` is the loop's clock."""

    def __init__(self, turn: TurnOptions | None = None, **options) -> None:
        self.control = CallControl(turn or TurnOptions(), **options)
        self.phone = PhoneProtocol()
        self.now = 1000.0

    def feed(self, event) -> list:
        return self.control.feed(event)

    def start(self) -> Ask:
        [start] = self.feed(Received(self.phone.start()))
        assert isinstance(start, StartCall)
        call = CallInfo(start.start.stream_sid, start.start.call_sid, {})
        assert self.feed(CallAccepted(call)) == []
        [opening] = self.feed(AgentReady(8000))
        assert isinstance(opening, Ask) and isinstance(opening.request, Opening)
        return opening

    def person(self, seconds: float, prob: float) -> list:
        """`seconds` of the person's side (speech or silence), with the line's ticks."""
        out = []
        for _ in range(round(seconds / CHUNK_S)):
            out += self.feed(Received(self.phone.media(b"\xff" * CHUNK)))
            self.now += CHUNK_S
            chunk = np.full(CHUNK, prob, np.float32)  # speech is loud: it shows in a turn's audio
            out += self.feed(Voice(chunk, prob, self.now, self.now))
            out += self.feed(Tick(self.now))
        return out

    def say(self, ask: Ask, *seconds: float, hangup: bool = False, rendered: int = 9) -> list:
        """The agent answers `ask` with sentences this long; the first `rendered` come with
        their line audio, the others must be rendered when the control asks (`Render`)."""
        segments = [
            Segment(f"sentence {i} of the reply", agent_audio(s)) for i, s in enumerate(seconds)
        ]
        lines = [to_line(agent_audio(s), ulaw_encode) for s in seconds[:rendered]]
        self.speech = Speech(Reply(segments, hangup=hangup), lines)
        return self.feed(ReplyReady(ask, self.speech, self.now))

    def echo(self, actions) -> list:
        """The phone echoes every mark among `actions` (it played the audio before it)."""
        out = []
        for mark in sent(actions, "mark"):
            out += self.feed(Received(self.phone.mark(mark["mark"]["name"])))
        return out

    def play_out(self, seconds: float) -> list:
        """The agent talks while the person is silent; every mark sent comes back."""
        out = []
        for _ in range(round(seconds / CHUNK_S)):
            step = self.person(CHUNK_S, QUIET)
            out += step + self.echo(step)
        return out


def quiet_line(**turn) -> tuple[Line, Ask]:
    line = Line(TurnOptions(**turn))
    opening = line.start()
    return line, opening


def test_a_turn_ends_after_the_end_of_turn_silence_and_goes_to_the_agent():
    line, opening = quiet_line(end_silence_s=1.5)
    assert line.feed(ReplyReady(opening, None, line.now)) == []  # nothing to say
    assert of(Ask, line.person(1.0, SPEECH)) == []
    assert of(Ask, line.person(1.2, QUIET)) == []  # a pause inside the answer: not the end
    assert of(Ask, line.person(1.0, SPEECH)) == []
    [ask] = of(Ask, line.person(1.6, QUIET))
    assert isinstance(ask.request, Hear)
    # The whole answer, pause included, with a little trailing silence; timed for statistics.
    audio = ask.request.audio
    assert audio.sample_rate == 8000
    loud = audio.samples > 0
    starts = np.flatnonzero(np.diff(loud.astype(np.int8)) == 1) + 1
    assert len(starts) == 2 - int(loud[0])  # two stretches of speech, the pause between them
    assert loud.sum() == 2 * round(1.0 / CHUNK_S) * CHUNK  # every chunk of both, none lost
    assert not loud[-1]  # it ends in the silence that ended the turn
    assert ask.timing is not None and ask.timing.turn_end > ask.timing.speech_end
    assert line.control.turns == [ask.timing]


def test_short_speech_over_the_agent_is_a_backchannel_and_is_ignored():
    line, opening = quiet_line(barge_in_s=0.8)
    first = line.say(opening, 5.0)
    assert sent(first, "media")  # the reply started at once
    out = line.person(0.5, SPEECH) + line.person(2.0, QUIET)
    assert sent(out, "clear") == [] and of(Ask, out) == []  # "yeah": the agent goes on
    assert line.control.audible and len(sent(out, "media")) > 80


def test_speech_over_the_agent_for_barge_in_s_stops_it_and_is_a_turn():
    line, opening = quiet_line(barge_in_s=0.8)
    line.say(opening, 5.0)
    line.person(0.5, QUIET)
    out = line.person(1.0, SPEECH)
    assert len(sent(out, "clear")) == 1 and not line.control.audible
    [played] = of(Played, out)
    assert not played.complete  # cut off part-way: only the words that had time to play
    assert sent(line.person(0.5, SPEECH), "media") == []  # silent from the barge-in on
    [ask] = of(Ask, line.person(1.6, QUIET))
    assert isinstance(ask.request, Hear)  # the interruption is a turn for the agent


def test_a_barge_in_stops_the_rendering_of_the_rest_of_a_streamed_reply():
    line, opening = quiet_line(barge_in_s=0.8)
    out = line.say(opening, 3.0, 1.0, 1.0, rendered=1)
    [render] = of(Render, out)
    assert render.index == 1 and not line.speech.cancelled
    out = line.person(1.0, SPEECH)
    assert line.speech.cancelled  # a render that has not begun is skipped by the worker
    played = [(p.segment.text, p.complete, p.heard) for p in of(Played, out)]
    assert played[0][1] is False
    assert played[1:] == [
        ("sentence 1 of the reply", False, ""),
        ("sentence 2 of the reply", False, ""),
    ]
    late = to_line(agent_audio(1.0), ulaw_encode)  # the render under way comes back: dropped
    assert line.feed(Rendered(line.speech, late, line.now)) == []
    assert of(Render, line.person(0.5, SPEECH)) == []


def test_a_streamed_reply_plays_its_sentences_in_order_as_they_are_rendered():
    line, opening = quiet_line()
    out = line.say(opening, 0.5, 0.5, rendered=1)
    [render] = of(Render, out)
    out += line.play_out(0.2)
    line2 = to_line(agent_audio(0.5), ulaw_encode)
    out += line.feed(Rendered(line.speech, line2, line.now))
    out += line.play_out(1.5)
    played = [(p.segment.text, p.complete) for p in of(Played, out)]
    assert played == [("sentence 0 of the reply", True), ("sentence 1 of the reply", True)]
    assert len(sent(out, "media")) == 2 * 25 and len(sent(out, "mark")) == 2
    assert line.control.busy == 0


def test_replies_play_one_after_another_in_the_order_they_were_asked():
    line, opening = quiet_line()
    line.feed(Received(line.phone.dtmf("5")))
    [digit] = of(Ask, line.feed(Received(line.phone.dtmf("7"))))
    assert digit.request == Digit("7")
    out = line.say(opening, 0.4) + line.say(digit, 0.4)
    out += line.play_out(1.5)
    assert [p.segment.text for p in of(Played, out)] == ["sentence 0 of the reply"] * 2
    assert of(Played, out)[0].segment is not of(Played, out)[1].segment


def test_silence_after_the_agent_spoke_brings_one_reprompt_after_no_input_s():
    line, opening = quiet_line(no_input_s=3.0)
    out = line.say(opening, 1.0) + line.play_out(1.5)
    assert of(Played, out) and not line.control.audible
    # Counted from when the agent stopped talking (its mark came back ~0.5 s ago).
    assert of(Ask, line.person(2.0, QUIET)) == []
    [ask] = of(Ask, line.person(1.0, QUIET))
    assert ask.request == Silence()
    # While the agent works on the reprompt, nothing more is asked of it.
    assert of(Ask, line.person(5.0, QUIET)) == []
    line.feed(ReplyReady(ask, None, line.now))
    assert [a.request for a in of(Ask, line.person(3.2, QUIET))] == [Silence()]


def test_no_reprompt_while_the_agent_is_audible_or_the_person_speaks():
    line, opening = quiet_line(no_input_s=2.0)
    line.feed(ReplyReady(opening, None, line.now))
    line.person(1.5, QUIET)
    assert of(Ask, line.person(3.0, SPEECH)) == []  # a long answer is no silence
    out = line.person(1.6, QUIET)  # ... it ends, and goes to the agent
    assert [type(a.request) for a in of(Ask, out)] == [Hear]


def test_a_goodbye_ends_the_call_when_its_last_mark_comes_back():
    line, opening = quiet_line()
    out = line.say(opening, 0.5, hangup=True)
    out += line.person(0.7, QUIET)
    [grace] = of(ArmGrace, out)
    [mark] = sent(out, "mark")
    assert grace.mark == mark["mark"]["name"] and of(End, out) == []
    assert line.echo(out)[-1] == End("completed")
    assert line.feed(GraceExpired(grace.mark)) == []  # already over


def test_a_goodbye_whose_mark_never_comes_back_ends_the_call_at_the_grace_timer():
    line, opening = quiet_line()
    out = line.say(opening, 0.5, hangup=True) + line.person(1.0, QUIET)
    [grace] = of(ArmGrace, out)
    assert grace.delay_s == line.control.hangup_grace_s
    assert line.feed(GraceExpired("seg-999")) == []  # another mark's timer: nothing
    assert line.feed(GraceExpired(grace.mark)) == [End("completed")]


def test_an_interrupted_goodbye_still_ends_the_call():
    line, opening = quiet_line(barge_in_s=0.8)
    line.say(opening, 4.0, hangup=True)
    out = line.person(1.0, SPEECH)
    assert sent(out, "clear") and of(End, out) == [End("completed")]


def test_only_echoed_marks_count_as_heard_and_unknown_marks_are_bad_input():
    line, opening = quiet_line()
    out = line.say(opening, 0.3) + line.person(0.5, QUIET)
    assert of(Played, out) == []  # sent, but not yet confirmed
    [played] = of(Played, line.echo(out))
    assert played.complete and played.heard == played.segment.text
    [bad] = line.feed(Received(line.phone.mark("seg-42")))
    assert isinstance(bad, BadInput) and "seg-42" in bad.reason


def test_the_pacer_sends_one_frame_per_tick_after_the_lead_frames():
    line, opening = quiet_line()
    first = line.say(opening, 1.0)
    assert len(sent(first, "media")) == 4  # lead frames fill the far end's jitter buffer
    counts = []
    for _ in range(10):
        line.now += 0.02
        counts.append(len(sent(line.feed(Tick(line.now)), "media")))
    assert counts == [1] * 10


def test_a_call_that_breaks_off_hands_the_last_words_to_the_agent():
    line, opening = quiet_line()
    line.feed(ReplyReady(opening, None, line.now))
    line.person(1.0, SPEECH)
    [ask] = of(Ask, line.feed(Closed("broken_off", line.now)))
    assert isinstance(ask.request, Hear) and ask.request.audio.duration > 0.9
    again, opening = quiet_line()
    again.feed(ReplyReady(opening, None, again.now))
    again.person(1.0, SPEECH)
    assert of(Ask, again.feed(Closed("completed", again.now))) == []


def test_at_the_end_unplayed_audio_is_reported_and_nothing_more_is_sent():
    line, opening = quiet_line()
    line.say(opening, 3.0, 1.0, rendered=1)
    line.person(0.5, QUIET)
    out = line.feed(HangUp("server_shutdown"))
    assert out == [End("server_shutdown")] and not line.control.wants_ticks
    out = line.feed(Closed("server_shutdown", line.now))
    first, second = of(Played, out)  # part of the first was heard, none of the second
    assert not first.complete and first.segment.text.startswith("sentence 0")
    assert not second.complete and second.heard == ""
    assert sent(out, "clear") == [] and line.feed(Tick(line.now + 1)) == []
    assert line.feed(ReplyReady(Ask(Silence()), line.speech, line.now)) == []


def test_wire_rules_stop_bad_format_and_line_time_limit():
    line = Line()
    [start] = line.feed(Received(line.phone.start()))
    assert line.feed(Received(line.phone.media(b"\xff" * 160))) == []  # not listening yet
    alaw = PhoneProtocol(encoding="audio/x-l16", sample_rate=8000)
    other = Line()
    [s] = other.feed(Received(alaw.start()))
    out = other.feed(CallAccepted(CallInfo(s.start.stream_sid, s.start.call_sid)))
    assert isinstance(out[0], BadInput) and out[1] == End("protocol_error: unsupported encoding")

    short = Line(max_call_s=0.05)
    short.start()
    out = short.feed(Received(short.phone.media(b"\xff" * 160)))
    assert [type(a) for a in out] == [Listen]
    out = short.feed(Received(short.phone.media(b"\xff" * 400)))
    assert out[-1] == End("time_limit")
    assert line.feed(Received(line.phone.stop())) == [End("hung_up")]
    [bad] = line.feed(Received(json.dumps({"event": "mark"})))  # after stop: over already
    assert "after the stream stopped" in bad.reason
    broken = Line()
    bad_start = {"event": "start", "streamSid": "MZ1", "start": {"streamSid": 5}}
    [bad, end] = broken.feed(Received(json.dumps(bad_start)))  # no format: a fatal error
    assert isinstance(bad, BadInput) and end.reason.startswith("protocol_error: ")


def test_a_failed_agent_is_a_missed_turn_not_a_dead_call():
    line, opening = quiet_line(no_input_s=2.0)
    assert line.feed(AgentFailed(opening)) == [] and line.control.busy == 0
    assert [a.request for a in of(Ask, line.person(2.2, QUIET))] == [Silence()]


@pytest.mark.parametrize("rendered", [1, 2])
def test_a_failed_render_drops_the_rest_and_a_goodbye_still_hangs_up(rendered):
    line, opening = quiet_line()
    out = line.say(opening, 0.3, 0.3, 0.3, hangup=True, rendered=rendered)
    [render] = of(Render, out)
    out = line.feed(Rendered(line.speech, None, line.now))
    assert [(p.segment.text, p.heard) for p in of(Played, out)] == [
        (f"sentence {i} of the reply", "") for i in range(render.index, 3)
    ]
    out = line.play_out(1.5)
    assert of(End, out) == [End("completed")]  # after what was queued had played


def _shape(action):
    """An action as comparable data (an `Ask` and audio compare by identity, arrays not at all)."""
    if isinstance(action, Ask):
        return ("Ask", type(action.request).__name__)
    if isinstance(action, Listen):
        return ("Listen", action.pcm.tobytes())
    if isinstance(action, Played):
        return ("Played", action.segment.text, action.complete, action.heard)
    if isinstance(action, Transmit):
        return ("Transmit", action.text, action.at_sample)
    samples = getattr(action, "samples", None)  # a Stream of the turn's audio
    return action if samples is None else (type(action).__name__, samples.tobytes())


def test_every_frames_events_fed_directly_are_the_same_rules_as_through_feed():
    # The shell calls received/voice/tick for the events of every frame (no event object);
    # a call played both ways gives the same actions, barge-in and turn end included.
    lines = [Line(), Line()]
    lines[1].phone = lines[0].phone  # the same messages on both lines
    script = [lines[0].phone.start()]
    outs = []
    for direct, line in zip((False, True), lines, strict=True):
        c, out = line.control, []
        [start] = c.feed(Received(script[0]))
        c.feed(CallAccepted(CallInfo(start.start.stream_sid, start.start.call_sid, {})))
        [opening] = c.feed(AgentReady(8000))
        out += line.say(opening, 2.0)
        for i in range(150):  # quiet, then speech over the agent, then quiet: a turn
            prob = SPEECH if 20 <= i < 60 else QUIET
            if len(script) <= i + 1:
                script.append(line.phone.media(b"\xff" * CHUNK))
            now, chunk = 1000.0 + i * CHUNK_S, np.full(CHUNK, prob, np.float32)
            if direct:
                out += c.received(script[i + 1]) + c.voice(chunk, prob, now, now) + c.tick(now)
            else:
                out += c.feed(Received(script[i + 1]))
                out += c.feed(Voice(chunk, prob, now, now)) + c.feed(Tick(now))
        outs.append([_shape(a) for a in out])
    assert outs[0] == outs[1]
    kinds = {a[0] if isinstance(a, tuple) else type(a).__name__ for a in outs[0]}
    assert {"Ask", "Played", "Transmit", "Listen"} <= kinds  # a turn, a barge-in, audio
