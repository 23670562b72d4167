"""Signs of the mind and the home for `safety.ko`'s last net (see `safety.ko_concepts`): a death
said by a euphemism with a wish or an intention (눈 감고 싶어요, 이제 그만 가야지), the means
made ready (끈을 준비해 놨어요), following the dead, a place to end it (한강, 옥상), being lost in
place or time, seeing the dead, odd talk, a door or window forced, and distress with a request
(어떡해, 좀 봐 주세요). Each is a `check`; `safety.ko`'s scope still cancels it.
"""

from __future__ import annotations

from dialogue.safety import ko_lexicon as L
from dialogue.safety.ko_concepts import present
from dialogue.safety.ko_doc import C, Clause, Doc, Hit

# -- a death said by a euphemism, with a wish or an intention -------------------------------------
WANT = frozenset(
    "싶 려고 으려고 려고요 으려고요 ᆯ래 을래 ᆯ래요 을래요 ᆯ라고 을라고 ᆯ까 을까 ᆯ려고".split()
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
IDENTITY = frozenset("이름 나이 주소 전화번호 생일 집주소 번지".split())
NOBODY = frozenset("벽 허공 천장 아무도 빈방 거울".split())
THREAT = frozenset("죽이 패 때리 찌르 불지르 쏘".split())
GRABBED = frozenset("멱살 머리채 머리끄덩이 뺨 따귀 싸대기 목덜미 팔목 손목".split())
ROUGH = frozenset("잡 끌 치 때리 흔들 갈기 비틀 꺾 잡아당기 휘두르 후려치".split())
CONFINE = frozenset("가두 감금 감금하 묶 가둬두 갇히".split())
SELF_HARM = {"손목": frozenset("긋 베 자르 그 긁".split()), "목": frozenset("매 조르 매달".split())}
DEAD_SEEN = frozenset("오 있 보이 서 앉 부르 찾아오 와".split())

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
ASK_FOR = frozenset("부르 오 보 와 도와주 돕 살리 데려가 데리".split())


def signs(d: Doc, c: Clause, out: list[Hit]) -> None:
    """Add `check` hits for clause `c` (called only when no rule and no red flag fired)."""
    for sign in (
        _death,
        _mind,
        _means,
        _time,
        _home,
        _who,
        _hunger,
        _silent,
        _unseen,
        _life,
        _gone_alive,
    ):
        sign(d, c, out)


def _death(d: Doc, c: Clause, out: list[Hit]) -> None:
    t = d.t
    s0, s1 = d.sentence_range(c.sentence)
    want = [j for j in range(c.first, s1 + 1) if t[j].lemma in WANT]
    ought = [
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
    follow = [i for i in d.preds(c, FOLLOW) if any(x.lemma in WANT for x in t[i + 1 : i + 4])]
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
        if t[j].lemma in TIME_ASKED and any(x.lemma in WHETHER for x in t[j + 1 : j + 4]):
            out.append(Hit("confusion", C, j, know[0], "concept: lost in time"))
            return
    if any(x.lemma in ("꿈", "꿈속", "사진", "제사", "산소", "묘") for x in t):
        return  # 꿈에 돌아가신 어머니가 오셨어요
    for i in range(c.first, c.last - 2):
        dead = t[i].lemma in ("죽", "돌아가") and t[i].tag.startswith("VV")
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
    if door and forced and (entering or someone):
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
    while k < len(t) and t[k].tag == "EC" and t[k].lemma in ("어", "아"):
        k += 1
    if k >= len(t) or t[k].lemma != "주":
        return False
    for x in t[k + 1 : k + 4]:
        if x.tag == "EP" and x.lemma in ("었", "았"):
            return False  # 불러 줬어요: done
        if x.tag == "EF" or (x.tag == "EC" and x.lemma not in ("어", "아")):
            quoted = x.tag == "EC" and x.lemma in ("라고", "고", "다고")
            return not quoted and not x.lemma.startswith(("ᆯ", "을", "ᆫ", "는"))
    return True


def _who(d: Doc, c: Clause, out: list[Hit]) -> None:
    """Not knowing one's own name or home (내 이름이 뭐였는지 생각이 안 나, 여기가 집인데 집에
    가야 한대요), talking to no one (벽에 대고 얘기를 해요), a threat to kill."""
    t = d.t
    s0, s1 = d.sentence_range(c.sentence)
    who = [j for j in range(c.first, c.last + 1) if t[j].lemma in IDENTITY]
    mine = any(
        (t[j].lemma in L.SELF and t[j].tag in ("NP", "MM")) or t[j].lemma in L.HOUSEHOLD
        for j in range(max(0, c.first - 3), c.last + 1)
    )
    blank = d.preds(c, frozenset({"나"}), True) if d.has(c, frozenset({"생각", "기억"})) else []
    blank += [i for i in d.preds(c, frozenset({"모르"})) if present(d, i)]
    if who and mine and blank:
        out.append(Hit("confusion", C, who[0], blank[0], "concept: one's own name forgotten"))
        return
    kin = [j for j in range(c.first, c.last + 1) if t[j].lemma in L.HOUSEHOLD | L.OTHERS]
    whom = [j for j in range(c.first, c.last + 1) if t[j].lemma in ("누구", "누군")]
    unknown = [i for i in d.preds(c, frozenset({"모르"})) if present(d, i)]
    if (
        whom
        and unknown
        and (kin or d.previous(c) and d.nouns(d.previous(c), L.HOUSEHOLD | L.OTHERS))
    ):
        out.append(Hit("confusion", C, whom[0], unknown[0], "concept: kin not known"))
        return  # 아들이 왔는데 누군지 모르겠어요
    s0, s1 = d.sentence_range(c.sentence)
    sudden = any(t[j].lemma == "갑자기" for j in range(s0, s1 + 1))
    named = [  # 갑자기 저를 보고 언니라고 불러요
        j
        for j in range(max(s0, c.first - 6), c.last)
        if t[j].lemma == "보" and t[j - 2].lemma in L.SELF and t[j + 1].lemma == "고"
    ]
    calls = any(x.tag == "EC" and x.lemma in ("라고", "이라고") for x in t[c.first : c.last + 1])
    if sudden and named and calls:
        out.append(Hit("confusion", C, named[0], c.last, "concept: kin taken for another"))
        return
    homes = [j for j, x in enumerate(t) if x.lemma == "집"]
    here = any(x.lemma in ("여기", "여긴", "이") for x in t[c.first : c.last + 1])
    going = (
        any(x.lemma == "가" and x.tag.startswith("VV") for x in t[: homes[0] + 4])
        if homes
        else False
    )
    if len(homes) >= 2 and here and going and d.has(c, frozenset({"집"})):
        out.append(Hit("confusion", C, c.first, c.last, "concept: wants home while home"))
        return
    talk = d.nouns(c, frozenset({"얘기", "이야기", "말", "대화"}))
    if talk and any(t[j].lemma in NOBODY for j in range(s0, talk[0])):
        if d.preds(c, frozenset({"하", "나누", "걸"})):
            out.append(Hit("confusion", C, c.first, talk[0], "concept: talking to no one"))
            return
    grab = d.nouns(c, GRABBED)
    rough = [i for i in d.preds(c, ROUGH) if not d.negated(i)]
    if grab and rough and not any(x.lemma in L.PLAY for x in t):
        out.append(Hit("violence", C, grab[0], rough[0], "concept: grabbed roughly"))
        return  # 멱살을 잡고 흔들어서
    hide = [i for i in d.preds(c, frozenset({"숨"})) if d.t[i].tag.startswith("VV")]
    calling = (
        any(x.lemma in ("전화", "있", "떨") for x in t[hide[0] + 1 : hide[0] + 5])
        if hide
        else False
    )
    if hide and calling and not any(x.lemma in L.PLAY | {"숨바꼭질"} for x in t):
        out.append(Hit("violence", C, hide[0], c.last, "concept: hiding from someone"))
        return  # 화장실에 숨어서 전화하는 거예요
    shut = [i for i in d.preds(c, CONFINE) if not d.negated(i)]
    shut += [  # 나를 못 나가게 해요
        i
        for i in d.preds(c, frozenset({"나가", "나오"}), True)
        if d.unable(i) and any(x.lemma == "게" for x in t[i + 1 : i + 3])
    ]
    if shut:
        out.append(Hit("violence", C, shut[0], c.last, "concept: shut in"))
        return
    for i in d.preds(c, THREAT):
        said = [x for x in t[i + 1 : i + 5] if x.tag == "EC" and x.lemma.endswith("다고")]
        if said or any(x.lemma == "버리" for x in t[i + 1 : i + 3]):
            out.append(Hit("violence", C, i, c.last, "concept: a threat"))
            return


def _hunger(d: Doc, c: Clause, out: list[Hit]) -> None:
    """Days, food and a "not" in one clause: 보름 가까이 밥 구경을 못 했어요, 며칠 동안 밥을 못
    지어 먹었어요."""
    t = d.t
    s0, s1 = d.sentence_range(c.sentence)
    days = any(t[j].lemma in L.DAYS or t[j].lemma == "째" for j in range(s0, s1 + 1))
    food = d.nouns(c, L.FOOD - {"차", "죽"})
    if not (days and food):
        return
    nots = [
        i
        for i in range(food[0], c.last + 1)
        if t[i].tag.startswith(("VV", "VA")) and d.negated(i) and t[i].lemma != "괜찮"
    ]
    if nots:
        out.append(Hit("starvation", C, food[0], nots[0], "concept: days without food"))


SILENT = {"전화": frozenset({"받"}), "문": frozenset({"열"}), "기척": frozenset({"없"})}
LONG_WHILE = frozenset("째 며칠 이틀 사흘 하루 종일 내내 계속 아침 어제 어저께 밤새".split())


def _silent(d: Doc, c: Clause, out: list[Hit]) -> None:
    """옆집 할머니가 이틀째 문을 안 열어요, 전화도 안 받으세요: someone silent for a long while."""
    t = d.t
    who = any(x.lemma in L.HOUSEHOLD | L.OTHERS for x in t[: c.last + 1])
    long = any(x.lemma in LONG_WHILE for x in t[: c.last + 1])
    if not (who and long):
        return
    for noun, preds in SILENT.items():
        n = d.nouns(c, frozenset({noun, "인" + noun}))
        if not n:
            continue
        neg = noun != "기척"
        hit = [i for i in d.preds(c, preds, None) if d.negated(i) == neg]
        if hit and not _past_ep(d, hit[0]):
            out.append(Hit("unconscious", C, n[0], hit[0], "concept: someone silent"))
            return


def _past_ep(d: Doc, i: int) -> bool:
    return any(x.tag == "EP" and x.lemma in ("었", "았") for x in d.t[i + 1 : i + 3])


def _unseen(d: Doc, c: Clause, out: list[Hit]) -> None:
    """남편이 벌레가 기어다닌다고 하는데 아무것도 없어요: what someone sees is not there."""
    t = d.t
    prev = d.previous(c)
    if prev is None or not any(x.lemma in L.HOUSEHOLD | L.OTHERS for x in t[: prev.last + 1]):
        return
    quoted = any(
        t[j].tag == "EC" and t[j].lemma.endswith(("다고", "라고")) and t[j + 1].lemma == "하"
        for j in range(prev.first, prev.last)
    )
    nothing = d.has(c, frozenset({"아무것", "아무도", "아무"})) and d.preds(c, frozenset({"없"}))
    if quoted and nothing:
        out.append(Hit("confusion", C, prev.first, c.last, "concept: sees what is not there"))


def _life(d: Doc, c: Clause, out: list[Hit]) -> None:
    """사는 게 지옥이에요, 사는 게 너무 괴로워요: living itself called unbearable."""
    t = d.t
    for i in range(c.first, c.last - 2):
        living = t[i].lemma in ("살", "사") and t[i].tag.startswith("VV")
        if not (living and t[i + 1].tag == "ETM" and t[i + 2].lemma in ("것", "거")):
            continue
        bad = [j for j in range(i + 3, min(i + 8, c.last + 1)) if t[j].lemma in L.LIFE_BAD]
        if bad and not d.negated(bad[0]):
            out.append(Hit("suicide", C, i, bad[0], "concept: living unbearable"))
            return


def _gone_alive(d: Doc, c: Clause, out: list[Hit]) -> None:
    """어머니가 아버지 밥 차려야 한다고 하시는데 아버지 돌아가신 지 십 년 됐어요: the dead taken
    for the living by someone at home; 먹을 게 하나도 없어요 (nothing to eat, now)."""
    t = d.t
    prev = d.previous(c)
    if prev is not None:
        quoted = any(
            t[j].tag == "EC" and t[j].lemma.endswith(("다고", "라고")) and t[j + 1].lemma == "하"
            for j in range(prev.first, prev.last)
        )
        dead = [i for i in d.preds(c, frozenset({"돌아가", "죽"})) if d.has(c, frozenset({"지"}))]
        if quoted and dead:
            out.append(
                Hit("confusion", C, prev.first, dead[0], "concept: the dead taken as living")
            )
            return
    for i in range(c.first, c.last - 2):
        food = t[i].lemma == "먹" and t[i + 1].tag == "ETM" and t[i + 2].lemma in ("것", "거")
        if food and any(x.lemma == "없" for x in t[i + 3 : i + 7]):
            if any(x.lemma in ("하나", "아무것", "전혀", "통") for x in t[i + 3 : i + 7]):
                out.append(Hit("starvation", C, i, c.last, "concept: nothing to eat"))
                return
