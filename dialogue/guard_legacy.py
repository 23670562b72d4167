"""Today's regex guard (P1), kept for two uses: the Korean rules until `dialogue.guard_ko`
lands, and the English baseline `bench/bench_guard.py` prints beside the lemma rules.

`context` is text whose words the rules may repeat (the `echo` flag of `guard_rules`). The
framework passes only the office's own script here, never what the person said: echoing
shared words let "That sounds like arthritis" through once the person had said "arthritis".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dialogue.guard import Violation, sentences
from dialogue.guard_rules import (
    EN_EARLIER,
    EN_RULES,
    EN_SAID,
    IMPOLITE,
    KO_EARLIER,
    KO_INTERJECTIONS,
    KO_PLAIN_END,
    KO_POLITE_END,
    KO_RULES,
    KO_SAID,
    MEMORY,
    Rule,
)
from dialogue.text import has_hangul, normalize

_STOP_EN = frozenset(
    "the a an and or but to of in on at it it's is was be been are am i i'm you you're your "
    "my me we us our so very really pretty quite too just that this these those there there's "
    "with for from about as how what when did do does have has had not no yes today getting "
    "got gets lately days time last told said mentioned remember recall before call week "
    "again still some any much many more".split()
)
# Hot and cold in Korean change their stem when conjugated (덥다, 더워요, 더위).
_KO_STEMS = (("덥", "더워", "더위", "더우", "무더"), ("춥", "추워", "추위", "추우"))
_KO_GENERIC = frozenset(
    "하셨 셨는 는데 셨다 시다 다고 셨어 지난 난번 번에 세요 으세 어떠 떠세 오늘".split()
)


def check_rules(
    text: str, *, memory: Sequence[str] = (), language: str = "en", context: str = ""
) -> list[Violation]:
    korean = language == "ko" or has_hangul(text)
    found: list[Violation] = []
    for sentence in sentences(text):
        found += _rule_hits(sentence, korean, context)
        found += _memory_hits(sentence, korean, memory, context)
        if korean and (plain := plain_speech(sentence)):
            found.append(Violation(IMPOLITE, plain))
    return list(dict.fromkeys(found))


def _rule_hits(sentence: str, korean: bool, context: str) -> list[Violation]:
    said = sentence.replace("\u2019", "'").replace("\u2018", "'")
    rules: list[Rule] = KO_RULES if korean else EN_RULES
    if korean and re.search(r"[A-Za-z]{3,}", said):
        rules = KO_RULES + EN_RULES  # a Korean turn with English words in it
    out: list[Violation] = []
    for rule in rules:
        if any(v.category == rule.category for v in out):
            continue  # one piece of evidence per category and sentence is enough
        for m in rule.pattern.finditer(said):
            evidence = m.group().strip()
            if rule.echo and _echoes(evidence, context, korean):
                continue
            if rule.disclaim and _disclaimed(said[: m.start()], said[m.end() :], korean):
                continue
            out.append(Violation(rule.category, evidence))
            break
    return out


def _disclaimed(before: str, after: str, korean: bool) -> bool:
    """An offer the sentence itself refuses: "I can't visit", "찾아갈 수는 없지만"."""
    if korean:
        return bool(
            re.match(r"\S{0,3}\s?(?:수\s?(?:는|가|도)?\s?없|지\s?못|지는\s?못)", after)
            or re.search(r"못\s?$", before)
        )
    return bool(
        re.search(
            r"\b(?:can't|cannot|can not|unable to|not able to|won't be able)\b",
            before,
            re.IGNORECASE,
        )
    )


def _terms_en(text: str) -> set[str]:
    return {w for w in normalize(text).split() if len(w) >= 3 and w not in _STOP_EN}


def _same_word(a: str, b: str) -> bool:
    return a == b or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])


def _echoes(evidence: str, context: str, korean: bool) -> bool:
    """True when the person or the scenario already said the words the rule caught."""
    if not context:
        return False
    if korean:
        said, heard = evidence.replace(" ", ""), context.replace(" ", "")
        for group in _KO_STEMS:
            if any(s in said for s in group) and any(s in heard for s in group):
                return True
        return len(said) >= 2 and said[:2] in heard
    heard = _terms_en(context)
    return any(_same_word(t, h) for t in _terms_en(evidence) for h in heard)


def _bigrams(text: str) -> set[str]:
    compact = re.sub(r"[^\uac00-\ud7a3]", " ", text)
    return {w[i : i + 2] for w in compact.split() for i in range(len(w) - 1)} - _KO_GENERIC


def _supported(claim: str, sources: Sequence[str], korean: bool) -> bool:
    if korean:
        mine = _bigrams(claim)
        return any(mine & _bigrams(s) for s in sources)
    mine = _terms_en(claim)
    return any(_same_word(a, b) for s in sources for a in mine for b in _terms_en(s))


def _memory_hits(
    sentence: str, korean: bool, memory: Sequence[str], context: str
) -> list[Violation]:
    earlier, said = (KO_EARLIER, KO_SAID) if korean else (EN_EARLIER, EN_SAID)
    if m := earlier.search(sentence):
        rest = sentence[: m.start()] + " " + sentence[m.end() :]
        if not _supported(rest, memory, korean):
            return [Violation(MEMORY, m.group())]
    elif m := said.search(sentence):
        rest = sentence[: m.start()] + " " + sentence[m.end() :]
        if not _supported(rest, [*memory, context], korean):
            return [Violation(MEMORY, m.group())]
    return []


def plain_speech(sentence: str) -> str | None:
    """The word a Korean sentence ends with when it ends in plain speech (반말), else None."""
    if not has_hangul(sentence):
        return None
    words = re.sub(r"[^\uac00-\ud7a3\s]", " ", sentence).split()
    if not words:
        return None
    last = words[-1]
    if last in KO_INTERJECTIONS or KO_POLITE_END.search(last) or len(last) < 2:
        return None
    return last if KO_PLAIN_END.search(last) else None
