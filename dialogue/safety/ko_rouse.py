"""Someone roused and not responding: an unconscious person present, `emergency`.

The shape, not a phrase: an attempt to rouse (깨우, 흔들, 부르, 두드리, 꼬집, 건드리...) in the
concessive (-어도, -어 봐도: "however I try"), then, later in the same sentence, no response:
a waking or answering verb negated (안 일어나요, 눈을 안 떠요, 안 깨여, 대답을 안 해요), a
response noun with 없 (대답이 없어요, 반응이 없고), or stillness (꼼짝/꿈쩍/미동 + a negator).
아무리 깨워도 안 일어나요 and 불러도 대답이 없어요 are the same finding in any wording.

Not an emergency, the rule stays silent:
- a sleeper's habit or a reason in the sentence (늦잠, 잠꾸러기, 코를 골, 곯아떨어지, 원래,
  맨날, 귀가 어두워서, 보청기);
- a consequence told after it (깨워도 안 일어나서 학교에 늦었어요): a story, not an alarm,
  unless it is urgent (119, 빨리, 어떡해);
- the phone (전화를 아무리 해도 안 받아요): someone elsewhere, not someone here;
- the failed response describing a noun (깨워도 안 일어나는 잠꾸러기).
Conditions, the past, hearsay and the news are `safety.ko`'s scope, as for every finding.
"""

from __future__ import annotations

from dialogue.safety import ko_lexicon as L
from dialogue.safety.ko_doc import Clause, Doc, E, Hit

# Ways to rouse someone (lemmas as Kiwi gives them).
ROUSE = frozenset(
    "깨우 흔들 흔들어깨우 부르 불르 두드리 꼬집 건드리 치 때리 주무르 소리치 소리지르 "
    "외치 찌르 꼬집어보 흔들어보 만지".split()
)
_CONCESSIVE = frozenset("어도 아도 도 어두 아두 여도 해도".split())
# Waking, opening the eyes, answering, moving: what a conscious person does when roused.
RESPOND = frozenset(
    "깨 깨어나 일어나 뜨 대답하 반응하 움직이 꿈틀하 꿈쩍하 꼼짝하 대꾸하 눈뜨 정신차리 "
    "차리".split()
)
RESPONSE_NOUNS = frozenset("대답 반응 대꾸 기척 인기척 말 소리 답 의식".split())
STILL = frozenset("꼼짝 꿈쩍 미동 옴짝달싹 까딱".split())
# A sleeper's habit, a deaf ear, a phone: roused and silent for an everyday reason.
EVERYDAY = frozenset(
    "늦잠 잠꾸러기 잠보 잠귀 코 코골이 곯아떨어지 원래 맨날 만날 항상 늘 매일 아침마다 "
    "주말 귀 보청기 전화 문자 카톡 핸드폰 휴대폰 연락 학교 출근 게으르 피곤하".split()
)
_CAUSAL = frozenset("어서 아서 서 니까 으니까 길래 어 가지고".split())
_URGENT = frozenset("119 빨리 얼른 어떡하 어떻하 어떻게 큰일 구급차 제발 숨".split())


def roused(d: Doc, c: Clause, out: list[Hit]) -> None:
    """Add an `emergency` when clause `c` says someone roused does not respond."""
    t = d.t
    s0, s1 = d.sentence_range(c.sentence)
    tried = [i for i in range(s0, c.last) if t[i].lemma in ROUSE and _concessive(d, i, s1)]
    if not tried:
        return
    failed = _no_response(d, c, tried[0])
    if failed is None:
        return
    sentence = [x.lemma for x in t[s0 : s1 + 1]]
    if any(w in EVERYDAY for w in sentence):
        return
    if _told_as_cause(d, failed, s1) and not any(w in _URGENT for w in sentence):
        return
    out.append(Hit("unconscious", E, tried[0], failed, "roused, no response", soft=False))


def _concessive(d: Doc, i: int, s1: int) -> bool:
    """깨워도, 흔들어 봐도, 불러 봐도: the attempt at `i` made "however I try"."""
    t = d.t
    for j in range(i + 1, min(i + 4, s1 + 1)):
        if t[j].lemma in _CONCESSIVE and t[j].tag.startswith("E"):
            return True
        if not (t[j].tag.startswith(("E", "VX")) or t[j].lemma == "보"):
            return False
    return False


def _no_response(d: Doc, c: Clause, after: int) -> int | None:
    """Index of the failed response in clause `c`, after the attempt at `after`."""
    t = d.t
    for i in range(max(c.first, after + 1), c.last + 1):
        tok = t[i]
        if tok.lemma in RESPOND and tok.tag.startswith(("VV", "VA", "NN")) and d.negated(i):
            return None if _describes(d, i) else i
        if tok.lemma in RESPONSE_NOUNS and tok.tag.startswith("NN"):
            gone = [j for j in range(i + 1, c.last + 1) if t[j].lemma == "없" and t[j].tag == "VA"]
            if gone and not _describes(d, gone[0]):
                return gone[0]
            said = [j for j in range(i + 1, c.last + 1) if t[j].lemma == "하" and d.negated(j)]
            if said and not _describes(d, said[0]):
                return said[0]  # 대답을 안 해요
        if tok.lemma in STILL and any(
            x.lemma in L.NEGATORS | {"않", "못하"} for x in t[i + 1 : c.last + 1]
        ):
            return i
    return None


def _describes(d: Doc, i: int) -> bool:
    """The predicate at `i` modifies a noun (안 일어나는 잠꾸러기): a description."""
    t = d.t
    for j in range(i + 1, min(i + 4, len(t))):
        if t[j].tag == "ETM":
            return True
        if not t[j].tag.startswith(("EP", "VX")) and t[j].lemma not in ("지", "않"):
            return False
    return False


def _told_as_cause(d: Doc, i: int, s1: int) -> bool:
    """깨워도 안 일어나서 학교에 늦었어요: the failure is the reason for what follows."""
    t = d.t
    for j in range(i + 1, min(i + 5, s1 + 1)):
        if t[j].tag == "EC":
            return t[j].lemma in _CAUSAL and j < s1 and t[j + 1].tag != "SF"
        if t[j].tag in ("EF", "SF"):
            return False
    return False
