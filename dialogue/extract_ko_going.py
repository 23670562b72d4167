"""A Korean trip out told as a story: "애들 어린이집 데려다주고 오는 길에 김밥 사 먹었어요",
"복지관 가서 점심까지 먹고 왔지요", "성당 갔다 왔어요".

The outing items' keywords name going out (나갔, 다녀왔, 외출했) or a few places (시장, 경로당);
a person who tells of a trip names any place, and says the going with the plain verbs of motion
in one of two shapes, both read on Kiwi morphemes:

- a round trip: a verb of going (가다, 데려다주다) and, later in the same sentence, a verb of
  coming back (오다): 가서 … 왔어요, 갔다 왔어요, 데려다주고 왔어요;
- a place said before a verb of going, or a verb that is a round trip by itself: 시장에
  갔다가, 공판장 가서, 병원 다녀왔어요;
- on the way: a verb of going or coming before 길 (오는 길에, 가는 길에).

Only a going that is not still to come (나가려고, 가면, 내일 가요, 갈 거예요), and, for a
place before a verb of going, said in the past (시장 갔어요, not 시장 가요); with no negation
of the verbs (안/못 before, -지 않/못 after), and with no other person as its subject
(손주가 놀러 왔다 가요):
someone else's visit, a plan (나가려고 기다려요) or a trip not made is no outing.

The item's class that this reading gives is the one whose own keywords say going out (a
keyword whose lemmas hold a verb of going, not negated): no class name is assumed, so any
scenario with an outing item is read the same way.
"""

from __future__ import annotations

from functools import lru_cache

from dialogue.analysis import Analysis, analyze
from dialogue.analysis.ko_lexicon import HOUSEHOLD, KIN, OTHERS
from dialogue.extract_lemmas import keyword_lemmas
from dialogue.scenario import Item

# Verbs (Kiwi stems) of leaving for somewhere, and of coming back from it.
_GO = frozenset("가 나가 다녀오 다니 들르 데리 모시 갔다오 놀러가 나서".split())
_BACK = frozenset("오 다녀오 돌아오 들어오 갔다오".split())
_ROUND = frozenset("다녀오 갔다오 들르".split())  # a round trip in one verb
_WAY = frozenset({"길"})
_HOME = frozenset("집 방 안방 거실 부엌 마당 우리집 댁".split())
_TO = frozenset({"에", "로", "으로", "까지"})
_NEG_BEFORE = frozenset({"안", "못"})
_NEG_AFTER = frozenset({"않", "못하", "말"})
_PEOPLE = (KIN | HOUSEHOLD | OTHERS) - frozenset({"경로당"})
_SUBJECT = frozenset({"JKS", "JX"})
_PAST = frozenset({"었", "았", "였"})
_LATER_WORDS = frozenset("내일 이따 이따가 나중 모레 다음".split())
_PLAN_ENDS = frozenset("려고 으려고 려 ᆯ게 을게 ᆯ래 을래 ᆯ까 을까".split())
# Endings of a going still to come: 나가려고, 가면, 갈 거예요, 가 보게.
_PLAN = frozenset("려고 으려고 려 면 으면 ᆯ 을 ᆯ까 게 자".split())
CONFIDENCE = 0.45  # below the written rules and the safety gate's sure 0.5, as the lemma rules


def _verb(t) -> bool:
    return t.tag.split("-")[0] == "VV"


def _negated(toks: list, i: int) -> bool:
    if i > 0 and toks[i - 1].lemma in _NEG_BEFORE and toks[i - 1].tag == "MAG":
        return True
    for t in toks[i + 1 : i + 5]:
        if t.lemma in _NEG_AFTER and t.tag.startswith("VX"):
            return True
        if _verb(t) or t.tag.startswith("NNG"):
            break
    return False


def went_out(text: str, analysis: Analysis | None = None) -> str:
    """The words of a trip out told in `text` (see above), or "" when none is."""
    analysis = analysis or analyze(text, "ko")
    by_sentence: dict[int, list] = {}
    for t in analysis.tokens:
        by_sentence.setdefault(t.sentence, []).append(t)
    for toks in by_sentence.values():
        if any(_later(t, n) for t, n in zip(toks, [*toks[1:], None], strict=True)):
            continue  # 가 보려고요, 내일 가요, 갈 거예요: still to come
        past = any(t.lemma in _PAST and t.tag == "EP" for t in toks)
        found = _trip(toks, past)
        if found:
            return found
    return ""


def _later(t, n) -> bool:
    if t.lemma in _LATER_WORDS or (t.lemma == "겠" and t.tag == "EP"):
        return True
    if t.tag.startswith("E") and t.lemma in _PLAN_ENDS:
        return True
    return t.tag == "ETM" and t.lemma in ("ᆯ", "을") and n is not None and n.lemma in ("거", "것")


def _trip(toks: list, past: bool) -> str:
    for i, t in enumerate(toks):
        if not _verb(t) or t.lemma not in _GO or _negated(toks, i) or _plan(toks, i):
            continue
        if _someone_else(toks[:i]):
            continue
        modifier = i + 1 < len(toks) and toks[i + 1].tag == "ETM"  # 시간 가는 줄: no trip
        if past and (t.lemma in _ROUND or (_destination(toks[:i]) and not modifier)):
            return f"{toks[i - 1].lemma} {t.lemma}" if i else t.lemma
        for j in range(i + 1, len(toks)):
            u = toks[j]
            if _verb(u) and u.lemma in _BACK and not _negated(toks, j) and not _plan(toks, j):
                return f"{t.lemma} … {u.lemma}"
    for i, t in enumerate(toks[:-2]):  # 오는 길에, 가는 길에: on the way
        if _verb(t) and t.lemma in _GO | _BACK and toks[i + 1].tag == "ETM":
            if toks[i + 2].lemma in _WAY and not _someone_else(toks[:i]):
                return f"{t.lemma} {toks[i + 1].lemma} {toks[i + 2].lemma}"
    return ""


def _destination(before: list) -> bool:
    """Whether the words before a verb of going name where to, and not home: 복지관 (가서),
    시장에 (갔다가), not 집에 (갔어요)."""
    if before and before[-1].tag == "JKB" and before[-1].lemma in _TO:
        before = before[:-1]
    if not before or before[-1].tag not in ("NNG", "NNP"):
        return False
    return before[-1].lemma not in _HOME and before[-1].lemma not in _PEOPLE


def _plan(toks: list, i: int) -> bool:
    return i + 1 < len(toks) and toks[i + 1].lemma in _PLAN and toks[i + 1].tag.startswith("E")


def _someone_else(before: list) -> bool:
    """Whether another person is the subject of the words before the verb (손주가, 영감은)."""
    return any(
        t.lemma in _PEOPLE and n.tag in _SUBJECT for t, n in zip(before, before[1:], strict=False)
    )


@lru_cache(maxsize=256)
def _going_lemmas() -> frozenset[str]:
    return frozenset(lemma + "다" for lemma in _GO | _BACK)


def going_class(item: Item) -> str | None:
    """The class of `item` whose keywords say going out (a verb of going, not negated)."""
    going = _going_lemmas()
    for answer in item.answers:
        for keyword in answer.keywords:
            key = keyword_lemmas(keyword)
            if key and key[0] not in _NEG_BEFORE and going & set(key):
                return answer.answer_class
    return None


def by_going(item: Item, text: str) -> tuple[str | None, str, float]:
    """(class, evidence, confidence) when `text` tells a trip out and `item` has a class for
    it; (None, "", 0.0) otherwise."""
    label = going_class(item)
    if label is None:
        return None, "", 0.0
    evidence = went_out(text)
    if not evidence:
        return None, "", 0.0
    return label, evidence, CONFIDENCE


__all__ = ["by_going", "going_class", "went_out"]
