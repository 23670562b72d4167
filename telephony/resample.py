"""Sample-rate conversion: one-shot for whole utterances, streaming for the 20 ms line frames.

Both paths use the same anti-aliasing filter: a linear-phase low-pass FIR (Kaiser-windowed
sinc) designed at the upsampled rate `from_rate * up`, passing 0.85 of the lower Nyquist
frequency and stopping (by `attenuation_db`, 60 dB unless asked) from the lower Nyquist on.
For the line that is flat to 3.4 kHz and -60 dB from 4 kHz, so nothing folds into the
telephone band when 16 kHz speech goes down to 8 kHz, and no image of it appears above 4 kHz
when the line comes up to 16 kHz.

`resample` hands the filter to `scipy.signal.resample_poly`, which cancels the filter's delay
(it sees the whole signal). `Resampler` cannot look ahead, so it is causal: its output is the
same signal delayed by exactly `Resampler.delay` output samples, the same for every frequency
(linear phase). For 8 kHz -> 16 kHz that is 50 samples, for 16 kHz -> 8 kHz 25 samples: 3.125
ms each way. Feeding a signal in chunks of any sizes gives the same samples as feeding it at
once; `flush` returns the tail the filter still owes.

Cost per 20 ms frame (`bench/bench_codec.py`, best of 7 runs, on the 2-core development
machine): 8 kHz -> 16 kHz about 10 µs, 16 kHz -> 8 kHz about 9 µs; with G.711 decoding the
whole inbound path is about 13 µs and the outbound one (with encoding) about 20 µs, i.e.
0.17% of a core per call for both directions, 17% of one core for 100 calls. Other load on
the machine has made the same runs 2-3x slower; it is one small matrix product per frame,
and the rest is numpy's per-call overhead.
"""

from __future__ import annotations

from functools import lru_cache
from math import ceil, gcd, lcm

import numpy as np
from scipy.signal import firwin, kaiser_beta, kaiserord, resample_poly

DEFAULT_ATTENUATION_DB = 60.0
PASSBAND = 0.85  # passband edge as a fraction of the lower of the two Nyquist frequencies


def _ratio(from_rate: int, to_rate: int) -> tuple[int, int]:
    for name, rate in (("from_rate", from_rate), ("to_rate", to_rate)):
        if isinstance(rate, bool) or not isinstance(rate, int | np.integer) or rate <= 0:
            raise ValueError(f"{name} must be a positive integer number of Hz, got {rate!r}")
    g = gcd(int(from_rate), int(to_rate))
    return int(to_rate) // g, int(from_rate) // g


@lru_cache(maxsize=32)
def design_filter(
    from_rate: int, to_rate: int, attenuation_db: float = DEFAULT_ATTENUATION_DB
) -> np.ndarray:
    """The low-pass FIR (unit DC gain, at rate `from_rate * up`) used for this conversion.

    Its length is odd (linear phase) and its half-length a multiple of `down`, so the streaming
    delay is a whole number of output samples; for small ratios such as 8 kHz <-> 16 kHz also
    of `up`, so the delay is a whole number of input samples as well (and a round trip through
    both directions shifts the signal by whole samples).
    """
    up, down = _ratio(from_rate, to_rate)
    fs_up = from_rate * up
    nyquist_low = min(from_rate, to_rate) / 2
    pass_hz, stop_hz = PASSBAND * nyquist_low, nyquist_low
    numtaps, _ = kaiserord(attenuation_db, (stop_hz - pass_hz) / (fs_up / 2))
    step = lcm(up, down)  # whole delay in input samples too, where that costs few taps
    if step > (numtaps - 1) / 2:
        step = down
    half = ceil((numtaps - 1) / (2 * step)) * step
    taps = firwin(
        2 * half + 1,
        (pass_hz + stop_hz) / 2,
        window=("kaiser", kaiser_beta(attenuation_db)),
        fs=fs_up,
    )
    taps.setflags(write=False)
    return taps


def resample(
    samples: np.ndarray,
    from_rate: int,
    to_rate: int,
    *,
    attenuation_db: float = DEFAULT_ATTENUATION_DB,
) -> np.ndarray:
    """Resample a whole signal, without delay; `ceil(len * to_rate / from_rate)` samples out."""
    x = np.asarray(samples, dtype=np.float32)
    if x.ndim != 1:
        raise ValueError(f"resample takes mono (1-D) samples, got shape {x.shape}")
    up, down = _ratio(from_rate, to_rate)
    if up == down:
        return x.copy()
    if x.size == 0:
        return np.zeros(0, np.float32)
    taps = design_filter(from_rate, to_rate, attenuation_db)
    return resample_poly(x, up, down, window=taps.astype(np.float64)).astype(np.float32)


class Resampler:
    """Streaming polyphase resampler for one direction of one call.

    Output sample n is `sum_j phase[n*down % up][j] * x[n*down // up - j]`: the filter is split
    into `up` phases of `K` taps, and each output needs one K-tap dot product with the last K
    inputs. The last K-1 inputs are kept between chunks, so chunk boundaries are invisible.
    """

    def __init__(
        self,
        from_rate: int,
        to_rate: int,
        *,
        attenuation_db: float = DEFAULT_ATTENUATION_DB,
    ) -> None:
        self.from_rate, self.to_rate = int(from_rate), int(to_rate)
        self.up, self.down = _ratio(from_rate, to_rate)
        if self.up == self.down:
            taps = np.ones(1)
        else:
            taps = design_filter(from_rate, to_rate, attenuation_db) * self.up
        self._ntaps = taps.size
        k = ceil(taps.size / self.up)
        padded = np.zeros(k * self.up)
        padded[: taps.size] = taps
        # phases[p, K-1-j] = taps[p + j*up], reversed so that a window of inputs in time
        # order dotted with phases[p] gives the filter output.
        self._phases = np.ascontiguousarray(padded.reshape(k, self.up).T[:, ::-1], np.float32)
        self._phases_t = np.ascontiguousarray(self._phases.T)
        self._k = k
        self.delay = (taps.size - 1) // 2 // self.down  # output samples
        self.reset()

    @property
    def delay_seconds(self) -> float:
        return self.delay / self.to_rate

    def reset(self) -> None:
        """Forget the signal so far: the next chunk starts a new stream (after silence)."""
        self._history = np.zeros(self._k - 1, np.float32)
        self._inputs = 0  # input samples consumed since the start
        self._outputs = 0  # output samples produced since the start

    def process(self, chunk: np.ndarray) -> np.ndarray:
        x = np.asarray(chunk, dtype=np.float32)
        if x.ndim != 1:
            raise ValueError(f"Resampler takes mono (1-D) chunks, got shape {x.shape}")
        if self.up == self.down:
            self._inputs += x.size
            self._outputs += x.size
            return x.copy()
        buffer = np.concatenate((self._history, x))
        base = self._inputs
        self._inputs += x.size
        if self._k > 1:
            self._history = buffer[buffer.size - (self._k - 1) :].copy()
        end = (self._inputs * self.up - 1) // self.down + 1  # outputs whose input has arrived
        out = self._compute(buffer, base, self._outputs, end)
        self._outputs = end
        return out

    def flush(self) -> np.ndarray:
        """The filter's tail: outputs up to the last one any input sample reaches. Resets."""
        if self.up == self.down or self._inputs == 0:
            self.reset()
            return np.zeros(0, np.float32)
        last = ((self._inputs - 1) * self.up + self._ntaps - 1) // self.down + 1
        needed = ((last - 1) * self.down) // self.up + 1  # inputs that output `last-1` reads
        out = self.process(np.zeros(needed - self._inputs, np.float32))
        out = out[: last - (self._outputs - out.size)]
        self.reset()
        return out

    def _compute(self, buffer: np.ndarray, base: int, start: int, end: int) -> np.ndarray:
        if end <= start:
            return np.zeros(0, np.float32)
        # Row r is buffer[r : r + K], the K inputs ending at input number base + r. Built with
        # the ndarray constructor: sliding_window_view costs 20 µs, more than the filtering.
        count = buffer.size - self._k + 1
        windows = np.ndarray((count, self._k), np.float32, buffer, 0, (4, 4))
        if self.down == 1:  # upsampling: every input yields `up` outputs, one per phase
            first, stop = start // self.up - base, (end - 1) // self.up - base + 1
            out = np.dot(windows[first:stop], self._phases_t).reshape(-1)
            skip = start % self.up
            return out[skip : skip + end - start]
        if self.up == 1:  # decimation: every `down`-th input yields one output
            first, last = start * self.down - base, (end - 1) * self.down - base
            # np.dot, not @: on these overlapping rows matmul copies them first (3x slower).
            return np.dot(windows[first : last + 1 : self.down], self._phases[0])
        n = np.arange(start, end, dtype=np.int64) * self.down
        picked = windows[n // self.up - base]
        return np.einsum("ij,ij->i", picked, self._phases[n % self.up])
