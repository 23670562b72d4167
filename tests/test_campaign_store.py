"""The campaign store contract, run against SQLite and against a real PostgreSQL."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from campaign import Campaign, DialResult, Outcome, Policy, Recipient, State
from campaign.store import open_store
from tests.services import postgres_server


@pytest.fixture(scope="session")
def pg_url():
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "campaigns.sqlite")
    url = request.getfixturevalue("pg_url")
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    return url


@pytest.fixture
def store(db_url: str):
    s = open_store(db_url)
    yield s
    s.close()


POLICY = Policy("00:00", "24:00", "Asia/Seoul", 3, 60.0, 2)


def make(store, n: int = 3, t0: float = 1000.0) -> Campaign:
    c = Campaign("c1", "test", "daily_checkin_en", POLICY, t0)
    people = [
        Recipient(f"r{i}", f"Person {i}", f"+8210000000{i:02d}", line=i + 2) for i in range(n)
    ]
    store.create(c, people)
    return c


def test_create_and_read_back(store) -> None:
    make(store)
    c = store.campaign("c1")
    assert c.policy == POLICY and c.scenario == "daily_checkin_en"
    rows = store.recipients("c1")
    assert [r.recipient.id for r in rows] == ["r0", "r1", "r2"]
    assert all(r.state is State.PENDING and r.attempts == 0 for r in rows)
    assert rows[1].recipient.line == 3
    with pytest.raises(KeyError):
        store.campaign("nope")


def test_claims_in_order_and_only_due(store) -> None:
    make(store, 2)
    assert store.claim("c1", 999.0, "a", 2000.0) is None  # nobody due before creation time
    first = store.claim("c1", 1000.0, "a", 2000.0)
    second = store.claim("c1", 1000.0, "b", 2000.0)
    assert (first.recipient.id, second.recipient.id) == ("r0", "r1")
    assert first.state is State.CALLING and first.lease_owner == "a"
    assert store.claim("c1", 1000.0, "c", 2000.0) is None


def test_full_cycle_and_guards(store) -> None:
    make(store, 1)
    st = store.claim("c1", 1000.0, "a", 1100.0)
    assert store.begin_attempt("c1", st.recipient.id, "intruder", 1001.0) == 0
    assert store.begin_attempt("c1", "r0", "a", 1001.0) == 1
    assert store.recipients("c1")[0].open_attempt
    result = DialResult(Outcome.ANSWERED, call_sid="CA1", report_dir="/x/CA1")
    assert not store.finish_attempt("c1", "r0", "intruder", 1, result, State.COMPLETED, 0, 1002)
    assert store.finish_attempt("c1", "r0", "a", 1, result, State.COMPLETED, 1002.0, 1002.0)
    row = store.recipients("c1")[0]
    assert (row.state, row.attempts, row.call_sid, row.lease_owner) == (
        State.COMPLETED,
        1,
        "CA1",
        None,
    )
    assert not row.open_attempt
    [attempt] = store.attempts("c1")
    assert (attempt.outcome, attempt.call_sid, attempt.owner) == ("answered", "CA1", "a")
    assert store.claim("c1", 5000.0, "a", 6000.0) is None  # final: never again


def test_release_and_renew(store) -> None:
    make(store, 1)
    store.claim("c1", 1000.0, "a", 1100.0)
    assert store.renew("c1", "a", 1500.0) == 1
    assert store.renew("c1", "b", 1500.0) == 0
    assert store.recipients("c1")[0].lease_until == 1500.0
    assert store.release("c1", "r0", "a", 3000.0)
    row = store.recipients("c1")[0]
    assert (row.state, row.next_at, row.attempts) == (State.PENDING, 3000.0, 0)
    assert store.claim("c1", 2000.0, "a", 2100.0) is None
    assert store.claim("c1", 3000.0, "a", 3100.0) is not None


def test_dead_runner_recovery_closes_the_open_attempt(store) -> None:
    make(store, 2)
    store.claim("c1", 1000.0, "dead", 1010.0)  # r0: dialled, then the runner died
    store.begin_attempt("c1", "r0", "dead", 1000.0)
    store.claim("c1", 1000.0, "dead", 1010.0)  # r1: claimed, never dialled
    assert store.expired("c1", 1005.0) == []
    gone = {r.recipient.id: r for r in store.expired("c1", 1011.0)}
    assert gone["r0"].open_attempt and not gone["r1"].open_attempt
    assert store.recover("c1", "r0", 1010.0, State.PENDING, 1071.0, 1011.0)
    assert not store.recover("c1", "r0", 1010.0, State.PENDING, 1071.0, 1011.0)  # only once
    assert store.recover("c1", "r1", 1010.0, State.PENDING, 1000.0, 1011.0)
    [attempt] = store.attempts("c1", "r0")
    assert attempt.outcome == "interrupted" and attempt.ended_at == 1011.0
    rows = {r.recipient.id: r for r in store.recipients("c1")}
    assert rows["r0"].last_outcome == "interrupted" and rows["r0"].attempts == 1
    assert rows["r1"].attempts == 0 and rows["r1"].state is State.PENDING
    # The dead runner's late result cannot overwrite what recovery decided.
    late = DialResult(Outcome.ANSWERED, call_sid="CA9")
    assert not store.finish_attempt("c1", "r0", "dead", 1, late, State.COMPLETED, 0, 1012.0)


def test_concurrent_claims_never_share_a_recipient(db_url: str) -> None:
    setup = open_store(db_url)
    make(setup, 30)
    setup.close()
    claimed: list[str] = []
    lock = threading.Lock()

    def worker(name: str) -> None:
        s = open_store(db_url)
        try:
            while (st := s.claim("c1", 1000.0, name, 2000.0)) is not None:
                with lock:
                    claimed.append(st.recipient.id)
        finally:
            s.close()

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(claimed) == sorted(f"r{i}" for i in range(30))


def test_take_over_adopts_an_expired_open_attempt_once(store) -> None:
    make(store, 1)
    store.claim("c1", 1000.0, "dead", 1010.0)
    store.begin_attempt("c1", "r0", "dead", 1000.0)
    store.note_call("c1", "r0", 1, "CA-provider")
    assert store.attempts("c1")[0].call_sid == "CA-provider"
    assert store.take_over("c1", "r0", 1010.0, "heir", 1100.0)
    assert not store.take_over("c1", "r0", 1010.0, "other", 1100.0)  # the lease changed
    row = store.recipients("c1")[0]
    assert (row.lease_owner, row.lease_until, row.open_attempt) == ("heir", 1100.0, True)
    result = DialResult(Outcome.ANSWERED, call_sid="CA7")
    assert not store.finish_attempt("c1", "r0", "dead", 1, result, State.COMPLETED, 0, 1050.0)
    assert store.finish_attempt("c1", "r0", "heir", 1, result, State.COMPLETED, 0, 1050.0)
    [attempt] = store.attempts("c1")
    assert (attempt.outcome, attempt.call_sid) == ("answered", "CA7")


def test_dashboard_accounts_sessions_and_audit(store) -> None:
    assert store.user_count() == 0
    assert store.add_user("ann", "hash1", 1.0) and not store.add_user("ann", "hash2", 2.0)
    assert store.password_hash("ann") == "hash1" and store.password_hash("bob") is None
    store.create_session("t1", "ann", "csrf1", 10.0, 100.0)
    assert store.session("t1", 50.0).csrf == "csrf1"
    assert store.session("t1", 100.0) is None  # expired
    store.extend_session("t1", 200.0)
    assert store.session("t1", 150.0).user == "ann"
    assert store.add_user("ann", "hash2", 3.0, replace=True)  # a new password ends sessions
    assert store.session("t1", 150.0) is None and store.password_hash("ann") == "hash2"
    store.create_session("t2", "ann", "csrf2", 10.0, 100.0)
    store.end_session("t2")
    assert store.session("t2", 50.0) is None
    for at, action in ((1.0, "login_failed"), (2.0, "login_failed"), (3.0, "login")):
        store.audit(at, "ann", action, "10.0.0.1")
    store.audit(4.0, "ann", "login_failed", "10.0.0.1")
    store.audit(5.0, "bob", "login_failed", "10.0.0.1")
    store.audit(6.0, "ann", "view_person", "10.0.0.1", "c1", "r1")
    assert store.failed_logins("ann", "10.0.0.1", 0.0) == (1, 4)  # since her last login
    assert [r.action for r in store.audit_rows(2)] == ["login_failed", "view_person"]
    assert store.audit_rows(recipient_id="r1")[0].campaign_id == "c1"
    with pytest.raises(ValueError):
        store.audit(7.0, "ann", "delete_everything")
    store.create_session("t3", "ann", "csrf3", 10.0, 100.0)
    assert store.remove_user("ann") and not store.remove_user("ann")
    assert store.session("t3", 50.0) is None and [u for u, _ in store.users()] == []
