"""Korean emergency findings: near misses that say the same words as an emergency (a supply of
pills run out, a husband not up yet, a jump at play, a racing heart at good news), and the
emergencies they must not hide (all the sleeping pills, a jump wished for, 119 asked politely).

Sentences here are written for these tests (none comes from the evaluation set).
"""

from __future__ import annotations

import pytest
from safety_ko_kit import C, E, N, decide


@pytest.mark.parametrize(
    "text, category",
    [
        ("안정제를 몽땅 먹어 버렸어요", "overdose"),  # a sedative's whole supply
        ("수면제 남은 거 전부 삼켰어", "overdose"),
        ("수면 재를 다 먹었어요", "overdose"),  # split and misheard as speech recognition wrote it
        ("아파트 베란다에서 뛰어내릴 거예요", "suicide"),  # a jump from a height, intended
        ("뛰어 내리고 싶어", "suicide"),  # the compound spaced
        ("구급차 좀 불러 주시면 안 될까요?", "help"),  # a polite request, not a condition
        ("사람 좀 보내 주시면 고맙겠어요 빨리요", "help"),
    ],
)
def test_emergencies_said_in_new_shapes(text, category):
    assert decide(text) == (E, category)


@pytest.mark.parametrize(
    "text",
    [
        "안정제를 다 먹어서 병원에서 새로 타 왔어요",  # the supply ran out and was refilled
        "수면제는 처방대로 다 먹었어요",
        "수면제 다 먹었냐고요?",  # asked, not told
        "영감은 아직 안 일어났어요 어제 늦게 잤거든요",  # not up yet, asleep
        "아들이 늦잠 자느라 안 일어나요",
        "애들이 미끄럼틀에서 뛰어내리며 놀아요",  # a jump at play
        "딸이 시집간다고 해서 가슴이 두근거렸어요",  # a racing heart at good news
        "합격했다는 전화 받고 심장이 쿵쾅쿵쾅했어요",
        "가슴 답답한 건 없고 허리가 좀 쑤셔요",  # the chest denied, the back is what aches
        "복지관에서 낙상 예방 교육을 들었어요",  # a class's topic
        "언덕 오르면 숨이 좀 차는데 늘 그래요",  # mild, on exertion, as always
        "우유를 많이 안 마셔요",  # how much, not whether
        "손자가 자전거 타다 넘어졌는데 금방 웃으면서 놀더라고요",  # up and playing
        "약을 한꺼번에 먹으면 안 된다고 해서 나눠 먹어요",  # a rule, not an act
        "넘어지면 119 불러 주시면 돼요",  # still a condition
        "혈압약 두 알 먹으라 했는데 한 알만 먹었고 더 먹지는 않았어",  # more, denied
        "아침 약을 까먹어서 저녁에 먹었어요",  # forgotten, taken late: one dose
        "눈 감기 전에 증손주 얼굴 한번 보고 싶어요",  # a wish before dying, not to die
        "명절에 애들 오면 정신이 하나도 없어",  # hectic
        "밭일 하고 왔더니 숨이 좀 차서 앉아 있어요",  # mild, after exertion
    ],
)
def test_near_misses_are_none(text):
    assert decide(text)[0] == N


@pytest.mark.parametrize(
    "text",
    [
        "영감이 아무리 깨워도 안 일어나요",  # won't wake: not "not up yet"
        "넘어져서 아직 못 일어나요",
        "숨이 좀 차요",  # mild, but not said to be usual
        "갑자기 숨이 좀 차는데 원래 안 그랬어요",
        "가슴이 두근거리고 아파요 소식 듣고 나서",  # pain with it
        "손주가 넘어져서 안 일어나요",
        "약 먹은 걸 깜빡하고 또 먹었어요",  # forgotten, then a second dose
        "영감이 갑자기 정신이 하나도 없어요",
        "가만히 있었는데 숨이 좀 차요",  # no exertion said
    ],
)
def test_what_the_near_misses_do_not_cover_is_still_raised(text):
    assert decide(text)[0] in (C, E)
