"""시간 counted (한 시간 전에, 1시간 전에) says when the pills were swallowed, not that they were
taken on time (시간 맞춰): it no longer lifts an overdose. New wordings."""

from __future__ import annotations

import pytest
from safety_ko_kit import E, N, decide


@pytest.mark.parametrize(
    "text",
    ["두 시간 전에 수면제를 몽땅 먹었어요", "3시간 전에 수면제를 다 삼켰어요"],
)
def test_hours_ago_is_when(text):
    assert decide(text)[0] == E


@pytest.mark.parametrize("text", ["수면제를 시간 맞춰 다 먹었어요", "약을 시간 맞춰 다 먹었어요"])
def test_on_time_is_still_as_prescribed(text):
    assert decide(text)[0] == N


@pytest.mark.parametrize(
    "text",
    [
        "수면제는 시간 맞춰서 다 먹었어요",
        "수면제를 제시간에 다 먹었어요",
        "수면제도 제때 챙겨서 다 먹었지요",
    ],
)
def test_on_time_in_a_manner_clause_or_as_one_word_is_as_prescribed(text):
    # the rules: "시간 맞춰서" is a clause of its own (-어서), 제시간 one word
    assert decide(text)[0] != E


@pytest.mark.parametrize(
    "text",
    [
        "혈압약은 시간 맞춰서 먹었는데 수면제를 한꺼번에 다 먹었어요",
        "시간 맞춰서 먹으려다가 수면제를 통째로 다 먹었어요",
    ],
)
def test_on_time_elsewhere_in_the_sentence_does_not_lift_an_overdose(text):
    assert decide(text)[0] == E
