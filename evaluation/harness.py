"""One evaluation run: plan the calls, measure the fixtures, place the calls, write the report."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from assembly.config import Settings
from evaluation import EvalOptions
from evaluation.metrics import summarize
from evaluation.personas import plan_calls, scenario_personas
from evaluation.progress import ProgressBar
from evaluation.report import write
from evaluation.runner import fixtures_asr, run_audio_calls, run_text_calls


def run_evaluation(settings: Settings, options: EvalOptions) -> tuple[dict, dict[str, Path]]:
    from assembly.builders import WeightsMissing
    from dialogue import load_scenario
    from scenarios import scenario_path

    started, load_before = time.monotonic(), os.getloadavg()[0]
    out = options.out.resolve()
    server_dir = out / "server"
    memory = server_dir / "memory.sqlite"
    memory.unlink(missing_ok=True)  # every run starts from the same (empty) memory
    settings = settings.model_copy(
        update={"output_dir": server_dir, "memory_db": memory, "port": 0}
    )
    scenario = load_scenario(scenario_path(settings.scenario_name))
    files = options.personas or scenario_personas(scenario)
    plans = plan_calls(scenario, files, options.calls, perturb=options.perturb, seed=options.seed)
    notes: list[str] = []

    fixtures = {"skipped": "not asked for (--fixtures MANIFEST)"}
    if options.fixtures is not None:
        print(
            f"eval: recognizing the audio fixtures of {options.fixtures} ...",
            file=sys.stderr,
            flush=True,
        )
        try:
            fixtures = fixtures_asr(
                settings,
                scenario,
                options.fixtures,
                split=options.fixtures_split,
                limit=options.fixtures_limit,
            )
        except WeightsMissing as exc:
            fixtures = {"skipped": f"needs recognizer weights: {_one_line(exc)}"}

    bar = ProgressBar(len(plans), "eval: calls")
    if options.text:
        notes.append(
            "--text: the calls ran in text, the personas' words reaching the dialogue engine as "
            "if perfectly recognized; ASR, latency and turn-taking figures are not measured."
        )
        records = run_text_calls(scenario, plans, bar)
    else:
        records = _audio_or_text(settings, scenario, plans, options, out, bar, notes)
    if settings.llm == "none":
        notes.append(
            "No LLM (--llm none): turns are the scenario's templates, so the guard "
            "has nothing to stop; guard figures mean something only with an LLM."
        )
    if records and records[0]["mode"] == "audio" and settings.speed != 1:
        notes.append(
            f"Calls ran at {settings.speed:g}x line speed: the endpointing silence "
            "and frame pacing shrink by that factor in wall-clock time while model "
            "work does not; take latency figures at --speed 1."
        )
    meta = {
        "scenario": scenario.id,
        "language": scenario.language,
        "command": options.command,
        "speed": settings.speed,
        "workers": options.workers,
        "calls": options.calls,
        "recognizer": settings.recognizer_kind
        + (
            f" ({settings.sphinx_lm} LM)"
            if settings.recognizer_kind == "sphinx"
            else f" ({settings.asr_model})"
        ),
        "rescore": settings.rescore_lm if settings.rescore else "off",
        "llm": settings.llm if settings.llm == "none" else f"{settings.llm} {settings.llm_model}",
        "perturb": options.perturb,
        "seed": options.seed,
        "notes": notes,
    }
    summary = summarize(records, fixtures=fixtures, meta=meta)
    summary["meta"]["runtime_s"] = time.monotonic() - started
    # Timings depend on what else the machine runs: the 1-minute load average, before/after.
    summary["meta"]["load_avg"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    paths = write(summary, records, out)
    return summary, paths


def _audio_or_text(settings, scenario, plans, options, out, bar, notes) -> list[dict]:
    from assembly.builders import WeightsMissing

    try:
        return run_audio_calls(
            settings, scenario, plans, workers=options.workers, out=out, progress=bar
        )
    except WeightsMissing as exc:
        notes.append(
            f"The calls could not run with audio ({_one_line(exc)}). They ran in text instead: "
            "the personas' words reach the dialogue engine as if perfectly recognized, so only "
            "completion, extraction, alerts and guard figures are measured; ASR, latency and "
            "turn-taking figures need the recognizer's weights."
        )
        return run_text_calls(scenario, plans, bar)


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())
