"""Endpointing as a pure state machine: synthetic speech probabilities, no model.

Every duration here is a count of samples fed or returned (`Audio.duration` is samples / rate):
the endpointer counts audio, not wall time, so these checks are exact on any machine."""

import weakref

import numpy as np

from telephony.turn import Endpointer, TurnEventKind, TurnOptions

CHUNK = 512  # 32 ms at 16 kHz


def feed(ep: Endpointer, pattern: list[tuple[float, float]]):
    """pattern: (seconds, probability) runs; returns the events with their chunk index."""
    events = []
    for seconds, prob in pattern:
        for _ in range(round(seconds * 16000 / CHUNK)):
            chunk = np.full(CHUNK, prob, np.float32)  # the samples carry the label, for checks
            events += ep.feed(chunk, prob)
    return events


def ended(events):
    return [e for e in events if e.kind is TurnEventKind.TURN_ENDED]


def test_a_pause_of_one_second_inside_an_answer_does_not_end_the_turn():
    ep = Endpointer(TurnOptions(end_silence_s=1.5))
    events = feed(ep, [(0.5, 0.0), (1.0, 0.9), (1.1, 0.0), (1.2, 0.9), (2.0, 0.0)])
    turns = ended(events)
    assert len(turns) == 1
    audio = turns[0].audio.samples
    # both speech runs are in the one turn, and the pause between them too
    assert (audio > 0.5).sum() >= 0.9 * 2.2 * 16000
    assert (audio == 0.0).sum() >= 1.0 * 16000


def test_silence_longer_than_end_silence_ends_the_turn_and_trims_trailing_silence():
    opts = TurnOptions(end_silence_s=1.0, trailing_s=0.3, pre_roll_s=0.3)
    ep = Endpointer(opts)
    turns = ended(feed(ep, [(1.0, 0.0), (1.0, 0.9), (1.5, 0.0)]))
    assert len(turns) == 1
    audio = turns[0].audio  # its length in samples: the endpointer counts samples, not time
    rate = audio.sample_rate
    assert (1.0 + 0.3 - 0.05) * rate <= len(audio.samples) <= (0.3 + 1.0 + 0.3 + 0.05) * rate
    assert not ep.in_turn


def test_short_bursts_never_start_a_turn():
    ep = Endpointer(TurnOptions(min_speech_s=0.2))
    events = feed(ep, [(0.1, 0.9), (0.5, 0.0), (0.096, 0.9), (2.0, 0.0)])
    assert events == []


def test_hysteresis_keeps_soft_syllables_inside_speech():
    ep = Endpointer(TurnOptions(vad_threshold=0.5, vad_release=0.35, end_silence_s=0.5))
    events = feed(ep, [(0.5, 0.9), (1.0, 0.4), (0.6, 0.0)])
    turns = ended(events)
    assert len(turns) == 1
    assert turns[0].audio.duration > 1.4  # the 0.4-probability second stayed in the turn


def test_max_utterance_caps_a_turn_that_never_pauses():
    ep = Endpointer(TurnOptions(max_utterance_s=3.0))
    turns = ended(feed(ep, [(7.0, 0.9)]))
    assert len(turns) == 2
    assert all(t.capped for t in turns)
    assert all(
        abs(len(t.audio.samples) - 3.0 * t.audio.sample_rate) < 0.1 * t.audio.sample_rate
        for t in turns
    )


def test_speech_run_measures_continuous_speech_for_barge_in():
    ep = Endpointer(TurnOptions())
    feed(ep, [(0.64, 0.9)])
    assert abs(ep.speech_run_s - 0.64) < 0.04
    feed(ep, [(0.5, 0.0)])
    assert ep.speech_run_s == 0.0


def test_flush_delivers_an_open_turn():
    ep = Endpointer(TurnOptions())
    feed(ep, [(1.0, 0.9)])
    event = ep.flush()
    assert event is not None and event.audio.duration >= 0.9
    assert ep.flush() is None


def test_the_endpointer_keeps_copies_not_views_of_the_batches_it_is_fed():
    """The VAD batcher delivers each call's chunk as a row of the whole batch; a kept view
    would keep every call's chunks of that forward alive with it (pre-roll and turn)."""
    ep = Endpointer(TurnOptions(pre_roll_s=0.3))
    batches = []
    for prob in [0.0] * 20 + [0.9] * 20:  # pre-roll, then a turn still open
        batch = np.full((8, CHUNK), prob, np.float32)
        batches.append(weakref.ref(batch))
        ep.feed(batch[3], prob)
    del batch
    assert ep.in_turn
    assert all(ref() is None for ref in batches)
    event = ep.flush()
    assert event is not None and (event.audio.samples == 0.9).sum() == 20 * CHUNK


def test_drop_audio_forgets_the_pre_roll_and_an_open_turn():
    ep = Endpointer(TurnOptions())
    feed(ep, [(0.5, 0.0), (1.0, 0.9)])
    ep.drop_audio()
    assert not ep.in_turn and ep.flush() is None
