"""Word and character error rates, from Levenshtein alignments with S/D/I counts.

English is scored by WER over normalized words, Korean by CER over normalized characters
(see `asr.normalize`). The corpus rate is the sum of edits over the sum of reference lengths,
not the mean of per-utterance rates, so long utterances weigh what they contain.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from asr.normalize import tokens


@dataclass(frozen=True)
class EditCounts:
    """One alignment: how many reference units were substituted, deleted, or inserted."""

    substitutions: int
    deletions: int
    insertions: int
    ref_len: int

    @property
    def edits(self) -> int:
        return self.substitutions + self.deletions + self.insertions

    @property
    def rate(self) -> float:
        """Edits per reference unit. An empty reference scores 0 if matched, else infinity."""
        if self.ref_len == 0:
            return 0.0 if self.edits == 0 else float("inf")
        return self.edits / self.ref_len


@dataclass(frozen=True)
class ErrorRate:
    rate: float
    edits: int
    ref_len: int
    substitutions: int
    deletions: int
    insertions: int
    per_utterance: tuple[EditCounts, ...] = ()


def levenshtein(ref: Sequence[str], hyp: Sequence[str]) -> EditCounts:
    """Minimum-edit alignment of `hyp` to `ref`; among equally short ones, fewest substitutions.

    Each cell holds (edits, substitutions, deletions, insertions); comparing tuples picks the
    minimal edit count first, so the counts always add up to the true edit distance.
    """
    previous = [(j, 0, 0, j) for j in range(len(hyp) + 1)]
    for i in range(1, len(ref) + 1):
        current = [(i, 0, i, 0)]
        for j in range(1, len(hyp) + 1):
            diag = previous[j - 1]
            if ref[i - 1] == hyp[j - 1]:
                best = diag
            else:
                best = (diag[0] + 1, diag[1] + 1, diag[2], diag[3])
            up, left = previous[j], current[j - 1]
            best = min(
                best,
                (up[0] + 1, up[1], up[2] + 1, up[3]),
                (left[0] + 1, left[1], left[2], left[3] + 1),
            )
            current.append(best)
        previous = current
    _, subs, dels, ins = previous[-1]
    return EditCounts(subs, dels, ins, len(ref))


def error_rate(refs: Sequence[str], hyps: Sequence[str], language: str) -> ErrorRate:
    """WER for English ("en"), CER for Korean ("ko"), over a whole set of utterances."""
    if isinstance(refs, str) or isinstance(hyps, str):
        raise TypeError("error_rate takes sequences of utterances, not a single string")
    if len(refs) != len(hyps):
        raise ValueError(f"error_rate got {len(refs)} references but {len(hyps)} hypotheses")
    counts = tuple(
        levenshtein(tokens(ref, language), tokens(hyp, language))
        for ref, hyp in zip(refs, hyps, strict=True)
    )
    total = EditCounts(
        sum(c.substitutions for c in counts),
        sum(c.deletions for c in counts),
        sum(c.insertions for c in counts),
        sum(c.ref_len for c in counts),
    )
    return ErrorRate(
        rate=total.rate,
        edits=total.edits,
        ref_len=total.ref_len,
        substitutions=total.substitutions,
        deletions=total.deletions,
        insertions=total.insertions,
        per_utterance=counts,
    )
