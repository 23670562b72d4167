"""A seeded linear model over feature names: scikit-learn's liblinear logistic regression.

Deterministic: the vocabulary is built in example order, rows are binary and L2-normalised,
and liblinear's coordinate descent is seeded, so the same files give the same weights and the
same decisions. `Binary` scores one label; `Categories` names the best class of a positive.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

SEED = 0
C = 4.0


def _matrix(rows: Sequence[Sequence[str]], vocab: dict[str, int]):
    from scipy.sparse import csr_matrix

    indptr, indices = [0], []
    for row in rows:
        cols = sorted({vocab[f] for f in row if f in vocab})
        indices += cols
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    m = csr_matrix((data, indices, indptr), shape=(len(rows), len(vocab)))
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(m.multiply(1.0 / norms[:, None]))


def _vocab(rows: Sequence[Sequence[str]]) -> dict[str, int]:
    vocab: dict[str, int] = {}
    for row in rows:
        for f in row:
            vocab.setdefault(f, len(vocab))
    return vocab


class Binary:
    """P(label) for a row of features."""

    def __init__(self, rows: Sequence[Sequence[str]], labels: Sequence[bool]) -> None:
        from sklearn.linear_model import LogisticRegression

        self.vocab = _vocab(rows)
        self.clf = LogisticRegression(
            solver="liblinear", C=C, class_weight="balanced", random_state=SEED
        )
        self.clf.fit(_matrix(rows, self.vocab), np.asarray(labels, dtype=int))

    def scores(self, rows: Sequence[Sequence[str]]) -> np.ndarray:
        return self.clf.predict_proba(_matrix(rows, self.vocab))[:, 1]


class Categories:
    """The most likely category of a positive row (one-vs-rest over the positives' labels)."""

    def __init__(self, rows: Sequence[Sequence[str]], labels: Sequence[str]) -> None:
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier

        self.vocab = _vocab(rows)
        self.single = labels[0] if len(set(labels)) == 1 else None
        if self.single is None:
            base = LogisticRegression(solver="liblinear", C=C, random_state=SEED)
            self.clf = OneVsRestClassifier(base)
            self.clf.fit(_matrix(rows, self.vocab), list(labels))

    def best(self, rows: Sequence[Sequence[str]]) -> list[str]:
        if self.single is not None:
            return [self.single] * len(rows)
        return [str(c) for c in self.clf.predict(_matrix(rows, self.vocab))]
