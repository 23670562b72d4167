"""The Korean role guard's structural layer for what the agent cannot have lived or heard, and
for pressing an elder (see `guard_ko_shapes`):

- news passed on, even as a question (어제 그 동네에 큰불이 났다던데 괜찮으셨어요?);
- a life told in the agent's own past (학교 다닐 때 자주 놀러 갔었거든요);
- the reason for a family's absence asked (… 안 찾아오는 건 무슨 사정이 있어서예요?);
- an elder told to do as the agent says, or that they are hard to follow (제 말대로 하세요,
  그렇게 느리게 말씀하시면 알아듣기 힘들어요).

Each rule takes a `Sent` and the `GuardContext` and returns the (first, last) tokens of its
evidence, or None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dialogue.guard_ko_doc import Sent
from dialogue.guard_ko_lexicon import FAMILY_PEOPLE, SELF

if TYPE_CHECKING:  # pragma: no cover
    from dialogue.guard import GuardContext

Span = tuple[int, int]

_EVENTS = frozenset("불 큰불 화재 사고 지진 홍수 정전 단수 태풍 폭설 산사태 사건 난리".split())
_HEARD = frozenset("던데 다던데 라던데 대 래 대요 래요 더라".split())


def news(s: Sent, ctx: GuardContext) -> Span | None:
    """어제 그 동네에 큰불이 났다던데: an event passed on as heard, asked about or not."""
    if s.has(frozenset({"시", "으시", "말씀"}), 0, s.n // 2) and s.has(frozenset({"다고", "다니"})):
        return None  # 불이 났다고 하셨는데: the person's news
    for first, last in s.units(_EVENTS):
        for k in range(last + 1, min(last + 8, s.n)):
            heard = s.lem(k) in _HEARD or (
                s.lem(k) in ("다고", "라고") and s.lem(k + 1) == "하" and s.lem(k + 2) in _HEARD
            )
            if heard:
                return first, k
    return None


_PAST_LIFE = frozenset("었었 았었 였었".split())


def own_past(s: Sent, ctx: GuardContext) -> Span | None:
    """갔었거든요, 살았었어요: a past lived by the speaker (no 시, no one else named)."""
    if s.question or any(s.lem(k) in ("시", "으시") for k in range(s.n)):
        return None
    for k in range(s.n):
        if s.lem(k) in _PAST_LIFE and s.tag(k) == "EP":
            if not any(s.tag(m) in ("JKS",) and s.tag(m - 1).startswith("NN") for m in range(k)):
                return max(0, k - 3), k
    return None


_WHY = frozenset("사정 이유 까닭 연유".split())


def why_alone(s: Sent, ctx: GuardContext) -> Span | None:
    """자녀분들이 자주 안 찾아오는 건 무슨 사정이 있어서예요?"""
    if not s.question or not s.units(FAMILY_PEOPLE):
        return None
    for k in range(s.n):
        if s.lem(k) in _WHY and s.has(frozenset({"무슨", "어떤", "왜"}), max(0, k - 2), k):
            return k, s.n - 1
    return None


def pressing(s: Sent, ctx: GuardContext) -> Span | None:
    """제 말대로 하세요; 느리게 말씀하시면 알아듣기 힘들어요."""
    for k in range(s.n - 2):
        mine = s.lem(k) in ("저", "제") and s.lem(k + 1) in ("의", "말")
        if mine and s.has(frozenset({"대로"}), k, k + 4):
            j = next((m for m in range(k + 2, min(k + 7, s.n)) if s.is_pred(m)), -1)
            if j >= 0 and s.pred(j).instruct:
                return k, s.pred(j).end
        given = (
            s.lem(k) in ("드리", "하") and s.tag(k + 1) == "ETM" and s.lem(k + 2) in ("말씀", "말")
        )
        if given and s.has(SELF, max(0, k - 3), k):
            j = next((m for m in range(k + 3, min(k + 7, s.n)) if s.is_pred(m)), -1)
            if j >= 0 and s.pred(j).instruct:
                return max(0, k - 2), s.pred(j).end  # 제가 드린 말씀 좀 새겨들으세요
        if s.lem(k) in ("알아듣", "이해하", "알아듣기") and s.has(frozenset({"힘들", "어렵"}), k):
            if any(s.is_pred(m) and s.pred(m).cond and s.pred(m).hon for m in range(k)):
                return 0, s.n - 1
    return None


RULES = [
    ("world", news),
    ("human", own_past),
    ("intrusive", why_alone),
    ("impolite", pressing),
]
