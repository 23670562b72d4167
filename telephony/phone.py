"""The simulated phone: a client of our own wire protocol, standing in for Twilio and a person.

It behaves like the far end of a real call: it streams the person's microphone as 20 ms μ-law
frames (silence included, as Twilio does), plays the agent's audio through a small jitter
buffer in real time, echoes each mark when the audio before it has been played, flushes its
buffer on `clear` (echoing the marks it dropped, as Twilio does), and records the call in
stereo (left: the person, right: the agent) on one timeline.

What the person says is decided by a `Person` (built by the composition root from a persona,
a recognizer and a voice): after the agent stops talking for `reply_delay_s`, the phone hands it
the audio it just heard and does what comes back: speak (pauses included in the audio), press
a key, stay silent, hang up, or drop the line. A person who means to cut the agent off says so
when the agent starts a turn (`Person.barge_in_after`); the phone then hands it what it heard so
far at that point and starts speaking at once, over the agent.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol
from urllib.parse import urlencode, urlsplit, urlunsplit

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from telephony.audio import INTERNAL_RATE, LINE_RATE, Audio
from telephony.g711 import ULAW_SILENCE, float_to_pcm16, ulaw_decode, ulaw_encode, ulaw_to_float
from telephony.protocol import (
    Clear,
    OutboundMark,
    OutboundMedia,
    PhoneProtocol,
    ProtocolError,
    new_sid,
)
from telephony.recording import StereoRecorder
from telephony.resample import resample

log = logging.getLogger("carecall.phone")

FRAME_S = 0.02
FRAME_BYTES = int(LINE_RATE * FRAME_S)


@dataclass
class Action:
    """What the simulated person does after hearing the agent (all of it may be empty: silence).
    A key press comes first, then the speech; a hang-up waits until the speech is spoken."""

    speech: Audio | None = None
    text: str = ""  # what the speech says (for logs and checks)
    dtmf: str | None = None
    hangup: bool = False  # send `stop`, as a phone hanging up does
    drop: bool = False  # break the connection without `stop` (a line that fails)


class Person(Protocol):
    def respond(self, heard: Audio) -> Action:
        """`heard` is the agent's turn as it came down the line (8 kHz)."""
        ...

    # Optional: persons without it never cut the agent off.
    # def barge_in_after(self) -> float | None:
    #     """Asked as each agent turn starts playing: seconds into it at which this person
    #     cuts in (`respond` then gets what was heard so far), or None to let it finish."""
    # def barge_in_lead(self) -> int:
    #     """Asked with `barge_in_after`: how many of the turn's utterances (sentences) to hear
    #     out before the cut-in clock starts: the agent's reaction before its question."""
    # def barge_in_missed(self) -> None:
    #     """The turn ended before the planned cut-in was due (a question the agent put in
    #     first, a reaction and nothing after it): plan it again for a later turn."""


@dataclass
class PhoneOptions:
    speed: float = 1.0
    """Clock multiplier; must match the server's `SessionOptions.speed`."""
    prebuffer_frames: int = 3
    """Jitter buffer: playback starts once this many frames have arrived."""
    reply_delay_s: float = 0.7
    """How long the agent must be quiet before the person answers (a natural turn gap)."""
    listen_s: float = 5.0
    """How much of the end of the agent's turn the person's ears are given."""
    max_call_s: float = 600.0
    speech_grid_frames: int = 8
    """Each utterance starts on a frame of the outgoing stream whose number is a multiple of
    this (8 frames = 1,280 samples, a multiple of both the 160-sample frame and the server's
    256-sample VAD window): the server then cuts and decodes the same samples of the same
    utterance on every run. Unaligned, when the answer was ready (wall time, load) moved the
    speech against the server's windows by a few ms, and pocketsphinx heard "a sore back in
    the mornings" as "... morning she" on one run and "... morning soup" on another, so a
    whole-call test's path depended on the machine's load. 1 turns it off (up to 140 ms of
    extra reply gap at 8)."""
    parameters: dict[str, str] = field(default_factory=dict)  # customParameters of `start`
    token: str | None = None


@dataclass
class PhoneResult:
    reason: str
    recording: Path | None
    said: list[str]
    marks_echoed: int
    cleared: int
    barge_ins: int = 0
    dtmf: list[str] = field(default_factory=list)


class SimulatedPhone:
    def __init__(
        self, person: Person, options: PhoneOptions | None = None, executor: Executor | None = None
    ) -> None:
        self.person = person
        self.options = options or PhoneOptions()
        self._executor = executor or ThreadPoolExecutor(max_workers=1, thread_name_prefix="person")
        self.recorder = StereoRecorder(LINE_RATE)
        self._mic: deque[bytes] = deque()
        self._playout = bytearray()
        self._played = 0  # bytes of agent audio played so far
        self._received = 0  # bytes of agent audio received so far
        self._marks: deque[tuple[int, str]] = deque()  # (position in received bytes, name)
        self._playing = False
        self._heard: list[bytes] = []  # the agent's current turn, as played
        self._quiet_frames = 0
        self._turn_complete = False  # a mark came back and no agent audio played since
        self._responding: asyncio.Future | None = None
        self._said: list[str] = []
        self._echoed = 0
        self._cleared = 0
        self._hangup = False  # hang up once the person has finished speaking
        self._drop = False
        self._agent_turn = False  # the agent's current turn has started playing
        self._turn_frames = 0  # frames of it played so far
        self._barge_at: float | None = None  # when (s into the turn) this person cuts in
        self._barge_lead = 0  # utterances of the turn still to hear before that clock starts
        self._barge_ins = 0
        self._dtmf: list[str] = []

    async def call(self, url: str, recording: str | Path | None = None) -> PhoneResult:
        proto = PhoneProtocol(
            stream_sid=new_sid("MZ"),
            call_sid=new_sid("CA"),
            custom_parameters=dict(self.options.parameters),
        )
        reason = "server hung up"
        async with connect(_with_token(url, self.options.token), compression=None) as ws:
            await ws.send(proto.connected())
            await ws.send(proto.start())
            receiver = asyncio.create_task(self._receive(ws, proto))
            try:
                reason = await self._tick(ws, proto, receiver)
            finally:
                receiver.cancel()
                if self._responding is not None:  # let the person's thread finish its thought
                    await asyncio.wait([self._responding], timeout=10)
        path = self.recorder.save(recording) if recording else None
        return PhoneResult(
            reason, path, self._said, self._echoed, self._cleared, self._barge_ins, self._dtmf
        )

    async def _receive(self, ws, proto: PhoneProtocol) -> None:
        try:
            async for message in ws:
                try:
                    event = proto.receive(message)
                except ProtocolError as exc:
                    log.warning("phone: bad message from server: %s", exc)
                    continue
                if isinstance(event, OutboundMedia):
                    self._playout += event.payload
                    self._received += len(event.payload)
                elif isinstance(event, OutboundMark):
                    self._marks.append((self._received, event.name))
                elif isinstance(event, Clear):
                    self._cleared += 1
                    self._played += len(self._playout)  # dropped, never played
                    self._playout.clear()
                    self._playing = False
                    self._heard = []  # the person has moved on from the cut-off turn
                    self._agent_turn = False
                    while self._marks:  # Twilio echoes the marks of cleared audio
                        await ws.send(proto.mark(self._marks.popleft()[1]))
        except ConnectionClosed:
            pass

    async def _tick(self, ws, proto: PhoneProtocol, receiver: asyncio.Task) -> str:
        loop = asyncio.get_running_loop()
        interval = FRAME_S / self.options.speed
        next_tick = loop.time()
        silence = bytes([ULAW_SILENCE]) * FRAME_BYTES
        max_frames = int(self.options.max_call_s / FRAME_S)
        for _ in range(max_frames):
            if receiver.done():
                return "server hung up"
            frame = self._mic.popleft() if self._mic else silence
            try:
                await ws.send(proto.media(frame))
            except ConnectionClosed:
                return "server hung up"
            position = self.recorder.left_samples
            self.recorder.add_left(ulaw_decode(frame))
            played = self._play_frame()
            if played is not None:
                self.recorder.add_right(ulaw_decode(played), position)
            for name in self._due_marks():
                await ws.send(proto.mark(name))
                self._echoed += 1
                self._turn_complete = True
                if self._agent_turn and self._barge_lead > 0:  # the lead heard out: the
                    self._barge_lead -= 1  # cut-in clock counts from the next utterance
                    self._turn_frames = 0
            action = self._maybe_respond()
            if action is not None:
                if action.dtmf:
                    await ws.send(proto.dtmf(action.dtmf))
                    self._dtmf.append(action.dtmf)
                self._hangup |= action.hangup
                self._drop |= action.drop
            if (self._hangup or self._drop) and not self._mic:
                if self._drop:
                    ws.transport.abort()  # no stop, no close frame: the line just fails
                    return "phone dropped the line"
                await ws.send(proto.stop())
                return "phone hung up"
            next_tick += interval
            delay = next_tick - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
        await ws.send(proto.stop())
        return "phone time limit"

    def _play_frame(self) -> bytes | None:
        if not self._playing and (
            len(self._playout) >= self.options.prebuffer_frames * FRAME_BYTES
            # A mark came after the audio: the utterance is all here, so its tail plays however
            # short. Waiting for a full prebuffer after an underrun left a short tail unplayed,
            # its mark never echoed, and both ends waiting for each other.
            or (self._playout and self._marks)
        ):
            self._playing = True
        if not self._playing or not self._playout:
            self._playing = False
            self._quiet_frames += 1
            return None
        frame = bytes(self._playout[:FRAME_BYTES])
        del self._playout[:FRAME_BYTES]
        self._played += len(frame)
        self._heard.append(frame)
        self._quiet_frames = 0
        self._turn_complete = False
        if not self._agent_turn:  # the agent starts a turn: will this person cut in?
            self._agent_turn, self._turn_frames = True, 0
            plan = getattr(self.person, "barge_in_after", None)
            self._barge_at = plan() if plan is not None else None
            lead = getattr(self.person, "barge_in_lead", None)
            self._barge_lead = lead() if lead is not None and self._barge_at is not None else 0
        self._turn_frames += 1
        return frame

    def _due_marks(self) -> list[str]:
        due = []
        while self._marks and self._marks[0][0] <= self._played:
            due.append(self._marks.popleft()[1])
        return due

    def _maybe_respond(self) -> Action | None:
        """Start thinking when the agent has gone quiet; deliver the answer when it is ready."""
        if self._responding is not None:
            if not self._responding.done():
                return None
            action: Action = self._responding.result()
            self._responding = None
            if action.speech is not None:
                self._speak(action.speech)
                self._said.append(action.text)
            return action
        if self._hangup or self._drop:
            return None
        barge = (
            self._barge_at is not None
            and self._agent_turn
            and not self._mic
            and self._barge_lead == 0
            and self._turn_frames * FRAME_S >= self._barge_at
        )
        quiet_s = self._quiet_frames * FRAME_S
        # The agent's turn is over when its last utterance was played to its mark and the line
        # stayed quiet for a natural gap; a stall mid-sentence is not an invitation to answer.
        ready = self._heard and self._turn_complete and not self._mic
        if barge or (ready and quiet_s >= self.options.reply_delay_s):
            # The question is at the end of the agent's turn; listening to its last seconds
            # keeps the simulated person's reaction time human.
            tail = b"".join(self._heard)[-int(self.options.listen_s * LINE_RATE) :]
            heard = Audio(ulaw_to_float(tail), LINE_RATE)
            self._heard = []
            missed = getattr(self.person, "barge_in_missed", None)
            if self._barge_at is not None and not barge and missed is not None:
                missed()  # the turn ended before the cut-in was due: it may come later
            self._barge_at = None
            self._barge_ins += bool(barge)
            self._agent_turn = bool(barge)  # the rest of a cut-off turn starts no new one
            loop = asyncio.get_running_loop()
            self._responding = loop.run_in_executor(self._executor, self.person.respond, heard)
        return None

    def _speak(self, audio: Audio) -> None:
        x = audio.samples
        if audio.sample_rate != LINE_RATE:
            x = resample(x, audio.sample_rate, LINE_RATE)
        data = ulaw_encode(float_to_pcm16(x))
        grid = max(1, self.options.speech_grid_frames)
        # the frame this utterance would start on; the mic queue is empty for a new utterance
        start = self.recorder.left_samples // FRAME_BYTES + len(self._mic)
        data = bytes([ULAW_SILENCE]) * FRAME_BYTES * ((-start) % grid) + data
        pad = (-len(data)) % FRAME_BYTES
        data += bytes([ULAW_SILENCE]) * pad
        for i in range(0, len(data), FRAME_BYTES):
            self._mic.append(data[i : i + FRAME_BYTES])


def _with_token(url: str, token: str | None) -> str:
    if not token:
        return url
    parts = urlsplit(url)
    query = (parts.query + "&" if parts.query else "") + urlencode({"token": token})
    return urlunsplit(parts._replace(query=query))


def line_audio(audio: Audio) -> Audio:
    """What a 16 kHz recording sounds like after an 8 kHz μ-law phone line, back at 16 kHz."""
    x = resample(audio.samples, audio.sample_rate, LINE_RATE)
    x = ulaw_to_float(ulaw_encode(float_to_pcm16(x)))
    return Audio(resample(x, LINE_RATE, INTERNAL_RATE), INTERNAL_RATE)
