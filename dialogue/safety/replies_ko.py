"""Korean signals in a reply to a safety check question, read from Kiwi's morphemes
(`dialogue.analysis.ko`): interjections (네, 아니요), the negators 안/못 and the predicate they
scope over, 괜찮다/없다, 모르다/글쎄, 좀/조금, endings and spacing left to Kiwi.

`signals(analysis)` returns `Signal`s in the order said (see `dialogue.safety.replies`).
"""

from __future__ import annotations

from dialogue.analysis import Analysis
from dialogue.safety.replies_base import Signal

_YES_IC = {"네", "예", "응", "어", "그래", "그럼", "그렇지", "맞아", "넵", "예예", "네네"}
_NO_IC = {"아니", "아니요", "아뇨", "아냐", "아니오", "아니야", "안", "노"}
_FINE = {"괜찮", "멀쩡하", "멀쩡", "말짱하", "괜찬", "문제없"}
_HEDGE = {"좀", "조금", "약간", "살짝", "쪼금", "쫌", "다소"}
_UNSURE = {"모르", "글쎄", "글쎄요", "헷갈리"}
_REPEAT_WORDS = {"뭐", "뭣", "무슨", "다시", "예", "네", "응", "어"}
# Negated, these predicates are the symptom ("안 멈춰요": it does not stop), not a no.
_REVERSE = {"멈추", "멎", "그치", "낫", "움직이", "쉬", "쉬어지", "나오", "일어나", "보이",
            "들", "듣", "들리", "되", "잡히", "먹", "마시", "가라앉"}  # fmt: skip
_HEAR = {"들리", "듣", "알아듣", "들"}
# "힘이 없어요" (no strength) is a sign, not a no.
_LACKING_IS_SIGN = {"힘", "기운", "감각", "느낌", "정신", "숨", "기억", "말"}
_PREDICATE = ("VV", "VA", "VX", "VCN", "XSV", "XSA")
_CONTENT = ("NNG", "NNP", "VV", "VA", "VA-I", "VV-I", "VV-R", "VA-R", "SN", "XR")


def signals(analysis: Analysis) -> list[Signal]:
    toks = list(analysis.tokens)
    out: list[Signal] = []
    n = len(toks)
    for i, t in enumerate(toks):
        lem, tag = t.lemma, t.tag.split("-")[0] if t.tag.startswith("V") else t.tag
        nxt = toks[i + 1] if i + 1 < n else None
        prev = toks[i - 1] if i else None
        question = nxt is not None and nxt.surface.startswith("?")
        before = [x for x in toks[:i] if x.tag not in ("SF", "SP", "SE", "SS", "SW")]
        if t.tag == "IC" and lem in _YES_IC | {"예", "네"} and question:
            out.append(Signal("repeat", i))  # 네? 예?: "pardon?"
        elif t.tag == "IC" and lem in _YES_IC:
            out.append(Signal("yes", i))
        elif t.tag == "IC" and lem in _NO_IC:
            out.append(Signal("no", i))
        elif lem == "아니" and tag == "VCN":
            out.append(Signal("no", i))  # 아니에요
        elif lem in ("맞", "그렇") and _leads(before) and not _negated_after(toks, i):
            # 맞아요, (좀) 그래요; 그런가? is doubt
            out.append(Signal("unsure" if _wonders(toks, i) else "yes", i))
        elif lem == "그런" and nxt is not None and nxt.lemma in ("것", "거") and _leads(before):
            out.append(Signal("yes", i) if not _lacks(toks, i) else Signal("no", i))
        elif lem in _FINE and tag in ("VA", "VV", "XR"):
            out.append(Signal("no", i))
        elif lem == "없" and tag == "VA":
            noun = next((x.lemma for x in reversed(before) if x.tag.startswith("NN")), "")
            out.append(Signal("inability" if noun in _LACKING_IS_SIGN else "no", i))
        elif lem in ("안", "못") and t.tag == "MAG":
            out.append(_negated(toks, i))
        elif lem in ("않", "못하") and tag == "VX":
            out.append(Signal("no" if lem == "않" else "inability", i))
        elif lem in _HEDGE:
            out.append(Signal("hedge", i))
        elif lem in _UNSURE or (lem == "글" and nxt is not None and nxt.lemma == "세"):
            out.append(Signal("unsure", i))
        elif lem == "잘" and nxt is not None and nxt.tag.startswith(("VV", "VA", "XSV")):
            if nxt.lemma in _DOING_FINE and not _negated_after(toks, i):
                out.append(Signal("no", i))  # 잘 걸어요, 말도 잘 해요: doing fine
        elif lem == "기억" and _negated_after(toks, i):
            out.append(Signal("unsure", i))
        elif lem in ("뭐", "뭣") and (question or _quoting(toks, i) or n <= 3):
            out.append(Signal("repeat", i))
        elif lem == "무슨" and nxt is not None and nxt.lemma in ("말", "소리"):
            out.append(Signal("repeat", i))
        elif lem == "다시" and (question or _asks(toks, i) or n <= 3):
            out.append(Signal("repeat", i))
        elif lem == "크" and _asks(toks, i):
            out.append(Signal("repeat", i))
        elif lem == "끊기" or lem == "끊" and prev is not None and prev.lemma == "전화":
            out.append(Signal("repeat", i))
        elif t.tag in _CONTENT or t.tag.startswith(("VV", "VA")):
            if not out or out[-1].at < i:
                out.append(Signal("content", i))
    return out


def predicates(analysis: Analysis, asked: frozenset[str] | None) -> set[int]:
    """Indices of the verbs and adjectives of `analysis` (not negated by 안/못/않); with
    `asked`, only those whose lemma is one of `asked`."""
    toks = analysis.tokens
    out = set()
    for i, t in enumerate(toks):
        if not t.tag.startswith(("VV", "VA")) or t.lemma in _LIGHT_PREDICATES:
            continue
        if asked is not None and t.lemma not in asked | COMPLAINTS:
            continue
        near = [x.lemma for x in toks[max(0, i - 2) : i + 4]]
        if not any(n in ("안", "못", "않", "없") for n in near):
            out.add(i)
    return out


# 잘 + one of these: getting about, breathing, speaking fine (잘 걸어요, 잘 지내요).
_DOING_FINE = {"하", "걷", "움직이", "쉬", "말하", "일어나", "보이", "다니", "지내", "쉬어지"}
# Said of oneself, not negated, in reply to a red-flag question: a complaint, read as a yes
# when no no was said ("아파요", "어지러워요").
COMPLAINTS = {"아프", "저리", "조이", "어지럽", "답답하", "힘들", "쑤시", "결리", "뻐근하",
              "메스껍", "따갑", "붓", "떨리", "마비"}  # fmt: skip
_LIGHT_PREDICATES = {"하", "되", "있", "계시", "그렇", "이", "먹", "드시"}


def _leads(before) -> bool:
    """Only interjections, adverbs and hedges before it since the last sentence ended: 좀
    그래요, 네 그래요 (not 외로워서 그래요, "it is because I'm lonely")."""
    if before and before[-1].lemma in ("안", "못", "왜", "어떻", "뭐", "어째", "어떻게"):
        return False  # 안 그래요: a no; 왜 그래요?: "why?"
    for x in reversed(before):
        if x.tag == "EF":
            return True
        if x.tag not in ("IC", "MAG", "JX"):
            return False
    return True


def _wonders(toks, i: int) -> bool:
    """그런가?, 그런가요, 맞나?: the person wonders (doubt), not a yes."""
    after = toks[i + 1 : i + 3]
    endings = ("ㄴ가", "ᆫ가", "나", "가", "ㄴ가요", "ᆫ가요")
    return any(x.surface.startswith("?") or x.lemma in endings for x in after)


def _lacks(toks, i: int) -> bool:
    return any(x.lemma == "없" for x in toks[i + 1 : i + 4])


def _negated_after(toks, i: int) -> bool:
    return any(x.lemma in ("안", "못", "없", "않") for x in toks[i + 1 : i + 4])


def _quoting(toks, i: int) -> bool:
    """뭐라고(요), 뭐라구요, 뭐라고 하셨어요: "what did you say"."""
    return any(x.lemma.startswith("라") or x.surface.startswith("라") for x in toks[i + 1 : i + 4])


def _asks(toks, i: int) -> bool:
    """A request follows (말해 주세요, 말해 줘요): "say it again", "speak up"."""
    return any(x.lemma in ("말하", "말", "주", "하") for x in toks[i + 1 : i + 5])


def _negated(toks, i: int) -> Signal:
    """안/못 and the predicate after it: 안 아파요 is a no, 안 들려요 asks to repeat,
    안 멈춰요 / 못 일어나요 / 숨이 안 쉬어져요 are the symptom."""
    pred = next((x for x in toks[i + 1 : i + 4] if x.tag.startswith(_PREDICATE)), None)
    lemma = pred.lemma if pred is not None else ""
    if lemma in _HEAR:
        return Signal("repeat", i)
    if toks[i].lemma == "못" or lemma in _REVERSE:
        return Signal("inability", i)
    return Signal("no", i)
