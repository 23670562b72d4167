"""Recipients CSV validation: every problem with file, line and field; nothing stored on error."""

from __future__ import annotations

from pathlib import Path

import pytest

from campaign.recipients import RecipientsError, normalize_phone, read_recipients
from campaign.store import open_store
from carecall.cli import main


def known(name: str) -> str | None:
    return None if name in ("daily_checkin_en", "margaret_en") else f"unknown: {name}"


def read(path: Path):
    return read_recipients(path, default_timezone="Asia/Seoul", scenario_ok=known, persona_ok=known)


def test_phone_normalization() -> None:
    assert normalize_phone("+82 10-1234-5678") == "+821012345678"
    assert normalize_phone("(+1) 415 555 0100") == "+14155550100"
    for bad in ("010-1234-5678", "+0123456789", "+82", "+8210abc45678", ""):
        assert normalize_phone(bad) is None


def test_a_good_file(tmp_path: Path) -> None:
    f = tmp_path / "ok.csv"
    f.write_text(
        "id,name,phone,timezone,persona,scenario,simulate\n"
        "a1,Kim,+82 10 1111 2222,,,,\n"
        "\n"
        'a2,"Lee, Jr",+821011112223,Europe/London,margaret_en,daily_checkin_en,no_answer;busy\n'
    )
    a, b = read(f)
    assert (a.id, a.phone, a.timezone, a.line) == ("a1", "+821011112222", None, 2)
    assert (b.name, b.timezone, b.persona, b.simulate, b.line) == (
        "Lee, Jr",
        "Europe/London",
        "margaret_en",
        ("no_answer", "busy"),
        4,
    )


def test_every_problem_is_reported_with_its_line(tmp_path: Path) -> None:
    f = tmp_path / "bad.csv"
    f.write_text(
        "id,name,phone,timezone,scenario,simulate\n"
        "a1,Kim,+821011112222,,,\n"
        "a1,Park,+821011112223,,,\n"  # duplicate id
        "a3,Choi,+82 10 1111 2222,,,\n"  # duplicate number after normalization
        "a4,Jung,010-1234-5678,,,\n"  # not E.164
        "a5,Kang,+821011112229,Mars/Olympus,,\n"
        "a6,Yoon,+821011112230,,heatwave_xx,\n"
        "a7,Lim,+821011112231,,,ringing\n"
        "a8,,+821011112232,,\n"
    )
    with pytest.raises(RecipientsError) as info:
        read(f)
    p = info.value.problems
    assert p[0] == f"{f}:3: id: duplicate id 'a1' (first on line 2)"
    assert p[1] == f"{f}:4: phone: duplicate number +821011112222 (first on line 2)"
    assert p[2].startswith(f"{f}:5: phone: '010-1234-5678' is not a phone number")
    assert p[3].startswith(f"{f}:6: timezone: unknown time zone 'Mars/Olympus'")
    assert p[4] == f"{f}:7: scenario: unknown: heatwave_xx"
    assert p[5].startswith(f"{f}:8: simulate: 'ringing' is not one of")
    assert p[6] == f"{f}:9: row: has 5 fields, the header has 6"
    assert len(p) == 7


def test_quoted_fields_may_span_lines_and_lines_still_count(tmp_path: Path) -> None:
    f = tmp_path / "multi.csv"
    f.write_text('id,name,phone\na,"Kim\nSoon-ja",+821011112222\nb,Lee,+8210\n')
    with pytest.raises(RecipientsError) as info:
        read(f)
    assert [p.split(": ")[0] for p in info.value.problems] == [f"{f}:4"]


def test_header_problems(tmp_path: Path) -> None:
    f = tmp_path / "h.csv"
    f.write_text("id,phone,age\nx,+821011112222,80\n")
    with pytest.raises(RecipientsError) as info:
        read(f)
    assert info.value.problems == [
        f"{f}:1: header: missing column 'name' (need id, name, phone)",
        f"{f}:1: header: unknown column 'age' (known: id, name, phone, timezone, persona, "
        "scenario, simulate)",
    ]


def test_cli_create_refuses_a_bad_file_and_stores_nothing(tmp_path: Path, capsys) -> None:
    f = tmp_path / "bad.csv"
    f.write_text("id,name,phone\na,Kim,+821011112222\nb,Lee,12345\n")
    db = tmp_path / "c.sqlite"
    args = [
        "campaign",
        "create",
        "--recipients",
        str(f),
        "--scenario",
        "daily_checkin_en",
        "--db",
        str(db),
    ]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"{f}:3: phone: '12345' is not a phone number" in err
    assert "nothing stored, nobody called" in err
    assert not db.exists()
    assert main([*args[:5], "no_such_scenario", "--tz", "Nowhere/City", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "--tz: unknown time zone 'Nowhere/City'" in err
    assert "--scenario: unknown scenario" in err
    f.write_text("id,name,phone\na,Kim,+821011112222\nb,Lee,+821011112223\n")
    assert main([*args, "--id", "ok1"]) == 0
    store = open_store(db)
    assert [r.recipient.id for r in store.recipients("ok1")] == ["a", "b"]
    store.close()
