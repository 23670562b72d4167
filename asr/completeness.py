"""Has the person finished their answer? Evidence from what was heard so far, for the adaptive
end of turn (`telephony.turn.TurnOptions.complete_threshold`).

`end_probability(text, language, lm, context)` is the probability that the words heard so far
are a whole answer: 0.0 when they stop on a word that cannot end one ("I went to the...",
"음...", "그게...", a trailing conjunction, article, preposition or Korean particle or
connective ending), else the language model's probability of the end of the sentence after the
last words (the domain model, with the answers expected to the question just asked: `asr.
domain_lm.NgramScorer.end_logprob`), lowered when the question just asked is known and what
was heard does not answer it yet (`EndModel.answer_confidence`), raised to `ANSWERED_END_P`
for a *closed answer* (a confident answer that ends where an answer can, `closed`: the
evidence for a pausing speaker's medium end), and, without a model, a
lexical guess from sentence-final endings ("…요", "…다"). None means no evidence (nothing
heard yet): the turn then keeps the plain end-of-turn silence. The call's control decides with
the thresholds of `TurnOptions`.
"""

from __future__ import annotations

import math
import re
from typing import Protocol

from asr import RecognitionContext

FILLERS = {
    "en": frozenset("uh um er erm ah oh hmm mm hm uhm".split()),
    "ko": frozenset("음 어 아 그 저 에 흠 뭐 그게 저기 그러니까 있잖아".split()),
}
"""Fillers: a pause after one is a search for words, never the end of an answer. ("oh" is
how pocketsphinx most often writes a drawn-out "uh" or "um".)"""

UNFINISHED_EN = frozenset(
    """a an the my your his her our their these those every
    to of in on at for with from by about into onto over under after before than as
    and but or because if when while since until although though
    i he she we they i'm i've i'd it's there's very really just""".split()
)
"""English words an answer does not end on: articles and possessives, prepositions,
conjunctions, subject pronouns waiting for their verb, intensifiers waiting for their word.
Words that often do end an answer are left out even when they also begin one ("no", "that",
"it", "you", "too", "I did", "I have")."""

_KO_UNFINISHED_ENDINGS = (
    "그리고", "그래서", "근데", "그런데", "하고", "는데", "은데", "니까", "지만", "면서",
    "어서", "아서", "해서", "는", "은", "이", "가", "을", "를", "에", "에서", "랑", "이랑",
    "도", "의", "와", "과", "로", "으로", "고", "서", "면", "며", "게",
)  # fmt: skip
"""Korean endings that leave the sentence open: particles and connective endings."""

ANSWER_CONFIDENCE = 0.5
"""Confidence of the extractor's answer (`dialogue.extract`, not a near miss) to the question
just asked at or above which what was heard *answers* it (`EndModel.answer_confidence`)."""

ANSWERED_END_P = 0.25
"""The end probability at least given to a *closed answer*: what was heard confidently answers
the question just asked (`EndModel.answer_confidence` >= `ANSWER_CONFIDENCE`), ends where an
answer can end (not `unfinished`; in Korean, on a sentence-final ending or an answer word:
"죽을 조금" answers a meal question but has no predicate yet) and the language model does not
find its end unlikely (>= `ANSWERED_MIN_LM`). For a pausing speaker it is the evidence for the
medium end (`telephony.turn.TurnOptions.pausing_answer_threshold`)."""

ANSWERED_CONFIDENCE = {"en": 0.8, "ko": 0.5}
"""Per language, the extractor's confidence at or above which a closed phrase counts as a
closed answer (other languages: `ANSWER_CONFIDENCE`). Chosen on the tune half of `python -m
evaluation.endpoint` (the lowest with the fewest answers cut off): English partials from
pocketsphinx are often wrong, and at 0.5-0.7 misheard words ("i live well not pills well")
answered the sleep question; Korean, judged on its own words, has confidences of 0.7-0.75."""

ANSWERED_MIN_LM = 0.05
"""Language-model end probability below which even a confident answer is not taken as closed
(the model expects more words after these ones)."""

UNANSWERED_FACTOR = 0.5
"""What the end probability is multiplied by when the question just asked is known and what
was heard does not answer it yet ("my daughter...", "I feel..."): such phrases are complete
sentences less often than the language model alone says."""

_KO_FINAL = re.compile(r"(요|다|죠|네|니다|까|예|응|어|아|지|음|함)$")
_KO_ANSWER_WORDS = frozenset("네 예 응 아니요 아뇨 아니 그럼요 맞아요".split())
_WORD = re.compile(r"[\w']+")


class EndModel(Protocol):
    def end_logprob(self, text: str, *, context: RecognitionContext | None = None) -> float:
        """ln P(end of sentence | the words of `text`)."""
        ...

    # Optional: answer_confidence(text, context) -> float | None, how confidently `text`
    # answers the question just asked (None: no known question). `assembly.listening`'s
    # `AnswerEndModel` has it.


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def unfinished(text: str, language: str) -> bool:
    """The words stop where an answer cannot end."""
    heard = words(text)
    if not heard:
        return False
    last = heard[-1]
    if last in FILLERS.get(language, frozenset()):
        return True
    if language == "ko":
        if last in _KO_ANSWER_WORDS:
            return False
        return any(last.endswith(e) and len(last) > len(e) or last == e
                   for e in _KO_UNFINISHED_ENDINGS) and not _ko_final(last)  # fmt: skip
    return last in UNFINISHED_EN


OPEN_EN = frozenset(
    """had have has ate eat made make took take get got gave give put bought brought told want
    need feel felt am is are was were be been went go some any much many""".split()
)
"""English words an answer rarely ends on although a sentence may: verbs waiting for their
object or complement ("I had...", "my back is...", "I feel..."), quantifiers waiting for their
noun ("I ate some...")."""

_POSSESSIVES_EN = frozenset("my your his her our their".split())
_CLAUSE_BREAK_EN = frozenset("and but or because so when while if then".split())


def closed(text: str, language: str) -> bool:
    """The words end where a whole answer can: not `unfinished`; in English not on a verb or
    quantifier waiting for more (`OPEN_EN`) nor on a subject with no verb yet ("my knee...",
    "because my legs..."); in Korean on a sentence-final ending or an answer word (an adverb
    or object with no predicate, "죽을 조금...", is open)."""
    heard = words(text)
    if not heard or unfinished(text, language):
        return False
    if language == "ko":
        last = heard[-1]
        return last in _KO_ANSWER_WORDS or _ko_final(last) or bool(_KO_FINAL.search(last))
    if language != "en":
        return True
    if heard[-1] in OPEN_EN:
        return False
    clause = heard
    for i in range(len(heard) - 1, -1, -1):
        if heard[i] in _CLAUSE_BREAK_EN:
            clause = heard[i + 1 :]
            break
    return not (clause and clause[0] in _POSSESSIVES_EN and not _has_verb(" ".join(clause)))


def _has_verb(text: str) -> bool:
    """The words hold a verb (`dialogue.analysis`' tagger); True when it cannot say."""
    try:
        from dialogue.analysis import analyze

        return any(t.tag in ("VERB", "AUX") for t in analyze(text, "en").tokens)
    except Exception:  # the judge never fails a call over this
        return True


def _ko_final(word: str) -> bool:
    """Ends like a finished Korean sentence (…요, …다, …죠): wins over a particle reading."""
    return len(word) > 1 and word.endswith(("요", "다", "죠", "니다", "까"))


def end_probability(
    text: str,
    language: str,
    lm: EndModel | None = None,
    context: RecognitionContext | None = None,
) -> float | None:
    """Probability that `text` (what was heard so far) is a whole answer; None: no evidence."""
    heard = words(text)
    if not heard:
        return None
    if unfinished(text, language):
        return 0.0
    if lm is not None:
        try:
            p = math.exp(lm.end_logprob(text, context=context))
        except (ValueError, KeyError):
            p = None
        if p is not None:
            # A known question that what was heard does not answer yet ("My daughter...",
            # "I feel...", asked about the day's meals or mood) makes an end less likely.
            answered = getattr(lm, "answer_confidence", None)
            confidence = answered(text, context) if answered is not None else None
            if confidence is not None and confidence < ANSWER_CONFIDENCE:
                p *= UNANSWERED_FACTOR
            elif (
                confidence is not None
                and confidence >= ANSWERED_CONFIDENCE.get(language, ANSWER_CONFIDENCE)
                and p >= ANSWERED_MIN_LM
                and closed(text, language)
            ):
                p = max(p, ANSWERED_END_P)  # a closed answer to the question just asked
            return p
    if language == "ko":
        last = heard[-1]
        if last in _KO_ANSWER_WORDS or _KO_FINAL.search(last):
            return 0.9
        return None
    return None
