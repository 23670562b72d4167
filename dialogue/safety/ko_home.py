"""Rules of `safety.ko` for the home: fire and gas, intruders and violence, days without food,
cries for help. (The mind, wishes to die and confusion, is in `safety.ko_mind`.)
"""

from __future__ import annotations

from dialogue.safety import ko_lexicon as L
from dialogue.safety.ko_doc import C, Clause, Doc, E, Hit, follows, imperative, pair


def rules(d: Doc, c: Clause, out: list[Hit]) -> None:
    for rule in (_fire, _violence, _starvation, _help):
        rule(d, c, out)


def _fire(d: Doc, c: Clause, out: list[Hit]) -> None:
    for i in d.nouns(c, frozenset({"불"})):
        if follows(d, i, "이", "야") or follows(d, i, "야"):
            out.append(Hit("fire", E, i, i + 2, "fire!", soft=False))  # 불이야
    blaze = d.nouns(c, L.BLAZE)
    if blaze:
        out.append(Hit("fire", E, blaze[0], blaze[0], "fire", soft=False))
    if d.nouns(c, L.FIRE) and not d.preds(c, L.FIRE_OFF, None):
        pair(d, c, L.FIRE, L.FIRE_ON, False, "fire", E, "fire", out, soft=False)
    if not any(x.lemma in L.COOKING for x in d.t):  # 고기 구울 때 연기가 좀 나요
        dec = C if d.has(c, L.SOFTENERS) else E  # 연기가 좀 나요: ask where from
        pair(d, c, L.SMOKE, L.SMOKE_ON, False, "fire", dec, "smoke", out, soft=False)
    burning = d.preds(c, frozenset({"불타", "불붙", "타오르"}))
    if burning:
        out.append(Hit("fire", E, c.first, burning[0], "fire", soft=False))
    smell = d.nouns(c, frozenset({"냄새"})) or [  # 타는 내가 나요 (내: a smell, not "my")
        i for i in range(c.first, c.last + 1) if d.t[i].lemma == "내" and d.t[i].tag == "NNG"
    ]
    pair(d, c, L.GAS, frozenset("잠기 잠그 꺼지 끄".split()), True, "fire", E, "gas on", out)
    gas = d.nouns(c, L.GAS)
    if gas:
        pair(d, c, L.GAS, L.GAS_ON, False, "fire", E, "gas", out, soft=False) or (
            smell and pair(d, c, L.GAS, frozenset({"나"}), False, "fire", E, "gas", out, soft=False)
        ) or (
            smell
            and smell[0] == gas[0] + 1
            and not d.preds(c, frozenset({"나", "없"}), None)
            and not any(d.negated(i) for i in d.preds(c, frozenset(x.lemma for x in d.t), None))
            and out.append(Hit("fire", E, gas[0], smell[0], "gas", soft=False))
        )  # 가스 냄새 때문에 머리가 아파요
    elif (
        smell and d.preds(c, frozenset({"나"})) and (prev := d.previous(c)) and d.nouns(prev, L.GAS)
    ):
        out.append(
            Hit("fire", E, prev.first, c.last, "gas", soft=False)
        )  # 가스불을 켜 놨는데 냄새가
    elif smell and d.preds(c, L.BURNING) and d.preds(c, frozenset({"나"})):
        out.append(Hit("fire", E, c.first, c.last, "burning smell", soft=False))


def _violence(d: Doc, c: Clause, out: list[Hit]) -> None:
    t = d.t
    prev = d.previous(c)
    start = prev.first if prev is not None else c.first
    stranger = [
        i
        for i in range(start, c.last + 1)
        if t[i].lemma in L.INTRUDER and t[i].tag.startswith(("NP", "NN", "VV", "VA"))
    ]
    if not stranger and any(x.lemma in ("낯설", "낯선", "모르", "도둑", "강도") for x in t[:start]):
        stranger = [start]  # the stranger was named in an earlier sentence
    if stranger:
        moves = d.preds(c, L.BREAK_IN)
        door = d.nouns(c, L.DOOR) and d.preds(c, L.FORCE_DOOR)
        inside = d.nouns(c, L.ROOMS) and d.preds(c, L.MOVE_ABOUT)
        if moves or door or inside:
            last = (moves or door or inside or stranger)[0]
            out.append(Hit("violence", E, stranger[0], last, "intruder", soft=False))
    if any(x.lemma in L.PLAY for x in d.t):
        return  # 손주한테 장난으로 맞아 줬어요
    thief = d.nouns(c, frozenset({"도둑", "강도", "빈집털이"}))
    if thief and d.preds(c, frozenset({"들", "들어오"})):
        out.append(Hit("violence", E, thief[0], c.last, "burglar", soft=False))
    neck = d.nouns(c, frozenset({"목"}))
    if neck and d.preds(c, frozenset({"조르", "조이", "누르"})):
        out.append(Hit("violence", E, neck[0], c.last, "strangled", soft=False))
    foot = d.nouns(c, frozenset({"발", "발길"}))
    if foot and d.preds(c, frozenset({"차", "걷어차"})):
        out.append(Hit("violence", E, foot[0], c.last, "kicked", soft=False))  # 발로 찼어요
    hit = d.preds(c, L.HIT) or [  # 주먹질을 해요, 발길질을 당했어요: a noun of hitting + 질
        i
        for i in range(c.first, c.last)
        if t[i].tag.startswith("NN")
        and t[i + 1].lemma == "질"
        and t[i].lemma + "질" in L.HIT
        and d.preds(c, frozenset({"하", "당하"}))
    ]
    if hit:
        out.append(Hit("violence", E, hit[0], hit[0], "beaten", soft=False))
    thrown = d.preds(c, L.THROW)  # 의자를 나한테 집어던졌어요: thrown at the speaker
    at_me = any(
        t[i].lemma in L.SELF and t[i + 1].lemma in ("한테", "에게", "에")
        for i in range(c.first, c.last)
    )
    if thrown and at_me:
        out.append(Hit("violence", E, c.first, thrown[0], "thrown at me", soft=False))
    beaten = d.preds(c, L.BEATEN)
    if beaten and (
        d.preds(c, frozenset({"얻어맞", "두들겨맞"}))
        or any(t[i].lemma in ("한테", "에게", "한테서") for i in range(c.first, beaten[0]))
    ):
        out.append(Hit("violence", E, c.first, beaten[0], "beaten", soft=False))
    if d.nouns(c, L.WEAPON) and d.preds(
        c, frozenset("들 휘두르 위협하 찌르 대 들이대 찔리".split())
    ):
        out.append(Hit("violence", E, c.first, c.last, "weapon", soft=False))  # 칼에 찔렸어요
    steps = d.nouns(c, frozenset({"발소리", "인기척"}))
    if steps and d.preds(c, frozenset({"들리", "나"})):
        out.append(Hit("violence", C, steps[0], c.last, "footsteps"))


def _starvation(d: Doc, c: Clause, out: list[Hit]) -> None:
    t = d.t
    eat = d.preds(c, L.EAT - {"굶"}, None)
    fasting = [i for i in d.preds(c, frozenset({"굶", "거르"})) if not d.has(c, frozenset({"ᆯ까"}))]
    not_eat = [i for i in eat if d.negated(i) and not _how_often(d, i)] + fasting
    only = [i for i in eat if not d.negated(i) and d.has(c, frozenset({"만", "밖에"}))]
    days = d.sentence_has(c, L.DAYS) or d.sentence_has(c, frozenset({"째"})) or _counted_days(d, c)
    days = days or any(  # 금요일부터, 주말부터: days since
        t[i].lemma in L.SINCE and t[i + 1].lemma == "부터" for i in range(len(t) - 1)
    )
    scraping = d.preds(c, frozenset({"버티", "때우", "견디"}))
    food = d.nouns(c, L.FOOD) or [i for i in range(c.first, c.last + 1) if d.t[i].lemma == "라면"]
    if scraping and days and food:  # 일주일째 라면 하나로 버티고 있어요
        out.append(Hit("starvation", E, c.first, scraping[0], "days on next to nothing"))
    last_meal = d.nouns(c, frozenset({"마지막"})) and eat
    if (not_eat or only or last_meal) and days:
        i = (not_eat or only or eat)[0]
        out.append(Hit("starvation", E, c.first, i, "days without food"))
    elif not_eat and d.nouns(c, frozenset({"아무것", "물"})):
        out.append(Hit("starvation", C, c.first, not_eat[0], "not eating"))


_ONE = frozenset("한 하나 일 1 반".split())


def _counted_days(d: Doc, c: Clause) -> bool:
    """삼일동안, 3일째, 오 일: a count of two or more days, however it is spelled or spaced."""
    s0, s1 = d.sentence_range(c.sentence)
    t = d.t
    return any(
        t[j].tag in ("NR", "SN", "MM")
        and t[j + 1].lemma == "일"
        and t[j + 1].tag.startswith("NN")
        and t[j].lemma not in _ONE
        for j in range(s0, s1)
    )


def _how_often(d: Doc, i: int) -> bool:
    """물을 자주 안 마셔요: the negation is of how often or how much, not of eating at all."""
    t = d.t
    return any(x.lemma in L.HOW_OFTEN and x.tag == "MAG" for x in t[max(0, i - 3) : i])


def _help(d: Doc, c: Clause, out: list[Hit]) -> None:
    t = d.t
    for i in d.preds(c, L.RESCUE):
        if imperative(d, i):
            out.append(Hit("help", E, i, i, "save me", soft=False))
    for i in d.preds(c, L.HELP):
        things = [
            j
            for j in range(c.first, i)
            if t[j].tag == "NNG" and t[j].lemma not in L.HOUSEHOLD | L.OTHERS | {"좀", "누구"}
        ]
        request = t[i].lemma == "도와주" or follows(d, i, "어", "주")
        describes = any(x.tag == "ETM" for x in t[i + 1 : i + 5] if x.tag.startswith("E"))
        if request and not things and not describes:  # not 도와주는 사람이 많아서
            if imperative(d, i):
                out.append(Hit("help", E, i, i, "help me", soft=False))
            elif d.sentence_has(c, frozenset({"좋", "싶"})):
                out.append(Hit("help", C, i, i, "wants help", soft=False))
    calls = d.nouns(c, L.CALL)
    do = d.preds(c, L.CALL_DO) or (d.preds(c, L.CALL_DO, None) if d.polite_request(c) else [])
    if calls and do:
        asked = imperative(d, do[0]) or d.polite_request(c)
        if asked or t[calls[0]].lemma != "사람":
            out.append(Hit("help", E if asked else C, calls[0], do[0], "call", soft=False))
    come = d.preds(c, frozenset({"오"}))
    if come and follows(d, come[0], "어", "주") and imperative(d, come[0] + 2):
        dec = E if d.has(c, L.HURRY) else C
        out.append(Hit("help", dec, c.first, come[0] + 2, "come quickly", soft=False))
    trouble = d.nouns(c, frozenset({"큰일"}))
    if trouble and d.preds(c, frozenset({"나"})):
        out.append(Hit("help", C, trouble[0], c.last, "something terrible", soft=False))
    need = d.nouns(c, frozenset({"도움"}))
    if need and d.preds(c, frozenset({"필요", "필요하"})):
        out.append(Hit("help", C, need[0], c.last, "needs help", soft=False))
