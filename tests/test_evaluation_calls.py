"""`carecall eval` end to end: two short calls over a real websocket server on 127.0.0.1,
spoken by flite, heard by Silero VAD and pocketsphinx, plus two audio fixtures.

A short scenario (the English check-in with one question) keeps the calls short. One of the two
people says the opposite of their written truths, so the evaluation must count their items as
extraction errors: the same run shows that a wrong answer lowers extraction accuracy, and that
`--compare` sees the change.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from carecall.cli import main
from evaluation.metrics import summarize
from scenarios import scenario_path

pytestmark = pytest.mark.integration

PERSONA = {
    "id": "ruth_en",
    "name": "Margaret",
    "recipient_id": "eval-test-001",
    "language": "en",
    "voice": "flite:slt",
    "rate": 1.0,
    "scenario": "eval_short_en",
    "answers": {
        "identity": "Yes, this is Margaret.",
        "sleep": "Not well, I kept waking up.",
    },
    "goodbye": "Thank you, goodbye.",
    "truths": {"sleep": "poorly"},
}
CONTRADICTING = {
    "sleep": "Yes, I slept fine.",
}
SECTIONS = [
    "asr_fixtures",
    "asr_calls",
    "completion",
    "extraction",
    "alerts",
    "guard",
    "latency",
    "turn_taking",
    "per_call",
    "headline",
]
HEADINGS = [
    "## ASR error",
    "## Scenario completion",
    "## Answer extraction",
    "## Alerts",
    "## Guard interventions",
    "## Latency per stage",
    "## Turn-taking",
    "## Calls",
]


def short_scenario() -> str:
    """The English check-in with its sleep question only (the YAML is cut as text: the
    scenario loader reads `yes`/`no` as words, a YAML round trip would make them booleans)."""
    lines = scenario_path("daily_checkin_en").read_text(encoding="utf-8").splitlines()
    meal, sleep, health = (lines.index(f"  - id: {i}") for i in ("meal", "sleep", "health"))
    end = next(i for i in range(health, len(lines)) if lines[i] and not lines[i][0].isspace())
    kept = lines[:meal] + lines[sleep:health] + lines[end:]
    return "\n".join(kept).replace("id: daily_checkin_en", "id: eval_short_en", 1) + "\n"


@pytest.fixture(scope="module")
def evaluation(tmp_path_factory) -> tuple[Path, dict]:
    tmp = tmp_path_factory.mktemp("eval")
    scenario = tmp / "eval_short_en.yaml"
    scenario.write_text(short_scenario(), encoding="utf-8")
    honest = tmp / "ruth.yaml"
    honest.write_text(yaml.safe_dump(PERSONA), encoding="utf-8")
    liar = tmp / "ruth_contradicting.yaml"
    liar.write_text(
        yaml.safe_dump(
            {
                **PERSONA,
                "id": "ruth_contradicting",
                "recipient_id": "eval-test-002",
                "answers": {**PERSONA["answers"], **CONTRADICTING},
            }
        )
    )
    out = tmp / "out"
    code = main(
        [
            "eval",
            "--scenario",
            str(scenario),
            "--persona",
            str(honest),
            "--persona",
            str(liar),
            "--calls",
            "2",
            "--workers",
            "2",
            "--speed",
            "1",
            "--fixtures-limit",
            "2",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    return out, json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_every_section_is_written(evaluation) -> None:
    out, report = evaluation
    assert all(section in report for section in SECTIONS)
    text = (out / "report.md").read_text(encoding="utf-8")
    assert all(heading in text for heading in HEADINGS)
    assert {p.name for p in out.glob("*.png")} == {"asr_error.png", "extraction.png", "latency.png"}
    assert report["calls"]["n"] == report["calls"]["audio"] == 2
    assert report["calls"]["errors"] == 0, report["per_call"]


def test_the_numbers_agree_with_each_other(evaluation) -> None:
    _, report = evaluation
    records = report["records"]
    assert report["asr_fixtures"]["utterances"] == 2
    e = report["extraction"]
    assert e["total"] == 2 and e["right"] == sum(v["right"] for v in e["per_item"].values())
    assert e["accuracy"] == pytest.approx(e["right"] / e["total"])
    a = report["alerts"]
    assert a["expected"] == 2  # sleep: poorly raises a flag, for both people
    assert a["raised"] == sum(len(r["report"]["alerts"]) for r in records)
    assert a["matched"] <= min(a["raised"], a["expected"])
    complete = [t for r in records for t in r["turns"] if t["stages"]]
    assert report["latency"]["turns"] == len(complete) > 0
    v2v = report["latency"]["voice_to_voice"]
    assert v2v["p50"] <= v2v["p95"]
    stages = report["latency"]["stages"]
    assert set(stages) >= {"endpointing", "asr", "rescore", "dialogue", "tts", "total"}
    assert report["asr_calls"]["utterances"] == sum(len(r["recognized"]) for r in records)
    assert report["turn_taking"]["utterances"] == sum(len(r["spans"]) for r in records)
    assert all(r["said"] for r in records)
    # The report is a function of the records: recomputing it gives the same figures.
    again = summarize(records, fixtures=report["asr_fixtures"], meta=report["meta"])
    assert again["headline"] == report["headline"]


def test_a_contradicting_person_lowers_extraction_accuracy(evaluation) -> None:
    _, report = evaluation
    calls = {c["persona"]: c for c in report["per_call"]}
    right = {p: int(c["extraction"].split("/")[0]) for p, c in calls.items()}
    assert right["ruth_contradicting"] < right["ruth_en"], report["per_call"]
    # ... because what the person said was read, and it is not what the truths say
    read = {k: v["got"] for k, v in calls["ruth_contradicting"]["wrong"].items()}
    assert read == {"sleep": "well"}, read
    honest = [r for r in report["records"] if r["persona"] == "ruth_en"]
    alone = summarize(honest)
    assert alone["extraction"]["accuracy"] > report["extraction"]["accuracy"]


def test_compare_detects_the_change(evaluation, tmp_path, capsys) -> None:
    _, report = evaluation
    honest = summarize(
        [r for r in report["records"] if r["persona"] == "ruth_en"], fixtures=report["asr_fixtures"]
    )
    (tmp_path / "old.json").write_text(json.dumps(honest))
    (tmp_path / "new.json").write_text(json.dumps(report))
    assert main(["eval", "--compare", str(tmp_path / "old.json"), str(tmp_path / "new.json")]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith("extraction.accuracy"))
    assert line.endswith("worse")
