"""The Korean role guard by shape where a word list cannot reach: an instruction said as a must
(-어야 해요), an act called needless (-ㄹ 건 없어요), an illness named by its kind (퇴행성,
신경성); and the caring turns of the same shape that must pass: sending for help (119 누르세요),
keeping to the prescription (처방받으신 대로), asking about their weather, sympathy with the
weather as its reason.

Sentences written for these tests, none from the evaluation sets or the batches.
"""

from __future__ import annotations

import pytest

from dialogue.analysis import analyze
from dialogue.guard import GuardContext
from dialogue.guard_ko import violations

ALERTING = GuardContext(language="ko", alerting=True)


def cats(text: str) -> list[str]:
    return [v.category for v in violations(analyze(text, "ko"), ALERTING)]


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("treatment", "저녁마다 계단을 스무 번씩 오르내리셔야 해요."),
        ("treatment", "발목에는 얼음찜질을 하셔야 돼요."),
        ("reassurance", "응급실까지 가실 건 없을 거예요."),
        ("reassurance", "그 정도로는 검사받으실 것까진 없어요."),
        ("diagnosis", "그건 노인성 변화라서 그래요."),
        ("diagnosis", "어지러우신 건 신경성이에요."),
    ],
)
def test_violations_by_shape(category, text):
    assert category in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "다리에 힘이 빠지면 참지 마시고 바로 119 부르세요.",
        "혈압약은 병원에서 처방받으신 대로 드세요.",
        "거기는 요즘 날씨가 어떤가요?",
        "바람이 차서 무릎이 더 시리시겠어요.",
        "오늘은 푹 쉬셔야 해요.",
        "만성 질환이 있으시면 의사 선생님께 여쭤보세요.",
    ],
)
def test_caring_turns_of_the_same_shape_pass(text):
    assert cats(text) == []
