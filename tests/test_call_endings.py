"""How calls end, through the real pipeline (scenario engine, pocketsphinx, espeak-ng, Silero):
the dialogue giving up on silence, a key press for a human, the person hanging up while the
agent talks, and a line that drops. Each leaves transcript, report and recording on disk."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from line_kit import SPEED, ScriptedPerson, read_stereo

from assembly.config import load_settings
from assembly.pipeline import Pipeline
from telephony.phone import Action, PhoneOptions, SimulatedPhone
from telephony.server import CallServer, ServerOptions
from telephony.session import SessionOptions
from telephony.turn import TurnOptions

pytestmark = pytest.mark.integration


def call(tmp_path: Path, person: ScriptedPerson, **turn) -> tuple[dict, object, str, Path]:
    settings = load_settings(output_dir=tmp_path / "out", speed=SPEED)
    pipeline = Pipeline(settings)

    async def scenario():
        options = ServerOptions(
            port=0,
            session=SessionOptions(
                speed=SPEED, recordings_dir=pipeline.calls_dir, turn=TurnOptions(**turn)
            ),
        )
        server = CallServer(pipeline.agent_factory, options)
        await server.start()
        params = {"recipient": "r-endings", "name": "Margaret", "scenario": "daily_checkin_en"}
        phone = SimulatedPhone(person, PhoneOptions(speed=SPEED, max_call_s=90, parameters=params))
        result = await phone.call(f"ws://127.0.0.1:{server.port}/media")
        sessions = await server.wait_for_calls(1, timeout=30)
        await server.stop()
        return result, sessions[0]

    result, session = asyncio.run(scenario())
    out = pipeline.calls_dir / session.call.call_sid
    report = json.loads((out / "report.json").read_text())
    transcript = (out / "transcript.txt").read_text()
    assert session.recording == out / "recording.wav"
    return report, result, transcript, session.recording


def agent_lines(report: dict) -> list[dict]:
    return [e for e in report["transcript"] if e["speaker"] == "agent"]


def test_the_dialogue_reprompts_on_silence_then_gives_up(tmp_path):
    report, result, transcript, recording = call(tmp_path, ScriptedPerson([]), no_input_s=2.0)

    assert result.reason == "server hung up"
    assert report["reason"] == "completed" and report["outcome"] == "no_response"
    said = " ".join(e["text"] for e in agent_lines(report)).lower()
    # the opening, max_reprompts (2) reprompts, then the give-up line: all heard in full
    assert all(e["complete"] for e in agent_lines(report))
    assert said.startswith("hi, this is clara") and said.count("are you there") == 2
    assert said.endswith("i'll call again later. goodbye.")
    assert [a["kind"] for a in report["alerts"]] == ["no_response"]
    assert "agent:" in transcript and "person:" not in transcript
    assert read_stereo(recording)[:, 1].any()  # the agent's side was recorded


def test_pressing_0_asks_for_a_callback_and_hanging_up_mid_sentence_keeps_only_what_was_heard(
    tmp_path,
):
    # The person presses 0 after the opening; the agent promises a callback and asks again;
    # 1 s into that, the person hangs up.
    person = ScriptedPerson([Action(dtmf="0"), Action(hangup=True)], barge_in={1: 1.0})
    report, result, transcript, recording = call(tmp_path, person)

    assert result.dtmf == ["0"] and result.reason == "phone hung up"
    assert report["reason"] == "hung_up"
    callbacks = [a for a in report["alerts"] if a["kind"] == "callback"]
    assert len(callbacks) == 1 and callbacks[0]["evidence"] == "key 0"
    # the opening's three sentences (greeting, AI disclosure, identity question), then the promise
    *opening, last = agent_lines(report)
    assert len(opening) == 3 and all(e["complete"] for e in opening)
    # the callback promise was cut off by the hang-up: only the words that played are kept
    said = "I'll ask a care worker to call you back."
    assert not last["complete"] and last["text"] and said.startswith(last["text"])
    assert last["text"] != said
    assert transcript.rstrip().endswith("…")
    assert len(read_stereo(recording)) > 8000  # seconds of call on disk


def test_a_dropped_line_still_leaves_transcript_partial_report_and_recording(tmp_path):
    # The person answers who they are, then the line breaks (TCP reset, no `stop`).
    person = ScriptedPerson(["Yes, this is Margaret speaking.", Action(drop=True)])
    report, result, transcript, recording = call(tmp_path, person)

    assert result.reason == "phone dropped the line"
    assert report["reason"] == "broken_off" and report["outcome"] == "incomplete"
    speakers = [e["speaker"] for e in report["transcript"]]
    # the opening's three sentences (greeting, AI disclosure, identity question), the answer
    assert (
        speakers[:4] == ["agent", "agent", "agent", "person"]
        and speakers[4:]
        and "person" not in speakers[4:]
    )
    assert report["completion"] == 0.0
    assert all(item["status"] == "skipped" for item in report["items"])
    assert transcript.count("agent:") >= 2
    pcm = read_stereo(recording)
    assert (abs(pcm[:, 0]) > 500).any() and (abs(pcm[:, 1]) > 500).any()
