"""Why the learned extraction layer may withdraw an answer the rules read
(`dialogue.extract_learned.refine`): the analysis finds someone else's experience, another day,
or a question back, in the sentences the answer was read from, and not the day the question
itself asks about."""

from __future__ import annotations

from functools import lru_cache

# Scope features that say why an answer with the item's words answers nothing: someone else's
# experience, another day, a question back (`dialogue.extract_scope`).
REASONS = frozenset({"who:other", "when:past", "when:future"})


def reason(text: str, lang: str, asked: frozenset[str] = frozenset()) -> bool:
    """The analysis finds a reason for "no answer" (see `REASONS`), or the text asks back.
    `asked`: the past days the question itself asks about (`asked_past`): "어제 ... 잠이 안
    오데요" to "어젯밤에 잠은 잘 주무셨어요?" is about the night asked of, not another day;
    "그저께는 못 잤었지" still is another day."""
    from dialogue.extract_scope import scope_features

    found = set(REASONS & set(scope_features(text, lang)))
    if "when:past" in found and asked and lang == "ko":
        from dialogue.analysis import analyze
        from dialogue.extract_scope import _PAST_KO

        said = {t.lemma for t in analyze(text, lang).tokens if t.lemma in _PAST_KO | asked}
        if said and said <= asked:
            found.discard("when:past")
    return text.rstrip().endswith("?") or bool(found)


def answer_part(text: str, evidence: str, lang: str) -> str:
    """The sentences of `text` the rules read their answer from (all of `text` when none
    holds the evidence): "우리 손녀가 시집을 간대요. 새벽에 자꾸 깨서 설쳤어요." is about the
    granddaughter in one sentence and the person's night in the other."""
    from dialogue.analysis.ko_dialect import standard
    from dialogue.guard import sentences
    from dialogue.text import normalize

    pieces = [p.strip() for p in evidence.split("…") if p.strip()]
    parts = sentences(text)
    if not pieces or len(parts) < 2:
        return text
    held = [p for p in parts if any(x in standard(normalize(p), keep_length=False) for x in pieces)]
    return " ".join(held) if held else text


# The past days a Korean question asks about, by the words that name them in the question, as
# the answer's time words (`extract_scope._PAST_KO`) may name them back.
_LAST_NIGHT_KO = frozenset({"어제", "어젯밤", "간밤", "엊저녁", "밤새"})
_RECENT_KO = _LAST_NIGHT_KO | {"그제", "그저께", "지난주", "지난번", "전", "며칠"}
_ASKED_PAST_KO = {"어젯": _LAST_NIGHT_KO, "간밤": _LAST_NIGHT_KO, "지난": _RECENT_KO}
_ASKED_PAST_KO |= {"뒤로": _RECENT_KO, "후로": _RECENT_KO}


@lru_cache(maxsize=256)
def asked_past(questions: tuple[str, ...], lang: str) -> frozenset[str]:
    """The past days an item's questions ask about (last night; the last two weeks; the days
    since the jab), as time words an answer may use for them."""
    if lang != "ko":
        return frozenset()
    out: set[str] = set()
    for question in questions:
        for word, days in _ASKED_PAST_KO.items():
            if word in question:
                out |= days
    return frozenset(out)
