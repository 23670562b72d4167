"""The offline domain language model: built from the project's own text, no weights needed.

A care call is narrow: the agent asks about meals, sleep, medicine and mood, and the answers
come from a small vocabulary. A Kneser-Ney model of that text (`asr.ngram`) helps recognition
twice. Given to pocketsphinx as its language model (`build_arpa`), it took word error on
telephone-band flite voices from 30-53% to 17-28% (DESIGN.md). Scoring the N-best of a generic
first pass (`NgramScorer`, for `asr.rescore.Rescorer`), it moves the hypotheses that sound like
answers to the top.

`NgramScorer` is conditioned on the dialogue: when the agent's last question is one it has
answers for, a model of those answers is mixed in, and the words the dialogue expects (names,
medicines from memory) get a share of probability of their own. A model of the language at
large (for English, pocketsphinx's generic trigram) takes a small share too, so that words
the domain text never saw are scored as ordinary language rather than as noise.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from asr import RecognitionContext
from asr.ngram import BOS, EOS, UNK, NgramModel
from asr.normalize import normalize_english

log = logging.getLogger(__name__)

_QUESTION_MATCH = 0.5  # least word overlap (Jaccard) for a question to count as a known one


def sentence_words(text: str) -> list[str]:
    """The words an English LM sees: normalized as for WER (lowercase, numbers spelled out)."""
    return normalize_english(text).split()


def dictionary_words(path: str | Path | None = None) -> frozenset[str]:
    """Words with a pronunciation in a CMU-format dictionary (pocketsphinx's own by default).

    Alternate pronunciations ("read(2)") count as the same word.
    """
    if path is None:
        from pocketsphinx import get_model_path

        path = get_model_path("en-us/cmudict-en-us.dict")
    words = set()
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            fields = line.split()
            if not fields:
                continue
            if len(fields) < 2:
                raise ValueError(f"{path}:{number}: dictionary entry has no phones: {line!r}")
            word = fields[0]
            if word.endswith(")") and "(" in word:
                word = word[: word.rindex("(")]
            words.add(word)
    return frozenset(words)


@dataclass(frozen=True)
class ArpaReport:
    path: Path
    ngrams: int  # n-grams written
    unknown_words: tuple[str, ...]  # words left out: no pronunciation in the dictionary
    words: frozenset[str] = frozenset()  # the model's vocabulary that has pronunciations


def build_arpa(
    sentences: Iterable[str],
    path: str | Path,
    order: int = 3,
    *,
    dictionary: str | Path | None = None,
    known_words: Collection[str] | None = None,
    vocabulary: Collection[str] = (),
    background: Mapping[str, float] | None = None,
    background_weight: float = 0.0,
) -> ArpaReport:
    """Write an ARPA model of `sentences` that pocketsphinx can load as `lm=`.

    Words the pronunciation `dictionary` lacks cannot be recognized anyway, so n-grams that
    contain them are left out (with a warning naming them) rather than making pocketsphinx
    complain; add them to the dictionary (`SphinxRecognizer(words=...)`) to keep them.
    `known_words`, when given, replaces reading the dictionary file.
    `vocabulary` adds words never seen in the text, with the model's floor probability.
    `background` (word -> ln P, e.g. `asr.sphinx.GenericLM.unigrams`) takes `background_weight`
    of the unigram level (`NgramModel.mix_unigrams`): its words become sayable.
    """
    model = NgramModel((sentence_words(s) for s in sentences), order, _words(vocabulary))
    if background:
        model.mix_unigrams(background, background_weight)
    known = dictionary_words(dictionary) if known_words is None else known_words
    unknown = tuple(sorted(w for w in model.vocabulary - {BOS, EOS, UNK} if w not in known))
    if unknown:
        shown = ", ".join(unknown[:20]) + (" ..." if len(unknown) > 20 else "")
        log.warning(
            "%d word(s) have no pronunciation and are left out of %s: %s", len(unknown), path, shown
        )
    path = Path(path)
    with path.open("w", encoding="utf-8") as out:
        written = model.write_arpa(out, keep=known.__contains__)
    words = frozenset(w for w in model.vocabulary - {BOS, EOS, UNK} if w in known)
    return ArpaReport(path, written, unknown, words)


def write_subset_dictionary(
    words: Collection[str], path: str | Path, dictionary: str | Path | None = None
) -> Path:
    """Copy the pronunciations of `words` (all variants) from a CMU-format dictionary.

    pocketsphinx reads its whole dictionary at start (CMUdict: 135k entries, 1–5 s on these
    machines); a domain model only ever needs its own few hundred words (~30 ms).
    """
    if dictionary is None:
        from pocketsphinx import get_model_path

        dictionary = get_model_path("en-us/cmudict-en-us.dict")
    wanted = set(words)
    path = Path(path)
    with open(dictionary, encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for line in src:
            word = line.split(" ", 1)[0]
            if word.endswith(")") and "(" in word:
                word = word[: word.rindex("(")]
            if word in wanted:
                out.write(line)
    return path


class WordModel(Protocol):
    def logprob(self, word: str, context: Sequence[str] = ()) -> float: ...


class NgramScorer:
    """`LanguageModelScorer` over the domain text: ln P(text + </s>) under a mixture of
    the general domain model, the model of answers to the last question, the context's
    vocabulary (a uniform distribution over its words), and a `background` model of the
    language at large (`asr.sphinx.GenericLM` for English).

    `answers` maps each question the agent asks to typical answers; they also join the
    general model. What the person said before (`RecognitionContext.history`: this call's
    earlier answers, what memory holds) takes `history_weight`, spread evenly over its words:
    people say the same names, medicines and complaints again. The background takes
    `background_weight` of every word's probability:
    the domain text is a few hundred sentences, so on its own it prefers any hypothesis
    made of its words over one with a word it never saw, even when that word is right
    ("a boiled egg" lost to "a bloated"), and it has no opinion worth following on speech
    that is not a care-call answer at all; the background keeps both in proportion.
    On the project's fixtures, without it the real-speech clips got worse under
    rescoring (26% -> 42% WER) and with it they did not (README, "ASR: measuring").
    Scoring 10 hypotheses costs well under a millisecond per hypothesis.
    """

    def __init__(
        self,
        sentences: Iterable[str],
        order: int = 3,
        *,
        answers: Mapping[str, Iterable[str]] | None = None,
        answer_weight: float = 0.7,
        vocabulary_weight: float = 0.05,
        background: WordModel | None = None,
        background_weight: float = 0.1,
        history_weight: float = 0.05,
    ) -> None:
        for name, weight in (
            ("answer_weight", answer_weight),
            ("vocabulary_weight", vocabulary_weight),
            ("history_weight", history_weight),
            ("background_weight", background_weight),
        ):
            if not 0.0 <= weight < 1.0:
                raise ValueError(f"{name} must be in [0, 1), got {weight}")
        if answer_weight + vocabulary_weight + history_weight >= 1.0:
            raise ValueError(
                "answer_weight + vocabulary_weight + history_weight must leave the general "
                "model a share"
            )
        answer_words = {
            question: [sentence_words(a) for a in texts]
            for question, texts in (answers or {}).items()
        }
        general = [sentence_words(s) for s in sentences]
        general += [words for texts in answer_words.values() for words in texts]
        self.model = NgramModel(general, order)
        self._questions: dict[str, NgramModel] = {}
        self._answer_words: dict[str, frozenset[str]] = {}  # question -> its answers' words
        for question, texts in answer_words.items():
            key = normalize_english(question)
            if not key:
                raise ValueError(f"answers: question {question!r} has no words")
            if not texts:
                raise ValueError(f"answers: question {question!r} has no answers")
            self._questions[key] = NgramModel(texts, order, self.model.vocabulary)
            self._answer_words[key] = frozenset(w for words in texts for w in words)
        self._question_sets = {key: frozenset(key.split()) for key in self._questions}
        self.answer_weight = answer_weight
        self.vocabulary_weight = vocabulary_weight
        self.history_weight = history_weight
        self.background = background
        self.background_weight = background_weight if background is not None else 0.0
        self._match_key = lru_cache(maxsize=256)(self._find_key)
        self._match = self._match_question

    def score(self, texts: list[str], *, context: RecognitionContext | None = None) -> list[float]:
        question = self._match(normalize_english(context.last_question)) if context else None
        vocabulary = _words(context.vocabulary) if context else frozenset()
        said = _words(context.history) if context else frozenset()
        return [self._score(sentence_words(text), question, vocabulary, said) for text in texts]

    def expected_words(self, context: RecognitionContext | None) -> frozenset[str]:
        """The words the dialogue expects next: those of the answers to the question just
        asked (when it is a known one), the context's vocabulary (names, medicines) and what
        the person said before. For `asr.rescore.Rescorer`'s `expected_bonus`."""
        if context is None:
            return frozenset()
        key = self._match_key(normalize_english(context.last_question))
        answers = self._answer_words[key] if key is not None else frozenset()
        return answers | _words(context.vocabulary) | _words(context.history)

    def end_logprob(self, text: str, *, context: RecognitionContext | None = None) -> float:
        """ln P(</s> | the last words of `text`), under the same mixture as `score`: how likely
        what was heard so far is a whole answer (the adaptive end of turn, asr.completeness)."""
        question = self._match(normalize_english(context.last_question)) if context else None
        vocabulary = _words(context.vocabulary) if context else frozenset()
        said = _words(context.history) if context else frozenset()
        words = sentence_words(text)
        return self._score(words, question, vocabulary, said, end_only=True)

    def _score(
        self,
        words: list[str],
        question: NgramModel | None,
        vocab: frozenset[str],
        said: frozenset[str] = frozenset(),
        *,
        end_only: bool = False,
    ) -> float:
        q_weight = self.answer_weight if question is not None else 0.0
        v_weight = self.vocabulary_weight if vocab else 0.0
        h_weight = self.history_weight if said else 0.0
        g_weight = 1.0 - q_weight - v_weight - h_weight
        history = [BOS]
        total = 0.0
        for word in [*words, EOS]:
            prob = g_weight * math.exp(self.model.logprob(word, history))
            if question is not None:
                prob += q_weight * math.exp(question.logprob(word, history))
            if word in vocab:
                prob += v_weight / len(vocab)
            if word in said:
                prob += h_weight / len(said)
            if self.background is not None:
                prob = (1.0 - self.background_weight) * prob + self.background_weight * math.exp(
                    self.background.logprob(word, history)
                )
            if end_only and word is not EOS:
                history.append(word)
                continue
            total += math.log(prob)
            history.append(word)
        return total

    def _match_question(self, question: str) -> NgramModel | None:
        """The answer model of the known question most like `question` (templated questions
        differ in names and dates), if any overlaps enough."""
        key = self._match_key(question)
        return self._questions[key] if key is not None else None

    def _find_key(self, question: str) -> str | None:
        if question in self._questions:
            return question
        words = frozenset(question.split())
        best, best_overlap = None, 0.0
        for key, key_words in self._question_sets.items():
            overlap = len(words & key_words) / len(words | key_words) if words else 0.0
            if overlap > best_overlap:
                best, best_overlap = key, overlap
        return best if best and best_overlap >= _QUESTION_MATCH else None


def _words(texts: Iterable[str]) -> frozenset[str]:
    return frozenset(w for text in texts for w in sentence_words(text))
