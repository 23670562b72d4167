"""The answering-machine detector on synthetic audio: speech-like sounds, tones, silences."""

from __future__ import annotations

import numpy as np
import pytest

from telephony.amd import (
    HUMAN,
    MACHINE,
    UNKNOWN,
    AmdSettings,
    MachineDetector,
    find_beep,
    tone,
    voiced_seconds,
)

RATE = 8000


def speechlike(seconds: float, seed: int = 0) -> np.ndarray:
    """Voiced syllables (harmonics of a wandering pitch, 4 Hz syllable rhythm) with noise."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * RATE)) / RATE
    f0 = 140 + 30 * np.sin(2 * np.pi * 0.7 * t) + rng.normal(0, 3, len(t))
    phase = 2 * np.pi * np.cumsum(f0) / RATE
    voiced = sum(np.sin(k * phase) / k for k in range(1, 12))
    envelope = 0.55 + 0.45 * np.sin(2 * np.pi * 4 * t)
    return (0.1 * voiced * envelope + 0.01 * rng.normal(size=len(t))).astype(np.float32)


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE), np.float32)


@pytest.mark.parametrize("hz", [440.0, 1000.0, 1400.0])
def test_beep_after_a_greeting_is_found(hz):
    audio = np.concatenate([speechlike(3.0), silence(0.4), tone(hz, 0.5)])
    found = find_beep(audio, RATE)
    assert found is not None
    start, end, freq = found
    assert abs(freq - hz) < 20 and 3.3 < start < 3.5 and 3.8 < end < 4.0


def test_speech_noise_and_long_tones_are_not_beeps():
    assert find_beep(speechlike(5.0, seed=3), RATE) is None
    assert (
        find_beep(np.random.default_rng(1).normal(0, 0.1, RATE * 2).astype(np.float32), RATE)
        is None
    )
    assert find_beep(tone(1000.0, 3.0), RATE) is None  # a dial tone is not a beep
    assert find_beep(tone(1000.0, 0.05), RATE) is None  # a click is not either
    assert find_beep(tone(1000.0, 0.5, level=0.001), RATE) is None  # below the line's floor


def test_voiced_seconds_ignores_silence():
    speech = speechlike(2.0)
    alone = voiced_seconds(speech, RATE)
    assert alone > 0 and voiced_seconds(silence(3.0), RATE) == 0.0
    padded = np.concatenate([silence(1.0), speech, silence(1.0)])
    frame = AmdSettings().frame_s  # the padding may shift where frames fall: one at most
    assert voiced_seconds(padded, RATE) == pytest.approx(alone, abs=frame)  # silence adds nothing
    longer = np.concatenate([speech, speechlike(2.0, seed=1)])
    assert voiced_seconds(longer, RATE) > alone  # more speech counts more


def test_long_uninterrupted_greeting_is_a_machine():
    det = MachineDetector("en")
    assert det.hear(speechlike(6.0), RATE, identity="confirm") == MACHINE  # "Hi, this is ..."
    assert "long greeting" in det.reason


def test_short_answer_that_confirms_is_a_person_and_stays_one():
    det = MachineDetector("en")
    assert det.hear(speechlike(1.2), RATE, "yes speaking", "confirm") == HUMAN
    later = np.concatenate([speechlike(6.0), tone(1000.0, 0.5)])
    assert det.hear(later, RATE) == HUMAN  # a person's long story later changes nothing


def test_hello_then_answer_is_a_person():
    det = MachineDetector("ko")
    assert det.hear(speechlike(0.8), RATE, "여보세요?") == UNKNOWN
    assert det.hear(speechlike(1.0), RATE, "네 맞아요", "confirm") == HUMAN


def test_no_answer_to_the_identity_question_is_a_machine():
    det = MachineDetector("en")
    assert det.hear(speechlike(2.8), RATE) == UNKNOWN
    assert det.hear(speechlike(2.5, seed=2), RATE) == MACHINE
    assert "no identity answer" in det.reason


def test_a_misheard_answer_then_a_remark_in_turn_is_a_person():
    # "Yes, this is Harold." misheard (no identity answer), the agent asks again and is heard
    # to the end, then a remark: the same speech that, said without waiting, is a machine's
    det = MachineDetector("en")
    assert det.hear(speechlike(2.8), RATE, "not visited well", in_turn=True) == UNKNOWN
    assert det.hear(speechlike(2.5, seed=2), RATE, "i feel rather", in_turn=True) == HUMAN
    assert "in turn" in det.reason


def test_speech_over_the_agents_reply_is_still_a_machine():
    det = MachineDetector("en")
    assert det.hear(speechlike(2.8), RATE, in_turn=True) == UNKNOWN  # after the opening
    assert det.hear(speechlike(2.5, seed=2), RATE, in_turn=False) == MACHINE  # talked over it
    assert "no identity answer" in det.reason


def test_turn_taking_never_outweighs_a_beep_or_a_greetings_words():
    det = MachineDetector("en")
    assert det.hear(speechlike(1.0), RATE, in_turn=True) == UNKNOWN
    assert det.hear(tone(1000.0, 0.5), RATE, in_turn=True) == MACHINE
    det = MachineDetector("ko")
    assert det.hear(speechlike(1.0), RATE, "여보세요", in_turn=True) == UNKNOWN
    said = "삐 소리가 나면 메시지를 남겨 주세요"
    assert det.hear(speechlike(1.5, seed=3), RATE, said, in_turn=True) == MACHINE


def test_beep_alone_is_a_machine_and_notes_when():
    det = MachineDetector("en")
    assert det.hear(np.concatenate([silence(0.2), tone(850.0, 0.6)]), RATE) == MACHINE
    assert det.beep_at is not None and det.beep_at > 0.7


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "please leave a message after the tone"), ("ko", "삐 소리 후 메시지를 남겨 주세요")],
)
def test_greeting_words_are_a_machine(language, text):
    assert MachineDetector(language).hear(speechlike(1.5), RATE, text) == MACHINE


def test_a_long_unanswering_first_utterance_is_held_from_the_engine():
    from assembly.answering import AnsweringMachine
    from dialogue import load_scenario
    from telephony.audio import Audio

    am = AnsweringMachine(load_scenario("daily_checkin_en"), "Margaret")
    assert am.hear(Audio(speechlike(2.2), RATE), "hello you have reached the") == "wait"
    assert am.hear(Audio(speechlike(3.0, seed=4), RATE), "uh leave your name and") == "wait"
    assert am.machine and am.silence() == "leave"
    assert "555-0100" in am.leave() and am.silence() == "hang_up"
    person = AnsweringMachine(load_scenario("daily_checkin_en"), "Margaret")
    assert person.hear(Audio(speechlike(0.7), RATE), "hello") == "talk"
    assert person.hear(Audio(speechlike(0.9), RATE), "yes speaking") == "talk"
    assert not person.machine and person.silence() == "talk"


def test_the_answering_machine_learns_turn_taking_from_what_the_line_played():
    from assembly.answering import AnsweringMachine
    from dialogue import load_scenario
    from telephony.audio import Audio

    person = AnsweringMachine(load_scenario("daily_checkin_en"), "Harold")
    person.played(True)  # the opening, heard to its end
    assert person.hear(Audio(speechlike(2.8), RATE), "not visited well") == "wait"
    assert person.silence() == "talk"  # the agent asks again ...
    person.played(True)  # ... and is heard to its end before the person speaks
    assert person.hear(Audio(speechlike(2.5, seed=2), RATE), "i feel lonely") == "talk"
    assert not person.machine and person.detector.verdict == HUMAN
    greeting = AnsweringMachine(load_scenario("daily_checkin_en"), "Harold")
    greeting.played(True)
    assert greeting.hear(Audio(speechlike(2.8), RATE), "hello you have") == "wait"
    greeting.played(False)  # whatever the agent said next was cut off by more greeting
    assert greeting.hear(Audio(speechlike(2.5, seed=2), RATE), "and i will call") == "wait"
    assert greeting.machine


def test_twilio_amd_verdict_turns_the_agent_to_voicemail():
    from assembly.answering import AnsweringMachine
    from dialogue import load_scenario
    from telephony.audio import Audio

    am = AnsweringMachine(load_scenario("daily_checkin_ko"), "김순자")
    assert am.silence() == "talk"
    am.told("twilio: machine_end_beep")
    assert am.machine and am.hear(Audio(speechlike(0.5), RATE), "") == "leave"
    assert "02-120-0100" in am.leave() and "김순자" in am.message
