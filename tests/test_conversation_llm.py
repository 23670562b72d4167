"""Generate: with an LLM, a turn that reacts is written whole by the model — under the role,
the pending question, memory and the bank's example exchanges — and every sentence is checked
by the guard: one retry with the violation named, then the Retrieve turn."""

from __future__ import annotations

import re

from conversation_kit import FakeRetriever

from dialogue import DialogueEngine, Recipient, load_scenario
from dialogue.llm import LLMError
from tests.test_engine import Clock

EN = load_scenario("daily_checkin_en")


class Writer:
    """Writes a reaction and the question of the scenario's line; says `bad` turns first."""

    def __init__(self, bad: list[str] | None = None) -> None:
        self.bad = list(bad or [])
        self.systems: list[str] = []
        self.retries: list[str] = []

    def generate(self, messages, **sampling) -> str:
        system = messages[0]["content"]
        if "The scenario's line" not in system:  # reading answers, safety's second opinion
            raise LLMError("this model only writes turns")  # the rules do the rest
        self.systems.append(system)
        if (
            len(messages) > 2
            and messages[-2]["role"] == "assistant"
            and "breaks" in (messages[-1]["content"])
        ):
            self.retries.append(messages[-1]["content"])
        line = re.search(r'The scenario\'s line: "(.*)"', system).group(1)
        question = re.findall(r"[^.?!]*\?", line)[-1].strip()
        if self.bad:
            return self.bad.pop(0)
        return f"Oh, that is lovely to hear, Margaret. {question}"


def started(llm: Writer) -> DialogueEngine:
    e = DialogueEngine(
        EN,
        recipient=Recipient("r1", "Margaret"),
        clock=Clock(),
        llm=llm,
        retriever=FakeRetriever(),
    )
    e.opening()
    e.reply("yes")
    return e


def test_the_llm_writes_the_reacting_turn_with_the_banks_examples_and_the_goal() -> None:
    llm = Writer()
    e = started(llm)
    turn = e.reply("My grandson visited yesterday, he brought me flowers")
    assert turn.kind == "topic" and turn.situation == "grandchild_visit"
    assert turn.text == "Oh, that is lovely to hear, Margaret. What did you two do together?"
    system = llm.systems[-1]
    assert "Examples of fitting reactions" in system
    assert '"my grandson visited yesterday" -> you: "' in system  # trigger -> reaction
    assert "react warmly to what the person told you" in system  # the goal
    assert EN.agent.persona.split(".")[0] in system  # the role specification
    assert e.report().llm_turns >= 1


def test_a_guard_violation_is_retried_once_then_the_retrieve_turn_is_said() -> None:
    visit = "I'll come and visit you tomorrow. What did you two do together?"
    llm = Writer()
    e = started(llm)
    llm.bad = [visit]
    turn = e.reply("My grandson visited yesterday, he brought me flowers")
    assert turn.text.startswith("Oh, that is lovely")  # the retry was fine
    assert len(llm.retries) == 1 and "visit" in llm.retries[0]
    [event] = e.report().guard_interventions
    assert event.said == "retry" and "visit" in event.categories

    llm = Writer()
    e = started(llm)
    llm.bad = [visit, "I will visit you soon. What did you two do together?"]
    turn = e.reply("My grandson visited yesterday, he brought me flowers")
    reactions = next(s for s in FakeRetriever().situations if s.id == "grandchild_visit")
    assert turn.text.startswith(reactions.reactions)  # the bank's reaction, as retrieved
    assert turn.text.endswith("What did you two do together?")
    assert e.report().guard_interventions[-1].said == "template"
    assert "visit you" not in turn.text
