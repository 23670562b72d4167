"""The rules of `safety.ko`: an utterance as clauses of Kiwi morphemes, and one function per
concept that adds `Hit`s (a category, a first decision, the tokens that raised it). Scope
(negated, past, someone else, hypothetical) is `safety.ko`'s job, not these rules'.
"""

from __future__ import annotations

from dataclasses import dataclass

from dialogue.analysis import Analysis, Token
from dialogue.safety import Decision
from dialogue.safety import ko_lexicon as L

E, C = Decision.EMERGENCY, Decision.CHECK
_PRED_TAGS = ("VV", "VA", "XR", "VX")
_BOUNDARY_EC = frozenset(
    "고 어서 아서 서 니까 으니까 다가 거나 더니 으나 나 지만 며 으며 자".split()
)


@dataclass
class Clause:
    first: int
    last: int  # inclusive
    sentence: int
    conditional: bool  # ends in -면


@dataclass
class Hit:
    category: str
    decision: Decision
    first: int
    last: int
    rule: str
    soft: bool = True  # may a softener lower it


class Doc:
    def __init__(self, analysis: Analysis) -> None:
        self.a = analysis
        self.t: tuple[Token, ...] = analysis.tokens
        self.clauses = self._split()

    # -- structure ------------------------------------------------------------------------------
    def _split(self) -> list[Clause]:
        out: list[Clause] = []
        start = 0
        t = self.t
        for i, tok in enumerate(t):
            nxt = t[i + 1] if i + 1 < len(t) else None
            end = nxt is None or nxt.sentence != tok.sentence
            cond = False
            if not end and tok.tag == "EC" and nxt is not None and not nxt.tag.startswith("VX"):
                lemma = tok.lemma
                cond = lemma.endswith("면")
                end = cond or lemma.endswith("데") or lemma in _BOUNDARY_EC
                if lemma in ("어", "아") and nxt.lemma == "죽":
                    end = False
            if end:
                out.append(Clause(start, i, tok.sentence, cond))
                start = i + 1
        return out

    def clause_of(self, i: int) -> int:
        for n, c in enumerate(self.clauses):
            if c.first <= i <= c.last:
                return n
        return len(self.clauses) - 1

    def text(self, first: int, last: int) -> str:
        return self.a.span(first, last)

    # -- lookups --------------------------------------------------------------------------------
    def nouns(self, c: Clause, lex: frozenset[str]) -> list[int]:
        return [
            i
            for i in range(c.first, c.last + 1)
            if self.t[i].lemma in lex and self.t[i].tag[:1] in ("N", "S", "M", "I")
        ]

    def preds(self, c: Clause, lex: frozenset[str], negated: bool | None = False) -> list[int]:
        """Predicates of `lex` in clause `c` (verbal nouns such as 기절 count) with the polarity
        asked for (None: either)."""
        out = []
        for i in range(c.first, c.last + 1):
            tok = self.t[i]
            if tok.lemma not in lex:
                continue
            if not (
                tok.tag.startswith(_PRED_TAGS) or (tok.tag.startswith("NN") and len(tok.lemma) > 1)
            ):
                continue
            if negated is None or self.negated(i) == negated:
                out.append(i)
        return out

    def negated(self, i: int) -> bool:
        t = self.t
        neg = False
        j = i - 1
        while j >= 0 and t[j].tag == "MAG" and t[j].lemma in L.SKIPPABLE:
            j -= 1
        if j >= 0 and t[j].tag == "MAG" and t[j].lemma in L.NEGATORS:
            neg = True
        j = i + 1
        while j < len(t) and t[j].sentence == t[i].sentence:
            tok = t[j]
            if tok.tag.startswith("VX") and tok.lemma in L.NEG_AUX:
                neg = not neg
            elif tok.tag == "MAG" and tok.lemma in L.NEGATORS and j + 1 < len(t):
                if t[j + 1].lemma in ("하", "되") or t[j + 1].tag.startswith("VX"):
                    neg = not neg  # 쉬기가 안 돼요, 하지를 못 해요
                    j += 1
            elif tok.tag == "VCN":
                neg = not neg  # 아픈 건 아니에요
            elif (
                tok.tag.startswith("VA")
                and tok.lemma == "없"
                and t[j - 1].tag in ("NNB", "JKS", "JX")
            ):
                neg = not neg  # 쉴 수가 없어요
            elif (
                tok.tag.startswith("VA")
                and tok.lemma in L.DIFFICULT
                and t[j - 1].tag in ("ETN", "JKS")
            ):
                neg = True  # 숨쉬기가 힘들어요
            elif tok.tag.startswith(("VV", "VA", "XR", "NN", "EF", "SF")) and tok.tag != "NNB":
                break
            elif tok.tag == "EC" and j + 1 < len(t) and not t[j + 1].tag.startswith(("VX", "NNB")):
                if not (tok.lemma in ("기", "지") or t[j + 1].lemma in L.NEGATORS):
                    break
            j += 1
        return neg

    def has(self, c: Clause, lex: frozenset[str]) -> int | None:
        for i in range(c.first, c.last + 1):
            if self.t[i].lemma in lex:
                return i
        return None

    def sentence_range(self, s: int) -> tuple[int, int]:
        idx = [i for i, t in enumerate(self.t) if t.sentence == s]
        return idx[0], idx[-1]


# -- rules ------------------------------------------------------------------------------------------
def _pair(d: Doc, c: Clause, nouns, preds, neg, cat, dec, rule, out, soft=True) -> bool:
    ns = d.nouns(c, nouns)
    if not ns:
        return False
    ps = d.preds(c, preds, neg)
    if not ps:
        return False
    first, last = min(ns[0], ps[0]), max(ns[0], ps[0])
    out.append(Hit(cat, dec, first, last, rule, soft))
    return True


def rules(d: Doc, c: Clause, out: list[Hit]) -> None:
    cl = c
    # cardiac
    if d.nouns(cl, L.CHEST):
        tail = d.preds(cl, L.CARDIAC_PAIN)
        emotional = any(
            i + 2 <= cl.last and d.t[i + 1].tag == "ETM" and d.t[i + 2].tag == "NNG" for i in tail
        )
        if not emotional:
            _pair(d, cl, L.CHEST, L.CARDIAC_PAIN, False, "cardiac", E, "chest+pain", out)
        _pair(d, cl, L.CHEST, L.CARDIAC_ODD, False, "cardiac", C, "chest+odd", out)
        _pair(d, cl, frozenset({"심장"}), L.CARDIAC_ARREST, False, "cardiac", E, "heart stops", out)
    # breathing
    _pair(d, cl, L.BREATH, L.BREATH_BAD, False, "breathing", E, "breath+bad", out) or _pair(
        d, cl, L.BREATH, L.BREATH_DO, True, "breathing", E, "breath+cannot", out
    ) or _pair(d, cl, L.BREATH, L.DIFFICULT, False, "breathing", E, "breath+hard", out)
    if d.preds(cl, L.BREATH_NOUN_PRED):
        i = d.preds(cl, L.BREATH_NOUN_PRED)[0]
        out.append(Hit("breathing", E, i, i, "dyspnoea"))
    _pair(d, cl, L.THROAT, L.THROAT_BAD, False, "breathing", C, "throat blocked", out)
    # stroke
    _pair(d, cl, L.SPEECH, L.SPEECH_BAD, False, "stroke", E, "speech+slurred", out) or _pair(
        d, cl, L.SPEECH, L.SPEECH_DO, True, "stroke", E, "speech+cannot", out
    )
    _pair(d, cl, L.FACE, L.FACE_BAD, False, "stroke", E, "face drooping", out)
    if d.nouns(cl, L.LIMB):
        side = bool(d.nouns(cl, L.SIDE)) or bool(d.has(cl, frozenset({"갑자기"})))
        dec = E if side else C
        _pair(d, cl, L.LIMB, L.LIMB_BAD, False, "stroke", dec, "limb weak", out) or _pair(
            d, cl, L.LIMB, L.LIMB_DO, True, "stroke", dec, "limb cannot move", out
        ) or (
            d.nouns(cl, L.STRENGTH)
            and _pair(d, cl, L.LIMB, L.STRENGTH_GONE, False, "stroke", dec, "limb no strength", out)
        ) or _pair(d, cl, L.LIMB, L.LIMB_NUMB, False, "stroke", C, "limb numb", out)
    if d.nouns(cl, L.STROKE_WORDS) and d.preds(cl, frozenset("오 온 걸리 있 같".split())):
        i = d.nouns(cl, L.STROKE_WORDS)[0]
        out.append(
            Hit("stroke", E if not d.preds(cl, frozenset({"같"})) else C, i, i, "stroke word")
        )
    if d.nouns(cl, L.EYES) and d.preds(cl, L.SEE, True):
        sudden = d.has(cl, frozenset({"갑자기"})) is not None
        if sudden or d.nouns(cl, frozenset({"앞", "눈앞", "시야"})):
            _pair(d, cl, L.EYES, L.SEE, True, "stroke", E if sudden else C, "vision lost", out)
    if d.nouns(cl, L.HEAD) and d.preds(cl, L.HEAD_BURST, None):
        dec = E if d.has(cl, frozenset({"갑자기"})) is not None else C
        _pair(d, cl, L.HEAD, L.HEAD_BURST, None, "stroke", dec, "thunderclap headache", out)
    # fall and collapse
    falls = d.preds(cl, L.FALL)
    if falls:
        out.append(Hit("fall", C, falls[0], falls[0], "fell"))
    cannot = d.preds(cl, L.GET_UP, True)
    if cannot:
        out.append(Hit("fall", C, cannot[0], cannot[0], "cannot get up", soft=False))
    if d.nouns(cl, L.HEAD) and d.preds(cl, L.INJURY_HEAD):
        _pair(d, cl, L.HEAD, L.INJURY_HEAD, False, "fall", C, "head injury", out)
    _pair(d, cl, L.BONE, L.BROKEN, False, "fall", C, "broken bone", out)
    coll = d.preds(cl, L.COLLAPSE)
    if coll:
        out.append(Hit("unconscious", E, coll[0], coll[0], "collapsed", soft=False))
    _pair(
        d,
        cl,
        L.CONSCIOUS - {"기억"},
        L.CONSCIOUS_LOST,
        False,
        "unconscious",
        E,
        "lost consciousness",
        out,
        soft=False,
    )
    _pair(
        d,
        cl,
        frozenset({"의식"}),
        frozenset({"없"}),
        False,
        "unconscious",
        E,
        "no consciousness",
        out,
        soft=False,
    )
    _pair(
        d,
        cl,
        L.RESPONSE,
        frozenset({"없"}),
        False,
        "unconscious",
        C,
        "no response",
        out,
        soft=False,
    )
    # bleeding
    if d.nouns(cl, L.BLOOD):
        _pair(d, cl, L.BLOOD, L.BLOOD_STOP, True, "bleeding", E, "blood won't stop", out) or (
            d.has(cl, L.BLOOD_HEAVY) is not None
            and _pair(d, cl, L.BLOOD, L.BLOOD_OUT, False, "bleeding", E, "heavy bleeding", out)
        ) or _pair(d, cl, L.BLOOD, L.BLOOD_OUT, False, "bleeding", C, "bleeding", out)
    _overdose(d, cl, out)
    _suicide(d, cl, out)
    _confusion(d, cl, out)
    _fire(d, cl, out)
    _violence(d, cl, out)
    _starvation(d, cl, out)
    _help(d, cl, out)


def _imperative(d: Doc, i: int) -> bool:
    """Does the predicate at `i` end its sentence as a request (주세요, 줘, 살려)?"""
    for tok in d.t[i + 1 :]:
        if tok.sentence != d.t[i].sentence:
            return True
        if tok.tag == "EF":
            return not tok.lemma.endswith(("어요", "었", "네")) or tok.lemma in ("어", "어요")
        if tok.tag == "EC" and tok.lemma not in ("어", "아", "고"):
            return tok.lemma in ("어", "아")
        if tok.tag == "EP" and tok.lemma in ("었", "았"):
            return False
    return True


def _overdose(d: Doc, c: Clause, out: list[Hit]) -> None:
    meds = [
        i
        for i in range(c.first, c.last + 1)
        if d.t[i].tag.startswith("NN")
        and d.t[i].lemma.endswith("약")
        and d.t[i].lemma not in L.MEDICINE_EXCLUDE
    ]
    poison = d.nouns(c, L.POISON)
    swallow = d.preds(c, L.SWALLOW)
    if not swallow or not (meds or poison):
        return
    p = swallow[0]
    first = min((meds or poison)[0], p)
    if poison and not (d.t[poison[0]].lemma == "수면제" and not d.has(c, L.MANY)):
        out.append(Hit("overdose", E, first, p, "poison swallowed", soft=False))
    elif d.has(c, L.TAKEN_OK) is not None:
        return
    elif d.has(c, L.MANY) is not None or d.has(c, frozenset({"많이"})) is not None:
        out.append(Hit("overdose", E, first, p, "many pills"))
    elif d.has(c, frozenset({"다"})) is not None and d.has(c, frozenset({"버리", "치", "통"})):
        out.append(Hit("overdose", E, first, p, "whole supply"))
    elif d.has(c, L.TWICE) is not None or d.has(c, frozenset({"번"})) is not None:
        out.append(Hit("overdose", C, first, p, "double dose"))


def _follows(d: Doc, i: int, *lemmas: str) -> bool:
    """Tokens after `i` start with `lemmas` (in the same sentence)."""
    t = d.t
    for k, lemma in enumerate(lemmas, start=1):
        if i + k >= len(t) or t[i + k].lemma != lemma or t[i + k].sentence != t[i].sentence:
            return False
    return True


def _wish(d: Doc, i: int) -> int | None:
    """Index of 싶 when the verb at `i` is wished for (죽고 싶어, 죽어 버리고 싶어)."""
    for j in range(i + 1, min(i + 7, len(d.t))):
        if d.t[j].lemma == "싶" and d.t[j].tag.startswith("VX"):
            return j
        if d.t[j].tag in ("EF", "SF") or d.t[j].tag.startswith(("VV", "VA", "NN")):
            return None
    return None


def _suicide(d: Doc, c: Clause, out: list[Hit]) -> None:
    t = d.t
    for i in range(c.first, c.last + 1):
        tok = t[i]
        if not tok.tag.startswith("VV"):
            if tok.lemma in L.SUICIDE_NOUNS and tok.tag.startswith("NN") and not d.negated(i):
                out.append(Hit("suicide", E, i, i, "suicide word", soft=False))
            continue
        idiom = i > 0 and t[i - 1].tag == "EC" and tok.lemma == "죽"
        if tok.lemma == "죽" and not idiom:
            w = _wish(d, i)
            if w is not None and not d.negated(w):
                out.append(Hit("suicide", E, i, w, "wish to die"))
            elif (
                _follows(d, i, "어", "버리")
                or _follows(d, i, "는", "것", "이", "낫")
                or _follows(d, i, "는", "게", "낫")
                or any(
                    t[j].lemma in ("좋", "편하", "낫")
                    for j in range(i + 1, min(i + 5, len(t)))
                    if t[j - 1].lemma.endswith("면")
                )
            ):
                out.append(Hit("suicide", E, i, min(i + 3, c.last), "better dead"))
        elif tok.lemma == "살" and not idiom:
            w = _wish(d, i)
            if w is not None and d.negated(w):
                out.append(Hit("suicide", E, i, w, "not wanting to live"))
            elif _follows(d, i, "기", "싫") or _follows(d, i, "기", "가", "싫"):
                out.append(Hit("suicide", E, i, i + 2, "tired of living"))
            elif t[i + 1 : i + 2] and t[i + 1].tag == "ETM":
                bad = [j for j in range(i + 2, min(i + 7, len(t))) if t[j].lemma in L.LIFE_BAD]
                if bad and not d.negated(bad[0]):
                    out.append(Hit("suicide", C, i, bad[0], "life meaningless"))
        elif tok.lemma in ("사라지", "없어지", "끝내", "따라가", "떠나") and not idiom:
            w = _wish(d, i)
            if w is not None and not d.negated(w):
                strong = tok.lemma in ("사라지", "없어지")
                if strong or d.nouns(
                    c, frozenset("세상 인생 삶 목숨 영감 남편 하늘나라 다".split())
                ):
                    out.append(Hit("suicide", E if strong else C, i, w, "wish to vanish"))
        elif tok.lemma in L.SUICIDE_ACTS or (tok.lemma in ("매", "매달") and d.nouns(c, L.THROAT)):
            if not d.negated(i):
                out.append(Hit("suicide", E, i, i, "suicide act"))


def _confusion(d: Doc, c: Clause, out: list[Hit]) -> None:
    know = d.preds(c, frozenset({"모르"}))
    if know and d.nouns(c, frozenset({"어디"})):
        dec = E if d.nouns(c, frozenset({"여기"})) else C
        out.append(Hit("confusion", dec, c.first, know[0], "where am I"))
    elif know and d.nouns(c, frozenset({"누구"})) and d.nouns(c, L.SELF):
        out.append(Hit("confusion", C, c.first, know[0], "who am I"))
    odd = [i for i in range(c.first, c.last + 1) if d.t[i].lemma in L.CONFUSED_ODD]
    if odd:
        out.append(Hit("confusion", C, odd[0], odd[0], "confused"))
    _pair(d, c, frozenset({"길"}), frozenset({"잃"}), False, "confusion", C, "lost", out)


def _fire(d: Doc, c: Clause, out: list[Hit]) -> None:
    if d.nouns(c, L.FIRE) and not d.preds(c, L.FIRE_OFF, None):
        _pair(d, c, L.FIRE, L.FIRE_ON, False, "fire", E, "fire", out, soft=False)
    _pair(d, c, L.SMOKE, L.SMOKE_ON, False, "fire", E, "smoke", out, soft=False)
    if d.nouns(c, L.GAS) and (d.nouns(c, frozenset({"냄새"})) or d.preds(c, L.GAS_ON)):
        i = d.nouns(c, L.GAS)[0]
        out.append(Hit("fire", E, i, min(i + 2, c.last), "gas", soft=False))
    if d.nouns(c, frozenset({"냄새"})) and d.preds(c, L.BURNING):
        out.append(Hit("fire", E, c.first, c.last, "burning smell", soft=False))


def _violence(d: Doc, c: Clause, out: list[Hit]) -> None:
    who = d.nouns(c, L.INTRUDER) or [
        i for i in range(c.first, c.last + 1) if d.t[i].lemma in ("누구", "낯설", "모르")
    ]
    if who:
        _pair(d, c, L.INTRUDER, L.BREAK_IN, False, "violence", E, "intruder", out, soft=False)
    hit = d.preds(c, L.HIT)
    if hit:
        out.append(Hit("violence", E, hit[0], hit[0], "beaten", soft=False))
    beaten = d.preds(c, L.BEATEN)
    if beaten and (
        d.preds(c, frozenset({"얻어맞", "두들겨맞"}))
        or any(d.t[i].lemma in ("한테", "에게", "한테서") for i in range(c.first, beaten[0]))
    ):
        out.append(Hit("violence", E, c.first, beaten[0], "beaten", soft=False))
    if d.nouns(c, L.WEAPON) and d.preds(c, frozenset("들 휘두르 위협하 찌르 대".split())):
        out.append(Hit("violence", E, c.first, c.last, "weapon", soft=False))


def _starvation(d: Doc, c: Clause, out: list[Hit]) -> None:
    eat_not = d.preds(c, L.EAT - {"굶"}, True) + d.preds(c, frozenset({"굶"}))
    if not eat_not:
        return
    days = d.has(c, L.DAYS) is not None or d.has(c, frozenset({"째"})) is not None
    if days:
        out.append(Hit("starvation", E, c.first, eat_not[0], "days without food"))
    elif d.nouns(c, frozenset({"아무것", "물", "굶"})) or d.t[eat_not[0]].lemma == "굶":
        out.append(Hit("starvation", C, c.first, eat_not[0], "not eating"))


def _help(d: Doc, c: Clause, out: list[Hit]) -> None:
    for i in d.preds(c, L.RESCUE):
        if _imperative(d, i):
            out.append(Hit("help", E, i, i, "save me", soft=False))
    for i in d.preds(c, L.HELP):
        objects = [
            j
            for j in range(c.first, i)
            if d.t[j].tag == "NNG" and d.t[j].lemma not in ("사람", "좀", "누구")
        ]
        if _imperative(d, i) and not objects and _follows(d, i, "어", "주"):
            out.append(Hit("help", E, i, i, "help me", soft=False))
    calls = d.nouns(c, L.CALL)
    do = d.preds(c, L.CALL_DO)
    if calls and do:
        dec = E if _imperative(d, do[0]) else C
        out.append(Hit("help", dec, calls[0], do[0], "call 119", soft=False))
