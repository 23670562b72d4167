"""Metric names and labels, per-turn timings in call.json, and who may read /metrics."""

from __future__ import annotations

import json
import math
import os
from types import SimpleNamespace

import pytest

pytest.importorskip("prometheus_client")

from observability.metrics import (  # noqa: E402
    CallMetrics,
    CountingAlerts,
    CountingRecognizer,
    allowed,
    end_label,
)
from observability.turns import save_turn_timings, turn_records  # noqa: E402
from telephony.stats import TurnTiming  # noqa: E402


def timing(start: float, done: bool = True) -> TurnTiming:
    t = TurnTiming(speech_end=start, turn_end=start + 0.6)
    t.agent_start = start + 0.61
    t.agent_done = start + 1.5
    t.model = {"asr": 0.5, "rescore": 0.01, "dialogue": 0.2, "tts": 0.1}
    t.encoded = start + 1.52
    if done:
        t.first_frame = start + 1.55
    return t


class FakeSession:
    def __init__(self, turns, reason="", started=True, bad=0):
        self.turns = turns
        self.end_reason = reason
        self.call = SimpleNamespace(call_sid="CA" + "0" * 32) if started else None
        self.bad_inputs = bad


class FakeServer:
    def __init__(self, sessions):
        self.sessions = set(sessions)
        self.on_call_end = []
        self.refused = 0


def samples(metrics: CallMetrics) -> dict[tuple[str, tuple], float]:
    metrics.sync()
    out = {}
    for family in metrics.registry.collect():
        for s in family.samples:
            out[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return out


def test_every_metric_is_named_carecall():
    names = {f.name for f in CallMetrics().registry.collect()}
    assert names and all(n.startswith("carecall_") for n in names), names
    for wanted in (
        "carecall_calls_active",
        "carecall_calls",
        "carecall_turns",
        "carecall_turn_stage_seconds",
        "carecall_alerts",
        "carecall_errors",
        "carecall_recognizer_queue_depth",
    ):
        assert wanted in names


def test_turns_are_counted_once_as_they_complete_and_at_the_end():
    live = FakeSession([timing(0.0), timing(5.0, done=False)])
    server = FakeServer([live])
    m = CallMetrics()
    m.watch(server)
    s = samples(m)
    assert s[("carecall_calls_active", ())] == 1
    assert s[("carecall_turns_total", (("complete", "true"),))] == 1
    v2v = ("carecall_turn_stage_seconds_count", (("stage", "voice_to_voice"),))
    assert s[v2v] == 1
    assert samples(m)[v2v] == 1  # a second scrape counts nothing twice
    asr = samples(m)[("carecall_turn_stage_seconds_sum", (("stage", "asr"),))]
    assert asr == pytest.approx(0.5)
    vad = samples(m)[("carecall_turn_stage_seconds_sum", (("stage", "vad_end_of_turn"),))]
    assert vad == pytest.approx(0.6)
    # the call ends: its unfinished turn counts as incomplete, the call by its end reason
    live.end_reason = "error: the recognizer broke"
    live.bad_inputs = 3
    server.sessions.clear()
    for hook in server.on_call_end:
        hook(live)
    s = samples(m)
    assert s[("carecall_calls_active", ())] == 0
    assert s[("carecall_turns_total", (("complete", "false"),))] == 1
    assert s[("carecall_turns_total", (("complete", "true"),))] == 1
    assert s[("carecall_calls_total", (("end", "error"),))] == 1
    assert s[("carecall_errors_total", (("kind", "call"),))] == 1
    assert s[("carecall_errors_total", (("kind", "bad_input"),))] == 3
    assert s[v2v] == 1  # the incomplete turn never reached the line: no voice-to-voice


def test_refused_handshakes_count_as_errors():
    server = FakeServer([])
    m = CallMetrics()
    m.watch(server)
    server.refused = 2
    assert samples(m)[("carecall_errors_total", (("kind", "refused"),))] == 2
    server.refused = 5
    assert samples(m)[("carecall_errors_total", (("kind", "refused"),))] == 5


@pytest.mark.parametrize(
    "reason, label",
    [
        ("completed", "completed"),
        ("hung_up", "hung_up"),
        ("error: boom: at 3", "error"),
        ("protocol_error: too many bad messages", "protocol_error"),
        ("refused: token expired", "refused"),
        ("Évidemment pas", "other"),
        ("", "other"),
    ],
)
def test_end_reasons_become_few_labels(reason, label):
    assert end_label(reason) == label


def test_recognizer_queue_and_alerts_are_counted():
    m = CallMetrics()
    depth = []

    class Rec:
        def transcribe(self, audio, **kw):
            depth.append(m.recognizer_queue._value.get())
            if audio == "bad":
                raise RuntimeError("decoder died")
            return "text"

    rec = CountingRecognizer(Rec(), m)
    assert rec.transcribe("ok") == "text"
    with pytest.raises(RuntimeError):
        rec.transcribe("bad")
    assert depth == [1, 1]
    s = samples(m)
    assert s[("carecall_recognizer_queue_depth", ())] == 0
    assert s[("carecall_errors_total", (("kind", "recognizer"),))] == 1

    class Sink:
        configured = True

        def raise_alert(self, call, rid, category, severity, evidence):
            return None if category == "lost" else object()

    sink = CountingAlerts(Sink(), m)
    assert sink.configured is True
    sink.raise_alert("CA1", "r1", "fall", "critical", "I fell")
    sink.raise_alert("CA1", "r1", "fall", "critical", "I fell again")
    sink.raise_alert("CA1", "r1", "lost", "high", "")
    s = samples(m)
    key = ("carecall_alerts_total", (("category", "fall"), ("severity", "critical")))
    assert s[key] == 2
    assert s[("carecall_errors_total", (("kind", "alert_not_stored"),))] == 1


def test_turn_records_name_the_stages_and_leave_missing_ones_null():
    records = turn_records([timing(0.0), timing(9.0, done=False)])
    assert [r["turn"] for r in records] == [1, 2]
    first, second = records
    assert first["complete"] and not second["complete"]
    assert first["seconds"]["vad_end_of_turn"] == pytest.approx(0.6)
    assert first["seconds"]["asr"] == pytest.approx(0.5)
    assert first["seconds"]["voice_to_voice"] == pytest.approx(1.55)
    assert second["seconds"]["voice_to_voice"] is None
    json.dumps(records, allow_nan=False)  # strict JSON: no NaN anywhere


def test_turn_timings_are_added_to_call_json(tmp_path):
    folder = tmp_path / "CA1"
    folder.mkdir()
    (folder / "call.json").write_text(json.dumps({"call_sid": "CA1", "reason": "completed"}))
    assert save_turn_timings(folder, [timing(0.0), timing(4.0)])
    meta = json.loads((folder / "call.json").read_text())
    assert meta["reason"] == "completed"  # what the agent wrote stays
    assert len(meta["turns"]) == 2
    assert math.isclose(meta["turns"][1]["seconds"]["dialogue"], 0.2)
    assert os.stat(folder / "call.json").st_mode & 0o077 == 0  # owner-only, as call.json was


def test_turn_timings_need_a_readable_call_json(tmp_path):
    assert not save_turn_timings(tmp_path, [timing(0.0)])  # none: the call never started
    (tmp_path / "call.json").write_text("{not json")
    assert not save_turn_timings(tmp_path, [timing(0.0)])
    assert (tmp_path / "call.json").read_text() == "{not json"


@pytest.mark.parametrize(
    "token, peer, path, headers, ok",
    [
        (None, "127.0.0.1", "/metrics", {}, True),
        (None, "::1", "/metrics", {}, True),
        (None, "10.0.0.7", "/metrics", {}, False),
        ("s3cret", "127.0.0.1", "/metrics", {}, False),
        ("s3cret", "10.0.0.7", "/metrics?token=s3cret", {}, True),
        ("s3cret", "10.0.0.7", "/metrics?token=wrong", {}, False),
        ("s3cret", "10.0.0.7", "/metrics", {"Authorization": "Bearer s3cret"}, True),
        ("s3cret", "10.0.0.7", "/metrics", {"X-Carecall-Token": "s3cret"}, True),
        ("s3cret", "10.0.0.7", "/metrics", {"X-Carecall-Token": "s3cre"}, False),
    ],
)
def test_who_may_read_metrics(token, peer, path, headers, ok):
    assert allowed(token, peer, path, headers) is ok
