"""Korean emergency findings told by someone else but about here and now: who and when, not
which words. A vow reported in the present (죽겠대요 after a deed, 피우겠다고 해요), a relative
said to be beside the speaker (지금 옆에 있어요), the speaker told of their own body (며느리가
그러는데 제 입술이 …대요), someone on a high edge who will not come down, and a hope (쉬면
낫겠지요?) that is not a recovery; and the near misses beside them (the idiom 아파 죽겠대요,
a friend's trouble elsewhere, a story told of long ago, a cat on the roof).

Sentences here are written for these tests (none comes from the evaluation set).
"""

from __future__ import annotations

import pytest
from safety_ko_kit import C, E, N, decide


@pytest.mark.parametrize(
    "text",
    [
        "바깥양반이 수면제를 잔뜩 모아 두고 오늘 죽겠대요",
        "남편이 창문을 다 막고 번개탄 피우겠다고 해요",
        "며느리가 그러는데 제 입술이 시퍼렇대요",
        "손녀가 그러는데 제가 갑자기 말을 이상하게 한대요, 지금 옆에 있어요",
        "아들이 옥상 난간에 앉아서 안 내려와요",
        "가슴이 조여 오는데 좀 쉬면 낫겠지요? 팔도 저려요",
    ],
)
def test_told_of_here_and_now_is_raised(text):
    assert decide(text)[0] in (E, C)


@pytest.mark.parametrize(
    "text",
    [
        "영감이 다리 아파 죽겠다고 투덜거려요",
        "친구가 요즘 무릎이 쑤셔서 못 걷겠대요",
        "언니가 그러는데 내가 어릴 때 물에 빠졌었대요",
        "고양이가 지붕에 올라가서 안 내려와요",
        "딸이 그러는데 내 얼굴이 좋아 보인대요",
        "오래 살아서 뭐 하냐고들 하는데 나는 재미있어요",
    ],
)
def test_told_of_elsewhere_or_nothing_is_not(text):
    assert decide(text)[0] == N
