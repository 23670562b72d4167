"""What the phone-line tests share: real espeak-ng speech, a scripted agent and a scripted
person, a server on 127.0.0.1. Nothing here is mocked; the scripts only decide what is said."""

from __future__ import annotations

import threading
import wave
from pathlib import Path

import numpy as np

from telephony import CallInfo, Reply, Segment
from telephony.audio import Audio
from telephony.phone import Action
from telephony.server import CallServer, ServerOptions
from telephony.session import SessionOptions
from telephony.turn import TurnOptions
from tts.espeak import EspeakSynthesizer

SPEED = 3.0  # the line is simulated 3x faster than real time; turn logic counts samples

_voice = EspeakSynthesizer()
OPENING = "Hello, this is the care call from the health office. Did you eat breakfast today?"


def speech(text: str) -> Audio:
    return _voice.synthesize(text, language="en")


def trimmed(audio: Audio, threshold: float = 0.01) -> Audio:
    """Without the silence espeak-ng leaves around a phrase (~0.4 s after it)."""
    loud = np.flatnonzero(np.abs(audio.samples) > threshold)
    if not len(loud):
        return audio
    return Audio(audio.samples[loud[0] : loud[-1] + 1], audio.sample_rate)


def with_pause(first: str, pause_s: float, second: str) -> Audio:
    """Two phrases with exactly `pause_s` of silence between them, as a slow speaker says them."""
    a, b = trimmed(speech(first)), trimmed(speech(second))
    return a.concat(Audio.silence(pause_s, a.sample_rate), b, Audio.silence(0.3, a.sample_rate))


class ScriptedAgent:
    """Asks fixed questions; records what the line told it."""

    questions = ["How did you sleep last night?", "Did you take your medicine today?"]

    def __init__(self, call: CallInfo) -> None:
        self.call = call
        self.heard_utterances: list[float] = []
        self.played_log: list[tuple[str, bool, str]] = []
        self.finished: tuple[str, Path | None] | None = None
        self.finish_calls = 0
        self.dtmf_digits: list[str] = []
        self.silences = 0
        self._lock = threading.Lock()

    def _reply(self, text: str, hangup: bool = False) -> Reply:
        return Reply([Segment(text, speech(text))], hangup=hangup)

    def opening(self) -> Reply:
        return self._reply(OPENING)

    def hear(self, utterance: Audio) -> Reply | None:
        self.heard_utterances.append(utterance.duration)
        n = len(self.heard_utterances)
        if n <= len(self.questions):
            return self._reply(self.questions[n - 1])
        return self._reply("Thank you. Goodbye.", hangup=True)

    def silence(self) -> Reply:
        self.silences += 1
        return self._reply("Are you still there?", hangup=self.silences >= 2)

    def dtmf(self, digit: str) -> Reply | None:
        self.dtmf_digits.append(digit)
        return None

    def played(self, segment: Segment, *, complete: bool, heard_text: str) -> None:
        self.played_log.append((segment.text, complete, heard_text))

    def finish(self, reason: str, recording: Path | None) -> None:
        self.finished = (reason, recording)
        self.finish_calls += 1


class ScriptedPerson:
    """Answers in order. An answer is text, audio, or a whole `Action`; `barge_in` maps the
    number of an agent turn (0 = the opening) to how many seconds into it this person cuts in
    (their next answer is then spoken over the agent)."""

    def __init__(
        self, answers: list[str | Audio | Action], barge_in: dict[int, float] | None = None
    ) -> None:
        self.answers = list(answers)
        self.barge_in = dict(barge_in or {})
        self.heard: list[float] = []
        self._turn = -1

    def barge_in_after(self) -> float | None:
        self._turn += 1
        return self.barge_in.get(self._turn)

    def respond(self, heard: Audio) -> Action:
        self.heard.append(heard.duration)
        if not self.answers:
            return Action()
        answer = self.answers.pop(0)
        if isinstance(answer, Action):
            return answer
        if isinstance(answer, Audio):
            return Action(speech=answer, text="(audio)")
        return Action(speech=speech(answer), text=answer)


class Factory:
    def __init__(self) -> None:
        self.agents: list[ScriptedAgent] = []

    def __call__(self, call: CallInfo) -> ScriptedAgent:
        agent = ScriptedAgent(call)
        self.agents.append(agent)
        return agent


async def start_server(
    tmp_path: Path,
    token: str | None = None,
    factory=None,
    turn: TurnOptions | None = None,
    session: SessionOptions | None = None,
    **server_options,
) -> tuple[CallServer, object]:
    factory = factory if factory is not None else Factory()
    options = ServerOptions(
        host="127.0.0.1",
        port=0,
        token=token,
        session=session
        or SessionOptions(
            speed=SPEED, recordings_dir=tmp_path / "calls", turn=turn or TurnOptions()
        ),
        **server_options,
    )
    server = CallServer(factory, options)
    await server.start()
    return server, factory


def read_stereo(path: Path) -> np.ndarray:
    with wave.open(str(path)) as w:
        assert (w.getnchannels(), w.getframerate()) == (2, 8000)
        return np.frombuffer(w.readframes(w.getnframes()), "<i2").reshape(-1, 2)
