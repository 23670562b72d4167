"""Twilio Media Streams under fuzzing: whatever arrives, receiving gives an event or a
ProtocolError, never another exception."""

from __future__ import annotations

import json

from hypothesis import event as hypothesis_event
from hypothesis import given, settings
from hypothesis import strategies as st

from telephony.protocol import (
    Clear,
    Connected,
    Dtmf,
    Mark,
    Media,
    OutboundMark,
    OutboundMedia,
    PhoneProtocol,
    ProtocolError,
    ServerProtocol,
    Start,
    Stop,
    StreamState,
)
from tests.twilio_samples import SID, TWILIO, started

# --- fuzzing: receive never fails with anything but ProtocolError --------------------------

FIELDS = [
    "event",
    "streamSid",
    "sequenceNumber",
    "start",
    "media",
    "dtmf",
    "mark",
    "stop",
    "payload",
    "track",
    "chunk",
    "timestamp",
    "name",
    "digit",
    "callSid",
    "accountSid",
    "tracks",
    "customParameters",
    "mediaFormat",
    "encoding",
    "sampleRate",
    "channels",
]
EVENTS = ["connected", "start", "media", "dtmf", "mark", "stop", "clear"]
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(EVENTS + ["AAE=", "8000", "-1", SID, "audio/x-mulaw"])
)
jsonish = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=6), inner, max_size=5)
    ),
    max_leaves=25,
)
message_dicts = st.builds(
    lambda event, rest: {**rest, "event": event},
    st.sampled_from(EVENTS) | jsonish,
    st.dictionaries(st.sampled_from(FIELDS), jsonish, max_size=6),
)


def _mutations(message: str) -> st.SearchStrategy[str]:
    """A valid message with one field, at any depth, replaced by junk or removed."""

    def mutate(path_choice, junk, delete):
        data = json.loads(message)
        node, paths = data, []
        stack = [(data, [])]
        while stack:
            obj, path = stack.pop()
            for key, value in obj.items():
                paths.append(path + [key])
                if isinstance(value, dict):
                    stack.append((value, path + [key]))
        path = paths[path_choice % len(paths)]
        for key in path[:-1]:
            node = node[key]
        if delete:
            del node[path[-1]]
        else:
            node[path[-1]] = junk
        return json.dumps(data)

    return st.builds(mutate, st.integers(0, 1000), jsonish, st.booleans())


frames = st.one_of(
    st.text(max_size=200),
    st.binary(max_size=200),
    message_dicts.map(json.dumps),
    st.sampled_from(list(TWILIO.values())),
    *[_mutations(m) for m in TWILIO.values()],
)


def _receive_or_protocol_error(server: ServerProtocol, frame) -> None:
    try:
        event = server.receive(frame)
    except ProtocolError as e:
        assert str(e)
        hypothesis_event("ProtocolError (fatal)" if e.fatal else "ProtocolError")
        return
    hypothesis_event(type(event).__name__)
    assert isinstance(event, Connected | Start | Media | Dtmf | Mark | Stop)
    if isinstance(event, Media | Dtmf | Mark | Stop) and server.start is not None:
        assert event.stream_sid == server.start.stream_sid
    if isinstance(event, Stop):
        assert server.state is StreamState.STOPPED


@settings(max_examples=150, deadline=None)
@given(st.lists(frames, max_size=8))
def test_fuzzed_frames_only_give_events_or_protocol_errors(batch):
    fresh, streaming = ServerProtocol(), started()
    for frame in batch:
        _receive_or_protocol_error(fresh, frame)
        _receive_or_protocol_error(streaming, frame)


@settings(max_examples=150, deadline=None)
@given(frames)
def test_fuzzed_outbound_frames_only_give_events_or_protocol_errors(frame):
    phone = PhoneProtocol(SID)
    phone.start()
    try:
        event = phone.receive(frame)
    except ProtocolError:
        return
    assert isinstance(event, OutboundMedia | OutboundMark | Clear) and event.stream_sid == SID
