"""An utterance as `safety.ko`'s rules see it: clauses of Kiwi morphemes, the polarity of each
predicate (안/못 before it, -지 않/못하, -ㄹ 수 없, -기 힘들, 아니), similes and prohibitions,
and the `Hit`s the rules add (a category, a first decision, the tokens that raised it).
"""

from __future__ import annotations

from dataclasses import dataclass

from dialogue.analysis import Analysis, Token
from dialogue.analysis import ko_lexicon as K
from dialogue.safety import Decision
from dialogue.safety import ko_lexicon as L

E, C = Decision.EMERGENCY, Decision.CHECK
_PRED_TAGS = ("VV", "VA", "XR", "VX")
DIALECT_ASK = frozenset(  # requests in dialect: 와 주이소, 살려 주소 (경상), 살려유, 와 줘여 (충청)
    "이소 소 이소예 소예 주소 주이소 다오 어유 아유 어여 아여".split()
)
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
                if lemma == "라면" and i > 1 and t[i - 2].lemma == "째":
                    cond = False  # 일주일째 라면 하나로: Kiwi reads the noodles as "if it is"
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

    def polite_request(self, c: Clause) -> bool:
        """A -면 clause that asks rather than supposes: 불러 주시면 안 될까요?, 와 주시면
        좋겠어요, 보내 주면 고맙겠어요."""
        t = self.t
        end = min(c.last + 6, len(t) - 1)
        for j in range(c.first + 1, min(c.last, end) + 1):
            if not (t[j].tag == "EC" and t[j].lemma in ("면", "으면")):
                continue
            if not any(x.lemma == "주" and x.tag.startswith("VX") for x in t[max(0, j - 3) : j]):
                continue
            rest = [x for x in t[j + 1 : j + 6] if x.sentence == t[j].sentence]
            lemmas = [x.lemma for x in rest]
            if lemmas[:2] == ["안", "되"] and any(x.tag == "EF" for x in rest):
                return True
            if lemmas and lemmas[0] in ("좋", "고맙", "감사", "감사하"):
                return True
        return False

    def denies(self, c: Clause) -> bool:
        """The clause says its thing is absent: 아픈 건 없고, 아프진 않고, 그런 건 아니고."""
        t = self.t
        return any(
            (t[i].lemma == "없" and t[i].tag.startswith("VA") and t[i - 1].tag in ("JX", "JKS"))
            or t[i].tag == "VCN"
            or (t[i].lemma == "않" and t[i - 1].tag in ("EC", "JX"))
            for i in range(max(c.first, 1), c.last + 1)
        )

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

    def likely(self, i: int) -> bool:
        """넘어질 것 같아요: expected, not happened."""
        nxt = [x.lemma for x in self.t[i + 1 : i + 4]]
        if len(nxt) >= 2 and nxt[0] == "기" and nxt[1] in ("직전", "일보", "십상"):
            return True  # 쓰러지기 직전이에요: about to, not yet
        if nxt and nxt[0] == "겠" and i + 2 < len(self.t) and self.t[i + 2].tag == "EF":
            return not self.negated(i)  # 쓰러지겠네: about to (못 움직이겠어요: cannot, now)
        return len(nxt) == 3 and nxt[0] in ("ᆯ", "을") and nxt[1] in ("것", "거") and nxt[2] == "같"

    def unable(self, i: int) -> bool:
        """Negated by 못 / 못하 / -ㄹ 수 없: cannot, as opposed to does not."""
        t = self.t
        j = i - 1
        while j >= 0 and t[j].tag == "MAG" and t[j].lemma in L.SKIPPABLE:
            j -= 1
        if j >= 0 and t[j].lemma == "못" and not self.by_mistake(j):
            return True
        after = [x.lemma for x in t[i + 1 : i + 6]]
        return "못하" in after or ("수" in after and "없" in after)

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
        if self.explained(i):
            return True
        for j in range(i + 1, min(i + 5, len(t))):
            lemma, tag = t[j].lemma, t[j].tag
            if tag in ("EC", "NNB") and lemma in ("듯이", "듯", "듯하"):
                return True
            if lemma == "줄" and tag == "NNB" and any(x.lemma == "알" for x in t[j + 1 : j + 4]):
                return True
            if lemma in ("처럼", "같이") and tag.startswith("J"):
                return True
            if lemma == "정도" and t[j - 1].tag == "ETM":
                return True  # 앞이 안 보일 정도로 눈이 와요: a degree
            linked = t[j - 1].tag == "EC" and t[j - 1].lemma in ("어", "아", "어서", "아서")
            if lemma in ("자", "잠들") and tag.startswith("VV") and linked:
                return True  # 피곤해서 쓰러져 자요
            degree = t[j - 1].lemma in ("게", "도록") and t[j - 1].tag == "EC"
            degree = degree and t[i].lemma not in ("이상", "이상하")  # 이상하게: how, not how much
            felt = L.CARDIAC_PAIN | L.BREATH_BAD | {"아프", "하", "되", "만들"}
            if tag.startswith(("VA", "VV", "XR", "NNG")) and degree:
                if lemma not in felt:  # (not 터지게 아파요, 못 쉬게 해요)
                    return True  # 숨 막히게 덥네요, 숨이 차도록 웃었어요 (not 못 쉬게 해요)
            if not tag.startswith(("E", "VX", "NNB", "J", "XS")):
                return False
        return False

    def explained(self, i: int) -> bool:
        """연기 나는 건 고기 굽는 거예요, 두근거리는 건 설레서 그래요: a harmless cause given."""
        t = self.t
        if not (
            i + 3 < len(t)
            and t[i + 1].tag == "ETM"
            and t[i + 2].lemma in ("거", "것")
            and t[i + 3].tag == "JX"
        ):
            return False
        rest = [x for x in t[i + 4 :] if x.sentence == t[i].sentence]
        if any(x.lemma in ("때문", "그렇", "그러") for x in rest):
            return True
        return any(
            a.lemma in ("거", "것") and b.tag == "VCP" for a, b in zip(rest, rest[1:], strict=False)
        )

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
            aux = tok.tag.startswith("VX") or (tok.lemma == "않" and t[j - 1].tag in ("JKO", "JX"))
            if aux and tok.lemma in L.NEG_AUX:  # (멎지를 않고: Kiwi may call 않 a verb)
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
            elif (
                tok.lemma in ("기운", "힘", "기력", "엄두")
                and t[j - 1].tag == "ETM"
                and any(x.lemma == "없" for x in t[j + 1 : j + 4])
            ):
                neg = True  # 일어날 기운이 없어요: cannot
                break
            elif tok.tag.startswith(("VV", "VA", "XR", "NN", "EF", "SF")) and tok.tag != "NNB":
                break
            elif tok.tag == "EC" and j + 1 < len(t) and not t[j + 1].tag.startswith(("VX", "NNB")):
                if not (tok.lemma in ("기", "지") or t[j + 1].lemma in L.NEGATORS):
                    break
            j += 1
        return neg

    def find(self, c: Clause, lex: frozenset[str]) -> int | None:
        """The first token of clause `c` whose lemma is in `lex`."""
        for i in range(c.first, c.last + 1):
            if self.t[i].lemma in lex:
                return i
        return None

    def has(self, c: Clause, lex: frozenset[str]) -> bool:
        return self.find(c, lex) is not None

    def taken_ok(self, c: Clause) -> bool:
        """Medicine taken as it should be (제때, 꼬박꼬박, 시간 맞춰): `L.TAKEN_OK` in the clause,
        where 시간 counted (한 시간 전에, 두 시간 동안) is when, not on time."""
        t = self.t
        for i in range(c.first, c.last + 1):
            if t[i].lemma not in L.TAKEN_OK:
                continue
            counted = i > 0 and t[i - 1].tag in ("NR", "SN", "MM")
            if t[i].lemma == "시간" and (counted or t[i].surface.startswith(tuple("0123456789"))):
                continue
            return True
        return False

    def sentence_range(self, s: int) -> tuple[int, int]:
        idx = [i for i, t in enumerate(self.t) if t.sentence == s]
        return idx[0], idx[-1]


def pair(d: Doc, c: Clause, nouns, preds, neg, cat, dec, rule, out, soft=True) -> bool:
    ns = d.nouns(c, nouns)
    if not ns:
        prev = d.previous(c)
        if prev is None or _own_subject(d, c, nouns):
            return False  # 가슴은 괜찮고 무릎이 쑤셔요: 쑤셔요 is the knee's
        ns = d.nouns(prev, nouns)
        if not ns or d.denies(prev):
            return False  # 가슴 아픈 건 없고 그냥 좀 쑤셔요: the chest was denied
    ps = [p for p in d.preds(c, preds, neg) if p > ns[0] or _modifies(d, p)]
    if not ps:
        return False  # (상 탄다니까 가슴이 …: a verb before the noun is another clause's)
    first, last = min(ns[0], ps[0]), max(ns[0], ps[0])
    out.append(Hit(cat, dec, first, last, rule, soft))
    return True


def excited(d: Doc, c: Clause) -> bool:
    """A racing heart given a happy or told reason in the utterance (합격 소식 듣고 두근거렸어요,
    상 받는다고 해서 쿵쾅거렸어요): excitement, unless pain or breath comes with it."""
    sent = d.t  # (the reason may come after: 두근두근했어요 합격 소식 듣고요)
    chest = next((i for i, x in enumerate(sent) if x.lemma in L.CHEST), 0)
    if any(x.lemma in L.CARDIAC_PAIN | L.BREATH | L.DIFFICULT for x in sent[chest:]):
        return False  # (상 탄다니까: 타 before the chest is not its pain)
    told = (
        any(  # 받는다고 해서: what someone said is the reason
            a.tag == "EC" and a.lemma.endswith(("다고", "라고")) and b.lemma == "하"
            for a, b in zip(sent, sent[1:], strict=False)
        )
        or any(
            x.tag == "EC" and x.lemma.endswith(("다니까", "라니까", "다니", "라니")) for x in sent
        )
    )
    return told or any(x.lemma in L.JOY for x in sent)


def _modifies(d: Doc, p: int) -> bool:
    """The predicate at `p` describes what follows it: 쥐어짜는 (듯한) 가슴 통증, 타는 듯이."""
    t = d.t
    return any(x.tag == "ETM" or x.lemma in ("듯", "듯이", "것처럼") for x in t[p + 1 : p + 4])


def _own_subject(d: Doc, c: Clause, nouns: frozenset[str]) -> bool:
    """The clause names another part of the body as its subject (무릎이, 허리는), so a
    predicate there does not belong to a noun of the clause before."""
    t = d.t
    parts = K.BODY | K.ORGANS
    return any(
        t[i].lemma in parts
        and t[i].lemma not in nouns
        and t[i].tag in ("NNG", "NNP")
        and t[i + 1].tag in ("JKS", "JX")
        for i in range(c.first, c.last)
    )


def follows(d: Doc, i: int, *lemmas: str) -> bool:
    """Tokens after `i` start with `lemmas` (in the same sentence)."""
    t = d.t
    for k, lemma in enumerate(lemmas, start=1):
        if i + k >= len(t) or t[i + k].lemma != lemma or t[i + k].sentence != t[i].sentence:
            return False
    return True


def imperative(d: Doc, i: int) -> bool:
    """Does the predicate at `i` end its sentence as a request (주세요, 줘, 살려)?"""
    t = d.t
    for j in range(i + 1, len(t)):
        tok = t[j]
        if tok.sentence != t[i].sentence:
            return True
        if tok.tag == "EF":
            quoted = j + 1 < len(t) and (t[j + 1].tag == "JKQ" or t[j + 1].lemma == "하")
            if quoted or tok.lemma in ("ᆯ게", "ᆯ게요", "을게", "을게요", "ᆯ께요"):
                return False  # 살려 주세요 하는 노래, 도와줄게요
            return not tok.lemma.endswith(("어요", "었", "네")) or tok.lemma in ("어", "어요")
        if tok.tag == "EC" and tok.lemma in DIALECT_ASK:
            return True  # 와 주이소, 살려 주소 (경상)
        if tok.tag == "EC" and tok.lemma not in ("어", "아", "고"):
            return tok.lemma in ("어", "아")
        if tok.tag == "EP" and tok.lemma in ("었", "았"):
            return False
    return True
