"""Korean analysis (Kiwi) and Korean emergency findings.

Sentences here are written for these tests (none comes from the evaluation set). One Kiwi is
built for the whole module (about a second), every call after that takes a fraction of a ms.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from dialogue.analysis import analyze as analyze_any
from dialogue.analysis.ko import analyze
from dialogue.safety import CATEGORIES, Decision, combine
from dialogue.safety.ko import findings

E, C, N = Decision.EMERGENCY, Decision.CHECK, Decision.NONE


def decide(text: str) -> tuple[Decision, str | None]:
    a = combine(findings(analyze(text)))
    return a.decision, a.category


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


# -- the last net: concepts, signs and alarms (safety.ko_concepts, ko_signs, ko_alarm) ------------
# Fresh batches in tests/safety_ko_batch*.jsonl, each scored before the rules changed for it:
# batch 1 (91 lines): recall 0.807, emergency precision 0.947, check 5.9%;
# batch 2 (103): recall 0.683, precision 0.933, check 2.5%;
# batch 3 (105): recall 0.864, precision 0.953, check 0.0%;
# batch 4 (82, mostly everyday lookalikes): recall 0.656, precision 0.933, check 12.0%;
# batch 5 (78, ASR-heavy): recall 0.841, precision 0.960, check 8.8%;
# another engineer's dev2 batch (123, not in this repo), scored at d476669 before tuning on it:
# recall 0.938, precision 0.960, check 5.2%;
# batch 6 (70), after dev2 tuning: recall 0.821, precision 0.905, check 3.2%;
# batch 7 (67, dialect and rambling answers): recall 0.800, precision 1.000, check 3.1%;
# batch 8 (68, answers to the agent's questions): recall 0.919, precision 0.950, check 3.2%;
# batch 9 (67, fragments, repeats, 반말): recall 0.923, precision 0.967, check 3.6%;
# batch 10 (67): recall 0.895, precision 0.957, check 6.9%;
# batch 11 (66): recall 0.946, precision 1.000, check 3.4%;
# batch 12 (66): recall 0.838, precision 1.000, check 3.4%.
@pytest.mark.parametrize(
    "text, category",
    [
        ("아까부터 왼쪽 어깨랑 턱까지 뻐근하게 아프고 속이 메스꺼워요", "cardiac"),  # a cluster
        ("식은땀이 줄줄 나요", "cardiac"),  # alarming alone
        ("갑자기 오른쪽 다리가 내 다리 같지가 않아요", "stroke"),  # 갑자기 + a body part
        ("침을 못 삼키겠어요", "breathing"),  # cannot do a plain thing, now
        ("이제 그만 조용히 눈 감고 싶어요", "suicide"),  # a euphemism and a wish
        ("요즘은 한강 다리에 가 볼까 그런 생각만 들어요", "suicide"),  # a place to end it
        ("번개탄을 사다 놨어요", "suicide"),  # the means made ready
        ("아들이 왔는데 누군지 모르겠어요", "confusion"),  # kin not known
        ("돌아가신 아버지가 방에 와 계세요", "confusion"),  # the dead seen
        ("변이 새까맣게 나와요", "bleeding"),  # bleeding inside
        ("어떤 사람이 창문을 깨고 들어오려고 해요", "violence"),  # a door forced
        ("아무나 좀 불러 주세요", "help"),  # anyone, asked for
        ("응급실에 가야 될 것 같아요", "help"),  # emergency care needed
        ("몸이 너무 이상해요", "help"),  # something wrong, now
        ("토를 계속 해요 멈추지가 않아요", "help"),  # it will not stop
    ],
)
def test_the_last_net_asks(text, category):
    assert decide(text) == (C, category)


@pytest.mark.parametrize(
    "text",
    [
        "식은땀이 나거나 그런 건 없어요",  # denied
        "작년에 갑자기 다리가 마비됐었는데 지금은 다 나았어요",  # past and resolved
        "옆집 할머니가 응급실에 가셨대요",  # hearsay
        "혹시 가슴이 아프면 119 불러야 돼요?",  # a condition
        "더워 죽을 것 같아요",  # the idiom
        "뉴스에서 누가 창문을 깨고 들어왔대요",  # the news
        "꿈에 돌아가신 어머니가 오셨어요",  # a dream
        "한강 공원에 산책 가고 싶어요",  # a place, no thought of it
        "먼저 시장에 가려고요",  # an errand
        "손주가 약 먹기 싫다고 울어서 사탕을 줬어요",
        "허리가 아파서 오래는 못 걷겠어요",  # a limit, not a loss
        "석 달 전에 쓰러져서 입원했다가 지금은 다 회복했어요",
        "피곤해서 쓰러지기 직전이에요 한숨 자야겠어요",
        "죽고 싶다는 생각은 한 번도 안 해 봤어요",
        "숨이 차거나 가슴이 답답한 건 없어요",
    ],
)
def test_the_last_net_keeps_scope(text):
    assert decide(text)[0] != E
    assert decide(text)[0] == N or text.startswith(("허리", "혹시"))


def test_asr_slips_are_repaired_in_place():
    from dialogue.safety.ko_asr import repair, repaired

    assert repaired("수미 안 쉬어져요") == "숨이 안 쉬어져요"
    assert repaired("수미가 놀러 왔어요") == "수미가 놀러 왔어요"  # a name, not a slip
    assert repaired("부리야 부리야") == "불이야 불이야"
    text = "수미 안 쉬어져요 사려 주세요"
    a = repair(analyze(text))
    assert a.text == text and all(t.surface == text[t.start : t.end] for t in a.tokens)
    assert decide(text)[0] == E
    assert decide("수미가 놀러 왔어요") == (N, None)


def _batch_rows() -> list[tuple[bool, Decision]]:
    import json

    rows = []
    for path in sorted(Path(__file__).parent.glob("safety_ko_batch*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            case = json.loads(line)
            assert case["lang"] == "ko" and (case["category"] in CATEGORIES) == case["emergency"]
            rows.append((case["emergency"], decide(case["user"])[0]))
    return rows


def test_fresh_batches_after_tuning():
    """All the fresh batches together: recall >= 0.98, emergency precision >= 0.90, checks on at
    most 15% of non-emergencies."""
    rows = _batch_rows()
    emergencies = [d for e, d in rows if e]
    others = [d for e, d in rows if not e]
    assert len(emergencies) >= 200 and len(others) >= 150
    assert sum(d != N for d in emergencies) / len(emergencies) >= 0.98
    said = [e for e, d in rows if d == E]
    assert sum(said) / len(said) >= 0.90
    assert sum(d == C for d in others) / len(others) <= 0.15


@pytest.mark.parametrize(
    "text",
    [
        "이제 그만 가야겠어요",
        "그만 가 봐야 해요",
        "이제 그만 자러 가야겠어요",
        "먼저 가 볼게요",
        "네, 아침 약 다 먹었어요.",
    ],
)
def test_a_goodbye_is_not_a_farewell(text):
    """The end of a call (이제 그만 가야겠어요) is no death wish; going is one only with a death
    nearby (짐만 되니까, 살 만큼 살았으니)."""
    assert decide(text) == (N, None)


def test_going_with_a_death_nearby_asks():
    assert decide("살 만큼 살았으니 이제 그만 가야겠어요") == (C, "suicide")
    assert decide("자식들한테 짐만 되니까 이제 그만 가야지 싶어요") == (C, "suicide")
