"""A word n-gram model with interpolated Kneser-Ney smoothing, and its ARPA export.

The project's domain text is small (a few hundred sentences of questions and answers), so the
model is built in memory in pure Python, in well under a second, and serves two readers:
`asr.domain_lm.NgramScorer` asks it for log-probabilities directly, and pocketsphinx reads the
same model from an ARPA file (`write_arpa`). The two agree because an interpolated model *is*
a back-off model: for each seen n-gram the file lists its interpolated probability, and each
context's back-off weight is the mass the discounting freed, gamma(h) = D * N1+(h .) / c(h).

Counts follow Kneser-Ney (Chen & Goodman 1998; as KenLM does): the highest order uses raw
counts, lower orders the number of distinct words seen before the n-gram, except n-grams that
start with <s>, which nothing can precede, and keep raw counts. One discount per order,
D = n1 / (n1 + 2 n2), from that order's counts of counts. The unigram level is interpolated
with a uniform distribution over the vocabulary, which is what gives <unk> (and any listed
word never seen in the text) its floor of probability.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import TextIO

BOS, EOS, UNK = "<s>", "</s>", "<unk>"
_LN10 = math.log(10.0)
_MIN_DISCOUNT, _MAX_DISCOUNT = 0.05, 0.95
_ARPA_ZERO = -99.0  # log10 "probability" ARPA files give <s>, which is never predicted

Ngram = tuple[str, ...]


class NgramModel:
    """Interpolated Kneser-Ney n-gram model over tokenized sentences (natural-log API)."""

    def __init__(
        self,
        sentences: Iterable[Sequence[str]],
        order: int = 3,
        vocabulary: Collection[str] = (),
    ) -> None:
        if not isinstance(order, int) or order < 1:
            raise ValueError(f"n-gram order must be a positive integer, got {order!r}")
        self.order = order
        counts: list[Counter[Ngram]] = [Counter() for _ in range(order + 1)]
        n_sentences = 0
        for sentence in sentences:
            if isinstance(sentence, str):
                raise TypeError("NgramModel takes tokenized sentences (sequences of words)")
            words = [BOS, *sentence, EOS]
            n_sentences += 1
            for n in range(1, order + 1):
                for i in range(len(words) - n + 1):
                    counts[n][tuple(words[i : i + n])] += 1
        if n_sentences == 0:
            raise ValueError("cannot build an n-gram model from no sentences")
        self.vocabulary: frozenset[str] = frozenset(
            {g[0] for g in counts[1]} | set(vocabulary) | {UNK, EOS}
        )
        adjusted = _kneser_ney_counts(counts, order)
        self.discounts = tuple(_discount(adjusted[n]) for n in range(1, order + 1))
        self._logprob: list[dict[Ngram, float]] = [{} for _ in range(order + 1)]
        self._backoff: dict[Ngram, float] = {}
        self._estimate(adjusted)

    def _estimate(self, adjusted: list[Counter[Ngram]]) -> None:
        predicted = sorted(self.vocabulary - {BOS})
        for n in range(1, self.order + 1):
            discount = self.discounts[n - 1]
            by_context: dict[Ngram, list[tuple[str, int]]] = defaultdict(list)
            for gram, count in adjusted[n].items():
                if gram[-1] != BOS:
                    by_context[gram[:-1]].append((gram[-1], count))
            for context, followers in by_context.items():
                total = sum(count for _, count in followers)
                gamma = discount * len(followers) / total
                if n == 1:
                    floor = gamma / len(predicted)
                    seen = dict(followers)
                    for word in predicted:
                        prob = max(seen.get(word, 0) - discount, 0.0) / total + floor
                        self._logprob[1][(word,)] = math.log(prob)
                    continue
                self._backoff[context] = math.log(gamma)
                lower = context[1:]
                for word, count in followers:
                    prob = (count - discount) / total + gamma * math.exp(self.logprob(word, lower))
                    self._logprob[n][(*context, word)] = math.log(prob)

    def mix_unigrams(self, background: Mapping[str, float], weight: float) -> None:
        """Interpolate the unigram level with a `background` distribution (word -> ln P, over
        any words; renormalized over those given): P1 = (1 - weight) P1 + weight P_background.

        Words of `background` the model never saw join its vocabulary. Every context backs
        off to the unigrams, so a word the domain text never used becomes as likely as general
        language makes it rather than a uniform floor ("after", "weeks", "knee" in a care call
        built from a few hundred sentences). Back-off weights are left as they were: the model
        becomes slightly deficient, which decoders tolerate.
        """
        if not 0.0 <= weight < 1.0:
            raise ValueError(f"background weight must be in [0, 1), got {weight}")
        if not background or weight == 0.0:
            return
        bad = [w for w in background if not w or w in (BOS, EOS) or any(c.isspace() for c in w)]
        if bad:
            raise ValueError(f"background words must be single words, got {bad[:5]}")
        peak = max(background.values())
        total = sum(math.exp(v - peak) for v in background.values())
        norm = peak + math.log(total)
        self.vocabulary = self.vocabulary | frozenset(background)
        unigrams = self._logprob[1]
        for word in self.vocabulary - {BOS}:
            # a new word had no share of the model's own distribution (<unk> keeps its floor)
            mine = math.exp(unigrams[(word,)]) * (1.0 - weight) if (word,) in unigrams else 0.0
            theirs = math.exp(background[word] - norm) * weight if word in background else 0.0
            unigrams[(word,)] = math.log(mine + theirs)

    def logprob(self, word: str, context: Sequence[str] = ()) -> float:
        """ln P(word | context), backing off through shorter contexts; unknown words are <unk>."""
        if word not in self.vocabulary:
            word = UNK
        context = tuple(context[len(context) - self.order + 1 :]) if self.order > 1 else ()
        backoff = 0.0
        while True:
            found = self._logprob[len(context) + 1].get((*context, word))
            if found is not None:
                return backoff + found
            backoff += self._backoff.get(context, 0.0)
            if not context:
                return backoff + self._logprob[1][(UNK,)]
            context = context[1:]

    def sentence_logprob(
        self, words: Sequence[str], history: Sequence[str] = (BOS,), *, end: bool = True
    ) -> float:
        """ln P(words [+ </s>] | history): the sum of each word's log-probability."""
        context = list(history)
        total = 0.0
        for word in [*words, EOS] if end else words:
            total += self.logprob(word, context)
            context.append(word)
        return total

    def ngrams(self, n: int) -> dict[Ngram, float]:
        """The listed n-grams of order n and their natural-log probabilities."""
        return dict(self._logprob[n])

    def backoff(self, context: Ngram) -> float:
        """ln back-off weight of a context (0.0, i.e. weight 1, when it was never seen)."""
        return self._backoff.get(context, 0.0)

    def write_arpa(self, out: TextIO, keep: Callable[[str], bool] | None = None) -> int:
        """Write the model as an ARPA back-off file; n-grams with a word `keep` rejects are left
        out (the remaining probabilities are then deficient, which decoders tolerate).

        Returns how many n-grams were written.
        """
        allowed = (lambda word: True) if keep is None else keep

        def listed(gram: Ngram) -> bool:
            return all(w in (BOS, EOS) or allowed(w) for w in gram)

        sections: list[list[str]] = []
        for n in range(1, self.order + 1):
            grams = {g: p for g, p in self._logprob[n].items() if listed(g)}
            if n == 1:
                grams[(BOS,)] = _ARPA_ZERO * _LN10
            lines = []
            for gram in sorted(grams):
                fields = [f"{grams[gram] / _LN10:.6f}", " ".join(gram)]
                if gram in self._backoff:
                    fields.append(f"{self._backoff[gram] / _LN10:.6f}")
                lines.append("\t".join(fields))
            sections.append(lines)
        out.write("\\data\\\n")
        for n, lines in enumerate(sections, start=1):
            out.write(f"ngram {n}={len(lines)}\n")
        for n, lines in enumerate(sections, start=1):
            out.write(f"\n\\{n}-grams:\n")
            out.writelines(line + "\n" for line in lines)
        out.write("\n\\end\\\n")
        return sum(len(lines) for lines in sections)


def _kneser_ney_counts(counts: list[Counter[Ngram]], order: int) -> list[Counter[Ngram]]:
    adjusted: list[Counter[Ngram]] = [Counter() for _ in range(order + 1)]
    adjusted[order] = Counter(counts[order])
    for n in range(1, order):
        for gram, count in counts[n].items():
            if gram[0] == BOS:
                adjusted[n][gram] = count
        for gram in counts[n + 1]:
            if gram[1] != BOS:  # `gram[1:]` preceded by one more distinct word
                adjusted[n][gram[1:]] += 1
    return adjusted


def _discount(adjusted: Counter[Ngram]) -> float:
    n1 = sum(1 for c in adjusted.values() if c == 1)
    n2 = sum(1 for c in adjusted.values() if c == 2)
    if n1 == 0:
        return 0.5
    return min(max(n1 / (n1 + 2 * n2), _MIN_DISCOUNT), _MAX_DISCOUNT)
