"""The Korean role guard's memory category, for the shapes that name no earlier call:

- a reminder of what the person told the agent (얘기해 주셨잖아요, 말씀하셨던 그 일): a telling
  verb of theirs, past, with -잖아요 or a -던 that recalls it;
- someone else's contact with the agent (따님이 저희한테 전화해서 … 하시더라고요);
- an event the person was looking forward to (기다리시던 결혼식, 준비하시던 잔치).

Each is knowledge from before this call, so it is a claim of memory unless memory holds it
(`ctx.facts`) or the telling was in this call (아까, 방금, 조금 전에).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dialogue.guard_ko_doc import Sent
from dialogue.guard_ko_memory import _supported

if TYPE_CHECKING:  # pragma: no cover
    from dialogue.guard import GuardContext

Span = tuple[int, int]

_TELL = frozenset("얘기 이야기 말씀 말 알리 자랑".split())
_THIS_CALL = frozenset("아까 방금 금방 조금 좀 이따 지금 오늘".split())
_TO_US = frozenset("저희 저 제".split())
_CONTACT = frozenset("전화 연락 문자 말씀 얘기 이야기 부탁 전하 알리".split())
_LOOKED_FORWARD = frozenset("기다리 고대하 벼르 준비 준비하 계획하 손꼽".split())
_HON = frozenset({"시", "으시"})


def _this_call(s: Sent, upto: int) -> bool:
    return s.has(_THIS_CALL, 0, upto)


def _told_before(s: Sent) -> int | None:
    for i in s.find(_TELL, ("NNG", "VV")):
        p = s.pred(i)
        if not (p.hon and p.past) or p.neg or p.cond:
            continue
        reminder = s.lem(p.end).endswith("잖아요") or s.final_ef.endswith("잖아요")
        recalled = s.lem(p.end) == "던" and s.tag(p.end) == "ETM"
        if (reminder or recalled) and not _this_call(s, i):
            return i
    return None


def _contact_to_us(s: Sent) -> int | None:
    for k in range(s.n - 2):
        if s.lem(k) in _TO_US and s.tag(k) == "NP" and s.tag(k + 1) == "JKB":
            j = next((m for m in range(k + 2, min(k + 5, s.n)) if s.lem(m) in _CONTACT), -1)
            if j < 0:
                continue
            p = s.pred(j)
            told = s.has(frozenset("더라 더라고 더라고요 던데 던데요 셨".split()), j)
            if (p.past or told) and not (p.question or p.cond or p.neg or p.promise or p.instruct):
                if not _this_call(s, k):
                    return k
    return None


def _anticipated(s: Sent) -> int | None:
    for i in s.find(_LOOKED_FORWARD, ("VV", "NNG")):
        p = s.pred(i)
        if p.hon and s.lem(p.end) == "던" and s.tag(p.end + 1).startswith("NN"):
            if not _this_call(s, i):
                return i
    return None


def recall(s: Sent, ctx: GuardContext) -> Span | None:
    for found in (_told_before(s), _contact_to_us(s), _anticipated(s)):
        if found is not None and not _supported(s, ctx.facts):
            return found, s.n - 1
    return None


RULES = [("memory", recall)]
