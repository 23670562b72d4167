"""Both ends of one Twilio Media Streams websocket, as sans-I/O state machines.

`ServerProtocol` is our side of the line: `receive(text)` turns each frame from the gateway into
an event (or raises `ProtocolError`) and `send_*` return the text to put on the wire.
`PhoneProtocol` is the gateway's side, which the simulated phone plays. Neither touches a
socket or a clock, as in the `websockets` library: the server and the phone are thin loops
around them, and every rule below is unit-tested without a network.

The message format itself (events, parsing, encoding) is in `telephony.messages`; everything
there is re-exported here, so callers import the whole protocol from this module.
"""

from __future__ import annotations

import binascii
import dataclasses
import enum
import json

from telephony.messages import (
    DTMF_DIGITS,
    ENCODINGS,
    Clear,
    Connected,
    Dtmf,
    InboundEvent,
    Mark,
    Media,
    OutboundEvent,
    OutboundMark,
    OutboundMedia,
    ProtocolError,
    Start,
    Stop,
    encode_inbound,
    encode_outbound,
    load_json,
    new_sid,
    parse_inbound,
    parse_inbound_fields,
    parse_outbound,
)
from telephony.messages import _to_int as _to_int

__all__ = [
    "DTMF_DIGITS",
    "ENCODINGS",
    "Clear",
    "Connected",
    "Dtmf",
    "InboundEvent",
    "InvalidState",
    "Mark",
    "Media",
    "OutboundEvent",
    "OutboundMark",
    "OutboundMedia",
    "PhoneProtocol",
    "ProtocolError",
    "ServerProtocol",
    "Start",
    "Stop",
    "StreamState",
    "encode_inbound",
    "encode_outbound",
    "new_sid",
    "parse_inbound",
    "parse_outbound",
]

DEFAULT_MAX_MESSAGE_BYTES = 64_000  # a 20 ms media frame is ~400 bytes; Twilio's start < 4 KB


class InvalidState(ProtocolError):
    """Sending what the stream's state does not allow (media before `start` or after `stop`)."""


class StreamState(enum.Enum):
    AWAIT_START = "await_start"  # connected (or not yet anything): waiting for `start`
    STREAMING = "streaming"  # `start` seen: media, dtmf and marks flow both ways
    STOPPED = "stopped"  # `stop` seen, or a fatal error: nothing more is accepted


def _check_frame(message: object, limit: int) -> str:
    if isinstance(message, bytes | bytearray | memoryview):
        raise ProtocolError("binary frame: the protocol carries JSON text")
    if not isinstance(message, str):
        raise ProtocolError(f"frame is {type(message).__name__}: the protocol carries JSON text")
    # A str has at least len() UTF-8 bytes and at most 4 per character: encode only if unsure.
    if len(message) > limit or (
        len(message) * 4 > limit and len(message.encode("utf-8", "surrogatepass")) > limit
    ):
        raise ProtocolError(f"message too large: over max_message_bytes={limit}")
    return message


def _bytes_per_ms(encoding: str, sample_rate: int, channels: int) -> float:
    width = 2 if encoding == "audio/x-l16" else 1
    return width * channels * sample_rate / 1000


class ServerProtocol:
    """Our end of one stream: validates what the gateway sends, encodes what we send.

    Errors about one message leave the machine as it was; the caller logs them and goes on
    (`ProtocolError.fatal` is False): a binary or oversize frame, text that is not JSON, an
    unknown event, a bad field (payload not base64, a digit not a DTMF key ...), media, dtmf
    or mark before `start`, a second `connected` or `start` (the first `start` stands), or a
    `streamSid` other than the started stream's.

    Fatal errors (`fatal` is True) end the stream; the state becomes STOPPED and the caller
    should close the connection: a `start` that cannot be parsed (without it the audio cannot
    be decoded) and any message after `stop`.

    Media without `chunk` or `timestamp` get the next chunk number and the time the audio so
    far has taken, so the events always count and time the line.
    """

    def __init__(self, max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES) -> None:
        self.max_message_bytes = max_message_bytes
        self.state = StreamState.AWAIT_START
        self.start: Start | None = None
        self.connected: Connected | None = None
        self._next_chunk = 1
        self._next_ms = 0.0
        self._bytes_per_ms = 8.0
        self._sid_json: tuple[str, str] | None = None

    def receive(self, message: str | bytes) -> InboundEvent:
        if self.state is StreamState.STOPPED:
            raise ProtocolError("message after the stream stopped", fatal=True)
        text = _check_frame(message, self.max_message_bytes)
        data, name = load_json(text, "inbound")
        if name == "media" and (fast := self._plain_media(data)) is not None:
            return fast
        if name == "start":
            return self._on_start(data)
        event = parse_inbound_fields(data, name, self._next_chunk, round(self._next_ms))
        if isinstance(event, Connected):
            if self.connected is not None or self.start is not None:
                raise ProtocolError("connected event: the stream is already connected")
            self.connected = event
            return event
        if self.start is None:
            if isinstance(event, Stop):  # the call ended before the stream started
                self.state = StreamState.STOPPED
                return event
            raise ProtocolError(f"{name} event before start")
        expected = self.start.stream_sid
        if not event.stream_sid:
            event = dataclasses.replace(event, stream_sid=expected)
        elif event.stream_sid != expected:
            raise ProtocolError(
                f"{name} event: field streamSid {event.stream_sid!r} is not the started "
                f"stream {expected!r}"
            )
        if isinstance(event, Media):
            self._next_chunk = event.chunk + 1
            self._next_ms = event.timestamp + len(event.payload) / self._bytes_per_ms
        elif isinstance(event, Stop):
            self.state = StreamState.STOPPED
        return event

    def _plain_media(self, data: dict) -> Media | None:
        """The everyday message, a well-formed media frame of the started stream, read without
        the general field-by-field checks (3x faster; 50 of them a second per call). Anything
        unusual returns None and goes the general way, which gives the same event or the error."""
        start, media = self.start, data.get("media")
        if start is None or type(media) is not dict or data.get("streamSid") != start.stream_sid:
            return None
        payload, track = media.get("payload"), media.get("track", "inbound")
        if type(payload) is not str or type(track) is not str:
            return None
        chunk, ms, seq = media.get("chunk"), media.get("timestamp"), data.get("sequenceNumber")
        chunk = self._next_chunk if chunk is None else _counter(chunk)
        ms = round(self._next_ms) if ms is None else _counter(ms)
        seq = None if seq is None else _counter(seq)
        if (
            chunk is None
            or chunk < 0
            or ms is None
            or ms < 0
            or (data.get("sequenceNumber") is not None and (seq is None or seq < 0))
        ):
            return None
        try:
            raw = binascii.a2b_base64(payload, strict_mode=True)
        except (binascii.Error, ValueError):
            return None
        self._next_chunk = chunk + 1
        self._next_ms = ms + len(raw) / self._bytes_per_ms
        return Media(start.stream_sid, track, chunk, ms, raw, seq)

    def _on_start(self, data: dict) -> Start:
        if self.start is not None:
            raise ProtocolError(
                f"start event: the stream already started as {self.start.stream_sid!r}"
            )
        try:
            start = parse_inbound_fields(data, "start", 0, 0)
        except ProtocolError as e:
            self.state = StreamState.STOPPED
            raise ProtocolError(str(e), fatal=True) from None
        assert isinstance(start, Start)
        self.start, self.state = start, StreamState.STREAMING
        self._bytes_per_ms = _bytes_per_ms(start.encoding, start.sample_rate, start.channels)
        return start

    def _sid(self, what: str) -> str:
        if self.state is not StreamState.STREAMING or self.start is None:
            raise InvalidState(f"cannot send {what}: the stream is {self.state.value}")
        return self.start.stream_sid

    def send_media(self, payload: bytes) -> str:
        return encode_outbound(OutboundMedia(self._sid("media"), payload))

    def send_media_b64(self, payload: str) -> str:
        """`send_media` for a payload already in base64 (encoded off the event loop, as the
        session does): the same text, built ten times faster than by `json.dumps`."""
        sid = self._sid("media")
        if self._sid_json is None or self._sid_json[0] != sid:
            self._sid_json = (sid, json.dumps(sid, ensure_ascii=False))
        sid_json = self._sid_json[1]
        return f'{{"event":"media","streamSid":{sid_json},"media":{{"payload":"{payload}"}}}}'

    def send_mark(self, name: str) -> str:
        return encode_outbound(OutboundMark(self._sid("mark"), name))

    def send_clear(self) -> str:
        return encode_outbound(Clear(self._sid("clear")))


class PhoneProtocol:
    """The gateway's end of one stream, as Twilio plays it: what our simulated phone speaks.

    Numbers messages as Twilio does: `connected` has no sequenceNumber, `start` is 1, and
    every later message one more. Media chunks count from 1; a chunk's default timestamp is
    the time the audio sent before it has taken (0 ms for the first, 20 ms for the second
    20 ms chunk ...).
    """

    def __init__(
        self,
        stream_sid: str | None = None,
        call_sid: str | None = None,
        account_sid: str | None = None,
        custom_parameters: dict[str, str] | None = None,
        encoding: str = "audio/x-mulaw",
        sample_rate: int = 8000,
        *,
        max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES,
    ) -> None:
        if encoding not in ENCODINGS:
            raise ValueError(f"encoding {encoding!r} is not one of {', '.join(ENCODINGS)}")
        if sample_rate <= 0:
            raise ValueError(f"sample_rate must be positive, got {sample_rate}")
        self.stream_sid = stream_sid or new_sid("MZ")
        self.call_sid = call_sid or new_sid("CA")
        self.account_sid = account_sid or new_sid("AC")
        self.custom_parameters = dict(custom_parameters or {})
        self.encoding, self.sample_rate = encoding, sample_rate
        self.max_message_bytes = max_message_bytes
        self.state = StreamState.AWAIT_START
        self._connected = False
        self._sequence = 0
        self._chunk = 0
        self._sent_bytes = 0
        self._bytes_per_ms = _bytes_per_ms(encoding, sample_rate, 1)

    def _next(self, what: str, *allowed: StreamState) -> int:
        if self.state not in allowed:
            raise InvalidState(f"cannot send {what}: the stream is {self.state.value}")
        self._sequence += 1
        return self._sequence

    def connected(self) -> str:
        if self._connected or self.state is not StreamState.AWAIT_START:
            raise InvalidState("cannot send connected twice or after start")
        self._connected = True
        return encode_inbound(Connected())

    def start(self) -> str:
        seq = self._next("start", StreamState.AWAIT_START)
        self.state = StreamState.STREAMING
        start = Start(
            self.stream_sid,
            self.call_sid,
            self.account_sid,
            ("inbound",),
            dict(self.custom_parameters),
            self.encoding,
            self.sample_rate,
            1,
            seq,
        )
        return encode_inbound(start)

    def media(self, payload: bytes, timestamp_ms: int | None = None) -> str:
        seq = self._next("media", StreamState.STREAMING)
        self._chunk += 1
        if timestamp_ms is None:
            timestamp_ms = round(self._sent_bytes / self._bytes_per_ms)
        self._sent_bytes += len(payload)
        return encode_inbound(
            Media(self.stream_sid, "inbound", self._chunk, timestamp_ms, bytes(payload), seq)
        )

    def dtmf(self, digit: str) -> str:
        if digit not in DTMF_DIGITS:
            raise ValueError(f"DTMF digit {digit!r} is not one of 0-9 * # A-D")
        seq = self._next("dtmf", StreamState.STREAMING)
        return encode_inbound(Dtmf(self.stream_sid, "inbound_track", digit, seq))

    def mark(self, name: str) -> str:
        seq = self._next("mark", StreamState.STREAMING)
        return encode_inbound(Mark(self.stream_sid, name, seq))

    def stop(self) -> str:
        seq = self._next("stop", StreamState.AWAIT_START, StreamState.STREAMING)
        self.state = StreamState.STOPPED
        return encode_inbound(Stop(self.stream_sid, self.call_sid, self.account_sid, seq))

    def receive(self, message: str | bytes) -> OutboundEvent:
        """One message from the server. Errors are about that message only."""
        event = parse_outbound(_check_frame(message, self.max_message_bytes))
        if event.stream_sid != self.stream_sid:
            raise ProtocolError(
                f"{_name(event)} event: field streamSid {event.stream_sid!r} is not this "
                f"stream {self.stream_sid!r}"
            )
        if self.state is StreamState.STOPPED:
            raise ProtocolError(f"{_name(event)} event after the stream stopped")
        return event


def _counter(value: object) -> int | None:
    """`_to_int` with a shortcut for what Twilio sends: short strings of ASCII digits."""
    if type(value) is str and len(value) <= 18 and value.isascii() and value.isdigit():
        return int(value)
    return _to_int(value)


def _name(event: OutboundEvent) -> str:
    return {OutboundMedia: "media", OutboundMark: "mark", Clear: "clear"}[type(event)]
