"""Reacting and steering: what the agent says to what the person just said, then where it goes.

CareCall reacts first and steers second: a reaction specific to what was said (praise for a
healthy habit, empathy for bad news, interest in a story), then the next check-in question,
or one more turn on the person's own topic. This module picks those pieces from the response
bank (`dialogue.conversation`: situations with reactions, follow-ups and in-role answers) and
from nothing else: it is pure, so every choice can be tested and replayed (the rng is seeded).

No reaction is said twice in one call: `Reactions` remembers every line it handed out and
picks among the unused ones; a situation whose lines are all used gives nothing, and the
caller falls back to the next candidate or to the scenario's own line (Retrieve-fail).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from dialogue.text import normalize

# Kinds of the bank's situations this module reacts to.
OFF_SCRIPT = ("remark", "feeling", "agent_question")
POSITIVE_TONES = frozenset({"interest", "praise", "neutral"})
# A remark takes the place of an answer's own reaction only when it clearly fits: a loose
# match is worse than plain praise. On the shipped personas' first answer lines, remarks at
# >= 0.88 were right (sleep trouble, loneliness, a walk in the park) and at 0.59-0.84 mostly
# wrong ("soup and bread for lunch" -> cooking, "a sore back" -> a cold).
STRONG = 0.85

# Back to the pending question after the person's own topic: gentle, never "say that again".
# A sentence of their own, so the question stays the scenario's sentence (checked as such).
RETURNS = {
    "en": [
        "Let me return to my question. {question}",
        "If I may, I'll ask again. {question}",
        "Back to what I was asking. {question}",
        "Let me ask once more. {question}",
    ],
    "ko": [
        "아까 여쭤본 것도 궁금해요. {question}",
        "그런데 하나 다시 여쭤볼게요. {question}",
        "다시 여쭤봐도 될까요? {question}",
        "아까 드린 질문으로 돌아가 볼게요. {question}",
    ],
}
# Said when the person answered the agent's topic question and nothing in the bank fits.
PLAIN_ACKS = {
    "en": ["I see.", "Thank you for telling me.", "That's good to hear about.", "Mm, I see."],
    "ko": ["그러셨군요.", "말씀해 주셔서 고마워요.", "네, 그러셨어요.", "아, 그러셨구나."],
}


class SituationLike(Protocol):
    id: str
    kind: str
    tone: str
    reactions: Sequence[str]
    follow_up: Sequence[str]
    answer: Sequence[str]
    notify: bool


class RetrieverLike(Protocol):
    def find(self, text: str, **kw: Any) -> list[Any]: ...

    def answer_reactions(self, item_id: str, answer_class: str) -> Any: ...


@dataclass(frozen=True)
class Reaction:
    text: str
    situation: str | None  # the bank's situation id, None for a plain line


class Reactions:
    """The lines said in this call, so none is said twice; picks are drawn from `rng`."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._used: set[str] = set()

    def used(self, text: str) -> bool:
        """Whether `text`, or any sentence of it, was said already in this call: a bank line
        and a plain acknowledgement may share a sentence ("Thank you for telling me.")."""
        return any(key in self._used for key in _keys(text))

    def use(self, text: str) -> None:
        self._used.update(_keys(text))

    def pick(self, options: Iterable[str]) -> str | None:
        """An unused option (marked used), or None when all were said."""
        unused = [o for o in dict.fromkeys(options) if o.strip() and not self.used(o)]
        if not unused:
            return None
        choice = self._rng.choice(unused)
        self.use(choice)
        return choice

    def pick_any(self, options: Sequence[str]) -> str:
        """An unused option when there is one, else any (for lines that steer, not react)."""
        return self.pick(options) or self._rng.choice(list(options))


def _keys(text: str) -> set[str]:
    """The whole line and each of its sentences, normalised."""
    parts = [p for p in re.split(r"(?<=[.!?。])\s+", text.strip()) if p]
    parts = [p for p in parts if "{" not in p]  # a template's slot is no sentence of its own
    return {k for k in (normalize(text), *(normalize(p) for p in parts)) if k}


def react(situation: SituationLike | None, reactions: Reactions) -> Reaction | None:
    """An unused reaction of `situation` (agent questions: an unused answer line)."""
    if situation is None:
        return None
    lines = situation.answer if situation.kind == "agent_question" else situation.reactions
    text = reactions.pick(lines)
    return Reaction(text, situation.id) if text else None


def _same_sad_news(situation: Any, own: Any, item_id: str) -> bool:
    """Whether `situation` (the best remark or feeling the words fit, at the threshold) is sad
    news beside a sad answer (`own`), and not itself another reading of this item's answer."""
    if own is None or own.tone in POSITIVE_TONES or situation.tone in POSITIVE_TONES:
        return False
    return not any(a.startswith(f"{item_id}.") for a in getattr(situation, "answers", ()))


def answer_reaction(
    retriever: RetrieverLike | None,
    item_id: str,
    answer_class: str,
    text: str,
    evidence: str,
    reactions: Reactions,
    *,
    flagged: bool,
    item: Any = None,
) -> Reaction | None:
    """The reaction to an answer: the bank's reaction for the item and class, or a remark or
    feeling found in the same words when it reflects what was said better — the person said
    more than the answer ("I had lunch with my neighbour" is more than "I ate"). Bad news is
    never met with a cheerful remark: then only an empathetic one may replace the answer's."""
    if retriever is None:
        return None
    own = retriever.answer_reactions(item_id, answer_class)
    found = retriever.find(
        text, kinds=("remark", "feeling"), item_id=item_id, answer_class=answer_class, limit=3
    )
    # A feeling that itself implies this answer ("I lost my Harry two years ago" and "a bit
    # down": grief implies a low mood) is the same news, told more specifically: it needs only
    # to fit, not to fit strongly.
    same = f"{item_id}.{answer_class}"
    remark = next(
        (
            c.situation
            for c in found
            if (c.score >= STRONG or same in getattr(c.situation, "answers", ()))
            and not (flagged and c.situation.tone in POSITIVE_TONES)
        ),
        None,
    )
    more = says_more(text, evidence)
    implied = remark is not None and same in getattr(remark, "answers", ())
    korean = _language(retriever) == "ko"  # measured on Korean callers only (convo-en owns en)
    if korean and remark is None and found and _same_sad_news(found[0].situation, own, item_id):
        # Bad news answered with bad news of a kind ("my husband's memorial day is coming and
        # my heart sinks" to "have you felt low?"): the grief is what was said, the low mood
        # is how it feels; the grief's reaction is the specific one, as if it implied the answer.
        remark, implied = found[0].situation, True
    lang = _language(retriever)
    if (remark is None or implied) and more and (rest := beside(text, evidence, lang, item)):
        # "My cat slept on my feet all night. Not too bad, I was up once.": the clauses that
        # do not carry the answer are a remark of their own; both get their reaction.
        # Bad news comes first: the answer's empathy, then the cheerful remark's reaction.
        aside = [
            c
            for c in _asides(retriever, text, rest, evidence)
            if not any(a.startswith(f"{item_id}.") for a in getattr(c.situation, "answers", ()))
        ][:1]  # a sleep trouble beside a sleep answer is that answer, not a remark of its own
        aside = [c for c in aside if remark is None or c.situation.id != remark.id]
        if aside and (first := react(aside[0].situation, reactions)) is not None:
            # A feeling that is this answer told more specifically ("up all night with my
            # back") reacts to the answer; the remark beside it gets its own reaction first.
            second = react(remark, reactions) if implied else None
            second = second or react(own, reactions)
            if second is None:
                return first
            sad = own is not None and own.tone not in POSITIVE_TONES
            if flagged and sad and aside[0].situation.tone in POSITIVE_TONES:
                # Said second, the remark is still what the turn reacts to beyond the answer
                # (whose class the report keeps): the turn carries the remark's situation.
                return Reaction(f"{second.text} {first.text}", first.situation)
            return Reaction(f"{first.text} {second.text}", first.situation)
    order = [remark, own] if remark is not None and more else [own, remark]
    for situation in order:
        if (reaction := react(situation, reactions)) is not None:
            return reaction
    return None


def _asides(retriever: Any, text: str, rest: str, evidence: str) -> list[Any]:
    """Remarks and feelings in the words beside an answer, best first: in all of them
    together, and in each sentence of `text` that carries none of the answer's evidence (a
    story told in a sentence of its own before the answer is about itself, not about the
    answer's leftover words: "This rain ... like a swamp. Half a crumpet and a cup of tea" is
    rain, not tea)."""
    from dialogue.guard import sentences

    found = list(retriever.find(rest, kinds=("remark", "feeling"), limit=3))
    parts = sentences(text)
    pieces = _pieces(evidence)
    for part in parts if len(parts) > 1 else []:
        if not any(_has(normalize(part), p) for p in pieces):
            found += retriever.find(part, kinds=("remark", "feeling"), limit=3)
    best: dict[str, Any] = {}
    for c in found:
        if c.situation.id not in best or c.score > best[c.situation.id].score:
            best[c.situation.id] = c
    merged = sorted(best.values(), key=lambda c: (-c.score, c.situation.id))
    # One order by meaning over all the words beside the answer (English): the sentence
    # finds each ranked only their own candidates ("Sixty years I knew him" alone is an
    # anniversary; with "died" and "buried" beside it, a friend's death).
    by_meaning = getattr(retriever, "by_meaning", None)
    if callable(by_meaning):
        merged = sorted(by_meaning(rest, merged), key=lambda c: (-c.score, c.situation.id))
    return merged


def _language(retriever: Any) -> str:
    return getattr(retriever, "language", "en")


def _pieces(evidence: str) -> list[str]:
    """The normalized pieces of an answer's evidence ("yes … took" -> ["yes", "took"]): split
    on "…" first, as normalizing drops the ellipsis."""
    return [p for p in (normalize(q) for q in re.split(r"\s*…\s*", evidence)) if p]


def beside(text: str, evidence: str, language: str, item: Any = None) -> str:
    """The clauses of `text` that carry none of the answer's evidence ("" when all do); with
    the `item`, nor a clause that is itself a sure answer to it ("No. I never left the house":
    the second clause says the same in words the keywords missed)."""
    from dialogue.conversation.passing import other_day
    from dialogue.conversation.terms import clauses

    pieces = _pieces(evidence)
    parts = clauses(text, language)
    carried = [sum(_has(normalize(c), p) for p in pieces) for c in parts]
    rest = [
        c
        for c, n in zip(parts, carried, strict=True)
        # A clause with one word of the answer, while others carry the rest, about another day
        # ("I baked a cake yesterday for the church coffee morning. Yes, I walked to the
        # chemist"): a story beside today's answer, not the answer.
        if not n or (n == 1 and max(carried) >= 1 and sum(carried) > 1 and other_day(c, language))
    ]
    if item is not None and len(rest) > 1:
        rest = [c for c in rest if not _answers(item, c, language)]
    return ". ".join(rest)


def _answers(item: Any, clause: str, language: str) -> bool:
    """Whether `clause` alone is a sure answer to `item` (keywords or two concepts)."""
    from dialogue.extract import extract

    found = extract(item, clause, language=language)
    return found.answer_class is not None and not found.weak


def _has(clause: str, piece: str) -> bool:
    """Whether the normalized `clause` holds the evidence `piece` as whole words ("yes" is not
    in "yesterday"; Korean pieces are word starts or stems inside a word: any substring)."""
    if re.search(r"[\uac00-\ud7a3]", piece):
        return piece in clause
    return re.search(rf"(?<![\w']){re.escape(piece)}(?![\w'])", clause) is not None


def says_more(text: str, evidence: str) -> bool:
    """Whether `text` carries words besides the answer's evidence (at least three more)."""
    said = normalize(text).split()
    matched = {w for p in _pieces(evidence) for w in p.split()}
    return len([w for w in said if w not in matched]) >= 3


def off_script(retriever: RetrieverLike | None, text: str) -> Any | None:
    """The best fitting remark, feeling or question to the agent (a Candidate), or None."""
    if retriever is None or not text.strip():
        return None
    found = retriever.find(text, kinds=OFF_SCRIPT, limit=3)
    return found[0] if found else None


@dataclass(frozen=True)
class Steer:
    """What to say to an off-script turn: the reaction, then a follow-up on the person's topic
    (`follow_up`) or the pending question again (`follow_up` empty)."""

    reaction: Reaction
    follow_up: str = ""


def steer_remark(
    situation: SituationLike,
    reactions: Reactions,
    *,
    topics_done: set[str],
    has_time: bool,
) -> Steer | None:
    """A remark or feeling: its reaction, and one follow-up per topic while the call has time.
    None when every reaction of the situation was said already (the caller falls back)."""
    reaction = react(situation, reactions)
    if reaction is None:
        return None
    follow_up = ""
    if has_time and situation.id not in topics_done and situation.follow_up:
        follow_up = reactions.pick(situation.follow_up) or ""
        if follow_up:
            topics_done.add(situation.id)
    return Steer(reaction, follow_up)


def gentle_return(question: str, language: str, reactions: Reactions) -> str:
    """The pending question again, worded as a return to it, not as a re-ask."""
    template = reactions.pick_any(RETURNS.get(language, RETURNS["en"]))
    return template.format(question=question)


def plain_ack(language: str, reactions: Reactions) -> str:
    """An unused plain acknowledgement, or "" when all were said (never one twice)."""
    return reactions.pick(PLAIN_ACKS.get(language, PLAIN_ACKS["en"])) or ""


__all__ = [
    "OFF_SCRIPT",
    "Reaction",
    "Reactions",
    "Steer",
    "answer_reaction",
    "beside",
    "gentle_return",
    "off_script",
    "plain_ack",
    "react",
    "says_more",
    "steer_remark",
]
