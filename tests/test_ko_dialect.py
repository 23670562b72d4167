"""Regional Korean endings (`dialogue.analysis.ko_dialect`): an answer said in 충청, 전라 or
경상 speech is read like the standard one, and nouns that merely end in the same syllable are
left alone. The sentences are new wordings, not the held-out personas' lines."""

from __future__ import annotations

import pytest

from dialogue import extract_learned as el
from dialogue.analysis.ko import content_lemmas
from dialogue.analysis.ko_dialect import standard
from dialogue.extract import extract, identity_answer
from dialogue.scenario import load_scenario

DAILY = load_scenario("daily_checkin_ko")
HEAT = load_scenario("heatwave_checkin_ko")


@pytest.mark.parametrize(
    "said, meant",
    [
        ("점심은 국수 삶아 먹었어유", "점심은 국수 삶아 먹었어요"),
        ("그럼 약은 꼬박꼬박 묵고 있지예", "그럼 약은 꼬박꼬박 먹고 있지요"),
        ("오늘은 장에 갔다 왔어라", "오늘은 장에 갔다 왔어요"),
        ("쪼깐 걸었제", "조금 걸었지"),
        ("밥은 있는디 입맛이 없어", "밥은 있는데 입맛이 없어"),
        ("커피 한 잔 마싰다", "커피 한 잔 마셨다"),
        ("속이 편합니더", "속이 편합니다"),
    ],
)
def test_regional_endings_read_as_standard(said: str, meant: str) -> None:
    assert standard(said) == meant
    assert len(standard(said)) == len(said)  # offsets into the original stay right


@pytest.mark.parametrize(
    "text",
    ["우유 한 잔 마셨어요", "이유는 몰라요", "여유가 없어요", "도토리묵 먹었어요", "묵은지 찌개"],
)
def test_nouns_ending_like_an_ending_are_left_alone(text: str) -> None:
    assert standard(text) == text


def test_longer_forms_for_keyword_matching() -> None:
    assert standard("그런 거 없슈", keep_length=False) == "그런 거 없어요"
    assert standard("다 챙겼심더", keep_length=False) == "다 챙겼습니다"
    assert standard("그런 거 없슈") == "그런 거 없죠"  # same length for Kiwi


def test_kiwi_reads_the_standard_verb() -> None:
    assert "먹다" in content_lemmas("아까 밥 묵었어예")


@pytest.mark.parametrize(
    "scenario, item, text, expected",
    [
        (DAILY, "medication", "아침 먹고 약도 다 묵었어라.", "taken"),
        (DAILY, "medication", "약은 아직 안 묵었심더.", "missed"),
        (HEAT, "phq_interest", "그런 일은 하나도 없슈.", "not_at_all"),
        (HEAT, "outing", "아녀, 오늘은 집에만 있었어유.", "stayed_in"),
    ],
)
def test_dialect_answers_are_extracted(scenario, item, text, expected) -> None:
    found = extract(scenario.item(item), text, language="ko", dont_know=scenario.dont_know)
    assert found.answer_class == expected


def test_identity_confirmed_in_dialect() -> None:
    assert identity_answer(DAILY, "맞심더, 접니더.") == "confirm"


def test_the_night_asked_of_is_no_other_day() -> None:
    night = el.asked_past(tuple(DAILY.item("sleep").questions), "ko")
    assert "어제" in night
    # last night, as the question asks: no reason to withdraw the answer
    assert not el.reason("어제 손님이 와서 밤새 잠이 안 왔어요.", "ko", night)
    # two days ago is another night, whatever the question asks
    assert el.reason("그저께는 잠을 못 잤었지.", "ko", night)
    # a question that names no past day keeps the past as a reason
    assert el.reason("어제 손님이 와서 밤새 잠이 안 왔어요.", "ko")


def test_a_reason_counts_only_in_the_answers_sentences() -> None:
    text = "우리 손녀가 다음 달에 시집을 간대요. 새벽에 자꾸 깨서 설쳤어요."
    part = el.answer_part(text, "깨서 … 설쳤", "ko")
    assert "손녀" not in part and "설쳤" in part
    assert el.reason(text, "ko")  # someone else's news, anywhere in the turn
    assert not el.reason(part, "ko")  # not in the sentence the answer came from
