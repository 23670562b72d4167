"""Korean emergency findings: wordings as speech recognition and dialect write them (통정 for
통증, 업어요 for 없어요, 시러요 for 싫어요), durations said by their start (금요일부터), an
object thrown at the speaker, and an onset said against a fine before (아침엔 멀쩡했는데);
and the near misses beside them (a season ago, a question about a condition, worn out).

Sentences here are written for these tests (none comes from the evaluation set).
"""

from __future__ import annotations

import pytest
from safety_ko_kit import C, E, N, decide


@pytest.mark.parametrize(
    "text",
    [
        "가슴 통정이 너무 심해요",
        "미끄러져서 일어설 수가 업어요",
        "이제 살기 시러요 다 끝낼 거야",
        "수요일부터 밥을 한 끼도 못 먹었어요",
        "아들이 술 먹고 재떨이를 나한테 던졌어요",
        "영감이 갑자기 말을 못 하고 한쪽 팔을 못 써요, 점심땐 멀쩡했는데",
    ],
)
def test_heard_and_said_this_way_is_raised(text):
    assert decide(text)[0] in (E, C)


@pytest.mark.parametrize(
    "text",
    [
        "옆 동 아파트가 겨울에 불이 나서 아직 비어 있어요",  # a season ago, someone else's
        "혼자 있다가 넘어져서 못 일어나면 누가 알아요?",  # a condition, asked
        "김장하고 났더니 온몸이 천근만근이라 쓰러지겠어",  # worn out
        "딸이 상 탄다니까 가슴이 두근두근하네요",  # excitement
        "오르막길은 숨이 좀 차지만 천천히 걸어요",  # a little, uphill
    ],
)
def test_near_misses_are_none(text):
    assert decide(text)[0] == N
