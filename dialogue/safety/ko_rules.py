"""Rules of `safety.ko` for the body: heart, breath, stroke, falls, fainting, bleeding, pills.
Each looks at one clause and adds `Hit`s; scope (negated, past, someone else, hypothetical) is
`safety.ko`'s job, not these rules'. The mind and the home are in `safety.ko_mind`.
"""

from __future__ import annotations

from dialogue.safety import ko_lexicon as L
from dialogue.safety import ko_mind
from dialogue.safety.ko_doc import C, Clause, Doc, E, Hit, excited, follows, pair
from dialogue.safety.ko_rouse import ROUSE, roused


def rules(d: Doc, c: Clause, out: list[Hit]) -> None:
    cl = c
    # cardiac
    for i in range(cl.first, cl.last):
        if d.t[i].lemma == "흉" and d.t[i + 1].lemma == "통" and not d.negated(i + 1):
            out.append(Hit("cardiac", E, i, i + 1, "chest pain"))  # 흉통 (Kiwi: 흉 + 통)
    prev = d.previous(cl)
    if d.nouns(cl, L.CHEST) or (prev is not None and d.nouns(prev, L.CHEST)):
        tail = d.preds(cl, L.CARDIAC_PAIN)
        emotional = any(
            i + 2 <= cl.last
            and d.t[i + 1].tag == "ETM"
            and (
                d.t[i + 2].lemma in L.STORIES
                or any(x.lemma in ("었", "았") for x in d.t[i + 3 : i + 6])  # 느낌이었는데
            )
            for i in tail  # 가슴 아픈 일 (not 가슴이 조이는 느낌)
        )
        emotional = emotional or any(x.lemma in L.FEELINGS for x in d.t)
        if not emotional:
            pair(d, cl, L.CHEST, L.CARDIAC_PAIN, False, "cardiac", E, "chest+pain", out)
        if not excited(d, cl):
            pair(d, cl, L.CHEST, L.CARDIAC_ODD, False, "cardiac", C, "chest+odd", out)
        pair(d, cl, frozenset({"심장"}), L.CARDIAC_ARREST, False, "cardiac", E, "heart stops", out)
    # breathing
    pair(d, cl, L.BREATH, L.BREATH_BAD, False, "breathing", E, "breath+bad", out) or pair(
        d, cl, L.BREATH, L.BREATH_DO, True, "breathing", E, "breath+cannot", out
    ) or pair(d, cl, L.BREATH, L.DIFFICULT, False, "breathing", E, "breath+hard", out)
    if d.preds(cl, L.BREATH_NOUN_PRED):
        i = d.preds(cl, L.BREATH_NOUN_PRED)[0]
        out.append(Hit("breathing", E, i, i, "dyspnoea"))
    pair(d, cl, L.THROAT, L.THROAT_BAD, False, "breathing", C, "throat blocked", out)
    on_off = [
        i
        for i in range(cl.first, cl.last - 2)
        if d.t[i].lemma == "쉬" and d.t[i + 1].lemma == "다" and d.t[i + 2].lemma == "말"
    ]
    if on_off and d.nouns(cl, L.BREATH):  # 숨을 쉬다 말다 해요
        out.append(Hit("breathing", E, cl.first, on_off[0] + 2, "breath stops and starts"))
    wheeze = [i for i in range(cl.first, cl.last + 1) if d.t[i].lemma in L.WHEEZE]
    if wheeze:
        out.append(Hit("breathing", C, wheeze[0], wheeze[0], "wheezing"))
    # stroke
    pair(d, cl, L.SPEECH, L.SPEECH_BAD, False, "stroke", E, "speech+slurred", out) or pair(
        d, cl, L.SPEECH, L.SPEECH_DO, True, "stroke", E, "speech+cannot", out
    )
    talk = [i for i in d.preds(cl, frozenset({"하"}), True) if d.unable(i)]
    if talk and d.nouns(cl, L.SPEECH):  # 말을 못 하겠어요 (not 말을 안 했어요: a choice)
        out.append(Hit("stroke", E, d.nouns(cl, L.SPEECH)[0], talk[0], "speech+cannot"))
    pair(d, cl, L.FACE, L.FACE_BAD, False, "stroke", E, "face drooping", out)
    if d.nouns(cl, L.FACE) and d.nouns(cl, frozenset({"감각"})):
        pair(d, cl, L.FACE, frozenset({"없"}), False, "stroke", E, "face numb", out)
    wrong = [i for i in d.preds(cl, frozenset({"나오"})) if i > 0 and d.t[i - 1].lemma == "헛"]
    wrong += d.preds(cl, frozenset({"헛나오"}))
    sorry = any(x.lemma in ("미안", "미안하", "죄송", "죄송하") for x in d.t)  # a slip, owned
    if wrong and d.nouns(cl, L.SPEECH) and not sorry:  # 말이 자꾸 헛나와요
        again = d.sentence_has(cl, frozenset({"자꾸", "계속", "갑자기", "자꾸만", "자꾸자꾸"}))
        out.append(Hit("stroke", E if again else C, cl.first, wrong[0], "speech+slurred"))
    double = [i for i in d.preds(cl, frozenset({"보이"})) if d.has(cl, frozenset({"두", "겹"}))]
    if double or d.preds(cl, frozenset({"겹치"})):  # 두 개로 보여요
        sudden = d.sentence_has(cl, frozenset({"갑자기"}))
        out.append(Hit("stroke", E if sudden else C, cl.first, cl.last, "double vision"))
    prev = d.previous(cl)
    if d.nouns(cl, L.LIMB) or (prev is not None and d.nouns(prev, L.LIMB)):
        sudden = d.sentence_has(cl, frozenset({"갑자기"}))
        side = sudden or d.sentence_has(cl, L.SIDE)
        dec = E if side else C
        pair(d, cl, L.LIMB, L.LIMB_BAD, False, "stroke", dec, "limb weak", out) or pair(
            d, cl, L.LIMB, L.LIMB_DO, True, "stroke", dec, "limb cannot move", out
        ) or (
            d.nouns(cl, L.STRENGTH)
            and (
                pair(d, cl, L.LIMB, L.STRENGTH_GONE, False, "stroke", dec, "limb weak", out)
                or pair(d, cl, L.LIMB, L.STRENGTH_IN, True, "stroke", dec, "limb weak", out)
            )
        ) or (
            side
            and pair(d, cl, L.LIMB, L.LIMB_NUMB, False, "stroke", E if sudden else C, "numb", out)
        )
        if d.has(cl, frozenset({"아니"})) and d.nouns(cl, L.LIMB) and d.nouns(cl, L.SELF):
            out.append(
                Hit("stroke", C, cl.first, cl.last, "limb not mine")
            )  # 내 다리가 아닌 것 같아
    if d.nouns(cl, L.STROKE_WORDS) and d.preds(cl, frozenset("오 온 걸리 있 같".split())):
        i = d.nouns(cl, L.STROKE_WORDS)[0]
        out.append(
            Hit("stroke", E if not d.preds(cl, frozenset({"같"})) else C, i, i, "stroke word")
        )
    prev = d.previous(cl)
    eyes = d.nouns(cl, L.EYES) or (prev is not None and d.nouns(prev, L.EYES))
    if eyes and d.preds(cl, L.SEE, True):
        sudden = d.sentence_has(cl, frozenset({"갑자기"}))
        if sudden or d.sentence_has(cl, frozenset({"앞", "눈앞", "시야"})):
            pair(d, cl, L.EYES, L.SEE, True, "stroke", E if sudden else C, "vision lost", out)
    burst = [i for i in range(cl.first, cl.last + 1) if d.t[i].lemma in L.HEAD_BURST]
    if d.nouns(cl, L.HEAD) and burst:  # 머리가 깨질 것처럼 아파요 (a simile, but the pain is real)
        sudden = d.has(cl, frozenset({"갑자기"})) or d.sentence_has(cl, frozenset({"처음"}))
        out.append(Hit("stroke", E if sudden else C, cl.first, burst[0], "thunderclap headache"))
    # fall and collapse
    falls = [  # not 넘어질 것 같아요, nor 낙상 예방 체조 (a class's topic)
        i
        for i in d.preds(cl, L.FALL)
        if not d.likely(i) and not (i + 1 < len(d.t) and d.t[i + 1].lemma in L.PREVENTION)
    ]
    drop = d.preds(cl, frozenset({"떨어지", "굴러떨어지"}))
    if drop and d.nouns(cl, L.HEIGHTS):  # 침대에서 떨어졌어요, not 약이 다 떨어졌어요
        falls.append(drop[0])
    if falls:
        out.append(Hit("fall", C, falls[0], falls[0], "fell"))
    cannot = d.preds(cl, L.GET_UP, True)
    stuck = d.find(cl, frozenset({"꼼짝", "옴짝달싹"}))
    if stuck is not None and d.has(cl, frozenset({"못", "못하"})):
        cannot.append(stuck)  # 꼼짝을 못 해요
    if cannot and _asleep(d, cl, cannot[0]):
        cannot = []  # 아직 안 일어났어요 늦잠 자요: not up yet, not unable
    if cannot:
        out.append(Hit("fall", C, cannot[0], cannot[0], "cannot get up", soft=False))
    floor = d.nouns(cl, frozenset({"바닥", "방바닥", "마룻바닥"}))
    fallen = any(x.lemma in L.FALL or x.lemma in L.COLLAPSE for x in d.t)
    if floor and fallen and d.preds(cl, frozenset({"있", "누", "눕", "쓰러지"})):  # not a nap
        out.append(Hit("fall", C, floor[0], cl.last, "on the floor", soft=False))
    if d.nouns(cl, L.HEAD) and d.preds(cl, L.INJURY_HEAD):
        pair(d, cl, L.HEAD, L.INJURY_HEAD, False, "fall", C, "head injury", out)
    pair(d, cl, L.BONE, L.BROKEN, False, "fall", C, "broken bone", out)
    if not d.has(cl, frozenset({"힘", "기운", "살", "맥"})):  # not 다리에 힘이 빠져요
        pair(d, cl, L.LIMBS, L.DEFORMED, False, "fall", C, "broken bone", out)
    coll = d.preds(cl, L.COLLAPSE)
    if coll and not d.likely(coll[0]):
        out.append(Hit("unconscious", E, coll[0], coll[0], "collapsed", soft=False))
    elif coll and not d.sentence_has(cl, L.TIRED):  # 어지러워서 쓰러질 것 같아요 (not 피곤해서)
        out.append(Hit("unconscious", C, coll[0], coll[0], "about to faint", soft=False))
    pair(
        d,
        cl,
        L.CONSCIOUS - {"기억"},
        L.CONSCIOUS_LOST,
        False,
        "unconscious",
        E,
        "lost consciousness",
        out,
        soft=False,
    )
    pair(
        d,
        cl,
        frozenset({"의식"}),
        frozenset({"없"}),
        False,
        "unconscious",
        E,
        "no consciousness",
        out,
        soft=False,
    )
    pair(d, cl, L.CONSCIOUS, L.CONSCIOUS_DIM, False, "unconscious", E, "blacking out", out)
    if not any(x.lemma in L.WORRY for x in d.t):  # 전기세가 나와서 눈앞이 캄캄: a worry
        pair(d, cl, frozenset({"눈앞", "앞", "눈"}), L.DARK, False, "unconscious", C, "dark", out)
    came_to = d.preds(cl, frozenset({"차리", "뜨", "깨", "깨어나"}))
    if came_to and follows(d, came_to[0], "어", "보"):  # 정신 차려 보니 바닥이었어요
        out.append(Hit("unconscious", E, cl.first, came_to[0], "came to", soft=False))
    limp = d.preds(cl, frozenset({"늘어지", "처지"}))
    if limp and d.has(cl, frozenset({"축"})):
        # 남편이 축 늘어졌어요: someone else gone limp is an emergency; 온몸이 축 늘어져요
        # (my whole body is drained) is the speaker's own exhaustion: ask, and a past or
        # resolved scope may lower it
        someone = any(x.lemma in L.HOUSEHOLD | L.OTHERS for x in d.t[: cl.last + 1])
        if someone or not d.has(cl, frozenset({"몸", "온몸", "기운", "힘", "몸뚱이", "전신"})):
            out.append(Hit("unconscious", E, limp[0], limp[0], "limp", soft=False))
        else:
            out.append(Hit("unconscious", C, limp[0], limp[0], "limp, own body"))
    pair(d, cl, frozenset({"눈"}), frozenset({"뜨"}), True, "unconscious", C, "eyes shut", out)
    pair(d, cl, L.RESPONSE, frozenset({"하", "오"}), True, "unconscious", E, "no answer", out)
    pair(d, cl, L.BREATH, frozenset({"이상", "이상하"}), False, "breathing", C, "odd breath", out)
    pair(
        d,
        cl,
        L.RESPONSE,
        frozenset({"없"}),
        False,
        "unconscious",
        C,
        "no response",
        out,
        soft=False,
    )
    # bleeding
    if d.nouns(cl, L.BLOOD):
        pair(d, cl, L.BLOOD, L.BLOOD_STOP, True, "bleeding", E, "blood won't stop", out) or pair(
            d,
            cl,
            L.BLOOD,
            frozenset({"토하", "게우", "쏟"}),
            False,
            "bleeding",
            E,
            "vomiting blood",
            out,
        ) or (
            d.has(cl, L.BLOOD_HEAVY)
            and pair(d, cl, L.BLOOD, L.BLOOD_OUT, False, "bleeding", E, "heavy bleeding", out)
        ) or pair(d, cl, L.BLOOD, L.POOLED, False, "bleeding", E, "pool of blood", out) or (
            not d.has(cl, L.SOFTENERS)
            and pair(d, cl, L.BLOOD, L.BLOOD_OUT, False, "bleeding", C, "bleeding", out)
        )
    _overdose(d, cl, out)
    ko_mind.rules(d, cl, out)
    roused(d, cl, out)


def _overdose(d: Doc, c: Clause, out: list[Hit]) -> None:
    meds = [  # anywhere before: 약을 얼마나 먹었는지 모르겠어요. 한 움큼 먹었어요
        i
        for i in range(0, c.last + 1)
        if d.t[i].tag.startswith("NN")
        and (d.t[i].lemma.endswith("약") or d.t[i].lemma in L.MEDICINES or _split_sedative(d, i))
        and d.t[i].lemma not in L.MEDICINE_EXCLUDE
    ]
    poison = [i for i in range(0, c.last + 1) if d.t[i].lemma in L.POISON]
    swallow = d.preds(c, L.SWALLOW)
    if not swallow or not (meds or poison):
        return
    p = swallow[0]
    first = min((meds or poison)[0], p)
    many = any(  # 한 주먹, said anywhere, but not as a rule: 한꺼번에 먹으면 안 된대요
        x.lemma in L.MANY and not d.clauses[d.clause_of(j)].conditional for j, x in enumerate(d.t)
    )
    booze = any(x.lemma in L.ALCOHOL for x in d.t)  # 소주에 수면제를 타서
    if poison and not (d.t[poison[0]].lemma == "수면제" and not many and not booze):
        out.append(Hit("overdose", E, first, p, "poison swallowed", soft=False))
    elif _all_sedatives(d, c, swallow):
        out.append(Hit("overdose", E, first, p, "all the sedatives", soft=False))
    elif d.has(c, L.TAKEN_OK):
        return
    elif many or _at_once(d, c) or d.has(c, frozenset({"많이"})) or _pills(d, c):
        done = any(x.lemma in ("었", "았", "버리") for s in swallow for x in d.t[s + 1 : s + 5])
        out.append(Hit("overdose", E if done else C, first, p, "many pills"))  # not 먹는 것 같아
    elif d.has(c, frozenset({"다"})) and d.has(c, frozenset({"버리", "치", "통", "털", "남"})):
        out.append(Hit("overdose", E, first, p, "whole supply"))
    elif (
        d.has(c, L.TWICE)
        or any(
            d.t[j].lemma in ("두", "세", "2", "3") and d.t[j + 1].lemma in ("번", "배")
            for j in range(c.first, c.last)
        )
        or any(d.by_mistake(j) for j in range(c.first, c.last + 1))
    ):
        taken = any(x.lemma in ("었", "았") for s in swallow for x in d.t[s + 1 : s + 5])
        if taken and not d.has(c, L.SCHEDULE):  # not 하루 두 번 먹어요
            out.append(Hit("overdose", C, first, p, "double dose"))


def _asleep(d: Doc, c: Clause, i: int) -> bool:
    """안 일어나 at `i` says "not awake yet": 아직 (yet), sleep or an attempt to wake someone
    (깨워도: `ko_rouse` judges that one) in the sentence, with no fall, collapse or alarm
    (갑자기, 119) anywhere."""
    t = d.t
    if t[i].lemma != "일어나":
        return False
    s0, s1 = d.sentence_range(t[i].sentence)
    yet = any(x.lemma == "아직" for x in t[c.first : i])
    sleep = any(x.lemma in L.SLEEP for x in t[s0 : s1 + 1] if x.tag.startswith(("NN", "VV")))
    woken = any(x.lemma in ROUSE for x in t[s0:i])
    alarm = L.FALL | L.COLLAPSE | L.URGENT | frozenset("숨 대답".split())
    return (yet or sleep or woken) and not any(x.lemma in alarm for x in t)


def _split_sedative(d: Doc, i: int) -> bool:
    """수면 제를, 수면 재를: 수면제 split (and misheard) as speech recognition wrote it."""
    t = d.t
    return t[i].lemma == "수면" and i + 1 < len(t) and t[i + 1].lemma in ("제", "재")


def _on_time_manner(d: Doc, c: Clause) -> bool:
    """The clause before `c` says how the medicine was taken, on time (시간 맞춰서, 제때
    챙겨서): a manner clause (-어서/-아서) whose predicate is one of `L.TAKEN_OK`."""
    prev = d.previous(c)
    if prev is None or not d.taken_ok(prev):
        return False
    t = d.t
    ending = t[prev.last]
    preds = [x for x in t[prev.first : prev.last + 1] if x.tag in ("VV", "VA")]
    return ending.lemma in ("어서", "아서") and any(x.lemma in L.TAKEN_OK for x in preds)


def _all_sedatives(d: Doc, c: Clause, swallow: list[int]) -> bool:
    """수면제를 다 먹었어요: a sedative's whole supply swallowed (past, not negated), unless the
    supply ran out and is refilled (다 먹어서 새로 타 왔어요) or taken as prescribed (제때)."""
    t = d.t
    sedative = any(
        (x.lemma in L.SEDATIVES and x.tag.startswith("NN")) or _split_sedative(d, i)
        for i, x in enumerate(t)
    )
    if "?" in d.text(c.first, c.last):
        return False  # 수면제 다 먹었어요?: asked, not told
    if not sedative or not d.has(c, L.ALL_OF) or d.taken_ok(c) or d.has(c, L.SCHEDULE):
        return False
    if _on_time_manner(d, c):
        return False  # 시간 맞춰서 다 먹었어요: how it was taken, told in a clause of its own
    done = [
        s
        for s in swallow
        if not d.negated(s) and any(x.lemma in ("었", "았", "버리") for x in t[s + 1 : s + 5])
    ]
    if not done:
        return False
    return not any(x.lemma in L.REFILL for x in t[done[0] + 1 :])


def _at_once(d: Doc, c: Clause) -> bool:
    """한 번에 (at once), spaced as Kiwi splits it."""
    t = d.t
    return any(
        t[j].lemma == "한" and t[j + 1].lemma == "번" and t[j + 2].lemma == "에"
        for j in range(c.first, c.last - 1)
    )


def _pills(d: Doc, c: Clause) -> bool:
    """A count of pills far above a dose: 열 알, 10알, 여러 알, 한 주먹."""
    t = d.t
    for i in range(c.first, c.last):
        if t[i + 1].lemma in ("알", "정", "봉지", "통", "개") and t[i].tag in ("NR", "SN", "MM"):
            if t[i].lemma not in ("한", "하나", "두", "둘", "1", "2", "반", "몇"):
                return True
    return False
