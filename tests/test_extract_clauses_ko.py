"""Korean answers whose item words belong to another day or to someone else, said so by the
grammar (`dialogue.extract_clauses.todays_own_ko`). Wordings are new ones, written for the
mechanism, not taken from any extraction batch."""

from __future__ import annotations

import pytest

from dialogue import extract_learned as el
from dialogue import load_scenario
from dialogue.extract import extract
from dialogue.extract_clauses import todays_own_ko

KO = load_scenario("daily_checkin_ko")


def _rules_class(item_id: str, text: str) -> str | None:
    """The class with the learned layer off: the mechanism is the rules' own."""
    try:
        el.set_enabled(False)
        return extract(KO.item(item_id), text, language="ko", dont_know=KO.dont_know).answer_class
    finally:
        el.set_enabled(True)


@pytest.mark.parametrize(
    ("item_id", "text"),
    [
        ("mood", "우리 며느리가 요즘 많이 외로워해요."),  # -어하다: another's feeling
        ("health", "옆집 할머니는 허리가 아프대요."),  # -대요: reported
        ("outing", "재작년엔 복지관에 자주 나갔었지."),  # long ago, past perfect
        ("meal", "옛날엔 하루 세 끼 꼬박꼬박 먹었어."),
    ],
)
def test_another_day_or_someone_elses_experience_answers_nothing(item_id, text):
    assert _rules_class(item_id, text) in (None, "dont_know")


@pytest.mark.parametrize(
    ("item_id", "text", "truth"),
    [
        ("meal", "예전처럼 밥 잘 먹었어요.", "ate"),  # "as before": now
        ("health", "어제부터 무릎이 아파요.", "pain"),  # "since yesterday": still now
        ("meal", "아들이 끓여 준 죽을 먹었어요.", "ate"),  # another person named, my meal
    ],
)
def test_the_speakers_own_today_still_answers(item_id, text, truth):
    assert _rules_class(item_id, text) == truth


def test_yesterday_stays_a_follow_up_answer_long_ago_does_not():
    # a follow-up asks of the days since the jab: yesterday's fever answers it
    assert todays_own_ko("어제 저녁에 열이 좀 났어요.") == "어제 저녁에 열이 좀 났어요."
    assert todays_own_ko("옛날에 열이 많이 났었지.") is None
