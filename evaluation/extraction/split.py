"""Validate the blind extraction set and split it 50/50 into dev and test, deterministically.

The set lives only as ``answers_{en,ko}.{dev,test}.jsonl``: there is no combined file, so a
rule writer who reads dev never sees a test line by accident. Re-running this script pools
dev+test of each language and re-derives the same split: stratified by (scenario, item,
truth class or null); within a stratum lines are sorted by tags and paired; of each pair, the
one that leaves the tags of the two halves more even goes to dev, and a seeded coin decides a
tie. Odd lines go, in a seeded order, to the half that keeps their
item and the whole half most even. The split does not depend on file order.

    python evaluation/extraction/split.py            # validate, re-split, rewrite, print counts
    python evaluation/extraction/split.py --check    # validate; fail if files differ from the split
    python evaluation/extraction/split.py --from en=pool_en.jsonl --from ko=pool_ko.jsonl
                                                     # take the pool from these files instead
    python evaluation/extraction/split.py --batch 2 --add new.jsonl
                                                     # add lines to batch 2 and re-split it

Batch 1 is ``answers_{lang}.{dev,test}.jsonl``; a later batch N (written after rules were tuned
on batch 1's dev) lives in ``answers_{lang}.{dev,test}N.jsonl`` and is split on its own, so
adding it never moves a batch-1 line. Each batch is validated alone (smaller minima after the
first) and no line may repeat or be one word apart from a line of another batch. ``--check``
and a bare run cover every batch present; ``--batch N`` only that one.

Rules are tuned on dev only; figures are reported on test (see README.md).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
if not __package__:  # run as a script: import this checkout's packages, not an installed copy
    sys.path.insert(0, str(HERE.parent.parent))
from evaluation.extraction.batch import batches, cross_batch  # noqa: E402

SEED = 20261207
LANGS = ("en", "ko")
SPLITS = ("dev", "test")
TAGS = {
    "plain",
    "indirect",
    "hedged",
    "story",
    "two_items",
    "topic_not_answer",
    "not_answer",
    "negation",
    "garbled",
}
NULL_TAGS = {"topic_not_answer", "not_answer"}  # a line with one of these has truth null
FIELDS = {"lang", "scenario", "item", "user", "truth", "tags"}
OPTIONAL = {"also"}
MIN_PER_CLASS = 8
MIN_NULL_PER_ITEM = 3
MIN_GARBLED_SHARE = 0.15
# A later batch is smaller: each class still reaches both halves, each item has null lines.
MIN_PER_CLASS_BATCH = 4
MIN_NULL_PER_ITEM_BATCH = 2


def path(lang: str, split: str, root: Path = HERE, batch: int = 1) -> Path:
    return root / f"answers_{lang}.{split}{'' if batch == 1 else batch}.jsonl"


def read_jsonl(p: Path) -> list[dict]:
    """Rows of a JSONL file; a line that is not a JSON object stops with file and line."""
    rows = []
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise SystemExit(f"{p}: cannot read: {e}") from e
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise SystemExit(f"{p}:{n}: not JSON: {e.msg}") from e
        if not isinstance(row, dict):
            raise SystemExit(f"{p}:{n}: not a JSON object")
        row["_where"] = f"{p}:{n}"
        rows.append(row)
    return rows


def strip(row: dict) -> dict:
    return {k: v for k, v in row.items() if not k.startswith("_")}


_SCENARIOS: dict[str, dict[str, set[str]] | None] = {}


def scenario_classes(name: str) -> tuple[str, dict[str, set[str]]] | None:
    """(language, {item: classes}) of a shipped scenario, or None when it does not load."""
    if name not in _SCENARIOS:
        from dialogue.scenario import ScenarioError, load_scenario

        try:
            sc = load_scenario(name)
        except (ScenarioError, OSError, ValueError):
            _SCENARIOS[name] = None
        else:
            items = {it.id: {a.answer_class for a in it.answers} for it in sc.items}
            _SCENARIOS[name] = (sc.language, items)
    return _SCENARIOS[name]


def check_row(lang: str, r: dict) -> list[str]:
    """Schema problems of one line, each naming file:line and the field."""
    where = r.get("_where", f"{lang}[?]")
    keys = set(strip(r))
    if missing := FIELDS - keys:
        return [f"{where}: missing field(s) {sorted(missing)}"]
    if extra := keys - FIELDS - OPTIONAL:
        return [f"{where}: unknown field(s) {sorted(extra)}"]
    errs = []
    if r["lang"] != lang:
        errs.append(f"{where}: field 'lang' is {r['lang']!r}, expected {lang!r}")
    if not isinstance(r["user"], str) or not r["user"].strip():
        errs.append(f"{where}: field 'user' must be a non-empty string")
    for f in ("scenario", "item"):
        if not isinstance(r[f], str):
            errs.append(f"{where}: field {f!r} must be a string")
    if not (r["truth"] is None or isinstance(r["truth"], str)):
        errs.append(f"{where}: field 'truth' must be a class name or null")
    if errs:
        return errs
    tags = r["tags"]
    if (
        not isinstance(tags, list)
        or not tags
        or not all(isinstance(t, str) for t in tags)
        or len(set(tags)) != len(tags)
    ):
        return errs + [f"{where}: field 'tags' must be a non-empty list without repeats"]
    if bad := set(tags) - TAGS:
        errs.append(f"{where}: field 'tags' has unknown tag(s) {sorted(bad)}")
    sc = scenario_classes(r["scenario"])
    if sc is None:
        return errs + [f"{where}: field 'scenario': no shipped scenario {r['scenario']!r}"]
    sc_lang, items = sc
    if sc_lang != lang:
        errs.append(f"{where}: field 'scenario': {r['scenario']} is {sc_lang!r}, not {lang!r}")
    if r["item"] not in items:
        return errs + [f"{where}: field 'item': {r['item']!r} is not in {r['scenario']}"]
    truth = r["truth"]
    if truth is not None and truth not in items[r["item"]]:
        errs.append(f"{where}: field 'truth': {truth!r} is not a class of {r['item']}")
    if (truth is None) != bool(NULL_TAGS & set(tags)):
        errs.append(f"{where}: field 'truth' is null exactly when tagged {sorted(NULL_TAGS)}")
    also = r.get("also", {})
    if not isinstance(also, dict) or ("also" in r and not also):
        return errs + [f"{where}: field 'also' must be a non-empty object {{item: class}}"]
    for it, cls in also.items():
        if not isinstance(cls, str) or it == r["item"] or it not in items or cls not in items[it]:
            errs.append(f"{where}: field 'also': {it}={cls!r} is not another item's class")
    if bool(also) != ("two_items" in tags):
        errs.append(f"{where}: field 'also' is given exactly when tagged 'two_items'")
    return errs


def validate(lang: str, rows: list[dict], counts: bool = True, batch: int = 1) -> list[str]:
    """Problems with a pool's lines; ``counts=False`` skips the minima (a small file)."""
    from evaluation.safety.split import near_duplicates

    errors = []
    seen: dict[str, str] = {}
    good = []
    for r in rows:
        errs = check_row(lang, r)
        errors += errs
        if errs:
            continue
        good.append(r)
        key = " ".join(r["user"].split())
        if key in seen:
            errors.append(f"{r['_where']}: field 'user' duplicates {seen[key]}")
        seen.setdefault(key, r["_where"])
    errors += near_duplicates(lang, good, "user")
    if counts and not errors:
        errors += count_checks(lang, good, batch)
    return errors


def count_checks(lang: str, rows: list[dict], batch: int = 1) -> list[str]:
    least, nulls = (
        (MIN_PER_CLASS, MIN_NULL_PER_ITEM)
        if batch == 1
        else (MIN_PER_CLASS_BATCH, MIN_NULL_PER_ITEM_BATCH)
    )
    errors = []
    per = Counter((r["scenario"], r["item"], r["truth"]) for r in rows)
    for name in sorted({r["scenario"] for r in rows}):
        for item, classes in scenario_classes(name)[1].items():
            for c in sorted(classes):
                if per[name, item, c] < least:
                    n = per[name, item, c]
                    errors.append(f"{lang}: {name} {item}={c} has {n} lines < {least}")
            if per[name, item, None] < nulls:
                n = per[name, item, None]
                errors.append(f"{lang}: {name} {item} has {n} null lines < {nulls}")
    garbled = sum("garbled" in r["tags"] for r in rows)
    if rows and garbled / len(rows) < MIN_GARBLED_SHARE:
        errors.append(f"{lang}: garbled {garbled}/{len(rows)} < {MIN_GARBLED_SHARE:.0%}")
    return errors


def stratum(r: dict) -> tuple:
    return (r["scenario"], r["item"], r["truth"] or "")


def order(r: dict) -> tuple:
    return (r["scenario"], r["item"], r["truth"] is None, r["truth"] or "", r["user"])


def split(lang: str, rows: list[dict], batch: int = 1) -> dict[str, list[dict]]:
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        groups[stratum(r)].append(r)
    out: dict[str, list[dict]] = {"dev": [], "test": []}
    diff: Counter = Counter()  # dev minus test, per tag
    odd = []
    name = "extraction" if batch == 1 else f"extraction{batch}"  # batch 1's seeds unchanged
    for key in sorted(groups):
        members = sorted(groups[key], key=lambda r: (sorted(r["tags"]), r["user"]))
        rng = random.Random(f"{SEED}:{name}:{lang}:{key}")
        for i in range(0, len(members) - 1, 2):
            a, b = members[i], members[i + 1]
            # the pair's orientation that leaves the tags more even; a seeded coin on a tie
            keep = _cost(diff, a, b) - _cost(diff, b, a)
            if keep > 0 or (keep == 0 and rng.random() < 0.5):
                a, b = b, a
            _move(diff, a, b)
            out["dev"].append(a)
            out["test"].append(b)
        if len(members) % 2:
            odd.append(members[-1])
    rng = random.Random(f"{SEED}:{name}:{lang}:odd")
    odd.sort(key=lambda r: r["user"])
    rng.shuffle(odd)
    for r in odd:
        keys = [(r["scenario"], r["item"]), "all", *(("tag", t) for t in r["tags"])]
        to_dev, to_test = (sum(abs(diff[k] + d) for k in keys) for d in (1, -1))
        side = 1 if to_dev < to_test or (to_dev == to_test and rng.random() < 0.5) else -1
        for k in keys:
            diff[k] += side
        out["dev" if side == 1 else "test"].append(r)
    return {s: sorted(v, key=order) for s, v in out.items()}


def _tag_keys(r: dict) -> list:
    return [("tag", t) for t in r["tags"]]


def _move(diff: Counter, dev: dict, test: dict) -> None:
    for k in _tag_keys(dev):
        diff[k] += 1
    for k in _tag_keys(test):
        diff[k] -= 1


def _cost(diff: Counter, dev: dict, test: dict) -> int:
    """Total tag imbalance after sending ``dev`` to dev and ``test`` to test."""
    after = Counter(diff)
    _move(after, dev, test)
    return sum(abs(after[k]) for k in set(_tag_keys(dev) + _tag_keys(test)))


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(strip(r), ensure_ascii=False) + "\n" for r in rows)


def table(lang: str, parts: dict[str, list[dict]], batch: int = 1) -> str:
    rows = parts["dev"] + parts["test"]
    garbled = sum("garbled" in r["tags"] for r in rows)
    lines = [
        f"\n## {lang}{'' if batch == 1 else f' batch {batch}'}: {len(rows)} lines "
        f"(dev {len(parts['dev'])}, test {len(parts['test'])}), "
        f"garbled {garbled} ({garbled / max(len(rows), 1):.1%})\n",
        "| scenario | item | class | dev | test | total |",
        "| --- | --- | --- | ---: | ---: | ---: |",
    ]
    for key in sorted({stratum(r) for r in rows}, key=lambda k: (k[0], k[1], k[2] == "", k[2])):
        d, t = (sum(stratum(r) == key for r in parts[s]) for s in SPLITS)
        lines.append(f"| {key[0]} | {key[1]} | {key[2] or '(null)'} | {d} | {t} | {d + t} |")
    lines += ["", "| tag | dev | test | total |", "| --- | ---: | ---: | ---: |"]
    for tag in sorted(TAGS):
        d, t = (sum(tag in r["tags"] for r in parts[s]) for s in SPLITS)
        lines.append(f"| {tag} | {d} | {t} | {d + t} |")
    return "\n".join(lines)


def _added(files: list[Path]) -> tuple[dict[str, list[dict]], list[str]]:
    """``--add`` files' lines by their ``lang`` field; a line of no known language is an error."""
    by_lang: dict[str, list[dict]] = {lang: [] for lang in LANGS}
    errors = []
    for f in files:
        for r in read_jsonl(f):
            if r.get("lang") not in LANGS:
                errors.append(f"{r['_where']}: field 'lang' must be one of {list(LANGS)}")
            else:
                by_lang[r["lang"]].append(r)
    return by_lang, errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="validate; fail if files are stale")
    ap.add_argument("--from", dest="sources", action="append", default=[], metavar="LANG=FILE")
    ap.add_argument(
        "--batch", type=int, metavar="N", help="only batch N (default: every batch present)"
    )
    ap.add_argument(
        "--add",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="add FILE's lines (each with its 'lang') to batch N >= 2 and re-split it",
    )
    ap.add_argument("--root", type=Path, default=HERE, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.batch is not None and args.batch < 1:
        print(f"--batch {args.batch}: batches are numbered from 1", file=sys.stderr)
        return 2
    if args.add and (args.batch is None or args.batch < 2):
        print(
            "--add needs --batch N with N >= 2: batch 1 is closed (adding to it would move "
            "dev lines into test); start a new batch",
            file=sys.stderr,
        )
        return 2
    if args.add and args.check:
        print("--add rewrites a batch; --check only reads: use one of them", file=sys.stderr)
        return 2
    if missing := [str(f) for f in args.add if not f.is_file()]:
        print(f"--add: no such file {', '.join(missing)}", file=sys.stderr)
        return 2
    sources = {}
    for s in args.sources:
        lang, _, f = s.partition("=")
        if lang not in LANGS or not f:
            print(f"--from {s!r}: expected LANG=FILE with LANG in {LANGS}", file=sys.stderr)
            return 2
        sources[lang] = Path(f)
    added, errors = _added(args.add)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    present = batches(args.root, SPLITS)
    chosen = [args.batch] if args.batch is not None else present
    failed = False
    for batch in chosen:
        for lang in LANGS:
            failed |= _one(lang, batch, args, sources.get(lang), added[lang], present)
    return 1 if failed else 0


def _one(lang, batch, args, source, added, present) -> bool:
    """Validate, split and write (or check) one language of one batch; True when it failed."""
    files = [path(lang, s, args.root, batch) for s in SPLITS]
    if source is not None:
        pool = read_jsonl(source)
    else:
        if batch != 1 and not any(p.exists() for p in files) and not added:
            return False  # this batch has no lines in this language
        if batch == 1 or not args.add:
            if missing := [str(p) for p in files if not p.exists()]:
                print(f"{lang}: missing {', '.join(missing)}", file=sys.stderr)
                return True
        pool = [r for p in files if p.exists() for r in read_jsonl(p)]
    pool += added
    errors = validate(lang, pool, batch=batch)
    others = [
        r
        for b in present
        if b < batch  # a batch answers for itself against the batches before it
        for p in (path(lang, s, args.root, b) for s in SPLITS)
        if p.exists()
        for r in read_jsonl(p)
    ]
    errors += cross_batch(lang, pool, others)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return True
    parts = split(lang, pool, batch)
    failed = False
    for s in SPLITS:
        p, want = path(lang, s, args.root, batch), dump(parts[s])
        if args.check:
            if not p.exists() or p.read_text(encoding="utf-8") != want:
                print(f"{p}: differs from the split; run split.py", file=sys.stderr)
                failed = True
        else:
            p.write_text(want, encoding="utf-8")
    print(table(lang, parts, batch))
    return failed


if __name__ == "__main__":
    sys.exit(main())
