"""What a reply to a safety check question says, read with the project's language analysis.

The agent asked one direct question ("Are you having trouble breathing right now?"). The reply
is one of `READINGS`:

- `yes`: a yes, however hedged ("a little", "좀 그래요") or corrected ("no... well, yes, a bit").
- `symptom`: it describes the danger: the detector's rules find a red flag in the reply (the
  same category or another one), or it says the person cannot do something ("I can't get up",
  "안 멈춰요").
- `no`: a clear no, negation scope read ("no, not at all", "I'm not having any trouble",
  "안 아파요", "숨은 괜찮아요"); a no next to a doubt or a yes is not a clear no.
- `repeat`: the person did not hear or asks again ("pardon?", "the what, dear?", "뭐라고요?").
- `unsure`: doubt ("I don't know", "글쎄요"), a yes and a no that do not resolve, or words the
  reader cannot make out (a garbled reply).
- `unrelated`: the person goes on with the check-in ("I had my lunch already").
- `silence`: nothing said.

What the agent does with each reading is `dialogue.safety.flow.ESCALATION`.
Pure: text (and the detector's assessment of it) in, `Reading` out. Never raises on any text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal

from dialogue.analysis import analyze
from dialogue.safety import Assessment, Decision
from dialogue.safety.replies_base import Signal

ReadingKind = Literal["yes", "no", "symptom", "repeat", "unrelated", "unsure", "silence"]
READINGS: tuple[ReadingKind, ...] = (
    "yes", "no", "symptom", "repeat", "unrelated", "unsure", "silence",
)  # fmt: skip
ESCALATING = ("yes", "symptom")  # read so, the reply is an emergency whatever raised the check
SAFE = ("no", "unrelated")  # read so, the call goes on (an emergency read so is a miss)

# Short requests to repeat, as a recognizer garbles them ("part in", "say that a game").
_REPEAT_SOUNDS = {
    "en": ("pardon", "sayagain", "saythatagain", "whatwasthat", "comeagain", "whatdidyousay",
           "sorryididnthearyou", "icanthearyou", "whatsthat", "excuseme"),
    "ko": ("뭐라고요", "뭐라고", "네뭐라고요", "다시말해줘요", "안들려요", "못들었어요",
           "다시요", "뭐요"),
}  # fmt: skip
_WORDLESS = re.compile(r"[\W_]+", re.UNICODE)


@dataclass(frozen=True)
class Reading:
    kind: ReadingKind
    hedged: bool = False  # a hedge was heard ("a bit", "좀")
    why: str = ""  # the signals that decided, for the report and for debugging


def read_reply(
    text: str, language: str, assessment: Assessment | None = None, *, category: str = ""
) -> Reading:
    """The reading of `text`, said in reply to the check question of `category`.
    `assessment`: the detector's of the reply, where the caller has it (the flow does): a
    red flag its rules find there is a `symptom` (a learned-layer or LLM flag is not: on a
    short reply it is noise)."""
    text = text if isinstance(text, str) else ""
    letters = _WORDLESS.sub("", text)
    if not letters:
        return Reading("silence")
    lang = "ko" if language == "ko" else "en"
    said = _signals(text, lang, _asked(category, lang))
    kinds = [s.kind for s in said]
    hedged = "hedge" in kinds
    why = " ".join(kinds)
    yes, no = _last(said, "yes"), _last(said, "no")
    if yes is not None and (no is None or yes > no):
        return Reading("yes", hedged, why)  # a yes, or a no corrected to a yes
    flag = _rules_flag(assessment) if assessment is not None else ""
    if flag:
        return Reading("symptom", hedged, f"detector: {flag}")
    if "inability" in kinds:
        return Reading("symptom", hedged, why)  # "I can't get up", "안 멈춰요"
    if yes is not None:
        return Reading("unsure", hedged, why)  # "yes... no", "네, 괜찮아요": not a clear no
    if "unsure" in kinds:
        return Reading("unsure", hedged, why)
    if no is not None:
        if hedged and not _content_after(said, no):
            return Reading("unsure", hedged, why)  # "not... a little"
        return Reading("no", hedged, why)
    if "echo" in kinds:
        return Reading("yes", hedged, why)  # the question's own predicate: "좀 힘들어요"
    if hedged and not any(k == "content" for k in kinds):
        return Reading("yes", hedged, why)  # "a little", "조금요": a hedged yes
    if "repeat" in kinds or _sounds_like_repeat(letters, lang):
        return Reading("repeat", hedged, why)
    if sum(k == "content" for k in kinds) >= 1 and not hedged:
        return Reading("unrelated", hedged, why)
    return Reading("unsure", hedged, why)


def _signals(text: str, lang: str, asked: frozenset[str] = frozenset()) -> list[Signal]:
    try:
        analysis = analyze(text, lang)
    except Exception:  # an analyser failure must not break a safety question: nothing heard
        return []
    module = _module(lang)
    said = module.signals(analysis)
    # The question's own predicate said back, not negated ("좀 힘들어요" to "숨 쉬기가
    # 힘드세요?", "it hurts" to "does it hurt?"): Korean answers yes by echoing the verb.
    echoed = {s.at for s in said if s.kind == "content"} & module.predicates(analysis, asked)
    return [Signal("echo", s.at) if s.at in echoed else s for s in said]


def _module(lang: str):
    if lang == "ko":
        from dialogue.safety import replies_ko

        return replies_ko
    from dialogue.safety import replies_en

    return replies_en


@lru_cache(maxsize=64)
def _asked(category: str, lang: str) -> frozenset[str]:
    """The predicate lemmas of the check question of `category` (empty: none known)."""
    from dialogue.safety.scripts import CHECK_QUESTIONS

    question = CHECK_QUESTIONS.get(lang, {}).get(category or "")
    if not question:
        return frozenset()
    module = _module(lang)
    analysis = analyze(question, lang)
    return frozenset(analysis.tokens[i].lemma for i in module.predicates(analysis, None))


def _rules_flag(assessment: Assessment) -> str:
    """The rule (not learned, not LLM) that found a red flag in the reply, or ""."""
    if assessment.decision is Decision.NONE:
        return ""
    for f in assessment.findings:
        if not f.rule.startswith(("learned:", "llm:")):
            return f.rule or f.category
    return ""


def _last(said: list[Signal], kind: str) -> int | None:
    at = [s.at for s in said if s.kind == kind]
    return at[-1] if at else None


def _content_after(said: list[Signal], at: int) -> bool:
    return any(s.kind == "content" for s in said)


def _sounds_like_repeat(letters: str, lang: str) -> bool:
    """A short reply that sounds like a request to repeat, as garbled ("part in")."""
    said = letters.lower()
    if len(said) > 20:
        return False
    return any(SequenceMatcher(None, said, r).ratio() >= 0.65 for r in _REPEAT_SOUNDS[lang])
