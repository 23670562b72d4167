"""The engine's turns in an LLM's words (`dialogue.responder`), and the guard's log of what it
stopped. A turn that reacts to the person is written whole by the LLM with the response bank's
example exchanges; any other is reworded; the template (the Retrieve turn) is said whenever
the LLM's text is unusable or stopped twice by the guard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dialogue.report import GuardEvent
from dialogue.turn import AgentTurn

if TYPE_CHECKING:
    from dialogue.engine import DialogueEngine

    _Base = DialogueEngine
else:
    _Base = object


class LLMWording(_Base):
    def _worded(self, turn: AgentTurn) -> AgentTurn:
        """The turn in the LLM's words when it has usable ones (see `dialogue.responder`)."""
        if self._responder is None or not turn.text:
            return turn
        alerted = any(a.kind in ("flag", "emergency", "check") for a in self._alerts)
        if turn.kind == "closing" and (self._outcome != "completed" or alerted):
            return turn  # alert and wrong-person closings are said as written
        item = self.scenario.item(turn.item_id) if turn.item_id else None
        # A turn that reacts to the person is written whole, with the bank's examples.
        reacts = turn.situation is not None or turn.kind in ("topic", "return", "role")
        phrased = self._responder.phrase(
            turn.kind,
            turn.text,
            item=item,
            memory=[f.value for f in self._memory.values()],
            conversation=[(e.speaker, e.text) for e in self._transcript],
            remembered=self._remembered if turn.kind == "question" else "",
            examples=self._talk.examples(turn.situation, self._said) if reacts else (),
            reacts=reacts,
        )
        if phrased.violations:  # stopped by the guard: the retry or the template was said
            self.guard_event(
                turn.kind,
                turn.item_id,
                phrased.violations,
                phrased.rejected,
                "retry" if phrased.source == "llm" else "template",
            )
        elif phrased.reason and phrased.source != "llm":
            self._llm_fallbacks += 1
        if phrased.source == "llm":
            self._llm_turns += 1
            self._talk.said(phrased.text)  # its sentences are not said again in this call
            return AgentTurn(
                phrased.text, turn.kind, turn.item_id, turn.expected, turn.end_call,
                turn.situation,
            )  # fmt: skip
        return turn

    def guard_event(self, kind, item_id, violations, rejected: str, said: str) -> None:
        """Log what the guard stopped (`said`: what went out instead: "retry", "template",
        or "safe line" when the line-level check replaced a sentence)."""
        self._guard_events.append(
            GuardEvent(
                t=round(self._clock() - self._start, 2),
                kind=kind,
                item_id=item_id,
                categories=list(dict.fromkeys(v.category for v in violations)),
                evidence=[v.evidence for v in violations],
                rejected=rejected,
                said=said,
            )
        )
