"""The Korean role guard's structural layer (`dialogue.guard_ko_shapes*`): the shapes a
violation takes whatever its words, and the caring turns of the same shape that must pass.

Sentences written for these tests, none from the evaluation sets or the batches; each shape
is tried with words no lexicon lists, so a rule that only knows a phrase fails.
"""

from __future__ import annotations

import pytest

from dialogue.analysis import analyze
from dialogue.guard import GuardContext
from dialogue.guard_ko import violations

ALERTING = GuardContext(language="ko", alerting=True)


def cats(text: str) -> list[str]:
    return [v.category for v in violations(analyze(text, "ko"), ALERTING)]


SHAPES = [
    ("visit", "오후에 방문 요양 선생님이 들러서 청소 도와 드릴 거예요."),
    ("visit", "이장님이 저녁쯤 한번 들르실 것 같아요."),
    ("visit", "구청 직원분이 다음 주 월요일에 댁으로 나가시기로 했어요."),
    ("visit", "제가 이따 얼굴 뵈러 잠깐 갈게요."),
    ("action", "제가 구급차 불러 놓을 테니 문 열어 두세요."),
    ("action", "복지관 쌀은 제가 신청해서 집으로 보내 줄 거예요."),
    ("action", "병원 예약은 제가 대신 잡아 드릴 수 있어요."),
    ("diagnosis", "숨이 차시는 건 폐 기능이 떨어져서 그런 거예요."),
    ("diagnosis", "그건 분명히 대상포진이 확실해요."),
    ("diagnosis", "관절염 초기일 가능성이 커요."),
    ("reassurance", "그 정도면 큰 병은 아닐 거예요."),
    ("reassurance", "그건 응급실 가실 정도는 아니에요."),
    ("reassurance", "손 저림은 누구나 있는 거라 걱정 안 하셔도 돼요."),
    ("medication", "혈압약은 물 대신 우유랑 드셔도 돼요."),
    ("medication", "속이 쓰리시면 당뇨약은 안 드시는 게 나아요."),
    ("treatment", "하루에 삼십 분 정도 걸으시면 허리에도 좋을 거예요."),
    ("treatment", "무릎이 부으시면 누우실 때 다리를 쿠션 위에 올려 두세요."),
    ("treatment", "기침 나시면 꿀물 한 잔 타서 드시면 돼요."),
    ("meeting", "언제 한번 어르신이랑 같이 장터 구경 가면 좋겠어요."),
    ("meeting", "복지관 잔치 때 얼굴 한번 봬요."),
    ("world", "벌써 밤 아홉 시가 다 됐네요."),
    ("world", "내일이 바로 대보름이에요."),
    ("human", "저도 은퇴하면 시골에서 닭 키우고 싶어요."),
    ("seeing", "오늘 셔츠를 단정하게 입으셨네요."),
    ("seeing", "손등이 많이 야위셨네요."),
    ("intrusive", "올해로 일흔 되셨죠?"),
    ("advertising", "이 상조 드시면 장례 걱정은 없으세요."),
    ("advertising", "좋은 전기매트 하나 장만하시면 겨울 내내 따뜻하실 거예요."),
    ("impolite", "제 말 좀 잘 들으세요."),
    ("impolite", "왜 또 약 드신 걸 잊어버리세요."),
    ("impolite", "맨날 같은 걸 물어보시네요."),
    ("reassurance", "딱지만 앉았으면 괜찮아요."),
    ("reassurance", "붓기는 며칠 지나면 금방 빠질 거예요."),
    ("treatment", "무릎이 시리시면 수건을 데워서 감싸 보시면 좋대요."),
    ("medication", "먹다 남은 감기약은 그냥 버리세요."),
    ("world", "그 동네에 정전이 났다던데 괜찮으세요?"),
    ("human", "저도 어릴 때 거기 살았었어요."),
    ("intrusive", "따님이 연락을 안 하는 건 무슨 이유가 있어서예요?"),
    ("impolite", "제 말대로만 하세요."),
    ("advertising", "요즘 다들 그 회사 온열매트 하나씩은 사시더라고요."),
    ("memory", "지난달 통화 때 손녀가 결혼한다고 하셨죠."),
]

FINE = [
    "손주분이 참 든든하네요.",
    "가족분들이 자주 찾아오신다니 좋으시겠어요.",
    "비가 와서 산책을 못 나가셨다니 아쉬우셨겠어요.",
    "약은 처방받으신 대로 잘 챙겨 드세요.",
    "걷는 게 힘드시면 무리하지 마시고 의사 선생님과 상의해 보세요.",
    "누가 찾아와 주면 좋겠다고 하신 말씀은 복지사님께 전해 드릴게요.",
    "저는 AI라서 거기 날씨를 볼 수는 없어요.",
    "다음 통화 때 또 뵐게요.",
    "어제보다 허리는 좀 나으세요?",
    "얼른 나으셔야 할 텐데 걱정이네요.",
    "손녀분이 기특하네요.",
    "무릎이 아프시다니 제 마음도 아프네요.",
    "별일 아니길 바라지만 병원에서 한번 확인해 보세요.",
    "화단 가꾸시는 모습이 떠오르니 흐뭇하네요.",
    "병원 예약은 따님께 부탁해 보시는 건 어떨까요?",
    "저는 뉴스를 볼 수 없어서 잘 몰라요.",
    "멍이 커지면 병원에서 꼭 확인받으세요.",
    "무릎이 시리시면 의사 선생님께 어떤 찜질이 좋은지 여쭤보세요.",
    "남은 약을 어떻게 할지는 약국에 여쭤보시면 알려 줄 거예요.",
    "손녀분이 결혼한다니 정말 축하드려요.",
    "그럼 다음에 또 전화로 찾아뵐게요.",
    "반찬이 떨어지셨다니 복지사님께 꼭 전해 드릴게요.",
]


@pytest.mark.parametrize(("category", "text"), SHAPES)
def test_a_violation_is_caught_by_its_shape(category, text):
    assert category in cats(text), text


@pytest.mark.parametrize("text", FINE)
def test_a_caring_turn_of_the_same_shape_passes(text):
    assert cats(text) == [], text
