"""Answers in passing, Korean, sentence by sentence: a life story in one sentence ("시장에서
삼십 년 장사했지") answers no item of today, while the next sentence about this morning does."""

from __future__ import annotations

from dialogue.conversation.passing import in_passing, other_day
from dialogue.scenario import load_scenario

DAILY = load_scenario("daily_checkin_ko")


def test_years_ago_is_another_day() -> None:
    assert other_day("그 동네 공원에서 이십 년 넘게 청소 일을 했어요", "ko")
    assert not other_day("공원에 산책 다녀왔어요", "ko")


def test_only_the_sentences_about_today_answer() -> None:
    text = "젊어서는 공원에서 이십 년 넘게 청소 일을 했지. 오늘은 아침 먹고 약도 먹었어요."
    found = {e.item_id: e.answer_class for e in in_passing(DAILY, ["outing", "medication"], text)}
    assert "outing" not in found  # the park was a job long ago, not today's outing
    assert found.get("medication") == "taken"


def test_a_whole_story_of_long_ago_answers_nothing() -> None:
    text = "삼십 년 전에는 매일 시장에 나갔어요."
    assert in_passing(DAILY, ["outing"], text) == []
