"""The simulated person on the other end of a test call: a persona and the ear that drives it.

A persona is a script — what this person answers to each check-in item, and what the report
should therefore say (`truths`). The simulated phone only has what its own recognizer made of
the agent's voice, often garbled, so `SimulatedCaller` decides which item it is being asked
by weighted word overlap with every line the scenario can say, tolerant of mis-heard words,
and otherwise assumes the next item of the script, as a patient person would.

Besides words, a persona scripts how the person behaves on the line: pauses inside an answer
(`[pause 1.5]` in its text), staying silent when an item is first asked, pressing a key instead
of answering, cutting the agent off some seconds into a question, hanging up after some answers.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from dialogue.conversation.steer import RETURNS
from dialogue.engine import AgentTurn, DialogueEngine
from dialogue.report import CallReport
from dialogue.safety.scripts import CHECK_QUESTIONS
from dialogue.scenario import DONT_KNOW, Scenario
from dialogue.text import fill, similar_words, terms
from dialogue.yamlfile import ScenarioError, load_model, problem

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
IDENTITY = "identity"
AGAIN = "again"  # the agent re-asks: a reprompt, a silence prompt, a repeat
BACK = "back"  # the agent comes back to its question after the person's own topic
TAIL_TERMS = 6  # the heard words at the end of a turn that hold its question
# Share of a safety check question's words that identifies it ("have you gone it with eating or
# drinking": 5 of 7); a check the person takes for a check-in question gets a yes that ends the
# call as an emergency.
CHECK_HEARD = 0.6
SAFETY = "safety_check"  # the agent asked one direct question about a red flag
PAUSE = re.compile(r"\[pause (\d+(?:\.\d+)?)\]")  # "[pause 1.5]": silence inside an answer


def speech_parts(text: str) -> list[str | float]:
    """An answer as it is spoken: phrases (str) and the pauses between them (seconds)."""
    parts: list[str | float] = []
    for i, piece in enumerate(PAUSE.split(text)):
        if i % 2:
            parts.append(float(piece))
        elif piece.strip():
            parts.append(piece.strip())
    return parts


def plain(text: str) -> str:
    """An answer's words without its pause marks."""
    return " ".join(p for p in speech_parts(text) if isinstance(p, str))


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PersonaEmergency(_Model):
    at: str  # the item whose question the person answers with this line instead
    text: Text
    expect: str  # the scenario emergency id this line must trigger


class Behaviour(_Model):
    """How the person acts when the agent asks one item (or `identity`)."""

    silent: int = Field(default=0, ge=0, le=5)  # says nothing the first N times it is asked
    dtmf: Annotated[str, StringConstraints(pattern=r"^[0-9*#]$")] | None = None
    """Presses this key instead of answering, the first time it is asked."""
    barge_in_after_s: float | None = Field(
        default=None, gt=0, le=30
    )  # from the question (its lead heard out)
    """Starts answering this many seconds into the agent's question, over it."""


class Persona(_Model):
    id: str
    name: Text
    recipient_id: Text
    language: Literal["ko", "en"]
    voice: Text = "flite:slt"  # "<synthesizer>:<voice>"
    rate: float = Field(default=1.0, gt=0.2, le=3.0)
    scenario: str | None = None  # the scenario it was written for: a name, or a path from here
    answers: dict[str, Text | list[Text]]  # identity / item id -> answer, or [answer, follow-up]
    goodbye: str = ""
    fallback: str | None = None  # said to an item the script does not cover; None: silence
    truths: dict[str, str] = {}  # item id -> answer class the report should show
    emergency: PersonaEmergency | None = None
    behaviour: dict[str, Behaviour] = {}  # identity / item id -> how the person acts
    hang_up_after: int | None = Field(default=None, ge=1)  # hangs up after this many answers

    def lines(self, key: str) -> list[str]:
        value = self.answers.get(key, [])
        return [value] if isinstance(value, str) else list(value)


def check_persona(persona: Persona, scenario: Scenario):
    """Rules tying a persona to its scenario; yields (loc, message)."""
    items = {i.id: i for i in scenario.items}
    if persona.language != scenario.language:
        yield ("language",), f"is {persona.language!r} but {scenario.id} is {scenario.language!r}"
    if IDENTITY not in persona.answers:
        yield ("answers",), "must answer 'identity' (the opening question)"
    for key, value in persona.answers.items():
        if key != IDENTITY and key not in items:
            yield ("answers", key), f"unknown item {key!r}; {scenario.id} has {list(items)}"
        if isinstance(value, list) and not value:
            yield ("answers", key), "must be a non-empty list"
        for i, line in enumerate([value] if isinstance(value, str) else value):
            loc = ("answers", key) if isinstance(value, str) else ("answers", key, i)
            if "[" in PAUSE.sub("", line) or "]" in PAUSE.sub("", line):
                yield loc, "only [pause N] marks may be bracketed (N in seconds, e.g. [pause 1.5])"
            elif not plain(line):
                yield loc, "must say something besides pauses"
    for key in persona.behaviour:
        if key != IDENTITY and key not in items:
            yield ("behaviour", key), f"unknown item {key!r}; {scenario.id} has {list(items)}"
        elif persona.behaviour[key].dtmf and persona.behaviour[key].dtmf not in scenario.dtmf:
            keys = sorted(scenario.dtmf)
            yield ("behaviour", key, "dtmf"), f"{scenario.id} does nothing on that key; has {keys}"
    for key, expected in persona.truths.items():
        if key not in items:
            yield ("truths", key), f"unknown item {key!r}; {scenario.id} has {list(items)}"
            continue
        classes = [a.answer_class for a in items[key].answers] + [DONT_KNOW, "unanswered"]
        if expected not in classes:
            yield ("truths", key), f"unknown answer class {expected!r}; have {classes}"
    if persona.emergency:
        if persona.emergency.at not in items:
            yield ("emergency", "at"), f"unknown item {persona.emergency.at!r}"
        if persona.emergency.expect not in {e.id for e in scenario.emergency}:
            expect = persona.emergency.expect
            yield ("emergency", "expect"), f"{scenario.id} has no emergency {expect!r}"


def load_persona(path: str | Path, scenario: Scenario | None = None) -> Persona:
    """Load a persona YAML (a bare name is looked up among the shipped personas); with a
    scenario — given, or named by the persona — it is also checked against it."""
    from dialogue.scenario import load_scenario
    from scenarios import persona_path

    try:
        path = persona_path(path)
    except FileNotFoundError as exc:
        raise ScenarioError([str(exc)]) from None
    persona, lines = load_model(path, Persona)
    if scenario is None and persona.scenario:
        named = Path(persona.scenario)
        if named.suffix in (".yaml", ".yml") and not named.is_absolute():
            named = path.parent / named  # a relative path is relative to the persona file
        scenario = load_scenario(named)
    if scenario is not None:
        found = check_persona(persona, scenario)
        if problems := [problem(path, lines, loc, message) for loc, message in found]:
            raise ScenarioError(problems)
    return persona


Target = tuple[str, str | None]  # (identity | item | followup | closing | again, item id)


@dataclass(frozen=True)
class Move:
    """What the person does next: say `text` (None: stay silent), press `dtmf`, hang up."""

    text: str | None = None
    dtmf: str | None = None
    hangup: bool = False


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
        kind, item_id = (self.which(agent_text) if agent_text else None) or self._expected(
            agent_text or ""
        )
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
        return Move(text, hangup=hang_up)

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
        self._answered.add(item_id)
        lines = self.persona.lines(item_id)
        if not lines:
            return self.persona.fallback
        return lines[1] if kind == "followup" and len(lines) > 1 else lines[0]

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
) -> CallReport:
    """A whole call in text, no audio: `hear` garbles what the phone hears of the agent,
    `recognize` what the agent's recognizer makes of the person (both default to perfect)."""
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
