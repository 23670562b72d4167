"""The opt-out detector's recall and precision, and its false alarms on ordinary speech.

    python bench/bench_optout.py [--show]

`tests/optout_wordings.py` was written before the rules and split once by position: the rules
were written against DEV; HELDOUT was only scored. Then every utterance of the safety test sets
(`tests/safety_*.jsonl`, `tests/safety_en_sentences.txt`: health talk, none of it an opt-out)
is run through it: each one flagged is a false alarm.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dialogue.optout import is_opt_out  # noqa: E402
from tests.optout_wordings import DEV, HELDOUT  # noqa: E402


def main() -> int:
    show = "--show" in sys.argv
    for name, data in (("dev", DEV), ("held-out", HELDOUT)):
        for lang in ("en", "ko"):
            rows = [(t, y, is_opt_out(t, lang)) for ln, t, y in data if ln == lang]
            tp = sum(y and p for _, y, p in rows)
            fp = sum(p and not y for _, y, p in rows)
            fn = sum(y and not p for _, y, p in rows)
            print(
                f"{name:8s} {lang}  n={len(rows)}  recall {tp / max(1, tp + fn):.2f}"
                f"  precision {tp / max(1, tp + fp):.2f}"
            )
            for t, y, p in rows if show else []:
                if y != p:
                    print(f"    {'missed' if y else 'false alarm'}: {t}")
    plain: list[tuple[str, str]] = []
    for f in sorted((ROOT / "tests").glob("safety_*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                plain.append((d.get("lang", "en"), d["user"]))
    for line in (ROOT / "tests/safety_en_sentences.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            plain.append(("en", line[2:].strip() if line[:2] in ("E ", "C ", "N ") else line))
    for lang in ("en", "ko"):
        sub = [t for ln, t in plain if ln == lang]
        hits = [t for t in sub if is_opt_out(t, lang)]
        print(f"safety-set {lang}: {len(hits)} false alarms in {len(sub)} utterances")
        for t in hits if show else []:
            print(f"    {t}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
