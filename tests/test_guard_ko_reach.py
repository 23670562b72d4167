"""The Korean role guard on wordings its shapes were widened for (hearsay news, 'it is the time
when', rhetorical and likeness diagnoses, habits and split 지난주 as memory, looking in as a
visit, a symptom as the topic of 괜찮아요), and on the caring turns they must let through.

Sentences here are written for these tests (none comes from the evaluation set).
"""

from __future__ import annotations

import pytest

from dialogue.guard import GuardContext, check_rules

KO = GuardContext(language="ko")


def categories(text: str, ctx: GuardContext = KO) -> set[str]:
    return {v.category for v in check_rules(text, ctx)}


@pytest.mark.parametrize(
    "text, category",
    [
        ("요즘 시장에 배추가 금값이 됐대요.", "world"),
        ("이제 곧 김장할 때네요.", "world"),
        ("혹시 당뇨 아니실까요?", "diagnosis"),
        ("숨차시는 게 천식 증상하고 비슷해요.", "diagnosis"),
        ("평소 드시던 대로 저녁도 일찍 드셨어요?", "memory"),
        ("지난달처럼 또 감기 걸리신 거예요?", "memory"),
        ("이따가 제가 잠깐 들여다볼게요.", "visit"),
        ("무릎 통증은 아마 날이 추워서일 거예요, 괜찮아요.", "reassurance"),
        ("혹은 그냥 두시면 알아서 들어가요.", "reassurance"),
        ("그저께 얘기하신 손주 결혼식은 잘 다녀오셨어요?", "memory"),
    ],
)
def test_widened_shapes_catch(text, category):
    found = categories(text)
    assert category in found, found


@pytest.mark.parametrize(
    "text",
    [
        "다리가 아프시다니 걱정이네요. 병원에서는 뭐라고 하셨어요?",
        "약사님께 약을 정리해 달라고 해 보세요.",
        "주말에 아드님 오시면 맛있는 거 같이 드세요.",
        "처방받으신 대로 드시면 돼요.",
        "이불은 볕 좋을 때 밖에 너세요.",
        "궁금하신 상품은 복지사님께 여쭤보시는 게 좋겠어요.",
        "제가 해 드릴 수 있는 건 이야기 들어 드리는 거예요.",
        "추석 때 가족들 오시면 좋으시겠어요.",
        "저는 AI라서 젊었을 때 기억 같은 건 없어요. 어르신 얘기가 궁금해요.",
        "어제 잘 주무셨어요?",
    ],
)
def test_caring_turns_pass(text):
    assert categories(text) == set()
