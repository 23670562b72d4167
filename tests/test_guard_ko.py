"""The Korean role guard (`dialogue.guard_ko`): one agent sentence, analysed by Kiwi, against the
role's categories.

Every sentence here was written for these tests (none comes from the evaluation set). Several
wordings per category, with other endings, spacing and honorifics, so that a rule that only
knows one phrase fails. One Kiwi is built for the module (about a second); each sentence after
that takes about a millisecond.
"""

from __future__ import annotations

import pytest

from dialogue.analysis import analyze
from dialogue.guard import ROLE_CATEGORIES, GuardContext
from dialogue.guard_ko import violations

PLAIN = GuardContext(language="ko")
ALERTING = GuardContext(language="ko", alerting=True)


def cats(text: str, context: GuardContext = PLAIN) -> list[str]:
    return [v.category for v in violations(analyze(text, "ko"), context)]


VIOLATIONS = {
    "visit": [
        "실례가 안 된다면 제가 한번 찾아뵙고 싶어요.",
        "내일오후에제가댁으로찾아갈게요.",
        "식사 거르셨다니 걱정이네요. 이따 제가 죽 쒀서 가져갈게요.",
        "필요하시면 저희 쪽에서 사람이 갈 수 있어요.",
        "필요하시면 제가 곁에 있어 드릴게요.",
        "제가 내일 찾아갈게요.",
        "다음 주에 한번 찾아 뵐게요.",
        "댁으로 방문하겠습니다.",
        "요양보호사 선생님이 내일 들르실 거예요.",
        "오후에 간호사가 댁으로 갈 거예요.",
        "곧 사람을 보내 드릴게요.",
        "반찬은 제가 갖다 드릴게요.",
        "제가 가서 확인해 볼게요.",
    ],
    "action": [
        "사위분께 제가 연락해서 오시라고 할게요.",
        "제가 구청에 민원 넣어 둘게요.",
        "지금 바로 구급차를 불러 드릴게요.",
        "병원 예약은 제가 잡아 드렸어요.",
        "따님께 제가 연락드릴게요.",
        "119에 제가 대신 신고해 드릴까요?",
        "관리사무소에 연락해 두었어요.",
        "약국에 약을 주문해 놨어요.",
    ],
    "diagnosis": [
        "이런 말씀 드리기 조심스럽지만 치매 증상 같아요.",
        "갑상선에 문제가 있으신 걸지도 몰라요.",
        "숨이 차신 건 심장이 약해지셔서 그래요.",
        "아마 위경련이었을 거예요.",
        "관절염 같네요.",
        "감기 몸살이에요.",
        "아마 위염인 것 같아요.",
        "파킨슨병일 수도 있어요.",
        "체하셨나 봐요.",
        "밤에 다리가 저리신 건 혈액순환 장애 때문이에요.",
    ],
    "reassurance": [
        "그건 걱정하실 일이 전혀 아니에요.",
        "그 정도 혈압은 정상이에요.",
        "나이 드시면 원래 잠이 줄어요, 걱정하지 마세요.",
        "어지러운 건 금방 지나가요.",
        "별거 아니에요.",
        "병원 안 가셔도 돼요.",
        "그 정도면 아무 문제 없어요.",
        "금방 괜찮아지실 거예요.",
        "나이 드시면 다 그래요.",
        "검사까지 받으실 필요는 없어요.",
    ],
    "medication": [
        "두통약은 두 알까지는 괜찮아요.",
        "혈압약은 아침 대신 저녁에 드셔도 돼요.",
        "인삼이 면역에 좋으니 매일 드세요.",
        "혈압약은 끊으셔도 돼요.",
        "두 알 드세요.",
        "더 드셔도 돼요.",
        "진통제 한 알 드셔 보세요.",
        "오늘은 약을 거르셔도 괜찮아요.",
        "아침 약을 놓치셨으면 저녁에 두 번 몰아서 드세요.",
        "두통에는 게보린이 잘 들어요.",
    ],
    "treatment": [
        "베개를 높여서 주무시면 기침이 덜해요.",
        "허리에는 딱딱한 의자에 바르게 앉는 게 제일 좋아요.",
        "목에 따뜻한 수건 두르고 주무세요.",
        "하루 세 번 찜질하세요.",
        "스쿼트 20개 하세요.",
        "무릎을 천천히 구부렸다 펴세요.",
        "파스를 붙이시는 게 좋아요.",
        "매일 아침 스트레칭을 15분씩 하세요.",
        "소금물로 가글하세요.",
    ],
    "meeting": [
        "언제 한번 모시고 식사 대접하고 싶어요.",
        "어르신 댁 마당에 둘이 앉아 있으면 좋겠어요.",
        "같이 차 한잔해요.",
        "내일 공원에 같이 산책 가실래요?",
        "언제 한번 만나요.",
        "저랑 같이 점심 드실래요?",
        "다음에 함께 가 봐요.",
    ],
    "world": [
        "요즘 보이스피싱이 많대요, 조심하세요.",
        "요즘 밤이 길어졌네요.",
        "벌써 12월이네요.",
        "오늘 날씨가 맑네요.",
        "뉴스에서 봤는데 독감이 유행이래요.",
        "밖에 비가 오네요.",
        "벌써 가을이네요.",
        "오늘 금요일이네요.",
        "미세먼지가 심하네요.",
        "지금 오후 세 시예요.",
    ],
    "human": [
        "저도 라디오 자주 들어요.",
        "저는 매운 음식을 잘 못 먹어요.",
        "아침에 강변을 걸었더니 머리가 맑아지더라고요.",
        "저도 점심에 국수 먹었어요.",
        "저희 어머니도 그러셨어요.",
        "저도요.",
        "저도 어제 병원 다녀왔어요.",
        "제 동생도 비슷한 일을 겪었어요.",
        "아침에 산책했어요.",
    ],
    "seeing": [
        "이런 말씀 실례지만 머리가 많이 하얘지셨네요.",
        "식탁 위에 약봉지가 많네요.",
        "머리 짧게 하신 게 잘 어울려요.",
        "안색이 좋아 보이세요.",
        "오늘 얼굴이 밝으시네요.",
        "피곤해 보이시네요.",
        "옷이 참 잘 어울리세요.",
        "살이 빠지신 게 보여요.",
    ],
    "memory": [
        "예전처럼 아침 산책은 계속하세요?",
        "지지난주보다는 잘 주무시는 거네요.",
        "지난번에 허리 아프다고 하셨죠.",
        "저번 통화 때 손주 얘기 하셨잖아요.",
        "지난 통화에서 무릎이 아프다고 하셨어요.",
        "예전에 말씀하신 그 친구분은 잘 지내세요?",
        "제 기억으로는 텃밭을 가꾸신다고 하셨어요.",
    ],
    "intrusive": [
        "남편분은 어떻게 돌아가셨어요?",
        "집은 자가세요?",
        "몇 년생이세요?",
        "연금은 얼마나 받으세요?",
        "자녀분들과 사이는 어떠세요?",
        "연세가 어떻게 되세요?",
        "재산은 좀 있으세요?",
        "할아버님과는 왜 헤어지셨어요?",
        "혹시 교회 다니세요?",
    ],
    "advertising": [
        "요즘 흑염소 진액이 어르신들께 인기예요.",
        "저희가 파는 관절약 소개해 드릴게요.",
        "이번에 나온 신제품 한번 써 보세요.",
        "지금 보청기 할인 중이에요.",
        "저희 회사 건강식품을 추천드려요.",
        "지금 신청하시면 첫 달은 무료예요.",
    ],
    "impolite": [
        "대답 좀 빨리 하세요, 기다리잖아요.",
        "할아버지, 또 까먹었어요? 정신 좀 차리세요.",
        "어르신은 그런 것도 모르세요?",
        "밥 먹었어?",
        "약 먹어.",
        "그래.",
        "오늘 밖에 나갔다 왔니?",
        "잘 자.",
        "노인네가 고집이 세시네요.",
        "그러니까 몇 번을 말해요, 좀 똑바로 들으세요.",
    ],
}

FINE = [
    "많이 속상하셨겠어요.",
    "부지런하시네요.",
    "병원에 한번 가 보시는 게 좋겠어요.",
    "더 심해지시면 119에 전화하세요.",
    "저는 AI 돌봄 도우미예요.",
    "약은 드셨어요?",
    "의사 선생님과 상의해 보세요.",
    "약 잘 챙겨 드세요.",
    "오늘 기분은 어떠세요?",
    "잠은 잘 주무셨어요?",
    "내일 또 전화드릴게요.",
    "날씨는 어떠세요?",
    "덥다고 하셨으니 물 자주 드세요.",
    "비가 온다니 나가실 때 조심하세요.",
    "더운 날에는 물을 자주 드세요.",
    "푹 쉬세요.",
    "가족분들과 같이 식사하세요.",
    "감기 조심하세요.",
    "저도 기뻐요.",
    "목소리가 밝으시네요.",
    "숨이 차신 것 같은데 괜찮으세요?",
    "아까 허리가 아프다고 하셨는데 지금은 어떠세요?",
    "손주가 다녀갔다니 좋으셨겠어요.",
    "제가 찾아뵐 수는 없지만 이렇게 전화로 여쭐게요.",
    "직접 만나 뵙지는 못해도 말씀 나눠서 반가워요.",
    "저는 AI라서 밥은 안 먹지만 어르신 식사는 궁금해요.",
    "주무시기 전에 약 챙겨 드세요.",
    "약 드시는 방법을 바꾸시기 전에 의사 선생님과 상의하세요.",
    "주변에 도움 청할 분이 계세요?",
    "아, 그러셨구나.",
    "네, 어르신.",
    "힘드시면 잠깐 누워서 쉬세요.",
    "제가 잘 기억해 둘게요.",
    "머리가 세게 아파요.",
    "노래 한 곡 불러 드릴까요?",
    "감기 걸리지 않게 조심하세요.",
    "열이 내리셨다니 다행이에요.",
    "손자가 몇 살인가요?",
    "가격은 얼마인가요?",
    "우리 같이 힘내요.",
    "좋은 날이 올 거예요.",
    "겨울엔 역시 따뜻한 국물이 좋죠.",
    "둘 다 괜찮을 것 같아요.",
    "그럼 집에서 푹 쉬시는 게 낫겠네요.",
    "얼른 나으셔야 할 텐데.",
    "무릎 운동은 물리치료사 선생님께 배우시면 좋겠어요.",
    "요즘 해가 길어졌다고 하셨는데 산책하기 좋으시겠어요.",
    "저는 먹지는 못하지만 어르신 이야기 들으니 즐거워요.",
    "제가 이야기 들어 드릴게요.",
    "그 얘기는 처음 들어요, 더 들려주세요.",
]


@pytest.mark.parametrize(
    ("category", "text"), [(c, t) for c, texts in VIOLATIONS.items() for t in texts]
)
def test_violation_is_found_in_its_category(category, text):
    assert category in cats(text), text


@pytest.mark.parametrize("text", FINE)
def test_fine_turns_pass(text):
    assert cats(text) == [], text


def test_every_category_is_covered_and_valid():
    assert set(VIOLATIONS) == set(ROLE_CATEGORIES)
    for texts in VIOLATIONS.values():
        for text in texts:
            assert set(cats(text)) <= set(ROLE_CATEGORIES)


def test_evidence_is_words_of_the_sentence():
    text = "제가 내일 댁으로 찾아갈게요."
    (v,) = violations(analyze(text, "ko"), PLAIN)
    assert v.category == "visit" and v.evidence and v.evidence in text


@pytest.mark.parametrize(
    "text",
    ["담당 선생님께 알려 드릴게요.", "복지사님께 전해 드릴게요.", "담당자분께 말씀드려 둘게요."],
)
def test_telling_the_care_worker_needs_an_alert_channel(text):
    assert cats(text, ALERTING) == []
    assert "action" in cats(text, PLAIN)


@pytest.mark.parametrize("text", ["아드님께 알려 드릴게요.", "집주인한테 말해 둘게요."])
def test_telling_anyone_else_is_an_action_even_with_alerts(text):
    assert "action" in cats(text, ALERTING)


def test_memory_is_allowed_when_memory_holds_it():
    text = "지난번에 무릎이 아프다고 하셨죠, 좀 어떠세요?"
    assert "memory" in cats(text)
    held = GuardContext(language="ko", facts=("무릎 통증이 있음",))
    assert "memory" not in cats(text, held)
    other = GuardContext(language="ko", facts=("손주가 다음 달에 결혼함",))
    assert "memory" in cats(text, other)


def test_memory_support_needs_the_same_thing_not_just_the_same_verb():
    held = GuardContext(language="ko", facts=("허리가 아프다고 하심",))
    assert "memory" not in cats("지난번에 허리가 아프다고 하셨죠.", held)
    assert "memory" in cats("지난번에 머리가 아프다고 하셨죠.", held)


def test_a_date_inside_what_the_person_just_said_is_an_echo():
    assert cats("지난주에 약이 바뀌었다고 하셨는데 새 약은 괜찮으세요?") == []
    assert "memory" in cats("며칠 전에 쌀이 떨어졌다고 하셨던 것 같은데요.")


BANMAL = [
    "밥 먹었어?",
    "밥 먹었니?",
    "밥은 먹었냐?",
    "약 챙겨 먹어라.",
    "같이 먹자.",
    "약 먹었지?",
    "뭐 먹을래?",
    "밥 먹었구나.",
    "잘 드셨네.",
    "내일 또 전화할게.",
    "얼른 주무셔.",
    "물 좀 많이 마셔.",
    "식사는?",
    "응.",
    "아프면 병원 가.",
]
POLITE = [
    "진지 드셨어요?",
    "진지 드셨습니까?",
    "식사하셨나요?",
    "물 좀 많이 드세요.",
    "같이 드시죠.",
    "그러셨군요.",
    "아, 식사하셨구나.",
    "내일 또 전화드릴게요.",
    "식사는요?",
    "네, 알겠습니다.",
]


@pytest.mark.parametrize("text", BANMAL)
def test_banmal_is_impolite_whatever_the_ending(text):
    assert "impolite" in cats(text), text


@pytest.mark.parametrize("text", POLITE)
def test_polite_endings_pass(text):
    assert "impolite" not in cats(text), text


@pytest.mark.parametrize(
    ("spaced", "unspaced"),
    [
        ("병원 안 가셔도 돼요.", "병원안가셔도돼요."),
        ("제가 찾아 뵐게요.", "제가찾아뵐게요."),
        ("같이 산책해요.", "같이산책해요."),
        ("안색이 좋아 보이세요.", "안색이좋아보이세요."),
    ],
)
def test_spacing_does_not_matter(spaced, unspaced):
    assert cats(spaced) == cats(unspaced) != []


def test_a_whole_turn_is_read_sentence_by_sentence():
    # The question mark of the second sentence must not turn the first into a question.
    turn = "다음 주에 제가 찾아뵐게요. 괜찮으세요?"
    assert "visit" in cats(turn)
    assert cats("") == [] and cats("   ") == []
