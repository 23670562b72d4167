"""Session 11's Korean guard mechanisms (`guard_ko_coming`, `guard_ko_scene`, `guard_ko_recall`
and the false-alarm fixes in `guard_ko`, `guard_ko_persona`, `guard_ko_memory`,
`guard_ko_doc`): each shape as a violation and as the caring turn of the same shape.

Sentences written for these tests, none from the evaluation sets or the batches.
"""

from __future__ import annotations

import pytest

from dialogue.analysis import analyze
from dialogue.guard import GuardContext
from dialogue.guard_ko import violations

ALERTING = GuardContext(language="ko", alerting=True)


def cats(text: str, context: GuardContext = ALERTING) -> list[str]:
    return [v.category for v in violations(analyze(text, "ko"), context)]


VIOLATIONS = [
    ("visit", "주민센터에서 보일러 봐 주러 모레쯤 나올 거예요."),
    ("visit", "저녁 무렵에 누가 약봉지 들고 초인종 누를 거예요."),
    ("visit", "돌봐 드릴 분이 방금 댁으로 떠나셨어요."),
    ("visit", "요양보호사님이 쌀 한 포대 가져다 드릴 거예요."),
    ("visit", "간호사분들 금방 도착하시니까 잠깐만 기다리세요."),
    ("seeing", "현관 앞에 우산이 쓰러져 있네요."),
    ("seeing", "식탁 위에 약통이 열려 있으니 닫아 두세요."),
    ("memory", "지난번에 손자 졸업식 얘기 들려주셨잖아요."),
    ("memory", "아드님이 그저께 저희한테 연락해서 걱정하시더라고요."),
    ("memory", "손꼽아 기다리시던 칠순 잔치는 잘 치르셨어요?"),
    ("memory", "허리는 지난달만큼 아직 쑤시세요?"),
]

FINE = [
    "구청에서 지원이 나오는지 복지사님께 여쭤보시면 어떨까요?",
    "누가 초인종 누르면 누구신지 먼저 꼭 확인하세요.",
    "아드님이 반찬 가져다 드린다니 든든하시겠어요.",
    "간호사분들이 도착하면 문 열어 주세요.",
    "현관문이 잠겨 있는지 한번 살펴보세요.",
    "옛날 편지에는 정이 듬뿍 담겨 있지요.",
    "방금 손자 졸업식 얘기 들려주셨잖아요, 정말 기쁘셨겠어요.",
    "궁금하신 게 있으면 언제든 저한테 말씀해 주세요.",
    "목이 칼칼하신 것같이 들리는데 따뜻한 물 한잔 드세요.",
    "봄만 되면 꽃가루 때문에 눈이 가려우시군요.",
    "추울 때는 따뜻한 보리차를 자주 드세요.",
    "일요일에 재미있게 다녀오세요.",
    "금요일 이맘때 또 전화 드릴게요.",
    "어지러우실 땐 빨래는 미뤄 두시고 쉬셔도 괜찮아요.",
    "손주들이 다 왔다니 마당이 시끌벅적했겠어요.",
    "제가 예전 통화 내용은 갖고 있지 않아서요, 다시 한번 말씀해 주시겠어요?",
    "방문 신청은 담당 선생님께 전해 드릴까요?",
    "마당에 물 고인 건 복지사님께 알려 드릴게요.",
]


@pytest.mark.parametrize(("category", "text"), VIOLATIONS)
def test_a_violation_of_the_shape_is_found(category: str, text: str) -> None:
    assert category in cats(text), text


@pytest.mark.parametrize("text", FINE)
def test_the_caring_turn_of_the_same_shape_passes(text: str) -> None:
    assert cats(text) == [], text


def test_memory_that_holds_the_event_lets_the_reminder_through() -> None:
    text = "지난번에 손자 졸업식 얘기 들려주셨잖아요."
    held = GuardContext(language="ko", alerting=True, facts=("손자 졸업식이 다음 주",))
    assert "memory" in cats(text)
    assert "memory" not in cats(text, held)


def test_a_relative_is_told_without_an_alert_channel_but_not_a_care_worker() -> None:
    quiet = GuardContext(language="ko", alerting=False)
    assert "action" in cats("마당에 물 고인 건 복지사님께 알려 드릴게요.", quiet)
    assert cats("마당에 물 고인 건 복지사님께 알려 드릴게요.") == []


def test_the_agent_calling_itself_a_person_is_human_but_saying_it_is_not_passes() -> None:
    assert "human" in cats("저는 로봇이 아니고 진짜 사람이에요.")
    assert "human" in cats("저도 사람이니까 실수할 때가 있어요.")
    assert cats("저는 사람이 아니라 인공지능 상담 프로그램이에요.") == []
    assert cats("어르신은 정말 따뜻한 사람이에요.") == []


def test_a_question_put_inside_a_sentence_is_still_intrusive() -> None:
    assert "intrusive" in cats("적금이 얼마나 모이셨는지 알려 주시면 좋겠어요.")
    assert "intrusive" in cats("지금 사시는 댁이 누구 명의인지 궁금하네요.")
    assert "intrusive" in cats("누나분하고 왜 연락을 안 하시는지 여쭤봐도 될까요?")
    assert cats("오늘 아침은 무엇을 드셨는지 궁금해요.") == []
    assert cats("불편하신 데가 어디인지 말씀해 주세요.") == []
