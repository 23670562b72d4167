"""Signs of the mind and the home for `safety.ko`'s last net (see `safety.ko_concepts`): a death
said by a euphemism with a wish or an intention (눈 감고 싶어요, 이제 그만 가야지), the means
made ready (끈을 준비해 놨어요), self-harm, following the dead, a place to end it (한강, 옥상),
being lost in place or time, seeing the dead, odd talk, a door or window forced, and distress
with a request (어떡해, 좀 봐 주세요). Each is a `check`; `safety.ko`'s scope still cancels it.
"""

from __future__ import annotations

from dialogue.safety import ko_lexicon as L
from dialogue.safety.ko_concepts import present
from dialogue.safety.ko_doc import C, Clause, Doc, Hit

# -- a death said by a euphemism, with a wish or an intention -------------------------------------
WANT = frozenset(
    "싶 려고 으려고 려고요 으려고요 ᆯ래 을래 ᆯ래요 을래요 ᆯ라고 을라고 ᆯ까 을까 ᆯ려고 "
    "ᆯ게 을게 ᆯ게요 을게요".split()
)
QUIETLY = frozenset("조용히 편히 그만 먼저 영원히 영영 이대로 차라리 그냥 훌쩍".split())
GO = frozenset("가 떠나 잠들 눕 가버리 떠나버리 끝내 마치 쉬".split())
END_PLACES = frozenset(
    "한강 옥상 난간 철길 선로 저수지 강물 낭떠러지 절벽 벼랑 물 바다 철로 다리".split()
)
JUMP = frozenset("뛰어내리 뛰어들 떨어지 빠지 몸던지 던지".split())
BELONGINGS = frozenset("통장 도장 재산 물건 유품 짐 집문서 패물 반지 땅".split())
HAND_OVER = frozenset("넘기 주 나누 나눠주 물려주 정리 정리하".split())

# -- the mind: lost, or saying odd things ---------------------------------------------------------
WHERE_TO = frozenset("어디 어느 어딘지 어디로 어딘가 어데 방향".split())
ODD_TALK = frozenset("엉뚱 엉뚱하 이상 이상하 딴 헛 알아듣 횡설수설 허튼".split())
TALK_NOUN = frozenset("소리 말 얘기 이야기 것 거".split())
TIME_ASKED = frozenset("년도 연도 몇년 몇월 요일 날짜 몇시 계절 아침 저녁 낮 밤 오늘 며칠".split())
WHETHER = frozenset("인지 ᆫ지 는지 은지 지".split())
SELF_HARM = {"손목": frozenset("긋 베 자르 그 긁".split()), "목": frozenset("매 조르 매달".split())}
DEAD_SEEN = frozenset("오 있 보이 서 앉 부르 찾아오 와 찾".split())

# -- the means made ready, the dead followed, the self erased -------------------------------------
MEANS = frozenset("끈 밧줄 노끈 번개탄 농약 쥐약 청산가리 수면제 제초제 살충제".split())
READY = frozenset("준비 준비하 모으 모아두 사 사두 구하 구해놓 챙기 숨기".split())
FOLLOW = frozenset("따라가 따라가 따르 뒤따르 만나러가".split())
VANISH_SELF = frozenset("없어지 사라지 죽".split())

# -- the home: a door forced, distress with a request --------------------------------------------
STRANGER = frozenset("누가 누구 낯선 모르 어떤 웬 도둑 강도 괴한 놈".split())
FORCED = frozenset("깨 부수 따 뜯 비집 돌리 누르 두드리 흔들 밀 차 부시".split())
DISTRESS = frozenset("어떡하 어떻하 큰일 아이고 어쩌 어쩌나 어째".split())
ANYONE = frozenset("아무나 아무 누구 누가 누구든 누구라도 사람".split())
ASK_FOR = frozenset("부르 오 보 와 도와주 돕 살리 데려가 데리 보내".split())


def signs(d: Doc, c: Clause, out: list[Hit]) -> None:
    """Add `check` hits for clause `c` (called only when no rule and no red flag fired)."""
    for sign in (_death, _mind, _means, _time, _home, _farewell):
        sign(d, c, out)


def _death(d: Doc, c: Clause, out: list[Hit]) -> None:
    t = d.t
    s0, s1 = d.sentence_range(c.sentence)
    want = [j for j in range(c.first, s1 + 1) if t[j].lemma in WANT]
    want += [  # 내가 먼저 가는 게 나아요: better gone
        j
        for j in range(c.first + 2, c.last + 1)
        if t[j].lemma in ("낫", "편하", "좋")
        and t[j].tag.startswith("VA")
        and any(x.lemma in ("것", "거") for x in t[j - 3 : j])
    ]
    ought = [
        j
        for j in range(c.first, c.last)
        if t[j].lemma in ("어야", "아야") and t[j + 1].lemma == "겠"
    ] + [  # 살 만큼 살았으니 이제 그만 가야겠어요
        j
        for j in range(c.first, c.last + 1)
        if (t[j].lemma in ("어야", "아야") and j < c.last and t[j + 1].lemma in ("되", "하"))
        or t[j].lemma in ("어야지", "아야지")  # 그만 끝내야지
    ]
    # a life not worth living like this (이렇게 사느니, 살아서 뭐해)
    for i in range(c.first, c.last):
        if t[i].lemma == "살" and t[i + 1].lemma in ("느니", "으니"):
            out.append(Hit("suicide", C, i, i + 1, "concept: rather than live"))
            return
    if not (want or ought):
        return
    end = (want or ought)[0]
    for i in range(c.first, min(end, c.last + 1)):
        lemma = t[i].lemma
        eyes = lemma == "감" and any(x.lemma in ("눈", "두눈") for x in t[max(0, i - 2) : i])
        world = lemma in ("뜨", "떠나") and any(
            x.lemma in ("세상", "이승") for x in t[max(0, i - 3) : i]
        )
        quiet = lemma in GO and any(x.lemma in QUIETLY for x in t[max(s0, i - 4) : i])
        # (이제 그만 가야겠어요, 그만 가 봐야 해요 end a call: going needs a death nearby)
        quiet = quiet and (lemma not in ("가", "떠나") or _death_near(d))
        gone = lemma in ("없어지", "사라지") and bool(ought)
        world = (
            world
            or (  # 이 목숨 끊어 버리고 싶소
                lemma in ("끊", "끝내", "마감", "버리", "내던지")
                and any(
                    x.lemma in ("목숨", "생", "삶", "인생", "명줄") for x in t[max(0, i - 3) : i]
                )
            )
        )
        if (eyes or world or quiet or gone) and not d.negated(end):
            if quiet and _destination(d, c.first, i):
                continue  # 먼저 시장에 가려고요: somewhere to go
            if t[i + 1 : i + 4] and [x.lemma for x in t[i + 1 : i + 3]] == ["기", "전"]:
                continue  # 세상 뜨기 전에 손주 장가가는 거 보고 싶어요: a wish before dying
            out.append(Hit("suicide", C, i, end, "concept: a death wished for"))
            return
    place = [j for j in range(s0, s1 + 1) if t[j].lemma in END_PLACES and t[j].tag.startswith("N")]
    jump = [j for j in range(c.first, c.last + 1) if t[j].lemma in JUMP]
    thought = any(x.lemma in ("생각", "마음") for x in t[s0:])  # 가 볼까. 그런 생각만 들어요
    if place and (jump or thought) and not d.negated(end):
        river = t[place[0]].lemma not in ("물", "다리", "바다") or jump
        if river:
            out.append(Hit("suicide", C, place[0], end, "concept: a place to end it"))
            return
    things = [j for j in range(s0, s1 + 1) if t[j].lemma in BELONGINGS]
    if (
        things
        and d.has(c, frozenset({"가", "떠나"}))
        and any(t[j].lemma in HAND_OVER for j in range(s0, s1 + 1))
    ):
        out.append(Hit("suicide", C, things[0], end, "concept: giving things away to go"))


def _destination(d: Doc, first: int, i: int) -> bool:
    """Somewhere named in the clause before the verb (시장에, 병원으로): an errand, not a death
    (자식들한테 짐만 되니까 … 가야지: a person, in another clause, is no destination)."""
    places = ("에", "로", "으로", "에다")
    return any(x.tag == "JKB" and x.lemma in places for x in d.t[first:i])


def _mind(d: Doc, c: Clause, out: list[Hit]) -> None:
    t = d.t
    s0, s1 = d.sentence_range(c.sentence)
    know = [i for i in d.preds(c, frozenset({"모르"})) if present(d, i)]
    now = any(x.lemma == "겠" for i in know for x in t[i + 1 : i + 3])
    if know and now and any(t[j].lemma in WHERE_TO for j in range(max(s0, c.first - 8), know[0])):
        going = any(t[j].lemma in ("가", "집", "길", "오") for j in range(s0, know[0]))
        if going:
            out.append(Hit("confusion", C, c.first, know[0], "concept: lost"))
            return
    for i in range(c.first, c.last):
        odd = t[i].lemma in ODD_TALK and t[i + 1 : i + 4]
        if not odd:
            continue
        talk = [j for j in range(i + 1, min(i + 4, c.last + 1)) if t[j].lemma in TALK_NOUN]
        said = ("하", "늘어놓", "중얼거리")
        if talk and any(x.lemma in said for x in t[talk[0] + 1 : talk[0] + 4]):
            if t[i].lemma == "헛" or t[i].lemma.startswith(("엉뚱", "횡설")):
                out.append(Hit("confusion", C, i, talk[0], "concept: odd talk"))
                return


def _means(d: Doc, c: Clause, out: list[Hit]) -> None:
    """끈을 준비해 놨어요; 영감 따라가고 싶어요; 나 없어져도 아무도 모를 거예요."""
    t = d.t
    s0, s1 = d.sentence_range(c.sentence)
    means = d.nouns(c, MEANS)
    pills = [
        i for i in range(c.first, c.last + 1) if t[i].lemma.endswith("약") and t[i].tag == "NNG"
    ]
    hoard = [i for i in d.preds(c, frozenset({"모으", "모아두"})) if pills]
    if hoard:  # 약을 모아 놨어요
        out.append(Hit("suicide", C, pills[0], hoard[0], "concept: pills hoarded"))
        return
    ready = [i for i in range(c.first, c.last + 1) if t[i].lemma in READY and not d.negated(i)]
    if means and ready:
        out.append(Hit("suicide", C, means[0], ready[0], "concept: the means made ready"))
        return
    for part, acts in SELF_HARM.items():
        cut = [i for i in d.preds(c, acts) if d.has(c, frozenset({part}))]
        if cut and any(x.lemma in WANT | {"버리", "생각"} for x in t[cut[0] + 1 : cut[0] + 5]):
            out.append(Hit("suicide", C, cut[0], cut[0], "concept: self-harm"))
            return
    must = WANT | {"어야지", "아야지", "어야", "아야"}  # 영감 따라가야지
    follow = [i for i in d.preds(c, FOLLOW) if any(x.lemma in must for x in t[i + 1 : i + 4])]
    whom = any(
        t[j].lemma in L.HOUSEHOLD | {"먼저", "하늘나라", "저세상"} for j in range(s0, s1 + 1)
    )
    if follow and whom:
        out.append(Hit("suicide", C, follow[0], follow[0], "concept: following the dead"))
        return
    for i in range(c.first, c.last + 1):
        lemma = t[i].lemma
        if lemma == "없" and i + 2 < len(t) and t[i + 2].lemma == "지" and t[i + 2].tag == "VX":
            lemma = "없어지"  # 없/VA 어/EC 지/VX: Kiwi's 없어지
        if lemma not in VANISH_SELF or not t[i].tag.startswith(("VV", "VA")) or d.negated(i):
            continue
        me = i > 0 and t[i - 1].tag == "NP" and t[i - 1].lemma in L.SELF
        me = me or (i > 1 and t[i - 2].lemma in L.SELF and t[i - 1].tag in ("JKS", "JX"))
        if me and lemma != "죽" or (me and _wish_like(d, i)):
            out.append(Hit("suicide", C, i - 1, i, "concept: the self erased"))
            return


def _wish_like(d: Doc, i: int) -> bool:
    return any(x.lemma in WANT or x.lemma in ("낫", "편하", "좋") for x in d.t[i + 1 : i + 8])


def _time(d: Doc, c: Clause, out: list[Hit]) -> None:
    """Lost in time (지금이 몇 년도인지 모르겠어요) or seeing the dead (죽은 시어머니가 왔다고)."""
    t = d.t
    know = [i for i in d.preds(c, frozenset({"모르"})) if present(d, i)]
    now = any(x.lemma == "겠" for i in know for x in t[i + 1 : i + 3])
    for j in range(c.first, know[0] if know and now else c.first):
        asked = t[j].lemma in TIME_ASKED or (  # 몇 시인지: Kiwi splits 몇 + 시
            t[j].tag == "NNB" and t[j].lemma in ("시", "년", "월") and t[j - 1].lemma == "몇"
        )
        if asked and any(x.lemma in WHETHER for x in t[j + 1 : j + 4]):
            out.append(Hit("confusion", C, j, know[0], "concept: lost in time"))
            return
    if any(x.lemma in ("꿈", "꿈속", "사진", "제사", "산소", "묘") for x in t):
        return  # 꿈에 돌아가신 어머니가 오셨어요
    for i in range(c.first, c.last - 2):
        dead = t[i].lemma in ("죽", "돌아가", "돌아가시") and t[i].tag.startswith("VV")
        j = i + 1
        while j < len(t) and t[j].tag == "EP":
            j += 1  # 돌아가신: 돌아가 + 시 + ᆫ
        if not dead or j + 1 >= len(t) or t[j].tag != "ETM" or not t[j + 1].tag.startswith("NN"):
            continue
        seen = [k for k in range(j + 2, min(j + 8, len(t))) if t[k].lemma in DEAD_SEEN]
        if seen and not d.negated(seen[0]):
            out.append(Hit("confusion", C, i, seen[0], "concept: the dead seen"))
            return


def _home(d: Doc, c: Clause, out: list[Hit]) -> None:
    """A door forced (창문을 깨고 들어오려고 해요), distress with a request (어떡해 … 좀 봐 주세요,
    아무나 좀 불러 주세요)."""
    t = d.t
    door = d.nouns(c, L.DOOR)
    forced = [i for i in d.preds(c, FORCED) if not d.negated(i)]
    s0, _ = d.sentence_range(c.sentence)
    entering = d.preds(c, frozenset({"들어오", "들어오려", "침입"}))
    someone = any(x.lemma in STRANGER for x in t[: c.last + 1])
    ongoing = any(  # 문을 부수고 있어요: happening now, whoever it is
        t[i + 1].lemma == "고" and t[i + 2].lemma == "있" for i in forced if i + 2 < len(t)
    )
    if door and forced and (entering or someone or ongoing):
        out.append(Hit("violence", C, door[0], forced[0], "concept: a door forced"))
        return
    asks = [i for i in d.preds(c, ASK_FOR) if imperative_request(d, i)]
    if not asks:
        return
    upset = any(x.lemma in DISTRESS for x in t[: c.last + 1])
    anyone = any(t[j].lemma in ANYONE for j in range(c.first, asks[0]))
    if upset or anyone:
        out.append(Hit("help", C, c.first, asks[0], "concept: distress and a request"))


def imperative_request(d: Doc, i: int) -> bool:
    """The verb at `i` is asked for with 주 (불러 주세요, 봐 줘, 와 주이소)."""
    t = d.t
    k = i + 1
    while k < len(t) and t[k].tag == "EC" and t[k].lemma in ("어", "아", "어다", "아다"):
        k += 1
    if k >= len(t) or t[k].lemma != "주":
        return False
    for x in t[k + 1 : k + 4]:
        if x.tag == "EP" and x.lemma in ("었", "았"):
            return False  # 불러 줬어요: done
        if x.tag == "EF" or (x.tag == "EC" and x.lemma not in ("어", "아")):
            quoted = x.tag == "EC" and x.lemma in ("라고", "고", "다고")
            quoted = quoted or x.tag == "EC" and x.lemma in ("어서", "아서", "서", "니까", "는데")
            return not quoted and not x.lemma.startswith(("ᆯ", "을", "ᆫ", "는"))
    return True


SETTLED = frozenset("정리 준비 마무리 끝".split())


KIN = L.KIN | {"영감"}


def _farewell(d: Doc, c: Clause, out: list[Hit]) -> None:
    """애들한테 편지를 써 놨어요, 이제 정리가 다 됐어요; 오늘 밤이 마지막이었으면 좋겠어요;
    죽는 게 무섭지도 않아요: goodbyes made, an end wished for, no fear of dying."""
    t = d.t
    letter = [
        i
        for i in d.nouns(c, frozenset({"편지", "쪽지", "유언"}))
        if d.preds(c, frozenset({"쓰", "남기"}))
    ]
    kin = any(x.lemma in KIN for x in t[: c.last + 1])
    settled = any(x.lemma in SETTLED for x in t) and any(x.lemma == "다" for x in t)
    if letter and kin and settled:
        out.append(Hit("suicide", C, letter[0], c.last, "concept: goodbyes made"))
        return
    last = d.nouns(c, frozenset({"마지막"}))
    wished = any(x.lemma.endswith("면") for x in t[c.first : c.last + 1]) and any(
        x.lemma in ("좋", "하") for x in t[c.last : c.last + 3]
    )
    if last and (wished or any(x.lemma.endswith("면") for x in t[last[0] : last[0] + 4])):
        if any(x.lemma in ("좋", "싶", "하") for x in t[last[0] + 1 : last[0] + 8]):
            out.append(Hit("suicide", C, last[0], c.last, "concept: an end wished for"))
            return
    for i in range(c.first, c.last - 3):
        dying = t[i].lemma == "죽" and t[i + 1].tag == "ETM" and t[i + 2].lemma in ("것", "거")
        fear = [
            j
            for j in range(i + 3, min(i + 6, c.last + 1))
            if t[j].lemma in ("무섭", "두렵", "겁나")
        ]
        if dying and fear and d.negated(fear[0]):
            out.append(Hit("suicide", C, i, fear[0], "concept: no fear of dying"))
            return


def _lived(d: Doc, s0: int, i: int) -> bool:
    """살 만큼 살았으니: a life called complete, before the verb at `i`."""
    t = d.t
    return any(
        t[j].lemma == "살" and t[j + 1].tag == "ETM" and t[j + 2].lemma == "만큼"
        for j in range(s0, max(s0, i - 2))
    )


DEATH_NEAR = frozenset(
    "짐 고생 폐 부담 세상 이승 저승 하늘나라 하늘 곁 목숨 인생 삶 미련 낙 죽 정리 유서 영영 "
    "미안".split()
)


def _death_near(d: Doc) -> bool:
    """Something in the utterance makes "going" a death: a burden (짐만 되니까), the world, a
    life lived out (살 만큼 살았으니), the dead gone before, affairs put in order."""
    t = d.t
    return any(x.lemma in DEATH_NEAR for x in t) or _lived(d, 0, len(t))


def jump_meant(d: Doc, i: int, w: int | None, intent: bool) -> bool:
    """A jump (뛰어내리) that is about dying: wished or intended by the speaker (뛰어내리고 싶어요,
    뛰어내릴 거야), from a height (옥상, 다리 위, 창문), or with death in the sentence."""
    t = d.t
    if w is not None or intent:
        return True
    s0, s1 = d.sentence_range(t[i].sentence)
    return any(x.lemma in _HEIGHTS_TO_JUMP or x.lemma in L.DIE for x in t[s0 : s1 + 1])


_HEIGHTS_TO_JUMP = frozenset(
    "옥상 다리 창문 창밖 베란다 난간 아파트 건물 층 한강 강 바다 절벽".split()
)
