"""Dialogue: scenarios, answer extraction, the per-call engine, memory and the call report.

Everything here runs offline with no model: a scenario YAML drives the conversation and
keyword rules read the answers. Model backends (an LLM responder, a guard, an LLM extractor)
plug in around `DialogueEngine`, one per module under `dialogue.llm`.
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
from dialogue.memory import (
    Fact,
    MemoryOp,
    MemoryStore,
    OpKind,
    SqliteMemoryStore,
    apply_ops,
    plan_update,
)
from dialogue.report import Alert, CallReport, ItemResult, TranscriptEntry
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
    "DONT_KNOW", "SEVERITY_RANK", "AgentTurn", "Alert", "Answer", "CallReport",
    "DialogueEngine", "Emergency", "EmergencyMatch", "Extraction", "Fact", "Item", "ItemResult",
    "MemoryOp", "MemoryStore", "OpKind", "Persona", "Recipient", "Scenario", "ScenarioError",
    "SimulatedCaller", "SqliteMemoryStore", "TranscriptEntry", "TurnKind", "apply_ops",
    "check_persona", "classify", "detect_emergency", "domain_corpus", "extract",
    "identity_answer", "load_persona", "load_scenario", "plan_update", "simulate_text_call",
    "validate_file",
]
