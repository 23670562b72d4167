"""Validate the role-guard test set and split it 50/50 into dev and test, deterministically.

The set lives only as the split files ``guard_{en,ko}.{dev,test}.jsonl``: agent turns that the
role guard must block (``violation: true``, with a category) or let through (``false``).
Re-running this script pools dev+test of each language, sorts the pool, and re-derives the same
split: a fixed-seed random split stratified by (violation, category, first tag); within a
stratum, items are paired by their other tags and a seeded coin sends one of each pair to dev.
The split does not depend on file order. It is frozen once guard rules are tuned against it:
adding turns and re-splitting could move dev items (seen by rule writers) into test, so a later
batch must be split on its own.

    python evaluation/safety/guard_split.py            # validate, re-split, rewrite, print counts
    python evaluation/safety/guard_split.py --check    # validate; fail if files differ from split
    python evaluation/safety/guard_split.py --from en=new_en.jsonl --from ko=new_ko.jsonl
                                                       # take the pool from these files instead

Rules are written against dev only; figures are reported on test.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261207
LANGS = ("en", "ko")
SPLITS = ("dev", "test")
CATEGORIES = (
    "visit",
    "action",
    "diagnosis",
    "reassurance",
    "medication",
    "treatment",
    "meeting",
    "world",
    "human",
    "seeing",
    "memory",
    "intrusive",
    "advertising",
    "impolite",
)
REGISTER_TAGS = {"honorific", "banmal"}
# How a violation is worded (first tag), plus detail tags.
VIOLATION_TAGS = {
    "plain",
    "paraphrase",
    "indirect",
    "hedge",
    "polite_wrapper",
    "second_sentence",
    "spacing",
    "near_visit",
    "no_memory",
    "long",
} | REGISTER_TAGS
# What kind of fine turn it is (first tag), plus detail tags.
FINE_TAGS = {
    "fine_referral",
    "fine_empathy",
    "fine_praise",
    "fine_disclaim",
    "fine_echo",
    "fine_question",
    "fine_ai",
    "fine_closing",
    *(f"near_{c}" for c in CATEGORIES if c != "impolite"),
    "long",
    "spacing",
} | REGISTER_TAGS
FIELDS = {"lang", "agent", "violation", "category", "tags"}
MIN_PER_LANG = 220
MIN_FINE_SHARE = 0.45
MIN_VIOLATIONS_PER_CATEGORY = 8
MAX_SENTENCES = 3


def path(lang: str, split: str) -> Path:
    return HERE / f"guard_{lang}.{split}.jsonl"


def read_jsonl(p: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            raise SystemExit(f"{p}:{n}: not JSON: {e}") from e
    return rows


def _tokens(text: str) -> list[str]:
    return re.sub(r"[^\w\s]", " ", text.lower()).split()


def _one_edit_apart(a: list[str], b: list[str]) -> bool:
    """True when token lists differ by at most one substitution, insertion or deletion."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def _sentences(text: str) -> int:
    return len([s for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s])


def validate(lang: str, rows: list[dict]) -> list[str]:
    errors = []
    seen: dict[str, int] = {}
    for i, r in enumerate(rows):
        where = f"{lang}[{i}] {r.get('agent')!r}"
        if set(r) != FIELDS:
            errors.append(f"{where}: fields {sorted(r)} != {sorted(FIELDS)}")
            continue
        if r["lang"] != lang:
            errors.append(f"{where}: lang {r['lang']!r}")
        if not isinstance(r["agent"], str) or not r["agent"].strip():
            errors.append(f"{where}: empty agent turn")
            continue
        if not 1 <= _sentences(r["agent"]) <= MAX_SENTENCES:
            errors.append(f"{where}: not 1-{MAX_SENTENCES} sentences")
        if not isinstance(r["violation"], bool):
            errors.append(f"{where}: violation not bool")
        tags = r["tags"]
        if not isinstance(tags, list) or not tags or len(set(tags)) != len(tags):
            errors.append(f"{where}: tags must be a non-empty list without repeats")
            continue
        if r["violation"]:
            if r["category"] not in CATEGORIES:
                errors.append(f"{where}: bad category {r['category']!r}")
            bad = set(tags) - VIOLATION_TAGS
            if (r["category"] == "memory") != ("no_memory" in tags):
                errors.append(f"{where}: no_memory goes on memory violations, and only there")
        else:
            if r["category"] is not None:
                errors.append(f"{where}: fine turn with category {r['category']!r}")
            bad = set(tags) - FINE_TAGS
        if bad:
            errors.append(f"{where}: tags not allowed here: {sorted(bad)}")
        if tags[0] in REGISTER_TAGS or tags[0] == "no_memory":
            errors.append(f"{where}: first tag must say the wording or the kind of turn")
        register = REGISTER_TAGS & set(tags)
        if lang == "ko" and len(register) != 1:
            errors.append(f"{where}: a Korean turn needs exactly one of honorific/banmal")
        if lang != "ko" and register:
            errors.append(f"{where}: register tags are for Korean")
        if "banmal" in tags and r["category"] != "impolite":
            errors.append(f"{where}: 반말 to an elder is an impolite violation")
        key = r["agent"].strip()
        if key in seen:
            errors.append(f"{where}: duplicate agent string")
        seen[key] = i
    toks = [_tokens(r["agent"]) for r in rows]
    squashed = ["".join(t) for t in toks]  # a line that only re-spaces another
    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            shared = min(len(toks[i]), len(toks[j])) - (len(toks[i]) == len(toks[j]))
            if squashed[i] == squashed[j] or (shared >= 2 and _one_edit_apart(toks[i], toks[j])):
                errors.append(
                    f"{lang}: near-duplicate (one word apart): "
                    f"{rows[i]['agent']!r} / {rows[j]['agent']!r}"
                )
    if len(rows) < MIN_PER_LANG:
        errors.append(f"{lang}: {len(rows)} turns < {MIN_PER_LANG}")
    fine = sum(not r["violation"] for r in rows)
    if rows and fine / len(rows) < MIN_FINE_SHARE:
        errors.append(f"{lang}: fine turns {fine}/{len(rows)} < {MIN_FINE_SHARE:.0%}")
    pos = Counter(r["category"] for r in rows if r["violation"])
    for c in CATEGORIES:
        if pos[c] < MIN_VIOLATIONS_PER_CATEGORY:
            errors.append(
                f"{lang}: category {c} has {pos[c]} violations < {MIN_VIOLATIONS_PER_CATEGORY}"
            )
    return errors


def stratum(r: dict) -> tuple:
    return (r["violation"], r["category"] or "", r["tags"][0])


def split(lang: str, rows: list[dict]) -> dict[str, list[dict]]:
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in sorted(rows, key=lambda r: r["agent"]):
        groups[stratum(r)].append(r)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    odd_to_dev = True  # the odd item of each odd-sized stratum alternates dev/test
    for key in sorted(groups):
        # Neighbours by their other tags (register, no_memory, spacing) form pairs and a coin
        # decides which of each pair goes to dev, so secondary tags are balanced too.
        members = sorted(groups[key], key=lambda r: (r["tags"][1:], r["agent"]))
        rng = random.Random(f"{SEED}:guard:{lang}:{key}")
        for i in range(0, len(members) - 1, 2):
            a, b = members[i], members[i + 1]
            if rng.random() < 0.5:
                a, b = b, a
            out["dev"].append(a)
            out["test"].append(b)
        if len(members) % 2:
            out["dev" if odd_to_dev else "test"].append(members[-1])
            odd_to_dev = not odd_to_dev

    def order(r: dict) -> tuple:
        cat = CATEGORIES.index(r["category"]) if r["category"] else len(CATEGORIES)
        return (not r["violation"], cat, r["tags"][0], r["agent"])

    return {s: sorted(v, key=order) for s, v in out.items()}


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def table(parts: dict[str, dict[str, list[dict]]]) -> str:
    lines = []
    for lang, sp in parts.items():
        all_rows = sp["dev"] + sp["test"]
        fine = sum(not r["violation"] for r in all_rows)
        lines.append(
            f"\n### {lang}: {len(all_rows)} agent turns "
            f"(dev {len(sp['dev'])}, test {len(sp['test'])}), {len(all_rows) - fine} violations, "
            f"{fine} fine ({fine / len(all_rows):.1%})\n"
        )
        lines.append("| category | dev | test | total |")
        lines.append("| --- | ---: | ---: | ---: |")
        for c in CATEGORIES + (None,):
            d = sum(r["category"] == c for r in sp["dev"])
            t = sum(r["category"] == c for r in sp["test"])
            lines.append(f"| {c or '(none: fine)'} | {d} | {t} | {d + t} |")
        lines.append("")
        lines.append("| tag | violation dev | violation test | fine dev | fine test |")
        lines.append("| --- | ---: | ---: | ---: | ---: |")
        tags = sorted({t for r in all_rows for t in r["tags"]})
        for tag in tags:
            cells = [
                sum(tag in r["tags"] and r["violation"] == v for r in sp[s])
                for v in (True, False)
                for s in SPLITS
            ]
            lines.append(f"| {tag} | " + " | ".join(map(str, cells)) + " |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--check", action="store_true", help="do not write; fail if files differ from the split"
    )
    ap.add_argument(
        "--from",
        dest="sources",
        action="append",
        default=[],
        metavar="LANG=FILE",
        help="take a language's pool from FILE instead of its dev+test files",
    )
    args = ap.parse_args()
    sources = dict(s.split("=", 1) for s in args.sources)

    errors, parts = [], {}
    for lang in LANGS:
        if lang in sources:
            rows = read_jsonl(Path(sources[lang]))
        else:
            rows = [r for s in SPLITS for r in read_jsonl(path(lang, s))]
        errors += validate(lang, rows)
        parts[lang] = split(lang, rows)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        print(f"{len(errors)} problem(s)", file=sys.stderr)
        return 1
    stale = []
    for lang, sp in parts.items():
        for s in SPLITS:
            text = dump(sp[s])
            p = path(lang, s)
            if args.check:
                if not p.exists() or p.read_text(encoding="utf-8") != text:
                    stale.append(p.name)
            else:
                p.write_text(text, encoding="utf-8")
    print(table(parts))
    if stale:
        print(f"\nout of date with the split: {', '.join(stale)}", file=sys.stderr)
        return 1
    print(
        "\nOK: all lines parse, schema valid, counts met, no duplicates, split "
        + ("matches files" if args.check else "written")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
