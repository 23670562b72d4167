"""The phone line end to end, without ASR: a real websocket server and the simulated phone on
127.0.0.1, real espeak-ng speech, real Silero VAD, a scripted agent and a scripted person."""

from __future__ import annotations

import asyncio
import json
import threading
import wave
from pathlib import Path

import numpy as np
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from telephony import CallInfo, Reply, Segment
from telephony.audio import Audio
from telephony.phone import Action, PhoneOptions, SimulatedPhone
from telephony.protocol import PhoneProtocol, new_sid
from telephony.server import CallServer, ServerOptions
from telephony.session import SessionOptions
from tts.espeak import EspeakSynthesizer

pytestmark = pytest.mark.integration
SPEED = 3.0  # the line is simulated 3x faster than real time; turn logic counts samples

_voice = EspeakSynthesizer()


def speech(text: str) -> Audio:
    return _voice.synthesize(text, language="en")


class ScriptedAgent:
    """Asks fixed questions; records what the line told it."""

    questions = ["How did you sleep last night?", "Did you take your medicine today?"]

    def __init__(self, call: CallInfo) -> None:
        self.call = call
        self.heard_utterances: list[float] = []
        self.played_log: list[tuple[str, bool, str]] = []
        self.finished: tuple[str, Path | None] | None = None
        self.dtmf_digits: list[str] = []
        self.silences = 0
        self._lock = threading.Lock()

    def _reply(self, text: str, hangup: bool = False) -> Reply:
        return Reply([Segment(text, speech(text))], hangup=hangup)

    def opening(self) -> Reply:
        return self._reply("Hello, this is the care call. Did you eat breakfast today?")

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


class ScriptedPerson:
    def __init__(self, answers: list[str]) -> None:
        self.answers = list(answers)
        self.heard: list[float] = []

    def respond(self, heard: Audio) -> Action:
        self.heard.append(heard.duration)
        if not self.answers:
            return Action()
        text = self.answers.pop(0)
        return Action(speech=speech(text), text=text)


class Factory:
    def __init__(self) -> None:
        self.agents: list[ScriptedAgent] = []

    def __call__(self, call: CallInfo) -> ScriptedAgent:
        agent = ScriptedAgent(call)
        self.agents.append(agent)
        return agent


async def start_server(tmp_path: Path, token: str | None = None) -> tuple[CallServer, Factory]:
    factory = Factory()
    options = ServerOptions(
        host="127.0.0.1",
        port=0,
        token=token,
        session=SessionOptions(speed=SPEED, recordings_dir=tmp_path / "calls"),
    )
    server = CallServer(factory, options)
    await server.start()
    return server, factory


def test_a_call_runs_to_its_end_and_both_sides_record_it(tmp_path):
    async def scenario():
        server, factory = await start_server(tmp_path, token="s3cret")
        person = ScriptedPerson(
            ["Yes, I had some toast.", "I slept well, thank you.", "Yes, I took it this morning."]
        )
        phone = SimulatedPhone(
            person, PhoneOptions(speed=SPEED, token="s3cret", parameters={"recipient": "r1"})
        )
        result = await phone.call(f"ws://127.0.0.1:{server.port}/media", tmp_path / "phone.wav")
        sessions = await server.wait_for_calls(1, timeout=20)
        await server.stop()
        return result, factory.agents[0], sessions[0]

    result, agent, session = asyncio.run(scenario())
    assert result.reason == "server hung up"
    assert agent.finished is not None and agent.finished[0] == "completed"
    assert len(agent.heard_utterances) == 3  # each answer was one turn, none split or lost
    assert all(d > 0.8 for d in agent.heard_utterances)
    texts = [t for t, complete, _ in agent.played_log if complete]
    assert texts[0].startswith("Hello") and texts[-1] == "Thank you. Goodbye."
    assert result.marks_echoed == 4
    assert agent.call.parameters["recipient"] == "r1"
    for path in (tmp_path / "phone.wav", session.recording):
        with wave.open(str(path)) as w:
            assert (w.getnchannels(), w.getframerate()) == (2, 8000)
            pcm = np.frombuffer(w.readframes(w.getnframes()), "<i2").reshape(-1, 2)
        person_rms, agent_rms = np.sqrt((pcm.astype(np.float64) ** 2).mean(axis=0))
        assert person_rms > 200 and agent_rms > 200  # speech on both channels
        # the two sides take turns: little of the call has both talking at once
        both = ((np.abs(pcm[:, 0]) > 500) & (np.abs(pcm[:, 1]) > 500)).mean()
        assert both < 0.05


def test_connections_without_the_token_are_refused_before_any_audio(tmp_path):
    async def scenario():
        server, factory = await start_server(tmp_path, token="s3cret")
        url = f"ws://127.0.0.1:{server.port}/media"
        statuses = []
        for bad in (url, url + "?token=wrong"):
            with pytest.raises(InvalidStatus) as info:
                async with connect(bad):
                    pass
            statuses.append(info.value.response.status_code)
        with pytest.raises(InvalidStatus) as info:
            async with connect(f"ws://127.0.0.1:{server.port}/other?token=s3cret"):
                pass
        statuses.append(info.value.response.status_code)
        await server.stop()
        return statuses, factory.agents

    statuses, agents = asyncio.run(scenario())
    assert statuses == [401, 401, 404]
    assert agents == []


def test_bad_input_is_logged_and_the_call_still_works(tmp_path):
    async def scenario():
        server, factory = await start_server(tmp_path)
        url = f"ws://127.0.0.1:{server.port}/media"
        proto = PhoneProtocol(
            stream_sid=new_sid("MZ"), call_sid=new_sid("CA"), custom_parameters={"recipient": "r2"}
        )
        async with connect(url) as ws:
            await ws.send("this is not json")
            await ws.send(json.dumps({"event": "media", "media": {"payload": "AAAA"}}))
            await ws.send(b"\x00\x01binary")
            await ws.send(json.dumps({"event": "no-such-event"}))
            await ws.send(proto.connected())
            await ws.send(proto.start())
            await ws.send(
                json.dumps(
                    {
                        "event": "media",
                        "streamSid": proto.stream_sid,
                        "media": {"payload": "***not base64***"},
                    }
                )
            )
            await ws.send(proto.dtmf("0"))
            for _ in range(25):
                await ws.send(proto.media(b"\xff" * 160))
            await ws.send(proto.stop())
        sessions = await server.wait_for_calls(1, timeout=20)
        # the same server still takes a normal call afterwards
        person = ScriptedPerson(["Fine."])
        phone = SimulatedPhone(person, PhoneOptions(speed=SPEED, max_call_s=4))
        await phone.call(url)
        await server.wait_for_calls(2, timeout=20)
        await server.stop()
        return sessions[0], factory.agents

    session, agents = asyncio.run(scenario())
    assert len(session.errors) >= 5
    joined = " | ".join(session.errors).lower()
    assert "json" in joined and "binary" in joined and "base64" in joined
    assert agents[0].finished is not None and "stop" in agents[0].finished[0]
    assert agents[0].dtmf_digits == ["0"]
    assert len(agents) == 2 and agents[1].finished is not None
