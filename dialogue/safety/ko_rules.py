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
                cond = lemma.endswith("면") and nxt.lemma not in ("좋", "하", "싶", "바라")
                end = (
                    cond
                    or lemma.endswith(("데", "요", "면서", "더니"))
                    or lemma in _BOUNDARY_EC
                    or nxt.tag in ("SP", "SF")
                )
                if lemma in ("어", "아") and nxt.lemma == "죽":
                    end = False
            if end:
                out.append(Clause(start, i, tok.sentence, cond))
                start = i + 1
        return out

    def previous(self, c: Clause) -> Clause | None:
        """The clause before `c` in the same sentence."""
        n = self.clauses.index(c)
        if n > 0 and self.clauses[n - 1].sentence == c.sentence:
            return self.clauses[n - 1]
        return None

    def sentence_has(self, c: Clause, lex: frozenset[str]) -> bool:
        s0, s1 = self.sentence_range(c.sentence)
        return any(self.t[j].lemma in lex for j in range(s0, s1 + 1))

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
            verbal = (tok.tag.startswith("NN") and len(tok.lemma) > 1) or (
                tok.tag == "MAG" and i + 1 < len(self.t) and self.t[i + 1].tag.startswith("XS")
            )  # 기절(하), 가득(해요)
            if not (tok.tag.startswith(_PRED_TAGS) or verbal):
                continue
            if self.figurative(i) or self.prohibited(i):
                continue
            if negated is None or self.negated(i) == negated:
                out.append(i)
        return out

    def by_mistake(self, j: int) -> bool:
        """잘못 (by mistake), which Kiwi may split into 잘 + 못."""
        t = self.t
        return (
            t[j].lemma == "못" and j > 0 and t[j - 1].lemma == "잘" and t[j - 1].end == t[j].start
        )

    def prohibited(self, i: int) -> bool:
        """하지 마: a request not to, not an event."""
        t = self.t
        for j in range(i + 1, min(i + 4, len(t))):
            if t[j].lemma == "말" and t[j].tag.startswith("VX"):
                return True
            if not t[j].tag.startswith(("E", "J")):
                return False
        return False

    def figurative(self, i: int) -> bool:
        """쓰러지듯이 잤어, 찢어지는 줄 알았어요, 죽는 줄 알았어: a simile, not an event."""
        t = self.t
        for j in range(i + 1, min(i + 5, len(t))):
            lemma, tag = t[j].lemma, t[j].tag
            if tag == "EC" and lemma in ("듯이", "듯", "듯하"):
                return True
            if lemma == "줄" and tag == "NNB" and any(x.lemma == "알" for x in t[j + 1 : j + 4]):
                return True
            if lemma in ("처럼", "같이") and tag.startswith("J"):
                return True
            if not tag.startswith(("E", "VX", "NNB", "J", "XS")):
                return False
        return False

    def negated(self, i: int) -> bool:
        t = self.t
        neg = False
        j = i - 1
        while j >= 0 and t[j].tag == "MAG" and t[j].lemma in L.SKIPPABLE:
            j -= 1
        if j >= 0 and t[j].tag == "MAG" and t[j].lemma in L.NEGATORS and not self.by_mistake(j):
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


# -- rules ---------------------------------------------------------------------------------------
def _pair(d: Doc, c: Clause, nouns, preds, neg, cat, dec, rule, out, soft=True) -> bool:
    ns = d.nouns(c, nouns)
    if not ns:
        prev = d.previous(c)
        ns = d.nouns(prev, nouns) if prev is not None else []
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
        emotional = emotional or any(x.lemma in L.FEELINGS for x in d.t)
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
    prev = d.previous(cl)
    if d.nouns(cl, L.LIMB) or (prev is not None and d.nouns(prev, L.LIMB)):
        sudden = d.sentence_has(cl, frozenset({"갑자기"}))
        side = sudden or d.sentence_has(cl, L.SIDE)
        dec = E if side else C
        _pair(d, cl, L.LIMB, L.LIMB_BAD, False, "stroke", dec, "limb weak", out) or _pair(
            d, cl, L.LIMB, L.LIMB_DO, True, "stroke", dec, "limb cannot move", out
        ) or (
            d.nouns(cl, L.STRENGTH)
            and (
                _pair(d, cl, L.LIMB, L.STRENGTH_GONE, False, "stroke", dec, "limb weak", out)
                or _pair(d, cl, L.LIMB, L.STRENGTH_IN, True, "stroke", dec, "limb weak", out)
            )
        ) or (
            side
            and _pair(d, cl, L.LIMB, L.LIMB_NUMB, False, "stroke", E if sudden else C, "numb", out)
        )
        if (
            d.has(cl, frozenset({"아니"})) is not None
            and d.nouns(cl, L.LIMB)
            and d.nouns(cl, L.SELF)
        ):
            out.append(
                Hit("stroke", C, cl.first, cl.last, "limb not mine")
            )  # 내 다리가 아닌 것 같아
    if d.nouns(cl, L.STROKE_WORDS) and d.preds(cl, frozenset("오 온 걸리 있 같".split())):
        i = d.nouns(cl, L.STROKE_WORDS)[0]
        out.append(
            Hit("stroke", E if not d.preds(cl, frozenset({"같"})) else C, i, i, "stroke word")
        )
    if d.nouns(cl, L.EYES) and d.preds(cl, L.SEE, True):
        sudden = d.has(cl, frozenset({"갑자기"})) is not None
        if sudden or d.nouns(cl, frozenset({"앞", "눈앞", "시야"})):
            _pair(d, cl, L.EYES, L.SEE, True, "stroke", E if sudden else C, "vision lost", out)
    burst = [i for i in range(cl.first, cl.last + 1) if d.t[i].lemma in L.HEAD_BURST]
    if d.nouns(cl, L.HEAD) and burst:  # 머리가 깨질 것처럼 아파요 (a simile, but the pain is real)
        sudden = d.has(cl, frozenset({"갑자기"})) or d.sentence_has(cl, frozenset({"처음"}))
        out.append(Hit("stroke", E if sudden else C, cl.first, burst[0], "thunderclap headache"))
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
    _pair(d, cl, L.CONSCIOUS, L.CONSCIOUS_DIM, False, "unconscious", E, "blacking out", out)
    _pair(d, cl, frozenset({"눈앞", "앞", "눈"}), L.DARK, False, "unconscious", C, "dark", out)
    came_to = d.preds(cl, frozenset({"차리", "뜨"}))
    if came_to and _follows(d, came_to[0], "어", "보"):  # 정신 차려 보니 바닥이었어요
        out.append(Hit("unconscious", E, cl.first, came_to[0], "came to", soft=False))
    limp = d.preds(cl, frozenset({"늘어지", "처지"}))
    if limp and d.has(cl, frozenset({"축"})) is not None:
        out.append(Hit("unconscious", E, limp[0], limp[0], "limp", soft=False))
    _pair(d, cl, frozenset({"눈"}), frozenset({"뜨"}), True, "unconscious", C, "eyes shut", out)
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
        ) or _pair(d, cl, L.BLOOD, L.POOLED, False, "bleeding", E, "pool of blood", out) or (
            d.has(cl, L.SOFTENERS) is None
            and _pair(d, cl, L.BLOOD, L.BLOOD_OUT, False, "bleeding", C, "bleeding", out)
        )
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
        and (d.t[i].lemma.endswith("약") or d.t[i].lemma in L.MEDICINES)
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
    elif d.has(c, L.MANY) is not None or d.has(c, frozenset({"많이"})) is not None or _pills(d, c):
        out.append(Hit("overdose", E, first, p, "many pills"))
    elif d.has(c, frozenset({"다"})) is not None and d.has(c, frozenset({"버리", "치", "통"})):
        out.append(Hit("overdose", E, first, p, "whole supply"))
    elif (
        d.has(c, L.TWICE) is not None
        or any(
            d.t[j].lemma in ("두", "세", "2", "3") and d.t[j + 1].lemma in ("번", "배", "알", "봉")
            for j in range(c.first, c.last)
        )
        or any(d.by_mistake(j) for j in range(c.first, c.last + 1))
    ):
        out.append(Hit("overdose", C, first, p, "double dose"))


def _intent(d: Doc, i: int) -> bool:
    """죽으려고요, 죽을래, 죽을 거야: an intention."""
    nxt = d.t[i + 1 : i + 3]
    if nxt and nxt[0].lemma in ("으려고", "려고", "ᆯ래", "을래", "으련다", "련다"):
        return True
    return (
        len(nxt) == 2
        and nxt[0].tag == "ETM"
        and nxt[1].lemma in ("거", "것")
        and nxt[0].lemma in ("ᆯ", "을")
    )


def _pills(d: Doc, c: Clause) -> bool:
    """A count of pills far above a dose: 열 알, 10알, 여러 알, 한 주먹."""
    t = d.t
    for i in range(c.first, c.last):
        if t[i + 1].lemma in ("알", "정", "봉지", "통", "개") and t[i].tag in ("NR", "SN", "MM"):
            if t[i].lemma not in ("한", "하나", "두", "둘", "1", "2", "반"):
                return True
    return False


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


def _better(d: Doc, i: int) -> int | None:
    """Index of 낫/좋/편하 when the verb at `i` is called better: 죽는 게 낫지, 죽었으면 좋겠어,
    없어지는 게 다들 편할 거예요, 안 깼으면 좋겠어요."""
    t = d.t
    for j in range(i + 1, min(i + 9, len(t))):
        if t[j].sentence != t[i].sentence or t[j].tag == "SF":
            return None
        if t[j].lemma in ("낫", "좋", "편하", "편") and t[j].tag.startswith(
            ("VA", "VV", "NN", "XR")
        ):
            lead = t[i + 1 : j]
            if any(x.lemma.endswith("면") or x.lemma in ("것", "거", "게") for x in lead):
                return j
        if t[j].tag.startswith("VV"):
            return None
    return None


def _suicide(d: Doc, c: Clause, out: list[Hit]) -> None:
    t = d.t
    for i in range(c.first, c.last + 1):
        tok = t[i]
        if tok.lemma in L.SUICIDE_NOUNS and tok.tag.startswith("NN"):
            if not d.negated(i):
                out.append(Hit("suicide", E, i, i, "suicide word", soft=False))
            continue
        if not tok.tag.startswith(("VV", "VA")) or d.figurative(i):
            continue
        # 배고파 죽겠어: "X어 죽겠다" says "very X"; 힘들어서 죽고 싶어 is still a wish to die
        idiom = (
            i > 0
            and t[i - 1].lemma in ("어", "아", "어서", "아서", "서")
            and tok.lemma == "죽"
            and _wish(d, i) is None
        )
        lemma = tok.lemma
        if lemma == "없" and _follows(d, i, "어", "지"):
            lemma = "없어지"
        w = _wish(d, i)
        better = _better(d, i)
        if lemma == "죽" and not idiom:
            if w is not None and not d.negated(w):
                out.append(Hit("suicide", E, i, w, "wish to die"))
            elif better is not None or _follows(d, i, "어", "버리") or _intent(d, i):
                out.append(Hit("suicide", E, i, better or i, "better dead"))
            elif any(x.lemma == "ᆯ까" for x in t[i + 1 : i + 3]) and d.sentence_has(
                c, frozenset({"생각", "싶"})
            ):
                out.append(Hit("suicide", E, i, i, "thinking of dying"))
        elif lemma == "살" and not idiom:
            stop = any(x.lemma in ("그만", "더", "더는", "이제") for x in t[max(0, i - 2) : i])
            if w is not None and (d.negated(w) or stop):
                out.append(Hit("suicide", E, i, w, "not wanting to live"))
            elif _follows(d, i, "기", "싫") or _follows(d, i, "기", "가", "싫"):
                out.append(Hit("suicide", E, i, i + 2, "tired of living"))
            elif _follows(d, i, "어서", "뭐") or _follows(d, i, "아서", "뭐"):
                out.append(Hit("suicide", C, i, i + 2, "what is living for"))
            elif t[i + 1 : i + 2] and t[i + 1].tag == "ETM":
                bad = [j for j in range(i + 2, min(i + 7, len(t))) if t[j].lemma in L.LIFE_BAD]
                if bad and not d.negated(bad[0]):
                    out.append(Hit("suicide", C, i, bad[0], "life meaningless"))
        elif lemma in L.VANISH and not idiom:
            strong = lemma in ("사라지", "없어지")
            if w is not None and not d.negated(w):
                if strong or d.sentence_has(c, frozenset("세상 인생 삶 목숨 하늘나라 다".split())):
                    out.append(Hit("suicide", E if strong else C, i, w, "wish to vanish"))
            elif better is not None and (strong or d.has(c, frozenset({"그냥", "차라리"}))):
                out.append(Hit("suicide", E, i, better, "better gone"))
            elif lemma == "끝내" and any(x.lemma == "ᆯ까" for x in t[i + 1 : i + 3]):
                out.append(Hit("suicide", C, i, i, "thinking of ending it"))
        elif lemma in L.WAKE and d.negated(i) and better is not None:
            out.append(Hit("suicide", E, i, better, "not waking up"))  # 안 깼으면 좋겠어요
        elif lemma in L.SUICIDE_ACTS or (lemma in ("매", "매달") and d.nouns(c, L.THROAT)):
            if not d.negated(i):
                out.append(Hit("suicide", E, i, i, "suicide act"))


def _confusion(d: Doc, c: Clause, out: list[Hit]) -> None:
    know = d.preds(c, frozenset({"모르"}))
    lemmas = {x.lemma for x in d.t}
    if know and {"어디", "여기"} <= lemmas:
        out.append(Hit("confusion", E, c.first, know[0], "where am I"))
    elif (
        {"어디", "여기"} <= lemmas
        and d.has(c, frozenset({"어디"})) is not None
        and "?" in d.a.text
        and d.has(c, frozenset({"었", "하"})) is None
    ):
        out.append(Hit("confusion", C, c.first, c.last, "where is this"))  # 여기가 어디예요?
    elif know and d.nouns(c, frozenset({"길", "집", "동네", "여기"})):
        out.append(Hit("confusion", C, c.first, know[0], "lost the way"))
    elif know and d.nouns(c, frozenset({"누구"})) and d.nouns(c, L.SELF):
        out.append(Hit("confusion", C, c.first, know[0], "who am I"))
    elif know and d.has(c, frozenset({"아무것"})) and d.sentence_has(c, frozenset({"갑자기"})):
        out.append(Hit("confusion", C, c.first, know[0], "suddenly blank"))
    if (
        d.nouns(c, frozenset({"여기"}))
        and d.nouns(c, frozenset({"집"}))
        and d.has(c, frozenset({"아니"}))
    ):
        out.append(Hit("confusion", C, c.first, c.last, "not my home"))  # 여기 우리 집 아니에요
    odd = [i for i in range(c.first, c.last + 1) if d.t[i].lemma in L.CONFUSED_ODD]
    if odd:
        out.append(Hit("confusion", C, odd[0], odd[0], "confused"))
    if d.has(c, frozenset({"갑자기"})) is not None:
        _pair(d, c, frozenset({"정신"}), frozenset({"없"}), False, "confusion", C, "dazed", out)
    _pair(d, c, frozenset({"길"}), frozenset({"잃"}), False, "confusion", C, "lost", out)


def _fire(d: Doc, c: Clause, out: list[Hit]) -> None:
    if d.nouns(c, L.FIRE) and not d.preds(c, L.FIRE_OFF, None):
        _pair(d, c, L.FIRE, L.FIRE_ON, False, "fire", E, "fire", out, soft=False)
    _pair(d, c, L.SMOKE, L.SMOKE_ON, False, "fire", E, "smoke", out, soft=False)
    smell = d.nouns(c, frozenset({"냄새"}))
    if d.nouns(c, L.GAS):
        _pair(d, c, L.GAS, L.GAS_ON, False, "fire", E, "gas", out, soft=False) or (
            smell
            and _pair(d, c, L.GAS, frozenset({"나"}), False, "fire", E, "gas", out, soft=False)
        )
    elif smell and d.preds(c, L.BURNING) and d.preds(c, frozenset({"나"})):
        out.append(Hit("fire", E, c.first, c.last, "burning smell", soft=False))


def _violence(d: Doc, c: Clause, out: list[Hit]) -> None:
    t = d.t
    stranger = [
        i
        for i in range(c.first, c.last + 1)
        if t[i].lemma in L.INTRUDER and t[i].tag.startswith(("NP", "NNG", "VV"))
    ]
    if stranger:
        moves = d.preds(c, L.BREAK_IN)
        door = d.nouns(c, L.DOOR) and d.preds(c, L.FORCE_DOOR)
        inside = d.nouns(c, L.ROOMS) and d.preds(c, L.MOVE_ABOUT)
        if moves or door or inside:
            last = (moves or door or inside or stranger)[0]
            out.append(Hit("violence", E, stranger[0], last, "intruder", soft=False))
    hit = d.preds(c, L.HIT)
    if hit:
        out.append(Hit("violence", E, hit[0], hit[0], "beaten", soft=False))
    beaten = d.preds(c, L.BEATEN)
    if beaten and (
        d.preds(c, frozenset({"얻어맞", "두들겨맞"}))
        or any(t[i].lemma in ("한테", "에게", "한테서") for i in range(c.first, beaten[0]))
    ):
        out.append(Hit("violence", E, c.first, beaten[0], "beaten", soft=False))
    if d.nouns(c, L.WEAPON) and d.preds(c, frozenset("들 휘두르 위협하 찌르 대".split())):
        out.append(Hit("violence", E, c.first, c.last, "weapon", soft=False))
    steps = d.nouns(c, frozenset({"발소리", "인기척"}))
    if steps and d.preds(c, frozenset({"들리", "나"})):
        out.append(Hit("violence", C, steps[0], c.last, "footsteps"))


def _starvation(d: Doc, c: Clause, out: list[Hit]) -> None:
    eat = d.preds(c, L.EAT - {"굶"}, None)
    fasting = d.preds(c, frozenset({"굶", "거르"}))
    not_eat = [i for i in eat if d.negated(i)] + fasting
    only = [i for i in eat if not d.negated(i) and d.has(c, frozenset({"만", "밖에"})) is not None]
    days = d.sentence_has(c, L.DAYS) or d.sentence_has(c, frozenset({"째"}))
    last_meal = d.nouns(c, frozenset({"마지막"})) and eat
    if (not_eat or only or last_meal) and days:
        i = (not_eat or only or eat)[0]
        out.append(Hit("starvation", E, c.first, i, "days without food"))
    elif not_eat and (d.nouns(c, frozenset({"아무것", "물"})) or fasting):
        out.append(Hit("starvation", C, c.first, not_eat[0], "not eating"))


def _help(d: Doc, c: Clause, out: list[Hit]) -> None:
    t = d.t
    for i in d.preds(c, L.RESCUE):
        if _imperative(d, i):
            out.append(Hit("help", E, i, i, "save me", soft=False))
    for i in d.preds(c, L.HELP):
        things = [
            j
            for j in range(c.first, i)
            if t[j].tag == "NNG" and t[j].lemma not in L.HOUSEHOLD | L.OTHERS | {"좀", "누구"}
        ]
        request = t[i].lemma == "도와주" or _follows(d, i, "어", "주")
        if request and not things:
            if _imperative(d, i):
                out.append(Hit("help", E, i, i, "help me", soft=False))
            elif d.sentence_has(c, frozenset({"좋", "싶"})):
                out.append(Hit("help", C, i, i, "wants help", soft=False))
    calls = d.nouns(c, L.CALL)
    do = d.preds(c, L.CALL_DO)
    if calls and do:
        imperative = _imperative(d, do[0])
        if imperative or t[calls[0]].lemma != "사람":
            out.append(Hit("help", E if imperative else C, calls[0], do[0], "call", soft=False))
    need = d.nouns(c, frozenset({"도움"}))
    if need and d.preds(c, frozenset({"필요", "필요하"})):
        out.append(Hit("help", C, need[0], c.last, "needs help", soft=False))
