"""The evaluation's figures from call records (pure), its personas, and `--compare`."""

from __future__ import annotations

import json
import random

import pytest

from carecall.cli import main
from dialogue import load_scenario
from dialogue.caller import load_persona
from evaluation.metrics import compare, percentile, score_call, summarize
from evaluation.personas import (
    contradict,
    expected_alerts,
    perturb_answers,
    plan_calls,
    scenario_personas,
    write_persona,
)
from scenarios import persona_path

EN = load_scenario("daily_checkin_en")


def record(**kw) -> dict:
    base = {
        "index": 0,
        "persona": "p",
        "mode": "audio",
        "language": "en",
        "speed": 1.0,
        "truths": {"meal": "ate", "sleep": "poorly"},
        "expected_alerts": [{"kind": "flag", "item_id": "sleep"}],
        "report": {
            "outcome": "completed",
            "reason": "completed",
            "completion": 1.0,
            "items": {"meal": "ate", "sleep": "poorly"},
            "alerts": [{"kind": "flag", "item_id": "sleep", "severity": "low"}],
            "guard_interventions": 0,
        },
        "said": ["yes i ate", "not well"],
        "recognized": [["yes i ate", "yes i ate"], ["not will", "not well"]],
        "spans": [],
        "clears": [],
        "turns": [],
    }
    base.update(kw)
    return base


def test_percentile_interpolates_and_ignores_missing() -> None:
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert percentile([], 0.5) is None
    assert percentile([float("nan"), 2.0], 0.95) == 2.0


def test_a_wrong_item_and_a_missed_alert_are_counted() -> None:
    good = score_call(record())
    assert (good["right"], good["total"], good["alerts_matched"]) == (2, 2, 1)
    bad = record(
        report={
            **record()["report"],
            "items": {"meal": "ate", "sleep": "well"},
            "alerts": [{"kind": "no_response", "item_id": None, "severity": "low"}],
        }
    )
    s = score_call(bad)
    assert s["right"] == 1 and s["wrong"] == {"sleep": {"truth": "poorly", "got": "well"}}
    assert s["alerts_missed"] == ["flag:sleep"] and s["alerts_unexpected"] == ["no_response"]


def test_turn_ends_inside_an_answer_are_cut_offs_and_barge_ins_get_a_reaction_time() -> None:
    spans = [
        {"start": 10.0, "end": 14.0, "barge": False},
        {"start": 20.0, "end": 22.0, "barge": True},
        {"start": 30.0, "end": 31.0, "barge": True},
    ]
    turns = [
        {"turn_end": 12.0, "capped": False, "stages": None},  # in a pause of answer 1
        {"turn_end": 15.0, "capped": False, "stages": None},
    ]  # after answer 1: fine
    # the agent's audio stops: on the clear of the first barge-in, by itself in the second
    quiet = [9.0, 20.42, 30.3]
    s = score_call(record(spans=spans, turns=turns, clears=[20.4], quiet=quiet, speed=2.0))
    assert s["cut_off"] == 1
    # 0.42 s of wall time at 2x is 0.84 s of line time
    assert s["barge_ins"] == [
        {"talk_over": pytest.approx(0.84), "cleared": True},
        {"talk_over": pytest.approx(0.6), "cleared": False},
    ]
    t = summarize([record(spans=spans, turns=turns, clears=[20.4], quiet=quiet, speed=2.0)])
    assert (
        t["turn_taking"]["barge_ins_cleared"] == t["turn_taking"]["barge_ins_agent_finished"] == 1
    )
    assert t["turn_taking"]["barge_in_reaction"]["p50"] == pytest.approx(0.84)


def test_summary_sections_add_up() -> None:
    turns = [
        {"turn_end": 1.0, "capped": False, "stages": {"endpointing": 0.5, "asr": 0.2, "total": 1.0}}
    ]
    records = [
        record(turns=turns),
        record(
            index=1, report={**record()["report"], "items": {"meal": "skipped", "sleep": "poorly"}}
        ),
    ]
    s = summarize(records)
    assert s["extraction"]["right"] == 3 and s["extraction"]["total"] == 4
    assert s["extraction"]["per_item"]["meal"] == {"right": 1, "total": 2, "accuracy": 0.5}
    assert s["alerts"]["precision"] == 1.0 and s["alerts"]["recall"] == 1.0
    assert s["asr_calls"]["base"] > s["asr_calls"]["rescored"] == 0.0
    assert s["asr_calls"]["relative_change"] == -1.0  # every error removed
    assert s["asr_calls"]["language"] == "en"
    assert s["latency"]["turns"] == 1 and s["latency"]["voice_to_voice"]["p50"] == 1.0
    assert s["headline"]["extraction.accuracy"]["value"] == 0.75


def test_compare_says_which_way_each_figure_moved(tmp_path, capsys) -> None:
    old = summarize([record()])
    new = summarize([record(report={**record()["report"], "items": {"meal": "ate"}})])
    rows = {r["metric"]: r for r in compare(old, new)}
    assert rows["extraction.accuracy"]["verdict"] == "worse"
    assert rows["extraction.accuracy"]["delta"] == -0.5
    assert rows["alerts.recall"]["verdict"] == "same"
    (tmp_path / "old.json").write_text(json.dumps(old))
    (tmp_path / "new.json").write_text(json.dumps(new))
    assert main(["eval", "--compare", str(tmp_path / "new.json"), str(tmp_path / "old.json")]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if "extraction.accuracy" in x)
    assert "0.5" in line and "+0.5" in line and line.endswith("better")


def test_compare_refuses_a_file_that_is_no_report(tmp_path, capsys) -> None:
    (tmp_path / "x.json").write_text("{}")
    assert main(["eval", "--compare", str(tmp_path / "x.json"), str(tmp_path / "x.json")]) == 2
    assert "x.json: not a carecall eval report.json" in capsys.readouterr().err


def test_expected_alerts_come_from_truths_emergencies_and_callback_keys() -> None:
    harold = load_persona("harold_en")
    kinds = sorted((a["kind"], a["item_id"] or "") for a in expected_alerts(harold, EN))
    assert kinds == [("callback", ""), ("flag", "health"), ("flag", "mood"), ("flag", "sleep")]


def test_calls_cycle_through_the_personas_and_later_rounds_differ() -> None:
    files = scenario_personas(EN)
    assert [f.stem for f in files] == ["harold_en", "margaret_en"]
    plans = plan_calls(EN, files, 5)
    assert [p.persona.id.split("#")[0] for p in plans] == ["harold_en", "margaret_en"] * 2 + [
        "harold_en"
    ]
    assert plans[0].variation == "" and plans[2].variation
    assert plans[2].persona.voice != plans[0].persona.voice


def test_perturbed_answers_carry_their_truth_and_contradictions_do_not() -> None:
    margaret = load_persona(persona_path("margaret_en"))
    changed, swapped = perturb_answers(margaret, EN, 1.0, random.Random(1))
    assert swapped and all(changed.truths[i] == c != margaret.truths[i] for i, c in swapped)
    liar = contradict(margaret, {"meal": "No, I have not eaten today."})
    assert liar.truths == margaret.truths and liar.answers["meal"] != margaret.answers["meal"]


def test_korean_without_whisper_weights_runs_in_text_and_says_so(tmp_path, capsys) -> None:
    out = tmp_path / "ko"
    assert main(["eval", "--language", "ko", "--calls", "2", "--out", str(out)]) == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["calls"] == {**report["calls"], "n": 2, "audio": 0, "text": 2}
    assert "needs recognizer weights" in report["asr_fixtures"]["skipped"]
    assert "needs Whisper" in report["meta"]["notes"][0]
    assert report["extraction"]["total"] == 2 * len(load_persona("kim_ko").truths)
    assert report["latency"]["turns"] == 0
    assert "needs Whisper" in (out / "report.md").read_text(encoding="utf-8")


def test_in_text_a_contradicting_persona_loses_exactly_its_contradicted_items(tmp_path) -> None:
    margaret = load_persona("margaret_en")
    liar = contradict(
        margaret,
        {"meal": "No, I have not eaten anything today.", "mood": "I feel sad and lonely."},
    )
    files = [persona_path("margaret_en"), write_persona(liar, tmp_path / "liar.yaml")]
    args = ["eval", "--text", "--calls", "2", "--out", str(tmp_path / "out")]
    assert main(args + [a for f in files for a in ("--persona", str(f))]) == 0
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    calls = {c["persona"]: c for c in report["per_call"]}
    assert calls["margaret_en"]["wrong"] == {}
    assert calls["margaret_en-contradicted"]["wrong"] == {
        "meal": {"truth": "ate", "got": "skipped"},
        "mood": {"truth": "good", "got": "low"},
    }
    assert report["extraction"]["right"] == report["extraction"]["total"] - 2
    assert report["alerts"]["unexpected"] == {"flag:meal": 1, "flag:mood": 1}
