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
import re
from collections.abc import Callable
from dataclasses import dataclass

from dialogue.chatty import Remark
from dialogue.conversation.steer import RETURNS
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
from dialogue.text import fill, similar_words, terms

AGAIN = "again"  # the agent re-asks: a reprompt, a silence prompt, a repeat
BACK = "back"  # the agent comes back to its question after the person's own topic
TAIL_TERMS = 6  # the heard words at the end of a turn that hold its question
# Share of a safety check question's words that identifies it ("have you gone it with eating or
# drinking": 5 of 7); a check the person takes for a check-in question gets a yes that ends the
# call as an emergency.
CHECK_HEARD = 0.6
SAFETY = "safety_check"  # the agent asked one direct question about a red flag
QUESTION = re.compile(r"[^.!?。]*\?")  # a question sentence of the agent's turn
TOPIC_THRESHOLD = 0.5  # a question that matches the script's this well is the script's
Target = tuple[str, str | None]  # (identity | item | followup | closing | again, item id)


@dataclass(frozen=True)
class Move:
    """What the person does next: say `text` (None: stay silent), press `dtmf`, hang up;
    `remark` is the persona's off-script remark the text carries, if any."""

    text: str | None = None
    dtmf: str | None = None
    hangup: bool = False
    remark: Remark | None = None


class SimulatedCaller:
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
            return lines[0] if lines else self.persona.fallback
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

    def which(self, heard: str) -> Target | None:
        """The target the heard words match best, or None when nothing matches well enough.

        A person expects the conversation to go on in order, so the next item of the script
        and the follow-up of the last answer get a head start over the rest, and a re-ask
        ("Sorry, I didn't catch that ...") points back to the question just answered.
        """
        heard_terms = self._terms(heard)
        said = set(heard_terms)
        if not said:
            return None
        reaction = max(self._reactions, key=lambda r: len(said & r) / len(r), default=set())
        if reaction and len(said & reaction) / len(reaction) >= 0.5:
            left = [w for w in heard_terms if w not in reaction]
            if left:
                heard_terms, said = left, set(left)
        # Order is expected once the check-in is under way; its first question may be about
        # last time (memory opens the conversation), so then it counts for little.
        first = self._answered == {IDENTITY}
        prior = {self._next_in_script(): 0.05 if first else 0.2}
        if self._last[0] == "item" and self._last[1]:
            # Persons know what they answered: a follow-up is likely after this one.
            expected = self._followup_expected(self._last[1])
            prior[("followup", self._last[1])] = 0.3 if expected else 0.1
        total, score, target = self._best(said, prior)
        # The question comes last, after the agent's reaction to the previous answer ("Well
        # done for having a good meal. How did you sleep?"): what the end says clearly wins.
        tail = set(heard_terms[-TAIL_TERMS:])
        if tail != said:
            tail_total, tail_score, tail_target = self._best(tail, prior)
            if tail_score >= self.threshold + 0.15:
                total, score, target = tail_total, tail_score, tail_target
        again, words, kind = max(
            (
                (self._overlap(said, ts, exact=True), set(ts), t[0])
                for t, ts in self._targets
                if t[0] in (AGAIN, BACK)
            ),
            key=lambda a: a[0],
            default=(0.0, set(), AGAIN),
        )
        check = max((len(said & q) / len(q) for q in self._checks if q), default=0.0)
        if check >= CHECK_HEARD and check > total:
            return (SAFETY, None)
        if again >= 0.6 and again > total and kind == BACK:
            # "Let me come back to my question. <question>": the question still open, which
            # need not be the one just answered.
            _, score, target = self._best(said - words, {self._next_in_script(): 0.1})
            return target if score >= self.threshold else None
        if again >= 0.6 and again > total:
            # "Sorry, I didn't catch that. <question>": judge the question part on its own.
            _, score, target = self._best(said - words, {self._last: 0.3})
            return target if score >= self.threshold else self._last
        return target if score >= self.threshold else None

    def _best(self, said: set[str], prior: dict[Target, float]) -> tuple[float, float, Target]:
        """(score with prior, score, target) of the best target for the heard words."""
        best: tuple[float, float, Target] = (-1.0, 0.0, self._next_in_script())
        ending = best[2][0]
        for target, expected in self._targets:
            if target[0] in (AGAIN, BACK):
                continue
            score = self._overlap(said, expected)
            # Answered items come back only as re-asks, which are rarer than new questions, and
            # least of all the one just answered (its words are in the agent's reaction).
            answered = -0.3 if target == self._last else -0.1
            bias = prior.get(target, answered if target[1] in self._answered else 0.0)
            if target[0] == "closing" and ending != "closing":
                # Goodbye before the questions are done is rare, and taking it for one leaves
                # the person silent for the rest of the call: it must be heard clearly.
                bias -= 0.2
            if score + bias > best[0]:
                best = (score + bias, score, target)
        return best

    def _overlap(self, said: set[str], expected: list[str], *, exact: bool = False) -> float:
        """Share of the target's information (idf) that was heard; mis-heard long words count
        by their similarity, short ones only when exact."""
        wanted = set(expected)
        rare = max(self._idf.values(), default=1.0)  # a memory fact's word no target has
        idf = {t: self._idf.get(t, rare) for t in wanted}
        total = sum(idf.values())
        if not total:
            return 0.0
        hit = 0.0
        for t in wanted:
            if t in said:
                hit += idf[t]
            elif not exact and self.scenario.language != "ko" and len(t) >= 4:
                sim = max((similar_words(t, s) for s in said if len(s) >= 3), default=0.0)
                hit += idf[t] * sim if sim >= 0.75 else 0.0
        return hit / total

    def _terms(self, text: str) -> list[str]:
        # One- and two-letter English words ("a", "is", "do") are mostly recognizer filler.
        found = terms(text, self.scenario.language)
        return found if self.scenario.language == "ko" else [t for t in found if len(t) > 2]

    def _expected(self, heard: str) -> Target:
        """What a patient person answers when they did not make out the question: the
        follow-up their last answer calls for, when what they heard is more like it than the
        next question of the script, else that next question."""
        last, after = self._last, self._next_in_script()
        if last[0] == "item" and last[1] and self._followup_expected(last[1]):
            said = set(self._terms(heard))
            followup = ("followup", last[1])

            def like(target: Target) -> float:
                return max((self._overlap(said, ts) for t, ts in self._targets if t == target),
                           default=0.0)  # fmt: skip

            if like(followup) > like(after):
                return followup
        return after

    def _next_in_script(self) -> Target:
        if IDENTITY not in self._answered:
            return (IDENTITY, None)
        for item in self.scenario.items:
            if item.id not in self._answered:
                return ("item", item.id)
        return ("closing", None)

    def _reaction_targets(self) -> list[tuple[Target, list[str]]]:
        """Follow-ups as the agent says them, after the bank's reaction to the answer ("That
        must be uncomfortable. How long has it been hurting?"), as it did after the ack."""
        from dialogue.conversation.talk import default_retriever

        retriever = default_retriever(self.scenario.language)
        out = []
        for item in self.scenario.items if retriever is not None else []:
            for answer_class, question in item.followups.items():
                situation = retriever.answer_reactions(item.id, answer_class)
                for reaction in situation.reactions if situation is not None else ():
                    out.append((("followup", item.id), self._terms(f"{reaction} {question}")))
        return out

    def _memory_targets(self) -> list[tuple[Target, list[str]]]:
        s, out = self.scenario, []
        names = {"recipient_name": self.persona.name, "agent_name": s.agent.name}
        for item in s.items:
            if not item.memory_question:
                continue
            for fact in [fill(r, detail="") for a in item.answers for r in a.remember]:
                text = fill(item.memory_question, **names, organization="", fact=fact)
                words = [w for w in self._terms(text) if w in self._idf or w in self._terms(fact)]
                out.append((("item", item.id), words))
        return [(target, ts) for target, ts in out if ts]

    def _build_targets(self) -> list[tuple[Target, list[str]]]:
        s = self.scenario
        names = {
            "recipient_name": self.persona.name,
            "agent_name": s.agent.name,
            "organization": s.agent.organization,
        }

        def t(text: str) -> list[str]:
            return self._terms(fill(text, **names, fact="", question=""))

        out: list[tuple[Target, list[str]]] = [
            ((IDENTITY, None), t(s.opening.question)),
            ((IDENTITY, None), t(s.opening.retry)),
            # The opening's greeting and disclosure come just before the question: the ears
            # may catch them and not the question's few words.
            ((IDENTITY, None), t(f"{s.opening.text} {s.opening.disclosure}")),
        ]
        for item in s.items:
            questions = item.questions + ([item.memory_question] if item.memory_question else [])
            out += [(("item", item.id), t(q)) for q in questions]
            for answer_class, question in item.followups.items():
                # The follow-up comes after the answer's acknowledgement: both identify it.
                answer = item.answer(answer_class)
                ack = answer.ack if answer and answer.ack else ""
                target = ("followup", item.id)
                out += [(target, t(f"{ack} {question}")), (target, t(question))]
        endings = [s.closing.text, s.silence.give_up, s.opening.wrong_person]
        endings += [e.say for e in s.emergency]
        out += [(("closing", None), t(text)) for text in endings]

        again = [*s.reprompts, s.silence.reprompt] + ([s.repeat.say] if s.repeat else [])
        out += [((AGAIN, None), t(text)) for text in again]
        back = [r.replace("{question}", "") for r in RETURNS.get(s.language, [])]
        out += [((BACK, None), t(text)) for text in back]
        return [(target, ts) for target, ts in out if ts]


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
