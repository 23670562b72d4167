"""How well the reply reader (`dialogue.safety.replies`) reads replies to check questions.

    python -m evaluation.safety.replies FILE.jsonl [FILE ...] [--misses] [--no-learned]

Each line: `{"lang", "category", "question", "reply", "reading", "asr"}` (see
`reply_split.py`). The reply is read as a call reads it: the emergency detector (rules, and the
learned layer unless `--no-learned`) assesses it first; an emergency it finds is a `symptom`.
Prints, per file: accuracy per reading, overall, and on ASR-garbled replies; by action
(emergency / ask again / by the finding's strength / go on); and apart, UNSAFE AS SAFE: replies
that are an emergency (yes, symptom) read as no or unrelated (target 0), and doubt read as a
clear no. `--misses` lists every reply read wrongly.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from dialogue.safety.replies import ESCALATING, READINGS, SAFE, read_reply

ACTION = {
    "yes": "emergency",
    "symptom": "emergency",
    "silence": "ask again",
    "repeat": "ask again",
    "unsure": "by strength",
    "unrelated": "by strength",
    "no": "go on",
}


def load(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise ValueError(f"{path}:{n}: not JSON ({exc})") from None
        missing = {"lang", "reply", "reading"} - set(row) if isinstance(row, dict) else {"all"}
        if missing:
            raise ValueError(f"{path}:{n}: missing {sorted(missing)}")
        if row["reading"] not in READINGS:
            raise ValueError(f"{path}:{n}: reading {row['reading']!r} not in {READINGS}")
        rows.append(row)
    return rows


def evaluate(rows: list[dict], detector) -> list[tuple[dict, str]]:
    out = []
    for row in rows:
        assessment = detector.assess(row["reply"], row["lang"]) if detector else None
        got = read_reply(row["reply"], row["lang"], assessment, category=row.get("category", ""))
        out.append((row, got.kind))
    return out


def report(name: str, results: list[tuple[dict, str]], misses: bool) -> None:
    total = Counter(r["reading"] for r, _ in results)
    right = Counter(r["reading"] for r, got in results if got == r["reading"])
    print(f"{name}: {len(results)} replies")
    for reading in READINGS:
        if total[reading]:
            print(f"  {reading:<10} {right[reading]:>3}/{total[reading]:<3} "
                  f"{right[reading] / total[reading]:6.1%}")  # fmt: skip
    ok = sum(right.values())
    print(f"  {'all':<10} {ok:>3}/{len(results):<3} {ok / max(1, len(results)):6.1%}")
    asr = [(r, g) for r, g in results if r.get("asr")]
    asr_ok = sum(g == r["reading"] for r, g in asr)
    print(f"  {'asr':<10} {asr_ok:>3}/{len(asr):<3} {asr_ok / max(1, len(asr)):6.1%}")
    act = sum(ACTION[g] == ACTION[r["reading"]] for r, g in results)
    print(f"  by action  {act:>3}/{len(results):<3} {act / max(1, len(results)):6.1%}")
    unsafe = [(r, g) for r, g in results if r["reading"] in ESCALATING and g in SAFE]
    doubt = [(r, g) for r, g in results if r["reading"] not in ESCALATING + SAFE and g == "no"]
    print(f"  UNSAFE AS SAFE (yes/symptom read as no/unrelated): {len(unsafe)}"
          f"/{sum(total[k] for k in ESCALATING)}; doubt/repeat/silence read as no: "
          f"{len(doubt)}")  # fmt: skip
    for r, g in unsafe + doubt:
        print(f"    UNSAFE {r['reading']} -> {g}: {r['reply']!r}")
    if misses:
        for r, g in results:
            if g != r["reading"] and (r, g) not in unsafe + doubt:
                print(f"    miss {r['reading']} -> {g}: {r['reply']!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--misses", action="store_true", help="list every wrong reading")
    parser.add_argument("--no-learned", action="store_true", help="rules only in the detector")
    args = parser.parse_args(argv)
    from dialogue.safety.detector import EmergencyDetector

    detector = EmergencyDetector(learned=not args.no_learned)
    for path in args.files:
        try:
            rows = load(path)
        except (OSError, ValueError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        report(str(path), evaluate(rows, detector), args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
