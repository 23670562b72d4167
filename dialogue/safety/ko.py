"""Korean emergency findings over Kiwi morphemes (`dialogue.analysis.ko`).

An utterance is cut into clauses (a sentence, or a part of one ended by a connective such as
-는데, -지만, -고, -어서, -면). A rule (`safety.ko_rules`) fires when a clause holds a concept's
noun and one of its predicates with the right polarity: 가슴 + 아프 (not negated), 숨 + 쉬
(negated: 숨을 못 쉬겠어요, 숨이 안 쉬어져), 넘어지 + 일어나 (negated). Endings, spacing,
존댓말/반말 and intensifiers are gone once the text is morphemes, so they do not matter.

Scope, per finding, from its clause, its sentence and what is said after it:
- conditions and fears (넘어지면 어떡해요, 넘어질까 봐, 넘어질 뻔) are not events: nothing;
- hearsay (-대요, -래요) and the news (뉴스에서 불났대요) are not here: nothing;
- the long past (지난달, 작년에, -었었), or a later "지금은 괜찮아요 / 나았어요": nothing;
  yesterday's event not said to be over: `check` (fainting today stays a `check` even when over);
- expected or almost (넘어질 것 같아요, 넘어질 뻔), things and people a clause only describes
  (나무가 쓰러졌어요, 넘어진 사람 도와줬어요): nothing;
- someone else: at home (남편이 쓰러졌어요, 영감이 숨을 안 쉬어요), in trouble now (옆집 할머니가
  숨을 못 쉬세요) or with a sign of urgency stays; said in the past is a `check` (아버지가
  쓰러지셨어요); with a time before today or a hospital, nothing;
- a softener (좀, 약간, 가끔), a habit (계단 오르면, 걸을 때) or age (나이가 있어서) lowers
  `emergency` to `check`.
The idiom "X어 죽겠다" (배고파 죽겠어요) is an intensifier, never a death wish: 죽 counts only
as a main verb (죽고 싶어요).
"""

from __future__ import annotations

import re

from dialogue.analysis import Analysis
from dialogue.safety import Decision, Finding
from dialogue.safety import ko_lexicon as L
from dialogue.safety.ko_alarm import alarms
from dialogue.safety.ko_asr import repair
from dialogue.safety.ko_body import body
from dialogue.safety.ko_concepts import cluster, concepts
from dialogue.safety.ko_doc import C, Doc, E, Hit
from dialogue.safety.ko_household import household
from dialogue.safety.ko_nets import nets
from dialogue.safety.ko_redflag import question, red_flags
from dialogue.safety.ko_rules import rules
from dialogue.safety.ko_scope import (
    as_a_time,
    describes,
    disowned,
    explained_after,
    hearsay,
    long_standing,
    media,
    modifies_a_noun,
    someone_else,
    subject,
    told_of_now,
)
from dialogue.safety.ko_signs import signs

# Categories where a softener (좀, 가끔) or a habit means "ask", not "act".
_SOFTENABLE = frozenset("cardiac breathing stroke bleeding confusion starvation".split())
_DISTANT = re.compile(L.DISTANT_PAST)
_RECENT = re.compile(L.RECENT_PAST)
_FALL_SERIOUS = frozenset({"cannot get up", "head injury", "broken bone", "on the floor"})


def _scope(d: Doc, hit: Hit) -> Decision | None:
    t = d.t
    ci = d.clause_of(hit.last)
    c = d.clauses[ci]
    s0, s1 = d.sentence_range(c.sentence)
    span = range(c.first, c.last + 1)
    decision = hit.decision
    if hit.category in ("fall", "bleeding", "fire") and d.likely(hit.last):
        return None  # 코피 날 것 같아요, 넘어질 것 같아요: expected, not happened
    if disowned(d, c, s1):
        return None  # 가슴이 아프거나 그런 건 전혀 없어요
    # (from the finding's clause on: 쌀이 떨어진 지 오래돼서 사흘을 굶었어요 is new)
    if long_standing(d, c.first, s1) and not hit.rule.endswith("taken as living"):
        return None  # 다리를 끌고 다닌 지 오래됐어요
    if hit.category == "fire" and describes(d, hit.last):
        return None  # 불이 확 붙는 라이터를 샀어요
    if hit.category in ("fall", "unconscious", "confusion") and someone_else(d, c, hit):
        return None  # 넘어진 사람 도와줬어요, 나무가 쓰러졌어요
    if hit.category != "suicide" and as_a_time(d, hit.last):
        return None  # 숨이 찰 때 먹는 약, 숨을 못 쉰 적이 있어요
    if hit.category != "suicide":
        if c.conditional and not d.polite_request(c):
            return None  # 넘어지면 어떡해요 (not 119 불러 주시면 안 될까요?)
        nxt_c = d.clauses[ci + 1] if ci + 1 < len(d.clauses) else None
        chained = t[c.last].lemma in ("어서", "아서", "서", "고") and nxt_c is not None
        if chained and nxt_c.conditional and "?" in d.text(s0, s1):
            return None  # 내가 넘어져서 못 일어나면 알 수 있어요?: one condition, asked
        if hit.category == "unconscious" and _worn_out(d, hit.last):
            return None  # 대청소했더니 몸이 천근만근이라 쓰러지겠어요
        for j in span:
            if t[j].lemma == "뻔" or (
                t[j].tag == "EC"
                and t[j].lemma.endswith("까")
                and j + 1 < len(t)
                and t[j + 1].lemma in ("보", "걱정", "무섭", "겁")
            ):
                return None  # 넘어질 뻔했어요, 쓰러질까 봐
            if t[j].lemma in ("어도", "아도", "어야", "아야") and j + 1 < len(t):
                embedded = j + 2 < len(t) and (
                    t[j + 2].lemma in ("는지", "ᆫ지", "ᆯ지", "을지")
                    or t[j + 2].lemma.endswith(("다고", "라고"))  # 가야 된다고 (quoted)
                )
                alarm = hit.rule.startswith("alarm")  # 응급실에 가야 될 것 같아요: a need
                if (
                    t[j + 1].lemma in ("되", "하") and not embedded and not alarm
                ):  # (어디로 가야 되는지)
                    return None  # 두 번 먹어도 돼요? 한 알 더 먹어야 하나요?
    nxt = t[hit.last + 1] if hit.last + 1 < len(t) else None
    if nxt is not None and nxt.lemma in ("는지", "ᆫ지", "은지", "ᆯ지", "을지"):
        if question(d, c) or any(x.lemma in ("어떻게", "어떡하") for x in t[s0 : s1 + 1]):
            return None  # 가스 새는지 어떻게 알아요?
    if media(d, s0, s1):
        return None
    quotes = hit.category != "confusion" and not hit.rule.endswith("a threat")  # 죽이겠다고 해요
    if hearsay(d, c.first, s1, quotes) and hit.rule != "asks who I am":
        if not told_of_now(d, c, s1):
            return None
        decision = (
            C  # 아까 넘어갔대요 (what I was told of myself), 마셨대요 … 지금 배를 잡고 있어요
        )
    # A time said at the start of the sentence covers it, unless the clause names its own time.
    own_time = any(x.lemma in L.TODAY or x.lemma == "지금" for x in t[c.first : c.last + 1])
    before = d.text(min(hit.first, c.first) if own_time else s0, c.last)
    today = any(x.lemma in L.TODAY for x in t)
    start = min(hit.first, c.first) if own_time else s0
    distant = _DISTANT.search(before)
    if distant and modifies_a_noun(d, d.t[start].start + distant.end(), hit.first):
        distant = None  # 예전에 타 둔 수면제를 다 먹었어요: the time is the pills', not the act's
    if distant or (any(t[j].lemma == "었었" for j in span) and not today):
        return None
    for j in range(hit.last + 1, len(t)):  # what is said after it: 숨이 찬 건 다 나았어요
        better = t[j].lemma == "좋" and j + 2 < len(t) and t[j + 2].lemma == "지"  # 좋아졌어요
        if (better and not d.negated(j)) or (
            t[j].lemma in L.RESOLVED
            and (
                t[j].tag.startswith(("VA", "VV", "XR"))
                or (t[j].tag == "NNG" and j + 1 < len(t) and t[j + 1].tag == "XSV")  # 회복했어요
            )
            and not (t[j].lemma == "낫" and t[j].tag.startswith("VA"))  # 그게 낫지: better
            and not d.negated(j)
        ):
            if _was_fine(d, j):
                continue  # 얼굴이 삐뚤어졌어요, 아침엔 멀쩡했는데: fine before, so sudden
            if _understated(d, hit.last, j, durative=hit.category == "starvation"):
                return C  # 가슴이 쥐어짜듯 아픈데 괜찮아요: said down, not over: ask
            wish_past = any(x.tag == "EP" and x.lemma in ("었", "았") for x in t[hit.last : j])
            if hit.category == "suicide" and not wish_past:
                continue  # 죽고 싶어요 … 손주 보면 좋아져요: the wish is still now
            hoped = any(x.lemma == "겠" and x.tag == "EP" for x in t[j + 1 : j + 3]) or (
                j > 0 and t[j - 1].tag == "EC" and t[j - 1].lemma.endswith("면")
            )  # 누워 있으면 낫겠지요?: a hope, not a recovery
            if not hoped and not any(x.lemma.endswith("까") for x in t[j : j + 4]):
                if hit.category == "unconscious" and today:
                    return C  # fainted this morning, fine now: still ask
                return None  # …했는데 지금은 괜찮아요
        found = t[j].lemma in ("찾아오", "찾아가", "찾") and t[j].tag.startswith("VV")
        if hit.category == "confusion" and found and not d.negated(j):
            return None  # 어딘지 몰라서 물어물어 찾아왔어요
        if hit.category == "fall" and t[j].lemma in L.UP_AGAIN and not d.negated(j):
            return None  # 넘어졌다가 일어났어요, 지금은 잘 걸으세요
        if (
            hit.category == "fall"
            and t[j].lemma == "다치"
            and any(x.lemma == "없" for x in t[j + 1 : j + 5])
        ):
            return None  # 넘어졌는데 다친 데는 없어요
        if t[j].lemma == "알" and j + 3 < len(t) and t[j + 2].lemma == "보":
            return None  # 알고 보니 음식물 쓰레기 냄새였어요
        seen = any(x.lemma in ("니", "니까", "더니", "았더니") for x in t[j + 1 : j + 3])
        if t[j].lemma == "보" and seen:
            if any(x.lemma in L.HOUSEHOLD | L.OTHERS | L.VISITORS for x in t[j + 2 : j + 6]):
                return None  # 누르길래 봤더니 며느리더라고요
            was = [x for x in t[j + 2 : j + 8] if x.tag == "VCP"]
            if hit.category == "fire" and was and any(x.tag == "EP" for x in t[j + 2 : j + 10]):
                return None  # 연기 나는 것 같아서 봤더니 밥솥 김이었어요
    if hit.category == "fall" and any(
        x.lemma in L.MINOR and x.tag.startswith(("VV", "NN")) for x in t[c.first :]
    ):
        return None  # 넘어져서 무릎이 까졌어요
    prev = d.previous(c)
    who = subject(d, prev.first if prev is not None else c.first, hit.last + 1)
    if _RECENT.search(before):
        if who == "other" and hit.category != "violence":  # (the other one may be the one who hit)
            return None  # 할아버지가 어제 넘어지셨는데
        decision = C
    urgent = any(x.lemma in L.URGENT for x in t)
    if who == "self" and hit.category not in ("violence", "fire", "help"):
        honorific = any(
            t[j].lemma == "시" and t[j].tag == "EP" for j in range(hit.first, c.last + 1)
        )
        if honorific and not any(x.lemma in L.SELF for x in t[s0 : c.last + 1]):
            who = "other"  # 넘어지셨어요: someone the speaker honours, not the speaker
    if who == "other" and not urgent and hit.category not in ("violence", "fire", "help"):
        # (the other person is the one who hits, not the one hurt)
        past = any(
            (t[j].tag == "EP" and t[j].lemma in ("었", "았"))
            or (t[j].tag in ("EF", "EC") and t[j].lemma.startswith("더"))  # 넘어지더라고요
            for j in range(hit.first, s1 + 1)
        )
        cared_for = any(x.lemma in ("병원", "입원", "응급실", "요양원") for x in t)
        if cared_for:
            return None  # 옆집 할머니가 지난주에 넘어져서 지금 병원에 계세요
        if past:
            decision = C  # 아버지가 쓰러지셨어요: when, where? ask
    if hit.category == "fall" and who == "other" and not urgent and _fine_after(d, hit.last):
        return None  # 손주가 넘어졌는데 울다가 금방 웃더라: up and laughing
    if hit.category == "suicide" and who == "other":
        decision = C  # 노인네들 말로는 죽고 싶다 …: someone else's words, still worth asking
    if hit.category == "suicide" and decision == E:
        rest = range(c.first, s1 + 1)
        if any(t[j].lemma in L.SOFTENERS or t[j].lemma == "때" for j in rest) or "?" in d.text(
            s0, s1
        ):
            decision = C  # 살고 싶지 않을 때가 있어요: a red flag to ask about
    if hit.category in ("unconscious", "stroke") and decision == E and explained_after(d, c):
        decision = C  # 영감이 대답을 안 해요 귀가 어두워서: ask, do not act
    if hit.category == "breathing" and decision == E and _exclaimed(d, hit.last, s1):
        decision = C  # 아휴 숨넘어가겠다 (to someone talking too slowly): ask, do not act
    soft_words = any(t[j].lemma in L.SOFTENERS for j in span)
    if hit.soft and hit.category in ("stroke", "bleeding") and decision == C and soft_words:
        return None  # 다리에 힘이 좀 없어요, 피가 조금 났어요
    if hit.soft and hit.category == "breathing" and _baseline(d, ci, span):
        return None  # 계단 오르니까 숨이 좀 차는데 원래 그래요: as always, said so
    if hit.soft and hit.category in _SOFTENABLE and decision == E:
        habit = ci > 0 and d.clauses[ci - 1].conditional
        soft = any(t[j].lemma in L.SOFTENERS or t[j].lemma in ("때", "때마다") for j in span)
        soft = soft or any(x.lemma in L.USUAL for x in t)  # 나이가 있어서, 늘 그래요
        hot = hit.category == "breathing" and any(x.lemma in L.WEATHER for x in t[s0 : s1 + 1])
        soft = soft or hot  # 더워서 숨이 턱턱 막혀요: the heat, or the heart? ask
        if habit or soft:
            decision = C
    return decision


def _worn_out(d: Doc, i: int) -> bool:
    """쓰러지겠어요 (-겠, about to) said with tiredness (천근만근, 피곤, 힘들): exhaustion."""
    t = d.t
    about_to = any(x.lemma == "겠" for x in t[i + 1 : i + 3])
    tired = L.TIRED | frozenset("천근만근 녹초 지치 기진맥진 고단 대청소 청소".split())
    return about_to and any(x.lemma in tired for x in t)


# "Fine" as a state (괜찮아요, 멀쩡해요), not a change (나았어요, 멈췄어요, 가라앉았어요): after a
# sign told in the present it plays the sign down; only after a past sign is it a recovery.
_FINE_STATE = frozenset("괜찮 멀쩡 말짱 거뜬 거뜬하".split())
# 지금은 / 그 뒤로 괜찮아요: a contrast, the sign over
_NOW = frozenset("지금 이제 인제 다 금방 곧 뒤 후 이후 다음".split())
# -니, -니까, -더니 before it: what was done or seen made it fine (누워 있으니 괜찮아요)
_SINCE = frozenset("니 니까 으니 으니까 더니".split())


def _understated(d: Doc, sign: int, j: int, *, durative: bool = False) -> bool:
    """괜찮아요 at `j` after a sign at `sign` told in the present (아픈데, 못 일어나는데), with no
    past ending on the sign's predicate and no 지금/이제 before it: the sign is still going on
    and the caller plays it down (아무것도 못 먹은 지 사흘 됐는데 괜찮아요). `durative`: a sign
    told in the past that lasts until now (사흘째 못 먹었는데 괜찮아요)."""
    t = d.t
    if t[j].lemma not in _FINE_STATE or not t[j].tag.startswith(("VA", "XR")):
        return False
    if t[j - 1].tag == "EC" and t[j - 1].lemma.endswith("면"):
        return False  # 쉬면 괜찮아요: fine on a condition
    if any(x.lemma == "지" and x.tag == "VX" for x in t[j + 1 : j + 3]):
        return False  # 괜찮아졌어요: a change, a recovery
    if any(x.tag == "EC" and x.lemma in _SINCE for x in t[sign + 1 : j]):
        return False  # 약 먹어 보니 괜찮아요
    k = sign + 1
    while not durative and k < j and not t[k].tag.startswith(("EC", "EF", "ETM")):
        if t[k].tag == "EP" and t[k].lemma in ("었", "았", "였", "었었", "았었"):
            return False  # 아팠는데 괜찮아요: over
        k += 1
    return not any(x.lemma in _NOW for x in t[sign + 1 : j])


def _was_fine(d: Doc, j: int) -> bool:
    """멀쩡했는데 (fine until then, but …) at `j`: a time before the onset, not a recovery."""
    t = d.t
    tail = [x for x in t[j + 1 : j + 5] if x.tag in ("EP", "EC", "EF", "XSA", "XSV")]
    past = any(x.tag == "EP" and x.lemma in ("었", "았", "였") for x in tail)
    but = any(x.tag in ("EC", "EF") and x.lemma in ("는데", "ᆫ데", "은데") for x in tail)
    return past and but


def _fine_after(d: Doc, i: int) -> bool:
    """After the fall at `i`, the one who fell laughs or plays again (not negated)."""
    t = d.t
    return any(
        t[j].lemma in ("웃", "놀", "뛰어놀", "장난치") and not d.negated(j)
        for j in range(i + 1, len(t))
        if t[j].tag.startswith("VV")
    )


def _baseline(d: Doc, ci: int, span: range) -> bool:
    """Mild breathlessness (a softener, or on exertion) that the speaker calls their usual
    (원래, 늘, 항상, 평소), or a little (좀) right after exertion: not new, so neither act nor
    ask. Not when it came on suddenly."""
    t = d.t
    usual = any(x.lemma in ("원래", "늘", "항상", "평소", "노상", "맨날") for x in t)
    sudden = any(x.lemma in L.URGENT for x in t)
    soft = any(t[j].lemma in L.SOFTENERS for j in span)
    habit = ci > 0 and d.clauses[ci - 1].conditional  # 계단 올라가면 숨이 차요: still ask
    exerted = soft and _exerted(d, ci)  # 시장 다녀왔더니 숨이 좀 차서 쉬고 있어요
    return not sudden and ((usual and (soft or habit)) or exerted)


_EXERTION = frozenset("다녀오 오르 올라가 올라오 뛰 뛰어다니 운동 청소 장보 일하 등산 계단".split())


def _exerted(d: Doc, ci: int) -> bool:
    """The clause before says what winded the speaker (시장 다녀왔더니, 계단 올라가서)."""
    t = d.t
    if ci == 0:
        s0 = d.sentence_range(d.clauses[ci].sentence)[0]
        return any(x.lemma in ("언덕", "언덕길", "오르막", "오르막길", "계단") for x in t[s0:])
    prev = d.clauses[ci - 1]
    then = t[prev.last].lemma in ("더니", "았더니", "었더니", "니까", "으니까", "어서", "아서")
    s0 = d.sentence_range(d.clauses[ci].sentence)[0]
    uphill = any(x.lemma in ("언덕", "언덕길", "오르막", "오르막길", "계단") for x in t[s0:])
    return (
        uphill
        or (
            then
            and any(  # (밭일 하고 왔더니: the work may be a clause earlier)
                x.lemma in _EXERTION
                or (x.tag == "NNG" and len(x.lemma) > 1 and x.lemma.endswith("일"))
                for x in t[s0 : prev.last + 1]
            )
        )
    )


def _exclaimed(d: Doc, i: int, s1: int) -> bool:
    """The predicate at `i` ends its sentence as a 반말 exclamation of what is about to be
    (넘어가겠다, 막히겠네): said in passing, not a plea."""
    t = d.t
    tail = [x for x in t[i + 1 : s1 + 1] if x.tag.startswith(("EP", "EF"))]
    return any(x.lemma == "겠" for x in tail) and any(
        x.tag == "EF" and x.lemma in ("다", "네", "구나", "군") for x in tail
    )


def findings(analysis: Analysis) -> list[Finding]:
    """Every category the utterance raises, most severe decision per category, in order said."""
    if not analysis.tokens:
        return []
    d = Doc(repair(analysis))
    hits: list[Hit] = []
    for c in d.clauses:
        rules(d, c, hits)
    scoped: list[tuple[Hit, Decision]] = []
    for hit in hits:
        decision = _scope(d, hit)
        if decision is not None:
            scoped.append((hit, decision))
    if not scoped:  # no rule: a critical concept with any predicate is still worth a question
        flags: list[Hit] = []
        for c in d.clauses:
            red_flags(d, c, flags)
        scoped = [(h, dec) for h in flags if (dec := _scope(d, h)) is not None]
        scoped = [(h, C) for h, _ in scoped]
    if not scoped:  # nor a red flag: a concept (a symptom cluster, 갑자기, a euphemism) asks
        flags = []
        cluster(d, flags)
        for c in d.clauses:
            concepts(d, c, flags)
            signs(d, c, flags)
            household(d, c, flags)
            body(d, c, flags)
            alarms(d, c, flags)
            nets(d, c, flags)
        scoped = [(h, C) for h in flags if _scope(d, h) is not None]
    # A fall with no way up, a blow to the head or a broken bone: act now.
    if any(h.rule in _FALL_SERIOUS for h, _ in scoped) and any(h.rule == "fell" for h, _ in scoped):
        scoped = [(h, E if h.category == "fall" else dec) for h, dec in scoped]
    best: dict[str, tuple[Hit, Decision]] = {}
    for hit, decision in scoped:
        old = best.get(hit.category)
        if old is None or decision.rank > old[1].rank:
            best[hit.category] = (hit, decision)
    ordered = sorted(best.values(), key=lambda hd: hd[0].first)
    return [
        Finding(h.category, dec, d.text(h.first, _with_endings(d, h.last)), f"ko:{h.rule}")
        for h, dec in ordered
    ]


def _with_endings(d: Doc, i: int) -> int:
    """The predicate at `i` with its endings, so that evidence reads 쉬세요, not 쉬."""
    t = d.t
    while i + 1 < len(t) and t[i + 1].sentence == t[i].sentence and t[i].tag != "EF":
        aux_next = t[i + 1].tag == "EC" and i + 2 < len(t) and t[i + 2].tag.startswith("VX")
        if not (aux_next or t[i + 1].tag.startswith(("EP", "EF", "VX", "XS", "ETN"))):
            break
        i += 1
    return i
