"""The engine's conversation turns: what it says when a turn is more than an answer.

`DialogueEngine` (the state machine: identity, items, follow-ups, safety, closing) inherits
these; the choices themselves — which reaction, whether to follow a topic up, what an in-role
answer may promise — are `Talk`'s (`dialogue.conversation.talk`), and answers in passing are
`dialogue.conversation.passing`'s.

- an answer: stored (its flag raised), with the reaction to it;
- an off-script turn: a question to the agent answered in role (a request raises a low alert),
  a remark or feeling reacted to and followed up once per question, answers to other items
  reacted to — each then back to the pending question, gently; nothing understood: the
  scenario's re-ask (Fail), as before;
- memory opens the conversation: its first concern is asked first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dialogue.analysis.ko_dialect import standard as dialect_standard
from dialogue.conversation.passing import in_passing
from dialogue.conversation.steer import Reaction
from dialogue.conversation.talk import OffScript
from dialogue.extract import Extraction, is_repeat_request
from dialogue.guard import sentences
from dialogue.scenario import DONT_KNOW, Item
from dialogue.text import normalize
from dialogue.turn import AgentTurn, TurnKind, join

if TYPE_CHECKING:
    from dialogue.engine import DialogueEngine

    _Base = DialogueEngine
else:
    _Base = object


MAX_RETURNS = 2  # off-script turns reacted to per pending question, before a re-ask


class ConversationTurns(_Base):
    def _first_index(self) -> int:
        """Memory opens the conversation: the first item memory holds a concern about (it has
        a memory question), else the first item."""
        for index, item in enumerate(self.scenario.items):
            if item.id in self._memory and item.memory_question:
                return index
        return 0

    def _off_script(self, text: str, passing: list[Extraction], *, after_topic: bool) -> AgentTurn:
        """No answer to the pending question: a repeat request, a question to the agent, a
        remark or feeling, answers to other items, or (Fail) the scenario's re-ask."""
        item = self._item
        repeat = self.scenario.repeat
        # "What's your name? I didn't catch it" asks the agent something; it is no re-ask.
        asks = self._talk.agent_question(text, at_least=0.0) is not None
        if repeat and self._repeats < 2 and not asks and is_repeat_request(self.scenario, text):
            self._repeats += 1
            return self._pending("clarify", self._fill(repeat.say, question=self._question))
        # One turn on the person's own topic per question, in the first half of the call;
        # what they then say about it is heard (answers in passing), not reacted to again.
        has_time = item.id not in self._topic_items
        has_time &= self._elapsed() < 0.5 * self.scenario.time_limit_s
        # At most `MAX_RETURNS` remarks reacted to per question: a person who says the same
        # thing again and again is answering it in words the rules do not know.
        returns = self._returns.get(item.id, 0)
        remarks = not passing and not after_topic and returns < MAX_RETURNS
        steer = self._talk.off_script(text, has_time=has_time, remarks=remarks)
        if steer is not None:
            self._returns[item.id] = returns + 1
            if steer.kind == "topic":
                self._phase, self._after_topic = "topic", True
                self._topic_items.add(item.id)
                return AgentTurn(steer.text, "topic", item.id, situation=steer.situation)
            said = steer.text
            if steer.kind == "role":
                said = join(steer.lead, self._role_text(steer, text))
            return self._return(said, steer.kind, steer.situation)
        if passing:  # answered other items, not this one: react, then ask this one again
            first = self._results[passing[0].item_id]
            reaction = self._talk.answer(
                first.item_id, first.answer_class or "", text, first.evidence, flagged=False
            )
            lead = reaction.text if reaction else self._talk.ack()
            return self._return(lead, "return", reaction.situation if reaction else None)
        if after_topic:  # they told us more about their topic: thank them, then ask again
            return self._return(self._talk.ack(), "return", None)
        if not self._reprompted:
            self._reprompted = True
            template = self._rng.choice(self.scenario.reprompts)
            return self._pending("reprompt", self._fill(template, question=self._question))
        if (yielded := self._yielded.pop(item.id, None)) is not None:
            # A weak answer that gave way to a remark, and nothing surer since: it is what the
            # person said of the item ("... so I've stayed put today", then only stories).
            self._store(item, yielded, text, react=False)
            return self._next("")
        self._results[item.id].status = "unanswered"
        return self._next("")

    def _topic_answer(self, text: str) -> AgentTurn:
        self._phase = "items"
        return self._answer(text)

    def _return(self, said: str, kind: TurnKind, situation: str | None) -> AgentTurn:
        """`said`, then the pending question again, worded as a return to it."""
        item = self._item
        text = join(said, self._talk.back_to(self._question))
        return AgentTurn(text, kind, item.id, self._vocab(item), situation=situation)

    def _role_text(self, asked: OffScript, text: str) -> str:
        """An in-role answer; a request a care worker should hear of raises a low alert, and
        the answer says so only when an alert channel will deliver it."""
        notified = False
        if asked.notify:
            note = (
                "Asked for something the agent cannot do"
                if self.scenario.language != "ko"
                else "상담원이 할 수 없는 요청"
            )
            self._alert(
                "request", "low", f"{note}: {asked.situation}", self._current_item_id(), text
            )
            if self._call_alerts is not None:
                notified = self._call_alerts.raise_alert("request", "low", text)
        alerting = self._call_alerts is not None and self._call_alerts.configured
        return self._talk.role_answer(asked.text, alerting=alerting and notified, notified=notified)

    def _passing(self, text: str, *, skip: str | None, used: str = "") -> list[Extraction]:
        """Answers `text` gives in passing to items not yet covered: stored, never asked.
        Questions are not answers: "Have you eaten?" asked of the agent says nothing of the
        person's meal."""
        open_items = [
            i.id for i in self.scenario.items
            if i.id != skip and self._results[i.id].status == "skipped"
        ]  # fmt: skip
        said = self._statements(text)
        if used:  # words answer one item only (sentence by sentence: their ends still count)
            parts = [dialect_standard(normalize(p), keep_length=False) for p in sentences(said)]
            for words in (w for w in used.split(" … ") if w):
                parts = [p.replace(words, " ") for p in parts]
            said = ". ".join(p.strip() for p in parts if p.strip())
        found = in_passing(self.scenario, open_items, said) if open_items and said else []
        for extraction in found:
            self._store(self.scenario.item(extraction.item_id), extraction, text, react=False)
        return found

    def _statements(self, text: str) -> str:
        """`text` without its questions to the agent: "Have you eaten?" answers nothing."""
        said = " ".join(
            p for p in sentences(text) if not p.rstrip().endswith("?") and not self._talk.shaped(p)
        )
        if said == " ".join(text.split()) and self._talk.agent_question(text) is not None:
            return ""  # a question without its question mark (a recognizer's text)
        return said

    def _store(
        self, item: Item, found: Extraction, text: str, *, react: bool = True
    ) -> Reaction | None:
        """Record an answer (its flag raised); the reaction to it when `react`."""
        result = self._results[item.id]
        result.status, result.answer_class = "answered", found.answer_class
        result.evidence, result.confidence = found.evidence, found.confidence
        result.detail = found.detail
        if found.answer_class == DONT_KNOW:
            result.summary = item.topic
            return None
        answer = item.answer(found.answer_class or "")
        assert answer is not None  # extract only returns the item's classes
        result.summary = join(
            answer.summary or answer.description, f"({found.detail})" if found.detail else ""
        )
        if answer.flag:
            self._alert("flag", answer.flag.severity, answer.flag.note, item.id, found.evidence)
        if not react:
            return None
        return self._talk.answer(
            item.id, answer.answer_class, text, found.evidence, flagged=answer.flag is not None
        )
