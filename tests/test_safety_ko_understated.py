"""A sign told in the present and then played down (아픈데 괜찮아요, 못 먹었는데 괜찮아요) is
still asked about; only a sign told in the past, or one a contrast, a condition or a change
says is over (아팠는데 지금은 괜찮아요, 쉬면 괜찮아요, 괜찮아졌어요), is a recovery. New
wordings, none from the evaluation files."""

from __future__ import annotations

import pytest
from safety_ko_kit import C, E, N, decide


@pytest.mark.parametrize(
    "text",
    [
        "명치가 쥐어짜듯 아픈데 괜찮아요",
        "숨이 잘 안 쉬어지는데 저는 괜찮아요",
        "피가 계속 안 멈추는데 멀쩡해요",
        "나흘째 아무것도 못 먹었는데 괜찮아요",
    ],
)
def test_a_present_sign_played_down_is_asked(text):
    assert decide(text)[0] in (E, C)


@pytest.mark.parametrize(
    "text",
    [
        "명치가 쥐어짜듯 아팠는데 지금은 괜찮아요",  # past, and 지금은
        "가슴이 좀 답답했는데 괜찮아요",  # past
        "언덕 올라가면 숨이 좀 차는데 쉬면 괜찮아요",  # on a condition
        "어지러워서 약 먹어 보니 괜찮아요",  # what was done made it fine
        "작년에 쓰러졌는데 그 뒤로 괜찮아요",  # long ago, since then
    ],
)
def test_a_sign_said_to_be_over_is_none(text):
    assert decide(text)[0] == N
