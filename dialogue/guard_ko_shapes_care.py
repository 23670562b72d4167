"""The Korean role guard's structural layer for answers to a symptom (see `guard_ko_shapes`):
when the person names a symptom, a caring turn empathises, asks or refers; a violation answers
it. These shapes catch the answer whatever its words:

- the symptom's condition judged fine (멍만 들었으면 괜찮아요) or said to pass on its own
  (금방 빠질 거예요);
- an act prescribed as the remedy for a symptom, even as hearsay (발뒤꿈치가 아프시면 … 굴려
  보시면 좋대요);
- medicine thrown away or kept from (남은 약은 그냥 버리시고요);
- something to take or do given as the answer to a symptom (잠이 안 오시면 우유 한 잔 데워
  드시면 돼요, 허리 통증엔 … 무릎 당기기가 도움이 될 거예요).

Each rule takes a `Sent` and the `GuardContext` and returns the (first, last) tokens of its
evidence, or None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dialogue.analysis.ko_lexicon import SIGNS
from dialogue.analysis.ko_lexicon import SYMPTOM_NOUNS as _AILING
from dialogue.guard_ko_doc import Sent
from dialogue.guard_ko_lexicon import BODY, MEDICINE, TAKE
from dialogue.guard_ko_shapes_medical import HEALTH, REFERRAL

if TYPE_CHECKING:  # pragma: no cover
    from dialogue.guard import GuardContext

Span = tuple[int, int]

_FADE = frozenset("빠지 없어지 사라지 가라앉 들어가 아물 멎 그치 내리 풀리 나 낫".split())
_SOON = frozenset("금방 곧 금세 저절로 알아서 며칠 자연히 하루 이틀 조만간".split())
_GOOD = frozenset("좋 도움 효과 낫 최고 그만 특효 편하 풀리 덜하 듣 들".split())  # 잘 들어요
_PLAIN_ACTS = frozenset("쉬 주무시 가 말씀하 연락하 전화하 여쭤보 물어보".split())
_THROW = frozenset("버리 끊 그만두 빼 남기 모으 나누 바꾸".split())


def _ailing(s: Sent, first: int = 0, last: int | None = None) -> bool:
    last = s.n - 1 if last is None else last
    return s.has(_AILING | BODY, first, last)


def judged_fine(s: Sent, ctx: GuardContext) -> Span | None:
    """멍만 들었으면 괜찮아요; 금방 빠질 거예요 (a symptom said to pass by itself)."""
    if s.question or s.has(REFERRAL):
        return None
    for k in range(s.n):
        if s.lem(k) != "괜찮" or not s.is_pred(k) or s.pred(k).hon or s.pred(k).cond:
            continue
        conds = [m for m in range(k) if s.tag(m) == "EC" and s.lem(m).endswith("면")]
        hon = any(s.lem(m) in ("시", "으시") for m in range(k))
        if conds and _ailing(s, 0, conds[-1]) and not (hon or s.pred(k).question):
            return 0, s.pred(k).end
        # 가슴 통증은 아마 체하신 걸 거예요, 괜찮아요: a symptom as the topic, then "fine"
        topic = any(
            s.lem(m) in _AILING | BODY and s.tag(m + 1) == "JX" and s.lem(m + 1) in ("은", "는", "ᆫ")
            for m in range(k - 1)
        )
        final = not s.has(frozenset({"시", "으시"}), k, s.pred(k).end)
        if topic and final and not (conds or s.pred(k).question or s.has(frozenset({"다행"}))):
            return 0, s.pred(k).end
    for k in range(s.n):
        if s.lem(k) in _FADE and s.is_pred(k) and s.tag(k).startswith("VV"):
            p = s.pred(k)
            soon = s.has(_SOON, max(0, k - 4), k) or any(  # 알아서 as Kiwi reads it: 알 + 어서
                s.lem(m) == "알" and s.lem(m + 1) in ("어서", "아서")
                for m in range(max(0, k - 4), k)
            )
            later = p.future or (not p.past and s.has(frozenset({"두", "놔두"}), 0, k))
            if soon and later and not (p.hon or p.cond or p.neg or p.question):
                if not s.has(frozenset({"바라", "면", "길"}), k + 1, p.end + 2):
                    return max(0, k - 2), p.end
    return None


def symptom_remedy(s: Sent, ctx: GuardContext) -> Span | None:
    """A symptom's condition, then an act's condition, then good: 발뒤꿈치가 아프시면 골프공
    같은 걸 발로 굴려 보시면 좋대요."""
    if s.question or s.has(REFERRAL):
        return None
    first = next((m for m in range(s.n) if s.is_pred(m) and s.pred(m).cond), -1)
    if first < 0 or s.lem(first) not in SIGNS or not s.pred(first).hon:
        return None
    for act in range(s.pred(first).end + 1, s.n):
        if not (s.is_pred(act) and s.tag(act).startswith("VV")):
            continue
        p = s.pred(act)
        if s.lem(act) in _PLAIN_ACTS or not (p.cond or p.instruct):
            continue
        if s.has(_GOOD, act + 1) or (not p.hon and s.has(_FADE | {"내려가"}, act + 1)):
            return first, s.n - 1
    return None


def medicine_kept(s: Sent, ctx: GuardContext) -> Span | None:
    """남은 약은 그냥 버리시고요: medicine thrown away, left or changed by instruction."""
    if s.question or s.has(REFERRAL):
        return None
    meds = [
        k
        for k in range(s.n)
        if s.tag(k).startswith("NN") and (s.lem(k) in MEDICINE or s.lem(k).endswith("약"))
    ]
    for i in s.find(_THROW, ("VV",)):
        p = s.pred(i)
        if meds and meds[0] < i and (p.instruct or p.permit) and not (p.neg or p.prohibit):
            return meds[0], p.end
    return None


_GENERAL = frozenset("몸 건강 체력 면역".split())
_PREP = frozenset("데우 끓이 타 섞 갈 달이 우리 데 넣 식히 짜".split())
_HELPS = frozenset("도움 좋 효과 최고 제일 그만 특효".split())


def remedy(s: Sent, ctx: GuardContext) -> Span | None:
    """Something to do or take given as the answer to a symptom: 잠이 안 오시면 우유 한 잔
    데워 드시면 돼요, 허리 통증엔 … 무릎 당기기가 도움이 될 거예요."""
    if s.question or s.has(REFERRAL):
        return None
    for i in range(s.n):
        if not (s.is_pred(i) and s.pred(i).cond and s.pred(i).hon and s.lem(i) in SIGNS):
            continue
        for k in range(s.pred(i).end + 1, s.n):
            if s.lem(k) in TAKE and s.tag(k).startswith("VV"):
                p = s.pred(k)
                made = any(s.lem(m) in _PREP for m in range(i + 1, k))
                counted = any(
                    s.tag(m) in ("MM", "NR", "SN") and s.tag(m + 1).startswith("NN")
                    for m in range(s.pred(i).end + 1, k)
                )
                if (p.instruct or p.permit) and (made or counted):
                    return i, p.end
    ailing = (HEALTH - _GENERAL) | frozenset("통증 기침 불면 변비 두통 소화".split())
    for first, last in s.units(ailing):
        if s.lem(last + 1) != "에" or s.lem(last + 2) not in ("는", "ᆫ"):
            continue
        for k in range(last + 3, s.n):
            if s.lem(k) in _HELPS and not (s.is_pred(k) and (s.pred(k).cond or s.pred(k).hon)):
                return first, s.n - 1
    return None


RULES = [
    ("reassurance", judged_fine),
    ("treatment", symptom_remedy),
    ("medication", medicine_kept),
    ("treatment", remedy),
]
