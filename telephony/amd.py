"""Answering-machine detection from the line's audio, on any line (pure: no I/O, no clock).

Four cues, the ones a person on the phone uses:
- a long uninterrupted greeting: a person answers "Hello?" / "Yes, speaking" and waits; a
  machine talks for 3-10 s without waiting for anyone;
- a beep: a pure tone (one frequency, ~0.25-1.5 s) after the greeting; found by an FFT per
  30 ms frame: nearly all of a frame's energy in one narrow band, steady over the run;
- no answer to the identity question: speech that neither confirms nor denies who answered,
  going on past what a person says before answering;
- turn-taking: a person lets the agent finish and then answers it; a recording plays on
  regardless and talks over the agent's reply (so the line stops the agent: a barge-in). An
  utterance after the first that follows an agent turn heard to its end is a person's, whatever
  the recognizer made of its words (a misheard "Yes, this is Harold" followed by a remark is
  still a person; without this cue the two count as speech with no identity answer);
plus the words of a greeting when the recognizer got them ("leave a message after the tone",
"메시지를 남겨 주세요").

`MachineDetector.hear` takes each utterance of the person's side (samples, the recognizer's
text, what the identity check made of it, and whether it came in turn: after an agent turn
the line played to its end, `None` when the caller does not know) and returns the verdict so
far: `human`, `machine` or `unknown`. Once it says `human` it stops listening, so nothing later
in a real conversation turns a person into a machine. The call agent (`carecall.pipeline`)
feeds it (`assembly.answering`, which learns turn-taking from what the line played); the tests
and `bench/bench_voicemail.py` feed it synthetic audio.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

HUMAN, MACHINE, UNKNOWN = "human", "machine", "unknown"


@dataclass(frozen=True)
class AmdSettings:
    long_greeting_s: float = 4.0  # speech in the first utterance: past this, a machine
    long_unconfirmed_s: float = 3.0  # ... or past this when it does not answer who it is
    unclear_total_s: float = 5.0  # speech with no identity answer, over the first utterances
    beep_min_s: float = 0.2
    beep_max_s: float = 1.6
    beep_band: tuple[float, float] = (350.0, 2500.0)
    tonality: float = 0.7  # share of a frame's energy within ±30 Hz of its peak
    frame_s: float = 0.03
    speech_floor: float = 0.01  # RMS of a frame counted as speech (line level, [-1, 1])


MESSAGE_CUES = {
    "en": re.compile(
        r"leave (?:a|your|me a) (?:message|name)|after the (?:tone|beep)|not available"
        r"|(?:can't|cannot) (?:come to|take|get to) (?:the|your) (?:phone|call)|voicemail"
        r"|mailbox|record your message"
    ),
    "ko": re.compile(
        r"메시지를?\s*남|음성\s*사서함|삐\s*소리|연결이\s*되지\s*않|전화를\s*받을\s*수\s*없"
    ),
}


def _frames(samples: np.ndarray, rate: int, frame_s: float) -> np.ndarray:
    n = max(1, int(rate * frame_s))
    usable = len(samples) // n * n
    return samples[:usable].reshape(-1, n) if usable else np.zeros((0, n), np.float32)


def voiced_seconds(samples: np.ndarray, rate: int, settings: AmdSettings = AmdSettings()) -> float:
    """Seconds of the utterance above the speech floor."""
    frames = _frames(np.asarray(samples, np.float32), rate, settings.frame_s)
    if not len(frames):
        return 0.0
    rms = np.sqrt(np.mean(frames.astype(np.float64) ** 2, axis=1))
    return float(np.sum(rms >= settings.speech_floor)) * settings.frame_s


def find_beep(
    samples: np.ndarray, rate: int, settings: AmdSettings = AmdSettings()
) -> tuple[float, float, float] | None:
    """(start s, end s, frequency Hz) of the first beep in the audio, or None."""
    frames = _frames(np.asarray(samples, np.float32), rate, settings.frame_s)
    if not len(frames):
        return None
    nfft = 2048
    window = np.hanning(frames.shape[1])
    spectra = np.abs(np.fft.rfft(frames * window, nfft)) ** 2
    freqs = np.fft.rfftfreq(nfft, 1.0 / rate)
    lo, hi = settings.beep_band
    band = (freqs >= lo) & (freqs <= hi)
    half = max(1, int(round(30.0 / (freqs[1] - freqs[0]))))
    rms = np.sqrt(np.mean(frames.astype(np.float64) ** 2, axis=1))
    tones: list[float | None] = []
    for spectrum, level in zip(spectra, rms, strict=True):
        total = float(spectrum.sum())
        if level < settings.speech_floor or total <= 0:
            tones.append(None)
            continue
        k = int(np.argmax(np.where(band, spectrum, 0.0)))
        share = float(spectrum[max(0, k - half) : k + half + 1].sum()) / total
        tones.append(float(freqs[k]) if share >= settings.tonality and band[k] else None)
    start = None
    for i, f in enumerate([*tones, None]):
        steady = f is not None and start is not None and abs(f - tones[start]) <= 40.0
        if start is not None and not steady:
            length = (i - start) * settings.frame_s
            if settings.beep_min_s <= length <= settings.beep_max_s:
                t0 = start * settings.frame_s
                return t0, t0 + length, float(tones[start])
            start = None
        if f is not None and start is None:
            start = i
    return None


class MachineDetector:
    """One call's verdict; feed it every utterance of the person's side, in order."""

    def __init__(self, language: str = "en", settings: AmdSettings = AmdSettings()) -> None:
        self.language = "ko" if language == "ko" else "en"
        self.settings = settings
        self.verdict = UNKNOWN
        self.reason = ""
        self.utterances = 0
        self.unclear_s = 0.0  # speech so far that did not answer the identity question
        self.beep_at: float | None = None  # seconds into the utterance where the beep ended
        self.last_speech_s = 0.0  # speech in the last utterance heard

    def _decide(self, verdict: str, reason: str) -> str:
        self.verdict, self.reason = verdict, reason
        return verdict

    def hear(
        self,
        samples: np.ndarray,
        rate: int,
        text: str = "",
        identity: str | None = None,
        in_turn: bool | None = None,
    ) -> str:
        """`identity`: "confirm"/"deny" when the utterance answered who is speaking, else None.
        `in_turn`: True when the agent spoke between the last utterance and this one and the
        line played that turn to its end before this one began (not cut off by this speech);
        False when it did not; None when unknown (only the audio cues are used)."""
        if self.verdict != UNKNOWN:
            return self.verdict
        s = self.settings
        self.utterances += 1
        speech = self.last_speech_s = voiced_seconds(samples, rate, s)
        beep = find_beep(samples, rate, s)
        if beep is not None:
            self.beep_at = beep[1]
            return self._decide(MACHINE, f"beep {beep[2]:.0f} Hz")
        if text and MESSAGE_CUES[self.language].search(text.lower()):
            return self._decide(MACHINE, "a recorded greeting's words")
        if self.utterances == 1 and speech >= s.long_greeting_s:
            return self._decide(MACHINE, f"long greeting {speech:.1f}s")
        if identity in ("confirm", "deny"):
            return self._decide(HUMAN, f"answered ({identity})")
        if in_turn and self.utterances >= 2:  # the agent answered, then it answered the agent
            return self._decide(HUMAN, "answered the agent in turn")
        if self.utterances == 1 and speech >= s.long_unconfirmed_s:
            return self._decide(MACHINE, f"long greeting without an answer {speech:.1f}s")
        self.unclear_s += speech
        if self.unclear_s >= s.unclear_total_s:
            return self._decide(MACHINE, f"no identity answer in {self.unclear_s:.1f}s")
        if self.utterances >= 3:  # a person who talks past the question but briefly
            return self._decide(HUMAN, "short turns")
        return UNKNOWN


def tone(freq: float, seconds: float, rate: int = 8000, level: float = 0.3) -> np.ndarray:
    """A pure tone: a beep for tests and the simulated voicemail."""
    t = np.arange(int(rate * seconds)) / rate
    return (level * np.sin(2 * np.pi * freq * t)).astype(np.float32)
