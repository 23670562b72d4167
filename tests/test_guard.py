"""The response guard: each role violation is caught in English and Korean, the agent's own
lines and ordinary kind turns pass, memory claims need memory, echoes are allowed, the judge."""

from __future__ import annotations

import pytest

from dialogue import load_scenario
from dialogue.guard import JUDGE, Guard, Violation, parse_judgement, plain_speech, sentences
from dialogue.guard_rules import (
    ADVERTISING,
    HUMAN,
    IMPOLITE,
    INTRUSIVE,
    MEDICAL,
    MEMORY,
    PHYSICAL,
    SEES,
    WORLD,
)
from dialogue.llm import LLMError
from dialogue.text import fill
from scenarios import list_scenarios

GUARD = Guard()

VIOLATIONS_EN = [
    (HUMAN, "That sounds nice. I had a big bowl of soup for lunch myself."),
    (HUMAN, "Me too, I slept badly last night."),
    (HUMAN, "My daughter visits me every Sunday."),
    (HUMAN, "I love cooking, it relaxes me."),
    (SEES, "You look a little pale today."),
    (SEES, "I can see that you're smiling."),
    (PHYSICAL, "I'll bring you some groceries tomorrow."),
    (PHYSICAL, "Would you like me to come over and keep you company?"),
    (PHYSICAL, "Let's go for a walk in the park together."),
    (PHYSICAL, "Should we meet at the community center?"),
    (WORLD, "It's so hot these days, so drink lots of water."),
    (WORLD, "The weather is lovely for a walk."),
    (WORLD, "I heard on the news that the flu is going around."),
    (WORLD, "Winter is coming, so keep warm."),
    (MEMORY, "Last time you told me your grandson was visiting."),
    (MEMORY, "I remember you had a cold yesterday."),
    (ADVERTISING, "Our company just launched a new blood pressure monitor at a discount."),
    (MEDICAL, "It sounds like arthritis."),
    (MEDICAL, "Take two ibuprofen and lie down."),
    (MEDICAL, "You should stop taking your medication if it makes you dizzy."),
    (MEDICAL, "First, sit on the floor. Then bend your upper body to the left."),
    (INTRUSIVE, "How much money does your son give you as an allowance?"),
    (INTRUSIVE, "Do you still work?"),
    (IMPOLITE, "Hurry up, I don't care about that."),
]

VIOLATIONS_KO = [
    (HUMAN, "저도 오늘 점심에 국수 먹었어요."),
    (HUMAN, "저희 어머니도 무릎이 안 좋으세요."),
    (HUMAN, "저도요. 요즘 잠을 설쳐요."),
    (SEES, "오늘 얼굴이 좋아 보이세요."),
    (SEES, "많이 피곤해 보이시네요."),
    (PHYSICAL, "제가 내일 반찬을 가져다 드릴게요."),
    (PHYSICAL, "저랑 같이 산책하러 가요."),
    (PHYSICAL, "제가 찾아갈게요."),
    (WORLD, "요즘 날씨가 많이 추워졌죠?"),
    (WORLD, "미세먼지가 심하니까 외출을 삼가세요."),
    (WORLD, "요즘 독감이 유행이래요."),
    (MEMORY, "지난번에 손자가 온다고 하셨죠?"),
    (ADVERTISING, "이번에 저희 회사에서 신제품이 출시됐어요."),
    (MEDICAL, "관절염인 것 같아요."),
    (MEDICAL, "타이레놀 두 알 드세요."),
    (INTRUSIVE, "아드님이 용돈은 얼마나 주세요?"),
    (IMPOLITE, "밥은 먹었어?"),
    (IMPOLITE, "약 꼭 챙겨 먹어."),
    (IMPOLITE, "그건 너 잘못이지."),
]

SAFE_EN = [
    "I'm sorry to hear that. How long has it been hurting?",
    "That's good to hear. Did you sleep well last night?",
    "I can't visit you, but I'll let your care worker know right away.",
    "Please call 911 now if the pain gets worse.",
    "It might be worth asking your doctor about that.",
    "I see. Thank you for telling me.",
    "I'm glad you enjoyed your lunch.",
    "I'll call you again tomorrow. Take care.",
    "Have a good night.",
    "I hope it gets better soon.",
    "Could you say that again? Did you take your medicine today?",
    "Of course. I'll ask a care worker to call you back.",
]

SAFE_KO = [
    "많이 불편하시겠어요. 언제부터 아프셨어요?",
    "다행이네요. 어젯밤에는 잘 주무셨어요?",
    "제가 찾아갈 수는 없지만 담당 복지사님께 바로 전해 드릴게요.",
    "증상이 심해지면 바로 119에 전화하세요.",
    "병원에 가서 진료를 받아 보시는 게 좋겠어요.",
    "그러셨구나. 말씀해 주셔서 감사합니다.",
    "네, 알겠습니다. 오늘 기분은 어떠세요?",
    "아이고, 많이 놀라셨겠어요.",
    "김순자님, 오늘도 건강하세요.",
]


@pytest.mark.parametrize("category,text", VIOLATIONS_EN + VIOLATIONS_KO)
def test_violations_are_caught_with_their_category(category: str, text: str) -> None:
    verdict = GUARD.check(text, language="ko" if any("가" <= c <= "힣" for c in text) else "en")
    assert not verdict.ok
    assert category in verdict.categories, verdict.violations
    assert all(evidence for _, evidence in verdict.violations)


@pytest.mark.parametrize("text", SAFE_EN)
def test_ordinary_english_turns_pass(text: str) -> None:
    assert GUARD.check(text, language="en").ok, GUARD.check(text, language="en").violations


@pytest.mark.parametrize("text", SAFE_KO)
def test_ordinary_korean_turns_pass(text: str) -> None:
    assert GUARD.check(text, language="ko").ok, GUARD.check(text, language="ko").violations


@pytest.mark.parametrize("name", list_scenarios())
def test_every_line_a_shipped_scenario_can_say_passes(name: str) -> None:
    """The templates are the safe fallback: none may be flagged when said as written."""
    scenario = load_scenario(name)
    fact = "무릎이 아프시다" if scenario.language == "ko" else "your knee was hurting"
    for item in scenario.items:
        if item.memory_question:
            line = item.memory_question.format(fact=fact)
            assert GUARD.check(line, memory=[fact], language=scenario.language, context=line).ok
    name = "김순자" if scenario.language == "ko" else "Margaret"
    asked_with_memory = {
        fill(item.memory_question, recipient_name=name, fact="")
        for item in scenario.items
        if item.memory_question
    }
    for line in scenario.agent_lines(name):
        if line in asked_with_memory:
            continue  # checked above, with a fact to support them
        verdict = GUARD.check(line, language=scenario.language, context=line)
        assert verdict.ok, (line, verdict.violations)


def test_memory_claims_need_the_memory_to_hold_them() -> None:
    line = "Last time you told me your knee was hurting. How is it today?"
    assert GUARD.check(line, memory=["your knee was hurting"]).ok
    assert GUARD.check(line, memory=["you had trouble sleeping"]).categories == [MEMORY]
    assert GUARD.check(line).categories == [MEMORY]
    ko = "지난번에 무릎이 아프시다고 하셨는데, 오늘은 좀 어떠세요?"
    assert GUARD.check(ko, memory=["무릎이 아프시다"], language="ko").ok
    assert GUARD.check(ko, memory=["잠을 잘 못 주무셨다"], language="ko").categories == [MEMORY]


def test_what_the_person_said_in_this_call_may_be_repeated() -> None:
    said = "You said you had porridge. How did you sleep?"
    assert GUARD.check(said, context="i had porridge this morning").ok
    assert GUARD.check(said).categories == [MEMORY]


def test_echoing_the_person_or_the_scenario_is_not_a_claim() -> None:
    turn = "It's very hot, so please drink some water. Do you have a fan?"
    assert GUARD.check(turn).categories == [WORLD]
    assert GUARD.check(turn, context="oh it's so hot today").ok
    ko = "폭염 특보 중이니 물 자주 드세요."
    assert not GUARD.check(ko, language="ko").ok
    assert GUARD.check(ko, language="ko", context="폭염 특보가 내려져서 전화드렸어요.").ok
    # an echo of one word does not excuse another claim
    assert GUARD.check(
        "It's hot, and the fine dust is bad too.", context="it's hot"
    ).categories == [WORLD]


def test_korean_speech_level() -> None:
    assert plain_speech("밥 먹었어?") == "먹었어"
    assert plain_speech("같이 하자.") == "하자"
    for polite in ["밥 드셨어요?", "감사합니다.", "그러셨구나.", "네.", "김순자님"]:
        assert plain_speech(polite) is None, polite
    assert plain_speech("I see.") is None


def test_sentences_are_judged_one_at_a_time() -> None:
    assert sentences("I see. I can't visit. Let's go for a walk!") == [
        "I see.",
        "I can't visit.",
        "Let's go for a walk!",
    ]
    # the disclaimer in the second sentence does not excuse the offer in the third
    assert GUARD.check("I see. I can't visit. Let's go for a walk!").categories == [PHYSICAL]


class Judge:
    def __init__(self, reply: str | Exception) -> None:
        self.reply = reply
        self.calls: list[list[dict]] = []

    def generate(self, messages, **sampling) -> str:
        self.calls.append(messages)
        if isinstance(self.reply, Exception):
            raise self.reply
        return self.reply


def test_llm_judge_adds_to_the_rules() -> None:
    turn = "Did you enjoy the concert on television?"
    assert GUARD.check(turn).ok
    judge = Judge('Sure: {"ok": false, "category": "world_knowledge", "evidence": "concert"}')
    verdict = Guard(judge).check(turn, memory=["your knee was hurting"], context="hello")
    assert verdict.violations == (Violation(WORLD, "concert"),)
    prompt = judge.calls[0][1]["content"]
    assert turn in prompt and "your knee was hurting" in prompt and "hello" in prompt
    assert Guard(Judge('{"ok": true}')).check(turn).ok
    caught = Judge('{"ok": true}')
    assert not Guard(caught).check("I'll bring you soup.").ok and caught.calls == []


def test_a_failing_judge_fails_closed_unless_told_otherwise() -> None:
    for broken in [Judge(LLMError("timeout")), Judge("I think it is fine")]:
        assert Guard(broken).check("How are you?").categories == [JUDGE]
        assert Guard(broken, judge_fails_closed=False).check("How are you?").ok


def test_judgements_are_parsed_strictly() -> None:
    assert parse_judgement('{"ok": true}') is None
    assert parse_judgement('x {"ok": false, "category": "made_up"}') == Violation(JUDGE, "")
    with pytest.raises(ValueError):
        parse_judgement('{"verdict": "fine"}')
