"""Opt-out: hearing "please don't call me again" / "이제 전화하지 마세요", and the one
confirmation question that follows it.

`is_opt_out(text, language)` judges one utterance through the shared language analysis
(`dialogue.analysis`: lemmas for English, Kiwi morphemes for Korean), so "calling", "called"
and 전화하지/전화 걸지 are one word each. Negation matters both ways: "don't call me again" is an
opt-out, "don't stop calling me" is not, nor is "don't call the doctor" (someone else is meant)
or a question ("will you call me again?").

`OptOutFlow` holds the call's side of it: an opt-out (heard, or the scenario's `optout` DTMF
key) is confirmed once ("Do you want us to stop calling you?"); yes ends the call with the
outcome `opted_out` (the campaign then puts the number on its do-not-call list), no goes back
to the question that was open. No I/O; the engine calls `hear` before its own flow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from dialogue.analysis import Token, analyze

# -- English -------------------------------------------------------------------------------

_CALL = {"call", "phone", "ring", "contact", "bother"}
_NEG = {"not", "never", "n't"}
_STOP = {"stop", "quit", "cease"}
_SELF = {"me", "us", "here", "this", "again", "anymore", "any", "now", "these", "those"}
_FILLER = {"please", "do", "want", "you", "to", "ever", "need", "have", "would", "bother", "i"}
_EN_PHRASES = re.compile(
    r"\b(take me off|remove me from|unsubscribe|opt(?:ing)? out|do[- ]not[- ]call list"
    r"|no more (?:phone )?calls|rather you (?:did not|didn't) call)\b"
)


def _en_target_ok(lemmas: list[str], i: int) -> bool:
    """After the call verb at `i`: the person themself (me, this number), "again/anymore",
    or nothing; not someone else ("my daughter", "the doctor", "him")."""
    after = lemmas[i + 1 : i + 3]
    return not after or after[0] in _SELF or after[0] in {".", ",", "!"} or after[0] == "please"


def _en_sentence(tokens: list[Token], text: str) -> bool:
    if text.rstrip().endswith("?") and not re.match(
        r"\s*(please\s*,?\s*)?(could|can|would|will) you (please )?stop", text, re.IGNORECASE
    ):
        return False  # a question about calls, except a polite request to stop
    low = text.lower().replace("’", "'")
    if _EN_PHRASES.search(low) and not re.search(r"\b(do not|don't) (want to )?opt", low):
        return True
    lem = [t.lemma for t in tokens]
    for i, word in enumerate(lem):
        if word in _STOP and i + 1 < len(lem):
            nxt = lem[i + 1 : i + 3]
            if not any(w in _CALL for w in nxt):
                continue
            j = i + 1 + next(k for k, w in enumerate(nxt) if w in _CALL)
            negated = any(w in _NEG or w in {"can", "do"} and "not" in lem[:i] for w in lem[:i])
            if negated or not (_en_target_ok(lem, j) or lem[j - 1] in {"these", "the", "your"}):
                continue
            if "if" in lem[:i] or "him" in lem[j:] or "her" in lem[j:] or "them" in lem[j:]:
                continue
            return True
        if word in _NEG:
            if i > 0 and lem[i - 1] == "if" or "if" in lem[max(0, i - 3) : i]:
                continue
            for j in range(i + 1, min(len(lem), i + 6)):
                if lem[j] in _STOP or lem[j] not in _FILLER | _CALL:
                    break
                if lem[j] in _CALL and lem[j] != "bother":
                    subject = lem[:i]
                    if subject and subject[-1] == "do" and subject[:-1] and subject[0] == "i":
                        # "I didn't call my daughter": only a want/need is a request
                        if not {"want", "need"} & set(lem[i:j]):
                            break
                    if lem[j + 1 : j + 2] == ["anyone"] or not _en_target_ok(lem, j):
                        break
                    return True
            if lem[i + 1 : i + 3] in (["want", "these"], ["want", "any"], ["want", "your"]):
                if "call" in lem[i + 3 : i + 6]:
                    return True
    return False


def _english(text: str) -> bool:
    analysis = analyze(text, "en")
    by_sentence: dict[int, list[Token]] = {}
    for token in analysis.tokens:
        by_sentence.setdefault(token.sentence, []).append(token)
    for tokens in by_sentence.values():
        span = text[tokens[0].start : tokens[-1].end + 1] if tokens else ""
        if _en_sentence(tokens, span):
            return True
    return False


# -- Korean --------------------------------------------------------------------------------

_KO_CALL = {"전화", "연락"}
_KO_PHRASES = re.compile(r"(명단에서\s*(빼|지워)|수신\s*거부|전화\s*(필요|안\s*필요)\s*없)")
_KO_DO = {"하", "걸", "주", "드리"}  # the verbs that make 전화/연락 a call made to me


def _korean(text: str) -> bool:
    if _KO_PHRASES.search(text):
        return True
    tokens = analyze(text, "ko").tokens
    lem = [t.lemma for t in tokens]
    tags = [t.tag for t in tokens]
    if text.rstrip().endswith("?") or any(t in {"한테", "에게", "께"} for t in lem):
        return False  # a question, or a call to someone else (딸한테 전화해)
    for i, word in enumerate(lem):
        if word not in _KO_CALL and not (word == "그만" and _KO_CALL & set(lem[i + 1 : i + 3])):
            continue
        rest, rtags = lem[i + 1 : i + 8], tags[i + 1 : i + 8]
        if "에" in lem[max(0, i - 2) : i]:  # 병원에 전화하지 마: a call elsewhere
            continue
        # 전화(를) 하/걸 지 말: "don't call"; anything else before 지 (끊지 마) is not it
        k = 0
        while k < len(rest) and (
            rest[k] in {"를", "을", "좀", "그만", "다시"} or rtags[k] == "MAG"
        ):
            if rest[k] == "그만":
                break
            k += 1
        if k < len(rest) and rest[k] in _KO_DO and rest[k + 1 : k + 3] == ["지", "말"]:
            return True
        # 그만 하/걸/주: "stop calling", unless itself negated (그만하지 마세요)
        if "그만" in lem[max(0, i - 1) : i + 4]:
            after = lem[i + 1 : i + 7]
            if any(w in _KO_DO for w in after) and not ("지" in after and "말" in after):
                return True
        # 안 하셔도 돼요/괜찮아요, 안 주셨으면 좋겠어요, 안 받을래요, 받고 싶지 않아요
        if "안" in rest[:3]:
            a = rest.index("안")
            verb, tail = rest[a + 1 : a + 2], rest[a + 2 :]
            if (
                verb
                and verb[0] in _KO_DO
                and ({"어도", "아도", "도"} & set(tail) or "면" in "".join(tail) and "좋" in tail)
            ):
                return True
            if verb == ["받"] and {"을래", "ㄹ래", "겠"} & set(tail):
                return True
        if "받" in rest[:2] and "싶" in rest and "않" in rest:
            return True
        if rest[:2] in (["이", "싫"], ["가", "싫"]) or "싫" in rest[:5] and "말" in lem:
            return True
    return False


def is_opt_out(text: str, language: str) -> bool:
    """Whether `text` asks not to be called again."""
    if not text.strip():
        return False
    return _korean(text) if language == "ko" else _english(text)


# -- the call ------------------------------------------------------------------------------

_YES = {
    "en": re.compile(r"\b(yes|yeah|yep|yup|sure|please|right|correct|ok|okay|i do|that's right)\b"),
    "ko": re.compile(r"(네|예|응|그래|맞아|맞습니다|그렇|부탁)"),
}
_NO = {
    "en": re.compile(r"\b(no|nope|not really|keep calling|don't stop|never mind)\b"),
    "ko": re.compile(r"(아니|아뇨|계속|괜찮아요 전화)"),
}

LINES = {
    "en": {
        "ask": "Just to be sure: do you want us to stop calling you?",
        "confirmed": "I understand. We won't call you again. If you change your mind, "
        "please call us. Take care.",
        "declined": "Alright, we'll keep calling.",
    },
    "ko": {
        "ask": "확인차 여쭤볼게요. 앞으로 저희가 전화드리지 않기를 원하세요?",
        "confirmed": "알겠습니다. 앞으로 전화드리지 않을게요. 마음이 바뀌시면 "
        "저희에게 연락 주세요. 건강하세요.",
        "declined": "네, 그럼 계속 연락드릴게요.",
    },
}


@dataclass(frozen=True)
class OptOutTurn:
    kind: Literal["ask", "confirmed", "declined"]
    text: str
    evidence: str = ""


class OptOutFlow:
    """Confirm an opt-out once, then end the call or carry on."""

    def __init__(self, language: str) -> None:
        self.language = "ko" if language == "ko" else "en"
        self._asking = ""  # the utterance (or key) that asked to stop, while we confirm
        self.opted_out = False

    def _turn(
        self, kind: Literal["ask", "confirmed", "declined"], evidence: str = ""
    ) -> OptOutTurn:
        return OptOutTurn(kind, LINES[self.language][kind], evidence)

    def key(self, digit: str) -> OptOutTurn:
        """The scenario's opt-out key was pressed: ask to confirm."""
        self._asking = f"key {digit}"
        return self._turn("ask", self._asking)

    def hear(self, text: str) -> OptOutTurn | None:
        """None: not about opting out (the conversation goes on as usual)."""
        if self._asking:
            evidence, self._asking = self._asking, ""
            low = text.lower().replace("’", "'")
            if is_opt_out(text, self.language) or (
                _YES[self.language].search(low) and not _NO[self.language].search(low)
            ):
                self.opted_out = True
                return self._turn("confirmed", evidence)
            return self._turn("declined", evidence)
        if is_opt_out(text, self.language):
            self._asking = text.strip()
            return self._turn("ask", self._asking)
        return None
