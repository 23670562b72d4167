"""The role guard's recall, precision and speed: on labelled JSONL cases, and on NAVER's
CareCall corpus samples when they are there.

    python bench/bench_guard.py [FILE.jsonl ...] [--corpus DIR] [--show]
                                [--judge-url URL --judge-model NAME]

Each FILE is `carecall safety eval --guard`'s format ({"lang", "agent", "violation"}, optional
"context"). For each file and language it prints the guard's n, recall and precision beside
today's regex rules (`dialogue.guard_legacy`, which had no context but the case's facts), and
the milliseconds per sentence of both (after a warm-up, so models are loaded).

Reads `carecall_translated_samples.json` (200 English dialogues; in each, only the LAST
system turn is judged, and 100 of those are out-of-bounds) from ../shared/data/carecall-corpus
when it is there, and says so when it is not (the corpus is CC BY-NC-SA: it is never copied
into this repository). Each judged turn is checked with no memory and with the person's turns
of the same dialogue as context, as the engine checks a turn mid-call.

The rules were written from the paper's role specification after reading the tuning half, so
the report gives both halves: tuning (dialogues 0-49 and 100-149) and held out (50-99 and
150-199; the corpus lists its out-of-bounds dialogues first). Per category the table says how
often the guard named it and how often it was right to flag the turn. If the Korean
`carecall_feedback_100.json` is there, the share of its bot turns the guard flags is printed
too: that corpus is "said to be clean", so its flag rate bounds the Korean false alarms.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dialogue.guard import Guard, GuardContext, sentences  # noqa: E402
from dialogue.guard_eval import read_guard_cases, render_guard, score_guard  # noqa: E402
from dialogue.guard_legacy import check_rules as legacy_rules  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "carecall-corpus"
SAMPLES = "carecall_translated_samples.json"
FEEDBACK = "carecall_feedback_100.json"


def judged_turns(dialogues: list[dict]) -> list[tuple[int, str, str, bool]]:
    """(index, last system turn, what the person said before it, out-of-bounds?)."""
    out = []
    for i, dialogue in enumerate(dialogues):
        turns = dialogue["data"]
        last = max(j for j, t in enumerate(turns) if t["role"] == "system")
        said = " ".join(t["utterance"] for t in turns[:last] if t["role"] == "user")
        out.append((i, turns[last]["utterance"], said, bool(turns[last].get("out-of-bounds"))))
    return out


def scores(rows: list[tuple[bool, bool]]) -> tuple[float, float, float, int]:
    tp = sum(p and t for p, t in rows)
    fp = sum(p and not t for p, t in rows)
    fn = sum(t and not p for p, t in rows)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, len(rows)


def bench_file(path: Path, guard: Guard, show: bool) -> None:
    """Figures of the guard and of the old regex rules on one case file, and their speed."""
    cases = read_guard_cases(path)

    def legacy(case):
        from dialogue.guard import Verdict

        found = legacy_rules(case.agent, memory=case.context.facts, language=case.lang)
        return Verdict(not found, tuple(found))

    new = score_guard(cases, lambda c: guard.check(c.agent, context=c.context))
    old = score_guard(cases, legacy)
    print(f"{path}")
    print(f"{'lang':<6}{'n':>5}{'recall':>9}{'precision':>11}{'old recall':>12}{'old prec.':>11}")
    for lang in sorted(new):
        a, b = new[lang], old[lang]
        print(
            f"{lang:<6}{a.n:>5}{a.recall:>9.3f}{a.precision:>11.3f}{b.recall:>12.3f}"
            f"{b.precision:>11.3f}"
        )
    if show:
        print(render_guard(new, "guard"))
        print(render_guard(old, "old rules"))
    n = sum(len(sentences(c.agent)) for c in cases)
    for name, run in [
        ("guard", lambda c: guard.check(c.agent, context=c.context)),
        ("old rules", legacy),
    ]:
        start = time.perf_counter()
        for _ in range(3):
            for case in cases:
                run(case)
        ms = (time.perf_counter() - start) * 1000 / (3 * n)
        print(f"{name:<10} {ms:.3f} ms per sentence ({n} sentences)")


def tuning_half(index: int) -> bool:
    return index < 50 or 100 <= index < 150


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="labelled JSONL cases")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show", action="store_true", help="print every miss and false alarm")
    parser.add_argument("--judge-url", help="OpenAI-compatible server for the LLM judge")
    parser.add_argument("--judge-model", default="default")
    args = parser.parse_args(argv)
    judge = None
    if args.judge_url:
        from dialogue.llm.openai import OpenAIChatModel

        judge = OpenAIChatModel(args.judge_url, args.judge_model)
    guard = Guard(judge)
    guard.check("Warm up.", context=GuardContext())  # load the lemmatizer before timing
    for file in args.files:
        bench_file(file, guard, args.show)
    path = args.corpus / SAMPLES
    if not path.exists():
        print(
            f"corpus not found at {path}: nothing to measure (it lives in ../shared, "
            "outside the repository, and is not shipped with carecall)"
        )
        return 0
    turns = judged_turns(json.loads(path.read_text(encoding="utf-8")))
    results = []
    for index, text, _said, truth in turns:
        verdict = guard.check(text, context=GuardContext("en"))  # the person's words excuse nothing
        results.append((index, not verdict.ok, truth, verdict))
        if args.show and (not verdict.ok) != truth:
            kind = "MISS " if truth else "FALSE"
            why = "; ".join(f"{c}: {e!r}" for c, e in verdict.violations)
            print(f"{kind} #{index}: {text!r} {why}")
    print(
        f"CareCall translated samples: {len(turns)} judged turns "
        f"({sum(t for *_, t in turns)} out-of-bounds), guard = rules"
        + (f" + LLM judge ({args.judge_model})" if judge else " only")
    )
    print(f"{'split':<22}{'precision':>10}{'recall':>8}{'F1':>7}{'n':>6}")
    splits = {
        "all": lambda i: True,
        "tuning half": tuning_half,
        "held-out half": lambda i: not tuning_half(i),
    }
    for name, keep in splits.items():
        p, r, f, n = scores([(flag, truth) for i, flag, truth, _ in results if keep(i)])
        print(f"{name:<22}{p:>10.3f}{r:>8.3f}{f:>7.3f}{n:>6}")
    named: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for *_, truth, verdict in results:
        for category in verdict.categories:
            named[category] += 1
            right[category] += truth
    print(f"\n{'category guessed':<22}{'flagged':>8}{'of them out-of-bounds':>24}")
    for category, n in named.most_common():
        print(f"{category:<22}{n:>8}{right[category]:>16} ({right[category] / n:.0%})")
    feedback = args.corpus / FEEDBACK
    if feedback.exists():
        flagged, total, seen = 0, 0, Counter()
        for dialogue in json.loads(feedback.read_text(encoding="utf-8")):
            said = ""
            for turn in dialogue.get("data", []):
                if turn.get("role") != "system":
                    said += " " + turn.get("text", "")
                    continue
                total += 1
                verdict = guard.check(turn["text"], context=GuardContext("ko"))
                if not verdict.ok:
                    flagged += 1
                    seen.update(verdict.categories)
                    if args.show:
                        print(f"KO flag: {turn['text']!r} {list(verdict.violations)}")
        print(
            f"\nKorean feedback corpus (said to be clean, some persona slips): guard flags "
            f"{flagged} of {total} bot turns ({flagged / max(total, 1):.1%}); "
            + ", ".join(f"{c} {n}" for c, n in seen.most_common())
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
