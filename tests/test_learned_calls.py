"""The learned layer in calls: a plain answer to the item just asked needs a higher margin
before the model alone asks a safety question; the rules are never gated; `carecall safety
eval` follows the settings; the agent's own lines are never flagged by the learned guard."""

from __future__ import annotations

import json

import pytest

from carecall.cli import main
from dialogue.engine import DialogueEngine, Recipient
from dialogue.guard import Guard, GuardContext
from dialogue.learned import gate, layer
from dialogue.safety import Decision
from dialogue.safety.detector import EmergencyDetector
from dialogue.safety.flow import SafetyFlow
from dialogue.scenario import load_scenario
from tests.learned_kit import lines, make_root

# a plain answer to "Did you eat today?" that carries the made-up emergency word
ANSWER = "I had breakfast, the blorp is back in the kitchen"


@pytest.fixture
def root(tmp_path, monkeypatch):
    make_root(tmp_path)
    monkeypatch.setenv("CARECALL_LEARNED_DATA", str(tmp_path))
    monkeypatch.setenv("CARECALL_CACHE", str(tmp_path / "cache"))
    monkeypatch.setitem(layer.THRESHOLDS, ("emergency", "en"), 0.5)
    monkeypatch.setitem(layer.ANSWER_THRESHOLDS, ("emergency", "en"), 0.999)
    monkeypatch.setitem(layer.THRESHOLDS, ("guard", "en"), 0.5)
    layer.reset()
    yield tmp_path
    layer.reset()


@pytest.fixture(scope="module")
def scenario():
    return load_scenario("daily_checkin_en")


def _item(scenario, item_id):
    return next(i for i in scenario.items if i.id == item_id)


def test_a_confident_answer_to_the_item_asked_needs_the_higher_margin(root, scenario):
    meal, mood = _item(scenario, "meal"), _item(scenario, "mood")
    assert gate.answers(ANSWER, meal, "en") and not gate.answers(ANSWER, mood, "en")
    detector = EmergencyDetector(learned=True)
    assert detector.assess(ANSWER, "en").decision == Decision.CHECK  # no dialogue: as before
    assert detector.assess(ANSWER, "en", asked=meal).decision == Decision.NONE
    # with any question open the same margin: misheard answers are rarely an answer to it
    assert detector.assess(ANSWER, "en", asked=mood).decision == Decision.NONE
    # the margin is the threshold, not a veto: above it the model still asks
    layer.ANSWER_THRESHOLDS[("emergency", "en")] = 0.5
    assert detector.assess(ANSWER, "en", asked=meal).decision == Decision.CHECK


def test_the_rules_are_never_gated_by_the_answer(root, scenario):
    meal = _item(scenario, "meal")
    detector = EmergencyDetector(learned=True)
    for text in ("I had lunch and now I can't breathe", "I ate, then I fell and can't get up"):
        rules = EmergencyDetector(learned=False).assess(text, "en").decision
        assert rules != Decision.NONE, text
        assert detector.assess(text, "en", asked=meal).decision == rules, text


def test_the_safety_flow_passes_the_item_on_and_keeps_plain_assessors_working(root, scenario):
    meal = _item(scenario, "meal")
    flow = SafetyFlow(EmergencyDetector(learned=True), "en")
    assert flow.hear(ANSWER, asked=meal) is None
    assert flow.hear(ANSWER).kind == "check"

    class Plain:  # an assessor without `asked` (tests, other detectors)
        def assess(self, text, language):
            return EmergencyDetector(learned=True).assess(text, language)

    assert SafetyFlow(Plain(), "en").hear(ANSWER, asked=meal).kind == "check"


def test_in_a_call_the_answer_to_the_meal_question_asks_no_check(root, scenario):
    engine = DialogueEngine(
        scenario,
        recipient=Recipient("r1", "Margaret"),
        safety=SafetyFlow(EmergencyDetector(learned=True), "en"),
        clock=lambda: 0.0,
    )
    engine.opening()
    assert engine.reply("yes this is Margaret").item_id == "meal"
    turn = engine.reply(ANSWER)
    assert turn.kind != "clarify" and turn.item_id == "sleep"
    assert engine.report().safety_checks == []
    # above the margin, a learned red flag is still checked in a call
    layer.ANSWER_THRESHOLDS[("emergency", "en")] = 0.5
    check = engine.reply("blorp blorp everywhere in the hall")
    assert check.kind == "clarify"


def test_safety_eval_follows_the_settings_unless_told(root, capsys, monkeypatch):
    cases = root / "cases.jsonl"
    cases.write_text(
        lines([{"lang": "en", "user": "blorp under the door", "emergency": True}]),
        encoding="utf-8",
    )

    def decision(*flags):
        assert main(["safety", "eval", "--json", *flags, str(cases)]) == 0
        return json.loads(capsys.readouterr().out.splitlines()[0])["decision"]

    monkeypatch.delenv("CARECALL_LEARNED_LAYER", raising=False)
    assert decision() == "check"  # the settings' default: on, as in calls
    assert decision("--no-learned") == "none"
    monkeypatch.setenv("CARECALL_LEARNED_LAYER", "false")
    assert decision() == "none"
    assert decision("--learned") == "check"
    config = root / "on.yaml"
    config.write_text("learned_layer: true\n", encoding="utf-8")
    monkeypatch.delenv("CARECALL_LEARNED_LAYER")
    config.write_text("learned_layer: false\n", encoding="utf-8")
    assert decision("--config", str(config)) == "none"
    config.write_text("learned_layer: [\n", encoding="utf-8")
    assert main(["safety", "eval", "--config", str(config), str(cases)]) == 2
    assert "carecall safety:" in capsys.readouterr().err


def test_the_office_script_is_never_flagged_by_the_learned_guard(root):
    guard = Guard(learned=True)
    line = "Zibble looks after that for you."  # the rules pass it; the test model flags it
    assert not guard.check(line, context=GuardContext("en")).ok
    assert guard.check(line, context=GuardContext("en", script=f"Hello. {line} Bye.")).ok


def _own_lines():
    """(where, language, line) for every line the agent may say of its own: the shipped and
    campaign scenarios' templates (memory questions with a fact) and the response bank."""
    from pathlib import Path

    from dialogue.conversation.bank import SAMPLE_FIELDS, load_bank, spoken_lines
    from dialogue.text import fill
    from scenarios import list_scenarios, scenario_path

    campaign = Path(__file__).resolve().parents[1] / "campaign" / "scenarios"
    for path in [scenario_path(n) for n in list_scenarios()] + sorted(campaign.glob("*.yaml")):
        scenario = load_scenario(path)
        name = SAMPLE_FIELDS[scenario.language]["recipient_name"]
        fact = "무릎이 아프시다" if scenario.language == "ko" else "your knee was hurting"
        lines = scenario.agent_lines(name)
        lines += [
            fill(i.memory_question, recipient_name=name, fact=fact)
            for i in scenario.items
            if i.memory_question
        ]
        for line in lines:
            yield path.name, scenario.language, line, (fact,)
    for language in ("en", "ko"):
        for situation in load_bank(language).situations:
            for field, line in spoken_lines(situation):
                where = f"bank {situation.id}.{field}"
                yield where, language, fill(line, **SAMPLE_FIELDS[language]), ()


def test_the_learned_guard_never_flags_the_agents_own_lines():
    """With the repository's own training files and thresholds, as in calls: a line of the
    agent's own is never stopped by the learned layer (the rules judge them in their tests)."""
    layer.reset()
    guard = Guard(learned=True)
    flagged = []
    for where, language, line, facts in _own_lines():
        context = GuardContext(language, facts=facts, alerting=True)
        verdict = guard.check(line, context=context)
        if verdict.layer == "learned":
            flagged.append((where, line, verdict.categories))
    assert flagged == []
