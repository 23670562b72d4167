"""N-best rescoring: the recognizer's acoustic evidence plus what a language model expects.

A recognizer alone has only the audio; the dialogue knows what was just asked and which
names and medicines this person uses. Rescoring combines the two per hypothesis,

    score = asr_logprob + weight * lm_logprob + length_bonus * n_words
            - length_change * |n_words - n_words(recognizer's 1-best)|
            + expected_bonus * n_expected_words,

and re-ranks. The length bonus offsets the language model's preference for short texts
(every word costs log-probability). On its own it also buys words: a hypothesis longer than
what the recognizer heard gains for every word it adds ("too windy" -> "too when didn't a
like"). `length_change` ties length to the recognizer's own 1-best instead: with
`length_change >= length_bonus` a word beyond the 1-best's count earns nothing, while a
hypothesis that drops words still pays. `expected_bonus` counts the hypothesis's words that
the dialogue expects (the answers of the question just asked, the names and medicines memory
holds, what the person said before), when the scorer can name them (`expected_words`).
Recognizers rank their N-best by `asr_logprob`, so with every weight 0 the order, and the
1-best text, stay exactly as the recognizer gave them: rescoring can be switched off by
configuration without a code path.

Hypotheses that differ only in case, punctuation or spacing ("Yes." / "yes") are one
hypothesis to a listener; they are merged first (keeping the better acoustic score and its
spelling), so that they neither crowd out real alternatives nor split an LM's vote.
"""

from __future__ import annotations

import time
from dataclasses import replace

from asr import Hypothesis, LanguageModelScorer, RecognitionContext, Transcript
from asr.normalize import compact, normalize_english


class Rescorer:
    def __init__(
        self,
        scorer: LanguageModelScorer,
        weight: float,
        length_bonus: float = 0.0,
        *,
        length_change: float = 0.0,
        expected_bonus: float = 0.0,
    ) -> None:
        for name, value in (
            ("weight", weight),
            ("length_change", length_change),
            ("expected_bonus", expected_bonus),
        ):
            if not value >= 0:  # NaN too
                raise ValueError(f"Rescorer {name} must be >= 0, got {value}")
        if expected_bonus and not callable(getattr(scorer, "expected_words", None)):
            raise ValueError(
                f"Rescorer expected_bonus needs a scorer that names the expected words; "
                f"{type(scorer).__name__} has no expected_words(context)"
            )
        self.scorer = scorer
        self.weight = weight
        self.length_bonus = length_bonus
        self.length_change = length_change
        self.expected_bonus = expected_bonus

    def rescore(
        self, transcript: Transcript, context: RecognitionContext | None = None
    ) -> Transcript:
        started = time.perf_counter()
        merged = merge_variants(transcript.nbest, transcript.language)
        if self.weight:
            lm = self.scorer.score([h.text for h in merged], context=context)
            if len(lm) != len(merged):
                raise ValueError(
                    f"{type(self.scorer).__name__}.score returned {len(lm)} scores "
                    f"for {len(merged)} texts"
                )
        else:
            lm = [h.lm_logprob for h in merged]  # the model has no say: don't pay for it
        expected = (
            self.scorer.expected_words(context) if self.expected_bonus and merged else frozenset()
        )
        heard = len(merged[0].text.split()) if merged else 0
        rescored = [
            replace(
                h,
                lm_logprob=lm_logprob,
                score=h.asr_logprob
                + self.weight * (lm_logprob or 0.0)
                + self._length_and_expected(h.text, heard, expected, transcript.language),
            )
            for h, lm_logprob in zip(merged, lm, strict=True)
        ]
        rescored.sort(key=lambda h: -h.score)  # stable: ties keep the recognizer's order
        timings = {**transcript.timings, "rescore": time.perf_counter() - started}
        return replace(transcript.with_best(tuple(rescored)), timings=timings)

    def _length_and_expected(
        self, text: str, heard: int, expected: frozenset[str], language: str
    ) -> float:
        """The terms that are not the two models' log-probabilities; `heard`: how many words
        the recognizer's own 1-best has."""
        n_words = len(text.split())
        score = self.length_bonus * n_words
        if self.length_change:
            score -= self.length_change * abs(n_words - heard)
        if expected:
            words = (normalize_english(text) if language == "en" else text).split()
            score += self.expected_bonus * sum(w in expected for w in words)
        return score


def merge_variants(nbest: tuple[Hypothesis, ...], language: str) -> list[Hypothesis]:
    """One hypothesis per text up to case, punctuation and spacing (and, in English, numbers
    spelled out): the one with the best `asr_logprob`, the earliest on ties, at the place
    where its text first appeared."""
    kept: dict[str, Hypothesis] = {}
    for hypothesis in nbest:
        text = normalize_english(hypothesis.text) if language == "en" else hypothesis.text
        key = compact(text)
        previous = kept.get(key)
        if previous is None or hypothesis.asr_logprob > previous.asr_logprob:
            kept[key] = hypothesis  # a dict keeps the key's first position on reassignment
    return list(kept.values())
