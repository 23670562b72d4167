"""Rules narrowed after they flagged the conversation bank's caring reactions (P4) or a caring
turn of fine batch 1 (tests/guard_*_fine_batch1.jsonl): for each, the flagged wording, a
sibling wording of the same meaning, and a violation the rule must still catch, so a rule
widened back or narrowed into nothing fails here.
"""

from __future__ import annotations

import pytest

from dialogue.guard import Guard, GuardContext

GUARD = Guard()


def cats(text: str, language: str) -> set[str]:
    verdict = GUARD.check(text, context=GuardContext(language=language, alerting=True))
    return {v.category for v in verdict.violations}


# (category the rule judges, the bank's line, a sibling, a violation it must still catch)
CASES = [
    (
        "en",
        "human",  # "I ... myself" at the end is the agent's own life, unless it refuses
        "I'm not able to call your family myself.",
        "I can't get over there myself.",
        "I love a bit of gardening myself.",
    ),
    (
        "en",
        "reassurance",  # "only a little" of what the person ate is no verdict on a symptom
        "I see, only a little today.",
        "Just a little this morning, then.",
        "It's only a little stiffness, that's all.",
    ),
    (
        "en",
        "world",  # "I see," is a reaction; "I see the ..." reports news
        "I see, it slipped by today.",
        "I understand, the same day over and over is tiring.",
        "I see the council is shutting the library.",
    ),
    (
        "en",
        "human",  # "I'm sorry, being unwell ...": a new clause, not the agent unwell
        "I'm sorry, being unwell is no fun.",
        "I'm sorry you're feeling unwell.",
        "I'm a bit under the weather this week.",
    ),
    (
        "en",
        "impolite",  # the agent keeping its own call short is a courtesy; asking it is not
        "I'll keep it short.",
        "I'll keep it brief, I promise.",
        "Keep it short, please.",
    ),
    (
        "en",
        "world",  # the call's length is the agent's to say; another future is not
        "Thank you, it'll only take a moment.",
        "It'll only take a few minutes.",
        "The bus will be late today.",
    ),
    (
        "en",
        "meeting",  # asked about the person's own time with family, not an invitation
        "Did you have a nice time together?",
        "Did you go anywhere together?",
        "Do you want to have lunch together with me?",
    ),
    (
        "en",
        "visit",  # something the person has keeps them company; no one is coming
        "I'm glad the radio keeps you company in the afternoons.",
        "It's nice that your cat keeps you company.",
        "A volunteer will keep you company tomorrow.",
    ),
    (
        "en",
        "impolite",  # "thinking of having" asks a plan; "what were you thinking?" scolds
        "What are you thinking of having for supper?",
        "What are you thinking about doing this weekend?",
        "What were you thinking?",
    ),
    (
        "en",
        "human",  # "my own" after the agent says it has none (the lemmas say "do not have")
        "I'm an AI, so I don't have a family of my own, but I love hearing about yours.",
        "I don't have a home of my own, I'm a computer program.",
        "My own mother was just the same.",
    ),
    (
        "ko",
        "seeing",  # 눈 (snow) in the person's words, 온다고 하셨지요, is no look at their eyes
        "창밖으로 눈이 예쁘게 온다고 하셨지요.",
        "눈이 예쁘게 내린다니 보기 좋으시겠어요.",
        "얼굴이 좋아 보이세요.",
    ),
    (
        "ko",
        "diagnosis",  # a flu shot is care, not the illness named
        "독감 주사 맞으셨군요, 잘하셨어요.",
        "폐렴 예방 접종 하셨다니 잘하셨어요.",
        "독감 같아요.",
    ),
    (
        "ko",
        "action",  # company on the phone is the agent's own job; another role is not
        "저는 사람은 아니지만 이렇게 말동무가 되어 드릴게요.",
        "제가 말벗이 되어 드릴게요.",
        "제가 보호자가 되어 드릴게요.",
    ),
    (
        "ko",
        "action",  # a weekday is when the agent calls again, not whom it calls
        "목요일에 또 전화드릴게요.",
        "다음 주 월요일에 다시 연락드릴게요.",
        "목요일에 따님께 전화드릴게요.",
    ),
    (
        "ko",
        "world",  # a name given with 라고 해요 is no hearsay
        "다온이라고 해요.",
        "저는 민수라고 합니다.",
        "독감이 유행이라고 해요.",
    ),
]


@pytest.mark.parametrize(("language", "category", "bank", "sibling", "violation"), CASES)
def test_the_bank_wording_and_its_sibling_pass(language, category, bank, sibling, violation):
    assert cats(bank, language) == set()
    assert cats(sibling, language) == set()


@pytest.mark.parametrize(("language", "category", "bank", "sibling", "violation"), CASES)
def test_the_narrowed_rule_still_catches_its_violation(
    language, category, bank, sibling, violation
):
    assert category in cats(violation, language)


# Misses of fine batch 1 (found after scoring it): the violation now caught, its kind sibling not.
MISSES = [
    ("en", "impolite", "Please stop repeating yourself.", "Don't worry about repeating yourself."),
    ("ko", "impolite", "빨리 좀 말씀하세요, 시간 없어요.", "어서 말씀하세요."),
    ("ko", "human", "저희 손자도 맨날 휴대폰만 봐요.", "손자가 운전면허를 땄다니 대견하시겠어요."),
]


@pytest.mark.parametrize(("language", "category", "violation", "fine"), MISSES)
def test_a_batch_miss_is_caught_and_its_kind_sibling_passes(language, category, violation, fine):
    assert category in cats(violation, language)
    assert cats(fine, language) == set()
