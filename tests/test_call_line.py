"""The phone line end to end, without ASR: a real websocket server and the simulated phone on
127.0.0.1, real espeak-ng speech, real Silero VAD, a scripted agent and a scripted person."""

from __future__ import annotations

import asyncio
import json
import platform
import sys

import numpy as np
import pytest
from line_kit import SPEED, ScriptedPerson, read_stereo, start_server
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from telephony.phone import PhoneOptions, SimulatedPhone
from telephony.protocol import PhoneProtocol, new_sid

pytestmark = pytest.mark.integration


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
        pcm = read_stereo(path)
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
    assert agents[0].finished is not None and agents[0].finished[0] == "hung_up"
    assert agents[0].dtmf_digits == ["0"]
    assert len(agents) == 2 and agents[1].finished is not None


def test_the_server_gives_the_heap_back_after_each_call(tmp_path):
    """glibc keeps what a call freed; the server trims it after every call (off the loop)."""
    if not (sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"):
        pytest.skip("malloc_trim is glibc's")

    async def scenario():
        server, _ = await start_server(tmp_path)
        trims = []
        trim = server._trim
        assert trim is not None
        server._trim = lambda: trims.append(trim())
        url = f"ws://127.0.0.1:{server.port}/media"
        for n in (1, 2):
            proto = PhoneProtocol(stream_sid=new_sid("MZ"), call_sid=new_sid("CA"))
            async with connect(url) as ws:
                await ws.send(proto.connected())
                await ws.send(proto.start())
                for _ in range(10):
                    await ws.send(proto.media(b"\xff" * 160))
                await ws.send(proto.stop())
            await server.wait_for_calls(n, timeout=20)
            for _ in range(100):
                if len(trims) == n:
                    break
                await asyncio.sleep(0.05)
        await server.stop()
        return trims

    assert len(asyncio.run(scenario())) == 2


def test_a_short_tail_after_an_underrun_still_plays_and_its_mark_is_echoed():
    """After an underrun the phone waits for a prebuffer before playing again, except when the
    utterance is all there (its mark arrived): then a tail shorter than the prebuffer plays, or
    its mark is never echoed and the server waits for it forever."""
    phone = SimulatedPhone(ScriptedPerson([]), PhoneOptions(speed=SPEED, prebuffer_frames=3))
    frame = bytes([0x7F]) * 160
    phone._playout += frame  # one frame: less than the prebuffer
    assert phone._play_frame() is None  # audio still arriving: wait for more
    phone._received += len(frame)
    phone._marks.append((phone._received, "m1"))
    assert phone._play_frame() == frame
    assert phone._due_marks() == ["m1"]
