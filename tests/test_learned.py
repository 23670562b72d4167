"""The learned layer (dialogue.learned): it only adds, it is deterministic, it says when its
data is missing, and the eval command shows which layer decided. Trained here on small files
written for these tests (CARECALL_LEARNED_DATA), so each fit takes milliseconds."""

from __future__ import annotations

import json
import logging

import pytest

from carecall.cli import main
from dialogue import learned
from dialogue.guard import Guard, GuardContext
from dialogue.learned import data, layer
from dialogue.safety import Decision
from dialogue.safety.detector import EmergencyDetector
from tests.learned_kit import GUARD_OK, NEGATIVE, POSITIVE, lines, make_root


@pytest.fixture
def root(tmp_path, monkeypatch):
    make_root(tmp_path)
    monkeypatch.setenv("CARECALL_LEARNED_DATA", str(tmp_path))
    monkeypatch.setenv("CARECALL_CACHE", str(tmp_path / "cache"))
    monkeypatch.setitem(layer.THRESHOLDS, ("emergency", "en"), 0.5)
    monkeypatch.setitem(layer.THRESHOLDS, ("guard", "en"), 0.5)
    layer.reset()
    yield tmp_path
    layer.reset()


def test_held_out_files_are_never_read(root):
    names = [p.name for p in data.files("emergency", "en")]
    assert "safety_en_batch9.test.jsonl" not in names
    assert {"safety_en_batch1.jsonl", "safety_en_batch2.jsonl"} <= set(names)


def test_the_layer_raises_none_to_check_and_never_to_emergency(root):
    text = "blorp in the kitchen again"
    assert EmergencyDetector(learned=False).assess(text, "en").decision == Decision.NONE
    assessment = EmergencyDetector(learned=True).assess(text, "en")
    assert assessment.decision == Decision.CHECK
    assert assessment.top.rule.startswith("learned:")
    assert assessment.top.category == "blorp"


def test_the_layer_never_lowers_and_never_decides_emergency(root):
    rules, both = EmergencyDetector(learned=False), EmergencyDetector(learned=True)
    texts = [*POSITIVE, *NEGATIVE, "I fell and I can't get up", "blorp and I can't breathe"]
    for text in texts:
        before, after = rules.assess(text, "en").decision, both.assess(text, "en").decision
        assert after.rank >= before.rank, text
        if after == Decision.EMERGENCY:
            assert before == Decision.EMERGENCY, text
    assert rules.assess(NEGATIVE[-1], "en").decision == Decision.EMERGENCY
    assert both.assess(NEGATIVE[-1], "en").decision == Decision.EMERGENCY


def test_off_by_switch(root):
    learned.set_enabled(False)
    assert EmergencyDetector().assess("blorp in the kitchen", "en").decision == Decision.NONE
    learned.set_enabled(True)
    try:
        assert EmergencyDetector().assess("blorp in the kitchen", "en").decision == Decision.CHECK
    finally:
        learned.set_enabled(False)


def test_guard_layer_only_adds(root):
    rules, both = Guard(learned=False), Guard(learned=True)
    context = GuardContext(language="en")
    fine = "Zibble looks after that for you."
    assert rules.check(fine, context=context).ok
    verdict = both.check(fine, context=context)
    assert not verdict.ok and verdict.layer == "learned"
    assert verdict.categories == ["action"]
    bad = "I will send a nurse to your house tomorrow."
    assert rules.check(bad, context=context) == both.check(bad, context=context)
    assert both.check(bad, context=context).layer == "rules"
    for text in GUARD_OK:
        assert both.check(text, context=context).ok or not rules.check(text, context=context).ok


def test_training_is_deterministic(root):
    examples = data.examples("emergency", "en")
    probe = [*POSITIVE, *NEGATIVE, "blorp", "tea and blorp", "a quiet day"]
    first, second = layer.fit("emergency", "en", examples), layer.fit("emergency", "en", examples)
    assert [first.score(t) for t in probe] == [second.score(t) for t in probe]
    assert first.binary.vocab == second.binary.vocab


def test_missing_data_is_said_and_the_rules_decide_alone(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("CARECALL_LEARNED_DATA", str(tmp_path / "nowhere"))
    layer.reset()
    try:
        with pytest.raises(data.LearnedDataMissing, match="CARECALL_LEARNED_DATA"):
            data.files("emergency", "en")
        with caplog.at_level(logging.WARNING):
            decision = EmergencyDetector(learned=True).assess("blorp everywhere", "en").decision
        assert decision == Decision.NONE
        assert "no training files" in caplog.text and "rules decide alone" in caplog.text
    finally:
        layer.reset()


def test_eval_json_shows_the_layer(root, capsys):
    cases = root / "cases.jsonl"
    rows = [
        {"lang": "en", "user": "blorp under the door", "emergency": True},
        {"lang": "en", "user": "I think I'm having a heart attack", "emergency": True},
        {"lang": "en", "user": "I had toast for breakfast", "emergency": False},
    ]
    cases.write_text(lines(rows), encoding="utf-8")
    assert main(["safety", "eval", "--json", str(cases)]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(o["decision"], o["layer"]) for o in out] == [
        ("check", "learned"),
        ("emergency", "rules"),
        ("none", "rules"),
    ]
    assert main(["safety", "eval", "--json", "--no-learned", str(cases)]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert out[0]["decision"] == "none" and out[0]["layer"] == "rules"


def test_guard_eval_json_shows_the_layer(root, capsys):
    cases = root / "guard.jsonl"
    rows = [
        {"lang": "en", "agent": "The zibble crew handles it.", "violation": True},
        {"lang": "en", "agent": "I will send a nurse to your house.", "violation": True},
    ]
    cases.write_text(lines(rows), encoding="utf-8")
    assert main(["safety", "eval", "--guard", "--json", str(cases)]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["layer"] for o in out] == ["learned", "rules"]
    assert all(o["violation_found"] for o in out)


def test_warm_fits_only_when_switched_on(root):
    learned.warm(("en",))
    assert ("emergency", "en") not in layer._layers
    learned.set_enabled(True)
    learned.warm(("en",))
    assert layer._layers[("emergency", "en")] is not None
    assert layer._layers[("guard", "en")] is not None


def test_settings_key(monkeypatch):
    from assembly.config import load_settings

    monkeypatch.delenv("CARECALL_LEARNED_LAYER", raising=False)
    assert load_settings().learned_layer is True
    assert load_settings(learned_layer=False).learned_layer is False
    monkeypatch.setenv("CARECALL_LEARNED_LAYER", "false")
    assert load_settings().learned_layer is False
