"""Twilio Media Streams: the simulated phone's side of the protocol, against the server's."""

from __future__ import annotations

import re

import pytest

from telephony.protocol import (
    Clear,
    Connected,
    Dtmf,
    InvalidState,
    Mark,
    OutboundMark,
    OutboundMedia,
    PhoneProtocol,
    ProtocolError,
    ServerProtocol,
    Start,
    Stop,
    StreamState,
    encode_outbound,
    new_sid,
)
from tests.twilio_samples import ACCOUNT, AUDIO, CALL, SID, TWILIO

# --- the phone's side, against the server -------------------------------------------------


def test_phone_and_server_talk():
    phone = PhoneProtocol(SID, CALL, ACCOUNT, {"recipient": "r1", "language": "ko"})
    server = ServerProtocol()
    assert server.receive(phone.connected()) == Connected()
    start = server.receive(phone.start())
    assert start == Start(
        SID,
        CALL,
        ACCOUNT,
        ("inbound",),
        {"recipient": "r1", "language": "ko"},
        "audio/x-mulaw",
        8000,
        1,
        1,
    )
    frames = [server.receive(phone.media(bytes([i]) * 160)) for i in range(3)]
    assert [(m.chunk, m.timestamp, m.sequence_number) for m in frames] == [
        (1, 0, 2),
        (2, 20, 3),
        (3, 40, 4),
    ]
    assert frames[2].payload == b"\x02" * 160
    assert server.receive(phone.media(b"", timestamp_ms=999)).timestamp == 999
    assert server.receive(phone.dtmf("#")) == Dtmf(SID, "inbound_track", "#", 6)
    assert phone.receive(server.send_media(AUDIO)) == OutboundMedia(SID, AUDIO)
    assert phone.receive(server.send_mark("seg-1")) == OutboundMark(SID, "seg-1")
    assert phone.receive(server.send_clear()) == Clear(SID)
    assert server.receive(phone.mark("seg-1")) == Mark(SID, "seg-1", 7)
    assert server.receive(phone.stop()) == Stop(SID, CALL, ACCOUNT, 8)
    assert phone.state is server.state is StreamState.STOPPED


def test_phone_timestamps_follow_the_audio_for_alaw_and_l16():
    for encoding, frame in (("audio/x-alaw", 160), ("audio/x-l16", 320)):
        phone = PhoneProtocol(encoding=encoding)
        server = ServerProtocol()
        server.receive(phone.start())
        stamps = [server.receive(phone.media(b"\x00" * frame)).timestamp for _ in range(3)]
        assert stamps == [0, 20, 40], encoding
        gap = server.receive('{"event":"media","media":{"payload":""}}')
        assert gap.timestamp == 60


def test_phone_refuses_what_its_state_forbids():
    phone = PhoneProtocol()
    with pytest.raises(InvalidState, match="cannot send media"):
        phone.media(b"")
    phone.start()
    with pytest.raises(InvalidState):
        phone.connected()
    with pytest.raises(InvalidState, match="cannot send start"):
        phone.start()
    with pytest.raises(ValueError, match="DTMF digit 'x'"):
        phone.dtmf("x")
    phone.stop()
    with pytest.raises(InvalidState, match="cannot send stop: the stream is stopped"):
        phone.stop()
    with pytest.raises(ValueError, match="encoding"):
        PhoneProtocol(encoding="audio/opus")


def test_phone_rejects_bad_server_messages():
    phone = PhoneProtocol(SID)
    with pytest.raises(ProtocolError, match="binary frame"):
        phone.receive(b"\x00")
    with pytest.raises(
        ProtocolError, match="media event: field streamSid 'MZx' is not this stream"
    ):
        phone.receive(encode_outbound(OutboundMedia("MZx", b"")))
    with pytest.raises(ProtocolError, match="unknown event 'stop'"):
        phone.receive(TWILIO["stop"])


def test_new_sid_looks_like_twilio():
    sid = new_sid("MZ")
    assert re.fullmatch(r"MZ[0-9a-f]{32}", sid) and len(sid) == 34
    assert new_sid("CA") != new_sid("CA")
    phone = PhoneProtocol()
    assert phone.stream_sid.startswith("MZ") and phone.call_sid.startswith("CA")
    assert phone.account_sid.startswith("AC") and len(phone.account_sid) == 34
