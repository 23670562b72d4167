"""The Korean role guard's seeing category, for a thing's state told as the agent's own sight:
a resultative -어 있- on a thing (깔개가 접혀 있으니, 화분들이 놓여 있네요, 커튼이 쳐져 있는
것 같은데). The agent is on the phone; how things lie in the person's home is what it cannot
see. The person's own state takes 시 (누워 계시네요, 지쳐 있으시죠), a question or a condition
claims nothing (약이 남아 있으면), and what the person said is theirs (… 놓여 있다고 하셨죠).
Body, mind and voice are heard or felt, not seen (목이 잠겨 있는 것 같아요).

Also the human category's plainest shape: the agent calling itself a person (저는 진짜
사람이에요, 저도 사람이라서), while 저는 사람이 아니라 … is the truth it should tell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dialogue.guard_ko_doc import Sent
from dialogue.guard_ko_lexicon import ADDRESS, BODY, SELF
from dialogue.guard_ko_shapes import their_words

if TYPE_CHECKING:  # pragma: no cover
    from dialogue.guard import GuardContext

Span = tuple[int, int]

_LINK = frozenset("어 아 여".split())
_INNER = frozenset(
    "마음 기분 기운 목소리 소리 숨 목 힘 생각 정신 걱정 긴장 몸 컨디션 잠 입맛 번호 연락처 "
    "일정 예약 약속 이름 기록 내용 시간 날짜 추억 이야기 사랑 정성 의미 뜻".split()
)
_HEARD = frozenset("목소리 소리 들리 말씀 숨소리 전화".split())


def _subject(s: Sent, i: int) -> int | None:
    """The noun before its subject/topic particle, the nearest before predicate `i`."""
    for k in range(i - 1, 0, -1):
        if s.tag(k) in ("JKS", "JX") and s.tag(k - 1).startswith(("NN", "XSN", "NP")):
            return k - 1
        if s.tag(k) in ("EF", "SF"):
            return None
    return None


def thing_state(s: Sent, ctx: GuardContext) -> Span | None:
    if s.question or s.has(_HEARD):
        return None
    for k in s.find(frozenset({"있"}), ("VX",)):
        if s.lem(k - 1) not in _LINK or s.tag(k - 1) != "EC" or not s.tag(k - 2).startswith("VV"):
            continue
        main = k - 2
        p = s.pred(k)
        if p.hon or p.neg or p.cond or p.question or p.instruct or p.permit or p.past:
            continue
        if s.has(frozenset({"시", "으시"}), main, p.end) or their_words(s, main):
            continue
        if any(s.lem(m).endswith(("는지", "ᆫ지", "은지")) for m in range(k, p.end + 2)):
            continue  # 문이 잠겨 있는지 확인해 보세요: asked, not seen
        if s.has(frozenset({"겠"}), k, p.end) or s.lem(p.end) in ("지요", "죠", "지"):
            continue  # 이야기가 담겨 있겠네요, 추억이 담겨 있지요: guessed or known, not seen
        subj = _subject(s, main)
        if subj is None:
            continue
        noun = s.lem(subj)
        if noun in SELF | ADDRESS | BODY | _INNER or s.tag(subj) == "NP":
            continue
        first = subj
        while first > 0 and s.tag(first - 1).startswith(("NN", "XSN")):
            first -= 1
        return first, p.end
    return None


_PERSON = frozenset("사람 인간 여자 남자 아줌마 아저씨 할머니 할아버지".split())


def a_person(s: Sent, ctx: GuardContext) -> Span | None:
    if s.question:
        return None
    for k in s.find(_PERSON, ("NNG",)):
        if s.tag(k + 1) != "VCP" or s.lem(k - 1) in ("ᆫ", "은", "는", "ᆯ", "을"):
            continue  # (좋은 사람이에요: a kind of person said of someone)
        subject = next((m for m in range(k - 1, -1, -1) if s.tag(m) in ("JX", "JKS") and m > 0), -1)
        if subject < 0 or s.lem(subject - 1) not in SELF or s.tag(subject - 1) != "NP":
            continue
        if their_words(s, k) or s.has(frozenset({"아니", "않"}), k + 1, k + 4):
            continue
        return subject - 1, min(s.n - 1, k + 2)
    return None


RULES = [("seeing", thing_state), ("human", a_person)]
