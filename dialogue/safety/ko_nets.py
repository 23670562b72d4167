"""More of `safety.ko`'s last net (see `safety.ko_concepts`): shapes of trouble that name no
listed symptom sentence. Each finding is a `check`; `safety.ko`'s scope still cancels it
(negated, past, someone else's, hypothetical, the news).

- a symptom that stops the person doing something now (숨이 차서 말을 못 하겠어요, 배가 아파서
  꼼짝을 못 하겠어요);
- a mouth that leaks (물을 마시면 입 옆으로 흘러요): a face that no longer closes;
- pills counted gone (열 알이 비어요, 스무 알을 먹었어요);
- a life to be cut (목숨을 끊을 방법만 생각나요);
- a plea to be taken to care or to be helped (응급실에 데려다줘요, 나 좀 어떻게 해 줘 너무 아파);
- a wound that is deep (깊게 베였어요, 뼈가 보여요);
- someone at home who suddenly stops answering or drops (바깥양반이 갑자기 고개를 떨구고 말을
  안 해요);
- breath as one word (숨넘어가요, 숨막혀요), a hand that fails just now (오른손으로 숟가락질이
  안 돼요 방금부터), seeing what nobody else sees (벌레가 보여요, 아무도 안 보인대요);
- home not known as home (여기 누구 집이에요? 우리 집에 데려다줘요), morning not told from
  evening (지금 아침이에요 저녁이에요? 모르겠어요), a stranger who followed and waits
  (어떤 사람이 따라와서 문 앞에 있어요).
"""

from __future__ import annotations

import re

from dialogue.safety import ko_lexicon as L
from dialogue.safety.ko_concepts import present
from dialogue.safety.ko_doc import C, Clause, Doc, Hit
from dialogue.safety.ko_signs import imperative_request

# A symptom word, and the category a clause of it points to.
_SYMPTOM = {
    **dict.fromkeys(L.BREATH, "breathing"),
    **dict.fromkeys(L.CHEST, "cardiac"),
}
_BREATH_BAD = L.BREATH_BAD | frozenset("가쁘 차오르 헐떡이".split())
_HURT = frozenset("아프 쑤시 결리 저리 조이 답답 답답하 어지럽 메스껍".split())
_BECAUSE = frozenset("어서 아서 서 니까 으니까 어 아".split())

_MOUTH = frozenset("입 입가 입꼬리 입술 입가장자리".split())
_LEAK = frozenset("흐르 새 흘리 새어나오 질질".split())
_DRINK = frozenset("물 침 밥 국 음식 국물 우유 죽".split())

# Numerals from five up (다섯 알, 열 알, 스무 개, 30알): more than any dose.
_MANY_NUMERALS = frozenset(
    "다섯 여섯 일곱 여덟 아홉 열 열두 스무 스물 서른 마흔 쉰 수십 수백 백".split()
)
_PILL_UNITS = frozenset("알 개 정 봉지 포 캡슐 통".split())
_GONE = frozenset("비 없어지 사라지 모자라 먹 삼키 털어넣 넘기".split())

_LIFE = frozenset("목숨 명줄 생 삶 인생 숨통".split())
_CUT = frozenset("끊 버리 내던지 끝내 마감하 마감".split())

_CARE_PLACES = frozenset("응급실 병원 119 구급차 앰뷸런스 응급차".split())
_TAKE_ME = frozenset("데리 데려가 데려다주 태우 실 옮기".split())
_ANGUISH = frozenset("아프 죽 무섭 큰일 어떡하 못살 괴롭 숨 피".split())


def nets(d: Doc, c: Clause, out: list[Hit]) -> None:
    """Add `check` hits for clause `c` (called only when no rule and no red flag fired)."""
    nets_ = (
        _stopped_by_symptom,
        _mouth_leaks,
        _pills_gone,
        _life_cut,
        _plea,
        _deep,
        _drops,
        _breath_word,
        _hand_fails,
        _unseen,
        _not_home,
        _day_or_night,
        _followed,
    )
    for net in nets_:
        if net(d, c, out):
            return


def _stopped_by_symptom(d: Doc, c: Clause, out: list[Hit]) -> bool:
    """숨이 차서 말을 못 하겠어요: a symptom that stops a plain act now (못 … 겠, 수 없)."""
    t = d.t
    prev = d.previous(c)
    if prev is None or t[prev.last].lemma not in _BECAUSE:
        return False
    cause = None
    for i in range(prev.first, prev.last + 1):
        cat = _SYMPTOM.get(t[i].lemma)
        if cat is None or not t[i].tag.startswith("NN"):
            continue
        bad = _BREATH_BAD if cat == "breathing" else _HURT
        said = [j for j in range(i + 1, prev.last + 1) if t[j].lemma in bad]
        # (negation read within the clause: the 못 of 못 하겠어요 is the next clause's)
        if said and not any(t[k].lemma in L.NEGATORS for k in range(prev.first, said[0])):
            cause = (i, cat)
            break
    if cause is None:
        return False
    stopped = [
        i
        for i in range(c.first, c.last + 1)
        if t[i].tag.startswith("VV") and d.unable(i) and present(d, i)
    ]
    now = any(x.lemma == "겠" for i in stopped for x in t[i + 1 : i + 4])
    if stopped and (now or any(x.lemma in ("지금", "도저히", "아예") for x in t[c.first : c.last])):
        out.append(Hit(cause[1], C, cause[0], stopped[0], "net: stopped by a symptom"))
        return True
    return False


def _mouth_leaks(d: Doc, c: Clause, out: list[Hit]) -> bool:
    """물을 마시면 입 옆으로 흘러요, 입가로 침이 질질 새요: a mouth that does not close."""
    t = d.t
    mouth = d.nouns(c, _MOUTH)
    if not mouth:
        return False
    s0, s1 = d.sentence_range(c.sentence)
    leak = [i for i in range(c.first, c.last + 1) if t[i].lemma in _LEAK and not d.negated(i)]
    what = any(t[j].lemma in _DRINK for j in range(s0, s1 + 1))
    if leak and what and present(d, leak[0]):
        out.append(Hit("stroke", C, mouth[0], leak[0], "net: the mouth leaks"))
        return True
    return False


def _count(tok_lemma: str, tag: str) -> bool:
    if tag == "SN":
        digits = re.sub(r"\D", "", tok_lemma)
        return bool(digits) and int(digits) >= 5
    return tag in ("NR", "MM", "NNG") and tok_lemma in _MANY_NUMERALS


def _pills_gone(d: Doc, c: Clause, out: list[Hit]) -> bool:
    """열 알이 비어요, 약을 스무 알 먹었어요: pills counted gone, more than a dose."""
    t = d.t
    pills = any(
        x.lemma in L.MEDICINES or (x.lemma.endswith("약") and x.tag == "NNG")
        for x in t
        if x.lemma not in L.MEDICINE_EXCLUDE
    )
    if not pills:
        return False
    whole = [  # 한 통, 한 병: the whole box
        j
        for j in range(len(t) - 1)
        if t[j].lemma == "한" and t[j + 1].lemma in ("통", "병", "봉지", "상자", "곽", "박스")
    ]
    swallowed = [i for i in d.preds(c, L.SWALLOW) if not d.negated(i)]
    if whole and swallowed and any(x.lemma in ("다", "전부", "몽땅") for x in t):
        out.append(Hit("overdose", C, swallowed[0], swallowed[0], "net: the whole box"))
        return True
    for i in range(c.first, c.last):
        if not (_count(t[i].lemma, t[i].tag) and t[i + 1].lemma in _PILL_UNITS):
            continue
        gone = [j for j in d.preds(c, _GONE) if j > i]
        gone += [  # 없어졌어요 as Kiwi reads it: 없 + 어 + 지
            j
            for j in range(i + 2, c.last - 1)
            if t[j].lemma == "없" and t[j + 1].lemma == "어" and t[j + 2].lemma == "지"
        ]
        if gone:  # (today or just now: 먹었어요 counts)
            out.append(Hit("overdose", C, i, gone[0], "net: pills counted gone"))
            return True
    return False


def _life_cut(d: Doc, c: Clause, out: list[Hit]) -> bool:
    """목숨을 끊을 방법만 생각나요, 이 명줄 그만 끊고 싶어: a life to be cut."""
    t = d.t
    for i in range(c.first, c.last):
        if t[i].lemma not in _LIFE or not t[i].tag.startswith("NN"):
            continue
        cut = [j for j in range(i + 1, min(i + 5, c.last + 1)) if t[j].lemma in _CUT]
        if cut and not d.negated(cut[0]):
            out.append(Hit("suicide", C, i, cut[0], "net: a life to be cut"))
            return True
    return False


def _plea(d: Doc, c: Clause, out: list[Hit]) -> bool:
    """응급실에 데려다줘요; 나 좀 어떻게 해 줘 너무 아파: asked to be taken to care, or to be
    helped out of pain or fear."""
    t = d.t
    asks = [i for i in range(c.first, c.last + 1) if imperative_request(d, i)]
    if not asks:
        return False
    care = any(x.lemma in _CARE_PLACES for x in t[: asks[0]])
    take = t[asks[0]].lemma in _TAKE_ME
    if care and take:
        out.append(Hit("help", C, c.first, asks[0], "net: take me to care"))
        return True
    how = any(x.lemma in ("어떻", "어떻게") for x in t[c.first : asks[0]])
    fix = t[asks[0]].lemma == "하" and how
    if fix and any(x.lemma in _ANGUISH for x in t):
        out.append(Hit("help", C, c.first, asks[0], "net: help me, it hurts"))
        return True
    return False


_CUT_OPEN = frozenset("베이 베 찢어지 패이 파이 찔리 갈라지 벌어지".split())
_DEEP = frozenset("깊 깊이 깊숙이 쩍 쫙 뼈".split())


def _deep(d: Doc, c: Clause, out: list[Hit]) -> bool:
    """손가락이 깊게 베였어요, 살이 쩍 벌어졌어요, 뼈가 보여요: a wound that will not close."""
    t = d.t
    s0, s1 = d.sentence_range(c.sentence)
    cut = [i for i in range(c.first, c.last + 1) if t[i].lemma in _CUT_OPEN and not d.negated(i)]
    deep = any(t[j].lemma in _DEEP for j in range(max(s0, c.first - 3), c.last + 1))
    bone = any(
        t[j].lemma == "뼈" and t[j + 2].lemma == "보이"
        for j in range(s0, s1 - 1)
        if t[j + 1].tag in ("JKS", "JX")
    )
    if (cut and deep) or (bone and d.sentence_has(c, _CUT_OPEN)):
        out.append(Hit("bleeding", C, c.first, c.last, "net: a deep wound"))
        return True
    return False


_DROPS = frozenset("떨구 떨어뜨리 늘어지 처지 쓰러지 주저앉 고꾸라지".split())
_ANSWERS = frozenset("말 대답 대꾸 반응".split())


def _drops(d: Doc, c: Clause, out: list[Hit]) -> bool:
    """바깥양반이 갑자기 고개를 푹 떨구고 말을 안 해요: someone here, suddenly limp or silent."""
    t = d.t
    s0, s1 = d.sentence_range(c.sentence)
    home = any(t[j].lemma in L.HOUSEHOLD for j in range(s0, s1 + 1))
    sudden = any(t[j].lemma in ("갑자기", "별안간", "픽", "털썩") for j in range(s0, s1 + 1))
    if not (home and sudden):
        return False
    silent = d.nouns(c, _ANSWERS) and any(
        d.negated(i) for i in d.preds(c, frozenset({"하", "없"}), None)
    )
    limp = [i for i in d.preds(c, _DROPS) if d.has(c, frozenset({"고개", "머리", "몸", "팔"}))]
    if silent or limp:
        out.append(Hit("unconscious", C, c.first, c.last, "net: someone here drops"))
        return True
    return False


_BREATH_WORDS = frozenset("숨넘어가 숨막히 숨차 숨가쁘 숨막".split())


def _breath_word(d: Doc, c: Clause, out: list[Hit]) -> bool:
    """숨넘어가요, 숨막혀 (one word to Kiwi): breath going, not an idiom of hurry (숨넘어가겠다)."""
    t = d.t
    for i in range(c.first, c.last + 1):
        if t[i].lemma in _BREATH_WORDS and t[i].tag.startswith("VV") and not d.negated(i):
            tail = [x for x in t[i + 1 : i + 4] if x.tag.startswith(("EP", "EF"))]
            exclaimed = any(x.lemma == "겠" for x in tail) and any(
                x.tag == "EF" and x.lemma in ("다", "네", "구나", "군") for x in tail
            )
            if not exclaimed and present(d, i):
                out.append(Hit("breathing", C, i, i, "net: breath as one word"))
                return True
    return False


_JUST_NOW = frozenset("방금 갑자기 아까 금방 별안간 지금".split())


def _hand_fails(d: Doc, c: Clause, out: list[Hit]) -> bool:
    """오른손으로 숟가락질이 안 돼요 방금부터: a limb that fails at a plain act, just now."""
    t = d.t
    s0, s1 = d.sentence_range(c.sentence)
    limb = d.nouns(c, L.LIMB)
    fails = [i for i in d.preds(c, frozenset({"되"}), True) if present(d, i)]
    now = any(t[j].lemma in _JUST_NOW for j in range(s0, min(s1 + 4, len(t))))
    if limb and fails and now and limb[0] < fails[0]:
        out.append(Hit("stroke", C, limb[0], fails[0], "net: a hand fails just now"))
        return True
    return False


def _unseen(d: Doc, c: Clause, out: list[Hit]) -> bool:
    """벌레가 기어다니는 게 보여요, 아무도 안 보인대요: seeing what others do not."""
    t = d.t
    seen = [i for i in d.preds(c, frozenset({"보이"})) if not d.negated(i)]
    if not seen:
        return False
    later = range(seen[0] + 1, len(t))
    unseen = any(t[j].lemma == "보이" and d.negated(j) for j in later)
    others = any(t[j].lemma in ("아무도", "아무", "남", "딸", "아들", "다들") for j in later)
    told = any(x.tag == "EF" and x.lemma.endswith(("대요", "래요", "대")) for x in t[seen[0] :])
    if unseen and (others or told):
        out.append(Hit("confusion", C, seen[0], seen[0], "net: seeing what nobody sees"))
        return True
    return False


def _not_home(d: Doc, c: Clause, out: list[Hit]) -> bool:
    """여기 누구 집이에요? 우리 집에 데려다줘요: home, not known as home."""
    t = d.t
    lemmas = [x.lemma for x in t]
    here = "여기" in lemmas and "집" in lemmas
    whose = any(
        t[j].lemma in ("누구", "어디") and t[j + 1].lemma == "집"
        for j in range(len(t) - 1)
        if t[j].tag.startswith(("NP", "MM"))
    ) or any(t[j].lemma == "누구" and t[j + 1].lemma == "의" for j in range(len(t) - 1))
    home = any(t[j].lemma == "우리" and t[j + 1].lemma == "집" for j in range(len(t) - 1))
    take = any(imperative_request(d, i) for i in d.preds(c, _TAKE_ME | {"보내", "가"}))
    if here and whose and (home or take):
        out.append(Hit("confusion", C, c.first, c.last, "net: home not known as home"))
        return True
    return False


_DAYPARTS = frozenset("아침 저녁 낮 밤 오전 오후 새벽".split())


def _day_or_night(d: Doc, c: Clause, out: list[Hit]) -> bool:
    """지금 아침이에요 저녁이에요? 하나도 모르겠어요: the time of day lost."""
    t = d.t
    parts = [j for j in range(len(t)) if t[j].lemma in _DAYPARTS and t[j].tag.startswith("NN")]
    asked = len({t[j].lemma for j in parts}) >= 2 and "?" in d.a.text
    know = [i for i in d.preds(c, frozenset({"모르"})) if present(d, i)]
    now = any(x.lemma == "겠" for i in know for x in t[i + 1 : i + 3])
    if asked and know and now and parts[0] < know[0]:
        out.append(Hit("confusion", C, parts[0], know[0], "net: morning or evening"))
        return True
    return False


_STRANGER = frozenset("어떤 웬 모르 낯선 수상하 이상하".split())
_FOLLOW = frozenset("따라오 쫓아오 뒤따라오 미행하 따라다니 지켜보 엿보 서성이 서성거리".split())


def _followed(d: Doc, c: Clause, out: list[Hit]) -> bool:
    """어떤 사람이 계속 따라와서 집까지 왔어요: a stranger who followed the caller home."""
    t = d.t
    s0, s1 = d.sentence_range(c.sentence)
    stranger = any(x.lemma in _STRANGER for x in t[s0 : c.last + 1])
    follow = [i for i in d.preds(c, _FOLLOW) if not d.negated(i)]
    if stranger and follow:
        out.append(Hit("violence", C, c.first, follow[0], "net: followed by a stranger"))
        return True
    return False
