"""Reading and validating a recipients CSV file. Nothing is dialled unless every row is valid.

Columns (header row required; order free): `id`, `name`, `phone` (required); `timezone`,
`persona`, `scenario`, `simulate` (optional). `simulate` is for the simulated dialer: outcomes
of the first attempts separated by `;` (e.g. `no_answer;busy`: the third attempt answers).
Every problem is reported as `FILE:LINE: field: message`, all of them at once.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path

from campaign import Outcome, Recipient
from campaign.schedule import zone

REQUIRED = ("id", "name", "phone")
OPTIONAL = ("timezone", "persona", "scenario", "simulate")
SIMULATABLE = {o.value for o in (Outcome.NO_ANSWER, Outcome.BUSY, Outcome.FAILED)}
_E164 = re.compile(r"^\+[1-9]\d{7,14}$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


class RecipientsError(ValueError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def normalize_phone(text: str) -> str | None:
    """ "+82 10-1234-5678" -> "+821012345678"; None if it is not an E.164 number."""
    cleaned = re.sub(r"[\s().-]", "", text)
    return cleaned if _E164.match(cleaned) else None


def read_recipients(
    path: Path,
    *,
    default_timezone: str,
    scenario_ok: Callable[[str], str | None],
    persona_ok: Callable[[str], str | None] | None = None,
) -> list[Recipient]:
    """Parse and check the whole file. `scenario_ok(name)` / `persona_ok(name)` return an error
    message for an unknown name, or None. Raises `RecipientsError` listing every problem."""
    problems: list[str] = []

    def bad(line: int, field: str, message: str) -> None:
        problems.append(f"{path}:{line}: {field}: {message}")

    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RecipientsError([f"{path}: cannot read recipients: {exc}"]) from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    try:  # (line where the row starts, fields); a quoted field may span lines
        rows, start = [], 1
        for fields in reader:
            rows.append((start, fields))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise RecipientsError([f"{path}:{reader.line_num}: row: {exc}"]) from exc
    if not rows:
        raise RecipientsError([f"{path}:1: header: the file is empty"])
    header = [h.strip().lower() for h in rows[0][1]]
    for name in REQUIRED:
        if name not in header:
            bad(1, "header", f"missing column {name!r} (need {', '.join(REQUIRED)})")
    for name in header:
        if name not in REQUIRED + OPTIONAL:
            bad(1, "header", f"unknown column {name!r} (known: {', '.join(REQUIRED + OPTIONAL)})")
    if len(set(header)) != len(header):
        bad(1, "header", "a column is named twice")
    if problems:
        raise RecipientsError(problems)
    try:
        zone(default_timezone)
    except ValueError as exc:
        raise RecipientsError([f"--tz: {exc}"]) from exc

    recipients: list[Recipient] = []
    seen_ids: dict[str, int] = {}
    seen_phones: dict[str, int] = {}
    checked: dict[tuple[str, str], str | None] = {}
    for line, row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            bad(line, "row", f"has {len(row)} fields, the header has {len(header)}")
            continue
        v = {k: cell.strip() for k, cell in zip(header, row, strict=True)}
        rid, name, raw_phone = v["id"], v["name"], v["phone"]
        if not _ID.match(rid):
            bad(line, "id", f"{rid!r} is not an id (letters, digits, . _ -; up to 64)")
        elif rid in seen_ids:
            bad(line, "id", f"duplicate id {rid!r} (first on line {seen_ids[rid]})")
        else:
            seen_ids[rid] = line
        if not name:
            bad(line, "name", "empty")
        phone = normalize_phone(raw_phone)
        if phone is None:
            bad(line, "phone", f"{raw_phone!r} is not a phone number in E.164 form (+821012345678)")
        elif phone in seen_phones:
            bad(line, "phone", f"duplicate number {phone} (first on line {seen_phones[phone]})")
        else:
            seen_phones[phone] = line
        tz = v.get("timezone") or None
        if tz:
            try:
                zone(tz)
            except ValueError as exc:
                bad(line, "timezone", str(exc))
        for field, check in (("scenario", scenario_ok), ("persona", persona_ok)):
            value = v.get(field) or None
            if value and check is not None:
                if (field, value) not in checked:
                    checked[(field, value)] = check(value)
                if checked[(field, value)]:
                    bad(line, field, checked[(field, value)])
        simulate = tuple(s.strip() for s in (v.get("simulate") or "").split(";") if s.strip())
        for s in simulate:
            if s not in SIMULATABLE:
                bad(line, "simulate", f"{s!r} is not one of {', '.join(sorted(SIMULATABLE))}")
        recipients.append(
            Recipient(
                id=rid,
                name=name,
                phone=phone or raw_phone,
                timezone=tz,
                persona=v.get("persona") or None,
                scenario=v.get("scenario") or None,
                simulate=simulate,
                line=line,
            )
        )
    if not recipients and not problems:
        bad(2, "row", "no recipients in the file")
    if problems:
        raise RecipientsError(problems)
    return recipients
