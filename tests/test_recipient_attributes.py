"""Recipient attributes (a recipients file's extra columns) in scenario lines: declared with
defaults, validated, filled per person by the engine, handed to calls in this process only."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from campaign import DialRequest, DialResult, Outcome, Recipient
from dialogue import ScenarioError, load_scenario
from dialogue.engine import DialogueEngine
from dialogue.engine import Recipient as CallRecipient
from tests.test_scenario import MINIMAL

WITH_GUARDIAN = (
    MINIMAL.replace(
        'wrong_person: "Sorry. Goodbye."',
        'wrong_person: "Sorry. Please tell {guardian} we called. Goodbye."',
    ).replace(
        'text: "Hello, this is {agent_name}."',
        'text: "Hello, this is {agent_name}, calling about {guardian}\'s note from {district}."',
    )
    + 'recipient_attributes:\n  guardian: "your family"\n  district: "the office"\n'
)


def scenario(tmp_path: Path, text: str = WITH_GUARDIAN):
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    return load_scenario(path)


def test_declared_attributes_fill_lines_with_the_persons_value_or_the_default(tmp_path) -> None:
    s = scenario(tmp_path)
    given = {"guardian": "your daughter Mina", "age": "81"}
    engine = DialogueEngine(s, recipient=CallRecipient("r1", "Kim", attributes=given))
    opening = engine.opening().text
    assert "calling about your daughter Mina's note from the office." in opening
    assert "81" not in opening  # not declared by the scenario: not used
    plain = DialogueEngine(s, recipient=CallRecipient("r2", "Lee")).opening().text
    assert "calling about your family's note from the office." in plain
    assert not any("{" in line for line in s.agent_lines("Kim"))
    assert not any("your family" in p for p in s.fixed_prompts())  # per person: not fixed


def test_undeclared_or_reserved_attributes_are_refused(tmp_path) -> None:
    undeclared = WITH_GUARDIAN.split("recipient_attributes:")[0]
    with pytest.raises(ScenarioError) as info:
        scenario(tmp_path, undeclared)
    assert "unknown placeholder(s) ['district', 'guardian']" in str(info.value)
    reserved = WITH_GUARDIAN + "  question: oops\n"
    with pytest.raises(ScenarioError) as info:
        scenario(tmp_path, reserved)
    assert "'question' is a placeholder carecall fills itself" in str(info.value)
    bad_name = WITH_GUARDIAN + "  Bad-Name: x\n"
    with pytest.raises(ScenarioError) as info:
        scenario(tmp_path, bad_name)
    assert "recipient_attributes" in str(info.value)


def test_the_dialer_hands_attributes_to_the_pipeline_not_the_line() -> None:
    from carecall.campaign_dialers import ScenarioIds

    class Pipeline:
        attributes: dict = {}

        def scenario(self, name):
            return type("S", (), {"id": "tiny"})

    seen = []

    class Dialer:
        async def dial(self, request: DialRequest) -> DialResult:
            seen.append(request)
            return DialResult(Outcome.NO_ANSWER)

    pipeline = Pipeline()
    ids = ScenarioIds(Dialer(), pipeline)
    who = Recipient("r1", "Kim", "+821011112222", attributes={"guardian": "son Jun"})
    asyncio.run(ids.dial(DialRequest("c", who, "s.yaml", 1)))
    assert pipeline.attributes == {"r1": {"guardian": "son Jun"}}
    assert seen[0].scenario == "tiny"
    asyncio.run(ids.dial(DialRequest("c", Recipient("r1", "Kim", "+821011112222"), "s", 2)))
    assert pipeline.attributes == {}  # the row lost its attributes: none are left behind


def test_a_simulated_campaign_says_each_persons_attribute(tmp_path, capsys) -> None:
    """End to end: a recipients file's `guardian` column reaches the words of real simulated
    calls, through the store, the runner, the dialer and the call server's pipeline."""
    from carecall.campaign_commands import QUICK_SCENARIO
    from carecall.cli import main

    text = (QUICK_SCENARIO / "quick_checkin_en.yaml").read_text(encoding="utf-8")
    text = text.replace("id: quick_checkin_en", "id: family_checkin_en")
    text = text.replace(
        'text: "Hi, this is {agent_name} from {organization}."',
        'text: "Hi, this is {agent_name} from {organization}, as {guardian} asked."',
    )
    assert "{guardian}" in text
    scenario = tmp_path / "family_checkin_en.yaml"
    scenario.write_text(text + '\nrecipient_attributes:\n  guardian: "your family"\n')
    people = tmp_path / "people.csv"
    people.write_text(
        "id,name,phone,guardian,persona\n"
        "a,Margaret,010-1111-2222,your son Jun,margaret_en\n"
        "b,Harold,010-1111-2223,,harold_en\n"
    )
    db, out = tmp_path / "c.sqlite", tmp_path / "out"
    create = ["campaign", "create", "--recipients", str(people), "--scenario", str(scenario)]
    create += ["--region", "KR", "--window", "00:00-24:00", "--db", str(db), "--id", "g1"]
    assert main(create) == 0
    run = ["campaign", "run", "g1", "--db", str(db), "--until-idle", "--speed", "4"]
    assert main([*run, "--quiet", "--output-dir", str(out)]) == 0
    said = {}
    for folder in (out / "calls").iterdir():
        meta = json.loads((folder / "call.json").read_text())
        said[meta["parameters"]["recipient"]] = (folder / "transcript.txt").read_text()
        assert "son Jun" not in json.dumps(meta["parameters"])  # not on the line
    assert "as your son Jun asked" in said["a"]
    assert "as your family asked" in said["b"]
