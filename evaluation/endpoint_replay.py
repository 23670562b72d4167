"""Replaying the adaptive end of turn's judge on recorded pauses (`evaluation.endpoint`):
each pause as heard (`PauseRecord`), and calls of pausing, plain or mixed callers replayed as
`telephony.listening.TurnListening` judges them, the speaker learnt as the call goes on
(`summarize`)."""

from __future__ import annotations

import functools
import statistics
from dataclasses import dataclass

from evaluation.pausing import pieces


@dataclass(frozen=True)
class PauseRecord:
    """One judged pause: what was heard before it, and what it really was."""

    half: str
    language: str
    voice: str
    seed: int
    answer: str  # the answer's text, stops marked "..."
    item: str  # the check-in item whose question was just asked
    truth: str  # "inside" (the person goes on) or "end"
    heard: str  # the partial result at the probe
    silence_s: float  # the silence the VAD heard in this pause (the tail, at the end)
    lag_s: float = 0.0  # end: the VAD's lag from the last speech sample to its silence
    close: dict | None = None  # how the voice closed before the pause (`telephony.prosody`)


def question_context(language: str, item_id: str):
    """What the call's agent knows when the person answers `item_id`'s question: the question
    and its expected answer words (as `dialogue.engine` builds them)."""
    from asr import RecognitionContext
    from dialogue.vocabulary import answer_vocabulary

    scenario = scenario_for(language)
    item = next((i for i in scenario.items if i.id == item_id), None)
    if item is None:
        raise ValueError(f"no check-in item {item_id!r} in {scenario.id}")
    vocabulary = answer_vocabulary(scenario, item)
    return RecognitionContext(last_question=item.questions[0], vocabulary=vocabulary)


@functools.cache
def scenario_for(language: str):
    from dialogue.catalogue import Catalogue

    name = f"daily_checkin_{language}"
    return Catalogue.load([name]).resolve(name)


@functools.cache
def end_model(language: str):
    """The model the call's judge uses (`assembly.listening.end_model_for`)."""
    from assembly.listening import AnswerEndModel
    from assembly.pipeline import build_scorer

    return AnswerEndModel(build_scorer("domain", scenario_for(language)), scenario_for(language))


@dataclass(frozen=True)
class Summary:
    answers: int
    cut: int  # answers cut off
    pauses_inside: int
    pauses_cut: int
    finished: int  # answers whose end was probed
    short: int  # of those, ended by the short silence
    delay_mean: float
    delay_p50: float
    medium: int = 0  # finished answers ended by a pausing speaker's medium silence

    def line(self) -> str:
        return (
            f"cut off {self.cut}/{self.answers} answers ({pct(self.cut, self.answers)}), "
            f"{self.pauses_cut}/{self.pauses_inside} pauses inside; short end "
            f"{self.short}/{self.finished} finished ({pct(self.short, self.finished)}), medium "
            f"{self.medium} ({pct(self.medium, self.finished)}); "
            f"end delay mean {self.delay_mean:.2f} s, p50 {self.delay_p50:.2f} s"
        )


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}%" if d else "-"


def end_probability_of(record: PauseRecord) -> float | None:
    """What the call's judge says of this pause (`TurnListener.judge`)."""
    from asr.completeness import end_probability

    return end_probability(
        record.heard,
        record.language,
        end_model(record.language),
        question_context(record.language, record.item),
    )


def verdict_of(record: PauseRecord, options) -> str | None:
    """The prosodic cue's verdict on the pause (`TurnOptions.prosody_verdict`)."""
    from telephony.prosody import Close

    return options.prosody_verdict(Close(**record.close) if record.close else None)


def is_pausing(answer: str) -> bool:
    return len(pieces(answer)) > 1


CALLERS = ("pausing", "plain", "mixed")
"""Kinds of caller: every answer pausing, none, or plain and pausing answers in turn (plain
first: the caller seems fluent, then pauses)."""


def calls(records: list[PauseRecord], caller: str) -> list[list[list[PauseRecord]]]:
    """The records as calls of `caller` (one per voice and pause draw), each a list of answers
    in the order spoken, each its pauses in order."""
    if caller not in CALLERS:
        raise ValueError(f"unknown kind of caller {caller!r}: choose from {', '.join(CALLERS)}")
    out: dict[tuple, dict[str, list[PauseRecord]]] = {}
    for r in records:
        if caller != "mixed" and is_pausing(r.answer) != (caller == "pausing"):
            continue
        out.setdefault((r.voice, r.seed), {}).setdefault(r.answer, []).append(r)
    result = []
    for answers in out.values():
        spoken = list(answers.values())
        if caller == "mixed":
            plain = [a for a in spoken if not is_pausing(a[0].answer)]
            pausing = [a for a in spoken if is_pausing(a[0].answer)]
            spoken = [a for pair in zip(plain, pausing, strict=False) for a in pair]
        result.append(spoken)
    return result


def summarize(
    records: list[PauseRecord],
    options,
    caller: str = "pausing",
    cuts: list | None = None,
    judge=None,
) -> Summary:
    """Each call replayed through the judge as `telephony.listening.TurnListening` does it:
    the speaker learnt from their pauses, each pause given its silence, an answer *cut off*
    when a pause inside it lasted that long (its later pauses then belong to other turns).
    `cuts` collects the pauses that cut an answer off; `judge(record)` replaces the call's
    judge (`end_probability_of`), e.g. `lambda r: None` for a recognizer without partials."""
    short = min(options.complete_silence_s, options.end_silence_s)
    long = max(options.unfinished_silence_s, options.end_silence_s)
    medium = min(max(options.pausing_answer_silence_s, short), long)
    answers = cut = inside = pauses_cut = finished = got_short = got_medium = 0
    delays = []
    for call in calls(records, caller):
        pausing, fluent = (False if options.fluent_turns <= 0 else None), 0
        for answer in call:
            answers += 1
            paused = False
            for r in answer:
                p = (judge or end_probability_of)(r)
                silence = options.pause_silence_s(p, pausing, verdict_of(r, options))
                if r.truth == "end":
                    finished += 1
                    got_short += silence <= short
                    got_medium += (
                        pausing is not False
                        and short < silence == medium < long
                        and p is not None
                        and p >= options.pausing_answer_threshold
                    )
                    delays.append(r.lag_s + max(silence, options.probe_silence_s))
                    continue
                inside += 1
                if r.silence_s >= silence:  # the turn ended inside the answer
                    pauses_cut += 1
                    cut += 1
                    if cuts is not None:
                        cuts.append(r)
                    if silence < max(options.end_silence_s, options.unfinished_silence_s):
                        pausing = True  # they began again right after the short end
                    paused = True
                    break
                if r.silence_s >= options.pausing_pause_s:
                    paused = pausing = True
            if not paused:
                fluent += 1
                if pausing is None and fluent >= options.fluent_turns:
                    pausing = False
    return Summary(
        answers=answers,
        cut=cut,
        pauses_inside=inside,
        pauses_cut=pauses_cut,
        finished=finished,
        short=got_short,
        delay_mean=statistics.fmean(delays) if delays else float("nan"),
        delay_p50=statistics.median(delays) if delays else float("nan"),
        medium=got_medium,
    )
