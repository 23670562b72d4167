"""N-best rescoring: the recognizer's acoustic evidence plus what a language model expects.

A recognizer alone has only the audio; the dialogue knows what was just asked and which
names and medicines this person uses. Rescoring combines the two per hypothesis,

    score = asr_logprob + weight * lm_logprob + length_bonus * n_words,

and re-ranks. The length bonus offsets the language model's preference for short texts
(every word costs log-probability). Recognizers rank their N-best by `asr_logprob`, so with
`weight == 0` and `length_bonus == 0` the order, and the 1-best text, stay exactly as the
recognizer gave them: rescoring can be switched off by configuration without a code path.

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
        self, scorer: LanguageModelScorer, weight: float, length_bonus: float = 0.0
    ) -> None:
        if weight < 0:
            raise ValueError(f"Rescorer weight must be >= 0, got {weight}")
        self.scorer = scorer
        self.weight = weight
        self.length_bonus = length_bonus

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
        rescored = [
            replace(
                h,
                lm_logprob=lm_logprob,
                score=h.asr_logprob
                + self.weight * (lm_logprob or 0.0)
                + self.length_bonus * len(h.text.split()),
            )
            for h, lm_logprob in zip(merged, lm, strict=True)
        ]
        rescored.sort(key=lambda h: -h.score)  # stable: ties keep the recognizer's order
        timings = {**transcript.timings, "rescore": time.perf_counter() - started}
        return replace(transcript.with_best(tuple(rescored)), timings=timings)


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
