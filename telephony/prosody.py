"""How a stretch of speech closes: the prosodic end-of-turn cue.

A person who stops mid-answer to search for a word, or between two clauses, usually does so
with *continuation* prosody: the pitch stays level or rises, the last syllable is not drawn
out, the voice does not fade. The end of an answer is marked by a *final fall*: the pitch drops
below the speaker's own usual level, the voice fades and the last syllable is longer. Words
alone cannot tell "I had some rice..." (a pause before "and a little soup") from a whole
answer; the close of the voice often can.

`PitchTracker` follows the fundamental frequency (F0) of one call's inbound audio, a small
YIN-style tracker in numpy (cumulative mean normalised difference, 40 ms windows every 10 ms,
60-400 Hz), fed as the turn arrives so each judgement only looks back at the last second.
`PitchTracker.close` describes the last voiced ~300 ms before a pause (`Close`): the F0
slope in semitones per second, the closing level against the speaker's running median (all
voiced frames heard in the call so far), the energy decay, and the last voiced run's length
against the speaker's usual run. `TurnOptions.prosody_verdict` turns it into "final",
"continuing" or None (not enough voice to tell).

Costs (CPU process time, a loaded 2-core machine, `python -m evaluation.endpoint_prosody
--cost`): the tracker is fed every chunk of the turn, about 12 ms per second of audio (at 8 or
16 kHz: 16 kHz is averaged down to the line's 8 kHz first); a judgement reads the frames
already tracked, about 0.3 ms. Only with the cue on (`TurnOptions.prosody_window_s` > 0).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

FRAME_S = 0.040  # analysis window
HOP_S = 0.010  # one frame every 10 ms
F0_MIN, F0_MAX = 60.0, 400.0  # Hz: elderly men to women and children
YIN_THRESHOLD = 0.25  # cumulative mean normalised difference at or under which a frame is voiced
SILENT_DB = -50.0  # frames quieter than this (dBFS) are never voiced
MEDIAN_FRAMES = 3000  # the speaker's running median looks back this many voiced frames (30 s)


@dataclass(frozen=True)
class Close:
    """How the speech before a pause closes (see the module's docstring)."""

    voiced_s: float  # voiced time in the closing window (0: nothing to judge)
    slope_st_s: float  # F0 slope over the closing window, semitones per second
    level_st: float  # F0 of the last 100 ms voiced against the speaker's median, semitones
    decay_db: float  # energy of the last 100 ms voiced against the turn's voiced median, dB
    last_run_ratio: float  # the last voiced run's length / the speaker's median run length

    def as_dict(self) -> dict[str, float]:
        return {k: round(v, 3) for k, v in asdict(self).items()}


NO_CLOSE = Close(0.0, 0.0, 0.0, 0.0, 1.0)


class PitchTracker:
    """F0 and energy of one speaker's audio, frame by frame, fed in any chunk sizes."""

    def __init__(self, sample_rate: int) -> None:
        if not isinstance(sample_rate, int) or sample_rate < 8000:
            raise ValueError(f"pitch tracking needs audio of 8 kHz or more, got {sample_rate!r}")
        self.input_rate = sample_rate
        # The phone line carries 8 kHz: higher rates are averaged down to it (cheaper, same F0).
        self.factor = sample_rate // 8000 if sample_rate % 8000 == 0 else 1
        self.rate = sample_rate // self.factor
        self.frame = round(FRAME_S * sample_rate)
        self.hop = round(HOP_S * sample_rate)
        self.lag_min = int(sample_rate / F0_MAX)
        self.lag_max = int(np.ceil(sample_rate / F0_MIN))
        self._buffer = np.zeros(0, np.float32)
        self._raw = np.zeros(0, np.float32)  # input samples not yet averaged down
        self.f0: list[float] = []  # Hz per frame of this turn, 0 where unvoiced
        self.db: list[float] = []  # dBFS per frame of this turn
        self._speaker: list[float] = []  # semitones of the voiced frames of the call so far
        self._runs: list[int] = []  # lengths (frames) of the call's voiced runs so far
        self._run = 0

    def new_turn(self) -> None:
        """A turn begins: frames are counted from here; the speaker's level is kept."""
        self._close_run()
        self._buffer = self._raw = np.zeros(0, np.float32)
        self.f0, self.db = [], []

    def feed(self, samples: np.ndarray) -> None:
        samples = np.asarray(samples)
        if samples.ndim != 1:
            raise ValueError("pitch tracking takes mono audio")
        if samples.dtype == np.int16:
            samples = samples.astype(np.float32) / 32768.0
        samples = samples.astype(np.float32, copy=False)
        if self.factor > 1:  # whole groups of `factor` input samples become one
            raw = np.concatenate([self._raw, samples])
            usable = len(raw) - len(raw) % self.factor
            self._raw = raw[usable:]
            samples = raw[:usable].reshape(-1, self.factor).mean(axis=1, dtype=np.float32)
        buf = np.concatenate([self._buffer, samples])
        n = (len(buf) - self.frame) // self.hop + 1 if len(buf) >= self.frame else 0
        if n <= 0:
            self._buffer = buf
            return
        idx = np.arange(self.frame)[None, :] + self.hop * np.arange(n)[:, None]
        f0, db = self._analyse(buf[idx])
        self._buffer = buf[n * self.hop :]
        for hz, level in zip(f0.tolist(), db.tolist(), strict=True):
            self.f0.append(hz)
            self.db.append(level)
            if hz > 0:
                self._run += 1
                self._speaker.append(12.0 * np.log2(hz))
            else:
                self._close_run()
        if len(self._speaker) > 2 * MEDIAN_FRAMES:
            del self._speaker[:-MEDIAN_FRAMES]

    def _close_run(self) -> None:
        if self._run >= 3:
            self._runs.append(self._run)
            del self._runs[:-200]
        self._run = 0

    def _analyse(self, frames: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """YIN's difference function via the FFT, per frame: F0 (0 unvoiced) and dBFS."""
        frames = frames - frames.mean(axis=1, keepdims=True)
        energy = (frames**2).mean(axis=1)
        db = 10.0 * np.log10(energy + 1e-12)
        w = self.frame // 2  # integration window
        size = 1 << int(np.ceil(np.log2(2 * self.frame)))
        spec = np.fft.rfft(frames, size, axis=1)
        ref = np.fft.rfft(frames[:, :w], size, axis=1)
        cross = np.fft.irfft(spec * np.conj(ref), size, axis=1)[:, : self.lag_max + 1]
        sq = np.cumsum(np.pad(frames**2, ((0, 0), (1, 0))), axis=1)
        lags = np.arange(self.lag_max + 1)
        e0 = sq[:, w][:, None]
        e_tau = sq[:, lags + w] - sq[:, lags]
        diff = np.maximum(e0 + e_tau - 2.0 * cross, 0.0)
        diff[:, 0] = 0.0
        cum = np.cumsum(diff[:, 1:], axis=1) / np.arange(1, self.lag_max + 1)
        cmnd = np.ones_like(diff)
        cmnd[:, 1:] = diff[:, 1:] / np.maximum(cum, 1e-12)
        search = cmnd[:, self.lag_min :]
        below = search < YIN_THRESHOLD
        # The first dip under the threshold (YIN's absolute threshold step), then its minimum.
        first = np.where(below.any(axis=1), below.argmax(axis=1), search.argmin(axis=1))
        lag = first.copy()
        for _ in range(8):  # walk down to the local minimum (a few steps at most)
            nxt = np.minimum(lag + 1, search.shape[1] - 1)
            step = search[np.arange(len(lag)), nxt] < search[np.arange(len(lag)), lag]
            if not step.any():
                break
            lag = np.where(step, nxt, lag)
        value = search[np.arange(len(lag)), lag]
        tau = (lag + self.lag_min).astype(np.float64)
        # Parabolic interpolation around the minimum.
        inner = (lag > 0) & (lag < search.shape[1] - 1)
        li = np.clip(lag, 1, search.shape[1] - 2)
        a = search[np.arange(len(li)), li - 1]
        b = search[np.arange(len(li)), li]
        c = search[np.arange(len(li)), li + 1]
        den = a - 2 * b + c
        safe = np.where(den == 0, 1.0, den)
        shift = np.where(inner & (np.abs(den) > 1e-9), 0.5 * (a - c) / safe, 0.0)
        tau = tau + np.clip(shift, -0.5, 0.5)
        voiced = (value < YIN_THRESHOLD) & (db > SILENT_DB)
        f0 = np.where(voiced, self.rate / tau, 0.0)
        return f0, db

    def close(self, silence_s: float, window_s: float = 0.3) -> Close:
        """How the turn's speech closed before the last `silence_s` of silence: the last
        `window_s` of voiced frames before it (`Close`)."""
        end = len(self.f0) - int(round(max(silence_s, 0.0) / HOP_S))
        f0 = np.asarray(self.f0[: max(end, 0)])
        db = np.asarray(self.db[: max(end, 0)])
        voiced = np.flatnonzero(f0 > 0)
        if len(voiced) < 5 or len(self._speaker) < 10:
            return NO_CLOSE
        want = int(round(window_s / HOP_S))
        last = voiced[-1]
        chosen = voiced[voiced > last - 2 * want][-want:]  # the last voiced frames, near the end
        if len(chosen) < 5:
            return NO_CLOSE
        st = 12.0 * np.log2(f0[chosen])
        st = _despike(st)
        t = chosen * HOP_S
        slope = float(np.polyfit(t, st, 1)[0]) if np.ptp(t) > 0 else 0.0
        median = float(np.median(self._speaker[-MEDIAN_FRAMES:]))
        tail = chosen[chosen > last - 10]
        level = float(np.median(st[-len(tail) :]) - median)
        turn_voiced_db = db[voiced]
        decay = float(np.median(db[tail]) - np.median(turn_voiced_db))
        run = 1
        while last - run >= 0 and f0[last - run] > 0:
            run += 1
        runs = self._runs + ([self._run] if self._run >= 3 else [])
        usual = float(np.median(runs)) if runs else float(run)
        return Close(len(chosen) * HOP_S, slope, level, decay, run / max(usual, 1.0))


def _despike(st: np.ndarray) -> np.ndarray:
    """Octave errors (a frame a whole octave off its neighbours) folded back."""
    out = st.copy()
    ref = np.median(out)
    out[out - ref > 9] -= 12
    out[ref - out > 9] += 12
    return out


def verdict(close: Close | None, options) -> str | None:
    """How `close` ends (`TurnOptions`' prosody fields): "final" (a fall to under the
    speaker's median), "continuing" (level or rising) or None (too little voice, or between)."""
    if close is None or close.voiced_s < 0.1:
        return None
    if close.level_st <= -options.final_drop_st and close.slope_st_s <= -options.final_slope_st_s:
        return "final"
    if close.slope_st_s >= options.continuing_rise_st_s:
        return "continuing"  # a rise, wherever it ends
    if (
        close.level_st > -options.continuing_drop_st
        and close.slope_st_s > -options.continuing_slope_st_s
    ):
        return "continuing"  # level, near the speaker's usual pitch
    return None
