"""Which clauses of an English answer speak of the speaker's own today (`dialogue.extract.extract`).

An answer can carry the item's words and still answer nothing of it. What the person says of
another day ("Yesterday I took them"), of someone else ("My neighbour's dog is in pain", "my
husband used to snore"), of a day to come or a wish ("I'm hoping to go to the seaside next
month"), or asks back ("Can you ring back later?") says nothing of how the person is today.
Each clause is read on its own, and only the clauses left are read for an answer:

- another day: `dialogue.conversation.passing.not_today` (yesterday, years ago, used to), and
  a named occasion said in the past tense ("I was happy as anything at Christmas");
- a time to come or a wish: next week / month / a weekday, tomorrow, hoping to, wish;
- someone else: the clause names another person or animal (my neighbour, the dog, she) and
  nothing of the speaker (I, me, we, us, my knee): "my son drove me to the shops" stays;
- a question to the one calling ("Can you ...?", "what did you say?");
- a bare yes right after a clause dropped above agrees with that clause, not with the question:
  "Yesterday I took them, yes".

English only: a Korean predicate carries its subject unsaid, and its learned layer reads
whose and when (`dialogue.extract_scope`, `dialogue.extract_learned_why`).
"""

from __future__ import annotations

import re

from dialogue.text import normalize

# The speaker in a clause: a first-person word, or "my" before anything but another person.
_SELF = frozenset(
    "i i'm im i've ive i'd i'll me my myself mine we we're we've we'd us our ours".split()
)
# Another person (or animal): pronouns that always are one ("they" is often the pills), and
# nouns for people and pets, singular and plural, bare or possessive.
_OTHER_PRONOUNS = frozenset("he she he's she's him her his hers".split())
_OTHER_NOUNS = frozenset(
    """dog dogs cat cats puppy bird birds pet pets neighbour neighbours neighbor neighbors
    husband wife son sons daughter daughters friend friends sister sisters brother brothers
    grandson grandsons granddaughter granddaughters grandchild grandchildren grandkids kids
    children child mother father mum mom dad nephew niece cousin auntie aunt uncle lady
    ladies man men woman women doctor doctors nurse nurses carer carers vicar postman
    milkman lodger people folk folks everyone everybody hubby missus""".split()
)
_LATER = re.compile(
    r"\b(?:next (?:week|month|year|time|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|weekend)|tomorrow|hoping to|hope to|i wish|wish i could|would love to|"
    r"(?:i'?d|would) like to)\b"
)
_OCCASION = re.compile(
    r"\b(?:was|were|had|went|did)\b.*\b(?:at|on|over|for) (?:christmas|easter|new year|"
    r"my birthday|the wedding|the holiday)\b"
)
_ASK_BACK = re.compile(
    r"^(?:\w+ )?(?:can|could|will|would|did|do|are|is) you\b|\bwhat (?:did|do|was) you\b|"
    r"\bwhat was that\b|\bwho(?:'s| is) (?:this|that|calling)\b"
)
_YES = frozenset("yes yeah yep aye yes yes".split())
_CLAUSE = re.compile(
    r"[.!?;,:\u2014\u2013]+|\s-\s|\b(?:and|but|because|cause|though|while|so|since|when|after|"
    r"till|until)\b"
)


def whose(clause: str) -> str | None:
    """'self' when the clause says anything of the speaker, 'other' when it names only
    someone else, None when it names nobody ("cereal like always")."""
    words = re.findall(r"[\w']+", normalize(clause))
    other = False
    for i, w in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else ""
        if w in _SELF and not (w in ("my", "our") and _person(after)):
            return "self"
        if w in _OTHER_PRONOUNS or _person(w):
            other = True
    return "other" if other else None


def _person(word: str) -> bool:
    return word.removesuffix("'s").removesuffix("s'") in _OTHER_NOUNS or word in _OTHER_NOUNS


def not_now(clause: str) -> bool:
    """A day to come, a wish, or a named occasion gone: nothing of today."""
    norm = normalize(clause)
    return bool(_LATER.search(norm) or _OCCASION.search(norm))


def asks_back(clause: str) -> bool:
    """A question to the one calling: "Can you ring back later?", "what did you say?"."""
    return bool(_ASK_BACK.search(normalize(clause)))


def todays_own(text: str, language: str = "en") -> str | None:
    """`text` less its clauses that say nothing of the speaker's today (see above); `text`
    itself when every clause stands, None when none does."""
    from dialogue.conversation.passing import not_today

    parts = [p.strip() for p in _CLAUSE.split(text) if p and p.strip()]
    if not parts:
        return text
    kept: list[str] = []
    dropped_last = False
    for part in parts:
        bare_yes = set(normalize(part).split()) <= _YES
        drop = (
            not_today(part, language)
            or not_now(part)
            or asks_back(part)
            or whose(part) == "other"
            or (bare_yes and dropped_last)
        )
        if not drop:
            kept.append(part)
        dropped_last = drop
    if not kept:
        return None
    if len(kept) == len(parts):
        return text
    return ", ".join(kept)


# Korean. A time word scopes over its whole sentence ("작년 설에는 애들 다 와서, 좋았지"), so
# another day is read per sentence; someone else's experience per clause, and only where the
# grammar says it is someone else's: a reported ending (-대요, -래요, "they say") or a verb of
# another's feeling (-어하다: 힘들어해요, 아파해요), after a person named as the subject.
# "예전이랑 똑같아요" (the same as before) and "어제부터" (since yesterday) speak of now.
_SINCE_OR_AS_KO = r"(?!\s?(?:부터|이랑|처럼|같|만큼|하고|보다|과|와|만|대로))"
_LONG_AGO_KO = re.compile(
    r"(?:작년|재작년|지난해|옛날|예전|젊었을|"
    rf"[몇한두세네다섯이삼사오육칠팔구십\d]+\s?(?:년|해) ?전){_SINCE_OR_AS_KO}|[었았였]었"
)
_NOW_KO = re.compile(r"오늘|지금|요즘|요새|아직|이번|아까|여태|계속")
_HEARSAY_KO = re.compile(r"(?:[대래]요?|[대래]유|다더라|다던데|다네|[대래]더라)\W*$")
_OTHERS_FEELING_KO = re.compile(r"[어아여워와해]\s?(?:해요|해|하더라|하네|하셔|했어|하구|하고)")
_MORE_OTHERS_KO = frozenset("손주 손주들 애들 딸내미 아들내미 동무 영감님 친구들 이웃집".split())
_SUBJECT_KO = re.compile(r"(?:걔|그 ?사람|그 ?양반|{nouns})(?:이|가|는|은|도|께서|네)(?:\s|$)")


def _other_ko(clause: str) -> bool:
    from dialogue.extract_scope import _OTHER_KO

    nouns = sorted(_OTHER_KO | _MORE_OTHERS_KO, key=len, reverse=True)
    subject = _SUBJECT_KO.pattern.format(nouns="|".join(nouns))
    if not re.search(subject, clause):
        return False
    return bool(_HEARSAY_KO.search(clause) or _OTHERS_FEELING_KO.search(clause))


def todays_own_ko(text: str) -> str | None:
    """`text` less its sentences of another day (long ago, a past perfect) and its clauses of
    someone else's experience; `text` itself when all stands, None when none does. Yesterday
    stays: a follow-up asks of the days since the jab, and "어제 저녁에 미열이 있었어요" answers
    it."""
    from dialogue.analysis.ko_dialect import standard
    from dialogue.conversation.terms import clauses
    from dialogue.guard import sentences

    kept_sentences = []
    for sentence in sentences(text) or [text]:
        said = standard(normalize(sentence), keep_length=False)
        if _LONG_AGO_KO.search(said) and not _NOW_KO.search(said):
            continue
        kept_sentences.append(sentence)
    parts = [p for s in kept_sentences for p in clauses(s, "ko")]
    kept = [p for p in parts if not _other_ko(standard(normalize(p), keep_length=False))]
    if not kept:
        return None
    whole = [p for s in sentences(text) or [text] for p in clauses(s, "ko")]
    return text if len(kept) == len(whole) else ", ".join(kept)


__all__ = ["asks_back", "not_now", "todays_own", "todays_own_ko", "whose"]
