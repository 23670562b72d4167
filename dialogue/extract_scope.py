"""What the shared language analysis says about an answer, as features for the learned
extraction layer (`dialogue.extract_learned`): negation scope, double negatives, "only a
little", whose experience it is and when it was.

The rules of `dialogue.extract` read keywords; these features mark the same words with their
scope, so a classifier fitted on a few dozen answers per item tells "I ate" from "I didn't
eat" from "I didn't not eat", "my dog is in pain" from "I'm in pain", and "yesterday I
slept badly" from "I slept badly" without a phrase list per class:

- `n:<lemma>`: a content word inside a negation's scope (English: after not/never/no/n't up to
  the next clause; Korean: after 안/못, or before -지 않/못, 없, 아니). Two negations over one
  word cancel (`nn:<lemma>`, "I didn't not eat", "안 먹은 건 아니고").
- `q:little`: a restrictive quantity ("only a little", "just a bit", "조금밖에", "좀만").
- `who:other`: the clause's subject is someone else (he/she/they, "my dog", "남편이"), and
  `who:self` when it is the speaker.
- `when:past` / `when:future` / `when:now`: time words (yesterday, last week / later, tonight /
  today, this morning).
"""

from __future__ import annotations

from dialogue.analysis import Analysis, analyze

_NEG_EN = frozenset("not never no nothing none nor neither without hardly barely".split())
_CLAUSE_EN = frozenset("but and though although so because then yet . ! ? ;".split())
_SELF_EN = frozenset("i me my myself we".split())
_OTHER_EN = frozenset("he she they him her his their it its".split())
_OTHER_NOUNS_EN = frozenset(
    "dog cat neighbour neighbor husband wife son daughter friend sister brother grandson "
    "granddaughter mother father mum mom dad bird pet lady man woman doctor nurse".split()
)
_LITTLE_EN = frozenset("little bit bite mouthful couple few morsel".split())
_ONLY_EN = frozenset("only just barely hardly".split())
_PAST_EN = frozenset("yesterday last ago lastnight".split())
_FUTURE_EN = frozenset("later will tonight tomorrow gonna soon".split())
_NOW_EN = frozenset("today morning now tonight".split())

_NEG_KO_BEFORE = frozenset({"안", "못"})
_NEG_KO_AFTER = frozenset({"않", "못하", "없", "아니", "말"})
_OTHER_KO = frozenset(
    "강아지 개 고양이 남편 영감 할아버지 할머니 아들 딸 며느리 손자 손녀 친구 옆집 이웃 "
    "동생 언니 누나 형 오빠 아저씨 아줌마 엄마 아버지 어머니 사위 마누라 아내 집사람".split()
)
_SELF_KO = frozenset({"나", "저", "내", "제"})
_LITTLE_KO = frozenset({"조금", "좀", "쬐끔", "쪼금", "약간", "몇", "반", "한술", "한입"})
_ONLY_KO = frozenset({"밖에", "만"})
_PAST_KO = frozenset({"어제", "그제", "그저께", "지난주", "지난번", "작년", "전"})
_FUTURE_KO = frozenset({"이따", "나중", "내일", "저녁때", "이따가"})
_NOW_KO = frozenset({"오늘", "아침", "지금", "요즘", "요새"})


def scope_features(text: str, lang: str, analysis: Analysis | None = None) -> list[str]:
    """The features above for `text` (lists may repeat a name; the model takes them as a set)."""
    analysis = analysis or analyze(text, lang)
    if lang == "ko":
        return _ko(analysis)
    return _en(analysis)


def _en(analysis: Analysis) -> list[str]:
    out: list[str] = []
    lemmas = [t.lemma.lower() for t in analysis.tokens]
    tags = [t.tag for t in analysis.tokens]
    negs = 0  # negations open in the current clause
    subject: str | None = None
    for i, (lemma, tag) in enumerate(zip(lemmas, tags, strict=True)):
        if lemma in _CLAUSE_EN or (lemma == "i" and i > 0):
            negs, subject = 0, None
        if lemma in _NEG_EN:
            negs += 1
            continue
        if subject is None and tag in ("PRON", "NOUN"):
            # "my neighbour's dog", "my husband": a possessive names whose by the noun after it
            after = lemmas[i + 1] if i + 1 < len(lemmas) else ""
            if lemma in _OTHER_EN or lemma in _OTHER_NOUNS_EN:
                subject = "other"
            elif lemma in _SELF_EN and not (lemma == "my" and after in _OTHER_NOUNS_EN):
                subject = "self"
            if subject:
                out.append(f"who:{subject}")
        if tag in ("VERB", "NOUN", "ADJ", "ADV") and lemma not in ("do", "be", "have"):
            if negs == 1:
                out.append(f"n:{lemma}")
            elif negs >= 2:
                out.append(f"nn:{lemma}")
            if subject == "other":
                out.append(f"o:{lemma}")
        if lemma in _LITTLE_EN and any(w in _ONLY_EN for w in lemmas[max(0, i - 3) : i]):
            out.append("q:little")
        if lemma in _PAST_EN:
            out.append("when:past")
        elif lemma in _FUTURE_EN or (lemma == "will" and i > 0):
            out.append("when:future")
        if lemma in _NOW_EN:
            out.append("when:now")
    return out


def _ko(analysis: Analysis) -> list[str]:
    out: list[str] = []
    toks = analysis.tokens
    lemmas = [t.lemma for t in toks]
    for i, t in enumerate(toks):
        if t.tag[:2] not in ("VV", "VA", "XR", "NN") or t.tag == "NNB":
            continue
        count = 0
        if i > 0 and lemmas[i - 1] in _NEG_KO_BEFORE and toks[i - 1].tag == "MAG":
            count += 1
        # "-지 않", "-ㄴ 건 아니": a negation within the next few morphemes, before a verb
        for a, nxt in zip(lemmas[i + 1 : i + 6], toks[i + 1 : i + 6], strict=False):
            if a in _NEG_KO_AFTER:
                count += 1
                break
            if nxt.tag[:2] in ("VV", "VA") or nxt.tag.startswith("NNG"):
                break
        if count == 1:
            out.append(f"n:{t.lemma}")
        elif count >= 2:  # "안 먹은 건 아니고": two negations cancel
            out.append(f"nn:{t.lemma}")
    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t.lemma in _OTHER_KO and nxt is not None and nxt.tag in ("JKS", "JX", "JKG"):
            out.append("who:other")
        if t.lemma in _SELF_KO and t.tag.startswith("NP"):
            out.append("who:self")
        if t.lemma in _LITTLE_KO:
            out.append("q:little")
            if any(x in _ONLY_KO for x in lemmas[i + 1 : i + 3]):
                out.append("q:only_little")
        if t.lemma in _PAST_KO:
            out.append("when:past")
        elif t.lemma in _FUTURE_KO:
            out.append("when:future")
        if t.lemma in _NOW_KO:
            out.append("when:now")
    return out
