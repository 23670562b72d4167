"""The last net of `safety.ko`, asked only when neither the rules (`safety.ko_rules`,
`safety.ko_mind`) nor the red flags (`safety.ko_redflag`) raised anything; this module is its
first part, the body as a whole.

The rules know sentences' shapes (가슴 + 아프, 숨 + 못 쉬). People who are in trouble often say
something else: the symptoms around the pain (식은땀, 메스꺼움, 어깨와 턱), that it came
suddenly, that they cannot do a plain thing (팔을 못 들겠어요), or a body part, a death, a home
or an alarm in words nobody listed. Here a *concept* is enough, never the sentence; each finding
is a `check` (one direct question, as a nurse would ask), and `safety.ko`'s scope still cancels
it (negated, past, someone else's, hypothetical, the news). The net:
- here: a cluster of two alarm symptoms (or one alarming alone: 식은땀, 입술이 파래요), 갑자기 +
  a body part and something said of it, 못 + a plain act and 겠 (now), a hand that drops things,
  blood by the cupful;
- `safety.ko_body`: bleeding inside, the worst headache, air that will not go in, pills gone
  wrong, what Kiwi splits read on the surface;
- `safety.ko_signs`: a death by a euphemism, the means made ready, lost, the dead seen, a door
  forced, distress with a request; `safety.ko_household`: at home (silent, nothing to eat, the
  dead taken as living, a threat); `safety.ko_alarm`: alarm words (응급실, 몸이 이상해요,
  죽을 것 같아요, 감전, it will not stop).
"""

from __future__ import annotations

from dialogue.safety import ko_lexicon as L
from dialogue.safety.ko_doc import C, Clause, Doc, Hit
from dialogue.safety.ko_redflag import question

# -- symptoms that together (or alone, the first two) say "ask now" ------------------------------
SWEAT = frozenset("식은땀 진땀 비지땀".split())
BLUE = frozenset("파래지 파랗 시퍼렇 새파랗 퍼레지 파르스름하 시퍼레지 보라 퍼렇 퍼래지".split())
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
    "답답 답답하 쥐어짜 묵직 묵직하 무겁 찌릿 쓰리 화끈거리 먹먹 먹먹하".split()
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
DROP = frozenset("떨어뜨리 떨구 놓치 흘리 빠져나가 미끄러지".split())
OFTEN = frozenset("자꾸 계속 자꾸만 갑자기 연거푸".split())
HOLD = frozenset("젓가락 숟가락 컵 수저 물건 펜 전화기 그릇".split())

# -- blood by the cupful --------------------------------------------------------------------------
BLOOD_LOT = frozenset(
    "한가득 가득 가득하 흥건 흥건하 범벅 컵 바가지 대야 덩어리 시뻘겋 새빨갛 왈칵 울컥 "
    "콸콸 뭉텅 한사발 사발 양동이 세숫대야".split()
)


def _sudden_after(d: Doc, s1: int) -> bool:
    """A later sentence says it came suddenly of what was just said: 갑자기 그래요."""
    t = d.t
    rest = t[s1 + 1 : s1 + 5]
    return any(x.lemma in SUDDEN for x in rest) and any(
        x.lemma in ("그렇", "그러", "이렇", "이러") for x in rest
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


def groups(d: Doc) -> dict[str, int]:
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
    found = groups(d)
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
    sudden = any(t[j].lemma in SUDDEN for j in range(s0, s1 + 1)) or _sudden_after(d, s1)
    words = d.nouns(c, frozenset({"단어", "낱말", "말"}))
    lost = d.preds(c, frozenset({"나"}), True) if d.has(c, frozenset({"생각", "기억"})) else []
    lost += d.preds(c, frozenset({"떠오르", "생각나"}), True)  # 단어가 안 떠올라요
    if sudden and words and lost:  # 갑자기 … 단어가 생각이 안 나요
        out.append(Hit("stroke", C, words[0], lost[0], "concept: words lost suddenly"))
        return
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
            grief = cat == "cardiac" and lemmas & L.FEELINGS  # 남편 생각하면 가슴이 …
            if preds and not d.negated(preds[0]) and not grief:
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
        s1 = d.sentence_range(c.sentence)[1]  # 팔을 들 수가 없어요 … 갑자기: said after
        now = now or any(t[j].lemma in SUDDEN for j in range(s1 + 1, min(s1 + 8, len(t))))
        if what and now and present(d, i):
            out.append(Hit(cat, C, c.first, i, "concept: cannot do a plain thing"))
            return
    # 젓가락을 자꾸 떨어뜨려요, 내 팔 같지가 않아요
    drop = [i for i in d.preds(c, DROP) if d.has(c, HOLD) and d.sentence_has(c, OFTEN)]
    mine = d.nouns(c, L.LIMB) and d.has(c, frozenset({"같"})) and d.sentence_has(c, L.SELF)
    limb = d.nouns(c, L.LIMB) or [i for i in range(c.first, c.last + 1) if d.t[i].lemma == "팔"]
    will = d.has(c, frozenset({"맘대로", "마음대로", "뜻대로", "맘", "마음"})) and d.has(
        c, frozenset({"대로"})
    )
    if limb and (will or d.has(c, frozenset({"맘대로", "마음대로", "뜻대로"}))):
        if any(d.negated(i) for i in d.preds(c, frozenset({"되", "움직이", "듣", "따르"}), None)):
            out.append(Hit("stroke", C, limb[0], c.last, "concept: a limb that will not obey"))
            return  # 팔이 내 맘대로 안 돼요
    if drop or (mine and any(d.negated(i) for i in d.preds(c, frozenset({"같"}), None))):
        out.append(Hit("stroke", C, c.first, c.last, "concept: a hand that does not obey"))
        return
    blood = d.nouns(c, L.BLOOD - {"혈"})
    if blood and any(t[j].lemma in BLOOD_LOT for j in range(c.first, c.last + 1)):
        if not any(d.negated(p) for p in d.preds(c, L.BLOOD_OUT | L.POOLED, None)):
            out.append(Hit("bleeding", C, blood[0], c.last, "concept: blood by the cupful"))
