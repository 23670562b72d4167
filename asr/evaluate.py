"""Measuring recognition and rescoring on a corpus, and fitting the rescoring weights.

Recognition is the slow part, so an evaluation decodes each utterance once (`decode`) and
everything after works on the kept N-best lists: the error rate of the recognizer's own
1-best, of the rescored 1-best, and of the N-best oracle (the best hypothesis in each list:
the most any rescoring could reach), the real-time factor, the rescoring cost, and the
utterances whose text rescoring changed. `tune` scores each N-best with the language model
once and then tries every (weight, length bonus) of a grid on those cached scores, ranking
exactly as `asr.rescore.Rescorer` does.

Each utterance is decoded and rescored with the context a real call would have given it
(the question it answers): the caller supplies it per utterance.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from asr import LanguageModelScorer, RecognitionContext, Recognizer, Transcript
from asr.corpus import Utterance
from asr.metrics import ErrorRate, error_rate, levenshtein
from asr.normalize import normalize, tokens
from asr.rescore import Rescorer, merge_variants

# Rescoring weight grid: 0 (the recognizer alone), then geometric steps. Recognizer scores
# come in very different units (pocketsphinx lattice scores, Whisper's per-token average), so
# the grid spans four decades. The length bonus is searched in LM nats per word (times the
# weight), the unit it compensates: each extra word costs the LM a few nats.
WEIGHTS = (0.0, *(round(10 ** (e / 4), 6) for e in range(-16, 1)))
BONUS_PER_WORD = (-1.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0)


@dataclass(frozen=True)
class Decoded:
    utterance: Utterance
    transcript: Transcript  # the recognizer's N-best, before rescoring
    context: RecognitionContext | None
    duration: float  # seconds of audio


@dataclass(frozen=True)
class Change:
    """An utterance whose text rescoring changed, and whether that helped."""

    id: str
    reference: str
    before: str
    after: str
    edits_before: int
    edits_after: int


@dataclass(frozen=True)
class Evaluation:
    language: str
    audio_seconds: float
    asr_seconds: float
    base: ErrorRate  # the recognizer's own 1-best
    oracle: ErrorRate  # the best hypothesis of every N-best list
    rescored: ErrorRate | None = None
    rescore_seconds: tuple[float, ...] = ()  # per utterance
    changes: tuple[Change, ...] = ()

    @property
    def metric(self) -> str:
        return "CER" if self.language == "ko" else "WER"

    @property
    def utterances(self) -> int:
        return len(self.base.per_utterance)

    @property
    def rtf(self) -> float:
        """Recognition time per second of audio (rescoring not included)."""
        return self.asr_seconds / self.audio_seconds if self.audio_seconds else math.nan

    @property
    def relative_change(self) -> float | None:
        """(rescored - base) / base: -0.15 means rescoring removed 15% of the errors."""
        if self.rescored is None or self.base.rate == 0:
            return None
        return (self.rescored.rate - self.base.rate) / self.base.rate


def decode(
    recognizer: Recognizer,
    utterances: Iterable[Utterance],
    context: Callable[[Utterance], RecognitionContext | None] = lambda u: None,
    *,
    progress: Callable[[int, Decoded], None] | None = None,
) -> list[Decoded]:
    out = []
    for i, utterance in enumerate(utterances, start=1):
        audio = utterance.load()
        ctx = context(utterance)
        transcript = recognizer.transcribe(audio, language=utterance.language, context=ctx)
        out.append(Decoded(utterance, transcript, ctx, audio.duration))
        if progress is not None:
            progress(i, out[-1])
    return out


def decode_in_processes(
    make_recognizer: Callable[[], Recognizer],
    utterances: Sequence[Utterance],
    contexts: Sequence[RecognitionContext | None],
    workers: int,
) -> list[Decoded]:
    """`decode` split over `workers` processes, each with its own recognizer from
    `make_recognizer` (picklable: a module-level function or a partial of one) and a run of
    consecutive utterances. The same transcripts as one process: each utterance is decoded on
    its own (a decoder's history does not reach it, asr.sphinx), and a worker that does not
    start at the first utterance first decodes the one before its run and drops it, so that
    its decoder has heard one utterance, as one process's would have."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if len(utterances) != len(contexts):
        raise ValueError(f"{len(utterances)} utterances but {len(contexts)} contexts")
    workers = max(1, min(workers, len(utterances)))
    size = math.ceil(len(utterances) / workers) if utterances else 0
    starts = range(0, len(utterances), size) if size else []
    # spawn: a forked child would inherit the caller's threads' locks (a test runner, a server)
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=spawn) as pool:
        runs = [
            pool.submit(
                _decode_run,
                make_recognizer,
                utterances[max(0, start - 1) : start + size],
                contexts[max(0, start - 1) : start + size],
                start > 0,
            )
            for start in starts
        ]
        return [d for run in runs for d in run.result()]


def _decode_run(
    make_recognizer: Callable[[], Recognizer],
    utterances: Sequence[Utterance],
    contexts: Sequence[RecognitionContext | None],
    drop_first: bool,
) -> list[Decoded]:
    recognizer = make_recognizer()
    given = iter(contexts)  # decode asks for each utterance's context once, in order
    decoded = decode(recognizer, utterances, lambda u: next(given))
    return decoded[1:] if drop_first else decoded


def evaluate(decoded: Sequence[Decoded], rescorer: Rescorer | None = None) -> Evaluation:
    """Error rates before and after rescoring, on utterances of one language."""
    language = _one_language(decoded)
    refs = [d.utterance.transcript for d in decoded]
    base = [d.transcript.text for d in decoded]
    asr_seconds = sum(d.transcript.timings.get("asr", 0.0) for d in decoded)
    oracle = [oracle_text(d.utterance.transcript, d.transcript, language) for d in decoded]
    result = Evaluation(
        language=language,
        audio_seconds=sum(d.duration for d in decoded),
        asr_seconds=asr_seconds,
        base=error_rate(refs, base, language),
        oracle=error_rate(refs, oracle, language),
    )
    if rescorer is None:
        return result
    rescored, seconds = [], []
    for d in decoded:
        started = time.perf_counter()
        rescored.append(rescorer.rescore(d.transcript, d.context).text)
        seconds.append(time.perf_counter() - started)
    after = error_rate(refs, rescored, language)
    changes = tuple(
        Change(d.utterance.id, d.utterance.transcript, b, a, eb.edits, ea.edits)
        for d, b, a, eb, ea in zip(
            decoded, base, rescored, result.base.per_utterance, after.per_utterance, strict=True
        )
        if normalize(b, language) != normalize(a, language)
    )
    return replace(result, rescored=after, rescore_seconds=tuple(seconds), changes=changes)


def oracle_text(reference: str, transcript: Transcript, language: str) -> str:
    """The hypothesis of the N-best list closest to the reference (the 1-best on ties)."""
    ref = tokens(reference, language)
    texts = [h.text for h in transcript.nbest] or [transcript.text]
    return min(texts, key=lambda t: levenshtein(ref, tokens(t, language)).edits)


@dataclass(frozen=True)
class Tuning:
    weight: float
    length_bonus: float
    rate: float  # error rate on the tuning utterances with these values
    base_rate: float  # ... and with the recognizer alone
    grid: tuple[tuple[float, float, float], ...]  # (weight, length_bonus, rate), all tried


def tune(
    decoded: Sequence[Decoded],
    scorer: LanguageModelScorer,
    weights: Sequence[float] = WEIGHTS,
    bonus_per_word: Sequence[float] = BONUS_PER_WORD,
) -> Tuning:
    """The (weight, length bonus) with the lowest error rate on `decoded`.

    Ties go to the smaller weight, then the smaller bonus: the least rescoring that reaches
    the best rate is the least likely to hurt speech unlike the tuning set.
    """
    language = _one_language(decoded)
    refs = [tokens(d.utterance.transcript, language) for d in decoded]
    lists = []  # per utterance: (asr_logprob, lm_logprob, words, edits) of each hypothesis
    for d, ref in zip(decoded, refs, strict=True):
        merged = merge_variants(d.transcript.nbest, d.transcript.language)
        lm = scorer.score([h.text for h in merged], context=d.context) if merged else []
        edits = [levenshtein(ref, tokens(h.text, language)).edits for h in merged]
        lists.append(
            [
                (h.asr_logprob, s, len(h.text.split()), e)
                for h, s, e in zip(merged, lm, edits, strict=True)
            ]
        )
    total = sum(len(r) for r in refs) or 1
    empty = [len(ref) for ref, hyps in zip(refs, lists, strict=True) if not hyps]
    grid = []
    for weight in sorted(set(weights)):
        for per_word in sorted(set(bonus_per_word), key=lambda b: (abs(b), b)):
            bonus = weight * per_word
            if weight == 0 and per_word != 0:
                continue
            edits = sum(empty) + sum(_pick(hyps, weight, bonus)[3] for hyps in lists if hyps)
            grid.append((weight, bonus, edits / total))
    best = min(grid, key=lambda g: (g[2], g[0], abs(g[1])))
    return Tuning(best[0], best[1], best[2], grid[0][2], tuple(grid))


def _pick(hyps: list[tuple[float, float, int, int]], weight: float, bonus: float):
    """The hypothesis `Rescorer` would rank first: highest score, earliest on ties."""
    return max(hyps, key=lambda h: h[0] + weight * h[1] + bonus * h[2])


def _one_language(decoded: Sequence[Decoded]) -> str:
    if not decoded:
        raise ValueError("no utterances to evaluate")
    languages = {d.utterance.language for d in decoded}
    if len(languages) != 1:
        raise ValueError(f"evaluate one language at a time; got {sorted(languages)}")
    return languages.pop()


def report(result: Evaluation, show: int = 50) -> str:
    m = result.metric
    lines = [f"{m} without rescoring: {_rate(result.base)}"]
    if result.rescored is not None:
        change = result.relative_change
        lines.append(f"{m} with rescoring:    {_rate(result.rescored)}   relative change: "
                     + ("n/a" if change is None else f"{change:+.1%}"))  # fmt: skip
    lines.append(f"{m} of the N-best oracle: {_rate(result.oracle)}")
    lines.append(f"real-time factor (recognition): {result.rtf:.3f}")
    if result.rescore_seconds:
        ms = sorted(1000 * s for s in result.rescore_seconds)
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        lines.append(f"rescoring: {statistics.median(ms):.2f} ms per utterance (p50), "
                     f"{p95:.2f} ms (p95)")  # fmt: skip
    if result.rescored is not None:
        better = sum(c.edits_after < c.edits_before for c in result.changes)
        worse = sum(c.edits_after > c.edits_before for c in result.changes)
        lines.append(
            f"rescoring changed {len(result.changes)} utterances: {better} better, "
            f"{worse} worse, {len(result.changes) - better - worse} as good"
        )
        for c in result.changes[:show]:
            sign = "=+-"[(c.edits_after < c.edits_before) + 2 * (c.edits_after > c.edits_before)]
            lines.append(f"  {sign} {c.id}  ({c.edits_before} -> {c.edits_after} errors)")
            lines.append(f"      reference: {c.reference}")
            lines.append(f"      before:    {c.before}")
            lines.append(f"      after:     {c.after}")
    return "\n".join(lines)


def summary(result: Evaluation) -> dict:
    return {
        "language": result.language,
        "metric": result.metric,
        "utterances": result.utterances,
        "base": result.base.rate,
        "rescored": None if result.rescored is None else result.rescored.rate,
        "relative_change": result.relative_change,
        "oracle": result.oracle.rate,
        "rtf": result.rtf,
        "rescore_ms_p50": statistics.median(result.rescore_seconds) * 1000
        if result.rescore_seconds
        else None,
        "changed": [c.id for c in result.changes],
    }


def _rate(rate) -> str:
    return f"{rate.rate:.1%} ({rate.edits}/{rate.ref_len})"
