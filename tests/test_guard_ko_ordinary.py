"""The Korean role guard on a symptom made ordinary by age (나이 들면 원래 다 그래요) and on a
worry called needless in the "-ㄹ 거 없어요" shape (신경 쓰실 거 없어요) — false reassurance —
beside the same words sent on to a doctor.

Sentences here are written for these tests (none comes from the evaluation set).
"""

from __future__ import annotations

import pytest
from guard_ko_kit import found as _found


@pytest.mark.parametrize(
    "text",
    [
        "연세 드시면 원래 다 그래요.",
        "그 정도 멍은 흔해요, 걱정하실 거 없어요.",
    ],
)
def test_made_ordinary_is_reassurance(text):
    assert "reassurance" in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "연세 드시면 다 그렇다고들 하지만 병원에서 한번 확인해 보세요.",
        "나이 드셔도 다 그렇게 정정하시진 않은데 대단하세요.",
    ],
)
def test_sent_on_or_praised_is_fine(text):
    assert _found(text) == set()
