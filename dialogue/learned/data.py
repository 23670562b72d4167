"""The labelled case files the learned layer is trained on, grouped into folds (one per file).

Only the project's development files: every `*.dev*.jsonl` batch (later ones too, by glob) and
the rule writers' batches under `tests/`. The held-out halves (`*.test.jsonl`, `*.test2.jsonl`,
any `test<N>` part) are for the final measurement and are never read here: `_held_out` drops
them from every pattern's matches, and `examples` asserts it before opening a file.
The files live in the repository (`evaluation/safety/`, `tests/`), not in the installed
package: an install without them gets `LearnedDataMissing`, which names what is missing, and
the layer then adds nothing (the rules still run). `CARECALL_LEARNED_DATA` points elsewhere.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# task -> language -> glob patterns, relative to the data root. `*.dev*.jsonl` picks up every
# later rule-writer batch (dev3, dev4...) without an edit here; the held-out halves of those
# batches (`*.test.jsonl`, `*.test2.jsonl`, ...) are refused by `_held_out` whatever matched.
PATTERNS = {
    "emergency": {
        "en": [
            "evaluation/safety/emergency_en.dev*.jsonl",
            "tests/safety_en_batch*.jsonl",
            "tests/safety_en_more*.jsonl",
        ],
        "ko": [
            "evaluation/safety/emergency_ko.dev*.jsonl",
            "tests/safety_ko_batch*.jsonl",
            "tests/safety_ko_more.txt",
        ],
    },
    "guard": {
        lang: [
            f"evaluation/safety/guard_{lang}.dev*.jsonl",
            f"tests/guard_{lang}_batch*.jsonl",
            # caring turns written to measure false alarms (110 fine + 35 violations a language)
            f"tests/guard_{lang}_fine_batch*.jsonl",
        ]
        for lang in ("en", "ko")
    },
}

# A held-out half: `x.test.jsonl`, `x.test2.jsonl`, `x_test3.jsonl`, `x.test.txt`... Any name
# with "test" followed by digits or nothing as its own dot/underscore/dash-separated part.
_HELD_OUT = re.compile(r"(^|[._-])test\d*([._-]|$)", re.IGNORECASE)


class LearnedDataMissing(RuntimeError):
    """The training files are not where the layer looks (an installed package without the
    repository's case files): the learned layer is off and the rules decide alone."""


@dataclass(frozen=True)
class Example:
    text: str
    label: bool
    category: str  # the file's category ("-" where none)
    fold: str  # the file it came from
    raw: dict


def data_root() -> Path:
    return Path(os.environ.get("CARECALL_LEARNED_DATA") or ROOT)


def _held_out(path: Path) -> bool:
    return bool(_HELD_OUT.search(path.name))


def files(task: str, lang: str, root: Path | None = None) -> list[Path]:
    root = root or data_root()
    found: list[Path] = []
    for pattern in PATTERNS[task][lang]:
        found += sorted(p for p in root.glob(pattern) if not _held_out(p))
    found = list(dict.fromkeys(found))
    if not found:
        wanted = ", ".join(PATTERNS[task][lang])
        raise LearnedDataMissing(
            f"learned {task} layer ({lang}): no training files under {root} ({wanted}); "
            "run from a carecall checkout or set CARECALL_LEARNED_DATA to one. "
            "The learned layer is off; the rules decide alone."
        )
    return found


def examples(task: str, lang: str, root: Path | None = None) -> list[Example]:
    """Every labelled example of the task and language, in file order (deterministic)."""
    root = root or data_root()
    out: list[Example] = []
    for path in files(task, lang, root):
        # the last line of defence: nothing below ever reads a held-out half
        assert not _held_out(path), f"learned layer: refusing held-out file {path}"
        fold = str(path.relative_to(root))
        if path.suffix == ".txt":
            out += _txt_examples(path, lang, fold)
            continue
        text, label = ("user", "emergency") if task == "emergency" else ("agent", "violation")
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            raw = json.loads(line)
            if raw.get("lang") != lang or not isinstance(raw.get(label), bool):
                continue
            out.append(Example(raw[text], raw[label], raw.get("category") or "-", fold, raw))
    return out


_TXT = re.compile(r"^([EN])\s+(\S+)\s+(.+)$")


def _txt_examples(path: Path, lang: str, fold: str) -> list[Example]:
    """`tests/safety_ko_more.txt`: "E <category> <text>" (an emergency) or "N - <text>"."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _TXT.match(line.strip())
        if m and not line.startswith("#"):
            kind, category, text = m.groups()
            raw = {"lang": lang, "user": text, "emergency": kind == "E", "category": category}
            out.append(Example(text, kind == "E", category, fold, raw))
    return out
