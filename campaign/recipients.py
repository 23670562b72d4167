"""Reading and validating a recipients CSV file. Nothing is dialled unless every row is valid.

Columns (header row required; order free): `id`, `name`, `phone` (required); `timezone`,
`persona`, `scenario`, `simulate` (optional). `simulate` is for the simulated dialer: outcomes
of the first attempts separated by `;` (e.g. `no_answer;busy`: the third attempt answers).
Any other column (`age`, `address`, `guardian`, …) is kept as the recipient's attributes, which
a scenario may use in its lines (`recipient_attributes`). Column names are lower-cased.

Phone numbers are E.164 (`+821012345678`, spaces and dashes allowed), or national numbers as
offices write them (`010-1234-5678`) when a region is given (`--region KR`): those are parsed
and checked with `phonenumbers`. Every problem is reported as `FILE:LINE: field: message`, all
of them at once.
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
_ATTRIBUTE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_PHONE_CHARS = re.compile(r"^\+?[0-9]+$")
MAX_ATTRIBUTE_CHARS = 500


class RecipientsError(ValueError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def normalize_phone(text: str, region: str | None = None) -> str | None:
    """ "+82 10-1234-5678" -> "+821012345678"; with `region` ("KR") a national number too:
    "010-1234-5678" -> "+821012345678". None if it is not a valid number."""
    cleaned = re.sub(r"[\s().-]", "", text)
    if _E164.match(cleaned):
        return cleaned
    if region is None or not _PHONE_CHARS.match(cleaned) or cleaned.startswith("+"):
        return None
    return _national(cleaned, region.upper())


_PREFIXES: dict[tuple[str, str, int], tuple[str, int, re.Pattern, re.Pattern, frozenset]] = {}
_DESC = {  # phonenumbers.PhoneNumberType -> the metadata's description of that kind of number
    0: "fixed_line",
    1: "mobile",
    2: "fixed_line",  # FIXED_LINE_OR_MOBILE: the patterns are the same
    3: "toll_free",
    4: "premium_rate",
    5: "shared_cost",
    6: "voip",
    7: "personal_number",
    8: "pager",
    9: "uan",
    10: "voicemail",
}


def _national(digits: str, region: str) -> str | None:
    """A national number in E.164 form, checked with `phonenumbers`, which takes ~75 µs a
    number (7.5 s for 100,000). What parsing works out (the country code, the trunk prefix
    "0" to drop) and which kind of number it is (mobile…) depend on the leading digits and the
    length; so they are worked out once per `010-1234-****`, and each further number is checked
    against that kind's own pattern from phonenumbers' metadata (what `is_valid_number` does;
    a number that does not match it takes the full path). A test checks this against
    phonenumbers number by number, in several countries."""
    key = (region, digits[:-4], len(digits))
    known = _PREFIXES.get(key)
    if known is not None:
        head, dropped, general, kind, lengths = known
        nsn = digits[dropped:]
        if len(nsn) in lengths and general.fullmatch(nsn) and kind.fullmatch(nsn):
            return head + nsn
    e164, reusable = _parse_national(digits, region)
    if reusable is not None and known is None:
        _PREFIXES[key] = reusable
    return e164


def _parse_national(digits: str, region: str):
    """(E.164 or None, what the shortcut may reuse for numbers of this prefix, or None)."""
    import phonenumbers

    try:
        number = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        return None, None
    if not phonenumbers.is_valid_number(number):
        return None, None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    nsn = phonenumbers.national_significant_number(number)
    head = f"+{number.country_code}"
    owner = phonenumbers.region_code_for_number(number)
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(owner) if owner else None
    desc = getattr(metadata, _DESC.get(phonenumbers.number_type(number), ""), None)
    if (
        desc is None
        or not desc.national_number_pattern
        or not desc.possible_length
        or nsn.startswith("0")  # Italian numbers keep a leading zero: no shortcut
        or not digits.endswith(nsn)
        or e164 != head + nsn
    ):
        return e164, None
    general = re.compile(metadata.general_desc.national_number_pattern)
    kind = re.compile(desc.national_number_pattern)
    lengths = frozenset(desc.possible_length)
    return e164, (head, len(digits) - len(nsn), general, kind, lengths)


def region_problem(region: str) -> str | None:
    """Why `--region` is not a region phonenumbers knows (None when it is)."""
    import phonenumbers

    if region.upper() not in phonenumbers.SUPPORTED_REGIONS:
        return f"unknown region {region!r}: a two-letter country code such as KR, US, GB"
    return None


def read_recipients(
    path: Path,
    *,
    default_timezone: str,
    scenario_ok: Callable[[str], str | None],
    persona_ok: Callable[[str], str | None] | None = None,
    region: str | None = None,
) -> list[Recipient]:
    """Parse and check the whole file. `scenario_ok(name)` / `persona_ok(name)` return an error
    message for an unknown name, or None; `region` (e.g. "KR") lets national numbers in.
    Raises `RecipientsError` listing every problem."""
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
    attributes = [h for h in header if h not in REQUIRED + OPTIONAL]
    for name in attributes:
        if not _ATTRIBUTE.match(name):
            bad(
                1,
                "header",
                f"column {name!r}: an extra column (a recipient attribute) is named with "
                "lower-case letters, digits and _, starting with a letter (e.g. guardian)",
            )
    if len(set(header)) != len(header):
        bad(1, "header", "a column is named twice")
    if problems:
        raise RecipientsError(problems)
    if region is not None and (problem := region_problem(region)):
        raise RecipientsError([f"--region: {problem}"])
    try:
        zone(default_timezone)
    except ValueError as exc:
        raise RecipientsError([f"--tz: {exc}"]) from exc

    expected = (
        f"(E.164 like +821012345678, or a valid national number of {region.upper()})"
        if region
        else "in E.164 form (+821012345678; national numbers like 010-1234-5678 need --region KR)"
    )
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
        phone = normalize_phone(raw_phone, region)
        if phone is None:
            bad(line, "phone", f"{raw_phone!r} is not a phone number {expected}")
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
                attributes=_attributes(v, attributes, line, bad),
            )
        )
    if not recipients and not problems:
        bad(2, "row", "no recipients in the file")
    if problems:
        raise RecipientsError(problems)
    return recipients


def _attributes(values: dict[str, str], names: list[str], line: int, bad) -> dict[str, str]:
    """The row's extra columns; empty cells are left out (the scenario's default applies)."""
    out = {}
    for name in names:
        value = values[name]
        if len(value) > MAX_ATTRIBUTE_CHARS:
            bad(line, name, f"longer than {MAX_ATTRIBUTE_CHARS} characters")
        elif value:
            out[name] = value
    return out
