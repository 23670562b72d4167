"""Time and carried scope per clause for the English detector (`dialogue.safety.en`): is a
clause dated long ago or earlier today (or does it take its sentence's time), and does a
"I don't think" or an "if" carry into the next clause."""

from __future__ import annotations

from dialogue.safety.en_match import Utterance, has, present

_MENTAL = frozenset("think believe suppose reckon guess feel say expect".split())


def _dated(u: Utterance, concept: str, idx: list[int]) -> bool:
    """A time marker in the clause, not a duration ("since last week", "for days")."""
    for o in u.occ[concept]:
        if idx[0] <= o.first <= idx[-1]:
            before = [u.toks[k].surface for k in range(max(idx[0], o.first - 4), o.first)]
            if "since" in before:  # "since the funeral last week": a duration
                continue
            if o.first > 0 and u.toks[o.first - 1].surface in ("since", "for", "all", "at"):
                continue
            return True
    return False


def _state(u: Utterance) -> dict:
    n = (max(u.clause) + 1) if u.clause else 0
    neg_carry, hypo_carry = set(), set()
    distant, recent, own = [False] * n, [False] * n, [False] * n
    for c in range(n):
        idx = u.clause_range(c)
        words = [u.toks[i] for i in idx]
        lemmas = [t.lemma for t in words]
        if "not" in lemmas and words[-1].lemma in _MENTAL:
            neg_carry.add(c + 1)
        starts = ("if", "what", "in", "unless", "suppose", "supposing", "imagine", "say")
        if has(u, "HYPO", idx[0], idx[-1]) and lemmas[0] in starts:
            if not any(o.first in idx for o in u.occ["HELPME"]):
                hypo_carry.add(c + 1)
        distant[c] = (
            _dated(u, "DISTANT", idx)
            or any(  # "in 2015", not "thinks it's 1960"
                t.surface.isdigit()
                and len(t.surface) == 4
                and t.surface[:2] in ("19", "20")
                and k > 0
                and words[k - 1].surface in ("in", "since", "of", "around", "about")
                for k, t in enumerate(words)
            )
        )
        recent[c] = _dated(u, "RECENT", idx)
        own[c] = distant[c] or recent[c]
    for c in range(n):  # a clause with no time of its own takes its sentence's
        idx = u.clause_range(c)
        if distant[c] or recent[c] or present(u, idx):
            continue
        same = [
            d for d in range(n) if u.toks[u.clause_range(d)[0]].sentence == u.sentence_of(idx[0])
        ]
        for d in sorted(same, key=lambda d: abs(d - c)):
            if own[d]:
                distant[c], recent[c] = distant[d], recent[d]
                break
    return {
        "neg_carry": neg_carry,
        "hypo_carry": hypo_carry,
        "distant": distant,
        "recent": recent,
        "hit_tokens": frozenset(),
    }
