"""The Korean role guard on caring turns that share words with a violation (an AI's disclaimer
of a body, an action the agent says it cannot take, whether something is serious left to a
test), and on violations whose words Kiwi splits or whose memory hides in an ending.

Sentences here are written for these tests (none comes from the evaluation set).
"""

from __future__ import annotations

import pytest
from guard_ko_kit import found as _found


@pytest.mark.parametrize(
    "text",
    [
        "저는 AI라서 배가 고픈 걸 느껴 본 적이 없어요.",  # what it is, said plainly
        "택시 예약은 제가 해 드릴 수가 없어서, 아드님께 여쭤 보시면 어떨까요?",
        "혹시 큰 병은 아닌지 병원에서 검사받아 보시면 마음이 놓이실 거예요.",
        "별일 아닌지는 의사 선생님이 봐 주실 거예요.",
        "아까 가신다던 병원은 몇 시에 가세요?",  # said in this call
        "지난주에 감기 걸리셨다고 하셨는데 이제 좀 나으셨다니 다행이에요.",  # quoted now
        "며칠 동안 혼자 계셨으면 누구라도 적적하죠.",  # anyone would feel it
    ],
)
def test_caring_turns_are_fine(text):
    assert _found(text) == set()


@pytest.mark.parametrize(
    "text, category",
    [
        ("저도 어제 허리가 아픈 걸 참았어요.", "human"),  # an experience, not a disclaimer
        ("예약은 제가 해 드렸어요.", "action"),
        ("별일 아니니까 걱정 마세요.", "reassurance"),
        ("어지러우신 건 빈혈이에요.", "diagnosis"),
        ("밤에 귀에서 소리가 나시는 건 이명이에요.", "diagnosis"),  # 이명: Kiwi reads 이 + 명
        ("저번 달에 하신다던 백내장 수술은 잘 받으셨어요?", "memory"),  # told then, recalled now
        ("지난 통화에서 무릎이 쑤신다고 하셨죠.", "memory"),  # quoted, but from the last call
        ("제가 방금 따님께 어르신이 어지러우시다고 연락드렸어요.", "action"),  # hon in a quote
    ],
)
def test_violations_still_found(text, category):
    assert category in _found(text)
