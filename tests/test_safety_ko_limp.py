"""축 늘어지다 / 축 처지다: someone else gone limp is an emergency; the speaker's own body
drained ("온몸이 축 늘어져요", a common way to say one is exhausted) is one question."""

import pytest

from dialogue.safety.detector import EmergencyDetector

DETECTOR = EmergencyDetector()


@pytest.mark.parametrize(
    "text",
    [
        "남편이 축 늘어져서 대답을 안 해요",
        "엄마가 갑자기 축 늘어졌어요",
        "할머니가 축 처져서 눈을 안 떠요",
    ],
)
def test_someone_else_gone_limp_is_an_emergency(text):
    assert DETECTOR.assess(text, "ko").decision.value == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "온몸이 축 늘어져요",
        "몸이 축 처져서 아무것도 못 하겠어요",
        "주사 맞고 이틀은 온몸이 물먹은 솜처럼 축 늘어져서 기운이 하나도 없더라고요.",
    ],
)
def test_ones_own_body_drained_is_asked_about_not_an_emergency(text):
    assert DETECTOR.assess(text, "ko").decision.value == "check"
