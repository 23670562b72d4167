"""The person's turn while it is spoken: streaming it to the recognizer, and the adaptive end
of turn. A pure part of `CallControl` (`telephony.call`), as `Endpointer` and `Playout` are.

- Streaming: the turn's audio (its pre-roll first) goes out in `Stream` actions of about
  `TurnOptions.stream_chunk_s` while the person speaks, and the rest when the turn ends, so the
  recognizer has decoded most of the turn by the time the agent is asked (`Hear.turn`).
- Adaptive end of turn: once a pause inside the turn reaches `probe_silence_s`, a `Probe`
  asks how likely what was heard so far is a whole answer; the `Judged` answer sets the
  silence that ends this pause's turn (`TurnOptions.pause_silence_s`): short after a whole
  answer, long after an unfinished phrase, `end_silence_s` without evidence. Speech again
  starts a new pause, and an answer about an earlier pause is ignored.
- The speaker: someone who pauses inside their turns (`TurnOptions.pausing_pause_s`), or
  begins again right after a turn ended sooner than the long end (the short, medium or plain
  one: they had not finished), is a pausing speaker for the rest of
  the call, and so is everyone until `fluent_turns` turns went without such a pause: their
  turns end on the short end only with strong evidence, and otherwise wait the long silence.
"""

from __future__ import annotations

import numpy as np

from telephony.audio import Audio
from telephony.callevents import Action, Drop, Judged, Probe, Stream
from telephony.prosody import Close, PitchTracker
from telephony.turn import Endpointer, TurnOptions


class TurnListening:
    def __init__(self, options: TurnOptions) -> None:
        self.options = options
        self.turn = 0  # the number of the turn in progress (or the last one)
        self.pause = 0  # the number of the pause in progress within it
        self.probes = 0  # probes sent in all, for tests and stats
        self.verdicts: list[float | None] = []  # end probabilities judged, in order
        self.ends: list[float] = []  # the silence each judged pause was given, in order
        self._probed = False
        self._pending: list[np.ndarray] = []
        self._pending_len = 0
        self._sent = 0  # samples of the turn streamed so far
        # A pausing speaker? None: not known yet (fluent_turns 0: everyone is fluent at first)
        self.pausing: bool | None = False if options.fluent_turns <= 0 else None
        self.fluent = 0  # turns so far without a pause inside
        self._paused = False  # the turn in progress had a pause inside it
        self._silence = 0.0  # the pause in progress, seconds
        self._short_end_at: int | None = None  # where the last turn ended before the long end
        self._short_pending = False  # this pause was given an end shorter than the long one
        self._first = False  # the next `during` is the turn's first
        self._last_position = 0  # the endpointer's position at the last `during`
        # The prosodic cue (`TurnOptions.prosody_window_s`): the call's pitch, and how the
        # speech before the pause being judged closed (None: cue off or not judged yet).
        self._pitch: PitchTracker | None = None
        self._pitch_seen = 0  # chunks of the turn in progress fed to the tracker
        self.close: Close | None = None
        self.closes: list[Close] = []  # every judged pause's close, for tests and stats

    @property
    def streaming(self) -> bool:
        return self.options.stream_chunk_s > 0

    @property
    def cautious(self) -> bool:
        """Judge as for a pausing speaker (one, or not known yet)."""
        return self.pausing is not False

    def started(self) -> None:
        self.turn += 1
        self.pause, self._probed = 0, False
        self._pending, self._pending_len, self._sent = [], 0, 0
        self._paused, self._silence, self._first = False, 0.0, True
        self._pitch_seen, self.close = 0, None
        if self._pitch is not None:
            self._pitch.new_turn()

    def during(self, ep: Endpointer) -> list[Action]:
        """After a chunk that left the turn going: stream, and probe a pause that began."""
        out: list[Action] = []
        self._learn(ep)
        if self.options.prosody_window_s > 0:
            self._track(ep)
        if self.streaming:
            for chunk in ep.take_audio():
                self._pending.append(chunk)
                self._pending_len += len(chunk)
            if self._pending_len >= self.options.stream_chunk_s * ep.sample_rate:
                out += self._flush(ep.sample_rate)
        if ep.silence_run_s == 0:
            if self._probed:  # speech again: what is judged next is a new pause
                self.pause, self._probed = self.pause + 1, False
        elif not self._probed and ep.silence_run_s >= self.options.probe_silence_s:
            self._probed = True
            self.probes += 1
            if self._pitch is not None:
                self.close = self._pitch.close(ep.silence_run_s, self.options.prosody_window_s)
                self.closes.append(self.close)
            if self.streaming:
                out += self._flush(ep.sample_rate)  # the probe judges all that was heard
            out.append(Probe(self.turn, self.pause))
        return out

    def know_speaker(self, samples: np.ndarray, sample_rate: int) -> None:
        """Audio of the person heard before this call's turns (a replay's earlier turns): their
        usual pitch, for the prosodic cue."""
        if self._pitch is None or self._pitch.input_rate != sample_rate:
            self._pitch = PitchTracker(sample_rate)
        self._pitch.feed(samples)
        self._pitch.new_turn()

    def _track(self, ep: Endpointer) -> None:
        """Feed the turn's new audio to the call's pitch tracker."""
        if self._pitch is None or self._pitch.input_rate != ep.sample_rate:
            self._pitch = PitchTracker(ep.sample_rate)
        chunks = ep.turn_chunks(self._pitch_seen)
        self._pitch_seen += len(chunks)
        for chunk in chunks:
            self._pitch.feed(chunk)

    def _learn(self, ep: Endpointer) -> None:
        """Whether the person pauses inside their turns (`TurnOptions.pausing_pause_s`)."""
        o = self.options
        if self._first:  # the turn began: right after one ended on the short end?
            self._first = False
            if self._short_end_at is not None:
                began = ep.position - round(ep.speech_run_s * ep.sample_rate)
                if began - self._short_end_at <= o.end_silence_s * ep.sample_rate:
                    self.pausing = True
            self._short_end_at = None
        if ep.silence_run_s > 0:
            self._silence = ep.silence_run_s
            self._last_position = ep.position
            return
        if self._silence >= o.pausing_pause_s:  # spoke on after a long pause
            self._paused = True
            self.pausing = True
        self._silence = 0.0
        self._short_pending = False

    def ended(self, audio: Audio) -> tuple[list[Action], int | None]:
        """The turn ended with `audio`: its unstreamed tail, and the turn the agent's `Hear`
        names (None when nothing was streamed)."""
        if self._short_pending:
            self._short_end_at = self._last_position
        self._short_pending = False
        if not self._paused:
            self.fluent += 1
            if self.pausing is None and self.fluent >= self.options.fluent_turns:
                self.pausing = False
        if not self.streaming:
            return [], None
        self._pending, self._pending_len = [], 0
        tail = audio.samples[self._sent :]
        self._sent += len(tail)
        out: list[Action] = [Stream(self.turn, tail, audio.sample_rate)] if len(tail) else []
        return out, self.turn

    def dropped(self) -> list[Action]:
        """The turn went nowhere (a backchannel): its stream is let go."""
        return [Drop(self.turn)] if self.streaming else []

    def judged(self, event: Judged, ep: Endpointer) -> None:
        self.verdicts.append(event.end_probability)
        if event.turn != self.turn or event.pause != self.pause or not self._probed:
            return  # about a pause that is over
        if ep.in_turn and ep.silence_run_s > 0:
            o = self.options
            verdict = o.prosody_verdict(self.close)
            silence = o.pause_silence_s(event.end_probability, self.pausing, verdict)
            # Ended sooner than the long end: speech right after it means they had not finished.
            self._short_pending = silence < max(o.end_silence_s, o.unfinished_silence_s)
            self.ends.append(silence)
            ep.end_pause_after(silence)

    def _flush(self, rate: int) -> list[Action]:
        if not self._pending:
            return []
        samples = np.concatenate(self._pending)
        self._pending, self._pending_len = [], 0
        self._sent += len(samples)
        return [Stream(self.turn, samples, rate)]
