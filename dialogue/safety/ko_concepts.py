"""The concept layer of `safety.ko`: the last net, asked only when neither the rules
(`safety.ko_rules`, `safety.ko_mind`) nor the red flags (`safety.ko_redflag`) raised anything.

The rules know sentences' shapes (가슴 + 아프, 숨 + 못 쉬). People who are in trouble often say
something else: the symptoms around the pain (식은땀, 메스꺼움, 어깨와 턱), that it came
suddenly, that they cannot do a plain thing (팔을 못 들겠어요), a death said by a euphemism
(눈 감고 싶어요, 조용히 가려고요), a place to end it (한강, 옥상), being lost (어느 쪽으로 가야
되는지 모르겠어요), a person saying odd things (헛소리, 엉뚱한 소리), blood by the cupful. Here a
*concept* is enough, never the sentence; each finding is a `check` (one direct question, as a
nurse would ask), and `safety.ko`'s scope still cancels it (negated, past, someone else's,
hypothetical, the news).

Two kinds of evidence:
- a cluster: two different alarm symptoms said together (not negated), or one that is alarming
  alone (식은땀, 입술이 파래요);
- a concept with a present marker: 갑자기 + a body part and something said of it, 못 + a basic
  act and 겠 (now), a death euphemism + a wish or an intention.
"""

from __future__ import annotations

from dialogue.safety import ko_lexicon as L
from dialogue.safety.ko_doc import C, Clause, Doc, Hit
from dialogue.safety.ko_redflag import _question as question

# -- symptoms that together (or alone, the first two) say "ask now" ------------------------------
SWEAT = frozenset("식은땀 진땀 비지땀".split())
BLUE = frozenset("파래지 파랗 시퍼렇 새파랗 퍼레지 파르스름하 시퍼레지 보라".split())
NAUSEA = frozenset("메스껍 울렁거리 울렁이 울렁울렁 구역질 구역 토하 게우 헛구역질 구토".split())
DIZZY = frozenset("어지럽 어질어질 어찔 어질 현기증 어지러움 빙빙 핑".split())
NUMB = frozenset("저리 저릿 저릿하 저릿저릿 마비 찌릿찌릿".split())
WEAK = frozenset("힘 기운 맥".split())
WEAK_GONE = frozenset("없 빠지 풀리 쭉 탁".split())
PALE = frozenset("창백 창백하 하얘지 노래지 핼쑥하".split())
DIM = frozenset("몽롱 몽롱하 멍하 혼미 혼미하 가물가물 가물가물하 비몽사몽 흐릿하".split())
PALPITATE = frozenset(
    "두근거리 벌렁거리 쿵쾅거리 쿵쿵거리 두근두근 벌렁벌렁 쿵쾅쿵쾅 쿵쿵 콩닥콩닥 두근대".split()
)
UPPER = frozenset("어깨 턱 왼팔 팔 등 명치 목덜미 뒷목 가슴 심장 윗배 겨드랑이 등짝".split())
PAIN = frozenset(
    "아프 쑤시 뻐근 뻐근하 결리 조이 욱신 욱신거리 찌르 통증 저리 당기 뻗치 짓누르 "
    "답답 답답하 쥐어짜 묵직 묵직하 무겁 찌릿 쓰리 화끈거리".split()
)
BREATHLESS = frozenset("차 가쁘 가빠지 헐떡이 헐떡거리 답답 답답하 막히 모자라".split())
# group -> the category it points to first (a cluster takes the first group's category)
GROUP_CATEGORY = {
    "chest": "cardiac",
    "radiating": "cardiac",
    "sweat": "cardiac",
    "palpitation": "cardiac",
    "breath": "breathing",
    "blue": "breathing",
    "numb": "stroke",
    "weak": "stroke",
    "dizzy": "unconscious",
    "pale": "unconscious",
    "dim": "unconscious",
    "nausea": "cardiac",
}
ALONE = frozenset({"sweat", "blue"})

# -- a body part said to be wrong suddenly --------------------------------------------------------
BODY_CATEGORY = {
    **dict.fromkeys(L.CHEST | {"명치"}, "cardiac"),
    **dict.fromkeys(L.BREATH, "breathing"),
    **dict.fromkeys(
        "머리 눈 얼굴 입 혀 말 발음 팔 다리 손 발 한쪽 손가락 팔다리 몸 오른팔 왼팔 오른손 "
        "왼손 오른쪽 왼쪽 시야 눈앞 앞 귀 입술 볼 턱".split(),
        "stroke",
    ),
}
BODY_FINE = frozenset(
    "괜찮 좋 낫 나아지 편하 편안 가볍 개운 멀쩡 시원 따뜻 맑 예쁘 반갑 고맙 보 오 가 생각나 "
    "생각 먹 하 되 있 많 크 길".split()
)
SUDDEN = frozenset("갑자기 별안간 느닷없이 난데없이 돌연 갑작스럽 확".split())

# -- a plain act that cannot be done now ----------------------------------------------------------
BASIC_ACT = {
    "말하": "stroke",
    "삼키": "breathing",
    "넘기": "breathing",
    "들": "stroke",
    "쥐": "stroke",
    "잡": "stroke",
    "씹": "stroke",
    "서": "fall",
    "앉": "fall",
    "걷": "fall",
    "일어나": "fall",
    "일어서": "fall",
    "움직이": "stroke",
    "가누": "stroke",
    "뜨": "unconscious",
}
BASIC_WHAT = frozenset(
    "말 침 물 밥 팔 다리 손 발 몸 숟가락 젓가락 컵 고개 목 눈 허리 오른팔 왼팔 오른손 왼손 "
    "혼자 한쪽".split()
)
NOW = frozenset("지금 도저히 하나도 전혀 도무지 꼼짝 혼자서 혼자 아무리 갑자기".split())
DROP = frozenset("떨어뜨리 떨구 놓치 흘리".split())
OFTEN = frozenset("자꾸 계속 자꾸만 갑자기 연거푸".split())
HOLD = frozenset("젓가락 숟가락 컵 수저 물건 펜 전화기 그릇".split())

# -- blood by the cupful --------------------------------------------------------------------------
BLOOD_LOT = frozenset(
    "한가득 가득 가득하 흥건 흥건하 범벅 컵 바가지 대야 덩어리 시뻘겋 새빨갛 왈칵 울컥 "
    "콸콸 뭉텅 한사발 사발 양동이 세숫대야".split()
)


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
    "몇 얼마나 얼마 기억 모르 비 비우 두 세 또 다시 더 술 소주 막걸리 맥주 한꺼번에 줄 "
    "잘못 실수".split()
)


def present(d: Doc, i: int) -> bool:
    """The predicate at `i` is not said to be over (no 었 right after it) or is said with 겠."""
    t = d.t
    for x in t[i + 1 : i + 5]:
        if x.tag == "EP":
            return x.lemma in ("겠", "시")
        if x.tag in ("EF", "SF") or not x.tag.startswith(("E", "VX")):
            break
    return True


def _groups(d: Doc) -> dict[str, int]:
    """Which alarm symptoms the utterance names (each the index of its first word), kept only
    where the word is not negated."""
    t = d.t
    found: dict[str, int] = {}

    asked = {c.sentence for c in d.clauses if question(d, c)}

    def add(group: str, i: int) -> None:
        if t[i].sentence in asked:
            return  # 숨이 찰 때 먹는 약이 뭐였죠?
        if group not in found and not d.negated(i) and not d.figurative(i):
            found[group] = i

    for i, tok in enumerate(t):
        lemma = tok.lemma
        if lemma in SWEAT:
            add("sweat", i)
        elif lemma in BLUE and tok.tag.startswith(("VV", "VA", "XR", "NN")):
            add("blue", i)
        elif lemma in NAUSEA:
            add("nausea", i)
        elif lemma in DIZZY and not (lemma == "핑" and not _follows_any(d, i, {"돌", "하"})):
            add("dizzy", i)
        elif lemma in NUMB:
            add("numb", i)
        elif lemma in PALE:
            add("pale", i)
        elif lemma in DIM:
            add("dim", i)
        elif lemma in PALPITATE:
            add("palpitation", i)
        elif lemma in WEAK and tok.tag.startswith("NN"):
            if any(x.lemma in WEAK_GONE for x in t[i + 1 : i + 5]):
                add("weak", i)
        elif lemma in UPPER and tok.tag.startswith("NN"):
            pain = [j for j in range(i + 1, min(i + 8, len(t))) if t[j].lemma in PAIN]
            pain = [j for j in pain if t[j].sentence == tok.sentence]
            if pain and not d.negated(pain[0]):
                add("chest" if lemma in L.CHEST else "radiating", pain[0])
        elif lemma in L.BREATH and tok.tag.startswith("NN"):
            bad = [j for j in range(i + 1, min(i + 6, len(t))) if t[j].lemma in BREATHLESS]
            if bad and t[bad[0]].sentence == tok.sentence and not d.negated(bad[0]):
                add("breath", bad[0])
    return found


def _follows_any(d: Doc, i: int, lemmas: set[str]) -> bool:
    return i + 1 < len(d.t) and d.t[i + 1].lemma in lemmas


def cluster(d: Doc, out: list[Hit]) -> None:
    """Two alarm symptoms together (식은땀이 나고 속이 메스꺼워요), or one alarming alone."""
    found = _groups(d)
    if len(found) >= 2 or found.keys() & ALONE:
        order = sorted(found.items(), key=lambda kv: kv[1])
        alone = [g for g, _ in order if g in ALONE]
        group = alone[0] if len(found) < 2 else order[0][0]
        first, last = order[0][1], order[-1][1]
        out.append(Hit(GROUP_CATEGORY[group], C, first, last, f"concept: {'+'.join(found)}"))


def concepts(d: Doc, c: Clause, out: list[Hit]) -> None:
    """Add `check` hits for clause `c` (called only when no rule and no red flag fired)."""
    if question(d, c):
        return  # 가슴이 갑자기 아프면 어떡해요?
    t = d.t
    s0, s1 = d.sentence_range(c.sentence)
    sudden = any(t[j].lemma in SUDDEN for j in range(s0, s1 + 1))
    lemmas = {x.lemma for x in t}
    # 갑자기 + a body part + something said of it
    if sudden:
        for n in range(c.first, c.last + 1):
            cat = BODY_CATEGORY.get(t[n].lemma)
            if cat is None or not t[n].tag.startswith("NN"):
                continue
            preds = [
                p
                for p in range(n + 1, c.last + 1)
                if t[p].tag.startswith(("VV", "VA", "XR")) and t[p].lemma not in BODY_FINE
            ]
            if preds and not d.negated(preds[0]) and not lemmas & L.FEELINGS:
                out.append(Hit(cat, C, n, preds[0], "concept: sudden"))
                return
    # 못 + a plain act, now (팔을 못 들겠어요, 침을 못 삼키겠어요)
    for i in range(c.first, c.last + 1):
        cat = BASIC_ACT.get(t[i].lemma)
        if cat is None or not t[i].tag.startswith("VV") or not d.unable(i):
            continue
        what = any(t[j].lemma in BASIC_WHAT for j in range(c.first, i))
        if any(t[j].lemma in ("오래", "멀리", "많이", "오래오래") for j in range(c.first, i)):
            continue  # 오래는 못 걷겠어요: a limit, not a loss
        now = any(x.lemma == "겠" for x in t[i + 1 : i + 4]) or any(
            t[j].lemma in NOW for j in range(c.first, c.last + 1)
        )
        if what and now and present(d, i):
            out.append(Hit(cat, C, c.first, i, "concept: cannot do a plain thing"))
            return
    # 젓가락을 자꾸 떨어뜨려요, 내 팔 같지가 않아요
    drop = [i for i in d.preds(c, DROP) if d.has(c, HOLD) and d.sentence_has(c, OFTEN)]
    mine = d.nouns(c, L.LIMB) and d.has(c, frozenset({"같"})) and d.sentence_has(c, L.SELF)
    if drop or (mine and any(d.negated(i) for i in d.preds(c, frozenset({"같"}), None))):
        out.append(Hit("stroke", C, c.first, c.last, "concept: a hand that does not obey"))
        return
    for body in (
        _gut,
        _head,
        _air,
        _limb_not_mine,
        _wrong_words,
        _pills_wrong,
        _poison,
        _split_words,
    ):
        if body(d, c, out):
            return
    blood = d.nouns(c, L.BLOOD - {"혈"})
    if blood and any(t[j].lemma in BLOOD_LOT for j in range(c.first, c.last + 1)):
        if not any(d.negated(p) for p in d.preds(c, L.BLOOD_OUT | L.POOLED, None)):
            out.append(Hit("bleeding", C, blood[0], c.last, "concept: blood by the cupful"))


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
    if not meds or not taken or d.has(c, L.TAKEN_OK) or d.has(c, L.SCHEDULE):
        return False
    s0, _ = d.sentence_range(c.sentence)
    wrong = any(t[j].lemma in MED_WRONG for j in range(s0, len(t)) if t[j].lemma != "줄")
    wrong = wrong or any(  # 사탕인 줄 알고 먹었어요
        t[j].lemma == "줄" and t[j].tag == "NNB" and t[j + 1].lemma == "알"
        for j in range(s0, len(t) - 1)
    )
    unwell = bool(_groups(d))
    if wrong or unwell:
        out.append(
            Hit("overdose", C, min(meds[0], taken[0]), taken[0], "concept: pills gone wrong")
        )
        return True
    return False


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
