"""The Korean role guard on what the agent lacks and what it was once told: an AI saying it
has no body or family (저는 몸이 없어서) or no memory of a call (기억을 못 해서요) is fine; a
kind of care the person may ask about (방문 간호 서비스가 있는지 알아보시면) is no visit; but
what the person is recalled as having said at some earlier time (좋아하신다던 가수, 가신다고
하던 병원) is a claim of memory, unless it was said in this call (아까).

Sentences here are written for these tests (none comes from the evaluation set).
"""

from __future__ import annotations

import pytest
from guard_ko_kit import found as _found


@pytest.mark.parametrize(
    "text",
    [
        "저는 가족이 없어서 명절 기분은 모르지만 듣기만 해도 흐뭇해요.",
        "제가 예전 이야기는 기억을 못 해서요, 한 번만 더 들려주시겠어요?",
        "구청에 방문 목욕 서비스가 있는지 여쭤 보시면 어떨까요?",
        "아까 드신다고 하던 한약은 언제부터 드셨어요?",
    ],
)
def test_what_it_lacks_or_heard_now_is_fine(text):
    assert _found(text) == set()


@pytest.mark.parametrize(
    "text, category",
    [
        ("전에 배우신다고 하던 서예는 요즘도 다니세요?", "memory"),
        ("저도 어깨가 안 좋아서 파스를 달고 살아요.", "human"),
        ("제가 모레 직접 방문 드릴게요.", "visit"),
    ],
)
def test_recalled_or_claimed_is_flagged(text, category):
    assert category in _found(text)
