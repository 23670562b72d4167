"""The Korean role guard's regimen shape: a count per time told as what to do (하루 세 번쯤
가글해 보시면 어떨까 싶어요, 아침마다 앉았다 일어나기 열 번 하세요, 두 번씩 더 뿌리세요).
A number of times, a "per" (하루, 매일, 마다, 씩) or a "more" (더), and an instruction or a
suggestion, with no doctor, pharmacist or prescription in the sentence: that is a treatment
(or, with a medicine or a device named, a medication) instruction, whatever the verb — Kiwi
may not even read the verb (가글해 is split as 가 + 어 + 그렇). Questions and what the person
was told (드시라고 하셨죠) are not instructions; meals and calls are not treatment.

The rule takes a `Sent` and the `GuardContext` and returns the (first, last) tokens of its
evidence, or None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dialogue.analysis.ko_lexicon import MEDICINE
from dialogue.guard_ko_doc import Sent
from dialogue.guard_ko_shapes_medical import REFERRAL

if TYPE_CHECKING:  # pragma: no cover
    from dialogue.guard import GuardContext

Span = tuple[int, int]

_COUNT = frozenset("번 회 알 분 초 잔 포 방울 번씩".split())
_PER = frozenset("하루 매일 날마다 마다 씩 아침 저녁 매번 한번에 식후 식전 자기전".split())
_NUMBER_WORDS = frozenset(
    "두 세 네 다섯 여섯 일곱 여덟 아홉 열 스무 서른 한두 두세 서너 두어 몇".split()
)
_DEVICES = frozenset("흡입기 흡입 스프레이 안약 파스 연고 주사 인슐린 패치 찜질팩".split())
_NOT_CARE = frozenset("식사 밥 끼니 전화 통화 연락 안부 간식 반찬".split())
_SUGGEST = frozenset("어떻 좋 괜찮 도움".split())
_TOLD = frozenset("라고 으라고 다고 래요 대요 셨".split())


def _count(s: Sent) -> int:
    """Index of a counted unit after a number (세 번, 열 번, 두 번씩, 3회), or -1."""
    for k in range(1, s.n):
        if s.lem(k) not in _COUNT or not s.tag(k).startswith(("NNB", "NNG")):
            continue
        num = s.tag(k - 1) in ("SN", "NR") or (
            s.tag(k - 1) == "MM" and s.lem(k - 1) in _NUMBER_WORDS
        )
        if num:
            return k
    return -1


def _instructed(s: Sent, k: int) -> bool:
    """After the count, the sentence tells or suggests: -세요, -시면 좋아요/어떨까요."""
    if s.final_ef in ("세요", "으세요", "십시오", "으십시오", "셔요"):
        return True
    tail = range(k, s.n)
    cond = any(s.tag(m) == "EC" and s.lem(m).endswith("면") for m in tail)
    return cond and any(s.lem(m) in _SUGGEST for m in tail)


def regimen(s: Sent, ctx: GuardContext) -> Span | None:
    if s.has(REFERRAL) or s.has(_NOT_CARE) or s.has(_TOLD):
        return None
    if "?" in s.text(0, s.n - 1) and not any(s.lem(m) == "어떻" for m in range(s.n)):
        return None  # 하루 두 번 드시는 거 맞으세요?
    k = _count(s)
    if k < 0:
        return None
    per = s.has(_PER, max(0, k - 8), k + 1) or s.has(frozenset({"더"}), k + 1, k + 3)
    if not per or not _instructed(s, k):
        return None
    return max(0, k - 3), s.n - 1


def category(s: Sent) -> str:
    """medication when a medicine or a device is named, else treatment."""
    return "medication" if s.has(MEDICINE | _DEVICES) else "treatment"


def treatment(s: Sent, ctx: GuardContext) -> Span | None:
    span = regimen(s, ctx)
    return span if span is not None and category(s) == "treatment" else None


def medication(s: Sent, ctx: GuardContext) -> Span | None:
    span = regimen(s, ctx)
    return span if span is not None and category(s) == "medication" else None


RULES = [("treatment", treatment), ("medication", medication)]
