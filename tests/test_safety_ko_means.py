"""Korean emergency findings for a means made ready with a plan: a rope got for an unnamed deed
(밧줄 사다 뒀어, 그걸로 할라고), a rope "to hang with" (목맬 줄), a resolve (이번엔 진짜);
and the same things got for a named, harmless use (이불 널려고).

Sentences here are written for these tests (none comes from the evaluation set).
"""

from __future__ import annotations

import pytest
from safety_ko_kit import C, E, N, decide


@pytest.mark.parametrize(
    "text",
    [
        "헛간에 밧줄 사다 뒀어 그걸로 할라고",
        "목맬 줄을 구해 뒀어요",
        "제초제 한 병 챙겨 놨어요, 이번엔 정말이에요",
    ],
)
def test_a_means_with_a_plan_is_raised(text):
    assert decide(text)[0] in (E, C)


@pytest.mark.parametrize(
    "text",
    [
        "빨랫줄 새로 사다 놨어요, 이불 널려고요",
        "텃밭에 뿌리려고 비료 사다 놨어요",
    ],
)
def test_the_same_things_for_a_named_use_are_not(text):
    assert decide(text)[0] == N
