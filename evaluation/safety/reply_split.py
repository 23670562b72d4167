"""The safety check replies set: validate it and split it into dev and test with a seeded coin.

``check_replies_{en,ko}.jsonl`` hold the whole set: one reply to a safety check question per
line, ``{"lang", "category", "question", "reply", "reading", "asr"}`` (`reading`: what the
reply says, one of `READINGS`; `asr`: the reply is written as a recognizer garbles it). This
script sorts each language's set, groups it by (reading, asr) and, within each group, a seeded
shuffle sends the first half to ``check_replies_{lang}.dev.jsonl`` and the rest to
``.test.jsonl``. The reply reader (`dialogue.safety.replies`) is tuned on dev only; test is
reported once.

    python evaluation/safety/reply_split.py           # validate, split, write, print counts
    python evaluation/safety/reply_split.py --check   # validate; fail if dev/test differ
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261207
LANGS = ("en", "ko")
READINGS = ("yes", "no", "symptom", "repeat", "unrelated", "unsure", "silence")
FIELDS = {"lang", "category", "question", "reply", "reading", "asr"}
MIN_PER_LANG = 120
MIN_ASR_SHARE = 0.20


def path(lang: str, split: str = "") -> Path:
    return HERE / f"check_replies_{lang}{'.' + split if split else ''}.jsonl"


def load(file: Path) -> list[dict]:
    """The lines of a replies file; ValueError naming the file and line when one is bad."""
    rows = []
    for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise ValueError(f"{file.name}:{n}: not JSON ({exc})") from None
        if not isinstance(row, dict):
            raise ValueError(f"{file.name}:{n}: not a JSON object")
        rows.append(row)
    return rows


def problems(lang: str, rows: list[dict]) -> list[str]:
    """What is wrong with a language's whole set (empty: nothing)."""
    from dialogue.safety import CATEGORIES as CATS

    out = []
    for n, row in enumerate(rows, 1):
        if set(row) != FIELDS:
            out.append(f"{lang} line {n}: fields {sorted(row)}, expected {sorted(FIELDS)}")
            continue
        if row["lang"] != lang:
            out.append(f"{lang} line {n}: lang {row['lang']!r}")
        if row["reading"] not in READINGS:
            out.append(f"{lang} line {n}: reading {row['reading']!r} not in {READINGS}")
        if row["category"] not in CATS:
            out.append(f"{lang} line {n}: category {row['category']!r} unknown")
        if not isinstance(row["asr"], bool) or not isinstance(row["reply"], str):
            out.append(f"{lang} line {n}: asr must be true/false and reply a string")
        if (row["reading"] == "silence") != (row["reply"].strip(" .") == ""):
            out.append(f"{lang} line {n}: only a silence has no words ({row['reply']!r})")
    if len(rows) < MIN_PER_LANG:
        out.append(f"{lang}: {len(rows)} replies, at least {MIN_PER_LANG} wanted")
    asr = sum(bool(r.get("asr")) for r in rows)
    if rows and asr / len(rows) < MIN_ASR_SHARE:
        out.append(f"{lang}: {asr} ASR-garbled replies, at least {MIN_ASR_SHARE:.0%} wanted")
    keys = Counter((r.get("category"), r.get("reply")) for r in rows)
    out += [f"{lang}: {k!r} appears {c} times" for k, c in keys.items() if c > 1]
    return out


def split(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """(dev, test): within each (reading, asr) group, a seeded shuffle of the sorted rows; the
    first half (rounded up on alternate groups) to dev."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False)):
        groups[(row["reading"], row["asr"])].append(row)
    dev, test = [], []
    for i, key in enumerate(sorted(groups)):
        group = groups[key]
        random.Random(f"{SEED}:{key[0]}:{key[1]}").shuffle(group)
        half = (len(group) + (i % 2)) // 2
        dev += group[:half]
        test += group[half:]
    return dev, test


def dumps(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    check = "--check" in args
    if set(args) - {"--check"}:
        print(f"unknown arguments: {' '.join(sorted(set(args) - {'--check'}))}", file=sys.stderr)
        return 2
    failed = False
    for lang in LANGS:
        try:
            rows = load(path(lang))
        except (OSError, ValueError) as exc:
            print(f"{lang}: {exc}", file=sys.stderr)
            return 1
        found = problems(lang, rows)
        for p in found:
            print(p, file=sys.stderr)
        failed |= bool(found)
        if found:
            continue
        dev, test = split(rows)
        for name, part in (("dev", dev), ("test", test)):
            target = path(lang, name)
            if check:
                if not target.exists() or target.read_text(encoding="utf-8") != dumps(part):
                    print(f"{target.name} differs from the split: run without --check")
                    failed = True
            else:
                target.write_text(dumps(part), encoding="utf-8")
        counts = Counter(r["reading"] for r in dev)
        print(f"{lang}: {len(rows)} replies, dev {len(dev)} test {len(test)}; dev by reading "
              + ", ".join(f"{k} {counts[k]}" for k in READINGS))  # fmt: skip
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
