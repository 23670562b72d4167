"""Korean trips out told as a story (`dialogue.extract_ko_going`) and Korean denials of a
whole statement (`dialogue.extract._negated_answer`): read for the asked item and in passing."""

from __future__ import annotations

import pytest

from dialogue.conversation.passing import in_passing
from dialogue.extract import extract
from dialogue.extract_ko_going import going_class, went_out
from dialogue.scenario import load_scenario

DAILY = load_scenario("daily_checkin_ko")
HEAT = load_scenario("heatwave_checkin_ko")
VACCINE = load_scenario("vaccination_followup_ko")


@pytest.mark.parametrize(
    "text",
    [
        "손녀 학원에 데려다주고 오는 길에 떡 좀 사 왔어요.",  # on the way back
        "우체국 가서 소포 부치고 왔어요.",  # a round trip
        "아침에 목욕탕 갔다가 국수 한 그릇 먹었어요.",  # a place, then going
        "보건소에 다녀왔지요.",  # a round trip in one verb
    ],
)
def test_a_trip_told_as_a_story_is_going_out(text: str) -> None:
    assert went_out(text)
    assert extract(DAILY.item("outing"), text, language="ko").answer_class == "went_out"


@pytest.mark.parametrize(
    "text",
    [
        "해 지면 공원에 나가 보려고요.",  # a plan, not today's trip
        "딸이 반찬 들고 왔다가 갔어요.",  # someone else came
        "시간 가는 줄 모르고 텔레비전 봤어요.",  # time going by
        "날이 더워서 시장에 안 갔어요.",  # a trip not made
        "집에 가서 누웠어요.",  # home is no outing
    ],
)
def test_no_trip_out(text: str) -> None:
    assert not went_out(text)


def test_the_outing_class_is_found_from_the_items_keywords() -> None:
    assert going_class(DAILY.item("outing")) == "went_out"
    assert going_class(HEAT.item("outing")) == "went_out"
    assert going_class(DAILY.item("meal")) is None
    assert going_class(VACCINE.item("fever")) is None


def test_a_trip_told_at_another_question_answers_the_outing_in_passing() -> None:
    text = "손녀 학원에 데려다주고 오는 길에 떡 좀 사 먹었어요."
    found = {e.item_id: e.answer_class for e in in_passing(DAILY, ["outing", "sleep"], text)}
    assert found.get("outing") == "went_out"
    assert "sleep" not in found


@pytest.mark.parametrize(
    ("scenario", "item", "text", "truth"),
    [
        # a negation denied as a whole cancels
        (VACCINE, "site", "안 아프다고는 못 하겠네요, 누르면 욱신해요.", "sore"),
        (VACCINE, "symptoms", "멀쩡한 건 아니고 좀 피곤하네요.", "mild"),
        # -진 않았어요 after the place keyword's own predicate
        (DAILY, "outing", "집에만 있진 않았어요, 교회 갔다 왔어요.", "went_out"),
    ],
)
def test_korean_denials(scenario, item: str, text: str, truth: str) -> None:
    assert extract(scenario.item(item), text, language="ko").answer_class == truth
