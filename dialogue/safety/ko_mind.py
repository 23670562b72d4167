"""Rules of `safety.ko` for the mind: wishes to die and acute confusion.

The home (fire and gas, intruders and violence, days without food, cries for help) is in
`safety.ko_home`; `rules` runs both.
"""

from __future__ import annotations

from dialogue.safety import ko_home
from dialogue.safety import ko_lexicon as L
from dialogue.safety.ko_doc import C, Clause, Doc, E, Hit, follows, pair
from dialogue.safety.ko_signs import jump_meant


def rules(d: Doc, c: Clause, out: list[Hit]) -> None:
    for rule in (_suicide, _confusion, _means):
        rule(d, c, out)
    ko_home.rules(d, c, out)


_INTENT_EC = frozenset(
    "으려고 려고 ᆯ래 을래 ᆯ래요 을래요 으련다 련다 을라고 ᆯ라고 을려고 ᆯ려고 을라구 ᆯ라구 "
    "을라요 ᆯ라요 ᆯ란다 을란다".split()
)


def _intent(d: Doc, i: int) -> bool:
    """죽으려고요, 죽을래, 죽을 거야: an intention."""
    nxt = d.t[i + 1 : i + 3]
    if nxt and nxt[0].lemma in _INTENT_EC:  # 죽으려고, 죽을라고 (spoken), 죽을래
        return True
    likely = i + 3 < len(d.t) and d.t[i + 3].lemma == "같"  # 죽을 것 같아요: a feeling
    return (
        len(nxt) == 2
        and nxt[0].tag == "ETM"
        and nxt[1].lemma in ("거", "것")
        and nxt[0].lemma in ("ᆯ", "을")
        and not likely
    )


_SAID = frozenset("다고 대요 대 단다 답니다 다네 다더라 다니까".split())


def _vowed(d: Doc, i: int) -> bool:
    """죽 + 겠 + a quote (죽겠대요, 죽겠다고 해요) after a deed (약을 모아 놓고 …): someone
    announcing they will die. Not the idiom (아파 죽겠대요, an "-어" before it; ruled out by the
    caller) and not a bare 죽겠어요 (a sigh)."""
    t = d.t
    if not (i + 2 < len(t) and t[i + 1].lemma == "겠" and t[i + 2].lemma in _SAID):
        return False
    before = [x for x in t[max(0, i - 4) : i] if x.sentence == t[i].sentence]
    deed = any(x.tag.startswith(("VV", "VX")) for x in before) and any(
        x.tag == "EC" and x.lemma in ("고", "서", "어서", "아서") for x in before[-1:]
    )
    return deed or any(x.lemma in ("진짜", "정말", "꼭", "오늘", "이제") for x in before)


def _describes_people(d: Doc, w: int) -> bool:
    t = d.t
    for j in range(w + 1, min(w + 4, len(t))):
        if t[j].tag == "ETM":
            return j + 1 < len(t) and t[j + 1].lemma in L.OTHERS | {"분", "노인", "사람"}
        if not t[j].tag.startswith(("E", "J")):
            return False
    return False


def _because(d: Doc, c: Clause) -> bool:
    """The clause follows a reason (더워서 …, 시끄러우니까 …): a complaint, not despair."""
    prev = d.previous(c)
    return prev is not None and d.t[prev.last].lemma in ("어서", "아서", "서", "니까", "으니까")


def _wish(d: Doc, i: int) -> int | None:
    """Index of 싶 when the verb at `i` is wished for (죽고 싶어, 죽어 버리고 싶어)."""
    for j in range(i + 1, min(i + 7, len(d.t))):
        if d.t[j].lemma == "싶" and d.t[j].tag.startswith("VX"):
            return j
        if d.t[j].tag in ("EF", "SF") or d.t[j].tag.startswith(("VV", "VA", "NN")):
            return None
    return None


def _has_object(d: Doc, c: Clause, i: int) -> bool:
    """오늘 일 다 끝내려고요: something is being finished, not a life."""
    times = L.TODAY | {"밤", "오늘밤", "내일", "이제", "날", "오늘"}
    return any(
        d.t[j].tag == "NNG" and d.t[j].lemma not in times | L.LIFE_WHOLE for j in range(c.first, i)
    )


def _denied(d: Doc, w: int) -> bool:
    """죽고 싶은 생각은 없어요, 죽고 싶은 마음은 아니에요: the wish named and denied."""
    t = d.t
    if not (w + 2 < len(t) and t[w + 1].tag == "ETM" and t[w + 2].lemma in ("생각", "마음", "맘")):
        return False
    rest = [x for x in t[w + 3 : w + 10] if x.sentence == t[w].sentence]
    if any(x.lemma == "없" or x.tag == "VCN" for x in rest[:3]):
        return True
    said = [x for x in rest if x.tag.startswith(("VV", "VA", "VCN")) and x.lemma != "같"]
    if said and (said[0].lemma == "없" or said[0].tag == "VCN"):
        return True  # 죽고 싶은 마음 같은 건 없어요
    # 죽고 싶다는 생각은 한 번도 안 해 봤어요, 그런 마음은 안 들어요
    return any(
        x.tag == "MAG" and x.lemma in L.NEGATORS and y.lemma in ("하", "들", "먹", "가지")
        for x, y in zip(rest, rest[1:], strict=False)
    ) or any(x.lemma in ("않", "못하") and x.tag.startswith("VX") for x in rest)


WHERE = frozenset("어디 어딨 어데 어드메".split())
_THEN = frozenset("것 거 게 어야 아야".split())


def _better(d: Doc, i: int) -> int | None:
    """Index of 낫/좋/편하 when the verb at `i` is called better: 죽는 게 낫지, 죽었으면 좋겠어,
    없어지는 게 다들 편할 거예요, 안 깼으면 좋겠어요."""
    t = d.t
    for j in range(i + 1, min(i + 9, len(t))):
        if t[j].sentence != t[i].sentence or t[j].tag == "SF":
            return None
        if t[j].lemma in ("낫", "좋", "편하", "편") and t[j].tag.startswith(
            ("VA", "VV", "NN", "XR")
        ):
            lead = t[i + 1 : j]
            if any(x.lemma.endswith("면") or x.lemma in _THEN for x in lead):
                return j  # 죽는 게 낫지, 내가 없어져야 애들이 편하지
        if t[j].lemma == "하" and t[j - 1].tag == "EC" and t[j - 1].lemma.endswith("면"):
            return j  # 안 깼으면 해요: a wish
        if t[j].tag.startswith("VV"):
            return None
    return None


def _suicide(d: Doc, c: Clause, out: list[Hit]) -> None:
    t = d.t
    for i in range(c.first, c.last + 1):
        tok = t[i]
        if tok.lemma in L.SUICIDE_NOUNS and tok.tag.startswith("NN"):
            if not d.negated(i):
                out.append(Hit("suicide", E, i, i, "suicide word", soft=False))
            continue
        if not tok.tag.startswith(("VV", "VA")) or d.figurative(i):
            continue
        # 배고파 죽겠어: "X어 죽겠다" says "very X"; 힘들어서 죽고 싶어 is still a wish to die
        idiom = (
            i > 0
            and t[i - 1].lemma in ("어", "아", "어서", "아서", "서")
            and tok.lemma == "죽"
            and _wish(d, i) is None
        )
        lemma = tok.lemma
        if lemma == "없" and follows(d, i, "어", "지"):
            lemma = "없어지"
        if lemma == "내리" and i > 1 and t[i - 1].lemma == "어" and t[i - 2].lemma == "뛰":
            lemma = "뛰어내리"  # 뛰어 내리고: the compound spaced as heard
        w = _wish(d, i)
        better = _better(d, i)
        if lemma == "죽" and not idiom:
            others = w is not None and _describes_people(d, w)  # 죽고 싶다는 사람들
            if w is not None and not d.negated(w) and not others and not _denied(d, w):
                out.append(Hit("suicide", E, i, w, "wish to die"))
            elif (follows(d, i, "어야") or follows(d, i, "어야지")) and d.has(
                c, frozenset({"차라리", "그냥", "빨리", "콱", "확"})
            ):
                out.append(Hit("suicide", E, i, i + 1, "must die"))  # 차라리 내가 죽어야 끝나지
            elif better is not None or follows(d, i, "어", "버리") or _intent(d, i):
                out.append(Hit("suicide", E, i, better or i, "better dead"))
            elif _vowed(d, i):  # 약을 모아 놓고 죽겠대요, 죽겠다고 해요: an intent, reported
                out.append(Hit("suicide", E, i, i + 2, "vows to die"))
            elif (follows(d, i, "을", "생각") or follows(d, i, "ᆯ", "생각")) and not d.negated(
                i + 2
            ):
                out.append(Hit("suicide", E, i, i + 2, "thoughts of dying"))
            elif any(x.lemma == "ᆯ까" for x in t[i + 1 : i + 3]) and d.sentence_has(
                c, frozenset({"생각", "싶"})
            ):
                out.append(Hit("suicide", E, i, i, "thinking of dying"))
        elif lemma == "살" and not idiom:
            stop = any(x.lemma in ("그만", "더", "더는", "이제") for x in t[max(0, i - 3) : i])
            no_will = follows(d, w or i, "은", "마음") or follows(d, w or i, "ᆫ", "마음")
            if w is not None and (d.negated(w) or stop or (no_will and d.negated(w + 2))):
                out.append(Hit("suicide", E, i, w, "not wanting to live"))
            elif stop and (d.unable(i) or _intent(d, i)) and not _because(d, c):  # 그만 살래요
                out.append(Hit("suicide", E, i, i, "cannot go on"))  # 더는 못 살겠어요
            elif t[i + 1 : i + 2] and t[i + 1].lemma in ("ᆯ", "을") and d.negated(i + 2):
                if t[i + 2 : i + 3] and t[i + 2].lemma in L.WILL_TO_LIVE:
                    out.append(Hit("suicide", C, i, i + 2, "no will to live"))  # 살 맛이 안 나요
            elif follows(d, i, "기", "싫") or follows(d, i, "기", "가", "싫"):
                out.append(Hit("suicide", E, i, i + 2, "tired of living"))
            elif any(follows(d, i, e, "뭐") for e in ("어서", "아서", "어", "아")):
                out.append(Hit("suicide", C, i, i + 2, "what is living for"))
            elif t[i + 1 : i + 2] and t[i + 1].tag == "ETM":
                bad = [j for j in range(i + 2, min(i + 7, len(t))) if t[j].lemma in L.LIFE_BAD]
                if bad and not d.negated(bad[0]):
                    out.append(Hit("suicide", C, i, bad[0], "life meaningless"))
        elif lemma in L.VANISH and not idiom:
            strong = lemma in ("사라지", "없어지")
            world = d.sentence_has(c, L.LIFE_WHOLE) or (
                i > 0 and t[i - 1].lemma == "다" and t[i - 1].tag == "MAG"
            )
            me = d.sentence_has(c, L.SELF)
            quietly = d.has(c, frozenset({"그냥", "조용히", "차라리", "먼저"}))
            if w is not None and not d.negated(w):
                if strong or world or quietly:
                    out.append(Hit("suicide", E if strong else C, i, w, "wish to vanish"))
            elif world and _intent(d, i) and not _has_object(d, c, i):
                out.append(Hit("suicide", E, i, i, "ending it"))  # 오늘 밤에 다 끝낼 거예요
            elif better is not None and (strong or d.has(c, frozenset({"그냥", "차라리"}))):
                out.append(Hit("suicide", E if me or not strong else C, i, better, "better gone"))
            elif lemma == "끝내" and any(x.lemma == "ᆯ까" for x in t[i + 1 : i + 3]):
                out.append(Hit("suicide", C, i, i, "thinking of ending it"))
        elif lemma in L.WAKE and d.negated(i) and better is not None:
            out.append(Hit("suicide", E, i, better, "not waking up"))  # 안 깼으면 좋겠어요
        elif lemma in L.SUICIDE_ACTS or (
            lemma in ("매", "매달") and d.nouns(c, L.THROAT) and not d.nouns(c, _WORN)
        ):  # 목을 매다, not 넥타이를 목에 매다
            ride = i + 2 < len(t) and t[i + 1].tag == "ETM" and t[i + 2].tag == "NNG"
            if lemma == "뛰어내리" and not jump_meant(d, i, w, _intent(d, i)):
                continue  # 트램펄린에서 뛰어내리면서 놀아요, 버스에서 뛰어내렸어요: a jump
            rope = ride and lemma == "목매" and t[i + 2].lemma in _ROPES  # 목맬 끈: the means
            if not d.negated(i) and (rope or not (ride and t[i + 2].lemma not in ("생각", "마음"))):
                out.append(Hit("suicide", E, i, i, "suicide act"))


def _confusion(d: Doc, c: Clause, out: list[Hit]) -> None:
    know = d.preds(c, frozenset({"모르"}))
    know += d.preds(c, frozenset({"헷갈리", "까먹", "잊어버리"}))  # 내가 누군지 헷갈려요
    if d.nouns(c, frozenset({"생각", "기억"})):
        know += d.preds(c, frozenset({"나"}), True)  # 집이 어딘지 생각이 안 나요
    lemmas = {x.lemma for x in d.t}
    when = [x for x in d.t[c.first : c.last + 1] if x.lemma in L.DATE_WORDS]
    if know and when:
        out.append(Hit("confusion", C, c.first, know[0], "what day is it"))
    lost_now = d.has(c, L.SELF | {"지금", "도통", "통", "도무지"})
    if know and d.has(c, WHERE) and lost_now:  # 나가 지금 어딨는지 모르겠당께
        out.append(Hit("confusion", C, c.first, know[0], "where am I"))  # 내가 어디 있는지
    if "여그" in lemmas or ("여가" in lemmas or "여" in lemmas) and "어디" in lemmas:
        lemmas = lemmas | {"여기"}  # 여그가 어딘가 (dialect)
    if know and {"어디", "여기"} <= lemmas:
        out.append(Hit("confusion", E, c.first, know[0], "where am I"))
    elif (
        {"어디", "여기"} <= lemmas
        and d.has(c, frozenset({"어디"}))
        and not d.has(c, frozenset({"었", "하"}))
        and "냐고" not in d.a.text
    ):
        out.append(Hit("confusion", C, c.first, c.last, "where is this"))  # 여기가 어디예요?
    elif (
        know
        and d.nouns(c, frozenset({"길", "집", "동네", "여기"}))
        and (d.has(c, frozenset({"겠"})) or d.nouns(c, frozenset({"생각", "기억"})))
    ):  # 집에 가는 길을 모르겠어요 (not 길을 잘 몰라서 택시 탔어요)
        out.append(Hit("confusion", C, c.first, know[0], "lost the way"))
    elif know and d.nouns(c, frozenset({"누구"})) and d.nouns(c, L.SELF):
        out.append(Hit("confusion", C, c.first, know[0], "who am I"))
    elif know and d.has(c, frozenset({"아무것"})) and d.sentence_has(c, frozenset({"갑자기"})):
        out.append(Hit("confusion", C, c.first, know[0], "suddenly blank"))
    if (
        d.nouns(c, frozenset({"여기"}))
        and d.nouns(c, frozenset({"집"}))
        and d.has(c, frozenset({"아니"}))
    ):
        out.append(Hit("confusion", C, c.first, c.last, "not my home"))  # 여기 우리 집 아니에요
    who_asked = [
        i
        for i in range(c.first, c.last)
        if d.t[i].lemma == "누구"
        and any(x.lemma.startswith(("냐", "니", "세요")) for x in d.t[i + 1 : i + 4])
    ]
    if who_asked and d.sentence_has(
        c, frozenset({"보고", "나", "저"})
    ):  # 엄마가 나보고 누구냐고 해요
        dec = E if d.sentence_has(c, frozenset({"갑자기"})) else C
        out.append(Hit("confusion", dec, c.first, who_asked[0], "asks who I am"))
    strangers = [i for i in d.preds(c, frozenset({"알아보", "알아듣"}), True) if d.unable(i)]
    strangers += d.preds(c, frozenset({"몰라보"}))  # 나를 몰라봐요
    if strangers and d.nouns(c, L.HOUSEHOLD | L.OTHERS | L.SELF | {"사람", "누구"}):
        dec = E if d.sentence_has(c, frozenset({"갑자기"})) else C
        out.append(Hit("confusion", dec, c.first, strangers[0], "knows nobody"))  # 나를 못 알아봐
    wander = d.nouns(c, frozenset({"정신"}))
    if wander and follows(d, wander[0] + 1, "오", "었", "다", "가"):
        out.append(Hit("confusion", C, wander[0], c.last, "mind comes and goes"))
    odd = [i for i in range(c.first, c.last + 1) if d.t[i].lemma in L.CONFUSED_ODD]
    if odd:
        out.append(Hit("confusion", C, odd[0], odd[0], "confused"))
    if d.has(c, frozenset({"갑자기"})):
        pair(d, c, frozenset({"정신"}), frozenset({"없"}), False, "confusion", C, "dazed", out)
    pair(d, c, frozenset({"길"}), frozenset({"잃"}), False, "confusion", C, "lost", out)


# Worn round the neck: 목에 매 with these is dressing.
_WORN = frozenset("넥타이 타이 목도리 스카프 머플러 손수건 리본 목걸이 넥워머 보타이".split())
# Charcoal lit in a shut room: the means of a suicide, whatever else the sentence says.
_CHARCOAL = frozenset("번개탄 연탄 숯 착화탄 숯불 연탄불".split())
_LIGHT = frozenset("피우 지피 붙이 켜 피".split())
_ROPES = frozenset("끈 노끈 밧줄 줄 빨랫줄".split())
_MEANS = _ROPES | frozenset("번개탄 착화탄 농약 제초제 쥐약 청산가리 수면제 연탄".split())
_GET = frozenset("갖 사 찾 모으 구하 준비 챙기 숨기".split())
_RESOLVE = frozenset("진짜 정말 이번 마지막 결심 각오".split())


def prepared(d: Doc, c: Clause, out: list[Hit]) -> None:
    """A means got ready (노끈 갖다 놨어, 농약을 사 뒀어요) with an unnamed deed or a resolve in
    the sentence (그거로 할라고, 이번엔 진짜야): a plan, to ask about. Not 수면제 사다 놨어요,
    잠 안 올 때 먹으려고 (the deed named, and harmless)."""
    t = d.t
    means = d.nouns(c, _MEANS)
    if not means:
        return
    got = [
        j
        for j in range(means[0] + 1, c.last + 1)
        if t[j].lemma in _GET and any(x.lemma in ("놓", "두") for x in t[j + 1 : j + 4])
    ]
    if not got:
        return
    rest = t[c.first :]  # (놨어 그거로 할라고: Kiwi may end the sentence at 놨어)
    unnamed = any(
        x.lemma == "하" and x.tag.startswith("VV") and y.lemma in _INTENT_EC
        for x, y in zip(rest, rest[1:], strict=False)
    )
    if unnamed or any(x.lemma in _RESOLVE for x in rest):
        out.append(Hit("suicide", C, means[0], got[0], "means prepared"))


# A high edge that someone sits on and will not leave: a person who may jump.
_LEDGE = frozenset("난간 옥상 창틀 지붕 철교 옥탑".split())
_ANIMALS = frozenset("고양이 강아지 개 새 비둘기 닭 염소 애완".split())
_SEALED = frozenset("잠그 잠기 막 닫 밀폐 테이프 틀어막".split())


def _means(d: Doc, c: Clause, out: list[Hit]) -> None:
    """번개탄을 피웠어요 with the door locked or taped: a means set to work (not 숯불 고기, not
    연탄불 to heat a room)."""
    t = d.t
    if any(x.lemma in L.COOKING for x in t):
        return  # 숯불에 고기 구워 먹었어요
    down = d.preds(c, frozenset({"내려오", "내려가"}), True)
    s0 = d.sentence_range(c.sentence)[0]
    ledge = [j for j in range(s0, c.last + 1) if t[j].lemma in _LEDGE and t[j].tag == "NNG"]
    if ledge and down and not any(x.lemma in _ANIMALS for x in t):
        out.append(Hit("suicide", C, ledge[0], down[0], "on a ledge"))  # 난간에 앉아 안 내려와요
    prepared(d, c, out)
    coal = d.nouns(c, _CHARCOAL)
    lit = d.preds(c, _LIGHT)
    if coal and lit and any(x.lemma in _SEALED for x in t):  # 연탄불 피워서 따뜻해요: heating
        out.append(Hit("suicide", E, coal[0], lit[0], "charcoal in a shut room"))
