"""Signs at home for `safety.ko`'s last net (with `safety.ko_signs`): one's own name forgotten,
wanting home while at home, talking to no one, a threat to kill, days without food, someone
silent for a long while, a sight that is not there, living called unbearable, the dead taken for
the living. Each is a `check`; `safety.ko`'s scope still cancels it.
"""

from __future__ import annotations

from dialogue.safety import ko_lexicon as L
from dialogue.safety.ko_concepts import present
from dialogue.safety.ko_doc import C, Clause, Doc, Hit

GRABBED = frozenset("멱살 머리채 머리끄덩이 뺨 따귀 싸대기 목덜미 팔목 손목".split())
ROUGH = frozenset("잡 끌 치 때리 흔들 갈기 비틀 꺾 잡아당기 휘두르 후려치".split())
CONFINE = frozenset("가두 감금 감금하 묶 가둬두 갇히".split())


def household(d: Doc, c: Clause, out: list[Hit]) -> None:
    """Add `check` hits for clause `c` (called only when no rule and no red flag fired)."""
    for sign in (_who, _hunger, _silent, _unseen, _life, _gone_alive, _errand, _unfamiliar):
        sign(d, c, out)


IDENTITY = frozenset("이름 나이 주소 전화번호 생일 집주소 번지".split())


NOBODY = frozenset("벽 허공 천장 아무도 빈방 거울".split())


THREAT = frozenset("죽이 패 때리 찌르 불지르 쏘".split())


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
    sudden = any(t[j].lemma == "갑자기" for j in range(s0, s1 + 1)) or any(
        x.lemma == "갑자기" for x in t[s1 + 1 : s1 + 4]
    )  # … 엄마라고 불러요. 갑자기 그래요
    named = [  # 갑자기 저를 보고 언니라고 불러요, 나보고 엄마라고 불러요
        j
        for j in range(max(s0, c.first - 6), c.last)
        if (t[j].lemma == "보" and t[j - 2].lemma in L.SELF and t[j + 1].lemma == "고")
        or (t[j].lemma == "보고" and t[j].tag == "JKB" and t[j - 1].lemma in L.SELF)
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
        gone = [x for x in t[i + 3 : i + 7] if x.lemma in ("없", "떨어지", "바닥나")]
        if food and gone:
            s0, s1 = d.sentence_range(c.sentence)
            days = any(t[j].lemma in L.DAYS for j in range(s0, s1 + 1)) or "일주일" in d.a.text
            if days or any(x.lemma in ("하나", "아무것", "전혀", "통") for x in t[i + 3 : i + 7]):
                out.append(Hit("starvation", C, i, c.last, "concept: nothing to eat"))
                return


ODD_HOURS = frozenset("새벽 한밤중 밤중 갑자기 자꾸 한밤 자정".split())
SET_OFF = frozenset("나가 나서 짐 싸 챙기 옷".split())


def _errand(d: Doc, c: Clause, out: list[Hit]) -> None:
    """엄마가 새벽부터 학교 가야 된다고 나가시려고 해요, 아버지가 갑자기 피난 가야 된다고 짐을
    싸세요: someone at home setting off, at an odd hour, on an errand of another time."""
    t = d.t
    s0, s1 = d.sentence_range(c.sentence)
    kin = any(
        t[j].lemma in L.HOUSEHOLD | {"엄마", "어머니", "아버지", "아빠"} for j in range(s0, s1 + 1)
    )
    odd = any(t[j].lemma in ODD_HOURS for j in range(s0, s1 + 1))
    must = [
        j
        for j in range(c.first, c.last)
        if t[j].lemma in ("어야", "아야")
        and t[j + 1].lemma in ("되", "하")
        and any(x.lemma.endswith(("다고", "라고")) for x in t[j + 2 : j + 4])
    ] + [  # 군대 간다고 옷을 입어요: an errand announced
        j
        for j in range(c.first, c.last + 1)
        if t[j].tag == "EC" and t[j].lemma in ("ᆫ다고", "는다고")
    ]
    off = [j for j in range(c.first, s1 + 1) if t[j].lemma in SET_OFF]
    if kin and odd and must and off and not _past_ep(d, off[-1]):
        out.append(Hit("confusion", C, must[0], off[-1], "concept: setting off on an old errand"))


def _unfamiliar(d: Doc, c: Clause, out: list[Hit]) -> None:
    """여기 우리 집 맞아요? 처음 보는 데 같아요: a familiar place seen as never seen."""
    t = d.t
    here = any(x.lemma in ("여기", "여긴", "집", "동네", "우리집") for x in t)
    for i in range(c.first, c.last - 1):
        first = t[i].lemma == "처음" and t[i + 1].lemma == "보" and t[i + 2].tag == "ETM"
        if first and here and i + 3 < len(t) and t[i + 3].lemma in ("데", "곳", "동네", "집", "방"):
            if not any(x.tag == "EP" and x.lemma in ("었", "았") for x in t[i + 1 : i + 3]):
                out.append(Hit("confusion", C, i, c.last, "concept: home seen as strange"))
                return
