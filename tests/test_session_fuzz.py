"""A call session fed random sequences of good and bad messages, without sockets: it never
raises, always ends, and always finishes the call exactly once (when a call was started)."""

from __future__ import annotations

import asyncio
import base64
import gc
import json
import weakref
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from telephony import CallInfo, Reply, Segment
from telephony.audio import Audio
from telephony.g711 import float_to_pcm16, ulaw_encode
from telephony.session import CallSession, SessionOptions
from telephony.turn import TurnOptions
from telephony.vad import VadBatcher, make_detector

EXECUTOR = ThreadPoolExecutor(4, thread_name_prefix="fuzz-agent")
DETECTOR = make_detector("silero")
TONE = Audio((0.3 * np.sin(np.arange(1600) * 0.2)).astype(np.float32), 16000)
SPEECHY = ulaw_encode(float_to_pcm16((0.4 * np.sin(np.arange(160) * 0.3)).astype(np.float32)))


class FuzzAgent:
    """Replies briefly; may fail or hang up, as a real agent might."""

    def __init__(self, behaviour: str) -> None:
        self.behaviour = behaviour
        self.finished = 0
        self.heard_lines = 0

    def _reply(self) -> Reply | None:
        if self.behaviour == "fails":
            raise RuntimeError("the model crashed")
        if self.behaviour == "silent":
            return None
        return Reply([Segment("hello there", TONE)], hangup=self.behaviour == "hangs_up")

    def opening(self):
        return self._reply()

    def hear(self, utterance):
        return self._reply()

    def silence(self):
        return self._reply()

    def dtmf(self, digit):
        return self._reply()

    def played(self, segment, *, complete, heard_text):
        self.heard_lines += 1

    def finish(self, reason: str, recording: Path | None) -> None:
        self.finished += 1


class FakeConnection:
    """What a websocket gives a session: messages in order, then a clean or abrupt end."""

    def __init__(self, messages: list, abrupt: bool) -> None:
        self.messages = messages
        self.abrupt = abrupt
        self.sent: list[str] = []
        self.closed = 0

    def send_nowait(self, message: str) -> bool:
        self.sent.append(message)
        return True

    async def close(self, code: int = 1000, reason: str = "") -> None:
        self.closed += 1

    async def __aiter__(self):
        for message in self.messages:
            if message is PAUSE:  # time for the agent to answer and the sender to send
                await asyncio.sleep(0.03)
                continue
            await asyncio.sleep(0)
            yield message
        if self.abrupt:
            raise ConnectionResetError("connection reset by peer")


PAUSE = object()
SID = "MZ" + "0" * 32


def start_message(encoding: str = "audio/x-mulaw") -> str:
    return json.dumps(
        {
            "event": "start",
            "streamSid": SID,
            "start": {
                "streamSid": SID,
                "callSid": "CA1",
                "accountSid": "AC1",
                "tracks": ["inbound"],
                "customParameters": {"recipient": "x"},
                "mediaFormat": {"encoding": encoding, "sampleRate": 8000, "channels": 1},
            },
        }
    )


def media_message(audio: bytes) -> str:
    payload = base64.b64encode(audio).decode()
    return json.dumps({"event": "media", "streamSid": SID, "media": {"payload": payload}})


START = start_message()
good = st.one_of(
    st.just(json.dumps({"event": "connected", "protocol": "Call", "version": "1.0.0"})),
    st.sampled_from(["audio/x-mulaw", "audio/x-alaw", "audio/x-l16"]).map(start_message),
    st.binary(max_size=400).map(media_message),
    st.integers(1, 60).map(lambda n: [media_message(SPEECHY)] * n),
    st.sampled_from(["seg-1", "seg-2", "seg-3", "nope"]).map(
        lambda n: json.dumps({"event": "mark", "streamSid": SID, "mark": {"name": n}})
    ),
    st.sampled_from(["0", "5", "#", "x", ""]).map(
        lambda d: json.dumps({"event": "dtmf", "streamSid": SID, "dtmf": {"digit": d}})
    ),
    st.just(json.dumps({"event": "stop", "streamSid": SID, "stop": {"callSid": "CA1"}})),
    st.just(PAUSE),
)
bad = st.one_of(
    st.text(max_size=60),
    st.binary(max_size=60),
    st.just("x" * 70_000),
    st.dictionaries(
        st.sampled_from(["event", "streamSid", "media", "start", "mark"]),
        st.one_of(
            st.none(),
            st.integers(),
            st.text(max_size=8),
            st.sampled_from(["media", "start", "mark", "dtmf", "stop"]),
        ),
        max_size=4,
    ).map(json.dumps),
    st.just(json.dumps({"event": "media", "streamSid": SID, "media": {"payload": "***"}})),
    st.just(json.dumps({"event": "start", "streamSid": SID, "start": {"streamSid": 5}})),
    st.just(json.dumps({"event": "media", "streamSid": "MZother", "media": {"payload": ""}})),
)


def flatten(items: list) -> list:
    return [m for item in items for m in (item if isinstance(item, list) else [item])]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    started=st.booleans(),
    messages=st.lists(st.one_of(good, good, bad), max_size=25).map(flatten),
    abrupt=st.booleans(),
    behaviour=st.sampled_from(["replies", "silent", "fails", "hangs_up"]),
)
def test_any_message_sequence_ends_the_call_cleanly_and_finishes_it_once(
    started, messages, abrupt, behaviour, tmp_path_factory
):
    messages = [START, PAUSE, *messages] if started else messages
    agents: list[FuzzAgent] = []

    def factory(call: CallInfo) -> FuzzAgent:
        agents.append(FuzzAgent(behaviour))
        return agents[-1]

    options = SessionOptions(
        speed=20.0,
        finish_timeout_s=2.0,
        hangup_grace_s=0.5,
        recordings_dir=tmp_path_factory.mktemp("calls"),
        turn=TurnOptions(no_input_s=0.5),
    )

    async def scenario():
        session = CallSession(factory, EXECUTOR, options, vad=VadBatcher(DETECTOR, 0.001))
        connection = FakeConnection(messages, abrupt)
        reason = await asyncio.wait_for(session.run(connection), timeout=20)
        return session, connection, reason

    session, connection, reason = asyncio.run(scenario())

    event(reason.split(":")[0])
    event(f"agent lines reported: {min(agents[0].heard_lines, 1) if agents else 'no call'}")
    assert isinstance(reason, str) and reason == session.end_reason
    assert connection.closed == 1
    assert len(agents) <= 1
    if agents:  # a call was started: it was finished exactly once, and recorded
        assert agents[0].finished == 1
        assert session.recording is not None and session.recording.exists()
    # the only agent errors are the ones it raised on purpose
    assert all("crashed" in e for e in session.errors if e.startswith("agent:"))
    for message in connection.sent:  # everything sent is well-formed protocol
        assert json.loads(message)["event"] in ("media", "mark", "clear")


def test_an_ended_call_holds_no_reference_cycle_so_letting_go_of_it_frees_it_at_once():
    """A server keeps its last finished sessions and then lets go of them: they must go with
    the reference count, not wait for a full collection of the cycle collector, which a
    server with few long-lived objects runs only every few hundred calls (each call's
    buffers piled up until then)."""
    speech, silence = media_message(SPEECHY), media_message(b"\xff" * 160)
    stop = json.dumps({"event": "stop", "streamSid": SID, "stop": {"callSid": "CA1"}})
    mark = json.dumps({"event": "mark", "streamSid": SID, "mark": {"name": "seg-1"}})
    messages = [START, PAUSE, mark, *[speech] * 40, *[silence] * 60, PAUSE, stop]
    options = SessionOptions(speed=20.0, finish_timeout_s=2.0, turn=TurnOptions(no_input_s=0.5))

    async def scenario():
        session = CallSession(
            lambda call: FuzzAgent("replies"), EXECUTOR, options, vad=VadBatcher(DETECTOR, 0.001)
        )
        await asyncio.wait_for(session.run(FakeConnection(messages, abrupt=False)), timeout=20)
        await asyncio.sleep(0.05)  # the cancelled tasks of the call finish
        return session

    gc.collect()
    gc.disable()
    try:
        session = asyncio.run(scenario())
        assert session.end_reason == "hung_up" and session.call is not None
        refs = [weakref.ref(session), weakref.ref(session._control)]
        del session
        assert [ref() for ref in refs] == [None, None]
    finally:
        gc.enable()
