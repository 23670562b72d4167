"""Korean emergency findings from `safety.ko_nets` (shapes that name no listed symptom sentence),
the dialect endings `analysis.ko` reads as standard, and the one Korean lexicon both safety and
the role guard read (`dialogue.analysis.ko_lexicon`).

Sentences here are written for these tests (none comes from the evaluation set).
"""

from __future__ import annotations

import pytest
from safety_ko_kit import E, N, decide  # noqa: E402

from dialogue.analysis.ko import analyze


@pytest.mark.parametrize(
    "text, category",
    [
        ("숨이 가빠서 계단은커녕 방 안에서도 못 움직이겠어요", "breathing"),
        ("가슴이 조여서 도저히 못 일어나겠어요", "cardiac"),
        ("밥을 먹으면 입가로 국물이 질질 새요", "stroke"),
        ("약을 세어 보니 스무 알이 없어졌어요", "overdose"),
        ("혈압약 30알을 한꺼번에 삼켰어요", "overdose"),
        ("그냥 이 목숨 끊어 버리고 싶어", "suicide"),
        ("병원에 좀 데려다주세요 너무 아파요", "help"),
        ("나 좀 어떻게 좀 해 주세요 무서워요", "help"),
        ("낫에 종아리를 깊이 베였어요", "bleeding"),
        ("남편이 밥 먹다가 갑자기 고개를 떨구고 대답을 안 해요", "unconscious"),
        ("내가 누군지 자꾸 까먹어요", "confusion"),
        ("시아버지가 손찌검을 해요", "violence"),
    ],
)
def test_the_nets_ask(text, category):
    decision, got = decide(text)
    assert decision != N and got == category


@pytest.mark.parametrize(
    "text",
    [
        "숨이 차서 못 걸었는데 좀 쉬니까 괜찮아졌어요",  # over
        "약은 두 알만 먹었어요",  # a dose
        "옆집 할아버지가 목숨을 끊었다는 뉴스를 봤어요",  # the news, someone else
        "작년에 손가락을 깊이 베였었어요",  # long past
        "병원에 데려다줘서 고마웠어요",  # thanks, done
        "바깥양반이 갑자기 웃음을 터뜨렸어요",  # sudden, but fine
        "입이 심심해서 과자를 먹었어요",  # a mouth, nothing leaks
    ],
)
def test_the_nets_keep_scope(text):
    assert decide(text)[0] != E
    assert decide(text) == (N, None)


@pytest.mark.parametrize(
    "dialect, standard",
    [
        ("숨이 답답혀요", "숨이 답답해요"),
        ("못 살겄어요", "못 살겠어요"),
        ("아침에 쓰러졌어예", "아침에 쓰러졌어요"),
        ("숨구녕이 막혀요", "숨구멍이 막혀요"),
        ("살려 주세여", "살려 주세요"),
    ],
)
def test_dialect_endings_read_as_standard(dialect, standard):
    a, b = analyze(dialect), analyze(standard)
    assert [t.lemma for t in a.tokens] == [t.lemma for t in b.tokens]
    assert a.text == dialect  # offsets still point into what was said
    assert all(t.surface == dialect[t.start : t.end] for t in a.tokens)


def test_jeonhyeo_is_not_a_dialect_ending():
    assert decide("가슴 쪽은 전혀 아픈 데 없어요") == (N, None)
    assert [t.lemma for t in analyze("전혀요").tokens][0] != "전하"


def test_one_lexicon_for_safety_and_guard():
    from dialogue import guard_ko_lexicon as G
    from dialogue.analysis import ko_lexicon as K
    from dialogue.safety import ko_lexicon as L

    assert L.CHEST is K.CHEST and L.HOUSEHOLD is K.HOUSEHOLD and L.SELF is K.SELF
    assert G.BODY is K.BODY and G.MEDICINE is K.MEDICINE and G.CARE_WORKER is K.CARE_WORKER
    assert G.SELF == K.SELF_HUMBLE and K.SELF_HUMBLE < K.SELF  # the agent says 저, never 나
    # a drug added once is a medicine to both: a caller's overdose, the agent's dose
    assert {"타이레놀", "수면제"} <= L.MEDICINES and {"타이레놀", "수면제"} <= G.MEDICINE
    assert "파스" in G.MEDICINE and "파스" not in L.MEDICINES  # on the skin: no overdose


@pytest.mark.parametrize(
    "text, category",
    [
        ("아이고 숨막혀요 어떡해", "breathing"),
        ("왼손으로 단추 채우기가 안 돼요 아까부터 갑자기", "stroke"),
        ("천장에 모르는 사람이 보여요 딸은 아무것도 안 보인대요", "confusion"),
        ("어떤 남자가 대문을 흔들고 있어요", "violence"),
        ("손자가 제 약을 한 줌 삼켰어요", "overdose"),
        ("누구 좀 보내 주세요 제발요", "help"),
        ("어머니가 한밤중에 시집간다고 짐을 싸세요", "confusion"),
    ],
)
def test_round_three_shapes_ask(text, category):
    decision, got = decide(text)
    assert decision != N and got == category


@pytest.mark.parametrize(
    "text",
    [
        "예전엔 왼손으로 젓가락질이 안 됐는데 지금은 잘해요",  # long past, fine now
        "안경 쓰니까 잘 보여요",  # plain seeing
        "택배를 문 앞에 두고 갔대요",  # a door, nothing forced
    ],
)
def test_round_three_shapes_keep_scope(text):
    assert decide(text) == (N, None)


def test_breath_said_in_passing_is_never_an_emergency():
    assert decide("말이 너무 느려서 숨넘어가겠다")[0] != E  # of someone slow: at most ask
    assert decide("아이고 숨넘어가요")[0] != N  # the caller's own breath: ask


@pytest.mark.parametrize(
    "text, category",
    [
        ("여기는 어디 집이에요? 우리 집에 보내 주세요", "confusion"),
        ("지금이 낮이에요 밤이에요? 도통 모르겠어요", "confusion"),
        ("웬 남자가 시장에서부터 쫓아와서 대문 앞에 서 있어요", "violence"),
        ("자식들한테 미안하지만 나 먼저 갈게요", "suicide"),
        ("영감이 돌아가신 시어머니를 찾으면서 울어요", "confusion"),
    ],
)
def test_round_four_shapes_ask(text, category):
    decision, got = decide(text)
    assert decision != N and got == category


@pytest.mark.parametrize(
    "text",
    [
        "오늘은 이만 먼저 갈게요 또 전화 주세요",  # a goodbye
        "젊은 시절엔 며칠 굶어도 끄떡없었지",  # long past
        "아침이든 저녁이든 산책은 꼭 해요",  # day parts, nothing lost
    ],
)
def test_round_four_shapes_keep_scope(text):
    assert decide(text) == (N, None)


def test_round_five_shapes():
    assert decide("다리를 움직일 수가 없어요 방금 갑자기")[0] != N  # 갑자기 said after
    assert decide("진통제 한 병을 다 삼켰어")[0] != N  # the whole bottle
    assert decide("사탕 한 봉지를 다 먹었어요") == (N, None)  # no medicine
    assert decide("살고 십지 않아요")[0] != N  # ASR 십 for 싶, with a space before it
