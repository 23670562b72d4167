"""Keyword extraction on recognizer-like text: negation, longest match, Korean stems, errors."""

from __future__ import annotations

import pytest

from dialogue import load_scenario
from dialogue.extract import detect_emergency, extract, identity_answer
from dialogue.scenario import DONT_KNOW

EN = load_scenario("daily_checkin_en")
KO = load_scenario("daily_checkin_ko")


def answer(scenario, item_id: str, text: str):
    found = extract(
        scenario.item(item_id), text, language=scenario.language, dont_know=scenario.dont_know
    )
    return found.answer_class


@pytest.mark.parametrize(
    ("item_id", "text", "expected"),
    [
        ("meal", "yes i ate", "ate"),
        ("meal", "i didn't eat", "skipped"),
        ("meal", "i didn't eat breakfast", "skipped"),
        ("meal", "no i had breakfast already", "ate"),
        ("meal", "i had nothing", "skipped"),
        ("meal", "just a few bites i'm not hungry", "little"),
        ("sleep", "not very well i kept waking up", "poorly"),
        ("sleep", "i slept well", "well"),
        ("sleep", "i did not sleep well", "poorly"),
        ("sleep", "i didn't sleep well at all", "poorly"),
        ("health", "i don't have any pain", "none"),
        ("health", "no pain at all", "none"),
        ("health", "my back is aching", "pain"),
        ("health", "it still hurts", "pain"),
        ("medication", "i haven't taken them yet", "missed"),
        ("medication", "yes i took them", "taken"),
        ("medication", "i'm not on any medication", "no_medication"),
        ("outing", "no i stayed home", "stayed_in"),
        ("outing", "i didn't go outside", "stayed_in"),
        ("mood", "not bad", "good"),
        ("mood", "not good", "low"),
        ("mood", "a bit lonely", "low"),
    ],
)
def test_english_answers(item_id: str, text: str, expected: str) -> None:
    assert answer(EN, item_id, text) == expected


@pytest.mark.parametrize(
    ("item_id", "text", "expected"),
    [
        ("meal", "네, 먹었어요", "ate"),
        ("meal", "안 먹었어요", "skipped"),
        ("meal", "안먹었어요", "skipped"),
        ("meal", "못 먹었어요", "skipped"),
        ("meal", "아직 아무것도 먹지 않았어요", "skipped"),
        ("meal", "입맛이 없어서 조금 먹었어요", "little"),
        ("sleep", "잘 잤어요", "well"),
        ("sleep", "잘 못 잤어요", "poorly"),
        ("health", "아픈 데는 없어요", "none"),
        ("health", "안 아파요", "none"),
        ("health", "무릎이 아파요", "pain"),
        ("health", "허리가아파요", "pain"),
        ("health", "아프지 않아요", "none"),
        ("medication", "깜빡했어요", "missed"),
        ("medication", "약은 안 먹었어요", "missed"),
        ("outing", "집에만 있었어요", "stayed_in"),
        ("outing", "경로당에 다녀왔어요", "went_out"),
        ("mood", "기분이 안 좋아요", "low"),
        ("mood", "괜찮지 않아요", "low"),
        ("mood", "좋아요", "good"),
    ],
)
def test_korean_answers(item_id: str, text: str, expected: str) -> None:
    assert answer(KO, item_id, text) == expected


def test_one_syllable_korean_keywords_need_a_word_of_their_own() -> None:
    # "네" is yes, but also the end of "잤네요" and "그러네요".
    assert answer(KO, "meal", "네") == "ate"
    assert answer(KO, "meal", "그러네요") is None


def test_dont_know_is_an_answer_but_loses_ties() -> None:
    assert answer(EN, "medication", "i don't know") == DONT_KNOW
    assert answer(EN, "sleep", "i'm not sure") == DONT_KNOW
    assert answer(KO, "sleep", "잘 모르겠어요") == DONT_KNOW
    assert answer(EN, "meal", "i don't know i think i ate") == "ate"


def test_example_answers_are_the_last_resort() -> None:
    found = extract(EN.item("meal"), "rice and soup for lunch", language="en")
    assert found.answer_class == "ate" and found.confidence < 0.5


def test_nothing_recognizable() -> None:
    found = extract(EN.item("meal"), "the weather channel", language="en")
    assert (found.answer_class, found.evidence, found.confidence) == (None, "", 0.0)


def test_evidence_confidence_and_detail() -> None:
    found = extract(EN.item("health"), "Yes, my left knee hurts when I walk.", language="en")
    assert found.answer_class == "pain"
    assert found.detail == "knee"
    assert "knee hurts" in found.evidence
    assert 0.8 <= found.confidence <= 1.0
    weak = extract(EN.item("health"), "yes", language="en")
    assert weak.answer_class == "pain" and weak.confidence < found.confidence
    ko = extract(KO.item("health"), "허리가 좀 아파요", language="ko")
    assert (ko.answer_class, ko.detail) == ("pain", "허리")


def test_negated_evidence_includes_the_negator() -> None:
    found = extract(EN.item("health"), "i don't have any pain", language="en")
    assert found.evidence.startswith("don't")


@pytest.mark.parametrize(
    ("item_id", "heard", "expected"),
    [
        # words dropped by the recognizer
        ("meal", "i breakfast this morning yes", "ate"),
        ("sleep", "not very i kept waking", "poorly"),
        ("medication", "i took my after breakfast", "taken"),
        # near-homophones swapped in
        ("health", "my knee hertz a bit", "pain"),
        ("sleep", "i slapped well", "well"),
        ("sleep", "i kept waiting up all night", "poorly"),
        ("outing", "i woked to the park", "went_out"),
        ("medication", "i forgot", "missed"),
        ("medication", "yes i tuck them", "taken"),
    ],
)
def test_survives_recognition_errors(item_id: str, heard: str, expected: str) -> None:
    assert answer(EN, item_id, heard) == expected


def test_near_matches_are_less_confident_than_exact_ones() -> None:
    exact = extract(EN.item("health"), "my knee hurts", language="en")
    near = extract(EN.item("health"), "my knee hertz", language="en")
    assert near.answer_class == exact.answer_class == "pain"
    assert near.confidence < exact.confidence


def with_rules(scenario, rules: dict[str, dict]):
    """The scenario with emergency rules of its own (YAML `emergency:` entries)."""
    from dialogue.scenario import Emergency

    extra = [Emergency(id=k, say="Please call for help now.", **v) for k, v in rules.items()]
    return scenario.model_copy(update={"emergency": extra})


RULES_EN = {
    "fall": {
        "keywords": ["had a fall", "can't get up"],
        "patterns": [r"\b(?:fell|fallen)\b(?! asleep)"],
    },
    "chest_pain": {"keywords": ["chest pain"]},
    "self_harm": {"keywords": ["want to die"]},
}
RULES_KO = {
    "fall": {"keywords": ["넘어졌", "쓰러졌"]},
    "chest_pain": {"keywords": ["가슴이 아파"]},
    "self_harm": {"keywords": ["죽고 싶"]},
}


@pytest.mark.parametrize(
    ("rules", "text", "expected"),
    [
        (RULES_EN, "I fell down in the bathroom", "fall"),
        (RULES_EN, "i've fallen and i can't get up", "fall"),
        (RULES_EN, "I have chest pain", "chest_pain"),
        (RULES_EN, "sometimes i want to die", "self_harm"),
        (RULES_EN, "i fell asleep early", None),
        (RULES_EN, "i didn't fall", None),
        (RULES_EN, "i don't want to die", None),
        (RULES_KO, "화장실에서 쓰러졌어요", "fall"),
        (RULES_KO, "어제 넘어졌어요", "fall"),
        (RULES_KO, "가슴이 아파요", "chest_pain"),
        (RULES_KO, "그냥 죽고 싶어요", "self_harm"),
        (RULES_KO, "죽고 싶지는 않아요", None),
        (RULES_KO, "안 넘어졌어요", None),
    ],
)
def test_a_scenarios_own_emergency_rules(rules, text: str, expected: str | None) -> None:
    scenario = with_rules(EN if rules is RULES_EN else KO, rules)
    found = detect_emergency(scenario, text)
    assert (found.emergency.id if found else None) == expected


def test_identity() -> None:
    assert identity_answer(EN, "yes this is margaret") == "confirm"
    assert identity_answer(EN, "yes i'm her daughter") == "deny"
    assert identity_answer(EN, "wrong number") == "deny"
    assert identity_answer(EN, "hello") is None
    assert identity_answer(KO, "네, 접니다") == "confirm"
    assert identity_answer(KO, "아니요, 딸인데요") == "deny"
