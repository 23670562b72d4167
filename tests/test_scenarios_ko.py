"""The Korean campaign scenarios (post-vaccination follow-up, heat-wave check-in) and a health
office's own screening item, added in YAML alone."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from carecall.cli import main
from dialogue import DialogueEngine, Recipient, load_scenario
from dialogue.caller import SimulatedCaller, load_persona, simulate_text_call
from dialogue.guard_rules import WORLD
from dialogue.memory import Fact
from scenarios import scenario_path
from tests.test_engine import Clock

HEAT = load_scenario("heatwave_checkin_ko")
VACCINE = load_scenario("vaccination_followup_ko")


def persona_call(name: str, memory: list[Fact] | None = None, llm=None):
    persona = load_persona(name)
    scenario = load_scenario(persona.scenario)
    engine = DialogueEngine(
        scenario,
        recipient=Recipient(persona.recipient_id, persona.name),
        memory=memory,
        clock=Clock(),
        llm=llm,
    )
    return engine, simulate_text_call(engine, SimulatedCaller(persona, scenario))


def test_vaccination_follow_up_reads_symptoms_and_remembers_them() -> None:
    engine, report = persona_call("park_vaccine_ko")
    fever = report.items[1]
    assert (fever.answer_class, fever.detail) == ("fever", "37도 8부")
    facts = {f.key: f.value for f in engine.memory_facts()}
    assert facts["site"] == "주사 맞은 팔이 아프시다" and facts["daily"] == ""
    assert "주의: 접종 후 발열" in report.summary
    site = Fact("site", facts["site"], "site", datetime(2024, 5, 1, tzinfo=UTC))
    _, again = persona_call("lee_vaccine_ko", memory=[site])
    asked = [e.text for e in again.transcript if e.speaker == "agent"]
    expected = "지난번에 주사 맞은 팔이 아프시다고 하셨는데, 지금은 좀 어떠세요?"
    assert any(expected in a for a in asked)


def test_an_allergic_reaction_ends_the_call_with_119() -> None:
    _, report = persona_call("choi_vaccine_ko")
    assert report.outcome == "emergency"
    last = report.transcript[-1]
    assert last.speaker == "agent" and "119" in last.text
    (emergency,) = [a for a in report.alerts if a.kind == "emergency"]
    assert emergency.severity == "critical" and emergency.item_id == "fever"


def test_heat_wave_check_in_flags_heat_illness_and_the_screening() -> None:
    _, report = persona_call("jung_heat_ko")
    by_item = {a.item_id: a.severity for a in report.alerts}
    assert by_item["symptoms"] == "high" and by_item["phq_mood"] == "medium"
    assert "phq_interest" not in by_item  # "some days" is not flagged
    _, calm = persona_call("han_heat_ko")
    assert calm.alerts == [] and calm.completion == 1.0


class KoreanModel:
    """Words every question with a lead about the heat wave."""

    def generate(self, messages, **sampling) -> str:
        system = messages[0]["content"]
        if system.startswith("You read one answer"):
            return '{"class": "unclear"}'
        line = system.split('시나리오 문장: "')[1].split('"')[0]
        question = line.split(". ")[-1]
        return f"폭염 특보 중이라 걱정돼서요. {question}" if "?" in line else "안녕히 계세요."


def test_the_agent_may_speak_of_the_heat_wave_only_where_the_office_told_it() -> None:
    _, heat = persona_call("han_heat_ko", llm=KoreanModel())
    assert heat.llm_turns > 0 and heat.guard_interventions == []
    assert any(e.text.startswith("폭염 특보 중이라") for e in heat.transcript)
    _, daily = persona_call("kim_ko", llm=KoreanModel())
    assert daily.llm_turns == 0
    assert {c for g in daily.guard_interventions for c in g.categories} == {WORLD}


SCREENING = """
  # 보건소 자체 문항: 외로움 한 문항 (코드 수정 없이 추가)
  - id: lonely
    topic: 외로움
    questions:
      - "요즘 외롭다고 느끼실 때가 있으세요?"
    answers:
      - class: rarely
        description: 거의 외롭지 않다.
        keywords: [아니요, 아뇨, 없어요, 별로, 괜찮]
      - class: often
        description: 자주 외롭다.
        keywords: [자주, 매일, 늘, 많이, 외로워]
        flag: {severity: medium, note: 잦은 외로움}
"""


def with_item(tmp_path: Path, item: str) -> Path:
    text = scenario_path("heatwave_checkin_ko").read_text(encoding="utf-8")
    head, tail = text.split("\nemergency:\n")
    path = tmp_path / "heatwave_plus.yaml"
    path.write_text(head.rstrip() + "\n" + item + "\nemergency:\n" + tail, encoding="utf-8")
    return path


def test_a_health_office_adds_its_own_item_without_code(tmp_path: Path, capsys) -> None:
    path = with_item(tmp_path, SCREENING)
    assert main(["scenario", "validate", str(path)]) == 0
    scenario = load_scenario(path)
    assert scenario.items[-1].id == "lonely"
    persona = load_persona("jung_heat_ko", scenario=HEAT)
    persona = persona.model_copy(update={"answers": {**persona.answers, "lonely": "자주 그래요."}})
    engine = DialogueEngine(scenario, recipient=Recipient("r", persona.name), clock=Clock())
    report = simulate_text_call(engine, SimulatedCaller(persona, scenario))
    assert report.items[-1].answer_class == "often"
    assert "잦은 외로움" in [a.note for a in report.alerts]


def test_a_mistake_in_the_added_item_names_file_line_and_field(tmp_path: Path, capsys) -> None:
    broken = SCREENING.replace("keywords: [자주, 매일, 늘, 많이, 외로워]", "keywords: []")
    broken = broken.replace("    answers:", '    followups: {sometimes: "언제요?"}\n    answers:')
    path = with_item(tmp_path, broken)
    assert main(["scenario", "validate", str(path)]) == 1
    errors = capsys.readouterr().err.splitlines()
    text = path.read_text(encoding="utf-8").splitlines()
    for field in ["answers[1].keywords", "followups.sometimes"]:
        line = next(e for e in errors if field in e)
        name, number = line.split(":")[:2]
        assert name == "heatwave_plus.yaml" and "items[6]" in line
        assert field.split(".")[-1].split("[")[0] in text[int(number) - 1]
