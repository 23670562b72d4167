"""The labelled case files the learned layer is trained on, grouped into folds (one per file).

Only the project's development files: `*.test.jsonl` and `*test2*` are held out for the final
measurement and are never read here (`_held_out` refuses them even if a pattern matched).
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

# task -> language -> glob patterns, relative to the data root
PATTERNS = {
    "emergency": {
        "en": [
            "evaluation/safety/emergency_en.dev.jsonl",
            "evaluation/safety/emergency_en.dev2.jsonl",
            "tests/safety_en_batch*.jsonl",
            "tests/safety_en_more*.jsonl",
        ],
        "ko": [
            "evaluation/safety/emergency_ko.dev.jsonl",
            "evaluation/safety/emergency_ko.dev2.jsonl",
            "tests/safety_ko_batch*.jsonl",
            "tests/safety_ko_more.txt",
        ],
    },
    "guard": {
        lang: [
            f"evaluation/safety/guard_{lang}.dev.jsonl",
            f"evaluation/safety/guard_{lang}.dev2.jsonl",
            f"tests/guard_{lang}_batch*.jsonl",
        ]
        for lang in ("en", "ko")
    },
}


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
    return path.name.endswith(".test.jsonl") or "test2" in path.name


def files(task: str, lang: str, root: Path | None = None) -> list[Path]:
    root = root or data_root()
    found: list[Path] = []
    for pattern in PATTERNS[task][lang]:
        found += sorted(p for p in root.glob(pattern) if not _held_out(p))
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
