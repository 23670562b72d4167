"""One call's conversation policy, for the engine: what a turn reacts with and where it steers.

The engine (`dialogue.engine`) stays the state machine — identity, items, follow-ups, safety,
closing — and asks a `Talk` what to say around its questions:

- after an answer: a reaction for the item and class, or a remark in the same words;
- to an off-script turn: a question to the agent answered within its role, a remark or a
  feeling reacted to and followed up once per topic (or the pending question again, as a
  gentle return), or nothing (Fail: the scenario's own lines, as before);
- for the LLM: a few of the bank's example exchanges, in-context.

Without a response bank (`retriever=None`) every answer is Fail and the call is the
scenario's own, form-like call.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from typing import Any

from dialogue.conversation.steer import (
    OFF_SCRIPT,
    STRONG,
    Reaction,
    Reactions,
    answer_reaction,
    gentle_return,
    plain_ack,
    react,
    steer_remark,
)
from dialogue.conversation.terms import terms
from dialogue.guard import Guard, GuardContext, sentences
from dialogue.text import fill

log = logging.getLogger("carecall.dialogue")

# A question to the agent said with an answer, or without its question mark, counts only when
# it matches this well: the bank's own threshold is for turns that answer nothing.
CLEAR = 0.8
# Content words, besides a weak answer's own, that a remark must rest on to outrank it.
CLEAR_SUPPORT = 2
# Said after an in-role answer that raised a request, when the bank's answer did not say it.
NOTIFY = {
    "en": "I'll let your care worker know.",
    "ko": "담당 복지사님께 꼭 전해 드릴게요.",
}
# An in-role answer every sentence of which needed an alert channel that is not there.
CANNOT = {
    "en": "I'm sorry, I can't do that: I'm an AI on the telephone.",
    "ko": "죄송해요, 저는 전화 속 AI라서 그건 해 드릴 수가 없어요.",
}


def answer_lines(scenario: Any) -> list[str]:
    """The reactions the agent may say after the scenario's answers (the bank's `item.class`
    situations), its returns and acknowledgements: the lines that come right before its
    questions, for the simulated phone's ears. (Not the whole bank: ~500 lines in the ears'
    language model made the questions themselves misheard.)"""
    from dialogue.conversation.steer import PLAIN_ACKS, RETURNS

    lang = scenario.language
    out = [fill(r, question="") for r in RETURNS.get(lang, [])] + PLAIN_ACKS.get(lang, [])
    retriever = default_retriever(lang)
    for item in scenario.items if retriever is not None else []:
        for answer in item.answers:
            situation = retriever.answer_reactions(item.id, answer.answer_class)
            out += list(situation.reactions) if situation is not None else []
    return [line for line in dict.fromkeys(out) if line]


def remark_lines(language: str, said: list[tuple[str | None, str | None, str]]) -> list[str]:
    """The reactions the agent may say to remarks and feelings in these answers ((item id,
    answer class, text); ids None for an answer to a follow-up): what a person who knows what
    they will say may hear before the next question, for the simulated phone's ears."""
    retriever = default_retriever(language)
    out: list[str] = []
    for item_id, answer_class, text in said if retriever is not None else ():
        for kw in ({}, {"item_id": item_id, "answer_class": answer_class} if item_id else {}):
            found = retriever.find(text, kinds=("remark", "feeling"), limit=3, **kw)
            for candidate in (c for c in found if c.score >= STRONG):
                out += [fill(r, question="") for r in candidate.situation.reactions]
    return [line for line in dict.fromkeys(out) if line]


def own_lines(language: str, **names: str) -> list[str]:
    """Every line the conversation itself may say in `language` (the bank's reactions,
    follow-ups and in-role answers, returns, acknowledgements), filled with `names`: project
    text, written and guard-checked like the scenario's own lines (tests)."""
    from dialogue.conversation.bank import load_bank
    from dialogue.conversation.steer import PLAIN_ACKS, RETURNS

    out = [fill(r, question="") for r in RETURNS.get(language, [])]
    out += PLAIN_ACKS.get(language, []) + [NOTIFY.get(language, ""), CANNOT.get(language, "")]
    try:
        bank = load_bank(language)
    except Exception:  # noqa: BLE001 - no bank: the conversation says only scenario lines
        bank = None
    for s in bank.situations if bank is not None else ():
        out += [fill(t, **names) for t in (*s.reactions, *s.follow_up, *s.answer)]
    return [line for line in dict.fromkeys(out) if line]


def default_retriever(language: str) -> Any | None:
    """The shared response-bank retriever of `language`, or None when there is no bank."""
    try:
        from dialogue.conversation import Retriever  # type: ignore[attr-defined]
    except ImportError:
        return None
    try:
        return Retriever.for_language(language)
    except (FileNotFoundError, KeyError, ValueError) as exc:
        log.warning("no response bank for %s: %s", language, exc)
        return None


@dataclass(frozen=True)
class OffScript:
    """What to say to a turn that did not answer the pending question."""

    kind: str  # "role" (a question to the agent), "topic" (a follow-up), "return"
    text: str  # the reaction or answer, and the follow-up when kind is "topic"
    situation: str | None
    notify: bool = False  # the person asked for something a care worker should hear of
    lead: str = ""  # "role": a reaction to a feeling said with the question, said first


class Talk:
    def __init__(
        self,
        language: str,
        retriever: Any | None,
        *,
        seed: int = 0,
        names: dict[str, str] | None = None,
    ) -> None:
        self.language = language
        self.retriever = retriever
        self.reactions = Reactions(random.Random(f"reactions-{seed}"))
        self.topics: set[str] = set()  # situations followed up already: once per topic
        self.names = names or {}

    # -- after an answer -------------------------------------------------------------------

    def answer(
        self, item_id: str, answer_class: str, text: str, evidence: str, *, flagged: bool
    ) -> Reaction | None:
        found = answer_reaction(
            self.retriever,
            item_id,
            answer_class,
            text,
            evidence,
            self.reactions,
            flagged=flagged,
        )
        return self._filled(found)

    def remark(self, text: str) -> Reaction | None:
        """A reaction to a remark or feeling that clearly fits `text` (an answer to a
        follow-up: "My daughter has not called in a while"), or None."""
        if self.retriever is None:
            return None
        found = self.retriever.find(text, kinds=("remark", "feeling"), limit=3)
        for candidate in (c for c in found if c.score >= STRONG):
            if (reaction := react(candidate.situation, self.reactions)) is not None:
                return self._filled(reaction)
        return None

    def implied(self, text: str, item: Any) -> tuple[Any, str] | None:
        """(situation, answer class): the best remark or feeling in `text`, when the bank
        says it answers `item` (its `answers`, "poor_appetite" -> meal.little) and the item
        has that class; else None."""
        if self.retriever is None or not text.strip():
            return None
        found = self.retriever.find(text, kinds=("remark", "feeling"), limit=1)
        if not found:
            return None
        situation = found[0].situation
        for implied in getattr(situation, "answers", ()):
            item_id, _, answer_class = implied.partition(".")
            if item_id == item.id and item.answer(answer_class) is not None:
                return situation, answer_class
        return None

    def said(self, text: str) -> None:
        """Mark every sentence of a turn said in other words (the LLM's) as used."""
        for part in sentences(text):
            self.reactions.use(part)

    def react_to(self, situation: Any) -> Reaction | None:
        """An unused reaction of `situation`, filled (None: all were said)."""
        return self._filled(react(situation, self.reactions))

    def makes_remark(self, text: str, *, besides: str = "") -> bool:
        """Whether the bank finds a remark, feeling or question to the agent in `text` (at its
        own threshold): then a weak answer (a near keyword) is not what the person meant.

        With `besides` (the weak answer's evidence), the remark must be clearly about
        something else: a strong match, or one that rests on at least two content words
        besides the answer's own. An answer to the question just asked outranks a remark
        that a single stray word made ("I have the store back in the morning": "sore", misheard,
        is still an answer to "Is anything hurting?", not old times)."""
        if self.retriever is None or not text.strip():
            return False
        found = self.retriever.find(text, kinds=OFF_SCRIPT, limit=3)
        if not besides:
            return bool(found)
        evidence = set(terms(besides.replace("…", " "), self.language))
        return any(
            c.score >= STRONG
            or c.situation.kind == "agent_question"
            or len(self.retriever.support(text, c.situation.id) - evidence) >= CLEAR_SUPPORT
            for c in found
        )

    def agent_question(self, text: str, *, at_least: float = CLEAR) -> Any | None:
        """The bank's question-to-the-agent situation `text` clearly asks, if one does. Used
        beside an answer ("Yes I ate. And have you eaten?"), where a loose match ("I slept
        well, thank you" -> "how are you?") would answer a question nobody asked."""
        if self.retriever is None:
            return None
        found = self.retriever.find(text, kinds=("agent_question",), limit=1)
        return found[0].situation if found and found[0].score >= at_least else None

    def shaped(self, text: str) -> bool:
        """Whether `text` asks the agent something by its shape ("what did you say your name
        was", without its question mark): a question, never a remark nor an answer."""
        asked = getattr(self.retriever, "asked", None)
        return callable(asked) and asked(text) is not None

    # -- off script ------------------------------------------------------------------------

    def off_script(self, text: str, *, has_time: bool, remarks: bool = True) -> OffScript | None:
        """A question to the agent first (with a reaction to a feeling said with it: "Can you
        visit me? I'm lonely."), else (when `remarks`) the best remark or feeling with an
        unused reaction, followed up when `has_time` and the topic was not followed up yet."""
        if self.retriever is None or not text.strip():
            return None
        found = [c.situation for c in self.retriever.find(text, kinds=OFF_SCRIPT, limit=3)]
        asked = next((s for s in found if s.kind == "agent_question"), None)
        if asked is not None and (role := self.role(asked)) is not None:
            return OffScript("role", role.text, role.situation, role.notify, self._feeling(text))
        for situation in found if remarks else []:
            if situation.kind == "agent_question":
                continue
            steer = steer_remark(
                situation, self.reactions, topics_done=self.topics, has_time=has_time
            )
            if steer is None:
                continue
            said = self._fill(steer.reaction.text)
            if steer.follow_up:
                return OffScript("topic", f"{said} {self._fill(steer.follow_up)}", situation.id)
            return OffScript("return", said, situation.id)
        return None

    def _feeling(self, text: str) -> str:
        """A reaction to a feeling said in a sentence of its own beside a question to the
        agent ("Can you visit me? I'm lonely."), or ""."""
        parts = sentences(text)
        for part in parts if len(parts) > 1 else []:
            found = self.retriever.find(part, kinds=OFF_SCRIPT, limit=1) if self.retriever else []
            if found and found[0].situation.kind == "feeling":
                if (reaction := react(found[0].situation, self.reactions)) is not None:
                    return self._fill(reaction.text)
        return ""

    def role(self, situation: Any) -> OffScript | None:
        """An unused in-role answer to a question to the agent (None: all were said)."""
        reaction = react(situation, self.reactions)
        if reaction is None:
            return None
        return OffScript("role", self._fill(reaction.text), situation.id, situation.notify)

    def role_answer(self, situation_text: str, *, alerting: bool, notified: bool) -> str:
        """An in-role answer as it may be said: a sentence that promises to tell someone only
        when an alert channel is configured (the guard's rule), and the promise added when a
        request was raised and the answer did not make it."""
        context = GuardContext(language=self.language, alerting=alerting)
        guard = Guard()
        kept = [s for s in sentences(situation_text) if guard.check(s, context=context).ok]
        promises = any(
            not guard.check(s, context=GuardContext(language=self.language)).ok for s in kept
        )
        if notified and alerting and not promises:
            kept.append(NOTIFY.get(self.language, NOTIFY["en"]))
        return " ".join(kept) or CANNOT.get(self.language, CANNOT["en"])

    def back_to(self, question: str) -> str:
        return gentle_return(question, self.language, self.reactions)

    def ack(self) -> str:
        return plain_ack(self.language, self.reactions)

    # -- for the LLM -----------------------------------------------------------------------

    def examples(
        self, situation_id: str | None, text: str, limit: int = 3
    ) -> list[tuple[str, str]]:
        """(what a person said, a fitting reaction) pairs from the bank, for in-context use:
        the situation the turn reacts to, else what the person's words retrieve."""
        if self.retriever is None:
            return []
        situations = []
        if text.strip():
            situations = [c.situation for c in self.retriever.find(text, limit=limit)]
        if situation_id and not any(s.id == situation_id for s in situations):
            own = _situation(self.retriever, situation_id)
            situations = ([own] if own is not None else []) + situations
        out = []
        for s in situations[:limit]:
            lines = list(s.answer if s.kind == "agent_question" else s.reactions)
            # Lines said already come last: the model copies its examples' wording.
            lines = [x for x in lines if not self.reactions.used(x)] or lines
            if s.triggers and lines:
                out.append((s.triggers[0], self._fill(lines[0])))
        return out

    # -- helpers ---------------------------------------------------------------------------

    def _fill(self, text: str) -> str:
        try:
            return fill(text, **self.names)
        except (KeyError, ValueError):
            return text

    def _filled(self, reaction: Reaction | None) -> Reaction | None:
        if reaction is None:
            return None
        return Reaction(self._fill(reaction.text), reaction.situation)


def _situation(retriever: Any, situation_id: str) -> Any | None:
    if "." in situation_id:
        item_id, _, answer_class = situation_id.partition(".")
        return retriever.answer_reactions(item_id, answer_class)
    bank = getattr(retriever, "bank", None)
    get = getattr(bank, "get", None)
    return get(situation_id) if callable(get) else None


__all__ = [
    "CANNOT",
    "NOTIFY",
    "OffScript",
    "Talk",
    "answer_lines",
    "default_retriever",
    "own_lines",
    "remark_lines",
]
