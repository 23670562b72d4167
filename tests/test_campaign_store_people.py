"""The campaign store and people, on SQLite and PostgreSQL: attributes kept, an old database
migrated, a taken id refused, a person found by id or number, erased on request."""

from __future__ import annotations

import pytest

from campaign import Campaign, Recipient, State
from campaign.sqlstore import SCHEMA, CampaignExists
from campaign.store import StoreError, open_store
from tests.test_campaign_store import POLICY, db_url, pg_url  # noqa: F401 (fixtures)


def people() -> list[Recipient]:
    return [
        Recipient("a", "Kim", "+821011112222", attributes={"guardian": "son Jun", "age": "81"}),
        Recipient("b", "Lee", "+821011112223"),
    ]


def execute(url: str, statements: list[str]) -> None:
    if url.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            for s in statements:
                conn.execute(s)
    else:
        import sqlite3

        conn = sqlite3.connect(url)
        for s in statements:
            conn.execute(s)
        conn.commit()
        conn.close()


def test_attributes_round_trip_and_a_taken_id_is_refused(db_url: str) -> None:  # noqa: F811
    store = open_store(db_url)
    try:
        store.create(Campaign("c1", "t", "daily_checkin_en", POLICY, 1.0), people())
        with pytest.raises(CampaignExists, match="'c1' already exists"):
            store.create(Campaign("c1", "again", "daily_checkin_en", POLICY, 2.0), people()[1:])
        rows = store.recipients("c1")
        assert [r.recipient.attributes for r in rows] == [{"guardian": "son Jun", "age": "81"}, {}]
        claimed = store.claim("c1", 10.0, "me", 100.0)
        assert claimed.recipient.attributes == {"guardian": "son Jun", "age": "81"}
        assert [r.recipient.name for r in store.recipients("c1")] == ["Kim", "Lee"]  # untouched
    finally:
        store.close()


def test_an_old_database_is_migrated(db_url: str) -> None:  # noqa: F811
    old = SCHEMA[1].replace("attributes TEXT NOT NULL DEFAULT '{}',", "")
    execute(
        db_url,
        [
            SCHEMA[0],
            old,
            "INSERT INTO campaigns VALUES ('c', 'old', 'daily_checkin_en', '{}', 1.0)",
            "INSERT INTO recipients (campaign_id, recipient_id, seq, name, phone, state,"
            " next_at, updated_at) VALUES ('c', 'a', 0, 'Kim', '+821011112222', 'pending', 1, 1)",
        ],
    )
    store = open_store(db_url)
    try:
        (row,) = store.recipients("c")
        assert (row.recipient.name, row.recipient.attributes) == ("Kim", {})
        store.create(Campaign("c2", "new", "daily_checkin_en", POLICY, 2.0), people())
        assert store.recipients("c2")[0].recipient.attributes["guardian"] == "son Jun"
    finally:
        store.close()
    open_store(db_url).close()  # a second open finds the column and changes nothing


def test_find_by_number_and_erase(db_url: str) -> None:  # noqa: F811
    store = open_store(db_url)
    try:
        store.create(Campaign("c1", "t", "daily_checkin_en", POLICY, 1.0), people())
        store.create(Campaign("c2", "t", "daily_checkin_en", POLICY, 2.0), people()[:1])
        assert store.recipient_by_phone("+821011112223") == "b"
        assert store.recipient_by_phone("+19999999999") is None
        assert [cid for cid, _ in store.find_recipient("a")] == ["c1", "c2"]
        assert store.erase_recipient("a", 5.0) == 2
        for _cid, st in store.find_recipient("a"):
            r = st.recipient
            assert (r.name, r.phone, r.attributes, st.state) == ("", "", {}, State.GAVE_UP)
            assert st.last_outcome == "erased"
        assert store.recipient_by_phone("+821011112222") is None
        assert store.claim("c1", 10.0, "me", 100.0).recipient.id == "b"
        assert store.claim("c2", 10.0, "me", 100.0) is None
    finally:
        store.close()


def test_a_postgres_url_that_does_not_answer_is_a_sentence() -> None:
    pytest.importorskip("psycopg")
    from tests.services import free_port

    url = f"postgresql://carecall:hunter2@127.0.0.1:{free_port()}/x?connect_timeout=2"
    with pytest.raises(StoreError) as info:
        open_store(url)
    assert "cannot open the PostgreSQL database at 127.0.0.1" in str(info.value)
    assert "hunter2" not in str(info.value)
