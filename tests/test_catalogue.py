"""A call names its scenario on the wire (`customParameters.scenario`): only an id of the
catalogue loaded at start is accepted. A path, a FIFO or an unknown name refuses the call with
UnknownScenario, and nothing is opened or loaded while a call starts."""

from __future__ import annotations

import builtins
import io
import os
import threading
from pathlib import Path

import pytest

import assembly.pipeline as pipeline_module
from assembly.config import load_settings
from assembly.pipeline import Pipeline
from campaign import DialRequest, DialResult, Outcome, Recipient
from carecall.campaign_commands import _persona_problem
from carecall.campaign_dialers import ScenarioIds
from dialogue.catalogue import Catalogue, UnknownPersona, UnknownScenario
from dialogue.conversation.talk import default_retriever
from scenarios import SCENARIO_DIR, list_scenarios, scenario_path
from telephony import CallInfo

QUICK = SCENARIO_DIR.parent / "campaign" / "scenarios" / "quick_checkin_en.yaml"


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory) -> Pipeline:
    pipeline = Pipeline(load_settings(output_dir=tmp_path_factory.mktemp("out"), rescore=False))
    for language in ("en", "ko"):  # read once per process, as `Pipeline.warm` does: the bank
        default_retriever(language)  # and the shipped scenarios' answer words
    return pipeline


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """Every file opened from now on, by any of the ways the project opens files."""
    seen: list[str] = []

    def spy(real, arg=0):
        def wrapper(*args, **kwargs):
            seen.append(str(args[arg]))
            return real(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(builtins, "open", spy(builtins.open))
    monkeypatch.setattr(io, "open", spy(io.open))
    monkeypatch.setattr(os, "open", spy(os.open))
    monkeypatch.setattr(Path, "open", spy(Path.open))
    monkeypatch.setattr(Path, "read_text", spy(Path.read_text))
    monkeypatch.setattr(Path, "read_bytes", spy(Path.read_bytes))
    return seen


def call(scenario: str) -> CallInfo:
    return CallInfo("MZ1", "CA1", {"scenario": scenario, "recipient": "r1", "name": "Kim"})


@pytest.mark.parametrize(
    "value", ["/etc/passwd", "../../x", "daily_checkin_en.yaml", "no_such_scenario", "x" * 500]
)
def test_a_call_naming_anything_but_a_known_id_is_refused_without_opening_a_file(
    pipeline, opened, value
):
    with pytest.raises(UnknownScenario) as caught:
        pipeline.agent_factory(call(value))
    message = str(caught.value)
    assert message.startswith(f"unknown scenario {value[:64]!r}")
    assert len(message) < 300 and "daily_checkin_en" in message  # the ids it could have named
    assert opened == []


def test_a_path_to_a_valid_scenario_is_refused_too(pipeline, opened, tmp_path):
    sentinel = tmp_path / "evil.yaml"
    text = scenario_path("daily_checkin_en").read_text(encoding="utf-8")
    sentinel.write_text(text.replace("id: daily_checkin_en", "id: evil"), encoding="utf-8")
    opened.clear()
    with pytest.raises(UnknownScenario, match="not an id"):
        pipeline.agent_factory(call(str(sentinel)))
    assert opened == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_by_a_call_neither_blocks_nor_is_opened(pipeline, opened, tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    outcome: list = []

    def start():
        try:
            pipeline.agent_factory(call(str(fifo)))
        except Exception as exc:
            outcome.append(exc)

    thread = threading.Thread(target=start, daemon=True)
    thread.start()
    thread.join(5)
    blocked = thread.is_alive()
    if blocked:  # let the regression's reader go, so the test process can end
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert not blocked, "a call naming a FIFO blocked"
    assert isinstance(outcome[0], UnknownScenario)
    assert str(fifo) not in opened


def test_a_known_id_works_and_opens_no_scenario_file(pipeline, opened):
    agent = pipeline.agent_factory(call("heatwave_checkin_ko"))
    assert agent.scenario.id == "heatwave_checkin_ko"
    assert agent.scenario is pipeline.catalogue.scenarios["heatwave_checkin_ko"]
    assert not [p for p in opened if p.endswith((".yaml", ".yml"))]
    assert pipeline.agent_factory(call("")).scenario is pipeline.default_scenario
    no_scenario = CallInfo("MZ2", "CA2", {"recipient": "r1"})
    assert pipeline.agent_factory(no_scenario).scenario.id == "daily_checkin_en"


def test_the_catalogue_holds_every_shipped_scenario_and_the_configured_one(tmp_path):
    pipeline = Pipeline(load_settings(output_dir=tmp_path, rescore=False, scenario=str(QUICK)))
    ids = {s.id for s in pipeline.call_scenarios()}
    assert ids == {*list_scenarios(), "quick_checkin_en"}
    assert pipeline.default_scenario.id == "quick_checkin_en"
    assert pipeline.call_scenarios()[0] is pipeline.default_scenario
    # the operator's own reference (the path) still finds it; a call must use the id
    assert pipeline.scenario(str(QUICK)) is pipeline.catalogue.scenario("quick_checkin_en")
    assert pipeline.agent_factory(call("quick_checkin_en")).scenario.id == "quick_checkin_en"


def test_every_rescorer_is_built_at_start_so_no_call_waits_for_one(tmp_path, monkeypatch):
    built: list[str] = []
    real = pipeline_module.build_rescorer

    def counting(settings, scenario):
        built.append(scenario.id)
        return real(settings, scenario)

    monkeypatch.setattr(pipeline_module, "build_rescorer", counting)
    pipeline = Pipeline(load_settings(output_dir=tmp_path))
    assert sorted(built) == sorted(s.id for s in pipeline.call_scenarios())
    at_start = len(built)
    for scenario in pipeline.call_scenarios():
        agent = pipeline.agent_factory(call(scenario.id))
        assert pipeline.rescorer(agent.scenario) is not None
    assert len(built) == at_start
    assert not hasattr(pipeline, "_lock")


class FakeDialer:
    def __init__(self) -> None:
        self.requests: list[DialRequest] = []
        self.port = 1234

    async def dial(self, request: DialRequest) -> DialResult:
        self.requests.append(request)
        return DialResult(Outcome.ANSWERED)

    async def resume(self, request: DialRequest) -> DialResult | None:
        self.requests.append(request)
        return None


def test_campaign_calls_name_their_scenario_by_id_not_by_the_stored_path(tmp_path):
    import asyncio

    pipeline = Pipeline(load_settings(output_dir=tmp_path, rescore=False), scenarios=[str(QUICK)])
    fake = FakeDialer()
    dialer = ScenarioIds(fake, pipeline)
    recipient = Recipient("r1", "Kim", "+821012345678")
    for ref in (str(QUICK), "daily_checkin_ko"):
        asyncio.run(dialer.dial(DialRequest("c1", recipient, ref, 1)))
        asyncio.run(dialer.resume(DialRequest("c1", recipient, ref, 2)))
    assert [r.scenario for r in fake.requests] == ["quick_checkin_en"] * 2 + [
        "daily_checkin_ko"
    ] * 2
    assert dialer.port == 1234  # the rest of the dialer shows through
    failed = asyncio.run(dialer.dial(DialRequest("c1", recipient, "/etc/passwd", 1)))
    assert failed.outcome is Outcome.FAILED and "unknown scenario '/etc/passwd'" in failed.detail


def test_personas_are_named_by_shipped_id_only():
    assert _persona_problem("margaret_en") is None
    for bad in ("scenarios/personas/margaret_en.yaml", "/etc/passwd", "nobody"):
        assert _persona_problem(bad).startswith(f"unknown persona {bad!r}")
    people = Catalogue.load(personas=True)
    assert people.persona("kim_ko").id == "kim_ko"
    with pytest.raises(UnknownPersona, match="unknown persona '../kim_ko': not an id"):
        people.persona("../kim_ko")
