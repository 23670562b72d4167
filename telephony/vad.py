"""Voice activity detection: the probability that a chunk of audio is speech.

Two backends. Silero VAD is the default: its model ships inside the `silero-vad` package (no
download), and it separates speech from line noise far better than energy or GMM detectors.
webrtcvad is the option for very many calls per core (2 µs a frame). Both listen to the phone
line at its own 8 kHz by default, so inbound audio needs no resampling on the event loop (the
person's turn is resampled to 16 kHz for the recognizer once, off the loop).

A server listens to many calls at once, so detectors work on batches: `BatchDetector` labels
one chunk from each of several streams in one call, with each stream's state passed in, and
`VadBatcher` collects the chunks of every call on one event loop and runs them together every
few milliseconds (one Silero forward for all calls instead of one per call). The per-call
`VoiceActivityDetector` interface stays for code that listens to a single stream.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable
from typing import Any, Protocol

import numpy as np

from telephony.audio import INTERNAL_RATE, LINE_RATE

log = logging.getLogger("carecall.vad")


class BatchDetector(Protocol):
    sample_rate: int  # of the audio it listens to
    chunk_samples: int  # the chunk length that `probabilities` expects

    def new_state(self) -> Any:
        """The state of a fresh stream (one per call)."""
        ...

    def probabilities(self, chunks: np.ndarray, states: list[Any]) -> np.ndarray:
        """[B, chunk_samples] chunks, one per state -> B speech probabilities."""
        ...

    def release(self, state: Any) -> None:
        """The stream is over: forget its state."""
        ...


class SileroBatch:
    """Silero VAD (v5+ network) on 32 ms chunks, batched across calls."""

    def __init__(self, sample_rate: int = LINE_RATE) -> None:
        from telephony.silero import SileroModel

        self._model = SileroModel.shared(sample_rate)
        self.sample_rate = sample_rate
        self.chunk_samples = self._model.chunk_samples

    def new_state(self) -> Any:
        return self._model.new_state()

    def probabilities(self, chunks: np.ndarray, states: list[Any]) -> np.ndarray:
        return self._model.probabilities(chunks, states)

    def release(self, state: Any) -> None:
        self._model.release(state)


class WebrtcBatch:
    """webrtcvad (GMM) on 30 ms frames; returns 0 or 1. `aggressiveness` 0–3 (3 = least speech).
    A GMM frame costs microseconds, so batching only shares the interface."""

    def __init__(self, sample_rate: int = LINE_RATE, aggressiveness: int = 2) -> None:
        import webrtcvad

        if aggressiveness not in (0, 1, 2, 3):
            raise ValueError(f"webrtcvad aggressiveness must be 0-3, got {aggressiveness}")
        if sample_rate not in (8000, 16000, 32000, 48000):
            raise ValueError(f"webrtcvad runs at 8, 16, 32 or 48 kHz, not {sample_rate} Hz")
        self._make = lambda: webrtcvad.Vad(aggressiveness)
        self.sample_rate = sample_rate
        self.chunk_samples = sample_rate * 3 // 100  # 30 ms

    def new_state(self) -> Any:
        return self._make()

    def probabilities(self, chunks: np.ndarray, states: list[Any]) -> np.ndarray:
        pcm = (np.clip(chunks, -1.0, 1.0) * 32767).astype("<i2")
        return np.array(
            [
                1.0 if vad.is_speech(row.tobytes(), self.sample_rate) else 0.0
                for row, vad in zip(pcm, states, strict=True)
            ],
            np.float32,
        )

    def release(self, state: Any) -> None:
        pass


def make_detector(name: str = "silero", sample_rate: int = LINE_RATE) -> BatchDetector:
    if name == "silero":
        return SileroBatch(sample_rate)
    if name == "webrtc":
        return WebrtcBatch(sample_rate)
    raise ValueError(f"unknown VAD {name!r}: choose 'silero' or 'webrtc'")


# ---- one stream at a time ---------------------------------------------------------------------


class VoiceActivityDetector(Protocol):
    chunk_samples: int  # at the rate it was made for

    def probability(self, chunk: np.ndarray) -> float: ...

    def reset(self) -> None: ...


class SingleStream:
    """A batch detector listening to one stream."""

    def __init__(self, detector: BatchDetector) -> None:
        self.detector = detector
        self.chunk_samples = detector.chunk_samples
        self._state = detector.new_state()

    def probability(self, chunk: np.ndarray) -> float:
        if len(chunk) != self.chunk_samples:
            raise ValueError(f"VAD takes {self.chunk_samples}-sample chunks, not {len(chunk)}")
        return float(self.detector.probabilities(chunk[None, :], [self._state])[0])

    def reset(self) -> None:
        self.detector.release(self._state)
        self._state = self.detector.new_state()

    def __del__(self) -> None:
        self.detector.release(self._state)


def make_vad(name: str = "silero", sample_rate: int = INTERNAL_RATE) -> VoiceActivityDetector:
    return SingleStream(make_detector(name, sample_rate))


class ChunkedVAD:
    """Feeds arbitrary-length audio to a single-stream detector in the chunk size it needs."""

    def __init__(self, vad: VoiceActivityDetector) -> None:
        self.vad = vad
        self._buffer = np.zeros(0, np.float32)

    def push(self, samples: np.ndarray) -> list[tuple[np.ndarray, float]]:
        self._buffer = np.concatenate([self._buffer, samples.astype(np.float32, copy=False)])
        n = self.vad.chunk_samples
        out = []
        while len(self._buffer) >= n:
            chunk, self._buffer = self._buffer[:n], self._buffer[n:]
            out.append((chunk, self.vad.probability(chunk)))
        return out


# ---- many streams on one event loop -----------------------------------------------------------

Deliver = Callable[[np.ndarray, float, float], None]  # (chunk, probability, arrival time)


class VadStream:
    """One call's audio waiting for the batcher. `push` never runs the model itself: it copies
    the samples into a small buffer (int16 pushes are scaled by `scale` later, per batch)."""

    def __init__(self, batcher: VadBatcher, deliver: Deliver, scale: float = 1.0) -> None:
        self._batcher = batcher
        self._deliver = deliver
        self.scale = scale
        self.state = batcher.detector.new_state()
        self._n = batcher.detector.chunk_samples
        self._buffer = np.zeros(4 * self._n, np.float32)
        self._fill = 0
        self._ready: deque[tuple[np.ndarray, float]] = deque()  # whole chunks, arrival time
        self.closed = False

    def push(self, samples: np.ndarray, now: float) -> None:
        k = len(samples)
        if self.closed or not k:
            return
        n, fill = self._n, self._fill
        if fill + k > len(self._buffer):
            self._buffer = np.concatenate([self._buffer[:fill], np.zeros(fill + k, np.float32)])
        self._buffer[fill : fill + k] = samples
        fill += k
        if fill < n:
            self._fill = fill
            return
        while fill >= n:
            self._ready.append((self._buffer[:n].copy(), now))
            self._buffer[: fill - n] = self._buffer[n:fill]
            fill -= n
        self._fill = fill
        self._batcher._want(self)

    def close(self) -> None:
        """The call is over: its state row goes back to the model, and the stream lets go of
        its audio and of `deliver` (a call's method: keeping it would keep the ended call
        alive as long as anything keeps its stream)."""
        if not self.closed:
            self.closed = True
            self._ready.clear()
            self._buffer = self._buffer[:0].copy()
            self._fill = 0
            self._deliver = _closed
            self._batcher.detector.release(self.state)


def _closed(chunk: np.ndarray, prob: float, arrived: float) -> None:
    pass


class VadBatcher:
    """Runs the VAD of every call on one event loop in batches, every `interval_s` at most.

    The wait adds at most `interval_s` to each endpointing decision (10 ms by default, against
    1.5 s of end-of-turn silence) and turns a hundred tiny forwards into one. Results go back
    to each stream's `deliver` in order; a failing callback is logged and closes only its own
    stream, never the batch.

    A stream's chunks must go through the network one after another (its state carries over),
    so a backlog is worked off in rounds: one chunk per waiting stream per forward, round after
    round within one flush until nothing waits or the flush's time budget is spent. The budget
    grows with the time since the last flush (`share` of it, within `min_budget_s` ..
    `max_budget_s`): when the loop is slow (a busy machine, many calls) the VAD keeps pace
    with the audio instead of labelling one chunk per stream per loop turn, which under load
    (loop turns over 32 ms) let the backlog, and with it every turn's end, fall seconds behind.
    """

    def __init__(
        self,
        detector: BatchDetector,
        interval_s: float = 0.01,
        max_batch: int = 64,
        *,
        share: float = 0.5,
        min_budget_s: float = 0.005,
        max_budget_s: float = 0.04,
    ) -> None:
        self.detector = detector
        self.interval_s = interval_s
        self.max_batch = max_batch
        self.share, self.min_budget_s, self.max_budget_s = share, min_budget_s, max_budget_s
        self._waiting: dict[VadStream, None] = {}
        self._timer: asyncio.TimerHandle | asyncio.Handle | None = None
        self._last_flush = 0.0  # perf_counter at the end of the last flush
        self.batches = 0
        self.chunks = 0
        self.max_lag_s = 0.0
        """Longest time (loop clock) from a chunk's arrival to its label being delivered."""

    def open(self, deliver: Deliver, scale: float = 1.0) -> VadStream:
        """A stream for one call; `scale` multiplies its samples (1/32768 for int16 pushes)."""
        return VadStream(self, deliver, scale)

    def _want(self, stream: VadStream) -> None:
        self._waiting[stream] = None
        if self._timer is None:
            loop = asyncio.get_running_loop()
            self._timer = loop.call_later(self.interval_s, self.flush)

    def flush(self) -> None:
        """Label the waiting chunks, up to `max_batch` streams per forward, in rounds until
        none wait or the time budget is spent; the rest follow in the next loop iteration,
        so the frame clock and the sockets get their turn in between."""
        self._timer = None
        start = time.perf_counter()
        gap = start - self._last_flush if self._last_flush else 0.0
        budget = min(self.max_budget_s, max(self.min_budget_s, self.share * gap))
        now = asyncio.get_running_loop().time()
        while True:
            streams = [s for s in self._waiting if not s.closed and s._ready][: self.max_batch]
            if not streams:
                break
            for stream in streams:  # re-queued at the back: every stream gets its turn
                del self._waiting[stream]
            self._run(streams, now)
            for stream in streams:
                if stream._ready and not stream.closed:
                    self._waiting[stream] = None
            if time.perf_counter() - start >= budget:
                break
        self._last_flush = time.perf_counter()
        if any(not s.closed and s._ready for s in self._waiting):
            self._timer = asyncio.get_running_loop().call_soon(self.flush)
        else:
            self._waiting.clear()

    def _run(self, streams: list[VadStream], now: float) -> None:
        taken = [s._ready.popleft() for s in streams]
        chunks = np.stack([chunk for chunk, _ in taken])
        chunks *= np.array([s.scale for s in streams], np.float32)[:, None]
        probs = self.detector.probabilities(chunks, [s.state for s in streams])
        self.batches += 1
        self.chunks += len(streams)
        self.max_lag_s = max(self.max_lag_s, now - min(arrived for _, arrived in taken))
        # Deliver the scaled chunks: the turn audio handed to the recognizer is float in [-1, 1]
        # whatever the stream pushed (int16 straight off the line is scaled here, per batch).
        for stream, chunk, (_, arrived), prob in zip(streams, chunks, taken, probs, strict=True):
            if stream.closed:
                continue
            try:
                stream._deliver(chunk, float(prob), arrived)
            except Exception:
                log.exception("VAD result handler failed; closing its stream")
                stream.close()
