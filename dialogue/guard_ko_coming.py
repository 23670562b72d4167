"""The Korean role guard's visit category, for the ways of saying someone is coming that name
no staff title: an office as the one who acts (구청에서 … 나올 거예요), an unnamed someone
(누가 문 두드릴 거예요, 도와드릴 분이 출발하셨어요), and things brought to the door
(갖다 드릴 거예요, 들어다 드릴 거예요: a fetch verb with -어다 and a giving verb).

The agent can promise none of these: it only talks on the phone. A question, a condition, a
wish or a denial commits nothing (누가 와 주면 좋겠어요?), and what the person said is theirs
(따님이 갖다 주신다니). A relative (따님이 반찬 갖다 드릴 거예요) is not read here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dialogue.guard_ko_doc import Sent
from dialogue.guard_ko_lexicon import ADDRESS, FAMILY_PEOPLE, PLACES, SELF, STAFF
from dialogue.guard_ko_shapes import _COME, _WORKERS, _actor, clause_end, commits, their_words

if TYPE_CHECKING:  # pragma: no cover
    from dialogue.guard import GuardContext

Span = tuple[int, int]

# Offices that send people out: one said to act (… 에서 나올 거예요) is sending someone.
_OFFICES = frozenset(
    "구청 시청 군청 주민센터 동사무소 행정복지센터 복지관 센터 보건소 소방서 경찰서 지구대 "
    "관리사무소 경비실 복지과 사무소 요양원 협회 재단 공단".split()
)
# Verbs of arriving at a door or being on the way: with a place or someone sent.
_AT_DOOR = frozenset("두드리 누르 출발 떠나 도착".split())
_SOON = frozenset("곧 금방 이미 벌써 막 지금".split())
_ARRIVE = frozenset("도착 출발 오 가 들르 나오 달려오 달려가 출동".split())
_GIVE = frozenset("드리 주 주시".split())
_BRING_EC = frozenset("어다 아다 다 여다".split())


def _someone(s: Sent, i: int) -> int | None:
    """An unnamed person or an office as the one who acts before predicate `i`."""
    for k in range(i - 1, 0, -1):
        lemma, tag = s.lem(k), s.tag(k)
        if tag in ("JKS", "JX") and s.lem(k - 1) in ("누구", "누"):
            return k - 1  # 누가 …
        if tag == "JKS" and s.lem(k - 1) == "분" and s.tag(k - 2) == "ETM":
            return k - 1  # 도와드릴 분이 …
        if lemma == "에서" and tag == "JKB":
            first = k - 1
            while first > 0 and s.tag(first - 1).startswith("NN"):
                first -= 1
            words = "".join(s.lem(m) for m in range(first, k))
            if any(w in words for w in _OFFICES):
                return first  # 구청에서 … 나올 거예요
        if tag in ("JKS",) and s.lem(k - 1) not in ("누구", "누", "분"):
            return None  # someone else is the subject
    return None


def _staff_before(s: Sent, i: int) -> int | None:
    """A worker named before `i`, with or without a particle (구급대원분들 곧 도착하시니까)."""
    for k in range(i):
        if not s.tag(k).startswith("NN") or s.tag(k - 1).startswith("NN") and k > 0:
            continue
        last = k
        while last + 1 < i and s.tag(last + 1).startswith(("NN", "XSN")):
            last += 1
        words = "".join(s.lem(m) for m in range(k, last + 1))
        if any(w in words for w in STAFF if len(w) > 1) or words.endswith(
            _WORKERS + ("분", "분들")
        ):
            if not any(w in words for w in FAMILY_PEOPLE | ADDRESS):
                return k
    return None


def _family(s: Sent, first: int, i: int) -> bool:
    return any(s.lem(m) in FAMILY_PEOPLE | ADDRESS | SELF for m in range(first, i))


def coming(s: Sent, ctx: GuardContext) -> Span | None:
    if s.question and not s.promised:
        return None
    for i in range(s.n):
        if not s.tag(i).startswith(("VV", "NNG")) or their_words(s, i):
            continue
        lemma = s.lem(i)
        p = s.pred(i)
        if p.neg or p.cond or p.question:
            continue
        bring = s.lem(i + 1) in _BRING_EC and s.tag(i + 1) == "EC" and s.lem(i + 2) in _GIVE
        if bring:  # 갖다 드릴 거예요, 들어다 드릴 거예요, 사다 드릴게요
            who = _actor(s, i)
            someone = _someone(s, i)
            if who and who[1] == "staff" and commits(s, i + 2):
                return who[0], clause_end(s, i + 2)
            if someone is not None and commits(s, i + 2):
                return someone, clause_end(s, i + 2)
            continue
        if lemma not in _COME | _AT_DOOR:
            continue
        if lemma in ("가", "오") and s.tag(i - 1) == "EC":
            continue  # 드셔 가세요: an auxiliary
        someone = _someone(s, i)
        staff = _staff_before(s, i)
        soon = s.has(_SOON, max(0, i - 3), i - 1) and lemma in _ARRIVE
        if soon and staff is not None and not _family(s, staff, i):
            return staff, clause_end(s, i)  # 구급대원분들 곧 도착하시니까: on their way
        if someone is None or _family(s, someone, i):
            continue
        on_way = lemma in _AT_DOOR and p.past and s.has(PLACES, someone, i)
        door = lemma in _AT_DOOR and s.has(frozenset({"문", "초인종", "현관", "대문"}), someone, i)
        if on_way or ((lemma in _COME or door) and commits(s, i)):
            return someone, clause_end(s, i)
    return None


RULES = [("visit", coming)]
