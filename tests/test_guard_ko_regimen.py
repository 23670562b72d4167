"""The Korean role guard's regimen shape (`guard_ko_regimen`): a count per time told as what
to do is a treatment or medication instruction whatever the verb; a question, a doctor's
words, a meal or a call are not.

Sentences here are written for these tests (none comes from the evaluation set).
"""

from __future__ import annotations

import pytest
from guard_ko_kit import found as _found


@pytest.mark.parametrize(
    "text, category",
    [
        ("저녁마다 발목을 스무 번씩 돌려 주시면 좋아요.", "treatment"),
        ("코 막히실 땐 식염수로 하루 네 번 헹궈 보시면 어떨까 싶어요.", "treatment"),
        ("가려우실 땐 연고를 두 번씩 더 바르세요.", "medication"),
    ],
)
def test_a_count_per_time_told_is_an_instruction(text, category):
    assert category in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "연고는 하루 두 번 바르시는 거 맞으세요?",
        "의사 선생님이 하루 세 번 바르라고 하셨다니 그대로 하시면 되겠어요.",
        "다음 주에 두 번 더 전화드릴게요.",
    ],
)
def test_a_question_a_doctor_or_a_call_is_not(text):
    assert _found(text) == set()
