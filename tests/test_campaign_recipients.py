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
    f.write_text("id,phone,age,Guardian Name\nx,+821011112222,80,Kim\n")
    with pytest.raises(RecipientsError) as info:
        read(f)
    assert info.value.problems[0] == f"{f}:1: header: missing column 'name' (need id, name, phone)"
    assert info.value.problems[1].startswith(f"{f}:1: header: column 'guardian name': an extra")
    assert len(info.value.problems) == 2  # 'age' is a fine attribute


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


def test_national_numbers_with_a_region(tmp_path: Path) -> None:
    assert normalize_phone("010-1234-5678", "KR") == "+821012345678"
    assert normalize_phone("02-123-4567", "kr") == "+8221234567"
    assert normalize_phone("+14155550100", "KR") == "+14155550100"  # E.164 whatever the region
    for bad in ("010-1234", "010-12a4-5678", "999-9999-9999", "+8210abc45678"):
        assert normalize_phone(bad, "KR") is None, bad
    f = tmp_path / "kr.csv"
    f.write_text("id,name,phone\na,Kim,010-1234-5678\nb,Lee,+82 10 1234 5679\nc,Park,1234\n")
    with pytest.raises(RecipientsError) as info:
        read(f)  # no region: the national number is refused, with the way out
    assert "010-1234-5678" in info.value.problems[0] and "--region KR" in info.value.problems[0]
    with pytest.raises(RecipientsError) as info:
        read_recipients(f, default_timezone="UTC", scenario_ok=known, region="KR")
    assert [p.split(": ")[0] for p in info.value.problems] == [f"{f}:4"]
    f.write_text("id,name,phone\na,Kim,010-1234-5678\nb,Lee,010 1234 5678\n")
    with pytest.raises(RecipientsError) as info:
        read_recipients(f, default_timezone="UTC", scenario_ok=known, region="KR")
    assert info.value.problems == [
        f"{f}:3: phone: duplicate number +821012345678 (first on line 2)"
    ]
    with pytest.raises(RecipientsError) as info:
        read_recipients(f, default_timezone="UTC", scenario_ok=known, region="XX")
    assert info.value.problems[0].startswith("--region: unknown region 'XX'")


def test_the_prefix_shortcut_agrees_with_phonenumbers() -> None:
    import random

    import phonenumbers

    from campaign import recipients

    rng = random.Random(7)
    for _ in range(6000):  # a few prefixes, many endings: the shortcut is exercised
        region = rng.choice(["KR", "US", "GB", "JP", "DE", "IT", "CN", "MK", "SY"])
        head = rng.choice(["0", ""]) + "".join(rng.choice("0123456789") for _ in range(2))
        digits = head + "".join(rng.choice("0123456789") for _ in range(rng.randint(4, 9)))
        try:
            number = phonenumbers.parse(digits, region)
            slow = (
                phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
                if phonenumbers.is_valid_number(number)
                else None
            )
        except phonenumbers.NumberParseException:
            slow = None
        assert recipients.normalize_phone(digits, region) == slow, (digits, region)
    assert recipients._PREFIXES  # the shortcut was used


def test_extra_columns_are_attributes_and_stored(tmp_path: Path) -> None:
    f = tmp_path / "office.csv"
    f.write_text(
        "id,name,phone,Age,address,guardian\n"
        'a,Kim,+821011112222,81,"12 Hill St, Seoul",daughter Mina\n'
        "b,Lee,+821011112223,,,\n"
    )
    a, b = read(f)
    assert a.attributes == {
        "age": "81",
        "address": "12 Hill St, Seoul",
        "guardian": "daughter Mina",
    }
    assert b.attributes == {}
    f.write_text("id,name,phone,note\na,Kim,+821011112222," + "x" * 501 + "\n")
    with pytest.raises(RecipientsError) as info:
        read(f)
    assert info.value.problems == [f"{f}:2: note: longer than 500 characters"]


def test_cli_create_with_region_attributes_and_a_taken_id(tmp_path: Path, capsys) -> None:
    f = tmp_path / "office.csv"
    f.write_text("id,name,phone,guardian\na,Kim,010-1111-2222,son Jun\nb,Lee,010-1111-2223,\n")
    db = tmp_path / "c.sqlite"
    args = ["campaign", "create", "--recipients", str(f), "--scenario", "daily_checkin_en"]
    args += ["--db", str(db), "--id", "c1"]
    assert main(args) == 2  # national numbers without --region
    assert "need --region KR" in capsys.readouterr().err
    assert main([*args, "--region", "KR"]) == 0
    assert main([*args, "--region", "KR"]) == 2  # the same id again: a sentence, no traceback
    err = capsys.readouterr().err
    assert "a campaign 'c1' already exists" in err and "Traceback" not in err
    store = open_store(db)
    rows = store.recipients("c1")
    store.close()
    assert [(r.recipient.phone, r.recipient.attributes) for r in rows] == [
        ("+821011112222", {"guardian": "son Jun"}),
        ("+821011112223", {}),
    ]


def test_an_old_database_gains_the_attributes_column(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "old.sqlite"
    con = sqlite3.connect(db)
    con.execute(
        "CREATE TABLE campaigns (id TEXT PRIMARY KEY, name TEXT NOT NULL, scenario TEXT NOT NULL,"
        " policy TEXT NOT NULL, created_at DOUBLE PRECISION NOT NULL)"
    )
    from campaign.sqlstore import SCHEMA

    old = SCHEMA[1].replace("attributes TEXT NOT NULL DEFAULT '{}',", "")
    assert old != SCHEMA[1]
    con.execute(old)
    con.execute("INSERT INTO campaigns VALUES ('c', 'old', 'daily_checkin_en', '{}', 1.0)")
    con.execute(
        "INSERT INTO recipients (campaign_id, recipient_id, seq, name, phone, state, next_at,"
        " updated_at) VALUES ('c', 'a', 0, 'Kim', '+821011112222', 'pending', 1.0, 1.0)"
    )
    con.commit()
    con.close()
    store = open_store(db)
    (row,) = store.recipients("c")
    store.close()
    assert (row.recipient.name, row.recipient.attributes) == ("Kim", {})


def test_missing_or_wrong_database_is_a_sentence(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nope.sqlite"
    for action in ("status", "export", "run"):
        assert main(["campaign", action, "--db", str(missing)]) == 2
        err = capsys.readouterr().err
        assert f"no campaign database at {missing}" in err, err
    assert not missing.exists()
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database at all, just text " * 100)
    assert main(["campaign", "status", "--db", str(junk)]) == 2
    assert "is not a carecall campaign database" in capsys.readouterr().err
    assert main(["campaign", "status", "--db", "mysql://x"]) == 2
    assert "use a file path" in capsys.readouterr().err
