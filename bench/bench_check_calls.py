"""Whole-call false alarms from safety check questions (P2). Prints, never asserts.

    python bench/bench_check_calls.py [--seeds 6] [--p 0.2]

Every shipped and held-out persona calls with the embedded engine and the learned layer on (as
in calls), once clean and `--seeds` times with each word dropped with probability `--p`
(Korean spacing dropped at random too, as `bench_dialogue.py`). When the agent asks a safety
check question, a person with no scripted emergency answers it the way people do: a benign
reply drawn (seeded) from `BENIGN` below (a no, a request to repeat, the check-in going on, a
hedge about something else), passed through the same noise; a person with a scripted emergency
answers as their persona does (yes, or their own line).

`--show` prints the evidence of each critical alert on a person without an emergency.
Prints per language: calls, check questions asked, critical alerts on calls of people without
an emergency (whole-call false alarms: target 0), urgent `check` alerts (a care worker to call
back), and emergency personas whose emergency was raised (must stay 100%).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_dialogue import noisy  # noqa: E402
from dialogue import DialogueEngine, Recipient, learned, load_scenario  # noqa: E402
from dialogue.caller import Move, SimulatedCaller, load_persona, simulate_text_call  # noqa: E402
from dialogue.safety.scripts import CHECK_QUESTIONS  # noqa: E402
from scenarios import PERSONA_DIR, list_personas  # noqa: E402

# Replies of people who are fine, to a check question they did not expect.
BENIGN = {
    "en": [
        "What? No, I said I had soup.",
        "No no, I'm alright dear.",
        "The what, dear?",
        "Sorry, I didn't catch that.",
        "I'm just a bit tired, that's all.",
        "Oh, I was talking about my garden.",
        "No, nothing like that. I was saying the weather's nice.",
        "Pardon? Say that again?",
        "Goodness, no. Why do you ask?",
        "I had my lunch already, the soup was lovely.",
    ],
    "ko": [
        "네? 아니요, 밥 먹었다고 했어요.",
        "아이고 아니에요, 괜찮아요.",
        "뭐라고요?",
        "잘 안 들려요, 다시 말해 줘요.",
        "그냥 좀 피곤해서 그래요.",
        "아니 텃밭 얘기한 거예요.",
        "그런 거 없어요. 날씨가 좋다고요.",
        "네? 뭐라고 하셨어요?",
        "아유 아니야, 왜 그래요?",
        "점심은 벌써 먹었어요, 국이 맛있었어요.",
    ],
}


class Replier(SimulatedCaller):
    """The persona, answering check questions with a drawn benign reply when it has no
    emergency of its own."""

    def __init__(self, persona, scenario, rng: random.Random) -> None:
        super().__init__(persona, scenario)
        self._rng = rng
        self._questions = list(CHECK_QUESTIONS[scenario.language].values())
        self.checks = 0

    def move(self, agent_text: str | None) -> Move:
        if agent_text and any(q in agent_text for q in self._questions):
            self.checks += 1
            if self.persona.emergency is None:
                return Move(self._rng.choice(BENIGN[self.persona.language]))
        return super().move(agent_text)


def personas() -> list[str]:
    names = list(list_personas())
    for folder in ("heldout", "heldout2", "heldout3"):
        names += [str(p) for p in sorted((PERSONA_DIR / folder).glob("*.yaml"))]
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=6)
    parser.add_argument("--p", type=float, default=0.2, help="word drop probability")
    parser.add_argument("--show", action="store_true", help="print each false critical alert")
    args = parser.parse_args(argv)
    learned.set_enabled(True)
    stats: dict[str, Counter] = {}
    for name in personas():
        persona = load_persona(name)
        scenario = load_scenario(persona.scenario)
        s = stats.setdefault(scenario.language, Counter())
        for seed, p in [(0, 0.0), *((k, args.p) for k in range(args.seeds))]:
            engine = DialogueEngine(
                scenario, recipient=Recipient(persona.recipient_id, persona.name), seed=seed
            )
            rng = random.Random(seed)
            hear = noisy(p, scenario.language == "ko", rng) if p else None
            caller = Replier(persona, scenario, random.Random(f"{name}{seed}{p}"))
            report = simulate_text_call(engine, caller, recognize=hear)
            s["calls"] += 1
            s["checks asked"] += caller.checks
            critical = [a for a in report.alerts if a.kind == "emergency"]
            if persona.emergency is None:
                s["calls without emergency"] += 1
                s["critical alerts on them"] += len(critical)
                s["calls ended on emergency"] += report.outcome == "emergency"
                s["check alerts on them"] += sum(a.kind == "check" for a in report.alerts)
                for a in critical if args.show else ():
                    print(f"  {Path(name).stem} seed {seed} p {p}: {a.note}: {a.evidence!r}")
            else:
                s["emergency calls"] += 1
                s["emergency raised"] += bool(critical)
    for lang, s in sorted(stats.items()):
        print(f"{lang}: " + ", ".join(f"{k} {v}" for k, v in s.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
