"""Korean reactions by meaning (P4): topic classes, regional endings, questions to the agent by
their shape, and a keyword's verb said with another adverb. Wordings here are written for these
tests, not taken from any persona file."""

from __future__ import annotations

import pytest

from dialogue.analysis.ko import is_question
from dialogue.analysis.ko_topics import fold, spoken
from dialogue.conversation.asks_ko import shape
from dialogue.conversation.terms import terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("선생님은 로봇이에요, 사람이에요?", "ask_real_person"),
        ("아가씨 나이가 어떻게 돼요?", "ask_agent_age"),
        ("내 전화번호는 어디서 알았어요?", "ask_who_gave_number"),
        ("아가씨 성함이 어떻게 되세요?", "ask_agent_name"),
        ("아가씨는 고향이 어디예요?", "ask_where_from"),
        ("아가씨는 종일 전화하면 안 피곤해요?", "ask_agent_tired"),
        ("보일러가 고장 났는데 누가 와서 고쳐 줄 수 있어요?", "ask_help_chores"),
    ],
)
def test_a_question_to_the_agent_is_told_by_its_shape(text: str, expected: str) -> None:
    assert shape(text)[:1] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "우리 손자는 몇 살이더라?",  # about a third person
        "아가씨 목소리가 참 곱네요",  # no question
        "사람이 많아서 오래 기다렸어요",  # a statement that names people
    ],
)
def test_no_shape_without_a_question_about_the_agent(text: str) -> None:
    assert shape(text) == []


def test_topic_classes_fold_on_both_sides() -> None:
    assert fold("칼바람") == fold("춥다") == "추위"
    assert fold("보이스피싱") == fold("사기꾼") == "사기"
    assert fold("무릎") == "무릎"  # not a topic class: unchanged
    assert "추위" in terms("칼바람이 불어서 꽁꽁 얼었어요", "ko")
    assert "추위" in terms("오늘은 너무 추워요", "ko")


def test_regional_endings_and_likenings_for_retrieval() -> None:
    assert spoken("사람이 많아가 힘들었어요") == "사람이 많아서 힘들었어요"
    assert spoken("약이 헷갈립니더") == "약이 헷갈립니다"
    assert spoken("혼자 있응께 심심해") == "혼자 있으니까 심심해"
    assert "솜" not in spoken("몸이 솜처럼 늘어져요")


def test_some_months_is_no_question() -> None:
    assert not is_question("벌써 몇 달째 연락이 없어요")
    assert is_question("몇 살이에요")


def test_a_keywords_verb_with_another_adverb_answers() -> None:
    from dialogue import load_scenario
    from dialogue.extract import extract
    from scenarios import scenario_path

    scenario = load_scenario(scenario_path("daily_checkin_ko"))
    sleep = next(i for i in scenario.items if i.id == "sleep")
    assert extract(sleep, "그냥저냥 잤어요", language="ko").answer_class == "well"
    assert extract(sleep, "어젯밤엔 통 안 잤어요", language="ko").answer_class == "poorly"
    # someone else's sleep answers nothing
    assert extract(sleep, "손녀가 하룻밤 자고 갔어요", language="ko").answer_class is None


def test_a_scam_in_other_words_is_retrieved() -> None:
    from dialogue.conversation.retrieve import Retriever

    found = Retriever.for_language("ko").find("사기꾼이 검찰이라고 속여서 식겁했어요", limit=3)
    assert "scam_call" in [c.situation.id for c in found]
