"""The prosodic end-of-turn cue: the pitch tracker, the verdict, and how it sets the end."""

from __future__ import annotations

import random

import numpy as np
import pytest

from evaluation.pausing import STYLES, PauseRange, render
from telephony.callevents import Judged, Probe
from telephony.listening import TurnListening
from telephony.prosody import PitchTracker
from telephony.turn import Endpointer, TurnOptions

RATE = 8000
ON = TurnOptions(prosody_window_s=0.3)  # the cue is opt-in


def voice(f0_start: float, f0_end: float, seconds: float, rate: int = RATE) -> np.ndarray:
    """A buzzy vowel-like sound whose pitch glides from f0_start to f0_end (Hz)."""
    n = round(seconds * rate)
    f0 = np.linspace(f0_start, f0_end, n)
    phase = 2 * np.pi * np.cumsum(f0) / rate
    wave = sum(np.sin(k * phase) / k for k in range(1, 6))
    return (0.2 * wave).astype(np.float32)


def tracked(samples: np.ndarray, rate: int = RATE, silence_s: float = 0.4) -> PitchTracker:
    tracker = PitchTracker(rate)
    tracker.feed(samples)
    tracker.feed(np.zeros(round(silence_s * rate), np.float32))
    return tracker


@pytest.mark.parametrize("hz", [90.0, 140.0, 220.0])
def test_the_tracker_finds_a_steady_pitch(hz):
    f0 = np.asarray(tracked(voice(hz, hz, 0.6)).f0)
    voiced = f0[f0 > 0]
    assert len(voiced) > 40
    assert np.median(voiced) == pytest.approx(hz, rel=0.03)


def test_silence_and_noise_are_not_voiced():
    rng = np.random.default_rng(0)
    tracker = tracked(np.concatenate([np.zeros(RATE // 2), 0.1 * rng.standard_normal(RATE)]))
    f0 = np.asarray(tracker.f0)
    assert (f0 > 0).mean() < 0.1
    assert tracker.close(0.4).voiced_s == 0.0
    assert ON.prosody_verdict(tracker.close(0.4)) is None


def test_a_fall_under_the_speaker_is_final_and_a_rise_continuing():
    options = ON
    speech = voice(130, 130, 1.0)
    falling = tracked(np.concatenate([speech, voice(130, 95, 0.4)]))
    rising = tracked(np.concatenate([speech, voice(130, 160, 0.4)]))
    level = tracked(np.concatenate([speech, voice(130, 131, 0.4)]))
    assert falling.close(0.4).slope_st_s < -5
    assert falling.close(0.4).level_st < -2
    assert options.prosody_verdict(falling.close(0.4)) == "final"
    assert options.prosody_verdict(rising.close(0.4)) == "continuing"
    assert options.prosody_verdict(level.close(0.4)) == "continuing"
    assert TurnOptions(prosody_window_s=0).prosody_verdict(falling.close(0.4)) is None


def test_sixteen_khz_audio_gives_the_same_pitch():
    at8 = np.asarray(tracked(voice(120, 120, 0.5)).f0)
    at16 = np.asarray(tracked(voice(120, 120, 0.5, 16000), 16000).f0)
    assert np.median(at16[at16 > 0]) == pytest.approx(np.median(at8[at8 > 0]), rel=0.02)


def test_bad_rates_are_refused():
    with pytest.raises(ValueError, match="8 kHz"):
        PitchTracker(4000)


def test_the_verdict_sets_the_pause_s_end():
    o = ON
    short, long = o.complete_silence_s, o.unfinished_silence_s
    # A pausing speaker's phrase that words alone leave in doubt (p 0.1): the long end,
    # unless the voice fell; a level or rising close waits even after "a whole answer".
    assert o.pause_silence_s(0.1, True) == long
    assert o.pause_silence_s(0.1, True, "final") == short
    assert o.pause_silence_s(0.9, True, "continuing") == long
    assert o.pause_silence_s(0.9, False, "continuing") == long
    assert o.pause_silence_s(None, False, "continuing") == long
    # A fall on an unfinished phrase ("I went to the...") is not enough.
    assert o.pause_silence_s(0.0, True, "final") == long


def test_a_call_judges_a_pause_by_how_the_voice_closed():
    """Through the endpointer and TurnListening, as a call does: a falling close lets a
    cautious speaker's doubtful phrase end on the short end; a rising one does not."""
    for close, expected in (((130, 90), "short"), ((130, 165), "long")):
        o = ON
        ep, listening = Endpointer(o, RATE), TurnListening(o)
        audio = np.concatenate(
            [voice(130, 130, 1.2), voice(*close, 0.4), np.zeros(RATE, np.float32)]
        )
        probe = None
        for at in range(0, len(audio), 256):
            chunk = audio[at : at + 256]
            prob = 0.9 if np.abs(chunk).max() > 0.01 else 0.0
            for event in ep.feed(chunk, prob):
                if event.kind.value == "speech_started":
                    listening.started()
            if ep.in_turn:
                for action in listening.during(ep):
                    if isinstance(action, Probe) and probe is None:
                        probe = action
                        listening.judged(Judged(action.turn, action.pause, 0.1), ep)
                        break
            if probe is not None:
                break
        assert probe is not None and listening.close is not None
        wanted = o.complete_silence_s if expected == "short" else o.unfinished_silence_s
        assert ep._pause_end == round(wanted * RATE)


def test_the_cue_is_off_by_default():
    o = TurnOptions()
    ep, listening = Endpointer(o, RATE), TurnListening(o)
    audio = np.concatenate([voice(130, 130, 1.2), voice(130, 90, 0.4), np.zeros(RATE)])
    for at in range(0, len(audio), 256):
        chunk = audio[at : at + 256].astype(np.float32)
        for event in ep.feed(chunk, 0.9 if np.abs(chunk).max() > 0.01 else 0.0):
            if event.kind.value == "speech_started":
                listening.started()
        if ep.in_turn:
            listening.during(ep)
    assert listening.closes == [] and o.prosody_verdict(None) is None


def _gapped(text: str):
    """A stand-in voice: a tone per word, a 0.2 s gap at each comma, 0.05 s between words."""
    out = []
    for i, clause in enumerate(text.split(",")):
        if i:
            out.append(np.zeros(round(0.2 * RATE), np.float32))
        for j, _ in enumerate(clause.split()):
            if j:
                out.append(np.zeros(round(0.05 * RATE), np.float32))
            out.append(voice(120, 120, 0.3))
    return np.concatenate(out), RATE


def test_a_whole_answer_is_cut_at_its_stops():
    text = "I had some rice... and a little soup."
    whole = render(text, _gapped, random.Random(1), PauseRange(1.0, 2.0), "whole")
    apart = render(text, _gapped, random.Random(1), PauseRange(1.0, 2.0), "pieces")
    assert whole.pauses == apart.pauses and len(whole.spans) == 2
    first, second = whole.spans
    assert (second[0] - first[1]) / RATE == pytest.approx(whole.pauses[0], abs=0.01)
    # The four words before the stop and the four after, none lost to the cut.
    assert (first[1] - first[0]) / RATE == pytest.approx(4 * 0.3 + 3 * 0.05, abs=0.02)
    assert (second[1] - second[0]) / RATE == pytest.approx(4 * 0.3 + 3 * 0.05, abs=0.02)


def test_an_unknown_style_is_refused():
    assert "whole" in STYLES and "pieces" in STYLES
    with pytest.raises(ValueError, match="speech style"):
        render("I had... rice.", _gapped, random.Random(0), PauseRange(), "sung")
