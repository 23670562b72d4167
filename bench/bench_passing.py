"""Answers given in passing (P4): what `dialogue.conversation.passing` reads from sentences
that were not said to the item — how many answers, to review by eye for false ones.

    python bench/bench_passing.py [--show]

Three sets, each sentence read for the items it was NOT said to:
- the shipped personas' answer lines (their truths say which answers are right: a false one
  is counted);
- each shipped scenario's own answer examples (an example of item X read for the others);
- the response bank's triggers (remarks people make, both languages), read for every item of
  the daily check-in: these have no truth, `--show` lists them for review.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dialogue import load_persona, load_scenario  # noqa: E402
from dialogue.caller import plain  # noqa: E402
from dialogue.conversation import load_bank  # noqa: E402
from dialogue.conversation.passing import in_passing  # noqa: E402
from scenarios import list_personas, list_scenarios  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="list every answer in passing")
    args = parser.parse_args()

    lines = given = false = 0
    for name in list_personas():
        persona = load_persona(name)
        scenario = load_scenario(persona.scenario)
        for key in persona.answers:
            if key == "identity":
                continue
            for line in persona.lines(key):
                lines += 1
                others = [i.id for i in scenario.items if i.id != key]
                for x in in_passing(scenario, others, plain(line)):
                    given += 1
                    wrong = persona.truths.get(x.item_id) != x.answer_class
                    false += wrong
                    if args.show or wrong:
                        print(f"  {name} [{key}] {line!r} -> {x.item_id}.{x.answer_class}")
    print(f"personas: {lines} answer lines, {given} answers in passing, {false} false")

    for name in list_scenarios():
        scenario = load_scenario(name)
        n = hits = 0
        for item in scenario.items:
            others = [i.id for i in scenario.items if i.id != item.id]
            for answer in item.answers:
                for example in answer.examples:
                    n += 1
                    for x in in_passing(scenario, others, example):
                        hits += 1
                        print(f"  {name} [{item.id}] {example!r} -> {x.item_id}.{x.answer_class}")
        print(f"{name}: {n} example answers, {hits} answers in passing to other items")

    for language in ("en", "ko"):
        scenario = load_scenario(f"daily_checkin_{language}")
        items = [i.id for i in scenario.items]
        n = hits = 0
        for situation in load_bank(language).situations:
            for trigger in situation.triggers:
                n += 1
                for x in in_passing(scenario, items, trigger):
                    hits += 1
                    if args.show:
                        print(f"  {situation.id}: {trigger!r} -> {x.item_id}.{x.answer_class}")
        print(f"bank {language}: {n} triggers, {hits} answers in passing (review with --show)")


if __name__ == "__main__":
    main()
