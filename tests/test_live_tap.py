"""The call server's side of the live view: start line, mixed audio as it is recorded, files
gone at the end (a fake server and sessions around a real recorder)."""

from __future__ import annotations

import json
from types import SimpleNamespace

import numpy as np

from observability.live import LiveLog, LiveTap
from telephony.recording import StereoRecorder

SID = "CA" + "a" * 32


class Session(SimpleNamespace):
    __hash__ = object.__hash__


class FakeServer:
    def __init__(self):
        self.sessions = set()
        self.on_call_end = []


def test_the_tap_writes_start_and_new_audio_only_and_cleans_up(tmp_path):
    server = FakeServer()
    live = LiveLog(tmp_path / "live")
    tap = LiveTap(server, live)
    recorder = StereoRecorder()
    call = SimpleNamespace(call_sid=SID, parameters={"recipient": "r7", "campaign": "c1"})
    session = Session(call=call, end_reason="", recorder=recorder)
    server.sessions.add(session)
    recorder.add_left(np.full(800, 100, np.int16))
    recorder.add_right(np.full(400, 50, np.int16), 200)
    tap.tick()
    recorder.add_left(np.full(160, -7, np.int16))
    tap.tick()
    tap.tick()  # nothing new: nothing appended
    pcm = np.frombuffer((tmp_path / "live" / f"{SID}.pcm").read_bytes(), "<i2")
    want = np.concatenate([np.full(800, 100), np.full(160, -7)])
    want[200:600] += 50
    assert np.array_equal(pcm, want)
    lines = (tmp_path / "live" / f"{SID}.jsonl").read_text().splitlines()
    start = json.loads(lines[0])
    assert len(lines) == 1 and start["event"] == "start"
    assert (start["recipient"], start["campaign"]) == ("r7", "c1")
    assert oct((tmp_path / "live" / f"{SID}.pcm").stat().st_mode & 0o777) == "0o600"
    live.turn(SID, "person", "  I slept badly ")
    live.turn(SID, "agent", "   ")  # nothing said: nothing written
    last = json.loads((tmp_path / "live" / f"{SID}.jsonl").read_text().splitlines()[-1])
    assert (last["who"], last["text"]) == ("person", "I slept badly")
    # the call ends: audio dropped, hooks run, files gone; a late tick does not fail
    session.end_reason = "completed"
    recorder.drop_audio()
    tap.tick()
    for hook in server.on_call_end:
        hook(session)
    assert list((tmp_path / "live").iterdir()) == []
    assert len(recorder.mixed(0)) == 0


def test_a_call_id_that_is_not_twilios_writes_nothing(tmp_path):
    live = LiveLog(tmp_path)
    live.start("../../etc/passwd", {})
    live.turn("CA-not-an-id", "person", "hello")
    assert list(tmp_path.iterdir()) == []
