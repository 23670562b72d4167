"""The red-flag fallback of `safety.ko`: when no rule fired, a critical concept in a clause
with almost any predicate is worth one direct question (`check`), never more.

The rules (`safety.ko_rules`, `safety.ko_mind`) know which predicates make an emergency
(가슴 + 아프, 숨 + 못 쉬). People say the same thing in ways nobody listed: similes and
mimetic words (가슴이 쥐어뜯기는 것 같아, 숨이 깔딱깔딱해요), dialect, ASR slips. Here the
concept is enough: 가슴/심장 with any discomfort, 숨/호흡 with any difficulty, 피 with
anything happening, 정신/의식 fading, a farewell letter or a last goodbye, following the
dead, 집을 못 찾, 살려/도와 asked in any dialect. What makes a clause harmless still
applies: the predicate negated or plainly fine (가슴이 설레요, 숨 좀 돌리고), a feeling
(남편 생각하면), a worry (전기세), a question, a simile that is only a degree (숨 막힐 듯
더웠어요), and then `safety.ko`'s own scope (the past, the news, someone else, 넘어지면).
"""

from __future__ import annotations

import re

from dialogue.safety import ko_lexicon as L
from dialogue.safety.ko_doc import DIALECT_ASK, C, Clause, Doc, Hit, excited
from dialogue.safety.ko_rouse import EVERYDAY

# Predicates that say the chest or the breath is fine, or a feeling rather than a symptom.
CHEST_FINE = frozenset(
    "설레 벅차 벅차오르 뭉클 뭉클하 철렁 철렁하 먹먹 먹먹하 따뜻 따뜻하 시원 시원하 후련 후련하 "
    "허전 허전하 훈훈 훈훈하 찡하 찡 뿌듯 뿌듯하 괜찮 좋 편하 편안 편안하 넓 크 작 펴 내밀 "
    "졸이 조마조마 아리 미어지 무너지 내려앉 녹 뚫리 트이 뜨거워지 뜨겁".split()
)
BREATH_FINE = frozenset(
    "쉬 돌리 고르 죽이 참 들이쉬 내쉬 괜찮 좋 편하 편안 트이 불어넣 붙 깊 크 길 천천히 "
    "바꼭질 숨기 숨".split()
)
BLOOD_FINE = frozenset(
    "검사 뽑 빼 재 주 받 맑 통하 돌 순환 묻히 빨 모자라 부족 부족하 묽 되 멎 그치 멈추".split()
)  # 피가 되고 살이 되는
FADE = frozenset(
    "가물가물 가물가물하 오락가락 흐리 흐려지 희미하 잃 잃어버리 나가 놓 깜빡 깜빡하 "
    "아찔 아찔하 몽롱 몽롱하 혼미 혼미하 아득 아득하 캄캄 캄캄하 깜깜 깜깜하 하얘지 노래지 "
    "까맣 새까맣 멀어지 오".split()
)
LETTER = frozenset({"유서"})
WRITE = frozenset("쓰 남기 준비 적 써놓".split())
FAREWELL = frozenset({"작별", "마지막"})
GONE_BEFORE = re.compile(
    r"먼저\s*(?:간|가신|떠난|떠나신|보낸)|하늘나라|저세상|저승|(?:영감|할멈|남편|마누라)\s*곁"
)
QUESTION_EF = ("나요", "까요", "ᆯ까", "을까", "니", "냐", "는가", "ᆫ가요", "은가요", "나")
_PRED = ("VV", "VA", "XR")
ROUSE = frozenset("부르 깨우 흔들 두드리 꼬집 치 흔들어깨우".split())
FIT = frozenset("경련 발작 간질 경기".split())
FIRE_NOUNS = frozenset("연기 불꽃 불길 화염 매연 그을음 불똥 불티".split())
FIRE_FINE = frozenset("되 하 없 연습 배우 잘 좋 끝나 보 그치 사라지 빠지 멈추".split())
ACRID = frozenset("매캐 매캐하 탄내 역하 그을리 타".split())
LEAVE_WORLD = frozenset("하직 하직하 마감".split())
SPEECH_FINE = frozenset("되 통하 맞 많 적 없 하 듣 끝나 그렇 옳 많 재미있 나오 잘하 빠르".split())
TALK = frozenset("말 발음 혀 말씀 단어 말소리 혓바닥".split())
FACE_MOVE = frozenset("다물 다물어지 움직이 벌어지 오므리 벌리".split())
DAYTIME = frozenset("아침 밤 낮 저녁 날짜 요일 계절 오늘 내일 어제".split())
FEAR = frozenset("무섭 겁나 무서워하 겁 떨리 두렵".split())
NO_FOOD = frozenset("쌀 먹을거리 양식 반찬 돈 끼니 먹을 식량 쌀독 쌀통 냉장고 쌀뒤주".split())
KIN = L.KIN | {"세상"}  # 자식들한테, 세상에: whom one leaves a letter or a burden
CHARCOAL = frozenset("번개탄 연탄 숯 연탄불".split())
_PART = frozenset("끝 께 쪽 길 통 결 속 팍 한가운데 가운데 복판 한복판 안 구멍".split())
_ASK_EC = DIALECT_ASK | {"라", "이라"}  # 살려 주이소 (경상)


def question(d: Doc, c: Clause) -> bool:
    s0, s1 = d.sentence_range(c.sentence)
    if "?" in d.text(s0, s1):
        return True
    return any(d.t[j].tag == "EF" and d.t[j].lemma.endswith(QUESTION_EF) for j in range(s0, s1 + 1))


def _predicates(d: Doc, c: Clause, start: int) -> list[int]:
    """Predicates after `start` in clause `c`: verbs, adjectives, roots, and mimetic adverbs made
    verbs (헐떡헐떡하, 깔딱깔딱해요) or standing as the complaint (가슴이 콕콕)."""
    t = d.t
    out = []
    for i in range(start + 1, c.last + 1):
        tok = t[i]
        if tok.tag.startswith(_PRED):
            if tok.lemma == "하" and out:
                continue  # the 하 of 헐떡헐떡하: the adverb already counted
            out.append(i)
        elif tok.tag == "MAG" and i + 1 <= c.last and t[i + 1].tag.startswith(("XS", "VV")):
            plain = L.SKIPPABLE | L.SOFTENERS | L.NEGATORS  # not 안 하 (does not)
            if t[i + 1].lemma == "하" and tok.lemma not in plain:
                out.append(i)
        elif tok.lemma in L.WHEEZE or (tok.tag == "MAG" and tok.lemma in L.BLOOD_HEAVY):
            out.append(i)  # 그르렁그르렁 (Kiwi may call it a noun), 철철
    return out


def _likened(d: Doc, p: int) -> bool:
    """The predicate at `p` is likened (…ㄴ 것처럼, …ㄴ 것 같이) to what comes next."""
    return any(x.lemma in ("처럼", "같이") and x.tag.startswith("J") for x in d.t[p + 1 : p + 5])


def _asked(d: Doc, i: int) -> bool:
    """살려/도와 + 주 ends as a request, in any dialect (주세요, 줘, 주이소, 주소), not as a
    promise (도와줄게요), a quotation (살려 주세요 하는 노래) or a reason (도와주셔서)."""
    t = d.t
    for j in range(i + 1, min(i + 7, len(t))):
        tok = t[j]
        if tok.tag == "EF" or (tok.tag == "EC" and tok.lemma in _ASK_EC):
            quoted = j + 1 < len(t) and (t[j + 1].tag == "JKQ" or t[j + 1].lemma == "하")
            promise = tok.lemma.startswith(("ᆯ", "을")) or tok.lemma.endswith(("게", "게요"))
            return not (quoted or promise or tok.lemma.endswith(("었", "네")))
        if tok.tag == "EC" and tok.lemma not in ("어", "아"):
            return False
        if tok.tag == "EP" and tok.lemma in ("었", "았"):
            return False
    return False


def _subject_noun(d: Doc, i: int) -> bool:
    """The concept noun is what the clause is about (가슴이, 숨을, 피가), not a modifier
    (피 검사, 가슴 수술)."""
    t = d.t
    nxt = t[i + 1] if i + 1 < len(t) else None
    return nxt is None or not nxt.tag.startswith("NN") or nxt.lemma in _PART  # 숨 + 길 (숨길)


def _concept(d, c, nouns, fine, cat, rule, out, preds=None, prefixes=()) -> bool:
    t = d.t
    for n in range(c.first, c.last + 1):
        tok = t[n]
        named = tok.lemma in nouns or (prefixes and tok.lemma.startswith(prefixes))
        if not (named and tok.tag.startswith("NN") and _subject_noun(d, n)):
            continue
        for p in _predicates(d, c, n):
            lemma = t[p].lemma
            if preds is not None and lemma not in preds:
                continue
            if lemma in fine:
                break  # 가슴이 설레서 잠이 안 와요: what is said of the noun is fine
            if d.figurative(p):
                if _likened(d, p):
                    continue  # 막힌 것처럼 답답해요: the simile leads to what is felt
                break  # 숨 막힐 듯 더웠어요, 찢어지는 줄 알았어요, 숨 넘어가게 웃었어요
            mood = L.STORIES | {"기분"}  # 가슴 아픈 얘기, 가슴이 꽉 차는 기분
            story = p + 2 < len(t) and t[p + 1].tag == "ETM" and t[p + 2].lemma in mood
            if story or d.negated(p) or d.prohibited(p):
                break  # 숨은 안 차요: the first predicate is the one said of the noun
            out.append(Hit(cat, C, n, p, f"red flag: {rule}"))
            return True
        cry = n + 1 <= c.last and t[n + 1].lemma == "이야"
        cry = cry or (n + 2 <= c.last and t[n + 1].tag == "VCP" and t[n + 2].lemma == "야")
        cry = cry and (n == 0 or t[n - 1].tag == "IC" or t[n - 1].sentence != tok.sentence)
        if tok.lemma in nouns and cry and not question(d, c):
            out.append(Hit(cat, C, n, n + 1, f"red flag: {rule}"))  # 아이고 가슴이야
            return True
    return False


def _unresponsive(d: Doc, c: Clause, out: list[Hit]) -> None:
    """불러도 대답이 없어요, 흔들어도 말이 없어요, 꼼짝도 안 해요 (someone else): no response."""
    t = d.t
    tried = [
        i
        for i in range(c.first, c.last)
        if t[i].lemma in ROUSE and t[i + 1].lemma in ("어도", "아도", "도", "어두")
    ]
    prev = d.previous(c)
    if not tried and prev is not None:
        tried = [i for i in range(prev.first, prev.last) if t[i].lemma in ROUSE]
        tried = [i for i in tried if t[i + 1].lemma in ("어도", "아도", "도", "어두")]
    s0, s1 = d.sentence_range(c.sentence)
    if tried and any(x.lemma in EVERYDAY for x in t[s0 : s1 + 1]):
        return  # 깨워도 안 일어나서 학교에 늦었어요, 귀가 어두워서: an everyday reason
    if tried:
        blank = [i for i in range(c.first, c.last + 1) if t[i].lemma == "없" or d.negated(i)]
        blank = [i for i in blank if t[i].tag.startswith(("VA", "VV")) and i > tried[0]]
        if blank:
            out.append(Hit("unconscious", C, tried[0], blank[0], "red flag: no response"))
            return
    still = d.find(c, frozenset({"꼼짝", "미동", "옴짝달싹"}))
    if still is not None and d.has(c, L.NEGATORS | {"않"}):
        s0, _ = d.sentence_range(c.sentence)
        if any(t[j].lemma in L.HOUSEHOLD | L.OTHERS for j in range(s0, still)):
            out.append(Hit("unconscious", C, still, c.last, "red flag: not moving"))


def _seizure(d: Doc, c: Clause, out: list[Hit]) -> None:
    """눈이 뒤집어지고, 입에 거품을 물고, 경련: a fit; 기억이 없어요 after a turn today."""
    t = d.t
    for i in range(c.first, c.last + 1):
        lemma = t[i].lemma
        if lemma in ("뒤집어지", "뒤집히") and d.has(c, frozenset({"눈", "눈동자", "흰자"})):
            out.append(Hit("unconscious", C, c.first, i, "red flag: eyes rolled"))
        elif lemma in FIT and t[i].tag.startswith("NN") and not d.negated(i):
            out.append(Hit("unconscious", C, i, c.last, "red flag: a fit"))
        elif lemma == "거품" and d.preds(c, frozenset("물 나 흘리 일 뿜".split())):
            out.append(Hit("unconscious", C, i, c.last, "red flag: a fit"))
        elif lemma == "기억" and d.preds(c, frozenset({"없", "끊기", "나가"})):
            s0, s1 = d.sentence_range(c.sentence)
            if any(t[j].lemma in L.TODAY | {"갑자기"} for j in range(s0, s1 + 1)):
                out.append(Hit("unconscious", C, i, c.last, "red flag: a gap today"))
        else:
            continue
        return


def _stroke(d: Doc, c: Clause, out: list[Hit]) -> None:
    """혀가 말려서 발음이 안 돼요, 입이 안 다물어져요, 발이 질질 끌려요: speech, face, a limb."""
    t = d.t
    if _concept(d, c, TALK, SPEECH_FINE, "stroke", "speech", out):
        return
    for i in d.nouns(c, TALK):  # 발음이 안 돼요 (but 말이 안 돼요: nonsense)
        if t[i].lemma != "말" and d.preds(c, frozenset({"되"}), True):
            out.append(Hit("stroke", C, i, c.last, "red flag: speech"))
            return
    face = d.nouns(c, frozenset({"입", "입술", "얼굴", "턱"}))
    if face and d.preds(c, FACE_MOVE, True):
        out.append(Hit("stroke", C, face[0], c.last, "red flag: face"))
    limb = d.nouns(c, L.LIMB)
    if limb and (d.preds(c, frozenset({"끌리", "끌"})) or d.has(c, frozenset({"질질"}))):
        out.append(Hit("stroke", C, limb[0], c.last, "red flag: dragging a limb"))


# Heating a room: charcoal and briquettes lit to keep warm, an everyday thing in old houses.
WARMTH = frozenset("따뜻하 따뜻 뜨끈하 뜨끈 뜨뜻하 훈훈하 난방 보일러 아랫목 구들 데우".split())


def _home(d: Doc, c: Clause, out: list[Hit]) -> None:
    """Lost in time, a stranger who frightens, days without food in the house, charcoal lit."""
    t = d.t
    s0, s1 = d.sentence_range(c.sentence)
    if d.has(c, DAYTIME) and d.has(c, frozenset({"구분", "분간"})):
        if d.preds(c, frozenset({"가", "되", "하"}), True) or d.preds(c, frozenset({"모르"})):
            out.append(Hit("confusion", C, c.first, c.last, "red flag: lost in time"))
    who = [i for i in range(s0, s1 + 1) if t[i].lemma in ("누가", "누구", "낯선", "웬", "모르")]
    if who and any(t[j].lemma in FEAR for j in range(s0, len(t))):
        if any(t[j].lemma in L.ROOMS | L.DOOR | {"밖", "앞"} for j in range(s0, s1 + 1)):
            out.append(Hit("violence", C, who[0], c.last, "red flag: a stranger at the door"))
    days = any(t[j].lemma in L.DAYS or t[j].lemma == "째" for j in range(s0, s1 + 1))
    none = d.nouns(c, NO_FOOD) and d.preds(c, frozenset({"없", "떨어지", "비", "바닥나"}))
    if days and none:
        out.append(Hit("starvation", C, c.first, c.last, "red flag: no food for days"))
    warmth = any(x.lemma in L.COOKING | WARMTH for x in t)  # 고기 굽기, 연탄불 피워서 뜨끈해요
    coal = d.nouns(c, CHARCOAL) if not warmth else []
    if coal and d.preds(c, frozenset({"피우", "피", "지피", "붙이"})):
        out.append(Hit("suicide", C, coal[0], c.last, "red flag: charcoal lit"))


def red_flags(d: Doc, c: Clause, out: list[Hit]) -> None:
    """Add `check` hits for clause `c` (called only when no rule fired)."""
    if question(d, c):
        return  # 가슴이 아프면 어느 병원에 가야 해요?
    t = d.t
    lemmas = {x.lemma for x in t}
    if not lemmas & L.FEELINGS and not excited(d, c):
        _concept(d, c, L.CHEST, CHEST_FINE, "cardiac", "chest", out, prefixes=("가슴", "명치"))
    _concept(d, c, L.BREATH, BREATH_FINE, "breathing", "breath", out)
    if not lemmas & L.SOFTENERS:
        _concept(d, c, L.BLOOD - {"혈"}, BLOOD_FINE, "bleeding", "blood", out)
    if not lemmas & L.WORRY:
        fade = FADE if d.has(c, frozenset({"가"})) else FADE - {"오"}  # 왔다 갔다
        _concept(
            d,
            c,
            frozenset("정신 의식 눈앞".split()),
            frozenset(),
            "unconscious",
            "fading",
            out,
            preds=fade,
        )
    _unresponsive(d, c, out)
    dazed = d.nouns(c, frozenset({"정신", "의식"}))
    if dazed and d.preds(c, frozenset({"없"})) and not lemmas & (L.TIRED | {"바쁘"}):
        s0, _ = d.sentence_range(c.sentence)
        if any(  # (not 손주들 오면 정신이 없어요: the grandchildren only make it hectic)
            t[j].lemma in L.HOUSEHOLD | L.OTHERS and not d.clauses[d.clause_of(j)].conditional
            for j in range(s0, dazed[0])
        ):
            out.append(Hit("unconscious", C, dazed[0], c.last, "red flag: not all there"))
    _seizure(d, c, out)
    if not lemmas & L.COOKING:  # smoke, sparks, an acrid smell (not 고기 굽는 연기)
        _concept(d, c, FIRE_NOUNS, FIRE_FINE, "fire", "smoke", out)
        smell = d.nouns(c, frozenset({"냄새", "탄내"}))
        if smell and (d.has(c, ACRID) or t[smell[0]].lemma == "탄내"):
            if not any(d.negated(i) for i in d.preds(c, frozenset({"나", "없"}), None)):
                out.append(Hit("fire", C, c.first, c.last, "red flag: acrid smell"))
    leave = [i for i in range(c.first, c.last + 1) if t[i].lemma in LEAVE_WORLD]
    if leave and any(x.lemma in ("싶", "려고", "으려고", "ᆯ래", "ᆯ라요") for x in t[leave[0] :]):
        out.append(Hit("suicide", C, leave[0], c.last, "red flag: leaving the world"))
    _stroke(d, c, out)
    s0, s1 = d.sentence_range(c.sentence)
    breath = [j for j in range(s0, c.first) if t[j].lemma in L.BREATH and t[j].tag == "NNG"]
    stuck = d.preds(c, L.BREATH_DO - {"되", "쉬"}, True)
    if breath and stuck:  # 숨을 들이쉬면 꽉 걸려서 안 들어가요
        out.append(Hit("breathing", C, breath[0], stuck[0], "red flag: breath will not go in"))
    asleep = [i for i in d.preds(c, frozenset({"깨", "깨어나"}), True)]
    asleep = [i for i in asleep if not any(x.tag == "EP" for x in t[i + 1 : i + 3])]
    if asleep and any(t[j].lemma in L.HOUSEHOLD | L.OTHERS for j in range(s0, asleep[0])):
        out.append(Hit("unconscious", C, asleep[0], asleep[0], "red flag: will not wake"))
    woken = [i for i in d.preds(c, L.WAKE, True) if t[i].lemma in ("깨", "깨어나")]
    pills = any(t[j].lemma.endswith("약") or t[j].lemma in L.MEDICINES for j in range(len(t)))
    if woken and pills and any(x.lemma == "자" for x in t[: woken[0]]):
        out.append(Hit("suicide", C, woken[0], woken[0], "red flag: sleep and not wake"))
    _home(d, c, out)
    # A farewell: a letter left (not 유서 깊은), a last goodbye to the family, following the dead.
    for n in d.nouns(c, LETTER):
        if d.preds(c, WRITE):
            out.append(Hit("suicide", C, n, c.last, "red flag: farewell letter"))
    s0, s1 = d.sentence_range(c.sentence)
    kin = any(t[j].lemma in KIN for j in range(s0, s1 + 1))
    note = d.nouns(c, frozenset({"편지", "쪽지"})) and d.preds(c, WRITE)
    if note and kin and c.last < s1:  # 애들한테 편지 써 놓고 가려고요 (not 우체국 가려고요)
        nxt = d.clauses[d.clauses.index(c) + 1]
        go = d.preds(nxt, frozenset({"가", "떠나"}))
        somewhere = any(t[j].tag == "JKB" for j in range(nxt.first, go[0])) if go else True
        if go and not somewhere:
            out.append(Hit("suicide", C, c.first, go[0], "red flag: a letter before going"))
    away = d.preds(c, frozenset({"가", "떠나", "끝내"}))
    if away and any(x.lemma in ("싶", "어야지", "아야지", "려고", "으려고") for x in t[away[0] :]):
        dead = GONE_BEFORE.search(d.a.text)
        lived = any(  # 살 만큼 살았으니
            t[j].lemma == "살" and t[j + 1].tag == "ETM" and t[j + 2].lemma == "만큼"
            for j in range(len(t) - 2)
        )
        if dead or (lived and t[away[0]].lemma == "끝내"):
            out.append(Hit("suicide", C, away[0], away[0], "red flag: going to the dead"))
    bye = d.nouns(c, frozenset({"인사"}))
    if bye and d.has(c, FAREWELL) and not d.negated(bye[0] + 2 if bye[0] + 2 < len(t) else bye[0]):
        s0, _ = d.sentence_range(c.sentence)
        if any(t[j].lemma in KIN for j in range(s0, c.last + 1)):
            out.append(Hit("suicide", C, bye[0], c.last, "red flag: last goodbye"))
    follow = [i for i in range(c.first, c.last + 1) if t[i].lemma in ("따르", "따라가")]
    if follow and GONE_BEFORE.search(d.text(s0, s1)) and not d.negated(follow[0]):
        out.append(Hit("suicide", C, follow[0], follow[0], "red flag: following the dead"))
    # Lost: 집을 못 찾겠어요.
    find = [i for i in d.preds(c, frozenset({"찾"}), True) if d.unable(i)]
    if find and d.nouns(c, frozenset({"집", "길", "동네"})):
        out.append(Hit("confusion", C, c.first, find[0], "red flag: cannot find home"))
    # Save me, help me, in any ending (살려 주이소, 도와주소).
    for i in d.preds(c, L.RESCUE | L.HELP):
        nxt = t[i + 1 : i + 4]
        if any(x.lemma == "주" for x in nxt) and _asked(d, i) and not d.negated(i):
            out.append(Hit("help", C, i, i, "red flag: save me"))
            break
