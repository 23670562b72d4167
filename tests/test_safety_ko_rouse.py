"""Korean emergency findings by shape, not phrase: someone roused without a response is an
unconscious person present (`safety.ko_rouse`), beside the sleeper, the deaf ear and the phone;
the slips and spellings a concept must still reach (가스 heard as 가수, 삼일동안, 주먹질,
살려유, 텔레비 as the television); a limb out of shape; charcoal lit in a shut room.

Sentences here are written for these tests (none comes from the evaluation set).
"""

from __future__ import annotations

import pytest
from safety_ko_kit import C, E, N, decide


@pytest.mark.parametrize(
    "text",
    [
        "할아버지가 아무리 깨워도 일어나질 않아요",
        "엄마를 흔들어 봐도 눈을 못 떠요",
        "남편 이름을 불러도 불러도 대꾸가 없어",
        "아버지 뺨을 쳐도 반응이 없어유 어떡해요",
        "영감이 꼬집어 봐도 꿈쩍을 안 혀",
    ],
)
def test_roused_without_response_is_an_emergency(text):
    assert decide(text) == (E, "unconscious")


@pytest.mark.parametrize(
    "text",
    [
        "남편은 잠귀가 어두워서 깨워도 잘 안 일어나요",  # a sleeper's habit
        "손녀가 아침마다 깨워도 안 일어나서 속상해요",  # every morning
        "아들한테 아무리 전화해도 안 받네요",  # the phone: someone elsewhere
        "깨워도 안 일어나는 잠꾸러기라서 그냥 둬요",  # described, not happening
        "어제 영감이 불러도 대답을 안 해서 놀랐는데 보청기를 안 꼈더라고요",  # a deaf ear, past
    ],
)
def test_everyday_reasons_are_not_an_emergency(text):
    assert decide(text)[0] is not E


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("가수 냄새가 집에 꽉 찼어요", "fire"),  # 가스 heard as 가수
        ("사일동안 물 말고는 아무것도 못 먹었어요", "starvation"),
        ("영감이 술 먹으면 발길질을 해요", "violence"),
        ("누가 좀 살려유", "help"),
        ("발목이 반대쪽으로 돌아갔어요", "fall"),
        ("손가락이 옆으로 휘어졌어요", "fall"),
        ("창문에 테이프 붙이고 번개탄 피웠어", "suicide"),
    ],
)
def test_slips_and_spellings_reach_the_concept(text, category):
    decision, found = decide(text)
    assert decision in (E, C) and found == category


@pytest.mark.parametrize(
    "text",
    [
        "텔레비에서 불난 얘기가 나오더라고요",  # the television, as elders say it
        "가수가 새 노래를 냈대요",  # a singer, not gas
        "하루 동안 물만 마셨어요",  # one day
        "연탄불 피워 놔서 방이 뜨끈해요",  # heating
        "넥타이를 목에 매고 결혼식에 갔어요",  # dressing
        "어깨가 빠질 것 같이 쑤셔요",  # a simile
    ],
)
def test_near_misses_stay_none(text):
    assert decide(text)[0] is N
