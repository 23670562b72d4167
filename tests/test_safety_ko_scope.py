"""Korean emergency findings: scope (negation, the past, other people, conditions, the news)
and the red-flag fallback, whose findings are checks.

Sentences here are written for these tests (none comes from the evaluation set).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from safety_ko_kit import C, E, N, decide

from dialogue.analysis.ko import analyze
from dialogue.safety import CATEGORIES
from dialogue.safety.ko import findings


# -- scope ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "가슴은 안 아파요",  # negation
        "가슴이 아프지는 않아요",
        "숨이 찬 건 아니에요",
        "숨이 안 차요",
        "넘어지지는 않았어요",
        "못 넘어졌어요",
        "피는 안 나요",
        "죽고 싶지는 않아요",
        "지난달에 넘어졌었는데 지금은 괜찮아요",  # past, resolved
        "작년에 쓰러져서 입원했었어요",
        "어제 넘어졌는데 지금은 괜찮아요",
        "코피가 났는데 금방 멈췄어요",
        "옆집 할머니가 넘어지셨대요",  # other people, hearsay
        "친구가 뇌졸중으로 쓰러졌대요",
        "남편이 쓰러졌대요",  # hearsay is the only reason here
        "아들이 숨이 차대요",
        "옆집 할머니가 지난주에 넘어져서 병원에 계세요",
        "배고파 죽겠어요",  # idioms
        "심심해 죽겠어",
        "더워 죽겠네",
        "보고 싶어 죽겠어요",
        "웃겨 죽겠어",
        "아이고 힘들어 죽겠다",
        "넘어지면 어떡해요?",  # hypotheticals
        "쓰러지면 어떻게 해야 돼요?",
        "넘어질까 봐 조심하고 있어요",
        "넘어질 뻔했어요",
        "뉴스에서 불났대요",  # news and TV
        "드라마에서 주인공이 쓰러졌어요",
        "피곤해서 쓰러지듯이 잤어요",  # near misses
        "바빠서 정신이 없어요",
        "말도 안 되는 소리 하지 마",
        "가슴 아픈 얘기네요",
        "남편 생각하면 가슴이 아파요",
        "약은 다 챙겨 먹었어요",
        "불 좀 꺼 주세요",
        "주사 맞고 왔어요",
        "도와주셔서 감사해요",
        "반찬 좀 도와주세요",
        "연기 나는 건 고기 굽는 거예요",
        "오늘 아침 먹었어요",
        "넘어진 사람 도와줬어요",  # someone or something else
        "나무가 쓰러졌어요 태풍 때문에",
        "피곤해서 코피 날 것 같아요",  # expected, not happened
        "길이 미끄러워서 넘어질 것 같아요",
        "살려 주세요 하는 노래가 있어요",  # quoted
        "약 먹는 걸 까먹으면 다음 날 두 번 먹어도 돼요?",  # asking permission
        "고기 구울 때 연기가 좀 나요",  # cooking
        "숨 막히게 덥네요",  # degree, not breath
        "방바닥에 누워서 쉬고 있어요",
        "손주한테 장난으로 맞아 줬어요",
        "손자가 넘어져서 무릎이 까졌어요",  # a scrape
        "할아버지가 어제 넘어지셨는데 지금은 잘 걸으세요",
        "약을 다 먹었어요",  # took my pills
        "아들이랑 말이 안 돼요",
        "죽긴 왜 죽어요 백 살까지 살 거예요",
        "더워서 못 살겠어요",  # heat, not despair
        "더워서 이제 못 살겠어",
        "죽고 싶다는 사람들 이해가 안 가요",  # other people's wish
        "오래 살아서 뭐 하냐고들 하는데 나는 재미있어요",  # quoted
        "길을 잘 몰라서 택시 탔어요",
        "넘어졌는데 다친 데는 없어요",
        "약을 한 알 더 먹어야 하나요?",
        "숨이 찬 건 다 나았어요",  # resolved in the same clause
        "쓰러지신 시어머니 병간호하고 있어요",
        "도와줄게요 걱정 마세요",  # a promise, not a request
        "약은 하루 두 번 먹어요",  # the dose, not a double dose
    ],
)
def test_not_an_emergency(text):
    assert findings(analyze(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "좀 숨이 차요",
        "가슴이 좀 이상해요",
        "다 귀찮고 살고 싶지 않을 때가 있어요?",
        "계단 올라가면 숨이 차요",
        "어제 넘어졌어요",
        "아버지가 쓰러지셨어요",  # someone else, said as past: when, where? ask
        "아침에 잠깐 기절했는데 지금은 괜찮아요",
        "여기가 어디예요?",
        "숨이 차서 천천히 걸어요 나이가 있어서",  # put down to age: ask
        "약을 너무 많이 먹는 것 같아요",  # a habit, not an overdose now
        "어지러워서 쓰러질 것 같아요",
        "내가 지금 어디 있는지 모르겠어요",  # token 0 is a hit, too
        "우리 엄마가 나보고 누구냐고 해요",
        "우리 영감이 나를 자꾸 몰라봐요",
        "더워서 숨이 턱턱 막혀요",  # the heat, or the heart? ask
    ],
)
def test_red_flags_are_checks(text):
    assert decide(text)[0] == C


@pytest.mark.parametrize(
    "text, category",
    [
        ("남편이 쓰러졌어요", "unconscious"),
        ("영감이 숨을 안 쉬어요", "breathing"),
        ("우리 할아버지가 갑자기 말을 못 해요", "stroke"),
        ("옆집 할머니가 숨을 못 쉬세요", "breathing"),  # another person, now
        ("옆에 있는 친구가 갑자기 쓰러졌어요", "unconscious"),
    ],
)
def test_someone_at_home_now_is_an_emergency(text, category):
    assert decide(text) == (E, category)


def test_a_symptom_after_a_resolved_one_still_counts():
    assert decide("어제 넘어졌는데 괜찮았어요. 근데 지금 가슴이 너무 아파요") == (E, "cardiac")


def test_negation_stays_in_its_clause():
    assert decide("가슴은 안 아픈데 숨이 너무 차요") == (E, "breathing")
    assert decide("숨은 괜찮은데 가슴이 조여요")[1] == "cardiac"


def test_findings_name_the_words_said():
    text = "아이고 숨이 너무 차서 말도 못 하겠어요"
    found = findings(analyze(text))
    assert found and all(f.evidence and f.evidence in text for f in found)
    assert all(f.rule.startswith("ko:") and f.category in CATEGORIES for f in found)
    assert len({f.category for f in found}) == len(found)  # one finding per category


# -- the red-flag fallback: a critical concept with any predicate is a check -----------------------
@pytest.mark.parametrize(
    "text, category",
    [
        ("가슴이 쥐어뜯기는 것 같아요", "cardiac"),  # a predicate no rule lists
        ("명치끝이 콱 막힌 것처럼 답답해요", "cardiac"),  # a simile leads to what is felt
        ("아이고 가슴이야", "cardiac"),
        ("숨이 깔딱깔딱해요", "breathing"),  # mimetic words
        ("영감이 숨을 그르렁그르렁 쉬어요", "breathing"),
        ("숨길이 막힌 것처럼 갑갑해요", "breathing"),  # 숨 + 길, split by Kiwi
        ("피가 섞여서 많이 나와요", "bleeding"),
        ("의식이 왔다 갔다 해요", "unconscious"),
        ("할멈이 불러도 아무 말이 없어요", "unconscious"),
        ("유서를 써 놨어요", "suicide"),
        ("애들한테 마지막 인사를 하려고요", "suicide"),
        ("먼저 간 영감 따라갈라요", "suicide"),
        ("집을 못 찾겠어요", "confusion"),
        ("지금이 아침인지 밤인지 구분이 안 가요", "confusion"),
        ("연기가 뭉게뭉게 피어나요", "fire"),
        ("현관문 밖에 누가 서 있어요 무서워요", "violence"),
        ("보름째 쌀이 없어요", "starvation"),
        ("나 좀 살려 주이소", "help"),  # dialect request
        ("혀가 말려서 발음이 안 돼요", "stroke"),
        ("여그가 어딘가 모르겄네", "confusion"),
        ("오늘 밤에 약 먹고 자면 안 깨겠지", "suicide"),
    ],
)
def test_red_flags_catch_unlisted_wordings(text, category):
    decision, got = decide(text)
    assert decision != N and got == category


@pytest.mark.parametrize(
    "text",
    [
        "가슴이 설레요",  # the predicate is fine
        "숨 좀 돌리고 다시 얘기할게요",
        "피 검사 했어요",  # a modifier, not the subject
        "유서 깊은 절에 다녀왔어요",
        "친구가 이사 가서 작별 인사를 했어요",
        "정신 차리고 보니 벌써 저녁이네요",
        "이번 달 전기세가 너무 많이 나와서 눈앞이 캄캄하네요",  # a worry
        "가슴이 아프면 어느 병원에 가야 해요?",  # a question
        "사우나에서 숨 막힐 듯 더웠어요",  # a degree
        "숨이 차도록 웃었어요",
        "숨이 찰 때 먹는 약이 뭐였죠?",  # a time, not an event
        "어릴 때 물에 빠져서 숨을 못 쉰 적이 있어요",
        "도와주셔서 고마워요",
        "도와주는 사람이 많아서 좋아요",
        "공연이 연기됐대요",
        "죽고 싶은 생각은 없어요",
        "말이 헛나왔네요 미안해요",
        "다리를 질질 끌고 다닌 지 오래됐어요 관절염이라",
        "불이 확 붙는 라이터를 샀어요",
        "그 집 팔 때 가슴이 찢어지는 줄 알았어요",
        "영감이 말을 안 해요 삐져서",
        "피가 되고 살이 되는 얘기예요",
        "넘어진 김에 쉬어 간다고 하잖아요",
    ],
)
def test_red_flags_keep_their_scope(text):
    assert findings(analyze(text)) == []


def test_red_flags_are_never_more_than_a_check():
    for text in ("가슴이 쥐어뜯기는 것 같아요", "숨이 깔딱깔딱해요", "유서를 써 놨어요"):
        assert decide(text)[0] == C
    assert decide("영감이 대답을 안 해요 귀가 어두워서")[0] == C  # a reason given after: ask


def test_fresh_batch():
    """The batch in safety_ko_more.txt: recall >= 0.98 (emergency or check), emergency precision
    >= 0.90, checks on at most 15% of non-emergencies."""
    rows = []
    for line in Path(__file__).with_name("safety_ko_more.txt").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, _, text = line.split(" ", 2)
            rows.append((label == "E", decide(text)[0]))
    emergencies = [d for e, d in rows if e]
    others = [d for e, d in rows if not e]
    assert len(emergencies) >= 100 and len(others) >= 100
    assert sum(d != N for d in emergencies) / len(emergencies) >= 0.98
    said = [e for e, d in rows if d == E]
    assert sum(said) / len(said) >= 0.90
    assert sum(d == C for d in others) / len(others) <= 0.15
