"""Korean emergency findings: the last net (safety.ko_concepts, ko_signs, ko_alarm,
ko_household, ko_body) and the fresh batches scored before the rules changed for them.

Sentences here are written for these tests (none comes from the evaluation set).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from safety_ko_kit import C, E, N, decide

from dialogue.analysis.ko import analyze
from dialogue.safety import CATEGORIES, Decision


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
