"""The recognizer worker's order of work (assembly.workqueue): what someone waits for first,
each stream's own messages always in the order they were sent."""

from __future__ import annotations

import queue
import random

from assembly.workqueue import URGENT, WorkQueue, drain


def msg(rid: int, op: str, sid: int) -> tuple:
    return (rid, op, sid, (f"{op}-{rid}",))


def take_all(work: WorkQueue) -> list[tuple]:
    out = []
    while (m := work.take()) is not None:
        out.append(m)
    return out


def test_an_ended_turn_runs_before_the_speech_of_other_streams_sent_before_it():
    work = WorkQueue()
    sent = [msg(0, "open", 1), msg(0, "open", 2)]
    sent += [msg(0, "feed", 1) for _ in range(5)]
    sent += [msg(0, "feed", 2), msg(7, "finish", 2), msg(0, "feed", 1)]
    for m in sent:
        work.put(m)
    order = take_all(work)
    # stream 2's audio, then its result, before the five pieces of stream 1 sent earlier
    assert [(op, sid) for _, op, sid, _ in order[:3]] == [
        ("open", 2),
        ("feed", 2),
        ("finish", 2),
    ]
    assert sorted(order) == sorted(sent)
    assert len(work) == 0 and work.take() is None


def test_without_urgent_requests_work_runs_in_arrival_order():
    work = WorkQueue()
    sent = [msg(0, op, sid) for op in ("open", "feed", "feed") for sid in (3, 1, 2)]
    for m in sent:
        work.put(m)
    assert take_all(work) == sent


def test_a_partial_result_waits_only_for_its_own_streams_audio():
    work = WorkQueue()
    for m in [msg(0, "open", 1), msg(0, "feed", 1), msg(0, "open", 2)]:
        work.put(m)
    work.put(msg(0, "feed", 2))
    work.put(msg(0, "feed", 1))
    work.put(msg(5, "partial", 1))
    work.put(msg(0, "feed", 2))
    order = [(op, sid) for _, op, sid, _ in take_all(work)]
    assert order[:4] == [("open", 1), ("feed", 1), ("feed", 1), ("partial", 1)]
    assert order[4:] == [("open", 2), ("feed", 2), ("feed", 2)]


def test_a_whole_turn_decode_waits_for_no_stream():
    work = WorkQueue()
    for _ in range(4):
        work.put(msg(0, "feed", 1))
    work.put(msg(9, "transcribe", 0))
    assert work.take()[1] == "transcribe"
    assert [op for _, op, _, _ in take_all(work)] == ["feed"] * 4


def test_older_urgent_requests_run_first():
    work = WorkQueue()
    work.put(msg(0, "feed", 1))
    work.put(msg(0, "feed", 2))
    work.put(msg(3, "finish", 2))
    work.put(msg(4, "finish", 1))
    order = [(op, sid) for _, op, sid, _ in take_all(work)]
    assert order == [("feed", 2), ("finish", 2), ("feed", 1), ("finish", 1)]


def test_each_streams_messages_keep_their_order_whatever_arrives_between():
    rng = random.Random(7)
    ops = ["open", "feed", "feed", "partial", "feed", "partial", "feed", "finish", "close"]
    for _ in range(200):
        work = WorkQueue()
        plans = {
            sid: [msg(100 * sid + i, op, sid) for i, op in enumerate(ops)] for sid in range(1, 6)
        }
        plans[0] = [msg(900 + i, "transcribe", 0) for i in range(3)]
        cursors = dict.fromkeys(plans, 0)
        taken: list[tuple] = []
        while any(cursors[s] < len(plans[s]) for s in plans) or len(work):
            if rng.random() < 0.6 and any(cursors[s] < len(plans[s]) for s in plans):
                sid = rng.choice([s for s in plans if cursors[s] < len(plans[s])])
                work.put(plans[sid][cursors[sid]])
                cursors[sid] += 1
            elif (m := work.take()) is not None:
                taken.append(m)
        for sid in range(1, 6):
            assert [m for m in taken if m[2] == sid] == plans[sid]
        assert sorted(m for m in taken if m[1] == "transcribe") == plans[0]
        assert all(m[1] in URGENT or m[1] in ("open", "feed", "close") for m in taken)


def test_drain_takes_what_was_sent_and_stops_on_none():
    requests: queue.Queue = queue.Queue()
    work = WorkQueue()
    for m in [msg(0, "feed", 1), msg(0, "feed", 2), msg(4, "finish", 2)]:
        requests.put(m)
    assert drain(requests, work)[1:3] == ("feed", 2)  # all three were read before choosing
    assert len(work) == 2
    requests.put(None)
    assert drain(requests, work) is None
