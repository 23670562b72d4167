"""English emergency findings: concepts over lemmas, combined by rules, then scoped.

The lexicon and rules are data (`en_lexicon`); this module finds concepts, cuts the utterance
into clauses, and asks of every rule that fires: is it negated ("I didn't fall"), past or
resolved ("last month", "but it passed"), someone else's ("my neighbor fell"), hypothetical
or a question ("what if I fall?"), a story ("on the news"), softened ("a bit short of
breath"), or an idiom ("fell asleep", "dying to")? Each answer drops the finding or turns an
emergency into a check; nothing here ever raises a decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dialogue.analysis import Analysis, Token
from dialogue.safety import Decision, Finding
from dialogue.safety import en_lexicon as lx

_CLAUSE_BREAK = frozenset(
    "but though although however because cause so then yet anyway except whereas".split()
)
_SUBJECTS = frozenset("i he she they we it there my his her our their someone somebody".split())
_NO_SPLIT_BEFORE_I = frozenset(
    "that if whether what where when how why who than as like before after until since while "
    "and but because cause so case suppose supposing imagine".split()
)
_MENTAL = frozenset("think believe suppose reckon guess feel say expect".split())
_BE_PRESENT = frozenset("am is are 'm 's 're m s re".split())
_PRESENT = _BE_PRESENT | frozenset("ca can wo will keep keeps have has 've ve do does".split())
_MODALS = frozenset("might may could would should will 'll shall wo".split())
_LIGHT_VERBS = frozenset(
    "be have do get feel experience notice think remember suffer see ever can could will would "
    "seem appear want need ca wo".split()
)
_SCOPE_END = frozenset("well good great fine okay ok alright hungry sleep sleeping".split())
_THING_CATEGORIES = frozenset({"fall", "unconscious"})
_CALLS_FOR_HELP = frozenset(
    "need please get send want someone somebody anyone anybody".split()
)
_STRONG_INTENT = frozenset({"suicide", "violence"})


@dataclass(frozen=True)
class _Occ:
    concept: str
    first: int  # content-token indices, inclusive
    last: int
    used: frozenset[int]  # the tokens the phrase matched (intensifiers skipped are not)


_Seq = tuple[frozenset[str], ...]


@lru_cache(maxsize=1)
def _compiled() -> dict[str, list[tuple[str, _Seq]]]:
    """Phrases by their first word: word -> [(concept, phrase)], longest phrases first."""
    index: dict[str, list[tuple[str, _Seq]]] = {}
    for concept, phrases in [*lx.C.items(), ("SOFT", lx.SOFTENERS)]:
        for phrase in phrases:
            seq = tuple(frozenset(w.split("|")) for w in phrase.split())
            for word in seq[0]:
                index.setdefault(word, []).append((concept, seq))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[1]))
    return index


def _word_is(token: Token, options: frozenset[str]) -> bool:
    return "_" in options or token.lemma in options or token.surface in options


def _match_at(toks: list[Token], i: int, seq: tuple[frozenset[str], ...]) -> list[int] | None:
    used, j = [], i
    for options in seq:
        while j < len(toks) and not _word_is(toks[j], options):
            if toks[j].surface in lx.INTENSIFIERS and used:  # skip "really" inside a phrase
                j += 1
                continue
            return None
        if j >= len(toks):
            return None
        used.append(j)
        j += 1
    return used


class _Utterance:
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
        self.occ: dict[str, list[_Occ]] = {c: [] for c in (*lx.C, "SOFT")}
        index = _compiled()
        for i, t in enumerate(toks):
            done: set[str] = set()  # one occurrence per concept and start: the longest
            entries = index.get(t.lemma, []) + index.get(t.surface, [])
            for concept, seq in sorted(entries, key=lambda e: -len(e[1])):
                if concept in done:
                    continue
                used = _match_at(toks, i, seq)
                if used is not None:
                    done.add(concept)
                    self.occ[concept].append(_Occ(concept, used[0], used[-1], frozenset(used)))

    def _clauses(self) -> list[int]:
        out, c = [], 0
        toks = self.toks
        for i, t in enumerate(toks):
            if i > 0:
                prev = toks[i - 1]
                nxt = toks[i + 1].surface if i + 1 < len(toks) else ""
                if (
                    t.sentence != prev.sentence
                    or t.surface in _CLAUSE_BREAK
                    or (t.surface in ("and", "or") and nxt in _SUBJECTS)
                    or (t.surface == "i" and prev.surface not in _NO_SPLIT_BEFORE_I)
                ):
                    c += 1
            out.append(c)
        return out

    def sentence_of(self, i: int) -> int:
        return self.toks[i].sentence

    def in_clause(self, concept: str, clause: int) -> list[_Occ]:
        return [o for o in self.occ[concept] if self.clause[o.first] == clause]

    def clause_range(self, clause: int) -> list[int]:
        return [i for i, c in enumerate(self.clause) if c == clause]


def _combos(u: _Utterance, rule: lx.Rule) -> list[tuple[_Occ, ...]]:
    """One occurrence per concept of the rule, all in one clause and within its window."""
    out = []
    for first in u.occ[rule.needs[0]]:
        clause = u.clause[first.first]
        chosen = [first]
        for concept in rule.needs[1:]:
            cands = [o for o in u.in_clause(concept, clause) if not (o.used & first.used)]
            if rule.cross:  # "I slipped in the bath | and I can't get out"
                nxt = [o for o in u.in_clause(concept, clause + 1) if o.first > first.last]
                cands += [o for o in nxt if u.toks[o.first].sentence == u.toks[first.first].sentence]
            if not cands:
                break
            chosen.append(min(cands, key=lambda o: abs(u.pos[o.first] - u.pos[first.first])))
        else:
            lo = min(u.pos[o.first] for o in chosen)
            hi = max(u.pos[o.last] for o in chosen)
            if hi - lo <= rule.window:
                out.append(tuple(chosen))
    return out


def _subject(u: _Utterance, start: int, clause: int | None = None) -> str | None:
    """Whose clause it is, looking back from `start`: "self", "other", "thing" or None."""
    clause = u.clause[start] if clause is None else clause
    for i in range(start - 1, -1, -1):
        if u.clause[i] != clause:
            break
        t = u.toks[i]
        if t.surface in lx.PERSON_SELF:
            return "self"
        if t.surface in lx.PERSON_OTHER or t.lemma in lx.RELATIONS:
            return "other"
        if t.surface in ("it", "this", "that") or t.tag == "NOUN":
            return "thing"
        if t.tag == "X":  # a name the dictionary does not know, unless "the tv"
            return "thing" if i > 0 and u.toks[i - 1].tag == "DET" else "other"
    return None


def _patient(u: _Utterance, start: int) -> str:
    who = _subject(u, start)
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
    return _subject(u, first, u.clause[earlier[-1]]) or "self"


def _owner(u: _Utterance, start: int, end: int) -> str | None:
    """Whose body part the finding names: "my chest" -> self, "his chest" -> other."""
    for i in range(max(start - 1, 0), end):
        t, nxt = u.toks[i], u.toks[i + 1]
        if nxt.tag == "NOUN" and nxt.lemma not in lx.RELATIONS:
            if t.surface == "my":
                return "self"
            if t.surface in ("his", "her", "their"):
                return "other"
    return None


def _has(u: _Utterance, concept: str, lo: int, hi: int, skip: frozenset[int] = frozenset()):
    return any(lo <= o.first and o.last <= hi and not (o.used & skip) for o in u.occ[concept])


def _present(u: _Utterance, idx: list[int]) -> bool:
    for i in idx:
        t = u.toks[i]
        if t.surface in _PRESENT and t.lemma != "'s":
            return True
        if t.tag == "VERB" and t.surface == t.lemma + "s":
            return True
        if t.tag == "VERB" and t.surface.endswith("ing") and i > 0:
            if u.toks[i - 1].surface in _BE_PRESENT and u.toks[i - 1].lemma == "be":
                return True
    return False


def _negated(u: _Utterance, combo: tuple[_Occ, ...], idx: list[int]) -> str | None:
    """"cancel", "doubt" (not sure / don't know) or None."""
    used = frozenset().union(*(o.used for o in combo))
    end = max(o.last for o in combo)
    for occ in combo:
        found = _negator_before(u, occ.first, used)
        if found:
            return found
    idx = u.clause_range(u.clause[end])
    after = [i for i in idx if i > end][:3]
    if after and u.toks[after[0]].lemma in ("no", "not", "never", "none"):
        rest = [u.toks[i].surface for i in after[1:]]
        if not rest or rest[0] in ("really", "at", "anymore", "thanks", "thank", "not", "no"):
            return "cancel"
    return None


def _negator_before(u: _Utterance, start: int, used: frozenset[int]) -> str | None:
    """A negator whose scope reaches token `start`: "cancel", "doubt" or None."""
    clause = u.clause[start]
    for i in range(start - 1, -1, -1):
        t = u.toks[i]
        if u.clause[i] != clause or u.pos[start] - u.pos[i] > 5:
            return None
        if i in used:
            continue
        if t.surface in _SCOPE_END and i < start - 1:
            return None
        if t.tag == "VERB" and t.lemma not in _LIGHT_VERBS and t.lemma not in lx.NEGATORS:
            if u.toks[i + 1].surface not in ("and", "or", "nor"):
                return None
        if t.lemma not in lx.NEGATORS:
            continue
        nxt = u.toks[i + 1]
        if t.lemma == "no" and (nxt.tag == "PRON" or nxt.surface in ("no", "yes")):
            continue
        if t.lemma == "not" and nxt.surface in ("only", "just"):
            continue
        if nxt.lemma in ("know", "sure", "certain"):
            return "doubt"
        return "cancel"
    return None


def _scope(u: _Utterance, rule: lx.Rule, combo: tuple[_Occ, ...], state) -> Decision | None:
    decision = Decision(rule.decision)
    start = min(o.first for o in combo)
    end = max(o.last for o in combo)
    used = frozenset().union(*(o.used for o in combo))
    clause = u.clause[start]
    idx = u.clause_range(clause)
    lo, hi = idx[0], idx[-1]
    down = {Decision.EMERGENCY: Decision.CHECK, Decision.CHECK: None}

    # idioms: "fell asleep", "dying to", "stroke of luck"; the clause's own idiom words
    ends = {o.last + 1 for o in combo}
    if any(o.first in ends for c in rule.not_after for o in u.occ[c]):
        return None
    if any(_has(u, c, lo, hi, used) for c in rule.unless):
        return None
    sentence = [i for i, t in enumerate(u.toks) if t.sentence == u.toks[start].sentence]
    if any(_has(u, c, sentence[0], sentence[-1], used) for c in rule.unless_sentence):
        return None
    # negation, also carried from "I don't think | I'm having a heart attack"
    neg = _negated(u, combo, idx)
    if neg == "cancel" or clause in state["neg_carry"]:
        return None
    if neg == "doubt":
        decision = Decision.CHECK
    # hypotheticals, questions, stories
    for o in u.occ["HYPO"]:
        if lo <= o.first < start and not (o.used & used):
            after = u.toks[o.last + 1] if o.last + 1 < len(u.toks) else None
            modal = u.toks[o.first].surface in _MODALS
            if modal and after is not None and after.lemma in ("not", "hardly", "barely"):
                continue
            if modal and rule.category in _STRONG_INTENT:
                if u.toks[o.first].surface not in ("will", "'ll", "ll"):  # intent stays
                    decision = Decision.CHECK
                continue
            return None
    if clause in state["hypo_carry"]:
        return None
    if u.occ["MEDIA"] and not (_patient(u, start) == "self" and _present(u, idx)):
        return None
    if rule.category not in _STRONG_INTENT:
        for o in u.occ["IMMINENT"]:
            if lo <= o.first < start and u.pos[start] - u.pos[o.last] <= 3:
                decision = Decision.CHECK
    if _has(u, "UNSURE", lo, start - 1, used):
        decision = Decision.CHECK
    first_word = u.toks[lo]
    if (
        first_word.surface in ("is", "are", "do", "does", "can", "could", "should", "would",
                               "will", "what", "how", "why", "am")
        and lo + 1 < len(u.toks)
        and u.toks[lo + 1].lemma != "not"
        and lo not in used
        and rule.category != "confusion"
    ):
        decision = down[decision]
        if decision is None:
            return None
    # whose danger
    who = _owner(u, start, end) or _patient(u, start) if rule.who != "place" else "self"
    reported = _has(u, "REPORTED", sentence[0], sentence[-1], used)
    if rule.who == "place" and reported and not _present(u, idx):
        return None
    if rule.who == "agent":
        if _subject(u, start) in ("self", "thing"):
            return None
    elif rule.category == "help" and any(
        u.toks[i].lemma == "help"
        and (u.toks[i].surface != "help" or _subject(u, i) in ("other", "thing"))
        and (i == 0 or u.toks[i - 1].lemma not in _CALLS_FOR_HELP)
        for i in used
    ):
        return None
    elif rule.who == "other" and who != "other":
        return None
    elif rule.who in ("patient", "other"):
        if who == "thing" and rule.category in _THING_CATEGORIES:
            return None
        if who == "other":
            acute = _has(u, "ACUTE", lo, hi) or _present(u, idx)
            here = _has(u, "HERE", sentence[0], sentence[-1], used)
            if not here and (reported or state["distant"][clause]):
                return None
            if not here and not acute:
                if state["recent"][clause] or rule.category not in ("overdose", "unconscious"):
                    return None
                decision = Decision.CHECK
        elif reported and who == "thing" and not _present(u, idx):
            return None  # "I heard the man at number 12 was mugged"
    # time: long ago, earlier today, and "but it passed"
    acute = _has(u, "ACUTE", lo, hi, frozenset()) or _present(u, idx)
    if state["distant"][clause] and not _has(u, "STILL", lo, hi):
        return None
    if state["recent"][clause] and not acute:
        decision = Decision.CHECK
    had = any(u.toks[i].surface == "had" for i in range(lo, start))
    if had and rule.category in ("stroke", "cardiac") and not acute:
        decision = Decision.CHECK
    for o in u.occ["RESOLVED"]:
        if o.first > end and not (o.used & state["hit_tokens"]):
            if o.first > 0 and u.toks[o.first - 1].surface in ("was", "were"):
                continue  # "he was fine this morning": before, not after
            if _negator_before(u, o.first, frozenset()):
                continue
            if _present(u, idx) and _has(u, "ACUTE", lo, hi):
                break
            if _present(u, idx):
                decision = down[decision]
                if decision is None:
                    return None
                break
            return None
    # softened or nearly: "a bit short of breath", "I nearly fainted"
    near = any(u.toks[i].surface in ("nearly", "almost") for i in range(max(lo, start - 2), start))
    soft = rule.soft and any(
        u.pos[start] - u.pos[o.last] <= 3 and o.last < start or start <= o.first <= end
        for o in u.occ["SOFT"]
        if lo <= o.first
    )
    if near or soft:
        decision = down[decision]
    return decision


def _state(u: _Utterance) -> dict:
    n = (max(u.clause) + 1) if u.clause else 0
    neg_carry, hypo_carry = set(), set()
    distant, recent = [False] * n, [False] * n
    for c in range(n):
        idx = u.clause_range(c)
        words = [u.toks[i] for i in idx]
        lemmas = [t.lemma for t in words]
        if "not" in lemmas and words[-1].lemma in _MENTAL:
            neg_carry.add(c + 1)
        starts = ("if", "what", "in", "unless", "suppose", "supposing", "imagine", "say")
        if _has(u, "HYPO", idx[0], idx[-1]) and lemmas[0] in starts:
            if not any(o.first in idx for o in u.occ["HELPME"]):
                hypo_carry.add(c + 1)
        distant[c] = _has(u, "DISTANT", idx[0], idx[-1]) or any(
            t.surface.isdigit() and len(t.surface) == 4 and t.surface[:2] in ("19", "20")
            for t in words
        )
        recent[c] = _has(u, "RECENT", idx[0], idx[-1])
        if c > 0 and not (distant[c] or recent[c]) and not _present(u, idx):
            prev = u.clause_range(c - 1)
            if u.toks[prev[0]].sentence == words[0].sentence:
                distant[c], recent[c] = distant[c - 1], recent[c - 1]
    return {
        "neg_carry": neg_carry,
        "hypo_carry": hypo_carry,
        "distant": distant,
        "recent": recent,
        "hit_tokens": frozenset(),
    }


def findings(analysis: Analysis) -> list[Finding]:
    u = _Utterance(analysis)
    if not u.toks:
        return []
    state = _state(u)
    fired = [(rule, combo) for rule in lx.RULES for combo in _combos(u, rule)]
    state["hit_tokens"] = frozenset().union(*(o.used for _, c in fired for o in c))
    out: list[Finding] = []
    seen: set[tuple[str, int]] = set()
    for rule, combo in fired:
        decision = _scope(u, rule, combo, state)
        if decision is None:
            continue
        first = min(o.first for o in combo)
        last = max(o.last for o in combo)
        key = (rule.category, first)
        if key in seen and decision == Decision.CHECK:
            continue
        seen.add(key)
        a, b = u.toks[first], u.toks[last]
        evidence = analysis.text[a.start : b.end]
        out.append(Finding(rule.category, decision, evidence, f"en:{rule.name}"))
    return out
