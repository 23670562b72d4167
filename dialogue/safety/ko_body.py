"""Body signs for `safety.ko`'s last net (with `safety.ko_concepts`): bleeding inside (coffee
grounds, black stool, blood in sputum), the worst headache, air that will not go in, a part that
feels like someone else's, words coming out wrong, pills gone wrong or poison near, and what Kiwi
splits (입이 돌아갔어요, 가스 새는 소리) read on the surface. Each is a `check`.
"""

from __future__ import annotations

from dialogue.safety import ko_lexicon as L
from dialogue.safety.ko_concepts import SUDDEN, groups
from dialogue.safety.ko_doc import C, Clause, Doc, Hit
from dialogue.safety.ko_redflag import question

COUNTS = frozenset("두 세 네 다섯 여섯 여러 몇".split())


def body(d: Doc, c: Clause, out: list[Hit]) -> None:
    """Add `check` hits for clause `c` (called only when no rule and no red flag fired)."""
    if question(d, c):
        return
    for sign in (
        _gut,
        _head,
        _air,
        _limb_not_mine,
        _wrong_words,
        _pills_wrong,
        _poison,
        _split_words,
    ):
        if sign(d, c, out):
            return


# -- the gut bleeding, the head's worst pain, air that will not go in, pills gone wrong -----------
VOMIT = frozenset("토하 게우 토 구토 올리 넘어오".split())


DARK_RED = frozenset(
    "커피 찌꺼기 시커멓 새까맣 까맣 꺼멓 검 검붉 시뻘겋 새빨갛 빨갛 피 핏덩이 선지".split()
)


STOOL = frozenset("변 대변 똥 볼일 응가 혈변".split())


FLUIDS = frozenset("가래 객담 소변 오줌 침 콧물".split())


FACE_TURNED = ("돌아가", "돌아갔", "돌아간", "삐뚤", "비뚤", "씰룩", "틀어졌")


LEAKING = ("새는", "새요", "샌다", "새서", "샜", "새고", "새어", "새나", "새네")


HEAD_PAIN = frozenset("아프 깨지 터지 쪼개지 빠개지 울리 지끈거리 띵하 욱신거리 패".split())


WORST = frozenset("처음 난생처음 생전 벼락 망치 번개 갑자기 평생".split())


INHALE = frozenset("들이마시 들이쉬 마시 쉬 숨쉬".split())


AIR_IN = frozenset("가 들어가 들어오 넘어가 차 내려가".split())


NOT_MINE = frozenset("남 남의 나무토막 통나무 고무 목석 돌덩이".split())


ODD_WORD = frozenset("딴 엉뚱 엉뚱하 이상하 엉터리 헛".split())


MED_WRONG = frozenset(
    "몇 얼마나 얼마 기억 모르 비 비우 두 세 네 다섯 여섯 여러 또 다시 더 술 소주 막걸리 맥주 "
    "한꺼번에 줄 까먹 잊어버리 잊 깜빡 "
    "잘못 실수".split()
)


def _gut(d: Doc, c: Clause, out: list[Hit]) -> bool:
    """커피 찌꺼기 같은 걸 토했어요, 변이 새까맣게 나와요, 시뻘건 가래: bleeding inside."""
    t = d.t
    s0, s1 = d.sentence_range(c.sentence)
    dark = [j for j in range(s0, s1 + 1) if t[j].lemma in DARK_RED]
    if not dark:
        return False
    vomit = [
        j for j in range(s0, s1 + 1) if t[j].lemma in VOMIT and t[j].tag.startswith(("VV", "NN"))
    ]
    stool = d.nouns(c, STOOL | FLUIDS)
    if (vomit or stool) and not any(d.negated(j) for j in vomit):
        out.append(Hit("bleeding", C, min(dark + vomit + stool), c.last, "concept: gut bleeding"))
        return True
    return False


def _head(d: Doc, c: Clause, out: list[Hit]) -> bool:
    """머리가 난생처음으로 벼락 맞은 것처럼 아파요: the worst headache, suddenly."""
    t = d.t
    head = d.nouns(c, L.HEAD)
    pain = [i for i in range(c.first, c.last + 1) if t[i].lemma in HEAD_PAIN and not d.negated(i)]
    if head and pain and d.sentence_has(c, WORST):
        out.append(Hit("stroke", C, head[0], pain[0], "concept: the worst headache"))
        return True
    return False


def _air(d: Doc, c: Clause, out: list[Hit]) -> bool:
    """들이마셔도 공기가 안 가요, 숨이 폐까지 안 들어가요: the air will not go in."""
    t = d.t
    air = d.nouns(c, L.BREATH)
    tried = any(x.lemma in INHALE for x in t[max(0, c.first - 4) : c.first + 2])
    stuck = [i for i in d.preds(c, AIR_IN, True)]
    short = [
        i
        for i in range(c.first, c.last + 1)
        if t[i].lemma in ("모자라", "부족", "부족하", "답답", "답답하") and not d.negated(i)
    ]
    if (
        tried
        and short
        and any(x.lemma in ("어도", "아도") for x in t[max(0, c.first - 2) : c.first + 2])
    ):
        out.append(Hit("breathing", C, c.first, short[0], "concept: air will not go in"))
        return True  # 들이쉬어도 들이쉬어도 모자라요
    if air and stuck and (tried or d.has(c, frozenset({"폐", "가슴", "끝", "목"}))):
        out.append(Hit("breathing", C, air[0], stuck[0], "concept: air will not go in"))
        return True
    return False


def _limb_not_mine(d: Doc, c: Clause, out: list[Hit]) -> bool:
    """얼굴이 남의 살 같아요, 다리가 나무토막 같아요: a part that feels like someone else's."""
    part = d.nouns(c, L.LIMB | L.FACE)
    like = d.preds(c, frozenset({"같", "같이"}))
    if part and like and any(d.t[j].lemma in NOT_MINE for j in range(part[0], like[0])):
        out.append(Hit("stroke", C, part[0], like[0], "concept: a part not one's own"))
        return True
    return False


def _wrong_words(d: Doc, c: Clause, out: list[Hit]) -> bool:
    """딴 말이 나와요, 엉뚱한 말이 튀어나와요: the words come out wrong (the speaker's own)."""
    t = d.t
    for i in range(c.first, c.last):
        if t[i].lemma not in ODD_WORD:
            continue
        words = [j for j in range(i + 1, min(i + 4, c.last + 1)) if t[j].lemma in ("말", "단어")]
        out_ = words and d.preds(c, frozenset({"나오", "튀어나오", "나가"}))
        if out_ and not d.negated(out_[0]):
            out.append(Hit("stroke", C, i, out_[0], "concept: words come out wrong"))
            return True
    return False


def _pills_wrong(d: Doc, c: Clause, out: list[Hit]) -> bool:
    """Medicine taken and something wrong with it: how many unknown, the bottle empty, twice, with
    drink, or a symptom after (약을 두 번 먹은 것 같아요, 어지러워요)."""
    t = d.t
    meds = [
        i
        for i in range(len(t))
        if t[i].tag.startswith("NN")
        and (t[i].lemma.endswith("약") or t[i].lemma in L.MEDICINES)
        and t[i].lemma not in L.MEDICINE_EXCLUDE
    ]
    taken = [i for i in d.preds(c, L.SWALLOW) if not d.negated(i)]
    taken = taken or [i for i in d.preds(c, frozenset({"타"})) if not d.negated(i)]  # 술에 타서
    if not meds or not taken:
        return False
    s0, _ = d.sentence_range(c.sentence)
    mistaken = any(d.by_mistake(j) for j in range(s0, c.last + 1)) or any(
        x.lemma in ("실수", "착각", "잘못") for x in t[s0 : c.last + 1]
    )  # 잘못 알고 하루치를 세 번이나 먹었어요 (잘못 is not 잘, 하루치 not a schedule)
    if not mistaken and (d.taken_ok(c) or d.has(c, L.SCHEDULE)):
        return False
    only = any(x.lemma in ("만", "밖에") and x.tag == "JX" for x in t[s0 : c.last + 1])
    wrong = mistaken or any(
        t[j].lemma in MED_WRONG
        and (t[j].lemma not in COUNTS or t[j].tag in ("MM", "NR"))  # (네: yes, not four)
        and not (only and t[j].lemma in COUNTS)  # 두 알만 먹었어요: a dose, said as one
        and not d.clauses[d.clause_of(j)].conditional  # 한꺼번에 먹으면 안 된대요: a rule
        and not _denied_after(d, j)  # 더 먹진 않았어요
        and not (t[j].lemma in _FORGOT and not _again(d, s0))  # 깜빡해서 점심때 먹었어요: late
        for j in range(s0, len(t))
        if t[j].lemma != "줄"
    )
    wrong = wrong or any(  # 사탕인 줄 알고 먹었어요
        t[j].lemma == "줄" and t[j].tag == "NNB" and t[j + 1].lemma == "알"
        for j in range(s0, len(t) - 1)
    )
    unwell = bool(groups(d))
    if wrong or unwell:
        out.append(
            Hit("overdose", C, min(meds[0], taken[0]), taken[0], "concept: pills gone wrong")
        )
        return True
    return False


_FORGOT = frozenset("까먹 잊어버리 잊 깜빡".split())


def _denied_after(d: Doc, j: int) -> bool:
    """The word at `j` (더, 또, 두) goes with a predicate said not to have happened, or one
    the person was told to do (두 알 먹으라 했는데)."""
    t = d.t
    k = next((k for k in range(j + 1, min(j + 4, len(t))) if t[k].tag.startswith("VV")), None)
    told = k is not None and k + 1 < len(t) and t[k + 1].lemma in ("으라", "라", "으라고", "라고")
    return k is not None and (d.negated(k) or told)  # (두 알 먹으라 했는데: the prescription)


def _again(d: Doc, s0: int) -> bool:
    """Forgetting that led to a second dose or an unknown count (또, 다시, 두 번, 먹었는지)."""
    t = d.t
    return any(
        x.lemma in ("또", "다시", "두", "세", "더", "몇", "얼마나", "는지", "ᆫ지", "었는지")
        for x in t[s0:]
    ) or any(x.lemma.endswith("는지") for x in t[s0:])


POISON_SIGN = frozenset("입 냄새 입가 거품 병 뚜껑 컵 빈병".split())


def _poison(d: Doc, c: Clause, out: list[Hit]) -> bool:
    """농약병 뚜껑이 열려 있고 입에서 농약 냄새가 나요: poison near a mouth or an opened bottle."""
    t = d.t
    poison = [i for i in range(c.first, c.last + 1) if t[i].lemma.startswith(tuple(L.POISON))]
    poison = [i for i in poison if t[i].tag.startswith("NN") and t[i].lemma != "수면제"]
    sign = [i for i in range(c.first, c.last + 1) if t[i].lemma in POISON_SIGN]
    if poison and sign and not any(d.negated(i) for i in d.preds(c, frozenset({"나", "있"}))):
        out.append(Hit("overdose", C, min(poison[0], sign[0]), c.last, "concept: poison near"))
        return True
    return False


def _split_words(d: Doc, c: Clause, out: list[Hit]) -> bool:
    """What Kiwi splits (돌아가 as 돌 + 아 + 가, 새는 as the noun 새), read on the surface: 입이
    돌아갔어요, 가스 새는 소리; one eye that does not see (눈 한쪽이 안 보여요)."""
    t = d.t
    text = d.text(c.first, c.last).replace(" ", "")
    face = d.nouns(c, L.FACE)
    if face and any(w in text for w in FACE_TURNED):
        out.append(Hit("stroke", C, face[0], c.last, "concept: the face turned"))
        return True
    gas = d.nouns(c, L.GAS)
    if (
        gas
        and any(w in text for w in LEAKING)
        and not any(
            d.negated(i) for i in range(c.first, c.last + 1) if t[i].tag.startswith(("VV", "VA"))
        )
    ):
        out.append(Hit("fire", C, gas[0], c.last, "concept: gas leaking"))
        return True
    half = d.nouns(c, frozenset({"반쪽", "한쪽", "절반", "반"}))
    if half and d.preds(c, L.SEE, True) and d.sentence_has(c, SUDDEN):
        out.append(Hit("stroke", C, half[0], c.last, "concept: half the sight gone"))
        return True  # 갑자기 화면 반쪽이 안 보여요
    eye = d.nouns(c, frozenset({"눈", "눈알"}))
    one = d.has(c, L.SIDE) or any(w in text for w in ("한쪽", "반쪽", "왼쪽", "오른쪽"))
    blind = d.preds(c, L.SEE, True)
    if eye and one and blind:
        out.append(Hit("stroke", C, eye[0], blind[0], "concept: one eye blind"))
        return True
    return False
