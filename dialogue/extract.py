"""Offline answer extraction: which answer class an utterance gives, and why.

The words come from a recognizer, so they may be mis-heard, lower-case and unpunctuated.
Matches come in three kinds, each less sure than the last:

1. exact keywords and patterns — overlapping matches are resolved longest first, so
   "didn't eat" beats "eat" and "안 먹" beats "먹";
2. near matches of English keywords where no exact match lies (a near-homophone: "hertz"
   for "hurts", "slapped" for "slept"), with less weight;
3. when nothing matched at all, word overlap with the answer's examples.

A match preceded by a negator ("I don't have any pain", "잘 안 먹었어요") counts for the
answer's `negated` class, or not at all. The class with the most matched text wins. A real
answer beats "I don't know" ("I don't know, I think I ate"), with less confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dialogue.analysis.ko_dialect import standard as dialect_standard
from dialogue.extract_concepts import by_concepts
from dialogue.extract_lemmas import by_lemmas
from dialogue.scenario import DONT_KNOW, Item, Phrases
from dialogue.text import has_hangul, normalize, similar_words, terms


@dataclass(frozen=True)
class Extraction:
    item_id: str
    answer_class: str | None  # None: nothing recognizable was said
    evidence: str = ""  # the words that gave the class
    confidence: float = 0.0
    detail: str | None = None  # what a pattern's (?P<detail>...) group caught ("knee")
    # Only a near (mis-heard) keyword or a resemblance to an example gave the class: no word
    # of an answer was said as such ("moist" for "missed"). The engine lets a remark the
    # words clearly make outrank such an answer.
    weak: bool = False


@dataclass(frozen=True)
class _Match:
    label: str
    start: int  # character offsets in the normalized utterance
    end: int
    weight: float  # 1 for exact, lower for near matches
    detail: str | None = None


_NEGATORS_EN = frozenset(
    "not never nothing nothing's nowt nor neither cannot hardly barely without".split()
)
# "Well, ..." and "Oh well, ..." opening a sentence: a filler, not "I slept well".
# A new clause ends a negation's reach: "not very | i kept waking up".
_BOUNDARIES_EN = frozenset(
    "but and though although so because then yet i i'm i've i'd she he we they".split()
)
# "I'll take them later", "I'm going to eat at six": an action still to come is not done.
_FUTURE_EN = frozenset("i'll will gonna shall i'd".split())
_ACTION_EN = re.compile(r"^(?:take|took|taken|taking|eat|ate|eaten|have|had|go|went|walk)\b")
# "Well, I was up and down all night": a sentence opened by "well," (or "oh well,") is not
# "well" the answer; the comma says so (a recognizer writes none, and its "well" stays).
_FILLER_EN = re.compile(r"(?:^|(?<=[.!?;]))\s*(?:oh,? )?well,\s+(?=\S)", re.IGNORECASE)
_SELF_SUBJECT_EN = frozenset("i i'm i've i'd".split())
_NEG_SAYING = re.compile(
    r"^(?:can'?t|cannot|could ?n'?t|would ?n'?t|wouldn't|don'?t|didn'?t|do not) "
    r"(?:say|think|believe|reckon|suppose)$"
)
_BARE_NO = frozenset("no nope nah 아니요 아뇨 아니".split())
_KO_NEG_BEFORE = ("안", "못")
_KO_NEG_AFTER = re.compile(r"^(?:지\S?(?:않|못|말|마)|\S{0,2}없)")
# An answer's class only: 아프진 않아요 (-지 with its topic particle fused), and "집에만 있진
# 않았어요", where the keyword is the place and 있다 its unlisted predicate.
_KO_NEG_AFTER_ANSWER = re.compile(r"^(?:있|계시|계)?(?:[진질]|지\S?)(?:않|안|못)")
# "X라고는 못 하겠어요", "X 건 아니고": what was said is denied as a whole, so a negation
# inside it cancels ("안 아프다고는 못 하겠어요" is sore, "아무렇지 않은 건 아니고" not none).
# "아픈 데 하나 없이", "두통이나 몸살 같은 건 전혀 없었어요": the thing named is said to be
# absent, a few words on (a place or kind of it, then 없).
_KO_NONE_OF = re.compile(
    r"^\S?(?:데|곳)\S{0,3}없|^[^,.]{0,14}?(?:같은|그런)(?:건|거|것|게|거는|것은)"
    r"(?:전혀|별로|하나도|통|다)?(?:없|안|못)"
)
_KO_NOT_SO = re.compile(
    r"^\S{0,4}?(?:다고는?|라고는?|다곤|라곤)(?:못|안)(?:하|해|허)|^\S{0,3}?(?:건|게|것은|거는)아니"
)
_STOPWORDS_EN = frozenset(
    "i i'm me my a an the and or to of in on at it is was am are be been this that so "
    "just very quite really yes yeah no well oh um uh you your we with for".split()
)


def _korean(language: str, text: str) -> bool:
    return language == "ko" or has_hangul(text)


@lru_cache(maxsize=4096)
def _keyword_regex(keyword: str, korean: bool) -> re.Pattern[str]:
    if korean:
        compact = normalize(keyword.replace("*", "")).replace(" ", "")
        if len(compact) == 1:  # one syllable ("네") only as a word of its own
            return re.compile(rf"(?<!\S){re.escape(compact)}(?!\S)")
        # Spacing in Korean ASR output is unreliable: allow a space between any syllables.
        return re.compile(r"\s?".join(re.escape(c) for c in compact))
    tokens = []
    for raw in keyword.split():
        word = re.escape(normalize(raw.rstrip("*")))
        tokens.append(word + r"\w*" if raw.endswith("*") else word)
    return re.compile(r"(?<![\w'])" + r"\s+".join(t for t in tokens if t) + r"(?![\w'])")


@lru_cache(maxsize=1024)
def _pattern_regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _exact(label: str, phrases: Phrases, norm: str, korean: bool) -> list[_Match]:
    out = [
        _Match(label, m.start(), m.end(), 1.0)
        for keyword in phrases.keywords
        for m in _keyword_regex(keyword, korean).finditer(norm)
        if m.end() > m.start()
    ]
    for pattern in phrases.patterns:
        for m in _pattern_regex(pattern).finditer(norm):
            if m.end() > m.start():
                detail = m.groupdict().get("detail")
                out.append(_Match(label, m.start(), m.end(), 1.0, detail))
    return out


def _near(label: str, phrases: Phrases, norm: str) -> list[_Match]:
    """English keywords whose longer words were mis-heard; short words must still be exact."""
    spans = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", norm)]
    out = []
    for keyword in phrases.keywords:
        key = [(normalize(k.rstrip("*")), k.endswith("*")) for k in keyword.split()]
        key = [(k, wild) for k, wild in key if k]
        if not key or max(len(k) for k, _ in key) < 4:
            continue
        for i in range(len(spans) - len(key) + 1):
            sims = [_word_match(k, wild, spans[i + j][2]) for j, (k, wild) in enumerate(key)]
            if min(sims) >= 0.8 and min(sims) < 1.0:
                weight = 0.7 * sum(sims) / len(sims)
                out.append(_Match(label, spans[i][0], spans[i + len(key) - 1][1], weight))
    return out


def _word_match(key: str, wildcard: bool, word: str) -> float:
    if len(key) < 4:
        return float(word == key or (wildcard and word.startswith(key)))
    if wildcard:  # "hurt*" against "hertz": compare with the word's prefixes
        ends = range(len(key), max(len(word), len(key)) + 1)
        return max(similar_words(key, word[:n]) for n in ends)
    return similar_words(key, word)


_FREE_EN = re.compile(r"^(?:\S+ )?free\b")


def _negated(norm: str, match: _Match, korean: bool) -> int | None:
    """Start of the negator before `match` that reverses it, or None when it is not negated:
    the plain reading the safety detectors use (`dialogue.scenario_phrases.detect_emergency`,
    `dialogue.safety.detector`), where an emergency must never be talked away."""
    return _negated_before(norm, match, korean, answers=False)


def _negated_answer(norm: str, match: _Match, korean: bool) -> int | None:
    """`_negated` for an answer's class: a negated verb of saying reaches over its clause ("I
    can't say I've eaten"), "nothing's" negates, English "pain free" is "no pain", and two
    negations cancel: "I wouldn't say I'm pain free"."""
    start = _negated_before(norm, match, korean, answers=True)
    if korean:
        after = norm[match.end :].replace(" ", "")
        if start is None and (_KO_NEG_AFTER_ANSWER.match(after) or _KO_NONE_OF.match(after)):
            start = match.start
        if _KO_NOT_SO.match(after):
            return match.start if start is None else None
        return start
    if start is not None and start > match.start - 40 and _denied_saying(norm[:start]):
        return None  # "I can't say it doesn't hurt": the saying denies the negation
    free = not korean and any(
        _FREE_EN.match(rest)
        for rest in (_after_first_word(norm, match), norm[match.end :].lstrip())
    )
    if not free:
        return start
    return None if start is not None else match.start


# "I can't say it", "I wouldn't say I'm": a negated verb of saying, then at most a subject.
_DENIED_SAYING_EN = re.compile(
    r"(?:can'?t|cannot|could ?n'?t|would ?n'?t|won'?t) (?:say|tell you|pretend|claim)"
    r"(?: (?:that|it|i|i'm|im|it's|its|there's))*\s*$"
)


def _denied_saying(before: str) -> bool:
    """Whether the words before a negator deny saying it: two negations, one answer."""
    return bool(_DENIED_SAYING_EN.search(before.rstrip() + " ")) if before.strip() else False


_HEDGE_EN = re.compile(r"(?:don'?t|do not) (?:think|believe|reckon)(?: so)?\s*$")


def _hedged_no(norm: str, match: _Match) -> bool:
    """ "Not today, I don't think, no": a bare no after a hedge of thinking is still no."""
    return norm[match.start : match.end] in _BARE_NO and bool(_HEDGE_EN.search(norm[: match.start]))


def _after_first_word(norm: str, match: _Match) -> str:
    """The text after the match's first word ("free ..." of "pain free my feet")."""
    rest = norm[match.start :]
    return rest.split(" ", 1)[1] if " " in rest else ""


def _negated_before(norm: str, match: _Match, korean: bool, answers: bool) -> int | None:
    """Start of a negator before `match` (or after it, Korean) that reverses it."""
    if korean:
        compact_before = norm[: match.start].rstrip()
        if compact_before.endswith(_KO_NEG_BEFORE) and not compact_before.endswith("잘못"):
            if not (answers and _ko_word_part(norm, match)):
                return len(compact_before) - 1
        if _KO_NEG_AFTER.match(norm[match.end :].replace(" ", "")):
            return match.start
        return None
    before = list(re.finditer(r"\S+", norm[: match.start]))[-3:]
    for distance, m in enumerate(reversed(before), start=1):
        word = m.group()
        if word in _FUTURE_EN and _ACTION_EN.match(norm[match.start : match.end]):
            # "I'll take them with my tea": not done yet, the action's negated class
            return m.start()
        if word in _BOUNDARIES_EN:
            # "I can't say I've eaten", "I don't think I slept": a negated verb of saying or
            # thinking reaches over the clause it introduces
            said = norm[: m.start()].split()[-2:]
            saying = len(said) == 2 and _NEG_SAYING.match(" ".join(said))
            if answers and word in _SELF_SUBJECT_EN and saying:
                return len(norm[: m.start()].rstrip()) - len(" ".join(said))
            return None
        word = word.removesuffix("'s") if answers else word  # "nothing's hurting"
        if word in _NEGATORS_EN or word.endswith("n't") or (word == "no" and distance == 1):
            return m.start()
    return None


def _ko_word_part(norm: str, match: _Match) -> bool:
    """Whether a Korean noun keyword was matched inside a word that only begins with 안/못:
    방에만 in 안방에만 (the inner room), not a negation of it."""
    from dialogue.extract_lemmas import keyword_lemmas

    joined = match.start > 0 and not norm[match.start - 1].isspace()
    return joined and not keyword_lemmas(norm[match.start : match.end])


_YOU_EN = frozenset("you you've you'd you'll youve".split())
_AUX_EN = frozenset("have had did do has".split())


def _someone_else(norm: str, match: _Match) -> bool:
    """Whether the matched verb's subject is the person spoken to, not the speaker: "more
    times than you've had hot dinners" says nothing of the speaker's meal."""
    from dialogue.analysis import analyze

    before = norm[: match.start].split()[-2:]
    if not before:
        return False
    if not (
        before[-1] in _YOU_EN
        or (len(before) == 2 and before[0] in _YOU_EN and before[-1] in _AUX_EN)
    ):
        return False
    tokens = analyze(norm[match.start : match.end], "en").tokens
    return bool(tokens) and tokens[0].tag == "VERB"


def _resolve(exact: list[_Match], near: list[_Match]) -> list[_Match]:
    """Keep the longest matches, exact ones before near ones; drop any overlapping a kept one."""
    kept: list[_Match] = []
    for group in (exact, near):
        for m in sorted(group, key=lambda m: (m.start - m.end, m.start)):
            if all(m.end <= k.start or m.start >= k.end for k in kept):
                kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def classify(
    labels: dict[str, Phrases],
    text: str,
    *,
    language: str = "en",
    negated: dict[str, str | None] | None = None,
    near: bool = True,
) -> tuple[str | None, str, float, str | None]:
    """(label, evidence, confidence, detail) for the label whose phrases `text` carries most.

    `negated` maps a label to the label its negated matches count for (None: dropped).
    Labels listed first win ties. `near=False`: exact matches only (no mis-heard words).
    """
    norm = normalize(text)
    korean = _korean(language, norm)
    if korean:  # 마셔유, 묵었어라, 맞심더: the standard endings the keywords are written in
        norm = dialect_standard(norm, keep_length=False)
    negated = negated or {}
    found = [m for label, p in labels.items() for m in _exact(label, p, norm, korean)]
    near = [] if korean or not near else [m for lb, p in labels.items() for m in _near(lb, p, norm)]
    kept: list[_Match] = []
    for m in _resolve(found, near):
        if not korean and _someone_else(norm, m):
            continue
        start = _negated_answer(norm, m, korean)
        if start is None or _hedged_no(norm, m):
            kept.append(m)
        elif target := negated.get(m.label):
            kept.append(_Match(target, min(start, m.start), m.end, m.weight, m.detail))
    if not kept:
        return None, "", 0.0, None
    order = list(labels)
    score: dict[str, float] = {}
    for m in kept:
        score[m.label] = score.get(m.label, 0.0) + m.weight * (m.end - m.start)
    best = max(score, key=lambda lb: (score[lb], -order.index(lb)))
    mine = [m for m in kept if m.label == best]
    strongest = max(mine, key=lambda m: m.weight * (m.end - m.start))
    units = (strongest.end - strongest.start) / (3 if korean else 5)
    strength = min(1.0, 0.6 + 0.15 * units) * strongest.weight
    confidence = round(strength * score[best] / sum(score.values()), 2)
    evidence = " … ".join(norm[m.start : m.end] for m in mine)
    detail = next((m.detail for m in mine if m.detail), None)
    return best, evidence, confidence, detail


def _by_examples(item: Item, text: str, language: str) -> tuple[str | None, str, float]:
    """The class of the example answer `text` shares most words with (Dice >= 0.5)."""
    norm = normalize(text)
    said = {t for t in terms(norm, language) if t not in _STOPWORDS_EN}
    best: tuple[float, str | None] = (0.0, None)
    for answer in item.answers:
        label = answer.answer_class
        for sentence in answer.examples:
            ref = {t for t in terms(sentence, language) if t not in _STOPWORDS_EN}
            if said and ref:
                dice = 2 * len(said & ref) / (len(said) + len(ref))
                best = max(best, (dice, label), key=lambda b: b[0])
    if best[1] is None or best[0] < 0.5:
        return None, "", 0.0
    return best[1], norm, round(0.5 * best[0], 2)


def extract(
    item: Item, text: str, *, language: str = "en", dont_know: Phrases | None = None
) -> Extraction:
    """The rules' answer (`extract_rules`) as the learned layer amends it
    (`dialogue.extract_learned`: a per-item classifier, with thresholds chosen by
    cross-validation, that fills an answer the rules missed or withdraws one it reads as no
    answer)."""
    from dialogue.extract_learned import refine

    own = own_text(item, text, language)
    if own is None:
        return Extraction(item.id, None)
    text = _FILLER_EN.sub("", own) if not _korean(language, own) else own
    found = extract_rules(item, text, language=language, dont_know=dont_know)
    return refine(item, text, language, found)


def own_text(item: Item, text: str, language: str) -> str | None:
    """The part of `text` that speaks of the speaker's own today (`dialogue.extract_clauses`),
    `text` itself when all of it does, None when none does: what the person says of another
    day, of someone else, of a day to come, or asks back answers nothing of today's ("I used
    to sleep in the afternoons", "My neighbour's dog is in pain", "우리 딸이 힘들어해요")."""
    from dialogue.extract_clauses import todays_own, todays_own_ko

    if not _korean(language, text):
        return todays_own(text, language)
    return todays_own_ko(text)


def extract_rules(
    item: Item, text: str, *, language: str = "en", dont_know: Phrases | None = None
) -> Extraction:
    """The answer class `text` gives to `item`; DONT_KNOW when the person does not know.

    A real answer wins over "I don't know" ("I don't know, I think I ate"), with less
    confidence: the person hedged.
    """
    label, evidence, confidence, detail = classify(
        {a.answer_class: a for a in item.answers},
        text,
        language=language,
        negated={a.answer_class: a.negated for a in item.answers},
    )
    unsure = None
    if dont_know is not None:
        unsure, said, sure, _ = classify({DONT_KNOW: dont_know}, text, language=language)
        if label is None and unsure:
            return Extraction(item.id, DONT_KNOW, said, sure)
    weak = conceptual = False
    near_only = label is not None and _near_only(item, text, language)
    if (label is None or near_only) and not _korean(language, text):
        # "Beans on toast at lunchtime": a food and a mealtime, as the item's examples of
        # having eaten are (`dialogue.extract_concepts`); one concept alone is a guess.
        # A mis-heard keyword ("got" for "good") is a guess; what the words' concepts say
        # ("sat up half the night") outranks it.
        found = by_concepts(item, text)
        if found[0] is None and near_only:
            found = (label, 0.0, 0, evidence)
        elif found[0] is not None:
            if near_only and found[0] == label:  # both words answer it: both are its evidence
                found = (*found[:3], f"{evidence} … {found[3]}")
            near_only = False
        label, support, backing, evidence = found
        if label is not None and not near_only:
            # below the keyword rules' 0.6-1.0 and below 0.5, where the learned safety gate
            # takes an utterance for a sure answer (`dialogue.learned.gate`): a concept reading
            # must never make a red flag harder to raise
            confidence = round(min(0.45, 0.25 * support), 2)
            weak, conceptual = backing < 2, True
    elif label is not None and not _korean(language, text) and _light(evidence, language):
        # An answer resting only on light words ("had", "yes") yields to a sure reading of
        # the concepts ("I had a couple of crackers, but I couldn't face any more": little).
        other = by_concepts(item, text)
        if other[0] not in (None, label) and other[2] >= 2:
            label, support, _, evidence = other
            confidence, conceptual = round(min(0.45, 0.25 * support), 2), True
    if label is None and _korean(language, text) and not unsure:
        # 깼을 거요, 자꾸 깨더라고: a keyword's word in an ending nobody listed (lemmas)
        label, evidence, confidence = by_lemmas(
            {a.answer_class: a for a in item.answers},
            text,
            {a.answer_class: a.negated for a in item.answers},
        )
        conceptual = label is not None
    if label is None and _korean(language, text) and not unsure:
        # 애들 데려다주고 오는 길에, 복지관 가서 … 왔지요: a trip out told as a story
        from dialogue.extract_ko_going import by_going

        label, evidence, confidence = by_going(item, text)
        conceptual = label is not None
    if conceptual:
        pass
    elif label is None:
        label, evidence, confidence = _by_examples(item, text, language)
        weak = label is not None
    else:  # the keyword rules' own answer: weak when only a near (mis-heard) keyword gave it
        weak = near_only
        if unsure:
            confidence = round(confidence * 0.7, 2)
    return Extraction(item.id, label, evidence, confidence, detail, weak)


def _light(evidence: str, language: str) -> bool:
    """Whether every word of the evidence is a light one (a verb like "had", "yes", "no"):
    retrieval's terms keep none of them."""
    from dialogue.conversation.terms import terms

    return bool(evidence.strip()) and not terms(evidence.replace("…", " "), language)


def _near_only(item: Item, text: str, language: str) -> bool:
    """Whether only a near (mis-heard) keyword, no exact one, gives the rules' answer."""
    exact = classify(
        {a.answer_class: a for a in item.answers},
        text,
        language=language,
        negated={a.answer_class: a.negated for a in item.answers},
        near=False,
    )[0]
    return exact is None


# The scenario's own phrase tables read with the same matcher (re-exported where they were).
from dialogue.scenario_phrases import (  # noqa: E402
    EmergencyMatch,
    detect_emergency,
    identity_answer,
    is_repeat_request,
)

__all__ = [
    "EmergencyMatch",
    "Extraction",
    "classify",
    "detect_emergency",
    "extract",
    "extract_rules",
    "identity_answer",
    "own_text",
    "is_repeat_request",
]
