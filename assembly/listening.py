"""A call's recognition of the person's turns while they speak, on the agent's side.

`TurnListener` holds one stream per turn in progress (`asr.streaming`): the call's control
streams each turn's audio (`listen`, never waiting: a pool of recognizer processes takes it,
`assembly.streamworkers`), asks in a pause whether what was heard so far is a whole answer
(`judge`: the partial result's end probability, `asr.completeness`), and at the end of the
turn the agent takes the transcript (`transcript`), with only the tail left to decode.

A recognizer in this process (tests, tools) is never fed on the event loop: its turns are
kept and decoded whole at the end, as before, and `judge` has no partial result (None).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable

import numpy as np

from asr import RecognitionContext, Recognizer, Transcript
from asr.completeness import EndModel, end_probability, words
from asr.streaming import BufferedStream, RecognizerStream
from telephony.audio import Audio

log = logging.getLogger("carecall.pipeline")


class TurnListener:
    def __init__(
        self,
        recognizer: Recognizer | Callable[[], Recognizer],
        language: str,
        context: Callable[[], RecognitionContext],
        end_model: EndModel | None = None,
    ) -> None:
        # The recognizer, or how to find it when a turn needs it (the pipeline's may be
        # replaced after the call's agent was made: a worker pool, a test's stand-in).
        self._find = recognizer if not hasattr(recognizer, "transcribe") else lambda: recognizer
        self._language = language
        self._context = context  # what the agent just asked, when a turn starts
        self._end_model = end_model
        self._streams: dict[int, tuple[RecognizerStream, RecognitionContext]] = {}
        self._lock = threading.Lock()  # listen runs on the loop, the rest in workers
        self.partials: list[str] = []  # what was heard at each judged pause (not logged)

    def _open(self, turn: int) -> tuple[RecognizerStream, RecognitionContext]:
        context = self._context()
        recognizer = self._find()
        if getattr(recognizer, "streams_off_thread", False):
            stream = recognizer.open_stream(language=self._language, context=context)
        else:
            stream = BufferedStream(recognizer, self._language, context)
        return stream, context

    def listen(self, turn: int, samples: np.ndarray, sample_rate: int) -> None:
        if samples.dtype == np.int16:
            samples = samples.astype(np.float32) / 32768.0
        with self._lock:
            entry = self._streams.get(turn)
            if entry is None:
                entry = self._streams[turn] = self._open(turn)
        entry[0].feed(samples, sample_rate)

    def judge(self, turn: int) -> float | None:
        with self._lock:
            entry = self._streams.get(turn)
        if entry is None:
            return None
        stream, context = entry
        text = stream.partial()
        self.partials.append(text)
        return end_probability(text, self._language, self._end_model, context)

    def drop(self, turn: int) -> None:
        with self._lock:
            entry = self._streams.pop(turn, None)
        if entry is not None:
            entry[0].close()

    def transcript(self, turn: int | None, audio: Audio, context: RecognitionContext) -> Transcript:
        """The turn's transcript: its stream's result when it was streamed, else the whole
        audio decoded now. Streams of earlier turns still open are let go."""
        with self._lock:
            entry = self._streams.pop(turn, None) if turn is not None else None
            stale = [t for t in self._streams if turn is None or t < turn]
            old = [self._streams.pop(t)[0] for t in stale]
        for stream in old:
            stream.close()
        if entry is None:
            return self._find().transcribe(audio, language=self._language, context=context)
        return entry[0].finish()

    def close(self) -> None:
        with self._lock:
            streams, self._streams = [s for s, _ in self._streams.values()], {}
        for stream in streams:
            try:
                stream.close()
            except Exception:
                log.exception("closing a recognizer stream failed")


_PLACEHOLDER = re.compile(r"\{\w+\}")
QUESTION_COVERAGE = 0.75
"""Share of a scenario question's words the agent's last turn must hold to be that question
(the turn may add an acknowledgement before it, or a name or a remembered fact inside it)."""


class AnswerEndModel:
    """A language model's end probability (`end_logprob`), and whether what was heard already
    answers the question just asked (`answer_confidence`): the scenario's extractor on the
    partial result, against the item whose question the agent's last turn holds."""

    def __init__(self, scorer: EndModel, scenario) -> None:
        self.scorer = scorer
        self.scenario = scenario
        self._questions = [
            (frozenset(words(_PLACEHOLDER.sub(" ", q))), item)
            for item in scenario.items
            for q in (*item.questions, *item.followups.values(), item.memory_question or "")
            if q
        ]

    def end_logprob(self, text: str, *, context: RecognitionContext | None = None) -> float:
        return self.scorer.end_logprob(text, context=context)

    def item_for(self, question: str):
        """The check-in item `question` (the agent's last turn) asks about, if any."""
        said = frozenset(words(question))
        best, coverage = None, 0.0
        for asked, item in self._questions:
            share = len(asked & said) / len(asked) if asked else 0.0
            if share > coverage:
                best, coverage = item, share
        return best if coverage >= QUESTION_COVERAGE else None

    def answer_confidence(self, text: str, context: RecognitionContext | None) -> float | None:
        """How confidently `text` answers the question just asked; None: no known question."""
        from dialogue.extract import extract

        item = self.item_for(context.last_question) if context else None
        if item is None:
            return None
        found = extract(
            item, text, language=self.scenario.language, dont_know=self.scenario.dont_know
        )
        return found.confidence if found.answer_class and not found.weak else 0.0


def end_model_for(pipeline, scenario) -> EndModel | None:
    """The model that says how likely a phrase ends an answer in `scenario`: its rescorer's
    domain model, or the same model built once for this purpose, with the scenario's
    extractor (`AnswerEndModel`)."""
    rescorer = pipeline.rescorer(scenario)
    scorer = getattr(rescorer, "scorer", None)
    if hasattr(scorer, "end_logprob"):
        return AnswerEndModel(scorer, scenario)
    cache = pipeline.__dict__.setdefault("_end_models", {})
    if scenario.id not in cache:
        from assembly.pipeline import build_scorer

        try:
            cache[scenario.id] = AnswerEndModel(build_scorer("domain", scenario), scenario)
        except (ValueError, OSError) as exc:
            log.warning("no end-of-answer model for %s: %s", scenario.id, exc)
            cache[scenario.id] = None
    return cache[scenario.id]
