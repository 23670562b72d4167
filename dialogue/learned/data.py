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

import functools
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

# The agent's own lines, fine by definition (the scenarios' templates and the response bank,
# checked by the guard's rules in their own tests): negatives for the guard model, sentence
# by sentence as the guard judges them, one fold per file. Without them the model, fitted on
# whole turns, flagged one short bank line in four ("I see.", "Okay.", "솜씨가 좋으시네요.").
OWN_LINES = {
    lang: [
        "scenarios/*.yaml",
        "campaign/scenarios/*.yaml",
        f"dialogue/conversation/bank/{lang}/*.yaml",
    ]
    for lang in ("en", "ko")
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
    if found and task == "guard":
        for pattern in OWN_LINES.get(lang, []):
            found += sorted(root.glob(pattern))
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
        if path.suffix == ".yaml":
            out += _own_lines(path, lang, fold)
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


def _own_lines(path: Path, lang: str, fold: str) -> list[Example]:
    """The agent's lines of one scenario or bank file, sentence by sentence (none where the
    file is of another language or does not read: its own tests name what is wrong)."""
    from dialogue.conversation.bank import SAMPLE_FIELDS, read_file, spoken_lines
    from dialogue.guard import sentences
    from dialogue.scenario import load_scenario
    from dialogue.text import fill
    from dialogue.yamlfile import ScenarioError

    fields = SAMPLE_FIELDS.get(lang, SAMPLE_FIELDS["en"])
    try:
        if "bank" in path.parts:
            texts = [
                fill(line, **fields)
                for situation, _ in read_file(path)
                for _, line in spoken_lines(situation)
            ]
        else:
            scenario = load_scenario(path)
            if scenario.language != lang:
                return []
            name = fields["recipient_name"]
            # memory questions are fine only with a memory that holds the fact: left out
            memory = {
                fill(item.memory_question, recipient_name=name, fact="")
                for item in scenario.items
                if item.memory_question
            }
            texts = [t for t in scenario.agent_lines(name) if t not in memory]
    except (ScenarioError, ValueError, KeyError):
        return []
    found = dict.fromkeys(s for text in texts for s in sentences(text) if s.strip())
    return [Example(s, False, "-", fold, {"lang": lang, "agent": s}) for s in found]


def own_sentences(lang: str, root: Path | None = None) -> frozenset[str]:
    """The agent's own sentences of `lang` (`OWN_LINES`), lowercased without spaces: what the
    learned guard never flags as written (a rewording of one is judged like any sentence)."""
    root = root or data_root()
    return _own_sentences(lang, root)


@functools.lru_cache(maxsize=8)
def _own_sentences(lang: str, root: Path) -> frozenset[str]:
    found = set()
    for pattern in OWN_LINES.get(lang, []):
        for path in sorted(root.glob(pattern)):
            for example in _own_lines(path, lang, str(path)):
                found.add(squash(example.text))
    return frozenset(found)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text.lower())
