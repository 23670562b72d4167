"""The command line of ``split.py`` and ``guard_split.py``: batch 1 and later batches.

Batch 1 is the frozen set (``{prefix}_{lang}.dev.jsonl`` / ``.test.jsonl``). A later batch N,
written afterwards by someone who has not seen the rules, is validated and split on its own,
with its own coins, into ``{prefix}_{lang}.devN.jsonl`` / ``.testN.jsonl``:

    python evaluation/safety/split.py --batch 2 --add batch2_en.jsonl    # one language per file
    python evaluation/safety/split.py --check            # batch 1 and every later batch on disk
    python evaluation/safety/split.py --check --batch 2  # batch 2 only

A language is in a later batch when its files exist (or ``--add`` brings it), so the English and
Korean halves of a batch can be added at different times. ``--add`` will not overwrite a batch
already split differently: rule writers may have read its dev half. A later batch's lines must
not repeat, or be one word from, any line of an earlier batch; such a clash names only the new
line, so that whoever writes a batch never reads the earlier test halves through it.

A batch with dev files and no test file in any language is a *rule writers' batch*
(``{prefix}_{lang}.devN.jsonl`` alone): new wordings that whoever tunes the rules wrote to tune
on. Nobody reports on it, so it is not split and has no minimum size; ``--check`` validates its
lines (schema, categories, tags, duplicates) and that none repeats an earlier batch.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

try:
    from evaluation.safety.split import (
        LANGS,
        SPLITS,
        SplitSet,
        _one_edit_apart,
        _tokens,
        dump,
        read_jsonl,
        split,
        table,
    )
except ImportError:  # run as a script: this folder is on sys.path
    from split import (
        LANGS,
        SPLITS,
        SplitSet,
        _one_edit_apart,
        _tokens,
        dump,
        read_jsonl,
        split,
        table,
    )


def later_batches(spec: SplitSet) -> list[int]:
    """Numbers (2, 3, ...) of the later batches that have a file on disk, in any language."""
    pat = re.compile(rf"{re.escape(spec.prefix)}_\w+\.(?:dev|test)(\d+)\.jsonl")
    found = {int(m.group(1)) for p in spec.root.glob("*.jsonl") if (m := pat.fullmatch(p.name))}
    return sorted(n for n in found if n >= 2)


def on_disk(spec: SplitSet, lang: str, batch: int) -> list[dict] | None:
    """A batch's pool for one language from its dev+test files; None when it has neither."""
    paths = [spec.path(lang, s, batch) for s in SPLITS]
    if not any(p.exists() for p in paths):
        return None
    missing = [p.name for p in paths if not p.exists()]
    if missing:
        raise SystemExit(f"{', '.join(missing)} missing: a batch is a dev and a test file")
    return [r for p in paths for r in read_jsonl(p)]


def writers_batch(spec: SplitSet, batch: int) -> bool:
    """A later batch with dev files only: the rule writers' own wordings, never split."""
    return batch > 1 and not any(spec.path(lang, "test", batch).exists() for lang in LANGS)


def check_writers_batch(spec: SplitSet, batch: int) -> tuple[list[str], str]:
    """Validate a rule writers' batch line by line (no minima: lang-wide count errors, which
    name no line, are dropped); also the lines that repeat an earlier batch."""
    errors, counts = [], []
    for lang in LANGS:
        p = spec.path(lang, "dev", batch)
        if not p.exists():
            continue
        rows = read_jsonl(p)
        errors += [
            f"batch {batch}: {e}"
            for e in spec.validate(lang, rows, batch)
            if not e.startswith(f"{lang}: ") or "near-duplicate" in e
        ]
        errors += clashes(spec, lang, rows, batch)
        pos = sum(bool(r[spec.label]) for r in rows)
        counts.append(f"{p.name}: {len(rows)} lines, {pos} {spec.positives}, rule writers' own")
    return errors, "\n".join(counts)


def clashes(spec: SplitSet, lang: str, rows: list[dict], batch: int) -> list[str]:
    """Lines of ``batch`` that repeat, or are one word from, a line of an earlier batch."""
    earlier = []  # (file name, tokens)
    for b in range(1, batch):
        for s in SPLITS:
            p = spec.path(lang, s, b)
            if p.exists():
                earlier += [(p.name, _tokens(r[spec.text])) for r in read_jsonl(p)]
    errors = []
    for r in rows:
        new = _tokens(r[spec.text])
        for name, old in earlier:
            shared = min(len(new), len(old)) - (len(new) == len(old))
            if "".join(new) == "".join(old) or (shared >= 2 and _one_edit_apart(new, old)):
                errors.append(
                    f"{lang}, batch {batch}: {r[spec.text]!r} repeats, or is one word from, "
                    f"a line of {name}"
                )
                break
    return errors


def _added(paths: list[str]) -> dict[str, list[dict]]:
    """``--add`` files by language; each file holds one language."""
    out: dict[str, list[dict]] = {}
    for f in paths:
        rows = read_jsonl(Path(f))
        langs = {r.get("lang") for r in rows}
        if len(langs) != 1 or not langs <= set(LANGS):
            raise SystemExit(f"{f}: one language per file, one of {LANGS}; found {langs}")
        (lang,) = langs
        if lang in out:
            raise SystemExit(f"{f}: a second --add file for {lang}")
        out[lang] = rows
    return out


def _parse(doc: str | None, argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
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
    ap.add_argument(
        "--batch",
        type=int,
        help="work on this batch only (1 = the frozen set; 2, 3, ... = later batches); "
        "default: batch 1 and every later batch on disk",
    )
    ap.add_argument(
        "--add",
        action="append",
        default=[],
        metavar="FILE",
        help="a new later batch's lines (one language per file); needs --batch N with N >= 2",
    )
    args = ap.parse_args(argv)
    if args.add and (args.batch is None or args.batch < 2):
        ap.error("--add needs --batch N with N >= 2: batch 1 is frozen")
    if args.add and args.check:
        ap.error("--add writes files; --check only reads them")
    if args.batch is not None and args.batch < 1:
        ap.error("--batch counts from 1")
    return args


def run(spec: SplitSet, doc: str | None = None, argv: list[str] | None = None) -> int:
    args = _parse(doc, argv)
    sources = {lang: read_jsonl(Path(f)) for lang, f in (s.split("=", 1) for s in args.sources)}
    sources |= _added(args.add)
    batches = [args.batch] if args.batch else [1, *later_batches(spec)]
    sourced = args.batch or 1  # --from / --add give the pool of this batch only

    errors, work = [], []  # work: (batch, {lang: {split: rows}}, languages from a file)
    writers = []  # rule writers' batches: validated, never split
    for batch in batches:
        if writers_batch(spec, batch) and not (batch == sourced and sources):
            found, summary = check_writers_batch(spec, batch)
            errors += found
            writers.append(summary)
            continue
        parts, given = {}, set()
        for lang in LANGS:
            if batch == sourced and lang in sources:
                rows, from_file = sources[lang], True
            else:
                rows, from_file = on_disk(spec, lang, batch), False
                if rows is None:
                    if batch == 1:
                        raise SystemExit(f"{spec.path(lang, 'dev').name} missing")
                    continue  # this language has no such batch (yet)
            errors += [f"batch {batch}: {e}" for e in spec.validate(lang, rows, batch)]
            errors += clashes(spec, lang, rows, batch)
            parts[lang] = split(spec, lang, rows, batch)
            if from_file:
                given.add(lang)
        if batch > 1 and not parts:
            errors.append(f"batch {batch}: no files and nothing to --add")
        work.append((batch, parts, given))
    if errors:
        print("\n".join(errors), file=sys.stderr)
        print(f"{len(errors)} problem(s)", file=sys.stderr)
        return 1

    stale, refused, out = [], [], []
    for batch, parts, given in work:
        for lang, sp in parts.items():
            for s in SPLITS:
                text, p = dump(sp[s]), spec.path(lang, s, batch)
                same = p.exists() and p.read_text(encoding="utf-8") == text
                if args.check:
                    if not same:
                        stale.append(p.name)
                elif batch > 1 and lang in given and p.exists() and not same:
                    refused.append(p.name)
                elif not same:
                    p.write_text(text, encoding="utf-8")
        out.append(table(spec, parts, batch))
    print("\n".join(out + writers))
    if refused:
        print(
            f"\nnot overwritten (already split differently; its dev half may have been read; "
            f"delete the files first if no one has): {', '.join(refused)}",
            file=sys.stderr,
        )
        return 1
    if stale:
        print(f"\nout of date with the split: {', '.join(stale)}", file=sys.stderr)
        return 1
    done = "matches files" if args.check else "written"
    print(
        f"\nOK (batch {', '.join(map(str, batches))}): all lines parse, schema valid, "
        f"counts met, no duplicates, split {done}"
    )
    return 0
