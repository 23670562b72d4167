"""The control of one call as a pure state machine: `CallControl.feed(event) -> list[Action]`.

As in the `websockets` library's sans-I/O protocol, the I/O shell (`telephony.session`) feeds
what happened as events and carries out the actions that come back (both listed in
`telephony.callevents`); every frame's events (`Received`, `Voice`, `Tick`) it hands to
`received`, `voice` and `tick`, which `feed` calls for them. Nothing here awaits, reads a
clock or touches a socket, thread or file: every rule is unit-tested with synthetic events
(`tests/test_call_control.py`). It composes the pure `ServerProtocol` (the wire),
`Endpointer` (turns) and `Playout` (paced speech, marks). The rules, with `TurnOptions`' values:

- a turn ends after `end_silence_s` of silence and goes to the agent (`Ask(Hear)`); while
  it is spoken it streams to the recognizer, and a pause judged to follow a whole answer ends
  it sooner, one after an unfinished phrase later (`telephony.listening`);
- speech over the agent for `barge_in_s` stops it at once (`clear`; nothing more of the reply
  is rendered) and counts as a turn; shorter speech over it is a backchannel, ignored;
- a reply plays from its first sentence while the next is rendered (`Render`), in order;
- the agent hears (`Played`) what echoed marks confirm, or on a cut, the words that had time
  to play; `no_input_s` of silence after it spoke brings the reprompt (`Ask(Silence)`);
- a `hangup` reply ends the call at its last mark's echo, or `hangup_grace_s` after that mark
  was sent (`ArmGrace`). Line time is inbound samples: a faster replay behaves the same.
"""

from __future__ import annotations

import logging
from collections import deque

import numpy as np

from telephony import CallInfo
from telephony import callevents as ev
from telephony.audio import LINE_RATE, Audio
from telephony.g711 import alaw_decode, ulaw_decode
from telephony.listening import TurnListening
from telephony.playout import FRAME_S, FRAME_SAMPLES, Playout, heard_prefix
from telephony.protocol import (
    DEFAULT_MAX_MESSAGE_BYTES,
    Dtmf,
    InvalidState,
    Mark,
    Media,
    ProtocolError,
    ServerProtocol,
    Start,
    Stop,
)
from telephony.stats import TurnTiming
from telephony.turn import Endpointer, TurnEventKind, TurnOptions

log = logging.getLogger("carecall.session")

MAX_TURNS_KEPT = 1000  # turn timings kept per call (a call has tens)


class CallControl:
    def __init__(
        self,
        turn: TurnOptions | None = None,
        *,
        frame_s: float = FRAME_S,
        lead_frames: int = 3,
        hangup_grace_s: float = 5.0,
        max_call_s: float = 900.0,
        max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES,
    ) -> None:  # frame_s and hangup_grace_s: the shell's seconds; max_call_s: line time
        self.turn = turn or TurnOptions()
        self.protocol = ServerProtocol(max_message_bytes)
        self.playout = Playout(frame_s, lead_frames)
        self.endpointer = Endpointer(self.turn, LINE_RATE)  # remade for the VAD's rate
        self.listening_turn = TurnListening(self.turn)  # streaming, adaptive end of turn
        self.hangup_grace_s = hangup_grace_s
        self.max_call_s = max_call_s
        self.call: CallInfo | None = None
        self.alaw = False  # the line's encoding, once accepted (else μ-law)
        self._decode = ulaw_decode
        self._start: Start | None = None
        self.listening = False  # the agent and the VAD are ready: inbound audio counts
        self.ended = False  # `End` was given: nothing more is said or sent
        self._muted = False  # the stream stopped under us: nothing can be sent
        self.line_samples = 0  # inbound audio so far (8 kHz): the call's clock
        self._judged = 0  # inbound samples (8 kHz) the VAD has labelled so far
        self._heard_at = 0  # line sample of the person's last speech, or of a reprompt
        self._spoke_at = 0  # line sample when the agent last finished a reply or was heard
        self._last_voice = 0.0  # loop time when the last chunk with speech arrived
        self._turn_counts = True  # the current turn did not begin over the agent, or grew
        self._replies: deque[ev.Speech] = deque()  # replies to stream, in order; the head streams
        self.busy = 0  # agent calls asked and not yet answered or streamed
        self.hangup_mark: str | None = None  # the goodbye's mark, once it was sent
        self.turns: list[TurnTiming] = []

    @property
    def wants_ticks(self) -> bool:
        """Frames or marks wait for the frame clock: the shell subscribes to it while true."""
        return self.playout.pending and not self.ended and not self._muted

    @property
    def audible(self) -> bool:
        """Agent speech queued, being sent, or sent and not yet confirmed played."""
        return self.playout.audible

    @property
    def streaming(self) -> bool:
        """A reply has more to say than is queued (its next sentence is being rendered)."""
        return any(not s.cancelled for s in self._replies)

    @property
    def _sid(self) -> str:
        return self.call.call_sid if self.call else "?"

    # ---- events in, actions out --------------------------------------------------------------

    def feed(self, event: ev.Event) -> list[ev.Action]:
        kind = type(event)
        if kind is ev.Received:
            return self.received(event.text)
        if kind is ev.Tick:
            return self.tick(event.now)
        if kind is ev.Judged:
            self.listening_turn.judged(event, self.endpointer)
            return []
        if kind is ev.Voice:
            return self.voice(event.chunk, event.prob, event.arrived, event.now)
        if kind is ev.ReplyReady or kind is ev.AgentFailed:
            speech = event.speech if kind is ev.ReplyReady else None
            if speech is None or self.ended:
                self._answered()
                return []
            speech.timing = event.ask.timing
            self._replies.append(speech)
            return self._pump(event.now)
        if kind is ev.Rendered:
            return self._rendered(event)
        if kind is ev.CallAccepted:
            return self._accepted(event.call)
        if kind is ev.AgentReady:
            self.endpointer = Endpointer(self.turn, event.vad_rate)
            self.listening = True
            return self._ask(ev.Opening())
        if kind is ev.GraceExpired:
            if self.hangup_mark == event.mark and not self.ended:
                log.warning("call %s: last mark never echoed; hanging up", self._sid)
                return self._end("completed")
            return []
        if kind is ev.HangUp:
            return self._end(event.reason)
        if kind is ev.Closed:
            return self._closed(event.reason, event.now)
        raise TypeError(f"not a call event: {event!r}")

    # ---- every frame's events, also fed without making them (`feed` routes them here too) ----

    def received(self, text: str | bytes) -> list[ev.Action]:
        """`feed(Received(text))`: a websocket message."""
        try:
            message = self.protocol.receive(text)
        except ProtocolError as exc:
            return self._refuse(str(exc), f"protocol_error: {exc}" if exc.fatal else None)
        kind = type(message)
        if kind is Media:
            if not self.listening:  # start failed, or media raced ahead of it
                return []
            pcm = self._decode(message.payload)
            self.line_samples += len(pcm)
            if self.line_samples / LINE_RATE > self.max_call_s:
                return [ev.Listen(pcm), *self._end("time_limit")]
            return [ev.Listen(pcm)]
        if kind is Mark:
            return self._mark(message.name)
        if kind is Start:
            self._start = message
            return [ev.StartCall(message)]
        if kind is Dtmf:
            return self._ask(ev.Digit(message.digit))
        if kind is Stop:
            return self._end("hung_up")
        return []  # connected

    def _accepted(self, call: CallInfo) -> list[ev.Action]:
        """`start` was authorized: the line's format decides whether the call can go on."""
        start, self.call = self._start, call
        if start.encoding == "audio/x-alaw":
            self.alaw, self._decode = True, alaw_decode
        elif start.encoding != "audio/x-mulaw":
            bad = f"start: unsupported mediaFormat.encoding {start.encoding!r}"
            return self._refuse(bad, "protocol_error: unsupported encoding")
        if start.sample_rate != LINE_RATE or start.channels != 1:
            bad = f"start: unsupported mediaFormat {start.sample_rate} Hz x {start.channels}"
            return self._refuse(
                bad + "; the line is 8000 Hz mono", "protocol_error: unsupported sample rate"
            )
        return []

    def _mark(self, name: str) -> list[ev.Action]:
        """The line echoed a mark: the segment before it was played to the end."""
        status, u = self.playout.echoed(name)
        if status == "unknown":
            return [ev.BadInput(f"mark {name!r} was never sent")]
        if u is None:  # the echo of audio we cleared: it was not played
            return []
        self._spoke_at = self.line_samples
        played = ev.Played(u.segment, True, u.segment.text)
        return [played, *self._end("completed")] if u.hangup else [played]

    def tick(self, now: float) -> list[ev.Action]:
        """`feed(Tick(now))`: frames and marks due at `now` (a tick, or a segment just queued)."""
        if self.ended or self._muted:
            return []
        out: list[ev.Action] = []
        try:
            for send in self.playout.due(now, self.line_samples):
                u = send.utterance
                if send.frame is None:
                    out.append(ev.Transmit(self.protocol.send_mark(u.mark)))
                    if u.hangup:
                        self.hangup_mark = u.mark
                        out.append(ev.ArmGrace(u.mark, self.hangup_grace_s))
                    continue
                i = send.frame
                text = self.protocol.send_media_b64(u.audio.payloads[i])
                pcm = u.audio.pcm[i * FRAME_SAMPLES : (i + 1) * FRAME_SAMPLES]
                out.append(ev.Transmit(text, pcm, send.at_sample))
                if i == 0 and u.tag is not None:
                    u.tag.first_frame = now
        except InvalidState:  # the stream stopped while we were talking: nothing to play to
            self._muted = True
        return out

    # ---- the person --------------------------------------------------------------------------

    def voice(self, chunk: np.ndarray, prob: float, arrived: float, now: float) -> list[ev.Action]:
        """`feed(Voice(chunk, prob, arrived, now))`: a chunk the VAD labelled."""
        ep = self.endpointer
        self._judged += len(chunk) * LINE_RATE // ep.sample_rate
        out: list[ev.Action] = []
        listening = self.listening_turn
        for turn in ep.feed(chunk, prob):
            if turn.kind is TurnEventKind.SPEECH_STARTED:
                self._turn_counts = not self.playout.audible  # over the agent: maybe not
                listening.started()
            elif turn.audio is not None:
                out += self._turn_ended(turn.audio, turn.capped, now)
        if ep.silence_run_s == 0:
            self._last_voice = arrived
        if ep.in_turn:
            out += listening.during(ep)
            self._heard_at = self._judged
            if ep.speech_run_s >= self.turn.barge_in_s:
                # Long enough to be meant: the turn counts even if it began over the agent,
                # and the agent stops talking over them.
                self._turn_counts = True
                if self.playout.audible or self.streaming:
                    out += self._interrupt(now)
            return out  # no silence to check while the person speaks
        out += self._check_silence()
        return out

    def _turn_ended(self, audio: Audio, capped: bool, now: float) -> list[ev.Action]:
        self._heard_at = self.line_samples
        if not self._turn_counts:
            seconds = audio.duration
            log.info("call %s: backchannel over the agent (%.2f s) ignored", self._sid, seconds)
            return self.listening_turn.dropped()
        timing = TurnTiming(speech_end=min(self._last_voice, now), turn_end=now, capped=capped)
        if len(self.turns) < MAX_TURNS_KEPT:
            self.turns.append(timing)
        tail, streamed = self.listening_turn.ended(audio)
        return tail + self._ask(ev.Hear(audio, streamed), timing)

    def _check_silence(self) -> list[ev.Action]:
        if self.playout.audible or self.busy or self.endpointer.in_turn or not self.listening:
            return []
        if self.hangup_mark is not None:  # the goodbye is out: no reprompts
            return []
        # Silence is what the VAD has heard as silence: audio still waiting for it is not (when
        # the VAD falls behind, a person already answering must not be reprompted).
        last = max(self._heard_at, self._spoke_at)
        if (self._judged - last) / LINE_RATE >= self.turn.no_input_s:
            self._heard_at = self._judged
            return self._ask(ev.Silence())
        return []

    def _interrupt(self, now: float) -> list[ev.Action]:
        """Barge-in: stop talking now, and tell the agent how much of each segment was heard."""
        log.info("call %s: barge-in, clearing agent audio", self._sid)
        out, goodbye = self._stop_talking(now, clear=True)
        if goodbye:  # an interrupted goodbye: the call still ends
            out += self._end("completed")
        return out

    # ---- the agent ---------------------------------------------------------------------------

    def _ask(self, request: ev.Request, timing: TurnTiming | None = None) -> list[ev.Action]:
        self.busy += 1
        return [ev.Ask(request, timing)]

    def _answered(self) -> None:
        self.busy -= 1
        self._spoke_at = self.line_samples

    def _rendered(self, event: ev.Rendered) -> list[ev.Action]:
        speech = event.speech
        if not self._replies or self._replies[0] is not speech:
            return []  # a reply cancelled (and reported) while this was rendered
        speech.rendering = False
        if event.line is None:  # the render failed: the rest of the reply is dropped
            speech.cancelled = True
        elif not speech.cancelled:
            speech.lines.append(event.line)
        return self._pump(event.now)

    def _pump(self, now: float) -> list[ev.Action]:
        """Queue the replies' segments that are ready, in order, and send what is due."""
        out: list[ev.Action] = []
        while self._replies:
            if not self._stream(self._replies[0], out):
                break  # its next segment is being rendered
            self._replies.popleft()
            self._answered()
        if self.playout.pending:  # the first frames of what was queued may be due already
            out += self.tick(now)
        return out

    def _stream(self, speech: ev.Speech, out: list[ev.Action]) -> bool:
        """Queue what is ready of one reply; False while its next segment is rendered."""
        segments, hangup = speech.reply.segments, speech.reply.hangup
        if not segments:
            if hangup:
                out += self._end("completed")
            return True
        while speech.queued < len(segments):
            if speech.cancelled or self.ended:
                break
            i = speech.queued
            if i < len(speech.lines):
                line = speech.lines[i]
            elif i > 0:
                if not speech.rendering:
                    speech.rendering = True
                    out.append(ev.Render(speech, i))
                return False
            else:
                break  # no audio for the first segment: nothing of it can be said
            last = i == len(segments) - 1
            u = self.playout.add(segments[i], line, hangup=hangup and last)
            u.tag = speech.timing if i == 0 else None
            speech.last, speech.queued = u, i + 1
        else:
            return True
        speech.cancelled = True
        # Never played: the agent hears that none of it was heard.
        out += [ev.Played(segment, False, "") for segment in segments[speech.queued :]]
        if hangup and not self.ended:  # the goodbye failed part-way: still hang up,
            if speech.last is not None and not speech.last.marked:  # after what was queued
                speech.last.hangup = True
            else:
                out += self._end("completed")
        return True

    def _stop_talking(self, now: float, *, clear: bool) -> tuple[list[ev.Action], bool]:
        """Drop all agent audio not yet played, and report what was heard of it; with `clear`
        the far end drops what it has buffered. Also says whether the goodbye was among it."""
        goodbye = False
        for speech in self._replies:  # nothing more of these replies is rendered
            goodbye = goodbye or (speech.reply.hangup and not speech.cancelled)
            speech.cancelled = True
        out: list[ev.Action] = []
        for u, fraction in self.playout.stop(now):
            heard = heard_prefix(u.segment.text, fraction)
            out.append(ev.Played(u.segment, fraction >= 1.0, heard))
            goodbye = goodbye or u.hangup
        if clear and not self._muted:
            try:
                out.append(ev.Transmit(self.protocol.send_clear()))
            except InvalidState:
                pass
        out += self._pump(now)  # the cancelled replies report what was never queued
        return out, goodbye

    # ---- the end -----------------------------------------------------------------------------

    def _refuse(self, bad: str, end: str | None) -> list[ev.Action]:
        """Bad input; the call goes on unless `end` says why it cannot."""
        return [ev.BadInput(bad), *self._end(end)] if end else [ev.BadInput(bad)]

    def _end(self, reason: str) -> list[ev.Action]:
        ended, self.ended = self.ended, True
        return [] if ended else [ev.End(reason)]

    def _closed(self, reason: str, now: float) -> list[ev.Action]:
        """The call is being finalized: keep what was said and heard until now."""
        self.ended, self.listening = True, False
        out: list[ev.Action] = []
        if reason != "completed":  # the line broke: the last words still reach the agent
            turn = self.endpointer.flush()
            if turn is not None and turn.audio is not None:
                if self._turn_counts and turn.audio.duration >= self.turn.min_speech_s:
                    out += self._ask(ev.Hear(turn.audio))
        self.endpointer.drop_audio()
        stopped, _ = self._stop_talking(now, clear=False)
        return out + stopped
