"""The Korean role guard's memory category: the agent remembers only what memory holds. An
earlier call (지난번에, 저번 통화 때), an earlier week said as the agent's own knowledge
(지난주보다, 지지난주처럼) or a habit it says it knows (늘 하시던 대로) is a claim of memory,
unless the person said it in this call (아까 … 하셨는데) or memory holds it (`ctx.facts`).
Split from `guard_ko_persona` (world, human, seeing).

The rule takes a `Sent` and the `GuardContext` and returns the (first, last) tokens of its
evidence, or None.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from dialogue.analysis import analyze
from dialogue.guard_ko_doc import Sent
from dialogue.guard_ko_lexicon import EARLIER, LAST_CALL, MEMORY_GENERIC, SELF

if TYPE_CHECKING:  # pragma: no cover
    from dialogue.guard import GuardContext

Span = tuple[int, int]

_CONTENT_TAGS = ("NN", "VV", "VA", "XR", "SN", "SL")


def _words(tokens) -> tuple[frozenset[str], frozenset[str]]:
    """What a claim or a fact is about: its nouns, and all its content words."""
    content = [
        t.lemma for t in tokens if t.tag.startswith(_CONTENT_TAGS) and t.lemma not in MEMORY_GENERIC
    ]
    nouns = [t.lemma for t in tokens if t.tag.startswith(("NN", "SN", "SL"))]
    return frozenset(n for n in nouns if n in content), frozenset(content)


@lru_cache(maxsize=256)
def _fact_words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    return _words(analyze(text, "ko").tokens)


def _supported(s: Sent, facts) -> bool:
    """Memory holds what the sentence claims: a noun in common (무릎 … 무릎 통증), or, when the
    claim names nothing, a content word in common. 아프 alone does not make 머리 무릎."""
    nouns, content = _words(s.t)
    for fact in facts:
        if not fact.strip():
            continue
        f_nouns, f_content = _fact_words(fact)
        if (nouns and nouns & f_nouns) or (not nouns and content & f_content):
            return True
    return False


def _quoted(s: Sent, i: int) -> bool:
    """Token `i` sits inside what the person is quoted as saying in this call (지난주에 약이
    바뀌었다고 하셨는데), unless the agent recalls the telling itself (… 하셨던 것 같은데요)."""
    for k in range(i + 1, s.n):
        if s.tag(k) in ("EC", "JKQ", "ETM") and s.lem(k).endswith(("다고", "라고", "냐고", "자고")):
            rest = [s.lem(m) for m in range(k + 1, min(k + 6, s.n))]
            recalled = "던" in rest or ("것" in rest and "같" in rest) or "잖아요" in rest
            return not recalled
        ending = s.tag(k) in ("EC", "EF")  # not the verb 다니 (교회 다니신다고)
        if ending and (
            s.lem(k) in ("다니", "라니", "다면서", "다며", "라며") or s.lem(k).endswith("다니")
        ):
            return True
    return False


def memory(s: Sent, ctx: GuardContext) -> Span | None:
    t = s.t
    marks = []
    earlier = s.units(LAST_CALL | EARLIER) + [  # 어제 말씀하신: Kiwi's adverb 어제
        (k, k) for k in s.find(EARLIER, ("MAG",)) if s.lem(k + 1) in ("말씀", "얘기", "이야기")
    ]
    for i, last in earlier:
        words = s.text(i, last).replace(" ", "")
        call = any(w in words for w in LAST_CALL) or s.lem(last + 1) in ("통화", "전화")
        call = call or "통화" in words  # 지난주 통화 때
        if s.lem(last) == "전" and (s.tag(last - 1) in ("ETN", "ETM") or s.lem(last - 1) in _NOW):
            continue  # 드시기 전에, 조금 전에: not an earlier call
        if (s.lem(i - 1) in _NOW and s.tag(i - 1).startswith(("MAG", "MM", "NN"))) or s.lem(
            i
        ) in _NOW:
            continue
        told = s.has(frozenset({"말씀", "얘기", "이야기"}), last + 1, last + 3)
        told = told or s.has(frozenset({"말씀", "얘기", "이야기"}), i + 1, last)  # 그저께 얘기
        like = s.lem(last + 1) in ("처럼", "만큼", "같이")  # 예전처럼: the agent knows before
        like = like or (s.lem(last) in ("만큼", "처럼") and s.tag(last) == "NNB")  # 지난달만큼
        unlike = s.lem(last + 1) == "같" and s.is_pred(last + 1) and s.pred(last + 1).neg
        if unlike:
            continue  # 몸이 예전 같지 않아서 속상하시죠: their own sense of then
        than = s.lem(last + 1) == "보다" and not s.question  # 어제보다 좀 나으세요? asks
        told = told or like or than
        ahead = head_of(
            s, next((k for k in range(last + 1, min(last + 6, s.n)) if s.is_pred(k)), -1)
        )
        ahead_p = s.pred(ahead) if ahead >= 0 else None
        if not (call or told) and ahead_p and (ahead_p.cond or ahead_p.promise or ahead_p.instruct):
            continue  # 주말에 따님 오시면, 토요일에 즐겁게 다녀오세요: a time to come, not a memory
        if call or told or not _quoted(s, last):
            marks.append((i, call or told))  # 예전에 말씀하신 …
    for i in range(s.n - 2):
        call_unit = {s.lem(i + 1), s.lem(i + 2)} & {"번", "통화"}
        if _quoted(s, i + 2) and not call_unit:
            continue  # 지난달에 넘어지셨다고 하셨는데: what they said in this call
        if s.tag(i) == "MM" and s.lem(i) in ("지난", "지지난", "저번") and s.lem(i + 1) in _UNITS:
            marks.append((i, s.lem(i + 2) in ("처럼", "보다", "만큼") or s.lem(i + 1) == "번"))
        habit = s.lem(i) in _HABIT and s.tag(i) in ("MAG", "NNG")
        near = range(i + 1, min(i + 5, s.n - 1))  # 늘 하시던 대로, 평소 드시던 대로
        if habit and any(s.lem(k + 1) == "던" and s.lem(k).endswith("시") for k in near):
            marks.append((i, True))
        if s.lem(i) == "그때" and s.lem(i + 1) in ("말씀", "얘기", "이야기"):
            marks.append((i, True))  # 그때 말씀하신 약
        if s.lem(i) == "지나" and s.tag(i + 1) == "ETM" and s.lem(i + 2) in _UNITS:
            like = s.lem(i + 3) in ("처럼", "만큼")  # 지난주만큼 아프세요?: then, as known
            marks.append((i, s.lem(i + 2) in ("번", "통화") or like))  # 지난 통화에서
    if marks:  # 가신다던 결혼식: what the person is recalled as having said, at an earlier time
        told_then = [k for k in range(s.n) if s.lem(k).endswith(("다던", "라던"))]
        if told_then and s.tag(told_then[0]) in ("ETM", "EC", "EF"):
            marks.append((told_then[0], True))
    for i in range(s.n - 3):  # 좋아하신다던 가수 (… 시 + ㄴ다고 + 하 + 던 + a noun)
        said = s.tag(i) == "EC" and s.lem(i).endswith(("다고", "라고"))
        if said and s.lem(i + 1) == "하" and s.lem(i + 2) == "던" and s.tag(i + 2) == "ETM":
            this_call = s.has(frozenset({"아까", "방금", "조금", "금방"}), 0, i)  # 아까 가신다던
            if s.tag(i + 3).startswith("NN") and s.has(frozenset({"시", "으시"}), 0, i):
                if this_call:
                    continue
                marks.append((i, True))  # what the person said at some earlier time
    if any(s.pred(i).neg for i in s.find(frozenset({"기억", "기억나"}), ("NN", "VV"))):
        return None  # 제가 예전 통화는 기억하지 못해서요
    if any(s.pred(i).neg and not s.pred(i).hon for i in s.find(_HOLD, ("VV", "NN"))):
        return None  # 지난 통화 내용은 갖고 있지 않아서요: the agent disclaims holding it
    for i in s.find(frozenset({"기억"}), ("NN",)):
        if s.lem(i + 1) in ("을", "를", "이", "은", "도") and s.lem(i + 2) in ("못", "안"):
            return None  # 기억을 못 해서요, 기억이 안 나서: the agent disclaims it
    remember = [
        i
        for i in s.find(frozenset({"기억", "기억나"}), ("NN", "VV"))
        if s.lem(i + 1) in ("하", "나", "으로", "에는", "로는")
        or s.lem(i) == "기억나"
        or (s.lem(i + 1) == "이" and s.lem(i + 2) in ("나", "맞"))  # 기억이 나요, 맞다면
        if (not s.pred(i).hon or s.has(SELF, 0, i)) and not s.pred(i).promise
    ]
    if not marks and not remember:
        return None
    about = any(
        (x.tag == "EP" and x.lemma in ("시", "으시"))
        or x.lemma in ("말씀", "기억", "얘기")
        or x.lemma in ("주무시", "드시", "계시")
        or (x.tag == "EF" and x.lemma.startswith(("세", "으세", "셔", "셨")))
        or x.lemma in ("같이", "함께")  # 저번에 같이 노래 불렀던 거: a past shared with the agent
        for x in t
    )
    if not about:
        return None
    if marks and not remember and not any(call for _, call in marks):
        asks = s.question and not s.final_ef.endswith(("죠", "지요", "잖아요", "면서요"))
        if asks:
            return None  # 어제 잘 주무셨어요? 어제보다 좀 나으세요?
    if _supported(s, ctx.facts):
        return None
    first = marks[0][0] if marks else remember[0]
    return first, s.n - 1


_NOW = frozenset("조금 방금 아까 금방 바로 좀".split())
_UNITS = frozenset("번 통화 주 달 주말 해".split())
_HABIT = frozenset("늘 항상 평소 매번 맨날 언제나 노상".split())
_HOLD = frozenset("갖 가지 저장 기록 남 알".split())
_CHAIN = frozenset("게 다가 고".split())


def head_of(s: Sent, k: int) -> int:
    """The predicate a clause leans on: 즐겁게 다녀오세요 -> 다녀오, 북적이다가 조용해지면 ->
    조용해지 (an adverb or a clause joined by -다가/-고 is not where the sentence commits)."""
    for _ in range(4):
        if k < 0 or s.lem(s.pred(k).end) not in _CHAIN or s.tag(s.pred(k).end) != "EC":
            return k
        nxt = next(
            (m for m in range(s.pred(k).end + 1, min(s.pred(k).end + 7, s.n)) if s.is_pred(m)), -1
        )
        if nxt < 0:
            return k
        k = nxt
    return k
