"""Reading labelled JSONL case files, shared by the emergency and role-guard evaluations.

Each line is one JSON object with `lang` ("en" or "ko"), a text field and a boolean label;
every error names the file and line, and is raised as the caller's own error class.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def read_labelled(
    path: Path,
    *,
    text: str,
    label: str,
    error: type[Exception],
    make: Callable[[dict, int, str], T],
) -> list[T]:
    """Cases of `path`, each built by ``make(raw, line number, "file:line")``.

    `raw` has been checked to hold `lang`, a non-empty string under `text` and a bool under
    `label`; `make` may raise `error` for checks of its own.
    """
    try:
        body = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path}: cannot read: {exc}") from None
    cases = []
    for number, line in enumerate(body.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            raw = json.loads(line)
        except ValueError as exc:
            raise error(f"{where}: not JSON: {exc}") from None
        if not isinstance(raw, dict):
            raise error(f"{where}: expected a JSON object")
        lang, said, value = raw.get("lang"), raw.get(text), raw.get(label)
        if lang not in ("en", "ko"):
            raise error(f'{where}: "lang" must be "en" or "ko", got {lang!r}')
        if not isinstance(said, str) or not said.strip():
            raise error(f'{where}: "{text}" must be a non-empty string')
        if not isinstance(value, bool):
            raise error(f'{where}: "{label}" must be true or false, got {value!r}')
        cases.append(make(raw, number, where))
    if not cases:
        raise error(f"{path}: no cases")
    return cases
