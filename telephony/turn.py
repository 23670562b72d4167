"""Turn-taking: when the person's turn starts and ends, and when they interrupt the agent.

All options live in `TurnOptions`, with their defaults and the reason for each, in the spirit of
LiveKit Agents' `voice/turn.py`. The defaults are tuned for elderly speakers on a phone line:
they answer slowly, pause for a second or more in the middle of an answer, and say short
"네" / "yeah" backchannels while the agent talks. The most common complaint about voice agents
is being cut off mid-answer; the second is long silences. We trade a little latency for the first.

`Endpointer` is a pure state machine over (audio chunk, speech probability) pairs. It counts
time in *samples received*, never on the wall clock, so the same call behaves the same whether
it is paced in real time or replayed faster.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from enum import Enum

import numpy as np

from telephony.audio import INTERNAL_RATE, Audio


@dataclass(frozen=True)
class TurnOptions:
    vad_threshold: float = 0.5
    """Speech probability at which a chunk counts as speech (Silero's own recommended value)."""

    vad_release: float = 0.35
    """Probability below which a chunk counts as silence again. The gap (hysteresis) keeps soft,
    trailing syllables of quiet speakers from being read as pauses."""

    min_speech_s: float = 0.2
    """Speech shorter than this never starts a turn: clicks, coughs, line noise."""

    end_silence_s: float = 1.5
    """Silence that ends the person's turn. Elderly speakers pause 1 s or more inside an answer
    ("I had... rice, and... some soup"): anything under ~1.2 s cuts them off. (Measured on
    espeak-ng speech over μ-law, Silero at 8 kHz hears a 1.2 s pause as 1.15–1.25 s of silence,
    whatever the chunk alignment.) LiveKit's default minimum is 0.5 s, which is tuned for
    younger speakers."""

    stream_chunk_s: float = 0.2
    """While the person speaks, their audio goes to the recognizer in pieces of about this length
    (streaming recognition: at the end of the turn only the tail is left to decode). 0: the
    recognizer gets the whole turn once it has ended."""

    probe_silence_s: float = 0.3
    """Silence inside a turn after which what was heard so far is judged: does it sound like a
    whole answer? (Adaptive end of turn; the recognizer's partial result and the language
    model's end-of-sentence probability, `asr.completeness`.)"""

    complete_threshold: float = 0.05
    """End probability (`asr.completeness.end_probability`) at or above which what a fluent
    speaker said is taken for a whole answer: the turn then ends after `complete_silence_s`.
    Above 1: never. (Pausing speakers need `pausing_complete_threshold`.) Chosen on the tuning
    half of `python -m evaluation.endpoint`: for fluent callers any phrase that does not stop
    on a filler, article, preposition or conjunction (p <= `unfinished_threshold`) is likelier
    whole than not; pocketsphinx's partials put most whole answers at 0.05-0.8."""

    complete_silence_s: float = 0.6
    """Silence that ends a turn judged a whole answer ("I had rice and soup."); never longer
    than `end_silence_s`. LiveKit's minimum is 0.5 s. The short end is safe because pausing
    speakers are told apart (`pausing_pause_s`): measured offline on answers nobody tuned on
    (`python -m evaluation.endpoint --half heldout`, espeak-ng and flite over μ-law, the
    call's VAD and streaming pocketsphinx, pauses of 1-3 s), pausing callers: 0 of 96 answers
    cut off (they wait `unfinished_silence_s` after most answers instead); fluent callers: 70%
    of answers end after 0.6 s, end-of-turn delay p50 0.68 s against 1.5 s; callers who
    answer fluently and then pause: 3 of 120 answers cut off. Set 1.5 (= `end_silence_s`) to
    give every whole answer the plain silence."""

    unfinished_threshold: float = 0.02
    """End probability at or below which the phrase is taken as unfinished ("I went to the...",
    "음...", "그게...", a trailing conjunction or particle: 0): the turn then ends only after
    `unfinished_silence_s`. Between the thresholds, and with no partial result (a recognizer
    that decodes at the end, such as Whisper), the turn ends after `end_silence_s`."""

    unfinished_silence_s: float = 3.5
    """Silence that ends a turn left unfinished: elderly speakers search for a word for 1-3 s
    ("I went to the... uh... the market")."""

    pausing_pause_s: float = 0.6
    """A pause inside a turn at least this long that the person then speaks on after (or a new
    turn begun within `end_silence_s` of a turn ended sooner than the long end: they had not
    finished) marks them a *pausing speaker* for the rest of the call. Pauses between the words of a
    fluent sentence are shorter (Silero hears espeak-ng's commas as 0.1-0.4 s)."""

    pausing_complete_threshold: float = 0.4
    """For a pausing speaker, and for everyone until `fluent_turns` turns showed otherwise: the
    end probability at or above which the short end applies; below it (evidence but not
    enough) the turn waits `unfinished_silence_s`. A pausing speaker's stops last 1-3 s, so
    the plain `end_silence_s` would cut them off; pocketsphinx's partial results are too often
    wrong to trust a low probability (evaluation.endpoint: "my daughter..." scores 0.16)."""

    pausing_answer_threshold: float = 2.0
    """For a pausing speaker (and everyone until `fluent_turns`): the end probability at or
    above which, below `pausing_complete_threshold`, the turn ends after the medium
    `pausing_answer_silence_s` instead of `unfinished_silence_s`. `asr.completeness` lifts a
    *closed answer* to at least `ANSWERED_END_P` (0.25): the extractor answers the question
    just asked with confidence (`ANSWERED_CONFIDENCE`), the words end where an answer can
    (no trailing filler, function word, conjunction, verb waiting for its object, subject
    without a verb, Korean particle or connective ending) and the language model does not find
    the end unlikely. Above 1: never, the default. **Opt-in** (0.25): measured offline on the
    held-out half (`python -m evaluation.endpoint --half heldout --turn
    pausing_answer_threshold=0.25`, thresholds chosen on the tune half), it cuts off pausing
    callers where the default does not: English, streamed pocketsphinx partials, 6 of 96
    answers whose stops come before a content word (misheard partials that read as answers:
    "i live well not pills well") and 14 of 36 answers that stop after a whole clause ("I went
    shopping... with my daughter"), against 0 of 132 with the default, for a delay p50 that
    stays 3.56 s (9 medium ends in 112). Korean on its own words (oracle partials): 0 of 24
    word-search answers cut, delay p50 3.5 s -> 1.0 s, but all 9 clause-stop answers cut."""

    pausing_answer_silence_s: float = 1.0
    """The medium end: silence that ends a pausing speaker's turn judged a closed answer
    (`pausing_answer_threshold`); kept between the short and the long end. Chosen on the tune
    half among 1.0-2.5 s: 1.0 and 1.2 s cut off as many answers there, longer ones fewer but
    never under 2%."""

    prosody_window_s: float = 0.0
    """The prosodic cue (`telephony.prosody`, `prosody_verdict`): how the last this-many
    seconds of voice before a pause close, F0 slope and level against the speaker's running
    median (a numpy YIN tracker on the line's 8 kHz; ~12 CPU ms per second of speech, 0.3 ms
    per judgement, loaded machine). 0: off, words alone, **the default**; 0.3 turns it on.
    The thresholds below were chosen on the tune half of `python -m evaluation.endpoint` (answers
    spoken whole and cut at their stops): the fewest pausing answers cut off, then the most
    short ends. Held out (bench/RESULTS-latency.md): Korean (espeak) pausing callers 0 of 33
    answers cut off (3 without it), end delay p50 3.58 -> 0.69 s; English 14 of 132 cut off
    (5 without it) and fewer plain short ends (36/60 against 42/60): flite's commas often fall
    as far as its sentence ends, so it stays opt-in."""

    final_drop_st: float = 1.5
    """A close at least this many semitones under the speaker's median F0..."""

    final_slope_st_s: float = 1.0
    """...that falls at least this steeply (semitones per second) is a *final fall*: with a
    phrase that could end (end probability >= `final_threshold`) the turn gets the short end,
    whoever the speaker."""

    final_threshold: float = 0.05
    """End probability from which a final fall gets the short end (the fluent speaker's
    `complete_threshold`: anything but a trailing filler or function word)."""

    continuing_drop_st: float = 0.5
    """A close less than this many semitones under the speaker's median, falling no steeper
    than `continuing_slope_st_s`, is *level* (continuation): the turn waits the long end,
    whatever the words ("I had some rice," before "and a little soup")."""

    continuing_slope_st_s: float = 3.0
    """Steepest fall (semitones per second) a level close may have."""

    continuing_rise_st_s: float = 2.0
    """A close rising at least this steeply (semitones per second) is continuing wherever it
    ends."""

    fluent_turns: float = 1
    """Turns without such a pause after which the person counts as fluent: from then on the
    short end applies from `complete_threshold`, the plain end between the thresholds. 0:
    everyone is fluent until they pause."""

    max_utterance_s: float = 25.0
    """Hard cap on one turn. Someone who keeps talking (or a noisy line that never goes quiet) is
    recognized in pieces rather than never."""

    pre_roll_s: float = 0.3
    """Audio kept from before speech onset so the first syllable is not clipped."""

    trailing_s: float = 0.3
    """Silence kept after the last speech so the recognizer sees the word end."""

    barge_in_s: float = 0.8
    """Speech over the agent for this long interrupts it (clear + cancel). Shorter speech over
    the agent is a backchannel ("네", "yeah", "mm-hm") and is ignored, so acknowledgements never
    stop the agent mid-sentence. LiveKit's default is 0.5 s; older speakers' backchannels are
    often longer ("네에, 네"), hence 0.8 s."""

    no_input_s: float = 7.0
    """Silence after the agent finished speaking before the dialogue's reprompt. Long enough for
    a slow answer to begin, short enough that the person does not think the line is dead."""

    def __post_init__(self) -> None:
        for name in TURN_OPTION_NAMES:
            value = getattr(self, name)
            if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
                raise ValueError(f"turn option {name} must be a number >= 0, got {value!r}")
        if not 0 < self.vad_release <= self.vad_threshold < 1:
            raise ValueError(
                "turn options: need 0 < vad_release <= vad_threshold < 1, got "
                f"{self.vad_release} and {self.vad_threshold}"
            )
        if self.unfinished_threshold > self.complete_threshold:
            raise ValueError(
                f"turn options: unfinished_threshold ({self.unfinished_threshold}) must not be "
                f"above complete_threshold ({self.complete_threshold})"
            )
        if self.end_silence_s <= 0 or self.max_utterance_s <= 0:
            raise ValueError("turn options end_silence_s and max_utterance_s must be > 0")

    def prosody_verdict(self, close) -> str | None:
        """'final', 'continuing' or None (cue off, too little voice) for a `prosody.Close`."""
        from telephony.prosody import verdict

        return verdict(close, self) if self.prosody_window_s > 0 else None

    def pause_silence_s(
        self, end_probability: float | None, pausing: bool | None = False, prosody=None
    ) -> float:
        """The silence that ends a turn in a pause, given how likely what was heard before the
        pause is a whole answer (None: no evidence) and the speaker (`pausing_pause_s`): True
        a pausing speaker, None not known yet (judged as one), False fluent. Without evidence
        (a recognizer that decodes at the end, or a streaming one still behind the audio on a
        loaded machine) the plain `end_silence_s`, except for a known pausing speaker, who
        keeps the long end: their stops outlast the plain one (most likely how the latency bench
        on a loaded machine cut an answer at "my daughter...", a fragment that then answered a
        safety check question: bench/RESULTS-latency.md). `prosody` (`prosody_verdict`): a
        "continuing" close waits the long end, with or without words; a "final" one with a
        phrase that could end (`final_threshold`) gets the short end, whoever the speaker."""
        long = max(self.unfinished_silence_s, self.end_silence_s)
        if prosody == "continuing":  # a level or rising close: they are not done
            return long
        if end_probability is None:
            return long if pausing is True else self.end_silence_s
        short = min(self.complete_silence_s, self.end_silence_s)  # never above the plain one
        if prosody == "final" and end_probability >= self.final_threshold:
            return short
        if pausing is not False:
            if end_probability >= max(self.pausing_complete_threshold, self.complete_threshold):
                return short
            if end_probability >= self.pausing_answer_threshold:
                return min(max(self.pausing_answer_silence_s, short), long)  # the medium end
            return long
        if end_probability >= self.complete_threshold:
            return short
        if end_probability <= self.unfinished_threshold:
            return self.unfinished_silence_s
        return self.end_silence_s

    def samples(self, seconds: float) -> int:
        return round(seconds * INTERNAL_RATE)


TURN_OPTION_NAMES = tuple(TurnOptions.__dataclass_fields__)
"""Every turn option, for settings files and flags (`carecall serve --turn-end-silence-s 2`)."""


class TurnEventKind(Enum):
    SPEECH_STARTED = "speech_started"
    TURN_ENDED = "turn_ended"


@dataclass(frozen=True)
class TurnEvent:
    kind: TurnEventKind
    audio: Audio | None = None  # the whole turn, for TURN_ENDED
    capped: bool = False  # ended by max_utterance_s rather than by silence
    at_sample: int = 0  # position in the inbound stream where the event happened


class Endpointer:
    """Groups VAD-labelled chunks of audio (16 kHz unless told) into the person's turns."""

    def __init__(self, options: TurnOptions | None = None, sample_rate: int = INTERNAL_RATE):
        self.options = options or TurnOptions()
        self.sample_rate = sample_rate
        o = self.options
        self._pre_roll: deque[np.ndarray] = deque()
        self._pre_roll_len = 0
        self._turn: list[np.ndarray] = []
        self._turn_len = 0
        self._in_turn = False
        self._speech_run = 0  # samples of continuous speech (with hysteresis)
        self._silence_run = 0  # samples of continuous silence
        self._speaking = False  # hysteresis state
        self._position = 0  # samples seen so far
        samples = lambda seconds: round(seconds * sample_rate)  # noqa: E731
        self._min_speech = samples(o.min_speech_s)
        self._end_silence = samples(o.end_silence_s)
        self._max_len = samples(o.max_utterance_s)
        self._pre_roll_max = samples(o.pre_roll_s)
        self._trailing = samples(o.trailing_s)
        self._pause_end: int | None = None  # this pause's own end-of-turn silence, if judged
        self._taken = 0  # chunks of the turn in progress handed out by `take_audio`

    @property
    def in_turn(self) -> bool:
        return self._in_turn

    @property
    def speech_run_s(self) -> float:
        """How long the person has been speaking without a pause (for barge-in decisions)."""
        return self._speech_run / self.sample_rate

    @property
    def silence_run_s(self) -> float:
        return self._silence_run / self.sample_rate

    @property
    def position(self) -> int:
        return self._position

    def feed(self, chunk: np.ndarray, speech_prob: float) -> list[TurnEvent]:
        o = self.options
        n = len(chunk)
        if chunk.base is not None:
            # Kept (pre-roll, turn): a view would keep what it views alive with it. The
            # VAD batcher delivers rows of its whole batch (all calls' chunks of one
            # forward), so ten 32 ms chunks of pre-roll held ten batches (~55 KB at 8
            # calls instead of 10 KB) in every call and every finished one the server kept.
            chunk = chunk.copy()
        self._position += n
        if self._speaking:
            self._speaking = speech_prob >= o.vad_release
        else:
            self._speaking = speech_prob >= o.vad_threshold
        if self._speaking:
            self._speech_run += n
            self._silence_run = 0
            self._pause_end = None  # speech again: a judgement of the pause no longer holds
        else:
            self._silence_run += n
            if self._silence_run >= self._min_speech:
                self._speech_run = 0  # a real pause, not a dip between syllables

        events: list[TurnEvent] = []
        if not self._in_turn:
            self._remember(chunk)
            if self._speaking and self._speech_run >= self._min_speech:
                self._in_turn = True
                self._turn = list(self._pre_roll)
                self._turn_len = self._pre_roll_len
                self._pre_roll.clear()
                self._pre_roll_len = 0
                self._taken, self._pause_end = 0, None
                events.append(TurnEvent(TurnEventKind.SPEECH_STARTED, at_sample=self._position))
            return events

        self._turn.append(chunk)
        self._turn_len += n
        end = self._end_silence if self._pause_end is None else self._pause_end
        if self._silence_run >= end:
            events.append(self._end(capped=False))
        elif self._turn_len >= self._max_len:
            events.append(self._end(capped=True))
        return events

    def end_pause_after(self, seconds: float) -> None:
        """The silence that ends the turn in the pause going on now (the adaptive end of turn
        judged what was said before it); speech again restores `end_silence_s`."""
        if self._in_turn and self._silence_run > 0:
            self._pause_end = round(seconds * self.sample_rate)

    def turn_chunks(self, since: int) -> list[np.ndarray]:
        """The turn's chunks from the `since`-th on (its pre-roll first), without taking them."""
        return self._turn[since:] if self._in_turn else []

    def take_audio(self) -> list[np.ndarray]:
        """The turn's audio not handed out yet (its pre-roll first), for streaming recognition."""
        new = self._turn[self._taken :]
        self._taken = len(self._turn)
        return new

    def drop_audio(self) -> None:
        """Forget the audio held for the next turn (the call is over)."""
        self._pre_roll.clear()
        self._pre_roll_len = 0
        self._turn, self._turn_len, self._in_turn = [], 0, False
        self._taken, self._pause_end = 0, None

    def flush(self) -> TurnEvent | None:
        """End of call: a turn still open is delivered rather than lost."""
        if self._in_turn and self._turn_len > self._silence_run:
            return self._end(capped=False)
        return None

    def _remember(self, chunk: np.ndarray) -> None:
        self._pre_roll.append(chunk)
        self._pre_roll_len += len(chunk)
        while self._pre_roll and self._pre_roll_len - len(self._pre_roll[0]) >= self._pre_roll_max:
            self._pre_roll_len -= len(self._pre_roll.popleft())

    def _end(self, *, capped: bool) -> TurnEvent:
        samples = np.concatenate(self._turn) if self._turn else np.zeros(0, np.float32)
        if not capped:
            keep = len(samples) - max(0, self._silence_run - self._trailing)
            samples = samples[: max(keep, 0)]
        self._turn, self._turn_len, self._in_turn = [], 0, False
        self._taken, self._pause_end = 0, None
        if capped:
            self._speech_run = 0
        return TurnEvent(
            TurnEventKind.TURN_ENDED,
            audio=Audio(samples, self.sample_rate),
            capped=capped,
            at_sample=self._position,
        )
