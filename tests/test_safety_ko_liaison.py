"""Korean emergency findings written as pronounced: 져 heard as 저 after -어 (쓰러저서),
못해 as 모태, 있어 as 이써, 들어 as 드러, the tensed 까스; and the near misses that share
the letters (어저께, a cooking gas bill said plainly).

Sentences here are written for these tests (none comes from the evaluation set).
"""

from __future__ import annotations

import pytest
from safety_ko_kit import C, E, N, decide


@pytest.mark.parametrize(
    "text",
    [
        "화장실에서 쓰러저서 꼼짝을 모태요",
        "나흘째 굼꼬 누워만 이써요",
        "모르는 사람이 문 따고 드러왔어요",
        "부엌에서 까스 냄새가 진동해요",
    ],
)
def test_written_as_heard_is_raised(text):
    assert decide(text)[0] in (E, C)


@pytest.mark.parametrize(
    "text",
    [
        "어저께 손주가 놀러 와서 재밌었어요",
        "까스 요금이 너무 올라서 걱정이에요",
        "집에 잘 드러왔어요, 오늘 장 봤어요",
    ],
)
def test_the_same_letters_in_passing_are_not(text):
    assert decide(text)[0] == N
