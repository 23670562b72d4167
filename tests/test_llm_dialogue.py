"""LLM-driven calls: whatever the model says, only guard-passed, on-script turns reach the line,
and the report still says what the person answered.

Three kinds of model drive the engine: a tiny random GPT-2 (noise), a scripted model that
mixes role violations with good turns and JSON answers, and a real HTTP server that is slow,
fails or answers well.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest

from assembly.config import Settings
from assembly.pipeline import WeightsMissing, build_chat_model
from dialogue import CallReport, DialogueEngine, Recipient, load_scenario
from dialogue.caller import SimulatedCaller, load_persona, simulate_text_call
from dialogue.guard import Guard, GuardContext
from dialogue.guard_rules import HUMAN, MEMORY, PHYSICAL, SEES, WORLD
from dialogue.llm import Sampling
from dialogue.llm.openai import OpenAIChatModel
from dialogue.llm.transformers import TransformersChatModel
from dialogue.llm_extract import _PROMPT, parse_extraction
from dialogue.memory import Fact
from dialogue.responder import ROLE_RULES
from scenarios import list_scenarios, scenario_path
from tests.llm_server import FakeServer
from tests.test_engine import Clock
from tests.tiny_models import tiny_causal_lm

EN = load_scenario("daily_checkin_en")
KNEE = Fact("health", "your knee was hurting", "health", datetime(2024, 5, 1, tzinfo=UTC))


def call(name: str, llm=None, memory: list[Fact] | None = None, **answers: str) -> CallReport:
    persona = load_persona(name)
    if answers:
        persona = persona.model_copy(update={"answers": {**persona.answers, **answers}})
    scenario = load_scenario(persona.scenario)
    engine = DialogueEngine(
        scenario,
        recipient=Recipient(persona.recipient_id, persona.name),
        memory=memory,
        clock=Clock(),
        llm=llm,
    )
    return simulate_text_call(engine, SimulatedCaller(persona, scenario))


def assert_nothing_out_of_role_was_said(report: CallReport, memory: list[Fact] = ()) -> None:
    """Every line the person heard passes the guard, given what the call itself supplies."""
    scenario = load_scenario(report.scenario_id)
    lines = " ".join(scenario.agent_lines(report.recipient_name))
    guard = Guard()
    context = GuardContext(  # a call with alerts told the care worker: its closing says so
        language=report.language,
        facts=tuple(f.value for f in memory),
        alerting=bool(report.alerts),
        script=lines,
    )
    for entry in report.transcript:
        if entry.speaker == "agent":
            verdict = guard.check(entry.text, context=context)
            assert verdict.ok, (entry.text, verdict.violations)


class Capped:
    """The tiny model with short replies, so a whole call stays fast on two cores."""

    def __init__(self, inner) -> None:
        self.inner, self.replies = inner, []

    def generate(self, messages, **sampling) -> str:
        sampling["max_tokens"] = min(sampling.get("max_tokens", 4), 4)
        reply = self.inner.generate(messages, **sampling)
        self.replies.append(reply)
        return reply


@cache
def tiny_chat() -> TransformersChatModel:
    # A tokenizer that knows the prompts' words keeps them a few hundred tokens long.
    texts = [ROLE_RULES["en"], ROLE_RULES["ko"], _PROMPT]
    texts += [Path(scenario_path(n)).read_text(encoding="utf-8") for n in list_scenarios()]
    model, tokenizer = tiny_causal_lm(seed=0, n_positions=2048, sentences=texts, vocab_size=3000)
    return TransformersChatModel(
        model, tokenizer=tokenizer, dtype="fp32", sampling=Sampling(seed=0, max_tokens=12)
    )


@pytest.mark.parametrize("name", ["margaret_en", "kim_ko"])
def test_a_random_model_changes_nothing_the_person_hears(name: str) -> None:
    llm = Capped(tiny_chat())
    report = call(name, llm)
    offline = call(name)
    assert len(llm.replies) > 10  # the model was asked for every turn and every answer
    assert report.llm_turns == 0 and report.llm_fallbacks > 0
    assert report.transcript_lines() == offline.transcript_lines()
    assert report.items == offline.items and report.outcome == "completed"
    assert {r.item_id: r.answer_class for r in report.items} == load_persona(name).truths
    assert_nothing_out_of_role_was_said(report)


BAD_LEADS = {  # what an LLM might put before the scenario's question
    HUMAN: "Oh, I had porridge this morning too!",
    SEES: "You look tired today.",
    PHYSICAL: "I'll come over later and bring you a warm blanket.",
    WORLD: "It's raining a lot these days.",
    MEMORY: "Last time you said you went to church.",
}


class ScriptedModel:
    """A model that knows the persona: it answers extraction prompts with JSON (the truth,
    quoting the person's words) and phrasing prompts with a bad turn from `bad` when one is
    left, else a fair paraphrase of the scenario's line."""

    def __init__(self, truths: dict[str, str], bad: list[str]) -> None:
        self.truths = {EN.item(k).topic: v for k, v in truths.items()}
        self.bad = list(bad)
        self.prompts: list[str] = []

    def generate(self, messages, **sampling) -> str:
        system, last = messages[0]["content"], messages[-1]["content"]
        self.prompts.append(system)
        if system.startswith("You read one answer"):
            topic = re.search(r"Topic: (.*)", last).group(1)
            answer = re.search(r"Answer: (.*)", last).group(1)
            return json.dumps(
                {"class": self.truths[topic], "evidence": answer.split(",")[0], "confidence": 0.9}
            )
        line = re.search(r'The scenario\'s line: "(.*)"', system).group(1)
        question = line.split(". ")[-1]
        if "?" not in line:
            return "Goodbye, Margaret."
        lead = self.bad.pop(0) if self.bad else "Thank you, Margaret."
        return f"{lead} {question}"


def test_role_violations_are_replaced_logged_and_counted() -> None:
    persona = load_persona("margaret_en")
    llm = ScriptedModel(persona.truths, list(BAD_LEADS.values()))
    # an answer no keyword rule knows: only the LLM's JSON can read it
    report = call("margaret_en", llm, meal="I managed a slice of toast, dear.")
    # Each stopped turn gets one retry with the violation named: two bad leads per turn until
    # they run out; the third turn's retry is fine and is said.
    events = report.guard_interventions
    assert [c for g in events for c in g.categories] == list(BAD_LEADS)
    assert [g.said for g in events] == ["template", "template", "retry"]
    rejected = [r for g in events for r in g.rejected.split(" / ")]
    assert all(r.startswith(lead) for r, lead in zip(rejected, BAD_LEADS.values(), strict=True))
    assert all(g.evidence for g in events)
    heard = " ".join(e.text for e in report.transcript)
    assert not any(lead in heard for lead in BAD_LEADS.values())
    assert report.llm_turns == 5 and heard.count("Thank you, Margaret.") == 5
    assert {r.item_id: r.answer_class for r in report.items} == persona.truths
    assert report.items[0].evidence == "i managed a slice of toast"
    assert_nothing_out_of_role_was_said(report)
    assert "Guard: 3 sentence(s) stopped before they were spoken" in report.to_text()
    assert CallReport.from_json(report.to_json()) == report


def test_the_prompt_carries_persona_role_memory_and_goal() -> None:
    persona = load_persona("margaret_en")
    memory = [KNEE]
    llm = ScriptedModel(persona.truths, [])
    call("margaret_en", llm, memory=memory)
    health = next(p for p in llm.prompts if 'your knee was hurting. How is it today?"' in p)
    assert EN.agent.persona in health and "never offer or promise it" in health
    assert "- your knee was hurting" in health and "Last time you told me" in health
    fresh = next(p for p in llm.prompts if "line:" in p)
    assert "You remember nothing from earlier calls" not in health
    assert "Your next turn: ask this check-in question" in fresh


def test_a_turn_that_drops_what_memory_holds_is_not_used() -> None:
    persona = load_persona("margaret_en")
    memory = [KNEE]
    report = call("margaret_en", ScriptedModel(persona.truths, []), memory=memory)
    # "Thank you, Margaret. How is it today?" forgets the knee: the template is said instead
    assert any(
        e.text.endswith("Last time you told me your knee was hurting. How is it today?")
        for e in report.transcript
    )
    assert_nothing_out_of_role_was_said(report, memory)


def test_llm_json_is_checked_against_the_item() -> None:
    item = EN.item("health")
    answer = "my left knee is sore"
    found = parse_extraction(
        '{"class": "pain", "evidence": "knee is sore", "detail": "knee"}', item, answer
    )
    assert (found.answer_class, found.evidence, found.detail) == ("pain", "knee is sore", "knee")
    assert parse_extraction('{"class": "unclear"}', item, answer) is None
    for bad in ['{"class": "broken_leg"}', '{"class": "pain", "evidence": "my hip"}', "pain"]:
        with pytest.raises(ValueError):
            parse_extraction(bad, item, answer)
    dropped = parse_extraction('{"class": "pain", "detail": "hip", "confidence": 7}', item, answer)
    assert dropped.detail is None and dropped.confidence == 1.0


def test_the_llm_cannot_explain_away_an_alert() -> None:
    persona = load_persona("margaret_en")
    truths = {**persona.truths, "health": "none"}  # a model that reads the pain as harmless
    report = call("margaret_en", ScriptedModel(truths, []))
    assert report.items[2].answer_class == "pain"
    assert "health" in {a.item_id for a in report.alerts}


@pytest.fixture
def server():
    s = FakeServer()
    yield s
    s.close()


def test_a_slow_or_failing_server_gives_the_offline_call(server: FakeServer) -> None:
    server.script = [("slow", 5.0), ("status", 500), ("junk", "<html>"), ("status", 503)] * 3
    server.answer = lambda body: "!!"
    llm = OpenAIChatModel(server.url, "m", timeout_s=0.2, retries=0)
    report = call("margaret_en", llm)
    assert len(server.requests) > 12
    # The safety screen's second opinions fail too and change nothing (dialogue.safety);
    # every wording request fell back.
    wording = [r for r in server.requests if "You screen" not in r["messages"][0]["content"]]
    assert report.llm_turns == 0 and report.llm_fallbacks >= len(wording) - 1
    assert report.transcript_lines() == call("margaret_en").transcript_lines()


def test_a_call_worded_by_a_model_over_http(server: FakeServer) -> None:
    persona = load_persona("margaret_en")
    model = ScriptedModel(persona.truths, [BAD_LEADS[PHYSICAL]])
    server.answer = lambda body: model.generate(body["messages"])
    llm = OpenAIChatModel(
        server.url, "care-model", timeout_s=2.0, sampling=Sampling(temperature=0.5, top_k=40)
    )
    report = call("margaret_en", llm)
    assert report.outcome == "completed" and report.llm_turns > 0
    assert [g.categories for g in report.guard_interventions] == [[PHYSICAL]]
    assert {r.item_id: r.answer_class for r in report.items} == persona.truths
    bodies = server.requests
    assert all(b["model"] == "care-model" for b in bodies)
    assert any(b["top_k"] == 40 and b["temperature"] == 0.6 for b in bodies)  # responder's
    assert any(b["temperature"] == 0.0 for b in bodies)  # extraction is greedy
    assert_nothing_out_of_role_was_said(report)


def test_settings_build_the_configured_model(server: FakeServer, tmp_path) -> None:
    assert build_chat_model(Settings()) is None
    http = build_chat_model(
        Settings(llm="openai", llm_url=server.url, llm_model="m", llm_timeout_s=3)
    )
    assert isinstance(http, OpenAIChatModel) and http.timeout_s == 3
    with pytest.raises(WeightsMissing, match="--llm-url"):
        build_chat_model(Settings(llm="openai"))
    with pytest.raises(WeightsMissing, match="--llm-model"):
        build_chat_model(Settings(llm="transformers"))
    with pytest.raises(WeightsMissing, match="cannot load"):
        build_chat_model(Settings(llm="transformers", llm_model=str(tmp_path / "none")))
    tiny_causal_lm(seed=0, dir=tmp_path)
    local = build_chat_model(Settings(llm="transformers", llm_model=str(tmp_path)))
    assert isinstance(local, TransformersChatModel) and local.device == "cpu"
