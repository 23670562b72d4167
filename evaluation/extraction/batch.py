"""Later batches of the blind extraction set (see ``split.py``): which batches a folder holds,
and the rule that a batch repeats no line of the batches before it."""

from __future__ import annotations

from pathlib import Path


def batches(root: Path, splits: tuple[str, ...] = ("dev", "test")) -> list[int]:
    """The batches that have files under ``root``: 1, then every N of ``*.devN``/``*.testN``."""
    found = {1}
    for p in root.glob("answers_*.*.jsonl"):
        tail = p.name.removesuffix(".jsonl").rsplit(".", 1)[-1]
        for s in splits:
            if tail.startswith(s) and tail[len(s) :].isdigit() and int(tail[len(s) :]) >= 2:
                found.add(int(tail[len(s) :]))
    return sorted(found)


def cross_batch(lang: str, rows: list[dict], others: list[dict]) -> list[str]:
    """Lines of this batch that repeat, re-space or are one word apart from a line of another
    batch. Only this batch's line is quoted: the other may be a test line nobody should read."""
    from evaluation.safety.split import _one_edit_apart, _tokens

    theirs = [(_tokens(o["user"]), o.get("_where", "?")) for o in others]
    squashed = {"".join(t): where for t, where in theirs}
    errors = []
    for r in rows:
        toks = _tokens(r["user"])
        where = squashed.get("".join(toks))
        for t, w in theirs if where is None else ():
            shared = min(len(toks), len(t)) - (len(toks) == len(t))
            if shared >= 2 and _one_edit_apart(toks, t):
                where = w
                break
        if where is not None:
            errors.append(
                f"{r.get('_where', lang)}: field 'user' {r['user']!r} repeats or is one word "
                f"apart from a line of another batch ({where})"
            )
    return errors
