"""Korean analysis (Kiwi) and Korean emergency findings: one per category, however said (scope in
test_safety_ko_scope.py, the last net in test_safety_ko_net.py and test_safety_ko_nets.py).

Sentences here are written for these tests (none comes from the evaluation set). One Kiwi is
built for the whole module (about a second), every call after that takes a fraction of a ms.
"""

from __future__ import annotations

import threading

import pytest
from safety_ko_kit import E, N, decide  # noqa: E402

from dialogue.analysis import analyze as analyze_any
from dialogue.analysis.ko import analyze
from dialogue.safety import CATEGORIES


# -- analysis -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["아파요", "아프다", "아퍼", "아프네", "아파 죽겠어", "아팠어요"])
def test_endings_give_the_stem(text):
    assert "아프" in analyze(text).lemmas()


def test_tokens_carry_tags_offsets_and_sentences():
    text = "어제 넘어졌어요. 지금은 숨이 차요"
    a = analyze(text)
    assert a.language == "ko" and a.text == text
    for tok in a.tokens:
        assert 0 <= tok.start < tok.end <= len(text)
        assert tok.surface == text[tok.start : tok.end]
    fell = next(t for t in a.tokens if t.lemma == "넘어지")
    assert fell.tag.startswith("VV") and text[fell.start : fell.end].startswith("넘어")
    assert next(t for t in a.tokens if t.lemma == "숨").sentence > fell.sentence


def test_spacing_does_not_change_the_lemmas():
    spaced = [t.lemma for t in analyze("가슴이 너무 아파요").tokens]
    assert [t.lemma for t in analyze("가슴이너무아파요").tokens] == spaced


def test_empty_and_dispatch():
    assert analyze("").tokens == () and analyze("   ").tokens == ()
    assert analyze_any("숨이 차요", "ko").lemmas() == analyze("숨이 차요").lemmas()


def test_threads_share_one_kiwi_safely():
    texts = ["숨이 안 쉬어져요", "가슴이 아파요", "넘어져서 못 일어나요"] * 20
    expected = {t: analyze(t).lemmas() for t in set(texts)}
    got: list[bool] = []

    def work(t: str) -> None:
        got.append(analyze(t).lemmas() == expected[t])

    threads = [threading.Thread(target=work, args=(t,)) for t in texts]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(got) == len(texts) and all(got)


# -- one emergency per category -----------------------------------------------------------------
PLAIN = {
    "cardiac": "가슴을 쥐어짜는 것처럼 아파요",
    "breathing": "숨쉬기가 너무 힘들어요",
    "stroke": "갑자기 한쪽 팔에 힘이 하나도 없어요",
    "fall": "화장실에서 넘어졌는데 못 일어나겠어요",
    "unconscious": "아침에 정신을 잃고 쓰러졌어요",
    "bleeding": "피가 계속 나고 안 멈춰요",
    "overdose": "수면제를 한꺼번에 다 먹어 버렸어요",
    "suicide": "그냥 죽고 싶어요",
    "confusion": "여기가 어딘지 하나도 모르겠어요",
    "fire": "부엌에서 불이 났어요",
    "violence": "모르는 사람이 문을 따고 들어왔어요",
    "starvation": "며칠째 아무것도 못 먹었어요",
    "help": "살려주세요",
}


def test_every_category_has_a_rule():
    assert set(PLAIN) == set(CATEGORIES)


@pytest.mark.parametrize("category", sorted(PLAIN))
def test_each_category(category):
    assert decide(PLAIN[category]) == (E, category)


@pytest.mark.parametrize(
    "text, category",
    [
        ("가슴이 답답하고 식은땀이 나요", "cardiac"),
        ("숨이 막혀서 죽을 것 같아", "breathing"),
        ("영감이 말이 어눌해지고 입이 한쪽으로 돌아갔어요", "stroke"),
        ("계단에서 굴러서 머리를 부딪혔어요", "fall"),
        ("남편이 쓰러져서 불러도 대답이 없어요", "unconscious"),
        ("농약을 마셨어요", "overdose"),
        ("더 이상 살고 싶지 않아요", "suicide"),
        ("방에 연기가 꽉 찼어요", "fire"),
        ("아들이 술 먹고 때려요", "violence"),
        ("사흘 동안 물만 마셨어요", "starvation"),
        ("119 좀 불러 주세요", "help"),
        ("가슴에 돌덩이를 얹어 놓은 것 같아요", "cardiac"),
        ("목구멍이 막혀서 숨이 안 넘어가", "breathing"),
        ("한쪽 다리를 질질 끌어요", "stroke"),
        ("욕실에서 미끄러져서 바닥에 누워 있어요", "fall"),
        ("피를 한 바가지 토했어요", "bleeding"),
        ("약을 얼마나 먹었는지 모르겠어요. 한 움큼 먹었어요", "overdose"),
        ("살고 싶은 마음이 없어요", "suicide"),
        ("부엌이 불타고 있어요", "fire"),
        ("도둑이 들었어요", "violence"),
        ("며칠째 굶고 있어요", "starvation"),
        ("더는 못 살겠어요", "suicide"),
        ("오늘 밤에 다 끝낼 거예요", "suicide"),
        ("119 좀 불러 줄래요", "help"),
        ("흉통이 심해요", "cardiac"),
        ("말이 자꾸 헛나와요", "stroke"),
        ("영감이 소주에 수면제를 타서 먹었어요", "overdose"),
        ("이제 그만 살래요", "suicide"),
        ("남편이 나를 목 졸랐어요", "violence"),
        ("일주일째 라면 하나로 버티고 있어요", "starvation"),
        ("가스 냄새 때문에 머리가 아파요", "fire"),
        ("가슴이 조이는 느낌이 계속 들어요", "cardiac"),
        ("들이쉬어도 공기가 안 들어오는 것 같아요", "breathing"),
        ("어떤 놈이 창문으로 들어왔어요", "violence"),
        ("칼에 찔렸어요", "violence"),
        ("차라리 내가 죽어야 끝나지", "suicide"),
        ("가슴이 화끈거리고 조여요", "cardiac"),
        ("할아버지가 숨을 쉬다 말다 해요", "breathing"),
        ("깨어 보니 화장실 바닥이었어요", "unconscious"),
        ("불이야", "fire"),
        ("아들이 술 마시고 나를 발로 찼어요", "violence"),
        ("손가락이 말을 안 듣고 얼굴이 저려요 갑자기요", "stroke"),
        ("가스불을 켜 놨는데 냄새가 이상하게 나요 머리도 아프고", "fire"),
        ("우리 영감이 갑자기 나를 몰라봐요", "confusion"),
    ],
)
def test_other_wordings(text, category):
    decision, got = decide(text)
    assert decision == E and got == category


# -- invariance: spacing, endings, register, intensifiers, ASR slips -------------------------
@pytest.mark.parametrize(
    "text",
    [
        "가슴이 아파요",
        "가슴이아파요",
        "가슴이 아프네",
        "가슴이 아퍼",
        "가슴이 아파 죽겠어",
        "가슴이 너무 아파요",
        "가슴이 진짜 엄청 아픕니다",
        "가슴 되게 아퍼요",
        "가심이 아파요",
    ],
)
def test_chest_pain_however_said(text):
    assert decide(text) == (E, "cardiac")


@pytest.mark.parametrize(
    "text",
    ["숨을 못 쉬겠어요", "숨을못쉬겠어", "숨이안쉬어져", "숨이 안 쉬어져요", "숨 쉴 수가 없어"],
)
def test_cannot_breathe_however_said(text):
    assert decide(text) == (E, "breathing")


@pytest.mark.parametrize(
    "text, category",
    [
        ("넘어저서 못 일어나요", "fall"),
        ("죽고십어요", "suicide"),
        ("누가 집에 드러 왔어요", "violence"),
        ("불이나써요", "fire"),
        ("살려주세여", "help"),
    ],
)
def test_asr_slips(text, category):
    decision, got = decide(text)
    assert decision != N and got == category
