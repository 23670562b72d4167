"""A seeded linear model over feature names: scikit-learn's liblinear logistic regression.

Deterministic: the vocabulary is built in example order, rows are binary and L2-normalised,
and liblinear's coordinate descent is seeded, so the same files give the same weights and the
same decisions. `Binary` scores one label; `Categories` names the best class of a positive.

scikit-learn is needed to fit only. A fitted model is its vocabulary and weights, plain arrays
(`arrays` / `from_arrays`, what `dialogue.learned.cache` stores), and scoring is numpy alone:
sigmoid(w·x + b) for `Binary` (what `predict_proba` computes), the highest one-vs-rest
decision for `Categories` (what `OneVsRestClassifier.predict` picks).
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


def _decisions(rows: Sequence[Sequence[str]], vocab: dict[str, int], coef, intercept):
    """w·x + b per row and class, x the row's binary, L2-normalised features (as `_matrix`)."""
    out = np.empty((len(rows), coef.shape[0]), dtype=np.float64)
    for i, row in enumerate(rows):
        cols = sorted({vocab[f] for f in row if f in vocab})
        norm = np.sqrt(len(cols)) if cols else 1.0
        out[i] = coef[:, cols].sum(axis=1) / norm + intercept
    return out


class Binary:
    """P(label) for a row of features."""

    def __init__(self, vocab: dict[str, int], coef: np.ndarray, intercept: float) -> None:
        self.vocab = vocab
        self.coef = np.asarray(coef, dtype=np.float64).reshape(1, -1)
        self.intercept = float(intercept)
        if self.coef.shape[1] != len(vocab):
            raise ValueError(f"{self.coef.shape[1]} weights for {len(vocab)} features")

    @classmethod
    def fit(cls, rows: Sequence[Sequence[str]], labels: Sequence[bool]) -> Binary:
        from sklearn.linear_model import LogisticRegression

        vocab = _vocab(rows)
        clf = LogisticRegression(
            solver="liblinear", C=C, class_weight="balanced", random_state=SEED
        )
        clf.fit(_matrix(rows, vocab), np.asarray(labels, dtype=int))
        return cls(vocab, clf.coef_[0], float(clf.intercept_[0]))

    def scores(self, rows: Sequence[Sequence[str]]) -> np.ndarray:
        d = _decisions(rows, self.vocab, self.coef, self.intercept)[:, 0]
        return 1.0 / (1.0 + np.exp(-d))

    def arrays(self) -> dict[str, np.ndarray]:
        return {"coef": self.coef[0], "intercept": np.asarray([self.intercept])}

    @classmethod
    def from_arrays(cls, vocab: list[str], a: dict[str, np.ndarray]) -> Binary:
        return cls({f: i for i, f in enumerate(vocab)}, a["coef"], float(a["intercept"][0]))


class Categories:
    """The most likely category of a positive row (one-vs-rest over the positives' labels)."""

    def __init__(
        self,
        vocab: dict[str, int],
        classes: Sequence[str],
        coef: np.ndarray | None = None,
        intercept: np.ndarray | None = None,
    ) -> None:
        self.vocab = vocab
        self.classes = [str(c) for c in classes]
        if not self.classes:
            raise ValueError("no categories")
        width = 0 if len(self.classes) == 1 else 1 if len(self.classes) == 2 else len(classes)
        self.coef = np.zeros((width, len(vocab))) if coef is None else np.asarray(coef, float)
        self.intercept = np.zeros(width) if intercept is None else np.asarray(intercept, float)
        if self.coef.shape != (width, len(vocab)) or self.intercept.shape != (width,):
            raise ValueError(f"category weights {self.coef.shape} for {len(classes)} classes")

    @classmethod
    def fit(cls, rows: Sequence[Sequence[str]], labels: Sequence[str]) -> Categories:
        vocab = _vocab(rows)
        if len(set(labels)) == 1:
            return cls(vocab, [labels[0]])
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier

        clf = OneVsRestClassifier(LogisticRegression(solver="liblinear", C=C, random_state=SEED))
        clf.fit(_matrix(rows, vocab), list(labels))
        coef = np.vstack([e.coef_ for e in clf.estimators_])
        intercept = np.concatenate([e.intercept_ for e in clf.estimators_])
        return cls(vocab, [str(c) for c in clf.classes_], coef, intercept)

    def best(self, rows: Sequence[Sequence[str]]) -> list[str]:
        if len(self.classes) == 1:
            return [self.classes[0]] * len(rows)
        d = _decisions(rows, self.vocab, self.coef, self.intercept)
        if len(self.classes) == 2:  # one estimator: the second class where it says positive
            return [self.classes[int(v > 0)] for v in d[:, 0]]
        return [self.classes[int(i)] for i in d.argmax(axis=1)]

    def arrays(self) -> dict[str, np.ndarray]:
        return {
            "cat_classes": np.asarray(self.classes, dtype=str),
            "cat_coef": self.coef,
            "cat_intercept": self.intercept,
        }

    @classmethod
    def from_arrays(cls, vocab: list[str], a: dict[str, np.ndarray]) -> Categories:
        index = {f: i for i, f in enumerate(vocab)}
        classes = [str(c) for c in a["cat_classes"]]
        return cls(index, classes, a["cat_coef"], a["cat_intercept"])
