"""The evaluation's report: Markdown for people, JSON for `--compare`, PNG plots."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path


def _pct(x) -> str:
    return "n/a" if x is None else f"{x:.1%}"


def _s(x) -> str:
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.3f}"


def markdown(summary: dict) -> str:
    m, c = summary["meta"], summary["calls"]
    lines = [
        f"# carecall offline evaluation — {m.get('scenario')}",
        "",
        f"`{m.get('command', '')}`",
        "",
        f"{c['n']} calls ({c['audio']} over websockets, {c['text']} in text), "
        f"speed {m.get('speed')}x, {m.get('workers')} at a time; runtime "
        f"{m.get('runtime_s', 0):.1f} s; recognizer {m.get('recognizer')}, "
        f"LLM {m.get('llm')}; load average {m.get('load_avg')} (before, after) on "
        f"{os.cpu_count()} CPUs. Call endings: {c['reasons']}; calls with errors: "
        f"{c['errors']}; calls the phone had to end at its time limit: "
        f"{c.get('phone_time_limit', 0)}.",
    ]
    for note in m.get("notes", []):
        lines.append(f"\n> {note}")
    lines += ["", "## ASR error, with and without rescoring", ""]
    f = summary["asr_fixtures"]
    if "skipped" in f:
        lines.append(f"Audio fixtures: not measured — {f['skipped']}")
    else:
        lines.append(
            f"Audio fixtures ({f['utterances']} clips, split {f['split']}, {f['audio_s']:.0f} s, "
            f"{f['manifest']}): {f['metric']} {_pct(f['base'])} without rescoring, "
            f"{_pct(f['rescored'])} with; N-best oracle {_pct(f['oracle'])}; "
            f"real-time factor {f['rtf']:.3f}."
        )
    a = summary["asr_calls"]
    if "skipped" in a:
        lines.append(f"\nThe calls' own utterances: not measured — {a['skipped']}")
    else:
        lines.append(
            f"\nThe calls' own utterances ({a['utterances']} turns, {a['words']} reference "
            f"units in {a['calls']} calls; reference: what the persona said): {a['metric']} "
            f"{_pct(a['base'])} first pass, {_pct(a['rescored'])} after rescoring"
            + (
                f" ({a['relative_change']:+.1%} relative)."
                if a.get("relative_change") is not None
                else "."
            )
        )
    co = summary["completion"]
    lines += [
        "",
        "## Scenario completion",
        "",
        f"Mean share of required items answered: {_pct(co['mean'])}; calls whose "
        f"conversation completed: {_pct(co['completed_share'])}; outcomes "
        f"{co['outcomes']}; calls without a report: {co['no_report']}.",
    ]
    e = summary["extraction"]
    lines += [
        "",
        "## Answer extraction against the personas' truths",
        "",
        f"Accuracy {_pct(e['accuracy'])} ({e['right']}/{e['total']} items).",
        "",
        "| item | right | total | accuracy |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| {k} | {v['right']} | {v['total']} | {_pct(v['accuracy'])} |"
        for k, v in e["per_item"].items()
    ]
    al = summary["alerts"]
    lines += [
        "",
        "## Alerts",
        "",
        f"Precision {_pct(al['precision'])}, recall {_pct(al['recall'])} "
        f"({al['matched']} right of {al['raised']} raised and {al['expected']} expected "
        f"from the truths). Missed: {al['missed'] or 'none'}. Unexpected: "
        f"{al['unexpected'] or 'none'}.",
    ]
    g = summary["guard"]
    lines += [
        "",
        "## Guard interventions",
        "",
        f"{g['interventions']} LLM turns stopped by the guard; {g['llm_turns']} turns "
        f"worded by an LLM, {g['llm_fallbacks']} LLM fallbacks.",
    ]
    lat = summary["latency"]
    lines += [
        "",
        "## Latency per stage (server side, wall-clock seconds)",
        "",
        f"{lat['turns']} answered turns. Voice-to-voice (end of the person's speech to "
        f"the agent's first audio on the line): p50 {_s(lat['voice_to_voice']['p50'])} s,"
        f" p95 {_s(lat['voice_to_voice']['p95'])} s.",
        "",
        "| stage | p50 s | p95 s | n |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| {k} | {_s(v['p50'])} | {_s(v['p95'])} | {v['n']} |" for k, v in lat["stages"].items()
    ]
    t = summary["turn_taking"]
    r = t["barge_in_reaction"]
    lines += [
        "",
        "## Turn-taking",
        "",
        f"Answers during which the server ended the person's turn (cut off while still "
        f"speaking): {t['cut_off']} of {t['utterances']} ({_pct(t['cut_off_share'])}).",
        f"Barge-ins: {t['barge_ins']}: the server cleared the agent's audio in "
        f"{t['barge_ins_cleared']}, the agent finished what it was saying first in "
        f"{t['barge_ins_agent_finished']}. Reaction (the person's first word over the agent → "
        f"the agent's audio stopped by the server, line seconds): p50 {_s(r['p50'])}, p95 "
        f"{_s(r['p95'])}; the agent talked over the person for p50 "
        f"{_s(t['talk_over']['p50'])} s, p95 {_s(t['talk_over']['p95'])} s in all barge-ins.",
    ]
    lines += [
        "",
        "## Calls",
        "",
        "| # | persona | variation | ended | completion | extraction | alerts | cut off | wall s |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for p in summary["per_call"]:
        wrong = ", ".join(f"{k}: {v['got']} (truth {v['truth']})" for k, v in p["wrong"].items())
        lines.append(
            f"| {p['index']} | {p['persona']} | {p['variation'] or '—'} | {p['reason']} | "
            f"{_pct(p['completion'])} | {p['extraction']}{' — ' + wrong if wrong else ''} | "
            f"{p['alerts']} | {p['cut_off']} | {_s(p['wall_s'])} |"
        )
    if plots := m.get("plots"):
        lines += ["", "## Plots", ""] + [f"![{Path(p).stem}]({Path(p).name})" for p in plots]
    return "\n".join(lines) + "\n"


def plots(summary: dict, out: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    written = []

    def save(fig, name: str) -> None:
        path = out / name
        fig.tight_layout()
        fig.savefig(path, dpi=100)
        plt.close(fig)
        written.append(path)

    asr = []
    for label, d in (("fixtures", summary["asr_fixtures"]), ("calls", summary["asr_calls"])):
        if "skipped" not in d:
            asr.append((label, d["base"] or 0.0, d["rescored"] or 0.0))
    if asr:
        fig, ax = plt.subplots(figsize=(5, 3.2))
        xs = range(len(asr))
        ax.bar([x - 0.2 for x in xs], [a[1] for a in asr], 0.4, label="first pass")
        ax.bar([x + 0.2 for x in xs], [a[2] for a in asr], 0.4, label="rescored")
        ax.set_xticks(list(xs), [a[0] for a in asr])
        ax.set_ylabel("error rate")
        ax.set_title("ASR error")
        ax.legend()
        save(fig, "asr_error.png")
    per_item = summary["extraction"]["per_item"]
    if per_item:
        fig, ax = plt.subplots(figsize=(6, 3.2))
        ax.bar(list(per_item), [v["accuracy"] for v in per_item.values()])
        ax.set_ylim(0, 1.05)
        ax.set_ylabel("accuracy")
        ax.set_title("Answer extraction per item")
        save(fig, "extraction.png")
    stages = {k: v for k, v in summary["latency"]["stages"].items() if v["p50"] is not None}
    if stages:
        fig, ax = plt.subplots(figsize=(7, 3.5))
        names = list(stages)
        xs = range(len(names))
        ax.bar([x - 0.2 for x in xs], [stages[k]["p50"] for k in names], 0.4, label="p50")
        ax.bar([x + 0.2 for x in xs], [stages[k]["p95"] for k in names], 0.4, label="p95")
        ax.set_xticks(list(xs), names, rotation=35, ha="right")
        ax.set_ylabel("seconds (wall clock)")
        ax.set_title("Latency per stage")
        ax.legend()
        save(fig, "latency.png")
    return written


def write(summary: dict, records: list[dict], out: Path) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    summary["meta"]["plots"] = [str(p) for p in plots(summary, out)]
    paths = {"md": out / "report.md", "json": out / "report.json"}
    paths["md"].write_text(markdown(summary), encoding="utf-8")
    data = {**summary, "records": records}
    paths["json"].write_text(json.dumps(data, indent=1, default=str), encoding="utf-8")
    return paths


def render_compare(rows: list[dict]) -> str:
    def fmt(x):
        return "n/a" if x is None else f"{x:.4g}"

    width = max(len(r["metric"]) for r in rows) if rows else 10
    lines = [f"{'metric':<{width}}  {'old':>9}  {'new':>9}  {'delta':>9}  verdict"]
    for r in rows:
        d = "" if r["delta"] is None else f"{r['delta']:+.4g}"
        lines.append(
            f"{r['metric']:<{width}}  {fmt(r['old']):>9}  {fmt(r['new']):>9}  "
            f"{d:>9}  {r['verdict']}"
        )
    changed = [r for r in rows if r["verdict"] in ("better", "worse")]
    lines.append(
        f"{len(changed)} changed: {sum(r['verdict'] == 'better' for r in changed)} "
        f"better, {sum(r['verdict'] == 'worse' for r in changed)} worse"
    )
    return "\n".join(lines)
