"""Dialogue: scenarios, answer extraction, the per-call engine, memory and the call report.

Everything here runs offline with no model: a scenario YAML drives the conversation and
keyword rules read the answers. An LLM (`dialogue.llm`: local transformers or any
OpenAI-compatible server) plugs into `DialogueEngine(llm=...)` to word the turns and read the
answers; the response guard (`dialogue.guard`) checks every turn it writes against the role.
"""

from dialogue.caller import (
    Persona,
    SimulatedCaller,
    check_persona,
    load_persona,
    simulate_text_call,
)
from dialogue.engine import AgentTurn, DialogueEngine, Recipient, TurnKind
from dialogue.extract import (
    EmergencyMatch,
    Extraction,
    classify,
    detect_emergency,
    extract,
    identity_answer,
)
from dialogue.guard import Guard, GuardContext, Verdict, Violation
from dialogue.llm import ChatModel, LLMError, Sampling
from dialogue.memory import (
    Fact,
    MemoryOp,
    MemoryStore,
    OpKind,
    SqliteMemoryStore,
    apply_ops,
    plan_update,
)
from dialogue.report import Alert, CallReport, GuardEvent, ItemResult, TranscriptEntry
from dialogue.scenario import (
    DONT_KNOW,
    SEVERITY_RANK,
    Answer,
    Emergency,
    Item,
    Scenario,
    domain_corpus,
    load_scenario,
    validate_file,
)
from dialogue.yamlfile import ScenarioError

__all__ = [
    "DONT_KNOW",
    "SEVERITY_RANK",
    "AgentTurn",
    "Alert",
    "Answer",
    "CallReport",
    "ChatModel",
    "DialogueEngine",
    "Emergency",
    "EmergencyMatch",
    "Extraction",
    "Fact",
    "Guard",
    "GuardContext",
    "GuardEvent",
    "Item",
    "ItemResult",
    "LLMError",
    "MemoryOp",
    "MemoryStore",
    "OpKind",
    "Persona",
    "Recipient",
    "Sampling",
    "Scenario",
    "ScenarioError",
    "SimulatedCaller",
    "SqliteMemoryStore",
    "TranscriptEntry",
    "TurnKind",
    "Verdict",
    "Violation",
    "apply_ops",
    "check_persona",
    "classify",
    "detect_emergency",
    "domain_corpus",
    "extract",
    "identity_answer",
    "load_persona",
    "load_scenario",
    "plan_update",
    "simulate_text_call",
    "validate_file",
]
