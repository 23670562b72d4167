"""Running a recognizer in worker processes, so that decoding never holds the server's GIL.

The call server runs every call's audio on one event loop and every model call in a thread.
That is enough for models that release the GIL while they compute (torch, subprocesses), but
pocketsphinx holds it for a whole decode: measured here, a thread decoding a 4.5 s utterance
stalls the event loop for 170–300 ms at a time, and every call's outbound audio with it.
`ProcessRecognizer` has the same interface as the recognizer it wraps; the calling thread only
waits on a pipe (GIL released) while a worker process decodes.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

from asr import RecognitionContext, Recognizer, Transcript
from telephony.audio import Audio

_recognizer: Recognizer | None = None  # the worker process's own


def _start_worker(build: Callable[[], Recognizer]) -> None:
    global _recognizer
    _die_with_parent()
    _recognizer = build()


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


def _transcribe(audio: Audio, language: str | None, context: RecognitionContext | None):
    assert _recognizer is not None, "worker started without a recognizer"
    return _recognizer.transcribe(audio, language=language, context=context)


def _ready() -> bool:
    return _recognizer is not None


class ProcessRecognizer:
    """A `Recognizer` decoding in `workers` processes, each with its own copy built by `build`
    (a picklable callable: a module-level function or a `functools.partial` of one)."""

    def __init__(self, build: Callable[[], Recognizer], workers: int | None = None) -> None:
        self.workers = workers or max(1, (os.cpu_count() or 2) - 1)
        # spawn, not fork: the server process has threads (executor, torch), and a forked
        # child of a threaded process may inherit held locks.
        self._pool = ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(build,),
        )
        # Start every worker now, not on the first call's first answer.
        for f in [self._pool.submit(_ready) for _ in range(self.workers)]:
            f.result()

    def transcribe(
        self,
        audio: Audio,
        *,
        language: str | None = None,
        context: RecognitionContext | None = None,
    ) -> Transcript:
        return self._pool.submit(_transcribe, audio, language, context).result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
