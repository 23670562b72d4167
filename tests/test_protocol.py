"""Twilio Media Streams: parsing and encoding every message, and the server's state machine,
without I/O."""

from __future__ import annotations

import base64
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from telephony.protocol import (
    Clear,
    Connected,
    Dtmf,
    InvalidState,
    Mark,
    Media,
    OutboundMark,
    OutboundMedia,
    ProtocolError,
    ServerProtocol,
    Start,
    Stop,
    StreamState,
    encode_inbound,
    encode_outbound,
    parse_inbound,
    parse_outbound,
)
from tests.twilio_samples import ACCOUNT, AUDIO, CALL, SID, TWILIO, started

# --- parsing what Twilio sends ------------------------------------------------------------


def test_real_twilio_messages_parse():
    assert parse_inbound(TWILIO["connected"]) == Connected("Call", "1.0.0")
    start = parse_inbound(TWILIO["start"])
    assert start == Start(
        SID,
        CALL,
        ACCOUNT,
        ("inbound",),
        {"FirstName": "Jane", "LastName": "Doe", "RemoteParty": "Bob"},
        "audio/x-mulaw",
        8000,
        1,
        1,
    )
    media = parse_inbound(TWILIO["media"])
    assert isinstance(media, Media)
    assert (media.stream_sid, media.track, media.chunk, media.timestamp) == (SID, "inbound", 1, 5)
    assert media.payload[:3] == bytes([0x9E, 0x8F, 0x89]) and media.sequence_number == 3
    assert parse_inbound(TWILIO["dtmf"]) == Dtmf(SID, "inbound_track", "1", 5)
    assert parse_inbound(TWILIO["mark"]) == Mark(SID, "my label", 4)
    assert parse_inbound(TWILIO["stop"]) == Stop(SID, CALL, ACCOUNT, 5)


def test_real_twilio_outbound_messages_parse():
    payload = base64.b64encode(AUDIO).decode()
    media = {"event": "media", "streamSid": SID, "media": {"payload": payload}}
    assert parse_outbound(json.dumps(media)) == OutboundMedia(SID, AUDIO)
    mark = {"event": "mark", "streamSid": SID, "mark": {"name": "my label"}}
    assert parse_outbound(json.dumps(mark)) == OutboundMark(SID, "my label")
    assert parse_outbound(json.dumps({"event": "clear", "streamSid": SID})) == Clear(SID)


def test_loose_twilio_fields_are_accepted():
    # Numbers as JSON numbers, missing optional fields, bytes holding UTF-8 JSON.
    msg = {"event": "media", "sequenceNumber": 7, "media": {"payload": "AAE=", "chunk": 2}}
    assert parse_inbound(json.dumps(msg).encode()) == Media("", "inbound", 2, 0, b"\x00\x01", 7)
    start = parse_inbound(
        json.dumps({"event": "start", "streamSid": SID, "start": {"callSid": CALL}})
    )
    assert start == Start(SID, CALL)
    params = {
        "event": "start",
        "start": {"streamSid": SID, "callSid": CALL, "customParameters": {"n": 3, "ok": True}},
    }
    assert parse_inbound(json.dumps(params)).custom_parameters == {"n": "3", "ok": "true"}
    assert parse_inbound('{"event":"dtmf","dtmf":{"digit":"a"}}') == Dtmf("", "inbound_track", "A")
    assert parse_inbound('{"event":"stop","streamSid":"MZ1"}') == Stop("MZ1")
    assert parse_inbound('{"event":"connected"}') == Connected()
    null_seq = '{"event":"mark","sequenceNumber":null,"mark":{"name":"x"}}'
    assert parse_inbound(null_seq).sequence_number is None
    with pytest.raises(ProtocolError, match=r"field start\.callSid is null"):
        parse_inbound('{"event":"start","start":{"streamSid":"M","callSid":null}}')


# --- round trips --------------------------------------------------------------------------

sids = st.text("0123456789abcdef", min_size=1, max_size=32).map(lambda h: "MZ" + h)
texts = st.text(max_size=30)
seqs = st.none() | st.integers(0, 2**40)
counters = st.integers(0, 2**40)
inbound_events = st.one_of(
    st.builds(Connected, texts, texts),
    st.builds(
        Start,
        sids,
        texts,
        texts,
        st.lists(st.sampled_from(["inbound", "outbound"]), max_size=2).map(tuple),
        st.dictionaries(texts, texts, max_size=4),
        st.sampled_from(["audio/x-mulaw", "audio/x-alaw", "audio/x-l16"]),
        st.integers(1, 48000),
        st.integers(1, 2),
        seqs,
    ),
    st.builds(Media, sids | st.just(""), texts, counters, counters, st.binary(max_size=400), seqs),
    st.builds(Dtmf, sids, texts, st.sampled_from(list("0123456789*#ABCD")), seqs),
    st.builds(Mark, sids, texts, seqs),
    st.builds(Stop, sids, texts, texts, seqs),
)
outbound_events = st.one_of(
    st.builds(OutboundMedia, texts, st.binary(max_size=400)),
    st.builds(OutboundMark, texts, texts),
    st.builds(Clear, texts),
)


@given(inbound_events)
def test_inbound_events_roundtrip(event):
    text = encode_inbound(event)
    assert json.loads(text)["event"] == type(event).__name__.lower()
    assert parse_inbound(text) == event


@given(outbound_events)
def test_outbound_events_roundtrip(event):
    assert parse_outbound(encode_outbound(event)) == event


def test_encoded_media_looks_like_twilio():
    text = encode_inbound(Media(SID, "inbound", 1, 5, b"\xff", 3))
    assert json.loads(text) == {
        "event": "media",
        "sequenceNumber": "3",
        "media": {"track": "inbound", "chunk": "1", "timestamp": "5", "payload": "/w=="},
        "streamSid": SID,
    }
    assert json.loads(encode_outbound(Clear(SID))) == {"event": "clear", "streamSid": SID}


# --- errors name what was wrong -----------------------------------------------------------

ERRORS = [
    ("{not json", r"message is not JSON"),
    ("[1, 2]", r"message is not a JSON object"),
    ('{"event": 3}', r"no event name: field event is 3"),
    ('{"event": "foo"}', r"unknown event 'foo'"),
    (
        '{"event":"media","media":{"payload":"@@@"}}',
        r"media event: field media\.payload is not valid base64",
    ),
    ('{"event":"media","media":{"payload":"AAE"}}', r"field media\.payload is not valid base64"),
    ('{"event":"media","media":{"payload":5}}', r"field media\.payload is not a string: 5"),
    ('{"event":"media"}', r"media event: field media is missing"),
    ('{"event":"media","media":[]}', r"field media is not a JSON object"),
    (
        '{"event":"media","media":{"payload":"","chunk":"x"}}',
        r"field media\.chunk is not an integer",
    ),
    (
        '{"event":"media","media":{"payload":"","timestamp":-5}}',
        r"field media\.timestamp is not an integer >= 0",
    ),
    ('{"event":"media","media":{"payload":"","chunk":1.5}}', r"field media\.chunk"),
    ('{"event":"media","media":{"payload":"","chunk":true}}', r"field media\.chunk"),
    ('{"event":"media","sequenceNumber":"1e3","media":{"payload":""}}', r"field sequenceNumber"),
    ('{"event":"dtmf","dtmf":{"digit":"X"}}', r"dtmf event: field dtmf\.digit is 'X', not one of"),
    ('{"event":"dtmf","dtmf":{"digit":"12"}}', r"field dtmf\.digit"),
    ('{"event":"dtmf","dtmf":{}}', r"field dtmf\.digit is missing"),
    ('{"event":"mark","mark":{"name":7}}', r"mark event: field mark\.name is not a string"),
    (
        '{"event":"start","start":{"streamSid":"MZ1"}}',
        r"start event: field start\.callSid is missing",
    ),
    (
        '{"event":"start","start":{"callSid":"CA1"}}',
        r"start event: field start\.streamSid is missing",
    ),
    (
        '{"event":"start","streamSid":"MZ2","start":{"streamSid":"MZ1","callSid":"C"}}',
        r"field streamSid \"MZ2\" differs",
    ),
    (
        '{"event":"start","start":{"streamSid":"M","callSid":"C","tracks":"inbound"}}',
        r"field start\.tracks is not a list",
    ),
    (
        '{"event":"start","start":{"streamSid":"M","callSid":"C","mediaFormat":{"encoding":"audio/opus"}}}',
        r"field start\.mediaFormat\.encoding is 'audio/opus'",
    ),
    (
        '{"event":"start","start":{"streamSid":"M","callSid":"C","mediaFormat":{"sampleRate":"8k"}}}',
        r"field start\.mediaFormat\.sampleRate is not an integer >= 1",
    ),
    (
        '{"event":"start","start":{"streamSid":"M","callSid":"C","mediaFormat":{"sampleRate":0}}}',
        r"field start\.mediaFormat\.sampleRate",
    ),
    (
        '{"event":"start","start":{"streamSid":"M","callSid":"C","customParameters":{"a":{}}}}',
        r"field start\.customParameters\.a is not a scalar",
    ),
    ('{"event":"stop","stop":"now"}', r"stop event: field stop is not a JSON object"),
]


@pytest.mark.parametrize(("message", "pattern"), ERRORS)
def test_inbound_errors_name_the_field(message, pattern):
    with pytest.raises(ProtocolError, match=pattern):
        parse_inbound(message)


@pytest.mark.parametrize(
    ("message", "pattern"),
    [
        (
            '{"event":"media","media":{"payload":"AA=="}}',
            r"media event: field streamSid is missing",
        ),
        (
            '{"event":"media","streamSid":"M","media":{"payload":"A"}}',
            r"field media\.payload is not valid base64",
        ),
        ('{"event":"mark","streamSid":"M","mark":{}}', r"mark event: field mark\.name is missing"),
        ('{"event":"connected"}', r"unknown event 'connected'"),
        (b"\xff\xfe", r"not UTF-8"),
    ],
)
def test_outbound_errors_name_the_field(message, pattern):
    with pytest.raises(ProtocolError, match=pattern):
        parse_outbound(message)


# --- the server's state machine -----------------------------------------------------------


def test_server_follows_a_whole_stream():
    server = ServerProtocol()
    assert server.state is StreamState.AWAIT_START and server.start is None
    assert isinstance(server.receive(TWILIO["connected"]), Connected)
    start = server.receive(TWILIO["start"])
    assert server.state is StreamState.STREAMING and server.start == start
    assert server.receive(TWILIO["media"]).chunk == 1
    assert isinstance(server.receive(TWILIO["dtmf"]), Dtmf)
    assert isinstance(server.receive(TWILIO["mark"]), Mark)
    out = json.loads(server.send_media(b"\x01\x02"))
    assert out == {"event": "media", "streamSid": SID, "media": {"payload": "AQI="}}
    assert json.loads(server.send_mark("m1")) == {
        "event": "mark",
        "streamSid": SID,
        "mark": {"name": "m1"},
    }
    assert json.loads(server.send_clear()) == {"event": "clear", "streamSid": SID}
    assert isinstance(server.receive(TWILIO["stop"]), Stop)
    assert server.state is StreamState.STOPPED
    with pytest.raises(InvalidState, match="cannot send media: the stream is stopped"):
        server.send_media(b"")
    with pytest.raises(ProtocolError, match="after the stream stopped") as e:
        server.receive(TWILIO["media"])
    assert e.value.fatal


def test_connected_is_optional():
    server = ServerProtocol()
    server.receive(TWILIO["start"])
    assert server.state is StreamState.STREAMING


def test_missing_stream_sid_chunk_and_timestamp_are_filled_in():
    server = started()
    first = server.receive('{"event":"media","media":{"payload":"' + "/" * 212 + '"}}')
    assert (first.stream_sid, first.chunk, first.timestamp) == (SID, 1, 0)  # 159 bytes
    second = server.receive('{"event":"media","media":{"payload":""}}')
    assert (second.chunk, second.timestamp) == (2, 20)
    assert server.receive('{"event":"mark","mark":{"name":"a"}}').stream_sid == SID


@pytest.mark.parametrize(
    ("message", "pattern"),
    [
        (TWILIO["media"], r"media event before start"),
        (TWILIO["dtmf"], r"dtmf event before start"),
        (TWILIO["mark"], r"mark event before start"),
    ],
)
def test_events_before_start_are_dropped_and_the_stream_goes_on(message, pattern):
    server = ServerProtocol()
    with pytest.raises(ProtocolError, match=pattern) as e:
        server.receive(message)
    assert not e.value.fatal and server.state is StreamState.AWAIT_START
    server.receive(TWILIO["start"])
    assert server.state is StreamState.STREAMING


@pytest.mark.parametrize(
    ("message", "pattern"),
    [
        (b'{"event":"media"}', r"binary frame: the protocol carries JSON text"),
        ("x" * 70_000, r"message too large: over max_message_bytes=64000"),
        ("가" * 30_000, r"message too large"),  # 30,000 characters, 90,000 UTF-8 bytes
        ("{", r"message is not JSON"),
        ('{"event":"foo"}', r"unknown event 'foo'"),
        ('{"event":"media","streamSid":"' + SID + '","media":{"payload":"%"}}', r"base64"),
        (
            '{"event":"media","streamSid":"MZother","media":{"payload":""}}',
            r"media event: field streamSid 'MZother' is not the started stream",
        ),
        (TWILIO["start"], r"start event: the stream already started"),
        (TWILIO["connected"], r"connected event: the stream is already connected"),
    ],
)
def test_per_message_errors_leave_the_stream_usable(message, pattern):
    server = started()
    with pytest.raises(ProtocolError, match=pattern) as e:
        server.receive(message)
    assert not e.value.fatal
    assert server.state is StreamState.STREAMING
    assert server.start == parse_inbound(TWILIO["start"])
    assert isinstance(server.receive(TWILIO["media"]), Media)


def test_a_start_that_cannot_be_parsed_is_fatal():
    server = ServerProtocol()
    with pytest.raises(ProtocolError, match="mediaFormat.encoding") as e:
        server.receive(TWILIO["start"].replace("audio/x-mulaw", "audio/opus"))
    assert e.value.fatal and server.state is StreamState.STOPPED
    with pytest.raises(ProtocolError, match="after the stream stopped"):
        server.receive(TWILIO["start"])


def test_stop_before_start_ends_the_stream():
    server = ServerProtocol()
    assert isinstance(server.receive(TWILIO["stop"]), Stop)
    assert server.state is StreamState.STOPPED


def test_cannot_send_before_start():
    with pytest.raises(InvalidState, match="cannot send mark: the stream is await_start"):
        ServerProtocol().send_mark("x")


def test_max_message_bytes_is_configurable():
    with pytest.raises(ProtocolError, match="max_message_bytes=100"):
        ServerProtocol(max_message_bytes=100).receive(TWILIO["start"])
