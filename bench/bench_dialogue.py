"""Extraction accuracy and alert recall on every shipped persona, with the embedded engine.

    python bench/bench_dialogue.py [--seeds 20] [--llm-url URL --llm-model NAME]

Each persona's whole call runs in text (`dialogue.simulate_text_call`): the agent's words reach
the simulated person intact, and the person's answers reach the engine either as written
("clean") or through typical recognition noise — each word dropped with probability p, and in
Korean also the spaces between words dropped at random (Korean ASR spacing is unreliable).
Noisy conditions are averaged over `--seeds` seeded runs.

Per persona: extraction accuracy (items whose answer class matches the persona's written-down
truth), alert recall (expected alerts raised: a flag for every true answer whose class carries
one, the emergency the persona scripts), false alarms (flags on items whose true answer has
none), and how the call ended. Without `--llm-url` this is the offline engine: YAML templates
and keyword rules, no model.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dialogue import CallReport, DialogueEngine, Recipient, Scenario, load_scenario
from dialogue.caller import Persona, SimulatedCaller, load_persona, simulate_text_call
from scenarios import list_personas  # noqa: E402

CONDITIONS = [("clean", 0.0), ("drop 10%", 0.1), ("drop 20%", 0.2)]


@dataclass
class Score:
    items: int = 0
    correct: int = 0
    alerts: int = 0
    raised: int = 0
    false_alarms: int = 0
    calls: int = 0
    completed: int = 0

    def add(self, other: Score) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def noisy(p: float, korean: bool, rng: random.Random) -> Callable[[str], str]:
    def hear(text: str) -> str:
        words = [w for w in text.split() if rng.random() >= p] or text.split()[:1]
        if not korean:
            return " ".join(words)
        out = words[0]
        for w in words[1:]:
            out += ("" if rng.random() < 0.3 else " ") + w
        return out

    return hear


def score(report: CallReport, persona: Persona, scenario: Scenario) -> Score:
    s = Score(calls=1, completed=int(report.outcome in ("completed", "emergency")))
    got = {r.item_id: r for r in report.items}
    flags = {a.item_id for a in report.alerts if a.kind == "flag"}
    for item_id, truth in persona.truths.items():
        s.items += 1
        s.correct += got[item_id].answer_class == truth
        answer = scenario.item(item_id).answer(truth)
        if answer is not None and answer.flag:
            s.alerts += 1
            s.raised += item_id in flags
    for item_id in flags & persona.truths.keys():  # items past a missed emergency: no truth
        answer = scenario.item(item_id).answer(persona.truths[item_id])
        s.false_alarms += answer is None or answer.flag is None
    if persona.emergency:
        expected = next(e for e in scenario.emergency if e.id == persona.emergency.expect)
        s.alerts += 1
        s.raised += any(
            a.kind == "emergency" and a.note == (expected.note or expected.id)
            for a in report.alerts
        )
    return s


def run(name: str, p: float, seed: int, llm=None) -> Score:
    persona = load_persona(name)
    scenario = load_scenario(persona.scenario)
    engine = DialogueEngine(
        scenario, recipient=Recipient(persona.recipient_id, persona.name), seed=seed, llm=llm
    )
    rng = random.Random(seed)
    hear = noisy(p, scenario.language == "ko", rng) if p else None
    report = simulate_text_call(engine, SimulatedCaller(persona, scenario), recognize=hear)
    return score(report, persona, scenario)


def pct(a: int, b: int) -> str:
    return f"{a / b:6.1%}" if b else "     -"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=20, help="runs per noisy condition")
    parser.add_argument("--llm-url", help="OpenAI-compatible server: the engine with an LLM")
    parser.add_argument("--llm-model", default="default")
    args = parser.parse_args(argv)
    llm = None
    if args.llm_url:
        from dialogue.llm.openai import OpenAIChatModel

        llm = OpenAIChatModel(args.llm_url, args.llm_model)
    engine = f"LLM {args.llm_model} at {args.llm_url}" if llm else "embedded (templates + rules)"
    print(f"engine: {engine}; personas: {len(list_personas())}; noisy runs: {args.seeds} seeds")
    header = f"{'persona':<18}{'condition':<10}{'extraction':>11}{'alert recall':>14}"
    print(header + f"{'false alarms':>14}{'ended ok':>10}")
    totals = {name: Score() for name, _ in CONDITIONS}
    for persona in list_personas():
        for condition, p in CONDITIONS:
            s = Score()
            for seed in range(1 if p == 0 else args.seeds):
                s.add(run(persona, p, seed, llm))
            totals[condition].add(s)
            print(
                f"{persona:<18}{condition:<10}{pct(s.correct, s.items):>11}"
                f"{pct(s.raised, s.alerts):>14}{s.false_alarms / s.calls:>14.2f}"
                f"{pct(s.completed, s.calls):>10}"
            )
    print("-" * (len(header) + 24))
    for condition, s in totals.items():
        print(
            f"{'all personas':<18}{condition:<10}{pct(s.correct, s.items):>11}"
            f"{pct(s.raised, s.alerts):>14}{s.false_alarms / s.calls:>14.2f}"
            f"{pct(s.completed, s.calls):>10}"
        )
    print(
        "(extraction: answer class = truth, over all truth items; alert recall: expected "
        "flags and emergencies raised; false alarms: flags on truth items without one, "
        "per call)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
