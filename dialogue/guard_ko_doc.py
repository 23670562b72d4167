"""One agent sentence as the Korean role guard sees it: Kiwi morphemes, each predicate with its
tail of endings (what it commits to — a promise, a permission, an instruction, a question) and
whose act it is (the honorific 시 marks the person's; the agent's own verbs never carry it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dialogue.analysis import Analysis, Token
from dialogue.guard_ko_lexicon import HONORIFIC_VERBS
from dialogue.safety import ko_lexicon as SL

PROMISE_EF = frozenset("ᆯ게요 을게요 ᆯ께요 을께요 ᆯ게 을게 ᆯ께 을께 ᆯ래요 을래요 마 을게여 ᆯ게여".split())
QUESTION_EF = ("나요", "까요", "가요", "니까", "니", "냐", "ᆯ까", "을까", "는지요", "ᆫ지요", "래요?")
WH = frozenset("얼마 얼마나 어떻 어떠 몇 언제 누구 뭐 무엇 왜 어디 어느 무슨".split())
_REQUEST_EF = frozenset("세요 으세요 십시오 으십시오 세 으세 어라 아라 라".split())
_TAIL_TAGS = ("EP", "VX", "XSV", "XSA", "ETM", "ETN", "VCP", "VCN")
_TAIL_NOUNS = frozenset("거 것 수 예정 필요 게 생각 계획 줄 듯 뿐 데 터 참 테".split())
_TAIL_PREDS = frozenset("되 괜찮 좋 드리 주 있 없 같 않 말 싶 하 보 놓 두 못하 바라 나".split())
_HON_EF = ("세", "으세", "십", "으십", "셔", "으셔", "셨", "으셨")


@dataclass(frozen=True)
class Pred:
    """A predicate: its stem, the last token of its tail, and what the tail says."""

    i: int
    end: int
    hon: bool  # the honorific 시: the person's act
    promise: bool  # -ㄹ게요, -겠-: the agent commits
    future: bool  # -ㄹ 거예요, -ㄹ 예정
    past: bool
    permit: bool  # -어도 돼요
    instruct: bool  # -세요, -는 게 좋겠어요, -어 보세요
    neg: bool  # 안/못, -지 않, -ㄹ 수 없
    prohibit: bool  # -지 마세요
    cond: bool  # -면, -ㄹ 때: a condition, not a claim
    question: bool
    ef: str = ""
    can: bool = False  # -ㄹ 수 있어요


def _norm(tokens: tuple[Token, ...]) -> list[Token]:
    """Kiwi reads 드세요 as the adjective 드세 + 어요 and 계세요 as the noun 계 + 이세요; make
    them the honorific verbs they are."""
    out: list[Token] = []
    for t in tokens:
        if t.lemma == "드세" and t.tag.startswith("VA"):
            t = Token(t.surface, "드시", "VV", t.start, t.end, t.sentence)
        if t.tag == "VCP" and out and out[-1].lemma in ("계", "주무") and out[-1].tag[:2] == "NN":
            prev = out.pop()  # 계세요 read as the noun 계 + 이세요, 주무세요 as 주무 + 이세요
            lemma = prev.lemma + "시"
            t = Token(prev.surface + t.surface, lemma, "VV", prev.start, t.end, t.sentence)
        out.append(t)
    return out


@lru_cache(maxsize=128)
def _matcher(lex: frozenset[str]) -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """Words of two or more letters match inside a compound; one-letter words only whole."""
    many = sorted((w for w in lex if len(w) > 1), key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, many))) if many else None
    return pattern, frozenset(w for w in lex if len(w) == 1)


class Sent:
    def __init__(self, analysis: Analysis) -> None:
        self.a = analysis
        self.t = _norm(analysis.tokens)
        self.n = len(self.t)
        efs = [t for t in self.t if t.tag == "EF"]
        self.final_ef = efs[-1].lemma if efs else ""
        last = [t for t in self.t[-5:] if not t.tag.startswith("S")]
        wish = any(t.lemma in ("좋", "바라", "싶", "같") for t in last)
        self.promised = self.final_ef in PROMISE_EF or (
            any(t.lemma == "겠" and t.tag == "EP" for t in last)
            and not any(t.lemma in ("시", "으시") for t in last)
            and not wish
        )  # the sentence ends in the agent's promise: …드릴게요, …드리겠습니다
        self.question = "?" in analysis.text or self.final_ef.endswith(QUESTION_EF)
        self.asks = self.question or any(
            t.lemma in WH and t.tag.startswith(("MAG", "NP", "MM", "NR", "VA")) for t in self.t
        )
        self._preds: dict[int, Pred] = {}
        self._units: dict[frozenset[str], list[tuple[int, int]]] = {}

    # -- words ---------------------------------------------------------------------------------
    def lem(self, i: int) -> str:
        return self.t[i].lemma if 0 <= i < self.n else ""

    def tag(self, i: int) -> str:
        return self.t[i].tag if 0 <= i < self.n else ""

    def text(self, first: int, last: int) -> str:
        return self.a.text[self.t[first].start : self.t[last].end]

    def find(self, lex: frozenset[str], tags: tuple[str, ...] = ()) -> list[int]:
        return [
            i
            for i, t in enumerate(self.t)
            if t.lemma in lex and (not tags or t.tag.startswith(tags))
        ]

    def runs(self) -> list[tuple[int, int]]:
        """Runs of adjacent nouns (no space between them, or nouns throughout)."""
        out = []
        i = 0
        while i < self.n:
            if not self.tag(i).startswith("NN"):
                i += 1
                continue
            j = i
            while j + 1 < self.n and self.tag(j + 1).startswith(("NN", "XSN")):
                j += 1
            out.append((i, j))
            i = j + 1
        return out

    def units(self, lex: frozenset[str]) -> list[tuple[int, int]]:
        """Noun compounds (runs of nouns, as Kiwi may split 위염 into 위 + 염 or 복지사님 into
        복 + 지사 + 님) that hold a word of `lex`: (first, last) token of each."""
        if lex in self._units:
            return self._units[lex]
        out: list[tuple[int, int]] = []
        i = 0
        while i < self.n:
            glued = (  # 이명이에요 read as 이/MM + 명/NNB: a determiner written into a noun
                self.tag(i) == "MM"
                and i + 1 < self.n
                and self.t[i + 1].start == self.t[i].end
                and self.tag(i + 1).startswith("NN")
            )
            if not (self.tag(i).startswith(("NN", "XSN", "NR", "SN", "NP", "XPN")) or glued):
                i += 1
                continue
            j = i
            while j + 1 < self.n and self.tag(j + 1).startswith(("NN", "XSN", "NR", "NP", "XPN")):
                if self.t[j + 1].start != self.t[j].end and not self.tag(j + 1).startswith("NN"):
                    break
                j += 1
            joined = "".join(x.lemma for x in self.t[i : j + 1])
            many, singles = _matcher(lex)
            if (many is not None and many.search(joined)) or any(
                x.lemma in singles for x in self.t[i : j + 1]
            ):
                out.append((i, j))
            i = j + 1
        self._units[lex] = out
        return out

    def has(self, lex: frozenset[str], first: int = 0, last: int | None = None) -> bool:
        last = self.n - 1 if last is None else last
        return any(self.t[j].lemma in lex for j in range(max(first, 0), min(last, self.n - 1) + 1))

    def is_pred(self, i: int) -> bool:
        tag = self.tag(i)
        return tag.startswith(("VV", "VA", "VX", "XSV", "XSA", "VCP")) or (
            tag.startswith(("NN", "XR")) and self.tag(i + 1).startswith(("XSV", "XSA"))
        )

    def verb_of(self, i: int) -> int:
        """The predicate a noun belongs to: 예약(NNG) 하(XSV) → 하; 전화(NNG) 드리(VV) → 드리."""
        j = i
        while j + 1 < self.n and self.tag(j + 1).startswith(("XSV", "XSA", "XSN")):
            j += 1
        if j == i and self.tag(i).startswith("NN") and self.lem(i + 1) in ("드리", "하", "주"):
            j += 1
        return j

    # -- predicates ------------------------------------------------------------------------------
    def pred(self, i: int) -> Pred:
        if i in self._preds:
            return self._preds[i]
        t = self.t
        j = self.verb_of(i) if self.tag(i).startswith(("NN", "XR")) else i
        while j + 1 < self.n:
            nxt = t[j + 1]
            cur = t[j]
            if cur.tag == "EF" or nxt.tag in ("SF", "SP") or nxt.sentence != cur.sentence:
                break
            if nxt.tag.startswith(_TAIL_TAGS) or nxt.tag == "EF":
                j += 1
            elif nxt.tag == "EC" and not (
                cur.tag == "EC"
                or (
                    cur.tag.startswith(("VV", "VA"))
                    and cur.lemma == "되"
                    and (j > i or nxt.lemma in ("어", "아", "어서", "아서"))
                )
            ):  # 되 as a tail (-어도 돼) or before a helper (되어 드릴게요) keeps its own ending;
                # 겨울만 되면 is a condition
                j += 1
            elif cur.tag == "EC" and (
                nxt.lemma in _TAIL_PREDS and nxt.tag.startswith(("VV", "VA", "VX"))
            ):
                j += 1  # -어도 돼요, -지 마세요, -어 드릴게요
            elif (
                cur.tag.startswith(("EC", "JX"))
                and nxt.lemma in ("못", "안")
                and nxt.tag == "MAG"
                and self.lem(j + 2) in ("하", "되")
            ):
                j += 2  # 뵙지는 못 해도, 가지 안 해요
            elif cur.tag == "EC" and nxt.tag == "JX" and self.tag(j + 2).startswith(("VX", "MAG")):
                j += 1  # 뵙지는 못해도
            elif cur.tag == "EC" and cur.lemma in ("어", "아", "여") and nxt.tag.startswith("VV"):
                j += 1  # 만나 뵙지는 못해도, 챙겨 드세요: one act in two verbs
            elif cur.tag == "ETM" and nxt.lemma in _TAIL_NOUNS:
                j += 1  # -ㄹ 거예요, -ㄹ 수 있어요, -ㄹ 필요 없어요
            elif cur.lemma in _TAIL_NOUNS and nxt.tag.startswith(("J", "VCP", "VA", "VX", "XSV")):
                j += 1
            elif cur.tag.startswith("J") and nxt.tag.startswith(("VA", "VV", "VX")):
                if nxt.lemma in _TAIL_PREDS:
                    j += 1
                else:
                    break
            else:
                break
        tail = t[i : j + 1]
        lemmas = [x.lemma for x in tail]
        ef = next((x.lemma for x in tail if x.tag == "EF"), "")
        hon = (
            any(x.tag == "EP" and x.lemma in ("시", "으시") for x in tail)
            or ef.startswith(_HON_EF)
            or t[i].lemma in HONORIFIC_VERBS
            or any(x.lemma in HONORIFIC_VERBS for x in tail[1:3])
        )
        ecs = [x.lemma for x in tail if x.tag == "EC"]
        permit = any(e.endswith(("어도", "아도", "여도")) for e in ecs) and any(
            x in ("되", "괜찮", "좋") for x in lemmas
        )
        future = ("ᆯ" in lemmas or "을" in lemmas) and any(
            x in ("거", "것", "예정", "계획") for x in lemmas
        )
        future = (
            future
            or "겠" in lemmas
            or (
                ("ᆯ" in lemmas or "을" in lemmas)
                and ("테" in lemmas or "터" in lemmas)
                and not any(x.endswith("데") for x in lemmas)  # 나으셔야 할 텐데: a wish
            )
        )
        ecs_all = [x.lemma for x in tail if x.tag in ("EC", "EF")]
        promise = (
            ef in PROMISE_EF
            or any(e in PROMISE_EF for e in ecs_all)
            or ("겠" in lemmas and bool(ef) and not hon)
        )
        neg = self._negated(i, tail)
        prohibit = "말" in lemmas and any(x.tag == "VX" and x.lemma == "말" for x in tail)
        last_ec = t[j].lemma if t[j].tag == "EC" else ""
        nxt = self.lem(j + 1)
        cond = last_ec.endswith(("면", "으면", "거든")) or nxt in ("때", "경우", "동안")
        question = self.question and (ef == self.final_ef or not ef)
        # 드세요 is a request, 좋으세요 a description: only verbs are asked for.
        verb = (
            self.t[i].lemma in ("계시", "주무시", "드시")
            or any(x.tag.startswith(("VV", "XSV", "VX")) for x in tail)
            and not (
                self.t[i].tag.startswith(("VA", "XSA", "VCP"))
                and not any(x.tag.startswith(("VX", "XSV")) for x in tail)
            )
        )
        # 드셔요: the ending right on the honorific verb (not 걸리신 듯해요)
        direct = len(tail) >= 2 and (
            tail[-2].lemma in ("시", "으시") or tail[-2].lemma in HONORIFIC_VERBS
        )
        instruct = not question and (
            (verb and ef in _REQUEST_EF)
            or (verb and hon and ef in ("어요", "아요", "요") and direct)
            or (verb and hon and t[j].lemma in ("고", "구") and self.lem(j + 1) == "요")
            or ("게" in lemmas and "좋" in lemmas)
            or ("면" in ecs and ("좋" in lemmas or "되" in lemmas))
            or ("도록" in ecs)
            or ef in ("ᆸ시다", "읍시다", "자")
        )
        p = Pred(
            i, j, hon, promise and not hon, future, "었" in lemmas or "았" in lemmas,
            permit, instruct, neg, prohibit, cond, question, ef,
            "수" in lemmas and "있" in lemmas and not neg,
        )  # fmt: skip
        self._preds[i] = p
        return p

    def _negated(self, i: int, tail) -> bool:
        t = self.t
        k = i - 1
        while k >= 0 and t[k].tag == "MAG" and t[k].lemma in SL.SKIPPABLE:
            k -= 1
        if k >= 0 and t[k].lemma in ("안", "못") and t[k].tag == "MAG":
            return True
        lemmas = [x.lemma for x in tail]
        if any(x.tag.startswith("VX") and x.lemma in ("않", "못하") for x in tail):
            return True
        if any(x.tag == "MAG" and x.lemma in ("못", "안") for x in tail[1:]):
            return True
        return ("수" in lemmas and "없" in lemmas) or "아니" in lemmas

    def agent_subject(self, upto: int) -> bool:
        """제가 / 저희가 / 저는 before `upto`."""
        return any(
            self.t[k].lemma in ("저", "저희", "제")
            and self.t[k].tag == "NP"
            and self.tag(k + 1) in ("JKS", "JX")
            for k in range(0, upto)
        )

    def subject_nouns(self, upto: int) -> list[int]:
        """Nouns marked as subjects (이/가, 께서, 은/는) before `upto`."""
        return [
            k
            for k in range(0, upto)
            if self.tag(k).startswith(("NN", "XSN", "NP")) and self.tag(k + 1) in ("JKS", "JX")
        ]
