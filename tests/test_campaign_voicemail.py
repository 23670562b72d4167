"""Answering machines on both paths: Twilio's async AMD callback (against the fake Twilio API)
and carecall's own detector end to end over the websocket with a simulated answering machine."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

pytest.importorskip("twilio")

from twilio.request_validator import RequestValidator  # noqa: E402
from twilio.rest import Client  # noqa: E402

from campaign import Outcome  # noqa: E402
from campaign.twilio_dialer import StatusCallbacks, TwilioDialer, serve_callbacks  # noqa: E402
from tests.test_campaign_twilio import ACCOUNT, PUBLIC, TOKEN, FakeTwilioApi, post, request  # noqa: E402

SID = "CA" + "1".rjust(32, "0")


@pytest.mark.parametrize(
    ("answered_by", "expected"),
    [
        ("machine_end_beep", Outcome.VOICEMAIL),
        ("fax", Outcome.VOICEMAIL),
        ("human", Outcome.ANSWERED),
        (None, Outcome.ANSWERED),  # no AMD result: our own detector's report decides
    ],
)
def test_twilio_async_amd_callback_decides_voicemail(answered_by, expected) -> None:
    api = FakeTwilioApi()
    callbacks = StatusCallbacks(TOKEN, PUBLIC)
    machines: list[tuple[str, str]] = []
    callbacks.on_machine = lambda sid, by: machines.append((sid, by))
    server, stop = serve_callbacks(callbacks, "127.0.0.1", 0)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    validator = RequestValidator(TOKEN)
    dialer = TwilioDialer(
        Client(ACCOUNT, TOKEN, http_client=api),
        callbacks,
        from_number="+15005550006",
        stream_url="wss://care.example.org/media",
    )

    async def scenario():
        task = asyncio.create_task(dialer.dial(request()))
        while not api.requests:
            await asyncio.sleep(0.01)
        if answered_by is not None:
            amd = {"CallSid": SID, "AccountSid": ACCOUNT, "AnsweredBy": answered_by}
            forged = await asyncio.to_thread(post, base + "/twilio/amd", amd, "Zm9yZ2Vk")
            assert forged == 403 and callbacks.answered_by == {}
            signature = validator.compute_signature(callbacks.amd_url, amd)
            assert await asyncio.to_thread(post, base + "/twilio/amd", amd, signature) == 204
        for status in ("in-progress", "completed"):
            params = {"CallSid": SID, "AccountSid": ACCOUNT, "CallStatus": status}
            params["CallDuration"] = "30" if status == "completed" else ""
            signature = validator.compute_signature(callbacks.url, params)
            assert await asyncio.to_thread(post, base + "/twilio/status", params, signature) == 204
        return await asyncio.wait_for(task, 10)

    try:
        result = asyncio.run(scenario())
    finally:
        stop()
    data = api.requests[0]["data"]
    assert data["MachineDetection"] == "DetectMessageEnd"
    assert data["AsyncAmd"] == "true"
    assert data["AsyncAmdStatusCallback"] == "https://care.example.org/twilio/amd"
    assert result.outcome is expected
    assert (machines != []) is (expected is Outcome.VOICEMAIL)


@pytest.mark.integration
def test_simulated_answering_machine_gets_a_voicemail(tmp_path: Path) -> None:
    """The whole line: a flite greeting and a beep over μ-law, Silero VAD, our detector
    (English only: the embedded recognizer, pocketsphinx, has no Korean);
    the agent leaves the scenario's message with the call-back number and no health question."""
    from assembly.config import load_settings
    from assembly.pipeline import Pipeline
    from assembly.voicemail_sim import VoicemailPerson
    from telephony.phone import PhoneOptions, SimulatedPhone
    from telephony.server import CallServer, ServerOptions
    from telephony.session import SessionOptions

    speed, language = 3.0, "en"
    name = "daily_checkin_" + language
    settings = load_settings(output_dir=tmp_path / "out", speed=speed, scenario=name)
    pipeline = Pipeline(settings)
    scenario = pipeline.scenario(name)

    async def call():
        server = CallServer(
            pipeline.agent_factory,
            ServerOptions(
                port=0, session=SessionOptions(speed=speed, recordings_dir=pipeline.calls_dir)
            ),
        )
        await server.start()
        options = PhoneOptions(
            speed=speed,
            max_call_s=90,
            parameters={"recipient": "r1", "name": "Margaret", "scenario": name},
        )
        person = VoicemailPerson(language, 1, "Margaret")
        await SimulatedPhone(person, options).call(f"ws://127.0.0.1:{server.port}/media")
        sessions = await server.wait_for_calls(1, timeout=30)
        await server.stop()
        return sessions[0]

    session = asyncio.run(call())
    folder = pipeline.calls_dir / session.call.call_sid
    report = json.loads((folder / "report.json").read_text())
    meta = json.loads((folder / "call.json").read_text())
    assert report["outcome"] == "voicemail" and meta["answered_by"] == "machine"
    said = [e["text"] for e in report["transcript"] if e["speaker"] == "agent"]
    assert scenario.voicemail.callback_number in said[-1]
    questions = {q for item in scenario.items for q in item.questions}
    assert not any(q.split("{")[0] in s for s in said for q in questions)


def test_voicemail_is_retried_per_policy(tmp_path: Path) -> None:
    from campaign import Campaign, Policy, Recipient, State
    from campaign.runner import Runner
    from campaign.store import open_store
    from carecall.campaign_commands import _persona_problem
    from tests.test_campaign_runner import ScriptedDialer

    people = [Recipient("r0", "A", "+821000000000"), Recipient("r1", "B", "+821000000001")]
    policy = Policy("00:00", "24:00", "Asia/Seoul", 2, 0.05, 2)
    store = open_store(tmp_path / "c.sqlite")
    store.create(Campaign("c", "t", "daily_checkin_en", policy, 0.0), people)
    dialer = ScriptedDialer({"r0": ["voicemail"], "r1": ["voicemail", "voicemail"]})
    asyncio.run(Runner(store, "c", dialer, poll_s=0.02).run())
    rows = {r.recipient.id: (r.state, r.attempts, r.last_outcome) for r in store.recipients("c")}
    assert rows == {
        "r0": (State.COMPLETED, 2, "answered"),
        "r1": (State.GAVE_UP, 2, "voicemail"),
    }
    assert _persona_problem("voicemail") is None and _persona_problem("voicemail:3") is None
    assert _persona_problem("voicemail:x") is not None


class _MisheardPerson:
    """A person who waits for the agent each time but never says who they are in words the
    identity check knows: over 5 s of speech with no identity answer, all of it in turn."""

    SAYS = (
        "Oh my, the weather has been so grey all week, dear.",
        "I feel rather lonely these days, the house is very quiet.",
    )

    def __init__(self) -> None:
        self.turns = 0

    def respond(self, heard):
        from assembly.voicemail_sim import RATE, speak
        from telephony.audio import Audio
        from telephony.phone import Action

        self.turns += 1
        if self.turns > len(self.SAYS):
            return Action(hangup=True)
        text = self.SAYS[self.turns - 1]
        return Action(speech=Audio(speak(text, "en"), RATE), text=text)


@pytest.mark.integration
def test_a_person_who_replies_in_turn_is_not_hung_up_on_as_a_machine(tmp_path: Path) -> None:
    """The whole line: a person whose answers never settle who they are (a misheard "Yes, this
    is Harold", a remark) but who answers after the agent and waits, twice, is a person."""
    from assembly.config import load_settings
    from assembly.pipeline import Pipeline
    from telephony.phone import PhoneOptions, SimulatedPhone
    from telephony.server import CallServer, ServerOptions
    from telephony.session import SessionOptions

    speed, name = 3.0, "daily_checkin_en"
    settings = load_settings(output_dir=tmp_path / "out", speed=speed, scenario=name)
    pipeline = Pipeline(settings)

    async def call():
        server = CallServer(
            pipeline.agent_factory,
            ServerOptions(
                port=0, session=SessionOptions(speed=speed, recordings_dir=pipeline.calls_dir)
            ),
        )
        await server.start()
        options = PhoneOptions(
            speed=speed,
            max_call_s=90,
            parameters={"recipient": "r1", "name": "Harold", "scenario": name},
        )
        await SimulatedPhone(_MisheardPerson(), options).call(f"ws://127.0.0.1:{server.port}/media")
        sessions = await server.wait_for_calls(1, timeout=30)
        await server.stop()
        return sessions[0]

    session = asyncio.run(call())
    folder = pipeline.calls_dir / session.call.call_sid
    report = json.loads((folder / "report.json").read_text())
    meta = json.loads((folder / "call.json").read_text())
    assert meta["answered_by"] == "human", meta["amd"]
    assert "in turn" in meta["amd"] and report["outcome"] != "voicemail"
