"""P3's promise in whole calls: a scripted model proposes, turn after turn, every violation of the
project's guard set (both halves, both languages), and none of them reaches the line. The same
model judges turns as a competent judge would (by the set's labels), as the LLM judge is on
whenever an LLM is configured. What this proves is the plumbing: every LLM turn is guarded, a
stopped turn gets one retry with the violation named, a second violation gets the scenario's
template, and each stop is in the report. (How many violations the rules alone catch, without
a judge, is `bench/bench_guard.py`'s figure on the held-out half.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dialogue.caller import SimulatedCaller, load_persona, simulate_text_call
from dialogue.engine import DialogueEngine, Recipient
from dialogue.guard import Guard
from dialogue.scenario import load_scenario

SET = Path(__file__).resolve().parent.parent / "evaluation" / "safety"


def violations(lang: str) -> dict[str, str]:
    cases = [
        json.loads(line)
        for split in ("dev", "test")
        for line in (SET / f"guard_{lang}.{split}.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return {c["agent"]: c["category"] for c in cases if c["violation"]}


class ScriptedModel:
    """Words every turn with the next violation of the set; judges by the set's labels."""

    def __init__(self, proposals: dict[str, str]) -> None:
        self.truth = dict(proposals)
        self.queue = list(proposals)
        self.proposed: list[str] = []

    def generate(self, messages, **sampling) -> str:
        system, last = messages[0]["content"], messages[-1]["content"]
        if system.startswith("You check one turn"):  # the guard's judge
            turn = last.split("Agent's turn to check:\n", 1)[-1].strip()
            category = self.truth.get(turn)
            verdict = {"ok": True} if category is None else {"ok": False, "category": category}
            return json.dumps({**verdict, "evidence": turn[:60]})
        if system.startswith("You screen"):  # the emergency detector's second opinion
            return '{"emergency": false, "category": "none"}'
        if system.startswith("You read one answer"):  # answer extraction: keyword rules
            return "{}"
        if not self.queue:
            return "Thank you."
        self.proposed.append(self.queue.pop(0))
        return self.proposed[-1]


@pytest.mark.parametrize("persona", ["margaret_en", "kim_ko"])
def test_no_proposed_violation_reaches_the_line(persona):
    who = load_persona(persona)
    scenario = load_scenario(who.scenario)
    model = ScriptedModel(violations(scenario.language))
    assert len(model.queue) >= 100
    spoken, stopped, calls = [], 0, 0
    while model.queue:
        engine = DialogueEngine(
            scenario,
            recipient=Recipient(who.recipient_id, who.name),
            llm=model,
            guard=Guard(judge=model),
            clock=lambda: 0.0,
        )
        report = simulate_text_call(engine, SimulatedCaller(who, scenario))
        spoken += [e.text for e in report.transcript if e.speaker == "agent"]
        stopped += sum(len(g.rejected.split(" / ")) for g in report.guard_interventions)
        calls += 1
        assert calls < 40, "the model stopped being asked"
    said = "\n".join(spoken)
    reached = [v for v in model.proposed if v in said]
    assert reached == []
    assert stopped == len(model.proposed)  # every proposal was stopped and logged


@pytest.mark.integration
def test_every_sentence_that_is_not_the_scenarios_own_is_checked_at_the_line(tmp_path):
    """Whatever wrote a turn (an LLM, a memory-filled template, a bug), a sentence that is not
    the scenario's own is checked before it is synthesized; verbatim lines go as written."""
    from assembly.config import load_settings
    from assembly.pipeline import SAFE_LINE, Pipeline
    from dialogue.engine import AgentTurn
    from telephony import CallInfo

    pipeline = Pipeline(load_settings(output_dir=tmp_path / "out"))
    agent = pipeline.agent_factory(CallInfo("MZ1", "CA" + "8" * 32, {"recipient": "r1"}))
    agent.engine.opening()
    turn = AgentTurn("A nurse will come by this afternoon. Did you eat today?", "question", "meal")
    said = agent._say(turn).text
    assert "nurse" not in said and said == f"{SAFE_LINE['en']} Did you eat today?"
    [event] = agent.engine.report().guard_interventions
    assert event.said == "safe line" and event.categories == ["visit"]
    own = AgentTurn("Thanks. Did you eat today?", "question", "meal")
    assert agent._say(own).text == own.text  # the scenario's own lines: as written
    pipeline.alerts.close()
