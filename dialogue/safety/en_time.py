"""Small scope shapes of the English detector: a fall that is over (dated by RECENT), a "gone"
that goes on into a place or state, and a "when" under a question about what one does."""

from __future__ import annotations

from dialogue.safety.en_match import Occ, Utterance, has

_TIME_CONJ = frozenset("since when after before until till".split())

_ACHE = frozenset("hip wrist hurt hurts hurting sore stair stairs bad nasty".split())
_OVER = frozenset("yesterday ago".split())


def fall_over(u: Utterance, combo: tuple[Occ, ...]) -> bool:
    """A fall with only an ache beside it, told as when the ache began or as a fall that is over:
    dated by the scope concept RECENT ("this morning", "earlier", "last night", "the other day",
    "over the weekend") or by "yesterday"/"ago". The caller is up and telling it; the ache may
    still be a fracture, so it is one question (`check`), never `none`; being stuck, the floor,
    the head or blood are not ache words and stay an emergency."""
    fall = [o for o in combo if o.concept == "FALL"]
    other = [o for o in combo if o.concept != "FALL"]
    if (
        not fall
        or not other
        or any(not {u.toks[i].surface for i in o.used} <= _ACHE for o in other)
    ):
        return False
    f = fall[0].first
    as_time = any(u.toks[i].surface in _TIME_CONJ for i in range(max(0, f - 2), f))
    sentence = u.toks[f].sentence
    idx = [i for i, t in enumerate(u.toks) if t.sentence == sentence]
    said_over = any(u.toks[i].surface in _OVER for i in idx) or has(u, "RECENT", idx[0], idx[-1])
    return as_time or said_over


# after "gone": where or into what it went, so the thing is worse, not over
_GONE_ON = frozenset(
    "through into in up down all right black blue grey gray white purple numb cold dead "
    "everywhere over on out funny weird wrong worse bad tight stiff floppy limp".split()
)


def gone_on(u: Utterance, o: Occ) -> bool:
    """A resolution phrase ending in "gone"/"went" that goes on into a place or a state."""
    if u.toks[o.last].lemma != "go" or o.last + 1 >= len(u.toks):
        return False
    nxt = u.toks[o.last + 1]
    return nxt.sentence == u.toks[o.last].sentence and nxt.surface in _GONE_ON


_WH = frozenset("who what how where which whom".split())
_ASK_AUX = frozenset("do does did should would can could".split())
_WHEN = frozenset("when whenever".split())
_NOW_SAID = frozenset("now still currently moment minute this help please".split())


def asked_when(u: Utterance, lo: int, start: int, first: int, last: int) -> bool:
    """A "when" clause under a question about what one does or knows ("what do you do when you
    smell smoke", "how do I know when it's a stroke"): a general case, not this moment; but
    "what do I do when it's this tight, it's hurting now" is now (ACUTE, "this")."""
    if any(u.toks[i].surface in _NOW_SAID for i in range(first, last + 1)):
        return False
    if not any(u.toks[i].surface in _WHEN for i in range(max(lo, first + 2), start + 1)):
        return False
    w = u.toks[first]
    nxt = u.toks[first + 1] if first + 1 < len(u.toks) else None
    return w.surface in _WH and nxt is not None and nxt.surface in _ASK_AUX


# what ties a story to its plot: "a programme about", "a book where/in which"
_STORY_LINK = frozenset("about where which wherein".split())
_FIRST_PERSON = frozenset("i me my 'm".split())


def story_plot(u: Utterance, media: Occ, start: int) -> bool:
    """A finding told as the plot of a story ("a programme about heart attacks", "a book where
    the lady takes poison"); not when the caller steps in ("a film where I fell asleep")."""
    return u.toks[media.last].surface in _STORY_LINK and not any(
        u.toks[i].surface in _FIRST_PERSON for i in range(media.last + 1, start)
    )


# verbs of going without: negated, they say the thing was had ("haven't missed a meal")
_PRIVATIVE = frozenset("miss skip forget lack".split())
_NEG_FILLER = frozenset("have 've be do ever once really even yet".split())


def negated_lack(u: Utterance, combo: tuple[Occ, ...], end: int) -> bool:
    """A rule's own negation whose verb is one of going without: two negatives, nothing lacked."""
    for o in combo:
        if o.concept != "NEG":
            continue
        j = o.last + 1
        while j < end and u.toks[j].lemma in _NEG_FILLER:
            j += 1
        if j <= end and u.toks[j].lemma in _PRIVATIVE and j not in o.used:
            return True
    return False


_WHEN_IF = frozenset("when if once whenever".split())
_LEARN = frozenset("hear find see know learn notice discover".split())


def figure_of_speech(u: Utterance, end: int, hi: int) -> bool:
    """A threat that waits on someone learning of a thing ("she'll kill me when she hears I
    went up the ladder", "he'll murder me if he finds out"): a figure of speech."""
    for i in range(end + 1, hi + 1):
        if u.toks[i].surface in _WHEN_IF:
            return any(u.toks[j].lemma in _LEARN for j in range(i + 1, min(i + 4, hi + 1)))
    return False


def thing_confuses(u: Utterance, used: frozenset[int]) -> bool:
    """ "It confuses me", "the new pills confuse me": a thing as the one that confuses, an
    everyday puzzle; "I'm confused", "he's confused" stay."""
    for i in used:
        t = u.toks[i]
        if t.lemma == "confuse" and t.surface in ("confuses", "confuse", "confused"):
            nxt = u.toks[i + 1] if i + 1 < len(u.toks) else None
            prev = u.toks[i - 1] if i > 0 else None
            if nxt is not None and nxt.surface == "me" and (prev is None or prev.lemma != "be"):
                return True
    return False
