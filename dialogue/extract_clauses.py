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


__all__ = ["asks_back", "not_now", "todays_own", "whose"]
