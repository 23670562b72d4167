"""The scenario engine: one state machine per call, text in, agent turns out.

It does no I/O and knows nothing of audio, so the line (telephony) and the models (ASR, TTS)
wrap it: the line calls `reply` with what the recognizer heard, `on_silence` when the person
says nothing, `heard` when a turn's audio was actually played.

With an LLM (`llm=`), the state machine stays the same — the scenario still decides every
turn — but the LLM words the turns (`dialogue.responder`, every one checked by the guard) and
reads the answers as JSON (`dialogue.llm_extract`); any failure falls back to the template and
the keyword rules, so a call with a broken model is the offline call.

The flow is the one a care worker would follow: greet, say that the caller is an AI and that
the call is recorded, confirm who answered, ask first about what worried us last time (memory),
then each item not yet answered (one follow-up when an answer calls for it, one re-ask when
nothing could be made of the answer), stop at once for an emergency, close warmly.

Around that flow it is a conversation (`dialogue.conversation`, Retrieve-fail-Generate): each
turn reacts to what was said (the response bank's reaction), then steers; a remark is followed
up once or answered and left gently, a question to the agent is answered within its role,
answers given in passing are kept; when nothing in the bank fits, the scenario's own line is
said. Question variants and reactions are drawn from seeded generators so a call can be
replayed exactly.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Literal

from dialogue.conversation.flow import CheckinFlow
from dialogue.conversation.talk import Talk, default_retriever
from dialogue.guard import Guard
from dialogue.llm import ChatModel
from dialogue.memory import Fact
from dialogue.optout import OptOutFlow, OptOutTurn
from dialogue.report import (
    Alert,
    CallReport,
    GuardEvent,
    ItemResult,
    SafetyCheck,
    TranscriptEntry,
    summarize,
)
from dialogue.responder import Responder
from dialogue.safety.flow import CHECK_SEVERITY, CallAlerts, SafetyFlow, SafetyTurn, raised_by
from dialogue.safety.scripts import note
from dialogue.scenario import Item, Scenario
from dialogue.scenario_phrases import identity_item
from dialogue.text import fill, placeholders
from dialogue.turn import AgentTurn, Recipient, TurnKind, join
from dialogue.vocabulary import _vocabulary, answer_vocabulary  # noqa: F401 (its home was here)
from dialogue.wording import LLMWording


class DialogueEngine(CheckinFlow, LLMWording):
    """One call's conversation. Without an `llm`, every method returns at once (no I/O).

    `seed` picks question variants and transitions; `clock` (seconds, epoch) stamps the
    transcript and enforces the scenario's time limit — pass a fake one in tests. `llm` words
    turns and reads answers (then `reply` waits for the model: run it off the event loop);
    `guard` checks the LLM's turns (default: the rules alone); `sampling` overrides the
    responder's sampling settings. `alerts` raises this call's alerts as they happen (stored,
    then delivered to a person: see `dialogue.safety.flow`); `safety` replaces the default
    emergency detector (`dialogue.safety.EmergencyDetector` with the scenario's own rules).
    `retriever` is the response bank's (`dialogue.conversation`; "auto": the shared one of the
    scenario's language, None: no bank, the scenario's own lines only).
    """

    def __init__(
        self,
        scenario: Scenario,
        *,
        recipient: Recipient,
        memory: list[Fact] | None = None,
        seed: int = 0,
        clock: Callable[[], float] = time.time,
        llm: ChatModel | None = None,
        guard: Guard | None = None,
        sampling: dict | None = None,
        alerts: CallAlerts | None = None,
        safety: SafetyFlow | None = None,
        retriever: object = "auto",
    ):
        self.scenario = scenario
        self.recipient = recipient
        self._memory = {f.item_id: f for f in memory or [] if f.item_id and not f.retracted}
        self._rng = random.Random(seed)
        self._clock = clock
        self._start = clock()
        self._names = {
            **scenario.attribute_values(recipient.attributes),
            "recipient_name": recipient.name,
            "agent_name": scenario.agent.name,
            "organization": scenario.agent.organization,
        }
        self._results = {
            i.id: ItemResult(item_id=i.id, topic=i.topic, required=i.required)
            for i in scenario.items
        }
        self._alerts: list[Alert] = []
        self._transcript: list[TranscriptEntry] = []
        self._phase: Literal["start", "identity", "items", "followup", "topic", "done"] = "start"
        self._outcome: str | None = None
        self._index = 0
        self._question = ""  # the question now waiting for an answer, as it was worded
        self._reprompted = False
        self._repeats = 0
        self._identity_retried = False
        self._silences = 0
        self._llm = llm
        self._responder = (
            Responder(
                llm,
                scenario,
                guard=guard,
                recipient_name=recipient.name,
                sampling=sampling,
                alerting=alerts is not None and alerts.configured,
            )
            if llm is not None
            else None
        )
        self._remembered = ""  # the memory fact the pending question uses
        self._guard_events: list[GuardEvent] = []
        self._llm_turns = self._llm_fallbacks = 0
        self._safety = safety or default_safety(scenario, llm, alerts)
        self._safety_checks: list[SafetyCheck] = []
        self._call_alerts = alerts
        if retriever == "auto":
            retriever = default_retriever(scenario.language)
        self._talk = Talk(scenario.language, retriever, seed=seed, names=self._names)
        self._after_topic = False  # the last turn was a follow-up on the person's own topic
        self._topic_items: set[str] = set()  # pending questions that had a topic turn
        self._returns: dict[str, int] = {}  # per item: off-script turns reacted to
        self._retried: set[str] = set()  # unanswered items asked once more before the goodbye
        self._unsure: tuple | None = None  # (item, class, evidence) of the last weak answer
        self._yielded: dict = {}  # per item: a weak answer that gave way to a remark
        self._said = ""  # what the person said last (for the LLM's examples)
        self._optout = OptOutFlow(scenario.language)  # "don't call me again" (dialogue.optout)

    # -- what the line calls ---------------------------------------------------------------

    def opening(self) -> AgentTurn:
        self._phase = "identity"
        self._question = self._fill(self.scenario.opening.question)
        opening = self.scenario.opening
        text = join(self._fill(opening.text), self._fill(opening.disclosure), self._question)
        return AgentTurn(text, "opening", expected=self._identity_vocabulary())

    def reply(self, user_text: str) -> AgentTurn:
        return self._worded(self._reply(user_text))

    def on_silence(self) -> AgentTurn:
        return self._worded(self._on_silence())

    def _reply(self, user_text: str) -> AgentTurn:
        if self._phase == "done":
            return AgentTurn("", "closing", end_call=True)
        self._record("person", user_text)
        self._said = user_text
        self._silences = 0
        if self._phase == "start":
            return self.opening()
        # The item just asked: a plain answer to it gets a margin from the learned layer.
        asked = self._item if self._phase in ("items", "followup") else None
        asked = identity_item(self.scenario) if self._phase == "identity" else asked
        if (safety := self._safety.hear(user_text, asked=asked)) is not None:
            return self._safety_turn(safety)
        if (stop := self._optout.hear(user_text)) is not None:
            return self._optout_turn(stop)
        return self._conversation(user_text)

    def _conversation(self, user_text: str) -> AgentTurn:
        if self._phase == "identity":
            return self._identity(user_text)
        if self._phase == "followup":
            return self._followup_answer(user_text)
        if self._phase == "topic":
            return self._topic_answer(user_text)
        return self._answer(user_text)

    def _on_silence(self) -> AgentTurn:
        if self._phase == "done":
            return AgentTurn("", "closing", end_call=True)
        if (safety := self._safety.silence()) is not None:
            return self._safety_turn(safety)
        silence = self.scenario.silence
        self._silences += 1
        if self._silences > silence.max_reprompts:
            if any(e.speaker == "person" for e in self._transcript):
                self._alert("no_response", "medium", "The person stopped answering.")
            else:
                self._alert("no_response", "low", "No one spoke on the call.")
            return self._finish("no_response", self._fill(silence.give_up), "closing")
        return self._pending("reprompt", self._fill(silence.reprompt, question=self._question))

    def on_dtmf(self, digit: str) -> AgentTurn | None:
        action = self.scenario.dtmf.get(digit)
        if action is None or self._phase in ("done", "start"):
            return None
        if action.action == "optout":
            return self._optout_turn(self._optout.key(digit))
        say = self._fill(action.say)
        if action.action == "end":
            return self._finish("ended_by_person", join(say, self._closing_text()), "closing")
        if action.action == "callback":
            self._alert("callback", action.severity, action.note, evidence=f"key {digit}")
        return self._pending("dtmf", join(say, self._question))

    def heard(self, turn: AgentTurn, text: str, complete: bool) -> None:
        """The line played `text` of `turn` (all of it when `complete`): only this is kept."""
        if text.strip():
            self._record("agent", text.strip(), complete=complete, situation=turn.situation)
            # Whatever said it (the scenario, a safety line, the bank), a sentence heard once
            # is not picked again from the bank ("I'm glad to hear that." after a safety check).
            self._talk.said(text)

    @property
    def finished(self) -> bool:
        return self._phase == "done"

    def report(self, reason: str | None = None, recording: str | None = None) -> CallReport:
        """The report as of now. `reason` is why the line ended; by default the engine's own
        outcome when it closed the call, else "broken_off"."""
        items = [self._results[i.id] for i in self.scenario.items]
        required = [r for r in items if r.required]
        answered = sum(r.status == "answered" for r in required)
        return CallReport(
            recipient_id=self.recipient.id,
            recipient_name=self.recipient.name,
            scenario_id=self.scenario.id,
            language=self.scenario.language,
            started=datetime.fromtimestamp(self._start, UTC),
            ended=datetime.fromtimestamp(self._clock(), UTC),
            reason=reason or (self._outcome if self._outcome else "broken_off"),
            outcome=self._outcome or "incomplete",
            items=[r.model_copy() for r in items],
            alerts=list(self._alerts),
            completion=round(answered / len(required), 3) if required else 1.0,
            summary=summarize(self.recipient.name, self.scenario.language, items, self._alerts),
            transcript=list(self._transcript),
            recording=recording,
            guard_interventions=list(self._guard_events),
            safety_checks=list(self._safety_checks),
            llm_turns=self._llm_turns,
            llm_fallbacks=self._llm_fallbacks,
        )

    def memory_facts(self) -> list[Fact]:
        """Facts this call produced, one per answered item; an empty value retracts the key."""
        now = datetime.fromtimestamp(self._clock(), UTC)
        facts = []
        for item in self.scenario.items:
            result = self._results[item.id]
            answer = item.answer(result.answer_class or "")
            if result.status != "answered" or answer is None:
                continue  # unknown or unanswered: no evidence either way
            values = {"detail": result.detail} if result.detail else {}
            fillable = [t for t in answer.remember if placeholders(t) <= values.keys()]
            if fillable:
                facts.append(Fact(item.id, fill(fillable[0], **values), item.id, now))
            elif not answer.remember:
                facts.append(Fact(item.id, "", item.id, now))
        return facts

    def _elapsed(self) -> float:
        return self._clock() - self._start

    def _safety_turn(self, turn: SafetyTurn) -> AgentTurn:
        """A check question, the all-clear after one, or an emergency (see SafetyFlow)."""
        found = turn.finding
        if turn.kind == "check":
            return self._pending("clarify", turn.text)
        if turn.kind in ("clear", "callback"):
            # Not an emergency: what raised the flag still answers the question it was said to.
            t = round(self._clock() - self._start, 2)
            check = SafetyCheck(
                t=t,
                category=found.category,
                evidence=found.evidence,
                answer="no" if turn.kind == "clear" else "unclear",
                item_id=self._current_item_id(),
                reading=turn.reading or None,
                layer=raised_by(found),
            )
            self._safety_checks.append(check)
            if turn.kind == "callback":
                note = f"{self._note(found.category)} (not confirmed: please call back)"
                self._alert("check", CHECK_SEVERITY, note, check.item_id, found.evidence)
            # The all-clear's relief is said once a call, and not again by the reaction after it.
            relief = "" if self._talk.reactions.used(turn.text) else turn.text
            self._talk.said(turn.text)
            after = self._conversation(turn.held)
            return AgentTurn(
                join(relief, after.text),
                after.kind,
                after.item_id,
                after.expected,
                after.end_call,
                after.situation,
            )
        rule = self._own_rule(found.category)
        note = self._note(found.category)
        if not any(a.kind == "emergency" and a.note.startswith(note) for a in self._alerts):
            severity = rule.severity if rule else "critical"
            if turn.alerted:
                note += " (care worker alerted during the call)"
            self._alert("emergency", severity, note, self._current_item_id(), found.evidence)
        if rule is None or rule.end_call or turn.handed_off:
            return self._finish("emergency", turn.text, "emergency")
        return self._pending("emergency", join(turn.text, self._question))

    def _optout_turn(self, stop: OptOutTurn) -> AgentTurn:
        """Asked to stop calling: confirm once; yes ends the call as `opted_out`."""
        if stop.kind == "confirmed":
            return self._finish("opted_out", stop.text, "closing")
        return self._pending(
            "clarify", join(stop.text, "" if stop.kind == "ask" else self._question)
        )

    def _own_rule(self, category: str):
        """The scenario's own emergency rule of that id, if the finding came from one."""
        return next((e for e in self.scenario.emergency if e.id == category), None)

    def _note(self, category: str) -> str:
        rule = self._own_rule(category)
        if rule is not None:
            return rule.note or rule.id
        return note(category, self.scenario.language)

    def _finish(self, outcome: str, text: str, kind: TurnKind) -> AgentTurn:
        self._phase, self._outcome = "done", outcome
        return AgentTurn(text, kind, end_call=True)

    # -- helpers ---------------------------------------------------------------------------

    @property
    def _item(self) -> Item:
        return self.scenario.items[self._index]

    def _current_item_id(self) -> str | None:
        return self._item.id if self._phase in ("items", "followup", "topic") else None

    def _pending(self, kind: TurnKind, text: str) -> AgentTurn:
        """A turn that leaves the current question open (re-ask, silence, key press)."""
        item_id = self._current_item_id()
        expected = self._vocab(self._item) if item_id else self._identity_vocabulary()
        return AgentTurn(text, kind, item_id, expected)

    def _closing_text(self) -> str:
        closing = self.scenario.closing
        alerted = any(a.kind in ("flag", "emergency", "check") for a in self._alerts)
        return join(self._fill(closing.alert_text) if alerted else "", self._fill(closing.text))

    def _fill(self, template: str, **values: str) -> str:
        return fill(template, **self._names, **values)

    def _vocab(self, item: Item) -> tuple[str, ...]:
        return answer_vocabulary(self.scenario, item)

    def _identity_vocabulary(self) -> tuple[str, ...]:
        opening = self.scenario.opening
        return _vocabulary([opening.confirm, opening.deny], [self.recipient.name])

    def _alert(
        self, kind: str, severity: str, note: str, item_id: str | None = None, evidence: str = ""
    ) -> None:
        t = round(self._clock() - self._start, 2)
        self._alerts.append(
            Alert(kind=kind, severity=severity, note=note, item_id=item_id, evidence=evidence, t=t)
        )

    def _record(
        self,
        speaker: Literal["agent", "person"],
        text: str,
        complete: bool = True,
        situation: str | None = None,
    ):
        t = round(self._clock() - self._start, 2)
        self._transcript.append(
            TranscriptEntry(speaker=speaker, text=text, t=t, complete=complete, situation=situation)
        )


def default_safety(scenario: Scenario, llm: ChatModel | None, alerts: CallAlerts | None):
    """The emergency detector (language analysis + the scenario's own YAML rules + the LLM's
    second opinion), with the scenario's severities and scripts for its own rules."""
    from dialogue.safety.detector import EmergencyDetector

    return SafetyFlow(
        EmergencyDetector(scenario.emergency, llm=llm),
        scenario.language,
        alerts=alerts,
        severity={e.id: e.severity for e in scenario.emergency},
        advice={e.id: e.say for e in scenario.emergency},
    )
