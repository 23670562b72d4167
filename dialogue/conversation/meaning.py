"""Which situation the words mean, by a classifier beside BM25 (P4).

BM25 (`retrieve.Retriever`) decides whether the words fit a situation at all (its fit rules and
threshold); when several remarks or feelings fit, it ranks them by how much of one trigger was
said, which favours the situation that happens to share a rare word ("a cup of tea" in a remark
about the rain). This model ranks them by meaning instead: a multinomial naive Bayes over the
same terms (lemmas, and the concept and topic classes `terms.read` adds beside the words),
weighted by sublinear tf-idf, trained on every trigger of the bank's remarks and feelings. It
has seen every wording of a situation at once, so the words a remark shares with the
situation's triggers as a whole count, not only those of its best trigger.

It only reorders what BM25 found (`rerank`): it never adds a candidate nor removes one, so
what is a remark and what is an answer stays the fit rules' decision.

Measured (`Retriever.find(text, kinds=("remark", "feeling"))`'s first candidate against the
label, one per scripted remark): development callers heldout .. heldout4 29/48 in BM25's order,
36/48 in this one; ours 13/17 -> 15/17; heldout5, measured once after the change, 7/21 both
ways (one gained, one lost). As a second retriever (no BM25 gate) it does not work: its
posteriors over 213 situations are flat (0.02-0.11 at the top where BM25 found nothing, right
and wrong alike, on heldout3/4), so no fail threshold separates them; hence the rerank only.
Reactions' own words as extra training documents: 36 -> 35/48 (left out); weak words dropped
from the terms: 36 -> 35/48 (kept). `ALPHA`: 0.03 and 0.1 tie in a prototype (0.1 kept).
Built once per retriever (once per process), in numpy: no scikit-learn import on the call path.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

import numpy as np

ALPHA = 0.1  # additive smoothing of each class's term distribution


class Meaning:
    """Multinomial naive Bayes over tf-idf weighted terms, one class per situation."""

    def __init__(self, docs: Sequence[Sequence[str]], labels: Sequence[str], alpha: float = ALPHA):
        if len(docs) != len(labels):
            raise ValueError(f"{len(docs)} documents but {len(labels)} labels")
        vocab: dict[str, int] = {}
        for doc in docs:
            for term in doc:
                vocab.setdefault(term, len(vocab))
        self.classes = sorted(set(labels))
        index = {c: i for i, c in enumerate(self.classes)}
        n = len(docs)
        df = np.zeros(len(vocab))
        for doc in docs:
            for term in set(doc):
                df[vocab[term]] += 1
        self._vocab = vocab
        self._idf = np.log((1 + n) / (1 + df)) + 1  # scikit-learn's smooth idf
        counts = np.zeros((len(self.classes), len(vocab)))
        prior = np.zeros(len(self.classes))
        for doc, label in zip(docs, labels, strict=True):
            row = index[label]
            prior[row] += 1
            for column, weight in self._weights(doc):
                counts[row, column] += weight
        smoothed = counts + alpha
        self._log_p = np.log(smoothed / smoothed.sum(axis=1, keepdims=True))
        self._log_prior = np.log(prior / max(1, prior.sum()))

    def _weights(self, doc: Iterable[str]) -> list[tuple[int, float]]:
        tf: dict[int, int] = {}
        for term in doc:
            if (column := self._vocab.get(term)) is not None:
                tf[column] = tf.get(column, 0) + 1
        weights = [(c, (1 + math.log(k)) * self._idf[c]) for c, k in tf.items()]
        norm = math.sqrt(sum(w * w for _, w in weights)) or 1.0
        return [(c, w / norm) for c, w in weights]

    def log_scores(self, doc: Iterable[str]) -> dict[str, float]:
        """Each situation's joint log-likelihood of the terms (higher: more likely)."""
        out = self._log_prior.copy()
        for column, weight in self._weights(doc):
            out += weight * self._log_p[:, column]
        return {c: float(s) for c, s in zip(self.classes, out, strict=True)}

    def rerank(self, doc: Iterable[str], ids: Sequence[str]) -> list[str]:
        """`ids` ordered by this model, most likely first (unknown ids keep their place last)."""
        scored = self.log_scores(doc)
        return sorted(ids, key=lambda i: -scored.get(i, -math.inf))


def reorder(model: Meaning | None, doc: Iterable[str], out: list[Any], kinds: Sequence[str]):
    """The candidates `out` (with `.situation.kind`, `.situation.id`, `.score`), the scores of
    those of `kinds` given in `model`'s order: the best of their scores to the likeliest
    situation, the next to the next. Which of them comes first is the model's call; how many
    there are and what scores they hold stay BM25's. Unchanged without a model or with fewer
    than two of them."""
    group = sorted((c for c in out if c.situation.kind in kinds), key=lambda c: -c.score)
    if model is None or len(group) < 2:
        return out
    order = model.rerank(list(doc), [c.situation.id for c in group])
    scores = {s: c.score for s, c in zip(order, group, strict=True)}
    return [
        replace(c, score=scores[c.situation.id]) if c.situation.kind in kinds else c for c in out
    ]
