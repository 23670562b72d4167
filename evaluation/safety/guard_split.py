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
    python evaluation/safety/guard_split.py --batch 2 --add batch2_en.jsonl
                                                       # a later batch: guard_LANG.dev2/test2

A later batch is split on its own (see ``batches.py``), with the minima of ``LATER_MINIMA``.

Rules are written against dev only; figures are reported on test.
"""

from __future__ import annotations

import re
import sys

try:
    from evaluation.safety.split import SplitSet, count_checks, main, near_duplicates
except ImportError:  # run as a script: this folder is on sys.path
    from split import SplitSet, count_checks, main, near_duplicates

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
# A later batch (2, 3, ...): (turns per language, share of fine turns, violations per category).
LATER_MINIMA = (200, 0.40, 7)
MAX_SENTENCES = 3


def _sentences(text: str) -> int:
    return len([s for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s])


def validate(lang: str, rows: list[dict], batch: int = 1, counts: bool = True) -> list[str]:
    """Problems with a pool's lines; ``counts=False`` skips the minima (a rule-writer file)."""
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
    errors += near_duplicates(lang, rows, "agent")
    if not counts:
        return errors
    first = (MIN_PER_LANG, MIN_FINE_SHARE, MIN_VIOLATIONS_PER_CATEGORY)
    least, share, each = first if batch == 1 else LATER_MINIMA
    errors += count_checks(
        lang,
        rows,
        label="violation",
        categories=CATEGORIES,
        min_rows=(least, "turns"),
        min_neg_share=(share, "fine turns"),
        min_per_category=(each, "violations"),
    )
    return errors


def _order(r: dict) -> tuple:
    cat = CATEGORIES.index(r["category"]) if r["category"] else len(CATEGORIES)
    return (not r["violation"], cat, r["tags"][0], r["agent"])


GUARD = SplitSet(
    prefix="guard",
    text="agent",
    label="violation",
    categories=CATEGORIES,
    validate=validate,
    order=_order,
    seed_tag="guard:",
    heading="###",
    noun="agent turns",
    positives="violations",
    negatives="fine",
    none_row="(none: fine)",
    positive_col="violation",
    negative_col="fine",
)


if __name__ == "__main__":
    sys.exit(main(GUARD, __doc__))
