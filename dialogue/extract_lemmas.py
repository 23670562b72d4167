"""Korean answer keywords matched on Kiwi lemmas, where their written form was not said.

The scenarios' Korean keywords are written forms (깼어, 못 잤, 챙겨 먹): a regex over the text
finds 깼어요 but not 깼을 거요, 깨 가지고, 자꾸 깨더라고. Read as lemmas, 깼어 is 깨다 and so is
every conjugation of it, so an answer in an ending nobody listed is still heard.

Only a fallback (`dialogue.extract.extract_rules`, when no written keyword matched), for
keywords that carry a content word (a bare 네 or 아니요 stays with the written rules), with a
negation (안/못 before, -지 않/못/말 after) reversing the class as the written rules do. Its
answers are below the written rules' confidence.
"""

from __future__ import annotations

from functools import lru_cache

from dialogue.analysis import Analysis, analyze
from dialogue.analysis.ko_lexicon import HOUSEHOLD, KIN, OTHERS
from dialogue.scenario import Phrases

_CONTENT = frozenset({"NNG", "NNP", "NR", "VV", "VA", "XR", "MAG", "VCN"})
_NEG_BEFORE = frozenset({"안", "못"})
_NEG_AFTER = frozenset({"않", "못하", "말"})
_NEVER = frozenset({"적", "일"})  # -ㄴ 적 없다, -ㄹ 일 없다
DEGREE_CONFIDENCE = 0.4  # the verb without its keyword's adverb
CONFIDENCE = 0.45  # below the written rules (0.6-1.0) and the safety gate's sure 0.5


def _lemmas(analysis: Analysis) -> list[tuple[str, int, int, str]]:
    """(lemma, token index, sentence, tag) of the content morphemes; verbs as 먹다, 깨다."""
    out = []
    for i, t in enumerate(analysis.tokens):
        tag = t.tag.split("-")[0]
        if tag not in _CONTENT:
            continue
        lemma = t.lemma + "다" if tag in ("VV", "VA", "VCN") else t.lemma
        out.append((lemma, i, t.sentence, tag))
    return out


@lru_cache(maxsize=4096)
def keyword_lemmas(keyword: str) -> tuple[str, ...]:
    """A keyword's content lemmas (깼어 -> 깨다; 못 잤 -> 못 자다); () when it has no verb,
    adjective or root: a noun is matched as written already, and its particle was often the
    point (집에만 is not 집), while an adverb alone (아직, 별로) says nothing."""
    found = _lemmas(analyze(keyword.replace("*", ""), "ko"))
    if not any(tag in ("VV", "VA", "XR", "VCN") for _, _, _, tag in found):
        return ()
    return tuple(lemma for lemma, _, _, _ in found)


def _negated(analysis: Analysis, lemmas: list, start: int, end: int, key: tuple) -> bool:
    """Whether the match lemmas[start:end] is negated (and the keyword itself is not)."""
    if key and key[0] in _NEG_BEFORE:
        return False
    if (
        start > 0
        and lemmas[start - 1][0] in _NEG_BEFORE
        and lemmas[start - 1][2] == lemmas[start][2]
    ):
        return True
    last = lemmas[end - 1][1]
    prev = None
    for t in analysis.tokens[last + 1 : last + 5]:
        if t.lemma in _NEG_AFTER and t.tag.startswith("VX"):
            return True
        if t.lemma in ("없", "없이") and prev is not None and prev.lemma in _NEVER:
            return True  # 깬 적 없이: never happened
        prev = t
        if t.tag.split("-")[0] in ("VV", "VA", "NNG"):
            break
    return False


def by_lemmas(
    labels: dict[str, Phrases], text: str, negated: dict[str, str | None]
) -> tuple[str | None, str, float]:
    """(class, evidence, confidence) of the keywords matched as lemmas; None when none did or
    two classes matched equally (a guess is worse than a re-ask)."""
    analysis = analyze(text, "ko")
    lemmas = _lemmas(analysis)
    said = [x[0] for x in lemmas]
    score: dict[str, int] = {}
    evidence: dict[str, list[str]] = {}
    for label, phrases in labels.items():
        for keyword in phrases.keywords:
            key = keyword_lemmas(keyword)
            if not key:
                continue
            n = len(key)
            for s in range(len(said) - n + 1):
                if tuple(said[s : s + n]) != key or lemmas[s][2] != lemmas[s + n - 1][2]:
                    continue
                target: str | None = label
                if _negated(analysis, lemmas, s, s + n, key):
                    target = negated.get(label)
                if target is None:
                    continue
                score[target] = score.get(target, 0) + n
                evidence.setdefault(target, []).append(" ".join(key))
    if not score:
        # 그럭저럭 잤지요, 대충 먹었어요: the keyword's verb said with another adverb than its
        # own (잘 잤, 푹 잤) still answers, a little less surely; a negation still reverses it.
        return _without_degree(labels, analysis, lemmas, said, negated)
    ranked = sorted(score.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None, "", 0.0
    best = ranked[0][0]
    return best, " … ".join(dict.fromkeys(evidence[best])), CONFIDENCE


# Degree adverbs a keyword may lead with (잘 잤, 푹 잤, 꼬박꼬박 챙겨 먹): the verb after them is
# the answer when the person said it with another adverb or none.
_PEOPLE = KIN | HOUSEHOLD | OTHERS
_DEGREE = frozenset({"잘", "푹", "편히", "편하게", "든든히", "꼬박꼬박", "제때", "많이"})


def _without_degree(
    labels: dict[str, Phrases],
    analysis: Analysis,
    lemmas: list,
    said: list[str],
    negated: dict[str, str | None],
) -> tuple[str | None, str, float]:
    score: dict[str, int] = {}
    evidence: dict[str, str] = {}
    for label, phrases in labels.items():
        for keyword in phrases.keywords:
            key = keyword_lemmas(keyword)
            if len(key) != 2 or key[0] not in _DEGREE:
                continue
            verb = key[1:]
            for s, lemma in enumerate(said):
                if (lemma,) != verb:
                    continue
                if any(x[0] in _PEOPLE and x[2] == lemmas[s][2] for x in lemmas[:s]):
                    continue  # 아들이 자고 갔어요: someone else's sleep, not an answer
                target: str | None = label
                if _negated(analysis, lemmas, s, s + 1, verb):
                    target = negated.get(label)
                if target is not None:
                    score[target] = score.get(target, 0) + 1
                    evidence[target] = verb[0]
    if len(score) != 1:
        return None, "", 0.0  # nothing, or two classes: a re-ask is better than a guess
    best = next(iter(score))
    return best, evidence[best], DEGREE_CONFIDENCE
