"""Dialogue: scenarios, answer extraction, the per-call engine, memory and the call report.

Everything here runs offline with no model: a scenario YAML drives the conversation and
keyword rules read the answers. An LLM (`dialogue.llm`: local transformers or any
OpenAI-compatible server) plugs into `DialogueEngine(llm=...)` to word the turns and read the
answers; the response guard (`dialogue.guard`) checks every turn it writes against the role.

The names below are what other packages use: load a scenario, run an engine per call, read
its report. The parts come from their modules: `dialogue.extract`, `dialogue.memory`,
`dialogue.guard`, `dialogue.llm`, and the simulated callers that test and evaluate the
engine, `dialogue.caller` (`Persona`, `SimulatedCaller`, `simulate_text_call`).
"""

from dialogue.engine import AgentTurn, DialogueEngine, Recipient, TurnKind
from dialogue.report import CallReport
from dialogue.scenario import Scenario, load_scenario
from dialogue.yamlfile import ScenarioError

__all__ = [
    "AgentTurn",
    "CallReport",
    "DialogueEngine",
    "Recipient",
    "Scenario",
    "ScenarioError",
    "TurnKind",
    "load_scenario",
]
