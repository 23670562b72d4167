"""The Korean role guard's manners: the agent does not pry (money, age, property, family
quarrels, religion, votes), does not sell, and never speaks down to an elder — no 반말 (a
sentence-final ending without 요, -(스)ㅂ니다 or -죠, read from Kiwi's EF/EC tags and the
honorific 시), no rude or condescending words even in honorific endings.

Each rule takes a `Sent` and the `GuardContext` and returns the (first, last) tokens of its
evidence, or None.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dialogue.guard_ko_doc import Sent
from dialogue.guard_ko_lexicon import (
    ADDRESS,
    ADS,
    AGE,
    CARE_WORKER,
    CONDESCEND,
    FAMILY_PEOPLE,
    HONORIFIC_OK_EF,
    MONEY,
    PLAIN_IC,
    POLITE_EF,
    PRAISE,
    PRIVATE,
    PRODUCTS,
    RELATIONS,
    RUDE,
    SELF,
)  # fmt: skip

if TYPE_CHECKING:  # pragma: no cover
    from dialogue.guard import GuardContext

Span = tuple[int, int]


def intrusive(s: Sent, ctx: GuardContext) -> Span | None:
    tell = s.final_ef in ("세요", "으세요") and s.has(frozenset({"알리", "말하", "말씀"}))
    if not (s.asks or tell or _asked_within(s)) or (tell and s.has(CARE_WORKER)):
        return None
    family = bool(s.units(FAMILY_PEOPLE | _SIBLINGS))
    if _OWNED.search(s.a.text):
        return 0, s.n - 1  # 집은 자가세요? (Kiwi reads 자 + 가세요)
    for i, tok in enumerate(s.t):
        lemma = tok.lemma
        inherit = lemma == "물리" and s.lem(i + 2) in ("주", "받")  # 물려주실 거예요?
        if (lemma in MONEY and tok.tag.startswith(("NN", "VV", "XSN"))) or inherit:
            return i, s.n - 1  # 연금은 얼마나 받으세요? 집은 누구한테 물려주실 거예요?
        aged = lemma in AGE and tok.tag.startswith("NN") and lemma != "살"
        aged = aged and s.tag(i + 1) in ("JKS", "JX", "VCP") and s.question
        someone = bool(s.units(FAMILY_PEOPLE | frozenset({"손자", "손녀", "손주", "친구"})))
        if not someone and (aged or (lemma in ("살", "생") and s.lem(i - 1) in ("몇", "년"))):
            return i, s.n - 1  # 연세가 어떻게 되세요?
        if lemma == "연락" and family and s.has(frozenset({"끊", "끊기", "끊어지"}), i + 1):
            return i, s.n - 1  # 자녀분들과 연락 끊고 지내신 지 오래됐어요?
        if lemma in RELATIONS and (family or lemma in ("이혼", "별거", "불화", "의절", "재혼")):
            return i, s.n - 1  # 자녀분들과 사이는 좋으세요? 왜 헤어지셨어요?
        if lemma in PRIVATE and tok.tag.startswith(("NN", "VV")):
            return i, s.n - 1  # 종교가 있으세요?
        if lemma in ("돌아가시", "돌아가") and family and s.has(frozenset({"어떻", "왜", "무슨"})):
            return i, s.n - 1  # 남편분은 어떻게 돌아가셨어요?
        if lemma == "왜" and (s.has(frozenset({"혼자"})) or (family and s.has(frozenset({"안"})))):
            return i, s.n - 1  # 왜 혼자 사세요? 아드님은 왜 안 오세요?
    return None


# Brothers and sisters are family too (the shared FAMILY_PEOPLE names spouses and children).
_SIBLINGS = frozenset("동생 남동생 여동생 형 형님 누나 누님 오빠 언니 오라버니 시누이 올케".split())
_WONDER = frozenset("궁금 궁금하 알리 말씀 말하 여쭈 여쭙 묻 물어보 듣".split())


def _asked_within(s: Sent) -> bool:
    """A question put inside a sentence (얼마인지 궁금해요, 되시는지 알려 주시면, 끊으셨는지
    여쭤봐도): -ㄴ지/-는지 and then a verb of wondering or telling."""
    for k in range(s.n):
        if s.tag(k) == "EC" and s.lem(k).endswith(("는지", "ᆫ지", "은지", "인지", "던지")):
            if s.has(_WONDER, k + 1, min(s.n - 1, k + 4)):
                return True
    return False


def advertising(s: Sent, ctx: GuardContext) -> Span | None:
    ask_worker = s.has(CARE_WORKER) and s.has(frozenset("여쭤보 여쭈 물어보 상의 상의하".split()))
    for i, last in s.units(ADS - _SELL):
        if s.question and s.lem(last) in ("가격", "값"):
            continue  # 가격은 얼마인가요? asks about the person's purchase
        if ask_worker:
            continue  # 궁금하신 제품은 복지사님께 여쭤보세요: a referral, no product named
        return i, s.pred(last).end if s.is_pred(last) else last
    for i in s.find(frozenset({"파", "팔"}), ("VV",)):
        if s.has(SELF, 0, i) and s.tag(i + 1) == "ETM":
            return i, s.n - 1  # 저희가 파는 관절약
    for i in s.find(_SELL, ("VV", "VA")):
        if (s.lem(i) == "싸") != s.tag(i).startswith("VV") and not s.pred(i).hon:
            return i, s.pred(i).end  # 비타민을 1+1으로 팔아요, 싸고 좋다고, 잘 팔려요
    for k in range(s.n - 2):
        if s.lem(k) == "새로" and s.lem(k + 1) in ("나오", "출시") and not s.has(_REPORT):
            return k, s.n - 1  # 이번에 새로 나온 효도폰
    for i, last in s.units(PRODUCTS):
        if not s.question and s.has(PRAISE, last + 1) and not s.has(CARE_WORKER):
            return i, s.n - 1  # 요즘 안마기가 정말 좋아요, 홍삼 정과가 인기예요
    for i in s.find(frozenset({"혜택", "적립", "포인트"}), ("NN",)):
        if s.has(frozenset({"신청", "가입", "받"}), i) and not s.has(CARE_WORKER):
            return i, s.n - 1  # 카드 혜택 받으시려면 지금 신청하세요
    for i in s.find(frozenset({"무료", "공짜"}), ("NN", "XR")):
        if s.has(_DEAL) and not s.has(CARE_WORKER):
            return i, min(i + 2, s.n - 1)  # 지금 신청하시면 첫 달은 무료예요
    return None


_SELL = frozenset("팔 싸 팔리 잘나가".split())
_OWNED = re.compile(r"(?:^|\s)(?:자가|전세|월세)(?:세요|예요|이세요|인가요|신가요|이에요)")
_REPORT = frozenset("약 처방 검사 결과 손주 아드님 따님".split())
_DEAL = frozenset("첫 신청 가입 주문 배송 구매 구독 체험 지금".split())


def impolite(s: Sent, ctx: GuardContext) -> Span | None:
    t = s.t
    for i, tok in enumerate(t):
        if tok.lemma + s.lem(i + 1) in RUDE and s.tag(i + 1) == "XSN":
            return i, i + 1  # 노인네
        if tok.lemma in RUDE and tok.tag.startswith(("NN", "NP", "VA", "VV", "IC", "XR", "MAG")):
            if tok.lemma == "네" and tok.tag != "NP":
                continue
            if (
                tok.lemma == "너"
                and s.tag(i + 1) == "VCP"
                and s.has(frozenset({"세요", "시"}), i + 1)
            ):
                continue  # 빨래는 안에 너세요 (널다), read by Kiwi as 너 + 이세요
            return i, i
        if (
            tok.lemma == "정신"
            and s.lem(i + 1) != "없"
            and s.has(frozenset({"차리"}), i + 1, i + 3)
        ):
            j = next((k for k in range(i + 1, min(i + 4, s.n)) if s.lem(k) == "차리"), i)
            if s.pred(j).instruct:
                return i, s.pred(j).end  # 정신 좀 차리세요
        if tok.lemma == "틀리" and not s.pred(i).hon and not s.question and s.pred(i).past:
            if not s.has(frozenset({"제", "저"}), 0, i):
                return i, s.pred(i).end  # 그건 틀렸어요
        if (
            tok.lemma == "제대로"
            and s.lem(i + 1) == "좀"
            or tok.lemma == "좀"
            and s.lem(i + 1) == "제대로"
        ):
            j = next((k for k in range(i + 2, min(i + 5, s.n)) if s.is_pred(k)), -1)
            if j >= 0 and s.pred(j).instruct:
                return i, s.pred(j).end  # 제대로 좀 기억하세요
        if tok.lemma in ("똑바로", "말귀", "고집") or (tok.lemma == "몇" and s.has(_SAY, i, i + 4)):
            j = next((k for k in range(i + 1, min(i + 6, s.n)) if s.is_pred(k)), -1)
            if j >= 0 and not s.pred(j).question or tok.lemma == "몇" and not s.question:
                return i, s.pred(j).end if j >= 0 else i  # 똑바로 들으세요, 몇 번을 말해요
        if tok.lemma == "그만" and s.lem(i + 1) in ("좀", "하") and not s.has(_MEDS, 0, i):
            j = next((k for k in range(i + 1, min(i + 4, s.n)) if s.is_pred(k)), -1)
            if j >= 0 and s.pred(j).instruct:
                return i, s.pred(j).end  # 그만 좀 하세요
        if tok.lemma in ("것", "거", "그것", "그거", "이것", "이거") and s.lem(i + 1) == "도":
            if s.has(frozenset({"모르", "못", "못하"}), i + 2, i + 4):
                return i, s.n - 1  # 그런 것도 모르세요?
        again = s.has(frozenset({"자꾸", "또", "계속", "번째", "벌써"}))
        if tok.lemma in ("같", "똑같") and s.lem(i + 2) in ("말", "얘기", "이야기") and again:
            return i, s.n - 1  # 왜 자꾸 같은 말을 하세요
        speech = {"대답", "말", "말하"} | ({"말씀"} if tok.lemma != "어서" else set())
        if tok.lemma in ("빨리", "얼른", "어서") and s.has(frozenset(speech), i - 2, i + 3):
            if any(s.is_pred(k) and s.pred(k).instruct for k in range(i, min(i + 5, s.n))):
                return i, s.n - 1  # 대답 좀 빨리 하세요
        if tok.lemma == "왜" and s.has(frozenset({"모르"}), i + 1) and not s.has(_SAY, 0, i):
            return i, s.n - 1  # 왜 그걸 모르세요
        if tok.lemma in CONDESCEND and tok.tag.startswith(("VA", "VV", "NN", "XR")):
            p = s.pred(i) if s.is_pred(i) else None
            said_of = [k for k in s.subject_nouns(i) if s.lem(k) not in ADDRESS]
            # 그러셨으면 누구라도 답답하죠: anyone would feel it, the elder's feeling shared
            anyone = s.has(frozenset({"누구", "누구나", "다들", "누구든"}), 0, i)
            if anyone and any(s.is_pred(k) and s.pred(k).cond and s.pred(k).hon for k in range(i)):
                continue
            if p and not p.hon and not p.question and not p.cond and not p.neg and not said_of:
                return i, p.end
    words = [k for k, x in enumerate(t) if not x.tag.startswith(("S", "W"))]
    if not words:
        return None
    last = words[-1]
    ends = [k for k in words if t[k].tag in ("EF", "EC")]
    if not ends:
        if t[last].tag == "IC" and t[last].lemma in PLAIN_IC and len(words) <= 3:
            return last, last  # 그래, 응
        if "?" in s.a.text and t[last].tag.startswith(("JX", "JKS", "JKO", "NN")):
            if (
                not t[last].lemma.endswith("요")
                and len(words) <= 4
                and t[last].lemma not in ADDRESS
            ):
                return words[0], last  # 식사는?
        return None
    k = ends[-1]
    if k != last and not (t[last].tag.startswith(("NN", "IC", "J")) and t[k].tag == "EF"):
        return None  # the sentence goes on past its last ending
    nxt = t[k + 1].lemma if k + 1 < len(t) else ""
    lemma = t[k].lemma
    if (
        lemma.endswith(("요", "죠"))
        or nxt == "요"
        or lemma in POLITE_EF
        or lemma.endswith(("니다", "ᆸ니까", "습니까"))
    ):
        return None
    if t[k].tag == "EC" and k != last:
        return None
    hon = any(x.tag == "EP" and x.lemma in ("시", "으시") for x in t[max(0, k - 3) : k])
    humble = any(x.lemma == "드리" for x in t[max(0, k - 4) : k])
    if hon and (lemma in HONORIFIC_OK_EF or t[k].tag == "EC"):
        return None  # 아, 식사하셨구나; 입맛에 맞으셔서.
    hon = hon or any(x.tag == "EP" and x.lemma in ("시", "으시") for x in t[max(0, k - 6) : k])
    if lemma.endswith("데") and (hon or humble):
        return None  # 얼른 나으셔야 할 텐데.
    if lemma == "다" and hon and s.has(frozenset({"겠"}), k - 2, k):
        return None  # 아이고, 배고프시겠다.
    if lemma in ("어라", "아라") and t[max(0, k - 1)].tag.startswith("VA"):
        return None  # 아이고 아까워라: an exclamation, not an order
    first = max(0, k - 2)
    return first, k


_MEDS = frozenset("약 드시 먹 복용 술 담배".split())
_SAY = frozenset("말하 말씀드리 얘기하 말 말씀".split())
