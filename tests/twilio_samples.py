"""Twilio Media Streams messages as Twilio sends them, and a server stream they started:
shared by the protocol tests."""

from __future__ import annotations

import json

from telephony.protocol import ServerProtocol

SID = "MZ18ad3ab5a668481ce02b83e7395059f0"
CALL = "CA4d2ddbb8bf8b3a1a8ec5b1a6c8c7b3a1"
ACCOUNT = "AC1234567890abcdef1234567890abcdef"
AUDIO = bytes(range(256)) * 2

# Shapes copied from https://www.twilio.com/docs/voice/media-streams/websocket-messages
TWILIO = {
    "connected": '{"event": "connected", "protocol": "Call", "version": "1.0.0"}',
    "start": json.dumps(
        {
            "event": "start",
            "sequenceNumber": "1",
            "start": {
                "accountSid": ACCOUNT,
                "streamSid": SID,
                "callSid": CALL,
                "tracks": ["inbound"],
                "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1},
                "customParameters": {"FirstName": "Jane", "LastName": "Doe", "RemoteParty": "Bob"},
            },
            "streamSid": SID,
        }
    ),
    "media": json.dumps(
        {
            "event": "media",
            "sequenceNumber": "3",
            "media": {
                "track": "inbound",
                "chunk": "1",
                "timestamp": "5",
                "payload": "no+JhoaJjpzSHxAKBgYJDhtEopGKh4aIjZm7JhILBwYIDRg1",
            },
            "streamSid": SID,
        }
    ),
    "dtmf": json.dumps(
        {
            "event": "dtmf",
            "streamSid": SID,
            "sequenceNumber": "5",
            "dtmf": {"track": "inbound_track", "digit": "1"},
        }
    ),
    "mark": json.dumps(
        {
            "event": "mark",
            "sequenceNumber": "4",
            "streamSid": SID,
            "mark": {"name": "my label"},
        }
    ),
    "stop": json.dumps(
        {
            "event": "stop",
            "sequenceNumber": "5",
            "streamSid": SID,
            "stop": {"accountSid": ACCOUNT, "callSid": CALL},
        }
    ),
}


def started() -> ServerProtocol:
    server = ServerProtocol()
    server.receive(TWILIO["connected"])
    server.receive(TWILIO["start"])
    return server
