"""Scope helpers of `safety.ko`: is a finding someone else's, hearsay, a story, long past,
denied, a time rather than an event? Each looks at the utterance around a finding; `safety.ko`
decides what they mean for the decision.
"""

from __future__ import annotations

from dialogue.safety import ko_lexicon as L
from dialogue.safety.ko_doc import Clause, Doc, Hit

_QUOTE = frozenset("고 다고 라고 냐고 ᆫ다고 는다고".split())  # 쉬어 간다고 하잖아요


def explained_after(d: Doc, c: Clause) -> bool:
    """A reason given for it (대답을 안 해요 귀가 어두워서), or a habit (요즘 … 잘 안 해요)."""
    last = d.clauses[-1]
    reasons = ("어서", "아서", "서", "니까", "으니까")
    if last is not c and d.t[last.last].lemma in reasons:
        return True
    prev = d.previous(c)
    habit = any(x.lemma in L.USUAL | {"요즘", "요새", "가끔"} for x in d.t[: c.last + 1])
    before = prev is not None and d.t[prev.last].lemma in reasons and habit
    return before or (habit and d.has(c, frozenset({"잘"})))  # 요즘 … 대답을 잘 안 해요


def hearsay(d: Doc, first: int, last: int, quotes: bool = True) -> bool:
    """Said by others, not seen here. With `quotes` False (confusion), never: what a confused
    person says (누구냐고 해요, 집에 보내 달래요) is the sign, not a story about it."""
    t = d.t
    near = L.HOUSEHOLD | {"엄마", "어머니", "아버지", "아빠", "지금", "갑자기", "아까", "방금"}
    if not quotes and any(x.lemma in near for x in t):
        return False  # (사촌 언니가 요즘 사람을 못 알아본대요 is still a story)
    for j in range(first, last + 1):
        tok = t[j]
        said = tok.lemma.endswith(("래요", "대요")) and not tok.lemma.startswith(("ᆯ", "을"))
        if tok.tag == "EF" and (tok.lemma in L.HEARSAY_EF or said):  # not 불러 줄래요
            return True
        if tok.tag == "ETM" and tok.lemma.endswith(("다는", "라는", "대는")) and j + 1 < len(t):
            if t[j + 1].lemma in ("얘기", "이야기", "소식", "소문", "말", "소리"):
                return True  # 쓰러졌다는 얘기 들었어요
        if tok.tag in ("JKQ", "EC") and tok.lemma in _QUOTE:
            k = j + 2 if j + 2 < len(t) and t[j + 1].lemma == "들" else j + 1  # 하냐고들 하는데
            after = t[k] if k < len(t) else None
            told = ("하", "그러", "듣", "말하", "카", "연락", "전화", "문자", "소식")
            if after is not None and after.lemma in told:  # 수술했다고 연락 왔어요
                now = not any(x.tag == "EP" or x.lemma.startswith("더") for x in t[k + 1 : k + 3])
                if quotes or not now:
                    return True
    return False


def modifies_a_noun(d: Doc, offset: int, before: int) -> bool:
    """The first predicate after `offset` (a time's end), before the finding's first word, only
    describes a noun (예전에 타 둔 수면제를 다 먹었어요; not 예전에 먹었던 건)."""
    t = d.t
    for j, tok in enumerate(t):
        if tok.start < offset or not tok.tag.startswith(("VV", "VA")):
            continue
        if j >= before:
            return False
        for x in t[j + 1 : j + 5]:
            if x.tag == "ETM":
                return True
            if not x.tag.startswith(("E", "VX")) or x.tag in ("EF",):
                return False
        return False
    return False


def told_of_now(d: Doc, c: Clause, s1: int) -> bool:
    """Hearsay about here and now: the speaker told what happened to them today (애들이 봤대요),
    or someone at home whose trouble goes on now (… 마셨대요, 지금 배를 잡고 있어요)."""
    t = d.t
    s0, _ = d.sentence_range(c.sentence)
    today = any(x.lemma in L.TODAY for x in t[s0 : s1 + 1])
    kin = any(x.lemma in L.HOUSEHOLD for x in t[s0 : s1 + 1]) or family(d, s0, s1)
    others = any(x.lemma in L.OTHERS for x in t[s0 : c.last + 1])
    after = [x for x in t[s1 + 1 :]]
    now = any(x.lemma in ("지금", "방금") for x in after) and not any(
        x.tag == "EF" and x.lemma in L.HEARSAY_EF for x in after
    )
    now = now or with_me(d, s1) or says_now(d, c.first, s1)
    # 딸이 그러는데 내 입술이 퍼렇대요: in the clause told, the speaker is the one it is about
    mine = any(
        x.lemma in L.SELF and x.tag == "NP" and y.tag in ("JKS", "JKG")
        for x, y in zip(t[c.first : c.last], t[c.first + 1 : c.last + 1], strict=False)
    )
    return (today and not kin and not others) or (kin and now) or (mine and not past_told(d, s1))


def past_told(d: Doc, s1: int) -> bool:
    """The hearsay is of a time gone: a past tense before the hearsay ending (쓰러졌었대요)."""
    t = d.t
    return any(x.tag == "EP" and x.lemma in ("었었", "았었") for x in t[: s1 + 1])


_FAMILY = frozenset(
    "아들 딸 며느리 사위 손자 손녀 손주 엄마 어머니 엄니 아버지 아버님 어머님 아빠 언니 동생 "
    "형 오빠 누나 자식 양반 애".split()
)
_AWAY = frozenset("옆집 이웃 친구 동네 사촌 친척 회사 학교 동료 아는 친정 시댁 시골".split())


def family(d: Doc, s0: int, s1: int) -> bool:
    """A child or parent named as the speaker's own (우리 딸, 우리 집 양반, 아들이 …), not one
    placed elsewhere (친구 아들, 옆집 딸, 사촌 동생): who may well be in the house."""
    t = d.t
    for j in range(s0, s1 + 1):
        if t[j].lemma in _FAMILY and t[j].tag.startswith("NN"):
            lead = [x.lemma for x in t[max(s0, j - 3) : j]]
            if not any(w in _AWAY for w in lead):
                return True
    return False


def with_me(d: Doc, s1: int) -> bool:
    """After the hearsay, the speaker says the person is here: 지금 옆에 있어요, 제 옆에서요,
    여기 같이 있어요."""
    t = d.t
    for j in range(s1 + 1, len(t)):
        if t[j].lemma in ("옆", "곁") and t[j].tag.startswith("NN"):
            return True
        if t[j].lemma == "여기" and any(x.lemma == "있" for x in t[j + 1 : j + 4]):
            return True
    return False


_QUOTED = frozenset("다고 대요 대 단다 답니다 다네 다니까".split())


def says_now(d: Doc, first: int, s1: int) -> bool:
    """Hearsay of a present state or intent: -겠대요, -겠다고 해요 (숨을 못 쉬겠대요, 피우겠다고
    해요), the telling not in the past (not 그러겠다고 했어요)."""
    t = d.t
    for j in range(first, s1):
        if t[j].lemma == "겠" and t[j].tag == "EP" and t[j + 1].lemma in _QUOTED:
            told = [x for x in t[j + 2 : s1 + 1] if x.tag == "EP"]
            if not any(x.lemma in ("었", "았", "였") for x in told):
                return True
    return False


def someone_else(d: Doc, c: Clause, hit: Hit) -> bool:
    """The fall belongs to a thing (나무가 쓰러졌어요) or to a person it describes (넘어진 사람)."""
    t = d.t
    i = hit.last
    while i + 1 < len(t) and t[i + 1].tag == "EP":
        i += 1  # 쓰러지신 시어머니
    if i + 2 < len(t) and t[i + 1].tag == "ETM" and t[i + 2].tag == "NNG":
        return True
    return any(
        t[j].lemma in L.THINGS and j + 1 < len(t) and t[j + 1].tag in ("JKS", "JX")
        for j in range(c.first, i)
    )


def media(d: Doc, s0: int, s1: int) -> bool:
    """The sentence tells a story from the news or the television, not what happens here."""
    t = d.t
    for j in range(s0, s1 + 1):
        if t[j].lemma in L.MEDIA_STORY:
            return True
        if t[j].lemma in L.MEDIA_DEVICE and j + 1 <= s1:
            nxt = t[j + 1]
            if nxt.lemma in ("에서", "에", "서") or (
                nxt.tag.startswith("VV") and nxt.lemma == "나오"
            ):
                return True
    return False


def subject(d: Doc, first: int, upto: int) -> str:
    """ "self", "household" or "other": who the clause is about, from the nearest person."""
    who = "self"
    t = d.t
    for j in range(first, upto):
        tok = t[j]
        nxt = t[j + 1] if j + 1 < len(t) else None
        if nxt is not None and nxt.tag in ("JKB", "JKO", "JKG", "JC"):
            continue  # 아들한테, 남편을, 친구의, 남편하고: not the subject
        if tok.lemma in L.SELF and tok.tag == "NP":
            who = "self"
        elif tok.lemma in L.HOUSEHOLD and tok.tag.startswith("NN"):
            neighbour = j > 0 and t[j - 1].lemma in L.OTHERS  # 옆집 할아버지
            who = "other" if neighbour else "household"
        elif tok.lemma in L.OTHERS and tok.tag.startswith("NN"):
            who = "other"
    return who


_SIGNS = frozenset("소리 냄새 내 연기 느낌 기운 기척 것 거".split())


def long_standing(d: Doc, s0: int, s1: int) -> bool:
    """…ㄴ 지 오래됐어요, …ㄴ 지 몇 년 됐어요: a state of long standing, not an event."""
    t = d.t
    for j in range(s0, s1):
        if t[j].lemma == "지" and t[j].tag == "NNB":
            after = [x.lemma for x in t[j + 1 : min(j + 5, s1 + 1)]]
            if any(a.startswith("오래") or a in ("년", "해", "한참", "달") for a in after):
                return True
    return False


_EXAMPLES = frozenset("거나 든지 든가 던가 다거나".split())


def disowned(d: Doc, c: Clause, s1: int) -> bool:
    """The clause is an example (…거나, …든지) that the sentence then denies: 그런 건 없어요."""
    t = d.t
    if t[c.last].lemma not in _EXAMPLES:
        return False
    rest = t[c.last + 1 : s1 + 1]
    that = any(x.lemma in ("그런", "그렇", "그러", "이런", "그거", "그것") for x in rest)
    ors = [k for k, x in enumerate(rest) if x.tag == "EC" and x.lemma in _EXAMPLES]
    after = rest[ors[-1] + 1] if ors and ors[-1] + 1 < len(rest) else (rest[0] if rest else None)
    that = that or (after is not None and after.lemma in ("하", "그러"))  # …차거나 하진 않아요
    # 숨이 차거나 가슴이 답답한 건 없어요: the last example's "건 없어요" denies them all
    thing = any(
        a.lemma in ("거", "것") and b.tag == "JX" for a, b in zip(rest, rest[1:], strict=False)
    )
    denied = any(x.tag == "VCN" or x.lemma in ("없", "않") for x in rest)
    return (that or thing) and denied


def describes(d: Doc, i: int) -> bool:
    """The predicate at `i` only describes the noun after it (불이 붙는 라이터)."""
    t = d.t
    if not (i + 2 < len(t) and t[i + 1].tag == "ETM" and t[i + 2].tag == "NNG"):
        return False
    return t[i + 2].lemma not in _SIGNS  # 가스 새는 소리, 타는 냄새: the sign of it, still here


def as_a_time(d: Doc, i: int) -> bool:
    """The predicate at `i` names a time or an experience, not an event: 숨이 찰 때 (when),
    숨을 못 쉰 적이 있어요 (once, long ago). 넘어졌을 때 (when I fell) is still an event."""
    t = d.t
    for j in range(i + 1, min(i + 6, len(t))):
        if t[j].tag == "ETM" and j + 1 < len(t):
            nxt = t[j + 1].lemma
            past = any(x.tag == "EP" for x in t[i + 1 : j])
            return nxt == "적" or (nxt in ("때", "경우") and not past)
        if not t[j].tag.startswith(("E", "VX")):
            return False
    return False
