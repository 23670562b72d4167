"""The Twilio Media Streams websocket protocol, sans I/O.

Every message is one JSON text frame with an `event` name. Twilio (or any gateway speaking its
format) sends `connected`, `start`, then `media` every 20 ms, `dtmf` on key presses, `mark`
when audio we queued before a mark has played (or was cleared), and `stop`. We send `media`,
`mark` and `clear`. See https://www.twilio.com/docs/voice/media-streams/websocket-messages.

This module turns frames into frozen dataclasses and back (`parse_*` / `encode_*`);
`telephony.protocol` keeps the state of each side of a stream and re-exports all of this.
Nothing here touches a socket or a clock, so every rule of the format is tested without one.

Parsing is liberal where Twilio itself is loose (numbers arrive as strings; `sequenceNumber`,
`track`, `chunk`, `timestamp` may be missing) and strict where a mistake would corrupt the call
(event names, base64 payloads, DTMF digits, media formats). Every failure is a `ProtocolError`
whose message names the event and field.
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
from dataclasses import dataclass, field
from typing import Any

ENCODINGS = ("audio/x-mulaw", "audio/x-alaw", "audio/x-l16")
DTMF_DIGITS = frozenset("0123456789*#ABCD")


class ProtocolError(ValueError):
    """A message that breaks the protocol.

    `fatal` is False when only that message is bad: drop it, log it, keep the call. It is True
    when the stream as a whole cannot go on (see `ServerProtocol.receive`).
    """

    def __init__(self, message: str, *, fatal: bool = False) -> None:
        super().__init__(message)
        self.fatal = fatal


def new_sid(prefix: str) -> str:
    """A Twilio-like id: a two-letter prefix ("MZ" stream, "CA" call, "AC" account) + 32 hex."""
    return prefix + secrets.token_hex(16)


# --- events -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Connected:
    protocol: str = "Call"
    version: str = "1.0.0"


@dataclass(frozen=True)
class Start:
    stream_sid: str
    call_sid: str
    account_sid: str = ""
    tracks: tuple[str, ...] = ("inbound",)
    custom_parameters: dict[str, str] = field(default_factory=dict)
    encoding: str = "audio/x-mulaw"
    sample_rate: int = 8000
    channels: int = 1
    sequence_number: int | None = None


@dataclass(frozen=True)
class Media:
    stream_sid: str
    track: str = "inbound"
    chunk: int = 0
    timestamp: int = 0  # ms since the stream started
    payload: bytes = b""  # decoded from base64
    sequence_number: int | None = None


@dataclass(frozen=True)
class Dtmf:
    stream_sid: str
    track: str  # Twilio says "inbound_track"
    digit: str  # one of 0-9 * # A-D
    sequence_number: int | None = None


@dataclass(frozen=True)
class Mark:
    stream_sid: str
    name: str
    sequence_number: int | None = None


@dataclass(frozen=True)
class Stop:
    stream_sid: str
    call_sid: str = ""
    account_sid: str = ""
    sequence_number: int | None = None


@dataclass(frozen=True)
class OutboundMedia:
    stream_sid: str
    payload: bytes


@dataclass(frozen=True)
class OutboundMark:
    stream_sid: str
    name: str


@dataclass(frozen=True)
class Clear:
    stream_sid: str


InboundEvent = Connected | Start | Media | Dtmf | Mark | Stop
OutboundEvent = OutboundMedia | OutboundMark | Clear

# --- reading fields -----------------------------------------------------------------------

_MISSING: Any = object()


class _Fields:
    """Typed access to one JSON object, with errors that name the event and the field path."""

    def __init__(self, data: Any, event: str, path: str = "") -> None:
        if not isinstance(data, dict):
            where = f"field {path}" if path else "message"
            raise ProtocolError(f"{event} event: {where} is not a JSON object")
        self.data, self.event, self.path = data, event, path

    def error(self, key: str, problem: str) -> ProtocolError:
        return ProtocolError(f"{self.event} event: field {self.path}{key} {problem}")

    def get(self, key: str, default: Any) -> Any:
        value = self.data.get(key, _MISSING)
        if value is _MISSING or value is None:
            if default is _MISSING:
                raise self.error(key, "is missing" if value is _MISSING else "is null")
            return default
        return value

    def obj(self, key: str, *, required: bool = True) -> _Fields:
        value = self.get(key, _MISSING if required else {})
        if not isinstance(value, dict):
            raise self.error(key, f"is not a JSON object: {_short(value)}")
        return _Fields(value, self.event, f"{self.path}{key}.")

    def text(self, key: str, default: Any = _MISSING) -> str:
        value = self.get(key, default)
        if not isinstance(value, str):
            raise self.error(key, f"is not a string: {_short(value)}")
        return value

    def integer(self, key: str, default: Any = _MISSING, *, minimum: int = 0) -> int:
        value = self.get(key, default)
        number = _to_int(value)
        if number is None or number < minimum:
            raise self.error(key, f"is not an integer >= {minimum}: {_short(value)}")
        return number

    def seq(self) -> int | None:
        if self.data.get("sequenceNumber") is None:
            return None
        return self.integer("sequenceNumber")

    def payload(self, key: str = "payload") -> bytes:
        text = self.text(key)
        try:
            return base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            raise self.error(key, "is not valid base64") from None


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


_INT_MAX = 2**63 - 1  # counters past int64 are garbage, and would overflow float arithmetic


def _to_int(value: Any) -> int | None:
    """Twilio sends counters as decimal strings; gateways sometimes send JSON numbers."""
    number = None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and len(value) <= 24 and value.strip().isdecimal():
        number = int(value)
    return number if number is not None and abs(number) <= _INT_MAX else None


def load_json(message: str | bytes | bytearray, side: str) -> tuple[dict[str, Any], str]:
    """The message's JSON object and its event name; `side` names the direction in errors."""
    if isinstance(message, bytes | bytearray):
        try:
            message = bytes(message).decode("utf-8")
        except UnicodeDecodeError as e:
            raise ProtocolError(f"{side} message is not UTF-8 text: {e}") from None
    if not isinstance(message, str):
        raise ProtocolError(f"{side} message is {type(message).__name__}, not str or bytes")
    try:
        data = json.loads(message)
    except (ValueError, RecursionError) as e:  # ValueError: also ints of > 4300 digits
        raise ProtocolError(f"message is not JSON: {e}") from None
    if not isinstance(data, dict):
        raise ProtocolError(f"message is not a JSON object: {_short(data)}")
    event = data.get("event")
    if not isinstance(event, str):
        raise ProtocolError(f"message has no event name: field event is {_short(event)}")
    return data, event


# --- inbound: gateway -> server ------------------------------------------------------------


def _parse_start(f: _Fields) -> Start:
    start = f.obj("start")
    top = f.data.get("streamSid")  # Twilio repeats it at the top level
    stream_sid = start.text("streamSid", _MISSING if top is None else top)
    if top is not None and top != stream_sid:
        raise f.error("streamSid", f"{_short(top)} differs from start.streamSid {stream_sid!r}")
    tracks = start.get("tracks", ["inbound"])
    if not isinstance(tracks, list) or not all(isinstance(t, str) for t in tracks):
        raise start.error("tracks", f"is not a list of strings: {_short(tracks)}")
    params = start.obj("customParameters", required=False).data
    for key, value in params.items():
        if isinstance(value, dict | list):
            raise start.error(f"customParameters.{key}", f"is not a scalar: {_short(value)}")
    fmt = start.obj("mediaFormat", required=False)
    encoding = fmt.text("encoding", "audio/x-mulaw")
    if encoding not in ENCODINGS:
        raise fmt.error("encoding", f"is {encoding!r}, not one of {', '.join(ENCODINGS)}")
    return Start(
        stream_sid=stream_sid,
        call_sid=start.text("callSid"),
        account_sid=start.text("accountSid", ""),
        tracks=tuple(tracks),
        custom_parameters={
            k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()
        },
        encoding=encoding,
        sample_rate=fmt.integer("sampleRate", 8000, minimum=1),
        channels=fmt.integer("channels", 1, minimum=1),
        sequence_number=f.seq(),
    )


def parse_inbound_fields(
    data: dict[str, Any], event: str, next_chunk: int, next_ms: int
) -> InboundEvent:
    """An inbound event from its JSON object; media without chunk/timestamp get the given ones."""
    f = _Fields(data, event)
    if event == "connected":
        return Connected(f.text("protocol", "Call"), f.text("version", "1.0.0"))
    if event == "start":
        return _parse_start(f)
    sid = f.text("streamSid", "")
    if event == "media":
        media = f.obj("media")
        return Media(
            stream_sid=sid,
            track=media.text("track", "inbound"),
            chunk=media.integer("chunk", next_chunk),
            timestamp=media.integer("timestamp", next_ms),
            payload=media.payload(),
            sequence_number=f.seq(),
        )
    if event == "dtmf":
        dtmf = f.obj("dtmf")
        digit = dtmf.text("digit").upper()
        if digit not in DTMF_DIGITS:
            raise dtmf.error("digit", f"is {digit!r}, not one of 0-9 * # A-D")
        return Dtmf(sid, dtmf.text("track", "inbound_track"), digit, f.seq())
    if event == "mark":
        return Mark(sid, f.obj("mark").text("name"), f.seq())
    if event == "stop":
        stop = f.obj("stop", required=False)
        return Stop(sid, stop.text("callSid", ""), stop.text("accountSid", ""), f.seq())
    raise ProtocolError(f"unknown event {event!r}")


def parse_inbound(message: str | bytes) -> InboundEvent:
    """One message from the gateway; a media event without chunk/timestamp gets 0 for them."""
    return parse_inbound_fields(*load_json(message, "inbound"), 0, 0)


def _dump(obj: dict[str, Any]) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def _b64(payload: bytes) -> str:
    return base64.b64encode(payload).decode("ascii")


def encode_inbound(event: InboundEvent) -> str:
    """The message as Twilio would send it (counters as strings)."""
    if isinstance(event, Connected):
        return _dump({"event": "connected", "protocol": event.protocol, "version": event.version})
    out: dict[str, Any] = {"event": type(event).__name__.lower()}
    if event.sequence_number is not None:
        out["sequenceNumber"] = str(event.sequence_number)
    if isinstance(event, Start):
        out["start"] = {
            "accountSid": event.account_sid,
            "streamSid": event.stream_sid,
            "callSid": event.call_sid,
            "tracks": list(event.tracks),
            "customParameters": dict(event.custom_parameters),
            "mediaFormat": {
                "encoding": event.encoding,
                "sampleRate": event.sample_rate,
                "channels": event.channels,
            },
        }
    elif isinstance(event, Media):
        out["media"] = {
            "track": event.track,
            "chunk": str(event.chunk),
            "timestamp": str(event.timestamp),
            "payload": _b64(event.payload),
        }
    elif isinstance(event, Dtmf):
        out["dtmf"] = {"track": event.track, "digit": event.digit}
    elif isinstance(event, Mark):
        out["mark"] = {"name": event.name}
    elif isinstance(event, Stop):
        out["stop"] = {"accountSid": event.account_sid, "callSid": event.call_sid}
    else:
        raise TypeError(f"not an inbound event: {event!r}")
    if event.stream_sid:
        out["streamSid"] = event.stream_sid
    return _dump(out)


# --- outbound: server -> gateway -----------------------------------------------------------


def parse_outbound(message: str | bytes) -> OutboundEvent:
    data, event = load_json(message, "outbound")
    f = _Fields(data, event)
    if event == "media":
        return OutboundMedia(f.text("streamSid"), f.obj("media").payload())
    if event == "mark":
        return OutboundMark(f.text("streamSid"), f.obj("mark").text("name"))
    if event == "clear":
        return Clear(f.text("streamSid"))
    raise ProtocolError(f"unknown event {event!r}")


def encode_outbound(event: OutboundEvent) -> str:
    if isinstance(event, OutboundMedia):
        body = {"media": {"payload": _b64(event.payload)}}
        return _dump({"event": "media", "streamSid": event.stream_sid, **body})
    if isinstance(event, OutboundMark):
        return _dump({"event": "mark", "streamSid": event.stream_sid, "mark": {"name": event.name}})
    if isinstance(event, Clear):
        return _dump({"event": "clear", "streamSid": event.stream_sid})
    raise TypeError(f"not an outbound event: {event!r}")
