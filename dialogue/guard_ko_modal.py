"""Modal shapes of the Korean role guard's medical rules: what the agent makes of an act, not
the act itself. An instruction said as a must (걸으셔야 해요), an act called needless (병원까지
가실 건 없어요: the same as 갈 필요 없어요), an instruction to get help (119 누르세요: a referral,
never a treatment).
"""

from __future__ import annotations

from dialogue.guard_ko_doc import Sent

_EMERGENCY_LINE = frozenset("119 112 응급실 구급차 앰뷸런스".split())


def sends_for_help(s: Sent) -> bool:
    """119 누르세요, 응급실로 가세요: the instruction is to get help, not a treatment."""
    return any(
        s.is_pred(k) and (s.pred(k).instruct or s.pred(k).prohibit) and not s.pred(k).neg
        for k in range(s.n)
        if s.has(_EMERGENCY_LINE, max(0, k - 4), k)
    )


def obliged(s: Sent, i: int, end: int) -> bool:
    """-어야 해요/돼요 after the predicate at `i`: what the person must do."""
    return any(
        s.lem(m) in ("어야", "아야", "여야") and s.lem(m + 1) in ("하", "되")
        for m in range(i + 1, min(end + 2, s.n - 1))
    )


def needless(s: Sent, k: int) -> bool:
    """가실 건 없어요, 부를 것까진 없어요, 받으실 필요 없어요: the act at `k` called needless."""
    return any(
        s.tag(m) == "ETM"
        and s.lem(m + 1) in ("거", "것", "필요")
        and s.has(frozenset({"없"}), m + 1, m + 5)
        for m in range(k + 1, min(k + 5, s.n - 1))
    )
