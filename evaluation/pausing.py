"""Pausing callers: answers spoken the way elderly people often speak them, with pauses of 1-3 s
in the middle of a sentence and fillers ("I went to the... uh... the market", "음... 그게...
시장에 갔어요").

An answer is written with "..." where the speaker stops; each stop becomes a pause drawn from
`PauseRange` with a seeded generator, so a bench or test replays the same call. The rendering
takes any `synthesize(text) -> (samples, rate)` function: the benches use espeak-ng at the
line's 8 kHz, tests a tone generator, so nothing here imports a voice.

Where the stops are, honestly: they are *written by hand* in each answer, not drawn at random
positions; only their lengths are drawn, uniformly in 1-3 s and independently of where the stop
is. The positions follow what is known of hesitation in spontaneous speech (Goldman-Eisler
1968; Clark & Fox Tree 2002; older speakers pause longer and more often, not elsewhere): most
stops come *before a content word* the speaker is searching for, so after a function word
("I went to the...", "my...", "because...", "잠은...", "혈압약을...") or around a filler
("uh...", "음..."); some come *at a clause or list boundary*, after words that already make a
whole answer ("I had some rice... and a little soup", "밥은 먹었어요... 근데"). The first kind
can be told from an end by its words; the second cannot, and it is what a faster end of turn
risks cutting off, so the evaluation keeps both (`evaluation.endpoint_data`: the
`*_CLAUSE_*` answers) and `stop_kind` names each stop. The uniform 1-3 s lengths are the
cautious choice: a boundary pause is drawn as long as a word search.

What an answer measures: whether the agent waits through every pause (taking the turn inside
one is a *cut-off*: the agent spoke before the person finished), and how long it takes to
answer after the last word (voice-to-voice).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

PAUSING_EN: tuple[str, ...] = (
    "I went to the... uh... the market this morning.",
    "I had... um... some rice and a little soup.",
    "I slept... well, not so well... I woke up twice.",
    "My knee... it hurts a bit when I... when I walk.",
    "Yes, I took my... my pills after breakfast.",
    "I feel... hmm... pretty good today.",
    "My daughter... she called me... yesterday evening.",
    "No, I did not go out because... because it was raining.",
)
"""English pausing answers: each stop is inside the sentence, most after a word that cannot end
it (an article, a preposition, a conjunction, a filler)."""

PAUSING_KO: tuple[str, ...] = (
    "음... 그게... 시장에 갔어요.",
    "아침에... 어... 밥이랑 국을 먹었어요.",
    "잠은... 음... 잘 잤어요.",
    "무릎이... 좀... 아파요.",
    "약은... 그러니까... 아침에 먹었어요.",
    "딸이... 어제... 전화했어요.",
)
"""Korean pausing answers: stops after a topic or subject particle, a filler or a connective."""

_STOP = re.compile(r"\s*(?:\.\.\.|…)\s*")


@dataclass(frozen=True)
class PauseRange:
    """Pauses inside an answer, in seconds, drawn uniformly."""

    low: float = 1.0
    high: float = 3.0

    def __post_init__(self) -> None:
        if not 0 <= self.low <= self.high:
            raise ValueError(f"pause range needs 0 <= low <= high, got {self.low}..{self.high}")


def pieces(text: str) -> list[str]:
    """The stretches of an answer spoken without a stop ("..." separates them)."""
    if not isinstance(text, str):
        raise TypeError(f"a pausing answer is text, got {type(text).__name__}")
    parts = [p.strip() for p in _STOP.split(text)]
    parts = [p for p in parts if p]
    if not parts:
        raise ValueError(f"pausing answer {text!r} has nothing to say")
    return parts


STOP_KINDS = ("filler", "function word", "clause")
"""Where a stop is (`stop_kind`): after a filler, after a word that cannot end a sentence
(article, preposition, conjunction, pronoun, Korean particle or connective ending: a search for
the next content word), or after words that could end one (a clause or list boundary)."""


def stop_kind(before: str, language: str) -> str:
    """The kind of stop that follows `before` (the words spoken up to it): `STOP_KINDS`."""
    from asr.completeness import FILLERS, closed, words

    heard = words(before)
    if not heard:
        raise ValueError("a stop needs words before it")
    if heard[-1] in FILLERS.get(language, frozenset()):
        return "filler"
    return "clause" if closed(before, language) else "function word"


def stops(text: str, language: str) -> list[str]:
    """The kind of each stop inside `text` (`stop_kind`), in order."""
    parts = pieces(text)
    return [stop_kind(" ".join(parts[: i + 1]), language) for i in range(len(parts) - 1)]


@dataclass(frozen=True)
class PausingAnswer:
    text: str
    samples: np.ndarray  # float32 at `sample_rate`, speech to the last sample
    sample_rate: int
    pauses: tuple[float, ...]  # seconds, one per stop inside the answer
    spans: tuple[tuple[int, int], ...] = ()  # each spoken piece's [start, end) in samples

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate


STYLES = ("whole", "pieces")
"""How a pausing answer is spoken (`render`). *whole*: the answer is synthesized once, with a
comma at each stop ("I had some rice, and a little soup."), and cut at each stop, where the
drawn silence replaces the voice's own short comma pause: every piece before a stop closes with
the voice's continuation prosody (level or rising pitch, no final fall or lengthening), only the
last one with the sentence-final fall, as a person who pauses mid-answer speaks. *pieces*: each
piece is synthesized alone as a sentence (the simulator before session 10), so every piece ends
with a final fall, which no pausing speaker does; kept for comparison."""

_GAP_FLOOR = 0.01  # |sample| under which the voice is silent, for finding the comma pauses
_GAP_SEARCH_S = 0.3  # how far from where the prefix ends a comma pause is looked for


def render(
    text: str,
    synthesize: Callable[[str], tuple[np.ndarray, int]],
    rng: random.Random,
    pauses: PauseRange = PauseRange(),
    style: str = "pieces",
) -> PausingAnswer:
    """One answer as audio, with silence of a drawn length at each stop (`STYLES`; each
    piece's own leading and trailing silence trimmed, so a pause is what was drawn)."""
    if style not in STYLES:
        raise ValueError(f"unknown speech style {style!r}: choose from {', '.join(STYLES)}")
    parts = pieces(text)
    if style == "whole" and len(parts) > 1:
        spoken, rate = _cut_whole(parts, synthesize)
    else:
        spoken, rate = [], 0
        for part in parts:
            samples, sr = synthesize(part)
            if rate and sr != rate:
                raise ValueError(f"synthesize returned {sr} Hz after {rate} Hz")
            rate = sr
            spoken.append(_trim(np.asarray(samples, dtype=np.float32)))
    chunks: list[np.ndarray] = []
    drawn: list[float] = []
    spans: list[tuple[int, int]] = []
    at = 0
    for i, samples in enumerate(spoken):
        if i:
            gap = rng.uniform(pauses.low, pauses.high)
            drawn.append(gap)
            chunks.append(np.zeros(round(gap * rate), np.float32))
            at += len(chunks[-1])
        chunks.append(samples)
        spans.append((at, at + len(samples)))
        at += len(samples)
    return PausingAnswer(text, np.concatenate(chunks), rate, tuple(drawn), tuple(spans))


def _clause(parts: Sequence[str], final: bool) -> str:
    said = ", ".join(p.rstrip(" ,.") for p in parts)
    return said + ("." if final else ",")


def _cut_whole(parts: list[str], synthesize) -> tuple[list[np.ndarray], int]:
    """The answer synthesized once with a comma at each stop, cut into its pieces there: each
    stop is the silent stretch nearest to where the prefix up to it ends when synthesized
    alone (a prefix lasts as long inside the whole); no silent stretch near it: cut there."""
    whole, rate = synthesize(_clause(parts, final=True))
    whole = _trim(np.asarray(whole, dtype=np.float32))
    quiet = np.abs(whole) <= _GAP_FLOOR
    edges = np.flatnonzero(np.diff(np.concatenate([[0], quiet.astype(np.int8), [0]])))
    gaps = list(zip(edges[::2], edges[1::2], strict=True))  # [start, end) of silent runs
    cuts: list[tuple[int, int]] = []
    for i in range(1, len(parts)):
        prefix, sr = synthesize(_clause(parts[:i], final=False))
        if sr != rate:
            raise ValueError(f"synthesize returned {sr} Hz after {rate} Hz")
        where = len(_trim(np.asarray(prefix, dtype=np.float32)))
        after = cuts[-1][1] if cuts else 0
        near = [g for g in gaps if g[0] > after and abs(g[0] - where) <= _GAP_SEARCH_S * rate]
        if near:
            best = max(near, key=lambda g: (g[1] - g[0], -abs(g[0] - where)))
            cuts.append((int(best[0]), int(best[1])))
        else:
            at = min(max(where, after + 1), len(whole) - 1)
            cuts.append((at, at))
    bounds = [0, *[c for cut in cuts for c in cut], len(whole)]
    spoken = [_trim(whole[a:b]) for a, b in zip(bounds[::2], bounds[1::2], strict=True)]
    if any(len(s) == 0 for s in spoken):
        raise ValueError(f"cutting {_clause(parts, True)!r} at its stops left a piece silent")
    return spoken, rate


def render_all(
    texts: Sequence[str],
    synthesize: Callable[[str], tuple[np.ndarray, int]],
    seed: int = 0,
    pauses: PauseRange = PauseRange(),
    style: str = "pieces",
) -> list[PausingAnswer]:
    rng = random.Random(seed)
    return [render(t, synthesize, rng, pauses, style) for t in texts]


def _trim(samples: np.ndarray, floor: float = 0.01) -> np.ndarray:
    loud = np.flatnonzero(np.abs(samples) > floor)
    return samples[loud[0] : loud[-1] + 1] if len(loud) else samples[:0]
