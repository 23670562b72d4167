"""The rescorer's weights fitted on calls' N-bests against the calls' own words.

A small discriminative fit: each hypothesis is a handful of features (the recognizer's score,
the context LM's log-probability, its word count, how far that is from the recognizer's own
1-best, how many of its words the dialogue expects), and the weights are the ones, on a
coarse grid, under which the tuning calls' chosen hypotheses have the fewest word errors.
The grid is the `asr.rescore.Rescorer`'s own terms, so what is fitted here is what ships.
Ties go to the simpler setting (smaller weights, fewer terms): on a few hundred words many
settings tie, and the simplest of them is the one least fitted to noise.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from asr.metrics import error_rate
from asr.rescore import merge_variants

LM_WEIGHTS = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
BONUS_PER_WORD = (0.0, 1.0, 2.0, 4.0)  # length bonus, in units of the LM weight
EXPECTED = (0.0, 0.3, 1.0, 3.0)  # per expected word, in units of the LM weight


@dataclass(frozen=True)
class Weights:
    weight: float = 0.0
    length_bonus: float = 0.0
    length_change: float = 0.0
    expected_bonus: float = 0.0

    def __str__(self) -> str:
        return (
            f"w={self.weight:g} bonus={self.length_bonus:g} change={self.length_change:g} "
            f"expected={self.expected_bonus:g}"
        )


@dataclass(frozen=True)
class Candidate:
    text: str
    asr: float
    lm: float
    words: int
    expected: int


def candidates(decoded, scorer) -> list[list[list[Candidate]]]:
    """Per call, per utterance: its merged N-best as `Candidate`s (first = the 1-best)."""
    from asr.normalize import normalize_english

    out = []
    for turns in decoded:
        rows = []
        for transcript, context in turns:
            merged = merge_variants(transcript.nbest, "en")
            lm = scorer.score([h.text for h in merged], context=context) if merged else []
            expected = scorer.expected_words(context) if merged else frozenset()
            rows.append(
                [
                    Candidate(
                        h.text,
                        h.asr_logprob,
                        s,
                        len(h.text.split()),
                        sum(w in expected for w in normalize_english(h.text).split()),
                    )
                    for h, s in zip(merged, lm, strict=True)
                ]
            )
        out.append(rows)
    return out


def choose(rows, w: Weights) -> list[list[str]]:
    """The texts `w` picks, as `Rescorer` would (ties keep the recognizer's order)."""

    def score(c: Candidate, heard: int) -> float:
        return (
            c.asr
            + w.weight * c.lm
            + w.length_bonus * c.words
            - w.length_change * abs(c.words - heard)
            + w.expected_bonus * c.expected
        )

    return [
        [max(hyps, key=lambda c: score(c, hyps[0].words)).text if hyps else "" for hyps in turns]
        for turns in rows
    ]


def errors(refs: list[str], texts: list[list[str]]) -> tuple[int, int]:
    """(word errors, reference words) of the calls' whole text, as `carecall eval` counts."""
    rate = error_rate(refs, [" ".join(t) for t in texts], "en")
    return rate.edits, rate.ref_len


def grid():
    """Every setting tried, simplest first."""
    for weight in LM_WEIGHTS:
        for per_word, per_expected in itertools.product(BONUS_PER_WORD, EXPECTED):
            if weight == 0 and (per_word or per_expected):
                continue
            bonus = weight * per_word
            for change in dict.fromkeys((0.0, bonus)):  # free length, or tied to the 1-best
                yield Weights(weight, bonus, change, weight * per_expected)


def fit(refs: list[str], rows) -> tuple[Weights, tuple[int, int]]:
    """The grid setting with the fewest errors on these calls (the simplest among ties)."""
    best = None
    for w in sorted(grid(), key=_complexity):
        counted = errors(refs, choose(rows, w))
        if best is None or counted[0] < best[1][0]:
            best = (w, counted)
    return best


def _complexity(w: Weights) -> tuple:
    terms = sum(v > 0 for v in (w.weight, w.length_bonus, w.expected_bonus))
    buys_words = w.length_change < w.length_bonus  # a bonus not tied to the 1-best's length
    return (terms, buys_words, w.weight, w.expected_bonus, w.length_bonus)
