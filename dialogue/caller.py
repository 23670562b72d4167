"""The simulated person on the other end of a test call: the ear and the will that play a
persona (`dialogue.persona`: the script).

The simulated phone only has what its own recognizer made of the agent's voice, often garbled,
so `SimulatedCaller` decides which item it is being asked by weighted word overlap with every
line the scenario can say, tolerant of mis-heard words, and otherwise assumes the next item of
the script, as a patient person would. It acts out the persona's behaviours (silences, keys,
cut-ins, hanging up) and, for chatty persons, says their remarks when their item is asked,
answers the agent's question about the person's own topic with the remark's `reply`, and
answers the item once the agent comes back to it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from dialogue.caller_ear import (  # noqa: F401 (re-exported: the ear's home used to be here)
    AGAIN,
    BACK,
    CHECK_HEARD,
    QUESTION,
    SAFETY,
    TAIL_TERMS,
    TOPIC_THRESHOLD,
    CallerEar,
    Target,
)
from dialogue.chatty import Remark
from dialogue.engine import AgentTurn, DialogueEngine
from dialogue.persona import (  # noqa: F401 (re-exported: the persona's home used to be here)
    IDENTITY,
    PAUSE,
    Behaviour,
    Persona,
    PersonaEmergency,
    check_persona,
    load_persona,
    plain,
    speech_parts,
)
from dialogue.report import CallReport
from dialogue.safety.scripts import CHECK_QUESTIONS
from dialogue.scenario import Scenario


@dataclass(frozen=True)
class Move:
    """What the person does next: say `text` (None: stay silent), press `dtmf`, hang up;
    `remark` is the persona's off-script remark the text carries, if any."""

    text: str | None = None
    dtmf: str | None = None
    hangup: bool = False
    remark: Remark | None = None


class SimulatedCaller(CallerEar):
    def __init__(self, persona: Persona, scenario: Scenario, *, threshold: float = 0.35):
        self.persona = persona
        self.scenario = scenario
        self.threshold = threshold
        self._answered: set[str] = set()
        self._emergency_said = False
        self._hung_up = False
        self._silences: dict[str, int] = {}
        self._pressed: set[str] = set()
        self._barged: set[str] = set()
        self._planned: str | None = None  # the key of the last planned cut-in
        self._answers = 0
        self._last: Target = (IDENTITY, None)
        self._remarks_said: set[int] = set()
        self._topic: int | None = None  # the remark the last utterance carried
        self._remark_now: Remark | None = None
        self._targets = self._build_targets()
        checks = CHECK_QUESTIONS.get(scenario.language, CHECK_QUESTIONS["en"]).values()
        self._checks = [set(self._terms(q)) for q in checks]  # apart: they change no idf
        docs = [set(ts) for _, ts in self._targets]
        df: dict[str, int] = {}
        for doc in docs:
            for t in doc:
                df[t] = df.get(t, 0) + 1
        # Words in every target ("you", "today") carry no information: idf 0.
        self._idf = {t: math.log(len(docs) / n) for t, n in df.items()}
        # Memory questions as memory fills them ("Last time you told me you had trouble
        # sleeping") and follow-ups after the bank's reactions: their own words identify the
        # item; they change no idf.
        self._targets += self._memory_targets() + self._reaction_targets()
        # The agent's reactions to an answer ("Well done for having a good meal."), said before
        # its next question: heard, their words say nothing about which question follows.
        # So are its reactions to remarks in this person's own answers ("Sleepless nights are
        # so hard."): a person knows what they said.
        lines = _answer_lines(scenario) + remark_reactions(persona, scenario)
        self._reactions = [set(self._terms(r)) for r in lines]

    def respond(self, agent_text: str | None) -> str | None:
        """What the person says after hearing `agent_text` (None: heard nothing usable)."""
        return self.move(agent_text).text

    def move(self, agent_text: str | None) -> Move:
        """What the person does after hearing `agent_text`, behaviours included. The text may
        hold `[pause N]` marks (see `speech_parts`)."""
        if self._hung_up:
            return Move()
        topic, self._topic, self._remark_now = self._topic, None, None
        heard = self.which(agent_text) if agent_text else None
        # Not a safety check or a re-ask; and a person who already said who they are does not
        # take a question about their story for the identity question.
        story = heard is None or heard[0] in ("item", "followup", IDENTITY)
        if topic is not None and agent_text and story and not self._asks_the_script(agent_text):
            # Not a question of the check-in: the agent asks more about the person's story.
            if reply := self.persona.remarks[topic].reply:
                self._answers += 1
                return Move(reply)
        kind, item_id = heard or self._expected(agent_text or "")
        self._last = (kind, item_id)
        key = item_id if kind in ("item", "followup") else kind
        behaviour = self.persona.behaviour.get(key or "")
        if behaviour and kind in (IDENTITY, "item"):
            assert key is not None
            if behaviour.dtmf and key not in self._pressed:
                self._pressed.add(key)
                return Move(dtmf=behaviour.dtmf)
            if self._silences.get(key, 0) < behaviour.silent:
                self._silences[key] = self._silences.get(key, 0) + 1
                return Move()
        text = self._answer(kind, item_id)
        if text is None:
            return Move()
        self._answers += 1
        hang_up = self.persona.hang_up_after is not None and (
            self._answers >= self.persona.hang_up_after
        )
        # A person who says goodbye puts the phone down: staying on the line in silence
        # would only turn a misheard question into a call that "stopped answering".
        hang_up |= kind == "closing"
        self._hung_up |= hang_up
        return Move(text, hangup=hang_up, remark=self._remark_now)

    def _asks_the_script(self, heard: str) -> bool:
        """Whether the question the agent ends its turn with is one of the script's (after a
        story the agent may ask about the story instead: "What did you do together?")."""
        questions = [q for q in QUESTION.findall(heard) if q.strip()]
        said = set(self._terms(questions[-1] if questions else heard))
        if not said:
            return False
        return self._best(said, {})[1] >= TOPIC_THRESHOLD

    def barge_in_after(self) -> float | None:
        """As the agent starts a turn: seconds into it at which this person will cut in, if its
        script says to for the question it expects now (each such cut-in happens once)."""
        if self._hung_up:
            return None
        if self._last[0] == "item" and self._last[1] and self._followup_expected(self._last[1]):
            return None  # a follow-up comes next, not the scripted question
        kind, item_id = self._next_in_script()
        key = item_id if kind == "item" else kind
        behaviour = self.persona.behaviour.get(key or "")
        if key is None or behaviour is None or behaviour.barge_in_after_s is None:
            return None
        if key in self._barged:
            return None
        self._barged.add(key)
        self._planned = key
        return behaviour.barge_in_after_s

    def barge_in_missed(self) -> None:
        """The agent's turn ended before the planned cut-in was due (it asked a safety check
        first): the person still cuts into the question when it comes."""
        self._barged.discard(self._planned or "")

    def barge_in_lead(self) -> int:
        """Sentences of the agent's turn this person hears out before the cut-in clock of
        `barge_in_after` starts: after an answer the agent reacts first ("Well done for having
        a good meal.") and asks second, and a person cuts into the question, not the reaction."""
        return 0 if self._next_in_script()[0] == IDENTITY else 1

    def _followup_expected(self, item_id: str) -> bool:
        item = self.scenario.item(item_id)
        return self.persona.truths.get(item.id) in item.followups

    def _answer(self, kind: str, item_id: str | None) -> str | None:
        if kind == "closing":
            self._hung_up = True
            return self.persona.goodbye or None
        if kind == IDENTITY:
            self._answered.add(IDENTITY)
            return self.persona.lines(IDENTITY)[0]
        if kind == SAFETY:  # "Are you having trouble breathing right now?"
            if lines := self.persona.lines(SAFETY):
                return lines[0]
            yes = self._emergency_said
            return {"ko": "네, 그래요." if yes else "아니요, 괜찮아요."}.get(
                self.persona.language, "Yes, I am." if yes else "No, I'm fine."
            )
        assert item_id is not None
        emergency = self.persona.emergency
        if emergency and emergency.at == item_id and not self._emergency_said:
            self._emergency_said = True
            return emergency.text
        lines = self.persona.lines(item_id)
        if kind == "item" and (found := self._remark_at(item_id)) is not None:
            index, remark = found
            self._remarks_said.add(index)
            self._topic, self._remark_now = index, remark
            if remark.how == "instead":  # the answer comes when the agent asks again
                return remark.text
            self._answer_item(item_id)
            if remark.how == "mixed" or not lines:
                return remark.text
            return f"{remark.text} {lines[0]}"
        self._answer_item(item_id)
        if not lines:
            # Asked an item already answered in passing: the person says it again.
            covering = [k for k, others in self.persona.also.items() if item_id in others]
            lines = [line for k in covering for line in self.persona.lines(k)][:1]
            # Asked again after a mixed remark answered it ("nobody comes by" to "How are
            # you feeling?"): the person says more about it, as a person would, not nothing.
            lines = (
                lines
                or [r.reply for r in self.persona.remarks if r.at == item_id and r.how == "mixed"][
                    :1
                ]
            )
            return lines[0] if lines and lines[0] else self.persona.fallback
        return lines[1] if kind == "followup" and len(lines) > 1 else lines[0]

    def _answer_item(self, item_id: str) -> None:
        self._answered.add(item_id)
        self._answered.update(self.persona.also.get(item_id, ()))

    def _remark_at(self, item_id: str) -> tuple[int, Remark] | None:
        """The first remark not yet said that this item's question prompts."""
        for index, remark in enumerate(self.persona.remarks):
            if remark.at == item_id and index not in self._remarks_said:
                return index, remark
        return None


def simulate_text_call(
    engine: DialogueEngine,
    caller: SimulatedCaller,
    *,
    max_turns: int = 40,
    hear: Callable[[str], str | None] | None = None,
    recognize: Callable[[str], str] | None = None,
    trace: Callable[[Move, AgentTurn], None] | None = None,
) -> CallReport:
    """A whole call in text, no audio: `hear` garbles what the phone hears of the agent,
    `recognize` what the agent's recognizer makes of the person (both default to perfect);
    `trace` sees each move of the person with the agent's turn that answers it."""
    turn: AgentTurn = engine.opening()
    for _ in range(max_turns):
        engine.heard(turn, turn.text, True)
        if turn.end_call:
            break
        move = caller.move(hear(turn.text) if hear else turn.text)
        pressed = engine.on_dtmf(move.dtmf) if move.dtmf else None
        if pressed is not None:
            turn = pressed
        elif move.text is None:
            turn = engine.on_silence()
        else:
            answer = plain(move.text)
            turn = engine.reply(recognize(answer) if recognize else answer)
        if trace is not None:
            trace(move, turn)
        if move.hangup:
            return engine.report(reason="hung_up")
    return engine.report()


def remark_reactions(persona: Persona, scenario: Scenario) -> list[str]:
    """The bank's reactions to remarks and feelings in the persona's answers, which the agent
    may say before its next question (for the ears' language model and the caller)."""
    from dialogue.conversation.talk import remark_lines

    said: list[tuple[str | None, str | None, str]] = []
    for key in persona.answers:
        if key == IDENTITY or key not in {item.id for item in scenario.items}:
            continue
        for i, line in enumerate(persona.lines(key)):
            said.append(
                (key, persona.truths.get(key), plain(line)) if i == 0 else (None, None, plain(line))
            )
    return remark_lines(scenario.language, said)


def _answer_lines(scenario: Scenario) -> list[str]:
    from dialogue.conversation.talk import answer_lines

    return answer_lines(scenario)
