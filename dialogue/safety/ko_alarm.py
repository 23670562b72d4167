"""Alarm words for `safety.ko`'s last net (with `safety.ko_concepts` and `safety.ko_signs`):
what people say when they do not know what is wrong, only that something is.

- emergency care named as a need, even asked (응급실에 가야 될 것 같아요, 119 불러야 할까요?);
- the body or someone at home "strange" now (몸이 너무 이상해요, 할아버지가 이상해요);
- a feeling of dying (죽을 것 같아요; not the idiom 배고파 죽겠어요, 더워 죽을 것 같아);
- an acute condition named (감전됐어요, 화상을 입었어요, 저혈당 같아요, 심근경색 같아요);
- a symptom that will not stop (토를 계속 해요 멈추지가 않아요);
- the belly torn with pain (배가 찢어질 듯이 아파요).
Each is a `check`: the agent asks "지금 도움이 필요하세요?" or the category's own question, and
`safety.ko`'s scope still cancels it (negated, past, someone else's, a story). Conditions (아프면
119 불러야 돼요?) are not alarms.
"""

from __future__ import annotations

from dialogue.analysis.ko_lexicon import BELLY
from dialogue.safety import ko_lexicon as L
from dialogue.safety.ko_doc import C, Clause, Doc, Hit

CARE = frozenset("응급실 119 구급차 앰뷸런스 응급차 구급대 구조대".split())
CARE_DO = frozenset("가 부르 오 타 실리 실려가 연락하 전화하 보내".split())
STRANGE = frozenset("이상 이상하 심상치 수상하 안좋".split())
BODY_WHOLE = frozenset("몸 온몸 몸상태 상태 컨디션 몸뚱이 삭신 기운".split())
# 배고파 죽겠어요, 더워 죽을 것 같아: "so X", not dying
IDIOM_REASON = frozenset(
    "배고프 고프 덥 춥 심심 웃기 웃 피곤 피곤하 바쁘 졸리 좋 귀엽 궁금 궁금하 부럽 지루 "
    "지루하 보고싶 보 싶 미치 창피 창피하 부끄럽 답답 답답하 짜증 짜증나 속상 시끄럽 힘들 "
    "가렵 간지럽 맛있 배부르 배불르 신나 반갑 설레 그립".split()
)
ACUTE = {
    **dict.fromkeys("감전 화상 쇼크 아나필락시스".split(), "help"),
    **dict.fromkeys("저혈당 열사병 일사병 탈진 혼수".split(), "unconscious"),
    **dict.fromkeys("골절 뇌진탕".split(), "fall"),
    **dict.fromkeys("심근경색 심장마비 협심증 심정지 부정맥".split(), "cardiac"),
    **dict.fromkeys("질식 천식발작 호흡곤란".split(), "breathing"),
    **dict.fromkeys("중독 과다복용 식중독".split(), "overdose"),
    **dict.fromkeys("뇌졸중 뇌경색 뇌출혈 중풍".split(), "stroke"),
}
ACUTE_ON = frozenset("되 입 오 같 이 나 일으키 걸리 당하 생기 터지".split())
SYMPTOM = frozenset("토 구토 설사 기침 경련 떨림 열 피 코피 하혈 발작 오한".split())
STOP = frozenset("멈추 그치 멎 가라앉 떨어지 내리".split())
TORN = frozenset("찢어지 끊어지 뒤틀리 쥐어짜 꼬이 칼 데굴데굴 뒤집히 터지".split())


def alarms(d: Doc, c: Clause, out: list[Hit]) -> None:
    """Add `check` hits for clause `c` (called only when nothing else fired)."""
    s0, s1 = d.sentence_range(c.sentence)
    if any(x.conditional for x in d.clauses if x.sentence == c.sentence):
        return  # 가슴이 아프면 119 불러야 돼요?
    for alarm in (_care, _strange, _dying, _acute, _unstoppable, _belly):
        if alarm(d, c, s0, s1, out):
            return


def _care(d: Doc, c: Clause, s0: int, s1: int, out: list[Hit]) -> bool:
    """응급실에 가야 될 것 같아요, 구급차 좀 불러야 되나: emergency care needed, even asked."""
    t = d.t
    care = [i for i in range(c.first, c.last + 1) if t[i].lemma in CARE]
    do = [i for i in d.preds(c, CARE_DO) if not d.negated(i)]
    if not (care and do):
        return False
    need = any(
        x.lemma
        in ("어야", "아야", "ᆯ까", "을까", "나", "나요", "겠", "ᆯ까요", "을까요", "싶", "려고")
        or x.lemma.endswith(("ᆯ까", "나요", "야지"))
        for x in t[do[0] + 1 : do[0] + 6]
    )
    done = any(x.tag == "EP" and x.lemma in ("었", "았") for x in t[do[0] + 1 : do[0] + 3])
    if need and not done:
        out.append(Hit("help", C, care[0], do[0], "alarm: emergency care needed"))
        return True
    return False


def _strange(d: Doc, c: Clause, s0: int, s1: int, out: list[Hit]) -> bool:
    """몸이 너무 이상해요, 할아버지가 이상해요: something wrong, now, with a body or a person."""
    t = d.t
    for i in range(c.first, c.last + 1):
        if t[i].lemma not in STRANGE or not _predicate(d, i) or d.negated(i):
            continue
        if _past(d, i):
            return False  # 어제는 몸이 좀 이상했어요
        subject = [j for j in range(c.first, i) if t[j].tag.startswith("NN")]
        body = any(t[j].lemma in BODY_WHOLE for j in subject)
        person = any(t[j].lemma in L.HOUSEHOLD | L.OTHERS for j in subject)
        if body or (person and not any(t[j].lemma in L.MEDIA_STORY for j in range(s0, s1 + 1))):
            cat = "help"
            out.append(Hit(cat, C, subject[0] if subject else i, i, "alarm: something wrong"))
            return True
    return False


def _dying(d: Doc, c: Clause, s0: int, s1: int, out: list[Hit]) -> bool:
    """죽을 것 같아요, 너무 아파서 죽을 것 같아요 (not 더워 죽을 것 같아): a feeling of dying."""
    t = d.t
    for i in range(c.first, c.last + 1):
        if t[i].lemma != "죽" or not t[i].tag.startswith("VV"):
            continue
        nxt = [x.lemma for x in t[i + 1 : i + 4]]
        likely = nxt[:3] in (["ᆯ", "것", "같"], ["을", "것", "같"], ["ᆯ", "거", "같"])
        if not likely:
            continue  # (X어 죽겠어요 is the idiom "very X", 배고파 죽겠어요)
        if any(x.tag == "VCN" or x.lemma == "없" for x in t[i + 4 : i + 9]):
            return False  # 죽을 것 같은 건 아니고
        reason = [x for x in t[s0:i] if x.tag.startswith(("VV", "VA", "XR", "NNG"))]
        if any(x.lemma in IDIOM_REASON for x in reason[-2:]):
            return False  # 더워 죽을 것 같아, 심심해 죽겠어
        if i > 0 and t[i - 1].lemma in ("어", "아", "어서", "아서") and not reason:
            return False
        out.append(Hit("help", C, i, i, "alarm: a feeling of dying"))
        return True
    return False


def _acute(d: Doc, c: Clause, s0: int, s1: int, out: list[Hit]) -> bool:
    """감전됐어요, 화상을 입었어요, 저혈당 같아요: an acute condition named."""
    t = d.t
    for i in range(c.first, c.last + 1):
        lemma = t[i].lemma
        if i + 1 <= c.last and lemma + t[i + 1].lemma in ACUTE:
            lemma = lemma + t[i + 1].lemma  # 심근 + 경색
            i += 1
        cat = ACUTE.get(lemma)
        if cat is None or not t[i].tag.startswith("NN"):
            continue
        if i + 1 <= c.last and t[i + 1].tag.startswith("NN") and t[i + 1].lemma not in ACUTE:
            continue  # 화상 연고, 천식 약: a thing named after it
        on = [j for j in range(i + 1, min(i + 5, c.last + 1)) if t[j].lemma in ACUTE_ON]
        if on and not d.negated(on[0]) and not _past_long(d, s0, s1):
            out.append(Hit(cat, C, i, on[0], "alarm: an acute condition"))
            return True
    return False


def _unstoppable(d: Doc, c: Clause, s0: int, s1: int, out: list[Hit]) -> bool:
    """토를 계속 해요 멈추지가 않아요, 열이 안 내려요: a symptom that will not stop."""
    t = d.t
    symptom = [j for j in range(s0, c.last + 1) if t[j].lemma in SYMPTOM and t[j].tag == "NNG"]
    if not symptom and d.previous(c) is None and c.sentence > 0:
        p0, p1 = d.sentence_range(c.sentence - 1)
        symptom = [j for j in range(p0, p1 + 1) if t[j].lemma in SYMPTOM and t[j].tag == "NNG"]
    stop = [i for i in d.preds(c, STOP, True)]
    if symptom and stop and not _past(d, stop[0]):
        out.append(Hit("help", C, symptom[0], stop[0], "alarm: it will not stop"))
        return True
    return False


def _belly(d: Doc, c: Clause, s0: int, s1: int, out: list[Hit]) -> bool:
    """배가 찢어질 듯이 아파요, 배가 끊어질 것 같아요: the belly torn with pain."""
    t = d.t
    belly = d.nouns(c, BELLY)
    torn = [i for i in range(c.first, c.last + 1) if t[i].lemma in TORN]
    if belly and torn and not any(x.lemma in L.FEELINGS | {"웃", "웃기"} for x in t[s0 : s1 + 1]):
        if not d.negated(torn[0]):
            out.append(Hit("help", C, belly[0], torn[0], "alarm: the belly torn"))
            return True
    return False


def _predicate(d: Doc, i: int) -> bool:
    """The word at `i` is said (이상해요, 심상치 않아요), not a modifier (이상한 꿈)."""
    t = d.t
    j = i + 1
    if j < len(t) and t[j].tag in ("XSA", "XSV"):
        j += 1
    return not (j < len(t) and t[j].tag == "ETM")


def _past(d: Doc, i: int) -> bool:
    t = d.t
    for x in t[i + 1 : i + 4]:
        if x.tag == "EP" and x.lemma in ("었", "았", "었었"):
            return True
        if x.tag in ("EF", "EC") and x.lemma not in ("지", "어", "아"):
            break
    return False


def _past_long(d: Doc, s0: int, s1: int) -> bool:
    return any(x.lemma in ("예전", "옛날", "작년", "젊") for x in d.t[s0 : s1 + 1])
