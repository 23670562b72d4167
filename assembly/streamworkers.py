"""A pool of recognizer processes that decode each call's turn while it is spoken.

Worker processes keep pocketsphinx (which holds the GIL for a whole decode) off the server's
event loop. Decoding whole utterances once the turn has ended made each reply wait ~0.4 s, and
one worker was the limit of the whole server (~10 calls on 2 cores; that `ProcessRecognizer`
is gone). `StreamingPool` is a `Recognizer` plus `open_stream`: a turn's audio goes to one
worker as it arrives (each stream is pinned to the worker that holds its decoder), the worker
decodes it as it comes (`asr.sphinx_stream`; any other recognizer buffers and decodes at the
end, `asr.streaming.BufferedStream`), and at the end of the turn only the tail is left.
Workers default to one per core.

Messages to a worker go through its own queue; the worker keeps each stream's messages in
order, so a turn's audio always reaches its decoder before the request for its result, but
runs what someone waits for first (a turn's result, a partial result: `assembly.workqueue`),
so an ended turn never queues behind the speech of the other calls on its worker. Feeding
never waits for the worker; `partial` and `finish` wait for its answer.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future

import numpy as np

from asr import RecognitionContext, Recognizer, Transcript
from assembly.workqueue import WorkQueue, drain
from telephony.audio import Audio

PARTIAL_TIMEOUT_S = 2.0  # a partial result later than this is no use to the end of turn


def _die_with_parent() -> None:
    """Linux: this worker gets SIGTERM when the server process dies, even by SIGKILL, so no
    worker is ever left orphaned (a graceful stop shuts the pool down itself)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class RecognizerFailed(RuntimeError):
    """The worker could not do what was asked (its exception's text is the message)."""


def _serve(build: Callable[[], Recognizer], requests, replies) -> None:
    """A worker process: its own recognizer and the streams pinned to it."""
    from asr.streaming import open_stream

    _die_with_parent()
    try:
        recognizer = build()
    except Exception as exc:  # told to the parent, which stops with it
        replies.put((0, False, f"{type(exc).__name__}: {exc}"))
        return
    replies.put((0, True, None))
    streams: dict[int, object] = {}
    work = WorkQueue()  # what someone waits for first (assembly.workqueue)
    while (message := drain(requests, work)) is not None:
        rid, op, sid, args = message
        try:
            if op == "feed":
                stream = streams.get(sid)
                if stream is not None and not isinstance(stream, Exception):
                    stream.feed(*args)
                continue
            if op == "open":
                streams[sid] = open_stream(recognizer, *args)
                continue
            if op == "close":
                stream = streams.pop(sid, None)
                if stream is not None and not isinstance(stream, Exception):
                    stream.close()
                continue
            if op == "partial":
                stream = streams.get(sid)
                ok = stream is not None and not isinstance(stream, Exception)
                result = stream.partial() if ok else ""
            elif op == "finish":
                stream = streams.pop(sid, None)
                if stream is None:
                    raise RecognizerFailed(f"stream {sid} was never opened")
                if isinstance(stream, Exception):
                    raise stream
                result = stream.finish()
            elif op == "transcribe":
                audio, language, context = args
                result = recognizer.transcribe(audio, language=language, context=context)
            else:
                raise RecognizerFailed(f"unknown request {op!r}")
            replies.put((rid, True, result))
        except Exception as exc:
            if op in ("feed", "open"):
                streams[sid] = exc  # told at finish
            elif rid:
                replies.put((rid, False, f"{type(exc).__name__}: {exc}"))


class _Worker:
    def __init__(self, ctx, build: Callable[[], Recognizer], index: int) -> None:
        self.requests = ctx.Queue()
        self.replies = ctx.Queue()
        self.process = ctx.Process(
            target=_serve,
            args=(build, self.requests, self.replies),
            name=f"carecall-asr-{index}",
            daemon=True,
        )
        self.process.start()
        self.pending: dict[int, Future] = {}
        self.lock = threading.Lock()
        self.streams = 0  # open streams pinned here
        rid, ok, error = self.replies.get()
        if not ok:
            self.process.join(5)
            raise RecognizerFailed(f"recognizer worker could not start: {error}")
        self.reader = threading.Thread(target=self._read, daemon=True, name=self.process.name)
        self.reader.start()

    def _read(self) -> None:
        while True:
            try:
                reply = self.replies.get()
            except (EOFError, OSError):
                reply = None
            if reply is None:
                break
            rid, ok, result = reply
            with self.lock:
                future = self.pending.pop(rid, None)
            if future is not None:
                if ok:
                    future.set_result(result)
                else:
                    future.set_exception(RecognizerFailed(result))
        with self.lock:  # the worker is gone: nobody waits forever
            for future in self.pending.values():
                future.set_exception(RecognizerFailed("recognizer worker stopped"))
            self.pending.clear()

    def ask(self, rid: int, op: str, sid: int, args: tuple) -> Future:
        future: Future = Future()
        with self.lock:
            self.pending[rid] = future
        self.requests.put((rid, op, sid, args))
        return future

    def tell(self, op: str, sid: int, args: tuple = ()) -> None:
        self.requests.put((0, op, sid, args))


class PooledStream:
    """One turn's stream on its worker (`asr.streaming.RecognizerStream`)."""

    def __init__(self, pool: StreamingPool, worker: _Worker, sid: int) -> None:
        self._pool, self._worker, self._sid = pool, worker, sid
        self._open = True

    def feed(self, samples: np.ndarray, sample_rate: int) -> None:
        if self._open:
            self._worker.tell("feed", self._sid, (np.asarray(samples, np.float32), sample_rate))

    def partial(self) -> str:
        if not self._open:
            return ""
        future = self._worker.ask(self._pool.next_id(), "partial", self._sid, ())
        try:
            return future.result(PARTIAL_TIMEOUT_S)
        except TimeoutError:  # the worker is behind: no evidence, the plain silence holds
            self._pool.late_partials += 1
            return ""

    def finish(self) -> Transcript:
        if not self._open:
            raise RecognizerFailed("stream already finished or closed")
        self._let_go()
        return self._worker.ask(self._pool.next_id(), "finish", self._sid, ()).result()

    def close(self) -> None:
        if self._open:
            self._let_go()
            self._worker.tell("close", self._sid)

    def _let_go(self) -> None:
        self._open = False
        with self._pool.lock:
            self._worker.streams -= 1


class StreamingPool:
    """A `Recognizer` with `open_stream`, decoding in `workers` processes (default: one per
    core), each with its own copy built by `build` (picklable: a module-level function or a
    `functools.partial` of one)."""

    streams_off_thread = True  # feeding a stream only queues the audio for its worker

    def __init__(self, build: Callable[[], Recognizer], workers: int | None = None) -> None:
        self.workers = workers or max(1, os.cpu_count() or 2)
        if self.workers < 1:
            raise ValueError(f"a recognizer pool needs at least one worker, got {workers}")
        # spawn, not fork: the server process has threads (executor, torch).
        ctx = multiprocessing.get_context("spawn")
        self._workers = [_Worker(ctx, build, i) for i in range(self.workers)]
        self._ids = itertools.count(1)
        self.lock = threading.Lock()
        self.late_partials = 0  # partial results that came too late to judge a pause

    def next_id(self) -> int:
        return next(self._ids)

    def _least_busy(self) -> _Worker:
        return min(self._workers, key=lambda w: (w.streams, len(w.pending)))

    def open_stream(
        self, *, language: str | None = None, context: RecognitionContext | None = None
    ) -> PooledStream:
        with self.lock:
            worker = self._least_busy()
            worker.streams += 1
        sid = self.next_id()
        worker.tell("open", sid, (language, context))
        return PooledStream(self, worker, sid)

    def transcribe(
        self,
        audio: Audio,
        *,
        language: str | None = None,
        context: RecognitionContext | None = None,
    ) -> Transcript:
        worker = self._least_busy()
        return worker.ask(self.next_id(), "transcribe", 0, (audio, language, context)).result()

    def close(self) -> None:
        for worker in self._workers:
            try:
                worker.requests.put(None)
            except (OSError, ValueError):
                pass
        for worker in self._workers:
            worker.process.join(5)
            if worker.process.is_alive():
                worker.process.terminate()
            worker.replies.put(None)  # ends its reader
