"""The call server against a hostile caller (P1): each attack as it was tried, on a real server
on 127.0.0.1 with a scripted agent and real Silero VAD. Before the fixes, a `callSid` of
`../../x` wrote the call's files outside the output folder, sockets that never started a call
stayed open for ever and counted against the call limit, a started call with no audio never
ended, every bad message was a log line, and a token could only travel in a query string."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import stat
from pathlib import Path

import numpy as np
import pytest
from line_kit import SPEED, Factory, ScriptedPerson, start_server
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from telephony.auth import CallTokens, Gate, Handshake, TokenError, is_loopback
from telephony.files import CALL_SID, OutsideFolder, inside
from telephony.g711 import float_to_pcm16, ulaw_encode
from telephony.limits import ConnectionLimits, LimitOptions, Log
from telephony.phone import PhoneOptions, SimulatedPhone
from telephony.server import CallServer, InsecureServer, ServerOptions
from telephony.session import SessionOptions

pytestmark = pytest.mark.integration

SECRET = "a-call-secret-for-these-tests-0123456789"
SILENCE = ulaw_encode(float_to_pcm16(np.zeros(160, np.float32)))


def start(call_sid: str = "CA" + "ab" * 16, **params: str) -> str:
    return json.dumps(
        {
            "event": "start",
            "streamSid": "MZ1",
            "start": {
                "streamSid": "MZ1",
                "callSid": call_sid,
                "accountSid": "AC1",
                "tracks": ["inbound"],
                "customParameters": params,
                "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1},
            },
        }
    )


def media(n: int = 1) -> list[str]:
    payload = base64.b64encode(SILENCE).decode()
    return [json.dumps({"event": "media", "streamSid": "MZ1", "media": {"payload": payload}})] * n


STOP = json.dumps({"event": "stop", "streamSid": "MZ1", "stop": {"callSid": "x"}})


async def short_call(url: str, first: str, *, frames: int = 25) -> None:
    async with connect(url) as ws:
        try:  # a refused call is closed by the server at once
            await ws.send(first)
            for message in media(frames):
                await ws.send(message)
                await asyncio.sleep(0.02 / SPEED)
            await ws.send(STOP)
            async for _ in ws:
                pass
        except ConnectionClosed:
            pass


async def closed_within(ws, seconds: float) -> bool:
    """True when the server closes `ws` within `seconds`."""
    try:
        async with asyncio.timeout(seconds):
            async for _ in ws:
                pass
    except TimeoutError:
        return False
    except ConnectionClosed:
        pass
    return True


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")} if folder.exists() else set()


# ---- nothing from the wire is a path ---------------------------------------------------------


@pytest.mark.parametrize("evil", ["../../x", "/ABS/x", "..", "CA../../../x", "CA" + "A" * 32])
def test_a_call_sid_from_the_wire_never_names_a_folder(tmp_path, evil):
    evil = evil.replace("/ABS", str(tmp_path / "abs"))
    calls = tmp_path / "out" / "calls"

    async def scenario():
        server, factory = await start_server(tmp_path / "out")
        await short_call(f"ws://127.0.0.1:{server.port}/media", start(evil, recipient="r1"))
        [session] = await server.wait_for_calls(1, timeout=30)
        await server.stop()
        return session, factory

    session, factory = asyncio.run(scenario())
    # Everything the call wrote is inside the calls folder, under an id the server made.
    outside = files_under(tmp_path) - files_under(tmp_path / "out") - {tmp_path / "out"}
    assert outside == set() and not (tmp_path / "x").exists()
    assert CALL_SID.fullmatch(session.call.call_sid) and session.given_call_sid == evil[:80]
    assert factory.agents[0].call.call_sid == session.call.call_sid
    assert session.recording == calls / session.call.call_sid / "recording.wav"
    # A person's voice: owner-only file in an owner-only folder.
    assert stat.S_IMODE(session.recording.stat().st_mode) == 0o600
    assert stat.S_IMODE(session.recording.parent.stat().st_mode) == 0o700


def test_inside_refuses_every_way_out(tmp_path):
    (tmp_path / "calls").mkdir()
    (tmp_path / "calls" / "link").symlink_to(tmp_path)
    assert inside(tmp_path / "calls", "CA1", "report.json").parent.name == "CA1"
    for parts in [("..",), ("../x",), ("/etc",), ("a/b",), ("",), ("x\0y",), ("link", "x")]:
        with pytest.raises(OutsideFolder):
            inside(tmp_path / "calls", *parts)


# ---- authentication that Twilio can use ------------------------------------------------------


def test_call_tokens_are_signed_expiring_single_use_and_name_their_call():
    tokens = CallTokens(SECRET)
    token = tokens.issue("r1", "daily_checkin_en", ttl_s=60)
    claims = tokens.verify(token)
    assert (claims.recipient, claims.scenario) == ("r1", "daily_checkin_en")
    with pytest.raises(TokenError, match="signature"):
        CallTokens("another-secret-of-16-bytes-or-more").verify(token)
    body = token.split(".")
    forged = ".".join([body[0], body[1][:-2] + "AA", body[2]])
    with pytest.raises(TokenError):
        tokens.verify(forged)
    with pytest.raises(TokenError, match="expired"):
        tokens.verify(tokens.issue("r1", ttl_s=-1))
    tokens.verify(token, consume=True)
    with pytest.raises(TokenError, match="already used"):
        tokens.verify(token)
    for junk in ["", "cc1", "cc1.x.y", "x" * 5000, "cc1..", "a.b.c"]:
        with pytest.raises(TokenError):
            tokens.verify(junk)


def test_gate_policy_without_sockets():
    gate = Gate(tokens=CallTokens(SECRET))
    assert gate.handshake("/elsewhere", {})[0] == 404
    assert gate.handshake("/media/a/b", {})[0] == 404
    assert gate.handshake("/media/not-a-token", {})[0] == 401
    pending = gate.handshake("/media", {})
    assert isinstance(pending, Handshake)
    with pytest.raises(TokenError, match="missing"):
        gate.start(pending, {"recipient": "r1"})
    token = gate.tokens.issue("r7", "daily_checkin_en")
    with pytest.raises(TokenError, match="differs"):
        gate.start(Handshake(), {"token": token, "recipient": "someone-else"})
    params = gate.start(Handshake(), {"token": token, "name": "M"})
    assert params == {"recipient": "r7", "scenario": "daily_checkin_en", "name": "M"}
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("example.org")


def test_a_call_token_in_the_path_or_as_a_parameter_opens_one_call_and_only_one(tmp_path):
    tokens = CallTokens(SECRET)

    async def scenario():
        server, factory = await start_server(tmp_path, call_secret=SECRET)
        base = f"ws://127.0.0.1:{server.port}/media"
        # 1. no token at all: the handshake is let through (Twilio's token comes in `start`),
        #    but the call is refused before any audio: no agent, no file.
        await short_call(base, start(recipient="r1"))
        # 2. a token as <Parameter name="token">: the call runs, as the token's recipient.
        given = tokens.issue("r2", "daily_checkin_en")
        await short_call(base, start(recipient="", token=given))
        # 3. the same token again: refused.
        await short_call(base, start(token=given))
        # 4. a token in the URL path.
        await short_call(f"{base}/{tokens.issue('r4')}", start(recipient="r4"))
        # 5. a forged path token: refused at the handshake (401).
        with pytest.raises(InvalidStatus) as refused:
            await short_call(f"{base}/cc1.e30.AAAA", start())
        sessions = await server.wait_for_calls(4, timeout=30)
        await server.stop()
        return sessions, factory, refused.value.response.status_code

    sessions, factory, status = asyncio.run(scenario())
    assert status == 401
    reasons = sorted(s.end_reason for s in sessions)
    assert reasons.count("hung_up") == 2
    assert [r for r in reasons if r.startswith("refused")] == [
        "refused: missing call token",
        "refused: token already used",
    ]
    assert [a.call.parameters["recipient"] for a in factory.agents] == ["r2", "r4"]
    assert "token" not in factory.agents[0].call.parameters
    # Refused calls left nothing on disk: only the two real calls have folders.
    assert len(list((tmp_path / "calls").iterdir())) == 2


def test_a_server_facing_a_network_needs_authentication(tmp_path):
    async def listen(**options):
        server = CallServer(Factory(), ServerOptions(host="0.0.0.0", port=0, **options))
        await server.start()
        await server.stop()

    with pytest.raises(InsecureServer, match="not a loopback address"):
        asyncio.run(listen())
    asyncio.run(listen(call_secret=SECRET))  # authenticated: allowed


def test_carecall_serve_refuses_a_public_address_without_authentication(capsys, monkeypatch):
    from carecall.cli import main

    for var in ("CARECALL_TOKEN", "CARECALL_CALL_SECRET", "CARECALL_TWILIO_AUTH_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    assert main(["serve", "--host", "0.0.0.0", "--port", "0"]) == 2
    assert "no authentication is configured" in capsys.readouterr().err


# ---- resource limits -------------------------------------------------------------------------


def test_idle_sockets_are_closed_and_never_crowd_out_a_call(tmp_path):
    """200 sockets that never send `start` (the limit on calls is 5): a real call still goes
    through while they are open, and every idle one is closed after the start timeout."""

    async def scenario():
        server, factory = await start_server(
            tmp_path,
            max_calls=5,
            session=SessionOptions(
                speed=SPEED,
                recordings_dir=tmp_path / "calls",
                limits=LimitOptions(start_timeout_s=2.0),
            ),
        )
        url = f"ws://127.0.0.1:{server.port}/media"
        idle = [await connect(url) for _ in range(200)]
        person = ScriptedPerson(["I slept well.", "Yes I did.", "Nothing else."])
        phone = SimulatedPhone(person, PhoneOptions(speed=SPEED, max_call_s=60))
        result = await phone.call(url)
        closed = await asyncio.gather(*(closed_within(ws, 15) for ws in idle))
        sessions = await server.wait_for_calls(201, timeout=30)
        await server.stop()
        return result, closed, sessions, factory

    result, closed, sessions, factory = asyncio.run(scenario())
    assert result.reason == "server hung up" and len(factory.agents) == 1
    assert all(closed)
    assert sorted({s.end_reason for s in sessions}) == ["completed", "no_start"]


def test_a_started_call_that_sends_no_audio_ends_with_its_report(tmp_path):
    async def scenario():
        server, factory = await start_server(
            tmp_path,
            session=SessionOptions(
                speed=SPEED,
                recordings_dir=tmp_path / "calls",
                limits=LimitOptions(media_timeout_s=1.5),
            ),
        )
        async with connect(f"ws://127.0.0.1:{server.port}/media") as ws:
            await ws.send(start(recipient="r1"))
            ended = await closed_within(ws, 15)
        [session] = await server.wait_for_calls(1, timeout=30)
        await server.stop()
        return ended, session, factory

    ended, session, factory = asyncio.run(scenario())
    assert ended and session.end_reason == "no_media"
    assert factory.agents[0].finished[0] == "no_media"  # the report is written


def test_a_flood_of_bad_messages_gives_a_few_log_lines(tmp_path, caplog):
    async def scenario():
        server, _ = await start_server(tmp_path)
        async with connect(f"ws://127.0.0.1:{server.port}/media") as ws:
            await ws.send(start(recipient="r1"))
            for i in range(3000):
                await ws.send(f'{{"event": "nonsense{i}"}}' if i % 2 else "not json")
            await ws.send(STOP)
            await closed_within(ws, 15)
        [session] = await server.wait_for_calls(1, timeout=30)
        await server.stop()
        return session

    with caplog.at_level(logging.INFO, logger="carecall"):
        session = asyncio.run(scenario())
    assert session.bad_inputs == 3000
    lines = [r for r in caplog.records if "bad" in r.getMessage()]
    assert 1 <= len(lines) <= 12, [r.getMessage() for r in lines]
    assert any("3000 bad messages in all" in r.getMessage() for r in lines)


def test_names_never_reach_the_log(tmp_path, caplog):
    async def scenario():
        server, _ = await start_server(tmp_path)
        params = {"recipient": "r1", "name": "Margaret Whitfield", "phone": "+82 10-1234-5678"}
        await short_call(f"ws://127.0.0.1:{server.port}/media", start(**params))
        await server.wait_for_calls(1, timeout=30)
        await server.stop()

    with caplog.at_level(logging.DEBUG):
        asyncio.run(scenario())
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "r1" in text  # the id is logged ...
    assert "Whitfield" not in text and "1234" not in text  # ... the name and number never


def test_drain_ends_calls_in_progress_with_their_reports(tmp_path):
    async def scenario():
        server, factory = await start_server(tmp_path)
        async with connect(f"ws://127.0.0.1:{server.port}/media") as ws:
            await ws.send(start(recipient="r1"))
            for message in media(10):
                await ws.send(message)
            while not factory.agents:
                await asyncio.sleep(0.01)
            ended = await server.drain(timeout=20)
            closed = await closed_within(ws, 10)
        return ended, closed, factory

    ended, closed, factory = asyncio.run(scenario())
    assert ended == 1 and closed
    assert factory.agents[0].finished[0] == "server_shutdown"


def test_connection_limits_without_sockets():
    limits = ConnectionLimits(LimitOptions(start_timeout_s=10, media_timeout_s=30), now=0.0)
    assert limits.expired(9.9) is None and limits.expired(10.0) == "no_start"
    limits.on_start(5.0)
    assert limits.expired(34.9) is None and limits.expired(35.0) == "no_media"
    limits.on_media(40.0)
    assert limits.expired(60.0) is None and limits.expired(1800.0) == "time_limit"
    kinds = [limits.on_bad_input(100.0 + i * 0.001) for i in range(10_000)]
    assert kinds[:5] == [Log.FULL] * 5 and kinds.count(Log.SUMMARY) == 1
    assert limits.too_many_bad and limits.unlogged
