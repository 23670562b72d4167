"""Scoring chatty simulated calls (P4): did the agent react to what the person brought up?

A chatty persona (`dialogue.chatty`) labels each off-script remark with the response bank's
situation it is about. One text call (`run_call`) records every utterance of the person with
the agent turn that answers it; `score_call` then counts, for that call:

- remarks said, and those whose answering turn carries the remark's labelled situation
  (`AgentTurn.situation`): the reaction was for what was said;
- reprompts ("Sorry, I didn't catch that") right after a remark, and those after a remark the
  bank understands (its retriever finds the labelled situation in the remark's words): the
  engine should never reprompt a remark it understood;
- bank lines (reactions, in-role answers, follow-ups) said more than once in the call;
- items answered and answered right (against the persona's `truths`), and items the persona
  answered in passing (`also`) that the agent asked anyway;
- exchanges (the person's utterances) and guard leaks (agent sentences the role guard stops,
  and any of `bad` — sentences a scripted LLM proposed out of role — heard on the line).

Nothing here asserts: `bench/bench_conversation.py` prints the figures, tests check them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dialogue.caller import Move, SimulatedCaller, simulate_text_call
from dialogue.chatty import Remark
from dialogue.engine import AgentTurn, DialogueEngine, Recipient
from dialogue.guard import GuardContext, check_rules, sentences
from dialogue.persona import Persona
from dialogue.report import CallReport
from dialogue.safety.scripts import CHECK_QUESTIONS
from dialogue.scenario import Scenario
from dialogue.text import fill, normalize
from tts.sentences import split_sentences


class FakeClock:
    """Every look at the clock is a second later: calls are replayable and fast."""

    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


@dataclass(frozen=True)
class Exchange:
    said: str | None  # what the person said (None: silence, a key)
    remark: Remark | None  # the persona's remark it carried
    turn: AgentTurn  # the agent's turn that answered it


@dataclass
class ChattyCall:
    persona: Persona
    scenario: Scenario
    seed: int
    exchanges: list[Exchange]
    report: CallReport


def run_call(
    persona: Persona, scenario: Scenario, *, seed: int = 0, llm=None, retriever: object = "auto"
) -> ChattyCall:
    """One whole text call of `persona`, every exchange recorded."""
    engine = DialogueEngine(
        scenario,
        recipient=Recipient(persona.recipient_id, persona.name),
        seed=seed,
        clock=FakeClock(),
        llm=llm,
        retriever=retriever,
    )
    exchanges: list[Exchange] = []

    def trace(move: Move, turn: AgentTurn) -> None:
        exchanges.append(Exchange(move.text, move.remark, turn))

    report = simulate_text_call(engine, SimulatedCaller(persona, scenario), trace=trace)
    return ChattyCall(persona, scenario, seed, exchanges, report)


@dataclass
class CallScore:
    scripted: int = 0  # remarks the persona has
    remarks: int = 0  # remarks said
    reacted: int = 0  # ... answered with a turn for their labelled situation
    after_check: int = 0  # ... of which by the turn after a safety check's all-clear
    reprompts: int = 0  # reprompts right after a remark
    reprompts_understood: int = 0  # ... after a remark the bank understands
    repeated: int = 0  # bank lines said again in the same call
    items: int = 0  # items with a truth
    answered: int = 0
    correct: int = 0
    reasked: int = 0  # items answered in passing (`also`) that were asked again
    exchanges: int = 0
    leaks: int = 0  # agent sentences out of role on the line
    completed: int = 0
    misses: list[str] = field(default_factory=list)
    missed: list[tuple[str, str | None, bool]] = field(default_factory=list)
    """(labelled situation, the situation the turn carried, whether the bank's retriever
    finds the label in the remark's words: False is a retrieval miss, True the engine's)"""
    notes: list[str] = field(default_factory=list)  # repeats, wrong answers, leaks, re-asks


def bank_lines(language: str, names: dict[str, str]) -> list[tuple[str, ...]]:
    """Every line of the response bank the agent could say, filled, as normalised sentences."""
    from dialogue.conversation import load_bank

    out = []
    for situation in load_bank(language).situations:
        for line in (*situation.reactions, *situation.answer, *situation.follow_up):
            said = split(fill(line, **names))
            if said:
                out.append(said)
    return list(dict.fromkeys(out))


def split(text: str) -> tuple[str, ...]:
    """A turn's sentences, normalised (no case, no punctuation)."""
    return tuple(n for part in sentences(text) if (n := normalize(part)))


def occurrences(line: tuple[str, ...], turn: tuple[str, ...]) -> int:
    """How often the sentences of `line` stand, in order, among the sentences of `turn`."""
    n = len(line)
    return sum(turn[i : i + n] == line for i in range(len(turn) - n + 1))


def is_check(turn: AgentTurn, checks: list[str]) -> bool:
    """Whether the agent's turn asks a safety check question (`dialogue.safety.scripts`)."""
    return any(q in turn.text for q in checks)


def understood(remark: Remark, language: str) -> bool:
    """Whether the bank's retriever finds the remark's labelled situation in its words."""
    from dialogue.conversation import Retriever

    found = Retriever.for_language(language).find(remark.text, limit=5)
    return any(c.situation.id == remark.situation for c in found)


def score_call(call: ChattyCall, *, bad: tuple[str, ...] = ()) -> CallScore:
    persona, scenario, report = call.persona, call.scenario, call.report
    s = CallScore(scripted=len(persona.remarks), completed=int(report.outcome == "completed"))
    who = f"{persona.id}#{call.seed}"
    checks = [q for q in CHECK_QUESTIONS.get(scenario.language, {}).values() if q]
    for index, ex in enumerate(call.exchanges):
        s.exchanges += ex.said is not None
        if ex.remark is None:
            continue
        s.remarks += 1
        got = ex.turn.situation
        after = call.exchanges[index + 1] if index + 1 < len(call.exchanges) else None
        if got is None and after is not None and after.remark is None and is_check(ex.turn, checks):
            # Safety first: a remark with a red-flag word ("I can't see the bench for snow")
            # gets the safety check question; the agent reacts to it once the person says
            # they are all right, in the turn after the check.
            got = after.turn.situation
            s.after_check += got == ex.remark.situation
        if got == ex.remark.situation:
            s.reacted += 1
        else:
            found = understood(ex.remark, scenario.language)
            s.missed.append((ex.remark.situation, got, found))
            s.misses.append(
                f"{who} {ex.remark.situation} ({ex.remark.how} at {ex.remark.at}) -> {got}: "
                f"{ex.remark.text!r} => {ex.turn.text!r}"
            )
        if ex.turn.kind == "reprompt":
            s.reprompts += 1
            s.reprompts_understood += understood(ex.remark, scenario.language)
    # Bank lines said twice.
    names = {
        "recipient_name": persona.name,
        "agent_name": scenario.agent.name,
        "organization": scenario.agent.organization,
    }
    lines = bank_lines(scenario.language, names)
    turns = [split(e.text) for e in report.transcript if e.speaker == "agent"]
    for line in lines:
        count = sum(occurrences(line, turn) for turn in turns)
        if count > 1:
            s.repeated += count - 1
            s.notes.append(f"{who} repeated x{count}: {' '.join(line)!r}")
    # Answers against the truths.
    got = {r.item_id: r for r in report.items}
    for item_id, truth in persona.truths.items():
        s.items += 1
        result = got.get(item_id)
        s.answered += bool(result and result.status == "answered")
        if result and result.answer_class == truth:
            s.correct += 1
        else:
            shown = result.answer_class if result else None
            s.notes.append(f"{who} {item_id}: report {shown!r}, truth {truth!r}")
    passing = {other for others in persona.also.values() for other in others}
    for ex in call.exchanges:
        if ex.turn.item_id in passing and ex.turn.kind in ("question", "reprompt"):
            s.reasked += 1
            s.notes.append(f"{who} re-asked {ex.turn.item_id} (answered in passing)")
    # Guard leaks: what the line's own check (`assembly.pipeline`) would stop — a sentence not
    # the scenario's own that breaks the role rules — and any out-of-role sentence proposed
    # by a scripted LLM that was heard.
    script = scenario.agent_lines(report.recipient_name)
    own = {p for line in script for p in split_sentences(line, scenario.language) or [line]}
    context = GuardContext(language=scenario.language, alerting=bool(report.alerts))
    for entry in report.transcript:
        if entry.speaker != "agent":
            continue
        heard_bad = [b for b in bad if b and b in entry.text]
        wrong = [
            f"{v.category}: {p!r}"
            for p in split_sentences(entry.text, scenario.language) or [entry.text]
            if p not in own
            for v in check_rules(p, context)
        ]
        if wrong or heard_bad:
            s.leaks += 1
            s.notes.append(f"{who} leak {wrong} {heard_bad}: {entry.text!r}")
    return s
