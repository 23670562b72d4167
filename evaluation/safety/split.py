"""Validate the emergency test set and split it 50/50 into dev and test, deterministically.

The set lives only as the split files ``emergency_{en,ko}.{dev,test}.jsonl``. Re-running this
script pools dev+test of each language, sorts the pool, and re-derives the same split: a
fixed-seed random split stratified by (emergency, category, first tag); within a stratum,
items are paired by their other tags and a seeded coin sends one of each pair to dev. The split
does not depend on file order. It is frozen once rules exist: adding utterances and re-splitting
could move dev items (seen by rule writers) into test, so a later batch must be split on its own.

    python evaluation/safety/split.py            # validate, re-split, rewrite, print counts
    python evaluation/safety/split.py --check    # validate; fail if the files differ from the split
    python evaluation/safety/split.py --from en=new_en.jsonl --from ko=new_ko.jsonl
                                                 # take the pool from these files instead
    python evaluation/safety/split.py --batch 2 --add batch2_en.jsonl
                                                 # validate a later batch, write *.dev2/test2

A later batch (2, 3, ...) is split on its own, with its own coins, into
``emergency_{lang}.dev{N}.jsonl`` / ``.test{N}.jsonl``; batch 1 is never touched by it. Its
minima suit a batch (``LATER_MINIMA``) and none of its lines may repeat, or be one word from, a
line of an earlier batch. ``--check`` validates batch 1 and every later batch whose files exist.

Rules are written against dev only; figures are reported on test.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261207
LANGS = ("en", "ko")
SPLITS = ("dev", "test")
CATEGORIES = (
    "cardiac",
    "breathing",
    "stroke",
    "fall",
    "unconscious",
    "bleeding",
    "overdose",
    "suicide",
    "confusion",
    "fire",
    "violence",
    "starvation",
    "help",
)
POSITIVE_TAGS = {
    "plain",
    "intensifier",
    "colloquial",
    "elderly",
    "third_person_urgent",
    "spacing",
    "banmal",
    "honorific",
    "asr_garbled",
    "long",
}
NEGATIVE_TAGS = {
    "negation",
    "past_resolved",
    "third_person",
    "idiom",
    "near_miss",
    "everyday",
    "hypothetical",
    "tv_story",
    "asr_garbled",
    "long",
    "spacing",
    "banmal",
    "honorific",
    "elderly",
}
FIELDS = {"lang", "user", "emergency", "category", "tags"}
MIN_PER_LANG = 330
MIN_NEG_SHARE = 0.45
MIN_POS_PER_CATEGORY = 12
# A later batch (2, 3, ...): (lines per language, share of negatives, positives per category).
LATER_MINIMA = (240, 0.40, 9)


def minima(batch: int) -> tuple[int, float, int]:
    """(lines per language, share of negatives, positives per category) for a batch."""
    return (MIN_PER_LANG, MIN_NEG_SHARE, MIN_POS_PER_CATEGORY) if batch == 1 else LATER_MINIMA


@dataclass(frozen=True)
class SplitSet:
    """What differs between the sets this module splits (emergency here, role guard in
    ``guard_split.py``): file names, field names, seed, schema checks, order and wording."""

    prefix: str  # files are {prefix}_{lang}.{split}.jsonl
    text: str  # the field holding the utterance / turn
    label: str  # the boolean field
    categories: tuple[str, ...]
    validate: Callable[..., list[str]]  # (lang, rows, batch=1) -> problems
    order: Callable[[dict], tuple]  # line order within a split file
    seed_tag: str = ""  # part of each stratum's seed, so two sets get different coins
    heading: str = "##"
    noun: str = "utterances"
    positives: str = "emergencies"
    negatives: str = "non-emergencies"
    none_row: str = "(none: not an emergency)"
    positive_col: str = "emergency"
    negative_col: str = "non-emergency"
    root: Path = HERE  # the folder holding the split files

    def path(self, lang: str, split: str, batch: int = 1) -> Path:
        """Batch 1 is ``{prefix}_{lang}.dev.jsonl``; batch N is ``….devN.jsonl``."""
        return self.root / f"{self.prefix}_{lang}.{split}{'' if batch == 1 else batch}.jsonl"

    def stratum(self, r: dict) -> tuple:
        return (r[self.label], r["category"] or "", r["tags"][0])


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


def near_duplicates(lang: str, rows: list[dict], text: str) -> list[str]:
    """Pairs of lines one word apart, or that differ only in spacing."""
    errors = []
    toks = [_tokens(r[text]) for r in rows]
    squashed = ["".join(t) for t in toks]  # catches a line that only re-spaces another
    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            shared = min(len(toks[i]), len(toks[j])) - (len(toks[i]) == len(toks[j]))
            if squashed[i] == squashed[j] or (shared >= 2 and _one_edit_apart(toks[i], toks[j])):
                errors.append(
                    f"{lang}: near-duplicate (one word apart): "
                    f"{rows[i][text]!r} / {rows[j][text]!r}"
                )
    return errors


def count_checks(
    lang: str,
    rows: list[dict],
    *,
    label: str,
    categories: tuple[str, ...],
    min_rows: tuple[int, str],
    min_neg_share: tuple[float, str],
    min_per_category: tuple[int, str],
) -> list[str]:
    """Size, share of negatives and positives per category; each minimum comes with its noun."""
    errors = []
    (least, noun), (share, negs), (each, poss) = min_rows, min_neg_share, min_per_category
    if len(rows) < least:
        errors.append(f"{lang}: {len(rows)} {noun} < {least}")
    neg = sum(not r[label] for r in rows)
    if rows and neg / len(rows) < share:
        errors.append(f"{lang}: {negs} {neg}/{len(rows)} < {share:.0%}")
    pos = Counter(r["category"] for r in rows if r[label])
    for c in categories:
        if pos[c] < each:
            errors.append(f"{lang}: category {c} has {pos[c]} {poss} < {each}")
    return errors


def validate(lang: str, rows: list[dict], batch: int = 1, counts: bool = True) -> list[str]:
    """Problems with a pool's lines; ``counts=False`` skips the minima (a rule-writer file)."""
    errors = []
    seen: dict[str, int] = {}
    for i, r in enumerate(rows):
        where = f"{lang}[{i}] {r.get('user')!r}"
        if set(r) != FIELDS:
            errors.append(f"{where}: fields {sorted(r)} != {sorted(FIELDS)}")
            continue
        if r["lang"] != lang:
            errors.append(f"{where}: lang {r['lang']!r}")
        if not isinstance(r["user"], str) or not r["user"].strip():
            errors.append(f"{where}: empty user")
        if not isinstance(r["emergency"], bool):
            errors.append(f"{where}: emergency not bool")
        tags = r["tags"]
        if not isinstance(tags, list) or not tags or len(set(tags)) != len(tags):
            errors.append(f"{where}: tags must be a non-empty list without repeats")
            continue
        if r["emergency"]:
            if r["category"] not in CATEGORIES:
                errors.append(f"{where}: bad category {r['category']!r}")
            bad = set(tags) - POSITIVE_TAGS
        else:
            if r["category"] is not None:
                errors.append(f"{where}: negative with category {r['category']!r}")
            bad = set(tags) - NEGATIVE_TAGS
        if bad:
            errors.append(f"{where}: tags not allowed here: {sorted(bad)}")
        key = r["user"].strip()
        if key in seen:
            errors.append(f"{where}: duplicate user string")
        seen[key] = i
    errors += near_duplicates(lang, rows, "user")
    if not counts:
        return errors
    least, share, each = minima(batch)
    errors += count_checks(
        lang,
        rows,
        label="emergency",
        categories=CATEGORIES,
        min_rows=(least, "utterances"),
        min_neg_share=(share, "negatives"),
        min_per_category=(each, "positives"),
    )
    return errors


def _order(r: dict) -> tuple:
    return (not r["emergency"], r["category"] or "", r["tags"][0], r["user"])


EMERGENCY = SplitSet(
    prefix="emergency",
    text="user",
    label="emergency",
    categories=CATEGORIES,
    validate=validate,
    order=_order,
)


def split(spec: SplitSet, lang: str, rows: list[dict], batch: int = 1) -> dict[str, list[dict]]:
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in sorted(rows, key=lambda r: r[spec.text]):
        groups[spec.stratum(r)].append(r)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    odd: list[dict] = []  # the odd item of each odd-sized stratum
    # A later batch draws its own coins; batch 1's seed string is unchanged (frozen split).
    batch_tag = "" if batch == 1 else f"batch{batch}:"
    for key in sorted(groups):
        # Within a stratum, neighbours by their other tags (e.g. banmal/honorific, asr_garbled)
        # form pairs and a coin decides which of each pair goes to dev, so secondary tags are
        # balanced too.
        members = sorted(groups[key], key=lambda r: (r["tags"][1:], r[spec.text]))
        rng = random.Random(f"{SEED}:{batch_tag}{spec.seed_tag}{lang}:{key}")
        for i in range(0, len(members) - 1, 2):
            a, b = members[i], members[i + 1]
            if rng.random() < 0.5:
                a, b = b, a
            out["dev"].append(a)
            out["test"].append(b)
        if len(members) % 2:
            odd.append(members[-1])
    if batch == 1:  # the frozen rule: odd items alternate dev/test in stratum order
        for i, r in enumerate(odd):
            out["dev" if i % 2 == 0 else "test"].append(r)
    else:
        _place_odd(spec, odd, out, random.Random(f"{SEED}:{batch_tag}{spec.seed_tag}{lang}:odd"))
    return {s: sorted(v, key=spec.order) for s, v in out.items()}


def _place_odd(spec: SplitSet, odd: list[dict], out: dict, rng: random.Random) -> None:
    """Later batches: strata are small, many of one item (e.g. one hedge per category), and
    plain alternation in stratum order would send the same first tag to the same half in every
    category. Instead each odd item, in a seeded order, goes to the half that leaves its
    category (weighted double), its first tag and the whole half most even; a seeded coin
    breaks ties."""
    diff: Counter = Counter()  # dev minus test, per balance key
    items = sorted(odd, key=lambda r: r[spec.text])
    rng.shuffle(items)
    for r in items:
        # the category weighs double: its counts are the ones reports give per half
        keys = [(r[spec.label], "c", r["category"]), (r[spec.label], "t", r["tags"][0]), "all"]
        weights = (2, 1, 1)
        to_dev, to_test = (
            sum(w * abs(diff[k] + d) for k, w in zip(keys, weights, strict=True)) for d in (1, -1)
        )
        side = 1 if to_dev < to_test or (to_dev == to_test and rng.random() < 0.5) else -1
        for k in keys:
            diff[k] += side
        out["dev" if side == 1 else "test"].append(r)


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def table(spec: SplitSet, parts: dict[str, dict[str, list[dict]]], batch: int = 1) -> str:
    lines = []
    for lang, sp in parts.items():
        all_rows = sp["dev"] + sp["test"]
        neg = sum(not r[spec.label] for r in all_rows)
        name = lang if batch == 1 else f"{lang}, batch {batch}"
        lines.append(
            f"\n{spec.heading} {name}: {len(all_rows)} {spec.noun} "
            f"(dev {len(sp['dev'])}, test {len(sp['test'])}), "
            f"{len(all_rows) - neg} {spec.positives}, "
            f"{neg} {spec.negatives} ({neg / len(all_rows):.1%})\n"
        )
        lines.append("| category | dev | test | total |")
        lines.append("| --- | ---: | ---: | ---: |")
        for c in spec.categories + (None,):
            d = sum(r["category"] == c for r in sp["dev"])
            t = sum(r["category"] == c for r in sp["test"])
            lines.append(f"| {c or spec.none_row} | {d} | {t} | {d + t} |")
        lines.append("")
        p, n = spec.positive_col, spec.negative_col
        lines.append(f"| tag | {p} dev | {p} test | {n} dev | {n} test |")
        lines.append("| --- | ---: | ---: | ---: | ---: |")
        tags = sorted({t for r in all_rows for t in r["tags"]})
        for tag in tags:
            cells = [
                sum(tag in r["tags"] and r[spec.label] == e for r in sp[s])
                for e in (True, False)
                for s in SPLITS
            ]
            lines.append(f"| {tag} | " + " | ".join(map(str, cells)) + " |")
    return "\n".join(lines)


def main(
    spec: SplitSet = EMERGENCY, doc: str | None = __doc__, argv: list[str] | None = None
) -> int:
    """The command line (in ``batches.py``, which also handles later batches)."""
    try:
        from evaluation.safety.batches import run
    except ImportError:  # run as a script: this folder is on sys.path
        from batches import run
    return run(spec, doc, argv)


if __name__ == "__main__":
    sys.exit(main())
