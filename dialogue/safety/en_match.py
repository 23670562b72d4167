"""Finding the English detector's concepts in an utterance: phrases over lemmas, clauses, whose
clause it is (the speaker, someone else, a thing) and whether it speaks in the present.

Used by `dialogue.safety.en`, which decides what the concepts found mean.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dialogue.analysis import Analysis, Token
from dialogue.safety import en_lexicon as lx
from dialogue.safety.en_concepts import C
from dialogue.safety.en_redflags import ASR_ALIASES

_CLAUSE_BREAK = frozenset(
    "but though although however because cause so then yet anyway except whereas".split()
)
_SUBJECTS = frozenset("i he she they we it there my his her our their someone somebody".split())
_NO_SPLIT_BEFORE_I = frozenset(
    "that if whether what where when how why who than as like before after until since while "
    "and but because cause so case suppose supposing imagine".split()
)
_NEW_SUBJECTS = frozenset("he she they there".split())  # "i don't know | he's not breathing"
_BE_PRESENT = frozenset("am is are 'm 's 're m s re".split())
_PRESENT = _BE_PRESENT | frozenset("ca can wo will keep keeps have has 've ve do does".split())


@dataclass(frozen=True)
class Occ:
    concept: str
    first: int  # content-token indices, inclusive
    last: int
    used: frozenset[int]  # the tokens the phrase matched (intensifiers skipped are not)


_Seq = tuple[frozenset[str], ...]


@lru_cache(maxsize=1)
def _compiled() -> dict[str, list[tuple[str, _Seq]]]:
    """Phrases by their first word: word -> [(concept, phrase)], longest phrases first."""
    index: dict[str, list[tuple[str, _Seq]]] = {}
    for concept, phrases in [*C.items(), ("SOFT", lx.SOFTENERS)]:
        for phrase in phrases:
            seq = tuple(frozenset(w.split("|")) for w in phrase.split())
            for word in seq[0]:
                index.setdefault(word.lstrip("="), []).append((concept, seq))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[1]))
    return index


@lru_cache(maxsize=65536)
def _entries(lemma: str, surface: str) -> tuple[tuple[str, _Seq], ...]:
    """The phrases that may start at a word, longest first, each once (cached per word)."""
    index = _compiled()
    keys = dict.fromkeys((lemma, surface, ASR_ALIASES.get(surface, "")))
    entries = {e: None for key in keys for e in index.get(key, [])}
    return tuple(sorted(entries, key=lambda e: -len(e[1])))


def _keys(token: Token) -> frozenset[str]:
    """What a phrase word may be to match this token: its lemma, the word as said (`=word`
    matches only that: "=get" is not "got"), the word a recogniser slip stands for ("chess
    pain", "past out"), or `_` (any word)."""
    alias = ASR_ALIASES.get(token.surface)
    keys = {"_", token.lemma, token.surface, "=" + token.surface}
    return frozenset((*keys, alias) if alias else keys)


def _match_at(
    keys: list[frozenset[str]], skip: list[bool], i: int, seq: tuple[frozenset[str], ...]
) -> list[int] | None:
    used, j, n = [], i, len(keys)
    for options in seq:
        while j < n and keys[j].isdisjoint(options):
            if skip[j] and used:  # skip "really" inside a phrase
                j += 1
                continue
            return None
        if j >= n:
            return None
        used.append(j)
        j += 1
    return used


# after a negator, words of ability that add nothing: "I'm not able to / don't seem to be able
# to / didn't manage to get up" all match "not get up"
_ABILITY = (
    ("seem", "to", "be", "able", "to"),
    ("be", "able", "to"),
    ("able", "to"),
    ("seem", "to"),
    ("manage", "to"),
)


def _skip_ability(toks, skip: list[bool]) -> None:
    lemmas = [t.lemma for t in toks]
    for i, lemma in enumerate(lemmas):
        if lemma not in ("not", "never") or (i and lemmas[i - 1] in ("can", "ca", "could")):
            continue  # "can't seem to" has phrases of its own
        for words in _ABILITY:
            if tuple(lemmas[i + 1 : i + 1 + len(words)]) == words and i + 1 + len(words) < len(
                toks
            ):
                for k in range(i + 1, i + 1 + len(words)):
                    skip[k] = True
                break


class Utterance:
    """Content tokens, their clauses and the concepts found in them."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.toks = [t for t in analysis.tokens if t.surface not in lx.FILLERS]
        toks = self.toks
        self.pos, n = [], 0  # distances do not count intensifiers
        for t in toks:
            self.pos.append(n)
            n += t.surface not in lx.INTENSIFIERS
        self.clause = self._clauses()
        self.occ: dict[str, list[Occ]] = {c: [] for c in (*C, "SOFT")}
        keys = [_keys(t) for t in toks]
        skip = [t.surface in lx.INTENSIFIERS for t in toks]
        _skip_ability(toks, skip)  # "not able to get up" is "not get up"
        for i, t in enumerate(toks):
            done: set[str] = set()  # one occurrence per concept and start: the longest
            for concept, seq in _entries(t.lemma, t.surface):
                if concept in done:
                    continue
                used = _match_at(keys, skip, i, seq)
                if used is not None:
                    done.add(concept)
                    self.occ[concept].append(Occ(concept, used[0], used[-1], frozenset(used)))

    def _clauses(self) -> list[int]:
        out, c = [], 0
        toks = self.toks
        for i, t in enumerate(toks):
            if i > 0:
                prev = toks[i - 1]
                nxt = toks[i + 1].surface if i + 1 < len(toks) else ""
                if (
                    t.sentence != prev.sentence
                    or (
                        t.surface in _CLAUSE_BREAK
                        and not (t.surface == "but" and prev.tag == "PRON")  # "nothing but"
                        and not (t.surface == "so" and nxt not in _SUBJECTS)  # "so much"
                    )
                    or (t.surface in ("and", "or") and nxt in _SUBJECTS)
                    or (
                        t.surface in _NEW_SUBJECTS
                        and prev.tag in ("ADV", "ADJ", "NOUN", "X", "VERB")
                        and prev.surface not in _NO_SPLIT_BEFORE_I
                    )
                    or (t.surface == "i" and prev.surface not in _NO_SPLIT_BEFORE_I)
                ):
                    c += 1
            out.append(c)
        return out

    def sentence_of(self, i: int) -> int:
        return self.toks[i].sentence

    def in_clause(self, concept: str, clause: int) -> list[Occ]:
        return [o for o in self.occ[concept] if self.clause[o.first] == clause]

    def clause_range(self, clause: int) -> list[int]:
        return [i for i, c in enumerate(self.clause) if c == clause]


def combos(u: Utterance, rule: lx.Rule) -> list[tuple[Occ, ...]]:
    """One occurrence per concept of the rule, all in one clause and within its window."""
    out = []
    for first in u.occ[rule.needs[0]]:
        clause = u.clause[first.first]
        chosen = [first]
        for concept in rule.needs[1:]:
            cands = [o for o in u.in_clause(concept, clause) if not (o.used & first.used)]
            if rule.ordered:
                cands = [o for o in cands if o.first > chosen[-1].last]
            if rule.sentence:  # a long answer: anywhere in the sentence, within the window
                sent = u.toks[first.first].sentence
                cands = [
                    o
                    for o in u.occ[concept]
                    if u.toks[o.first].sentence == sent and not (o.used & first.used)
                ]
            if rule.cross:  # "I slipped in the bath | and I can't get out"
                nxt = [o for o in u.in_clause(concept, clause + 1) if o.first > first.last]
                cands += [
                    o for o in nxt if u.toks[o.first].sentence == u.toks[first.first].sentence
                ]
            if not cands:
                break
            chosen.append(min(cands, key=lambda o: abs(u.pos[o.first] - u.pos[first.first])))
        else:
            lo = min(u.pos[o.first] for o in chosen)
            hi = max(u.pos[o.first] for o in chosen)  # between the starts
            if len(chosen) == 1 or hi - lo <= rule.window:
                out.append(tuple(chosen))
    return out


def subject(u: Utterance, start: int, clause: int | None = None) -> str | None:
    """Whose clause it is, looking back from `start`: "self", "other", "thing" or None."""
    clause = u.clause[start] if clause is None else clause
    for i in range(start - 1, -1, -1):
        if u.clause[i] != clause:
            break
        t = u.toks[i]
        if t.surface in ("me", "us", "myself"):
            continue  # an object: "he hits me", "help me"
        before = u.toks[i - 1] if i > 0 else None
        if t.tag == "NOUN" and t.lemma not in lx.RELATIONS and before is not None:
            if before.tag in ("ADP", "VERB") or (
                before.tag in ("DET", "PRON") and i > 1 and u.toks[i - 2].tag in ("ADP", "VERB")
            ):  # "stole my bag and pushed me": the bag is what was done to, not who did it
                continue  # "in the kitchen", "hit my head": not who it happens to
        if t.surface in lx.PERSON_SELF:
            return "self"
        if t.surface in lx.PERSON_OTHER or t.lemma in lx.RELATIONS:
            return "other"
        if t.surface in ("it", "this", "that") or t.tag == "NOUN":
            return "thing"
        if t.tag == "X":  # a name the dictionary does not know, unless "the tv"
            return "thing" if i > 0 and u.toks[i - 1].tag == "DET" else "other"
    return None


def patient(u: Utterance, start: int) -> str:
    who = subject(u, start)
    if who is not None:
        return who
    clause = u.clause[start]
    first = u.clause_range(clause)[0]
    if u.toks[first].surface == "i":
        return "self"
    # "my husband collapsed, won't wake up": the clause before says who
    earlier = [i for i in range(first) if u.toks[i].sentence == u.toks[first].sentence]
    if not earlier:
        return "self"
    return subject(u, first, u.clause[earlier[-1]]) or "self"


def owner(u: Utterance, start: int, end: int) -> str | None:
    """Whose body part the finding names: "my chest" -> self, "his chest" -> other."""
    for i in range(max(start - 1, 0), end):
        t, nxt = u.toks[i], u.toks[i + 1]
        if nxt.lemma in lx.BODY or nxt.surface in lx.BODY:
            if t.surface == "my":
                return "self"
            if t.surface in ("his", "her", "their"):
                return "other"
    return None


def has(u: Utterance, concept: str, lo: int, hi: int, skip: frozenset[int] = frozenset()):
    return any(lo <= o.first and o.last <= hi and not (o.used & skip) for o in u.occ[concept])


def present(u: Utterance, idx: list[int]) -> bool:
    for i in idx:
        t = u.toks[i]
        if t.surface in _PRESENT and t.lemma != "'s":
            return True
        if t.tag == "VERB" and t.surface == t.lemma + "s" and i > 0:
            if u.toks[i - 1].tag in (
                "NOUN",
                "PRON",
                "X",
                "ADV",
            ):  # "my chest hurts", not "about strokes"
                return True
        if t.tag == "VERB" and t.surface.endswith("ing") and i > 0:
            before = u.toks[i - 1]  # "my husband's clutching", or with the 's lost: "husbands"
            if before.lemma in lx.RELATIONS or before.surface in ("he", "she", "they"):
                return True
            if u.toks[i - 1].surface in _BE_PRESENT and u.toks[i - 1].lemma == "be":
                return True
    return False


_UNABLE = frozenset("can could will would".split())
_PAST_FORMS = frozenset("was were had did could went came took fell got".split())


def past(u: Utterance, idx: list[int]) -> bool:
    """A verb in the past tense among tokens `idx` ("had", "collapsed", "fell")."""
    for i in idx:
        t = u.toks[i]
        if t.tag == "VERB" and (t.surface in _PAST_FORMS or t.surface.endswith("ed")):
            return True
    return False


def denied(u: Utterance, combo: tuple[Occ, ...]) -> bool:
    """The fallback's words are broad: any negator earlier in their clause denies them."""
    used = frozenset().union(*(o.used for o in combo))
    start = min(o.first for o in combo)
    lo = u.clause_range(u.clause[start])[0]
    return any(
        u.toks[i].lemma in lx.NEGATORS
        and not (i > 0 and u.toks[i - 1].lemma in _UNABLE)  # "can't fill my lungs": trouble
        and u.pos[start] - u.pos[i] <= 4  # "I don't understand, the clock doesn't mean..."
        for i in range(lo, start)
        if i not in used
    )
