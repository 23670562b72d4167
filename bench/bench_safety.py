"""Emergency detection on labelled cases: the new detector against the old keyword lists.

    python bench/bench_safety.py FILE.jsonl [FILE.jsonl ...] [--show]

For each file and language: n, recall (`emergency` or `check` counts as caught), precision of
`emergency`, the share of non-emergencies that got a `check`, and milliseconds per utterance;
then with the shipped scenario's own emergency rules on top (as a call would run it), and
the same figures for the old per-scenario keyword detector (`extract.detect_emergency`
with the shipped daily check-in scenario of the language), which knows no `check`.
Timings are measured, never asserted; compare them only within one run.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dialogue.analysis import analyze  # noqa: E402
from dialogue.extract import detect_emergency  # noqa: E402
from dialogue.safety import Decision  # noqa: E402
from dialogue.safety.detector import EmergencyDetector  # noqa: E402
from dialogue.safety.evaluate import CaseError, read_cases, render, score  # noqa: E402
from dialogue.scenario import load_scenario  # noqa: E402

SCENARIOS = {"en": "daily_checkin_en", "ko": "daily_checkin_ko"}


def _timed(decide):
    spent = [0.0, 0]

    def timed(case):
        t0 = time.perf_counter()
        decision = decide(case)
        spent[0] += time.perf_counter() - t0
        spent[1] += 1
        return decision

    return timed, spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--show", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    detector = EmergencyDetector()
    scenarios = {}
    for path in args.files:
        try:
            cases = read_cases(path)
        except CaseError as exc:
            print(exc, file=sys.stderr)
            return 2
        for case in cases[:3]:  # load the lemmatizer and models before timing
            detector.assess(case.user, case.lang)
        new, spent_new = _timed(lambda c: detector.assess(c.user, c.lang).decision)

        def old_decide(case):
            if case.lang not in scenarios:
                scenarios[case.lang] = load_scenario(SCENARIOS[case.lang])
            hit = detect_emergency(scenarios[case.lang], case.user)
            return Decision.EMERGENCY if hit else Decision.NONE

        old, spent_old = _timed(old_decide)
        print(f"== {path}")
        print("-- EmergencyDetector (rules, no LLM)")
        print(render(score(cases, new), show_misses=args.show))
        print(f"   {1000 * spent_new[0] / max(spent_new[1], 1):.3f} ms per utterance")
        t0 = time.perf_counter()
        for case in cases:
            analyze(case.user, case.lang)
        print(f"   of which analysis {1000 * (time.perf_counter() - t0) / len(cases):.3f} ms")

        def with_scenario(case):
            if case.lang not in scenarios:
                scenarios[case.lang] = load_scenario(SCENARIOS[case.lang])
            rules = scenarios[case.lang].emergency
            return EmergencyDetector(rules).assess(case.user, case.lang).decision

        print("-- EmergencyDetector with the scenario's own emergency rules on top")
        print(render(score(cases, with_scenario), show_misses=args.show))
        print("-- old keyword detector (scenario emergency keywords)")
        print(render(score(cases, old), show_misses=args.show))
        print(f"   {1000 * spent_old[0] / max(spent_old[1], 1):.3f} ms per utterance")
    return 0


if __name__ == "__main__":
    sys.exit(main())
