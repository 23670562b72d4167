"""LLM memory summaries: the model may word facts better or keep a new one the person said,
but never remember what nobody said, never forget without evidence, and any failure keeps
the offline plan."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from dialogue import DialogueEngine, Recipient, load_scenario
from dialogue.caller import SimulatedCaller, load_persona, simulate_text_call
from dialogue.llm import LLMError
from dialogue.llm_memory import llm_memory_plan, parse_memory_ops
from dialogue.memory import Fact, OpKind, apply_ops, plan_update
from tests.test_engine import Clock

NOW = datetime(2024, 6, 1, tzinfo=UTC)
OLD = [
    Fact("health", "your knee was hurting", "health", datetime(2024, 5, 1, tzinfo=UTC)),
    Fact("sleep", "you had trouble sleeping", "sleep", datetime(2024, 5, 1, tzinfo=UTC)),
]
PROPOSED = [  # what the extracted answers give: the knee still hurts, sleep is fine now
    Fact("health", "your knee was hurting", "health", NOW),
    Fact("sleep", "", "sleep", NOW),
]
SAID = [
    "yes my left knee still hurts when i climb the stairs",
    "i slept well thank you",
    "my grandson visited on sunday",
]


class Scripted:
    def __init__(self, reply: str | Exception):
        self.reply = reply
        self.calls = []

    def generate(self, messages, **sampling):
        self.calls.append(messages)
        if isinstance(self.reply, Exception):
            raise self.reply
        return self.reply


def ops_json(*ops: dict) -> str:
    return "Here is the plan:\n" + json.dumps(list(ops))


def plan_of(reply: str | Exception):
    return llm_memory_plan(Scripted(reply), OLD, PROPOSED, SAID, NOW)


def as_dict(ops) -> dict[str, str]:
    return {f.key: f.value for f in apply_ops(OLD, ops)}


def test_grounded_rewording_and_a_new_note_are_kept():
    ops, source = plan_of(
        ops_json(
            {"op": "replace", "key": "health", "value": "your left knee hurts on the stairs"},
            {"op": "append", "key": "family_visit", "value": "your grandson visited on sunday"},
        )
    )
    assert source == "llm"
    assert as_dict(ops) == {
        "health": "your left knee hurts on the stairs",
        "family_visit": "your grandson visited on sunday",
    }  # and the offline plan's DELETE of the healed sleep problem still stands
    kinds = {op.fact.key: op.kind for op in ops}
    assert kinds == {
        "health": OpKind.REPLACE,
        "sleep": OpKind.DELETE,
        "family_visit": OpKind.APPEND,
    }


@pytest.mark.parametrize(
    "bad",
    [
        # a note nobody said
        {"op": "append", "key": "hobby", "value": "you love playing golf with friends"},
        # forgetting without evidence (this call retracted sleep, not health)
        {"op": "delete", "key": "health"},
        # append over a stored key, unknown op, bad key, empty note
        {"op": "append", "key": "health", "value": "your knee still hurts"},
        {"op": "forget", "key": "sleep"},
        {"op": "replace", "key": "Health Notes!", "value": "your knee still hurts"},
        {"op": "replace", "key": "health", "value": ""},
        {"op": "pass", "key": "mood"},
    ],
)
def test_any_failed_check_keeps_the_offline_plan(bad):
    ops, source = plan_of(ops_json(bad))
    assert source == "offline"
    assert ops == plan_update(OLD, PROPOSED)


@pytest.mark.parametrize(
    "reply", ["not json at all", '{"op": "pass"}', "[1, 2]", LLMError("timed out")]
)
def test_unusable_replies_and_model_errors_keep_the_offline_plan(reply):
    ops, source = plan_of(reply)
    assert source == "offline"
    assert as_dict(ops) == {"health": "your knee was hurting"}


def test_passing_everything_changes_nothing_the_offline_plan_decided():
    both = ops_json({"op": "pass", "key": "health"}, {"op": "pass", "key": "sleep"})
    ops = parse_memory_ops(both, OLD, plan_update(OLD, PROPOSED), SAID, NOW)
    assert ops == plan_update(OLD, PROPOSED)


def test_too_many_new_notes_are_refused():
    notes = [
        {"op": "append", "key": f"note_{i}", "value": "your grandson visited"} for i in range(4)
    ]
    _, source = plan_of(ops_json(*notes))
    assert source == "offline"


def test_korean_notes_are_grounded_on_word_stems():
    old = [Fact("health", "무릎이 아프셨어요", "health", NOW)]
    ops = parse_memory_ops(
        ops_json({"op": "replace", "key": "health", "value": "허리가 아프셨어요"}),
        old,
        plan_update(old, []),
        ["요즘은 허리가 아파요"],
        NOW,
    )
    assert as_dict_for(old, ops) == {"health": "허리가 아프셨어요"}
    with pytest.raises(ValueError, match="not in what the person said"):
        parse_memory_ops(
            ops_json({"op": "replace", "key": "health", "value": "다리가 붓습니다"}),
            old,
            plan_update(old, []),
            ["요즘은 허리가 아파요"],
            NOW,
        )


def as_dict_for(old, ops):
    return {f.key: f.value for f in apply_ops(old, ops)}


def test_the_model_sees_the_stored_notes_and_what_the_person_said():
    model = Scripted("[]")
    llm_memory_plan(model, OLD, PROPOSED, SAID, NOW)
    prompt = model.calls[0][1]["content"]
    assert "your knee was hurting" in prompt and "grandson visited" in prompt


def test_a_real_call_feeds_the_summary_with_the_persons_words():
    persona = load_persona("margaret_en")
    scenario = load_scenario(persona.scenario)
    engine = DialogueEngine(
        scenario, recipient=Recipient(persona.recipient_id, persona.name), clock=Clock()
    )
    report = simulate_text_call(engine, SimulatedCaller(persona, scenario))
    said = [e.text for e in report.transcript if e.speaker == "person"]
    pain = next(t for t in said if "hurt" in t.lower())
    value = "your " + " ".join(w for w in pain.lower().strip(".").split()[1:4])
    model = Scripted(ops_json({"op": "append", "key": "pain_words", "value": value}))
    ops, source = llm_memory_plan(model, [], engine.memory_facts(), said, NOW)
    assert source == "llm"
    assert {op.fact.key for op in ops} >= {"pain_words", "health"}


def test_the_live_call_stores_the_llm_summary(tmp_path):
    """A pipeline with an OpenAI-compatible LLM (a real HTTP server on 127.0.0.1) keeps the
    model's grounded note at the end of the call; the memory store holds it for next time."""
    from assembly.config import load_settings
    from assembly.pipeline import Pipeline
    from telephony import CallInfo
    from telephony.audio import Audio
    from tests.llm_server import FakeServer
    from tests.test_pipeline_rescoring import Scripted as Heard

    server = FakeServer()
    plan = json.dumps(
        [{"op": "append", "key": "health", "value": "your left knee hurts on the stairs"}]
    )
    server.answer = lambda body: (
        plan if "keep short notes" in body["messages"][0]["content"] else ""
    )  # every other request: an empty reply, so turns fall back to the templates
    try:
        settings = load_settings(
            output_dir=tmp_path, llm="openai", llm_url=server.url + "/v1", llm_timeout_s=5.0
        )
        pipeline = Pipeline(settings)
        agent = pipeline.agent_factory(CallInfo("MZ1", "CA1", {"recipient": "r9", "name": "Ann"}))
        agent.opening()
        for said in (
            "yes speaking",
            "yes i had toast",
            "not well",
            "yes my left knee hurts on the stairs",
        ):
            pipeline.recognizer = Heard((said, -1.0))
            agent.hear(Audio.silence(1.0))
        agent.finish("hung_up", None)
    finally:
        server.close()
    facts = {f.key: f.value for f in pipeline.memory.load("r9")}
    assert facts["health"] == "your left knee hurts on the stairs"
    assert any("keep short notes" in r["messages"][0]["content"] for r in server.requests)
