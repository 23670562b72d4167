"""The softphone's server side (`telephony.softphone`) on a real call server on 127.0.0.1 with a
scripted agent: who gets the page, what the page is made of, and the per-call event channel
(only the page that placed a call hears about it). The browser itself: test_softphone_chromium.py.
"""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import httpx
import pytest
from line_kit import SPEED, ScriptedPerson, start_server
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from telephony.phone import PhoneOptions, SimulatedPhone
from telephony.softphone import add_softphone
from telephony.softphone import routes as phone_routes
from telephony.softphone.events import WATCH_PARAMETER, WatchedAgent, Watchers, report_state

pytestmark = pytest.mark.integration
TOKEN = "a-shared-token-for-the-softphone"


def run(coro):
    return asyncio.run(coro)


async def served(tmp_path: Path, token: str | None = TOKEN, **options):
    server, factory = await start_server(tmp_path, token=token, **options)
    route = add_softphone(server)
    return server, factory, route, f"127.0.0.1:{server.port}"


async def get(url: str, **kwargs) -> httpx.Response:
    async with httpx.AsyncClient() as client:
        return await client.get(url, **kwargs)


def test_the_page_needs_the_servers_token(tmp_path: Path) -> None:
    async def scenario():
        server, _, route, host = await served(tmp_path)
        try:
            missing = await get(f"http://{host}/phone")
            wrong = await get(f"http://{host}/phone?token=not-it")
            wrong_header = await get(f"http://{host}/phone", headers={"X-Carecall-Token": "x"})
            by_query = await get(f"http://{host}/phone?token={TOKEN}")
            by_header = await get(f"http://{host}/phone", headers={"X-Carecall-Token": TOKEN})
            by_bearer = await get(
                f"http://{host}/phone", headers={"Authorization": f"Bearer {TOKEN}"}
            )
        finally:
            await server.stop()
        return missing, wrong, wrong_header, by_query, by_header, by_bearer, route.refused

    missing, wrong, wrong_header, by_query, by_header, by_bearer, refused = run(scenario())
    assert missing.status_code == 401 and "token" in missing.text
    assert wrong.status_code == 403 and wrong_header.status_code == 403
    for refusal in (missing, wrong, wrong_header):
        assert "<html" not in refusal.text and TOKEN not in refusal.text
    assert refused == 3
    for page in (by_query, by_header, by_bearer):
        assert page.status_code == 200
        assert page.headers["Content-Type"].startswith("text/html")
        # the page knows the token for its websockets, however it was given
        assert f'<meta name="carecall-token" content="{TOKEN}">' in page.text
        assert page.headers["Cache-Control"] == "no-store"
        assert page.headers["Referrer-Policy"] == "no-referrer"


def test_no_softphone_without_a_shared_token_or_on_a_twilio_only_server(tmp_path: Path) -> None:
    async def scenario():
        first, _, _, host = await served(tmp_path / "a", token=None)
        try:
            no_token = await get(f"http://{host}/phone?token=anything")
        finally:
            await first.stop()
        second, _, _, host = await served(tmp_path / "b", twilio_auth_token="twilio-secret")
        try:
            twilio = await get(f"http://{host}/phone?token={TOKEN}")
        finally:
            await second.stop()
        return no_token, twilio

    no_token, twilio = run(scenario())
    assert no_token.status_code == 403 and "--token" in no_token.text
    assert twilio.status_code == 403 and "Twilio" in twilio.text


def test_the_page_is_its_package_files_under_a_strict_csp(tmp_path: Path) -> None:
    async def scenario():
        server, _, _, host = await served(tmp_path)
        try:
            page = await get(f"http://{host}/phone?token={TOKEN}")
            refs = re.findall(r'(?:src|href)="([^"]+)"', page.text)
            assets = {ref: await get(f"http://{host}{ref}") for ref in refs}
            for name in phone_routes.ASSETS:  # the modules the scripts import, too
                assets[name] = await get(f"http://{host}/phone/static/{name}")
            bad = {
                path: (await get(f"http://{host}{path}")).status_code
                for path in (
                    "/phone/static/nope.js",
                    "/phone/static/../routes.py",
                    "/phone/static/%2e%2e/routes.py",
                    "/phone/static/",
                    "/phone/elsewhere",
                    "/phones",
                )
            }
        finally:
            await server.stop()
        return page, refs, assets, bad

    page, refs, assets, bad = run(scenario())
    csp = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp
    assert "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    # no inline script or style, no handler attributes, nothing from another origin
    assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", page.text)
    assert "<style" not in page.text and not re.search(r"\son[a-z]+=", page.text)
    assert all(ref.startswith("/phone/static/") for ref in refs) and len(refs) >= 3
    for name, response in assets.items():
        assert response.status_code == 200, name
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        suffix = name.rpartition(".")[2]
        kind = {"js": "text/javascript", "css": "text/css", "svg": "image/svg+xml"}[suffix]
        assert response.headers["Content-Type"].startswith(kind), name
    # every module a script imports is served
    for response in assets.values():
        for imported in re.findall(r'from "\./([^"]+)"', response.text):
            assert imported in phone_routes.ASSETS
    assert set(bad.values()) == {404}, bad


def test_the_event_socket_needs_the_token_and_a_websocket(tmp_path: Path) -> None:
    async def scenario():
        server, _, _, host = await served(tmp_path)
        try:
            with pytest.raises(InvalidStatus) as refused:
                async with connect(f"ws://{host}/phone/events"):
                    pass
            plain = await get(f"http://{host}/phone/events?token={TOKEN}")
            async with connect(f"ws://{host}/phone/events?token={TOKEN}") as ws:
                first = json.loads(await ws.recv())
        finally:
            await server.stop()
        return refused.value.response.status_code, plain.status_code, first

    refused, plain, first = run(scenario())
    assert refused == 401 and plain == 426
    assert first["event"] == "watch" and re.fullmatch(r"[0-9a-f]{32}", first["key"])


def call_with(host: str, parameters: dict[str, str]):
    person = ScriptedPerson(["Yes, I had toast.", "I slept well.", "Yes, I took it."])
    options = PhoneOptions(speed=SPEED, token=TOKEN, parameters=parameters)
    return SimulatedPhone(person, options).call(f"ws://{host}/media")


def test_a_watched_call_tells_its_page_what_was_heard_said_and_how_it_ended(tmp_path) -> None:
    async def scenario():
        server, factory, _, host = await served(tmp_path)
        try:
            async with connect(f"ws://{host}/phone/events?token={TOKEN}") as ws:
                key = json.loads(await ws.recv())["key"]
                other = asyncio.create_task(call_with(host, {"recipient": "someone"}))
                result = await call_with(host, {"recipient": "r1", WATCH_PARAMETER: key})
                events = [json.loads(m) async for m in ws]  # closed after "ended"
                await other
                await server.wait_for_calls(2, timeout=30)
        finally:
            await server.stop()
        return result, events, factory.agents

    result, events, agents = run(scenario())
    assert result.reason in ("server hung up", "completed")
    assert events[0]["event"] == "call" and events[-1]["event"] == "ended"
    [watched] = [a for a in agents if a.call.parameters.get("recipient") == "r1"]
    assert events[0]["callSid"] == watched.call.call_sid
    assert events[-1]["reason"] == watched.finished[0]
    # the key is the page's, not the call's: it reaches no agent, no file
    assert all(WATCH_PARAMETER not in a.call.parameters for a in agents)
    saying = [e["saying"] for e in events if e.get("saying")]
    assert saying[0].startswith("Hello, this is the care call")
    assert "How did you sleep last night?" in saying and "Thank you. Goodbye." in saying
    heard = [t["text"] for t in events[-1]["transcript"] if t["speaker"] == "person"]
    assert events[-1]["transcript"][0]["speaker"] == "agent" and len(heard) == 0  # no ASR here
    # only the watched call's events came: one "call", one "ended"
    assert [e["event"] for e in events].count("call") == 1
    assert [e["event"] for e in events].count("ended") == 1


def test_a_call_naming_an_unknown_key_goes_on_unwatched(tmp_path: Path) -> None:
    async def scenario():
        server, factory, route, host = await served(tmp_path)
        try:
            result = await call_with(host, {"recipient": "r2", WATCH_PARAMETER: "f" * 32})
            await server.wait_for_calls(1, timeout=30)
        finally:
            await server.stop()
        return result, factory.agents, len(route.watchers)

    result, agents, open_watchers = run(scenario())
    assert result.reason in ("server hung up", "completed")
    [agent] = agents
    assert agent.finished is not None and WATCH_PARAMETER not in agent.call.parameters
    assert not isinstance(agent, WatchedAgent) and open_watchers == 0


def test_an_event_socket_no_call_names_is_closed(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(phone_routes, "ATTACH_TIMEOUT_S", 0.5)

    async def scenario():
        server, _, route, host = await served(tmp_path)
        try:
            async with connect(f"ws://{host}/phone/events?token={TOKEN}") as ws:
                await ws.recv()
                async with asyncio.timeout(5):
                    async for _ in ws:
                        pass
                code = ws.close_code
            await asyncio.sleep(0.1)
        finally:
            await server.stop()
        return code, len(route.watchers)

    code, open_watchers = run(scenario())
    assert code == 1000 and open_watchers == 0


def test_events_come_from_the_agents_report_when_it_has_an_engine() -> None:
    from dialogue.engine import DialogueEngine, Recipient
    from dialogue.scenario import load_scenario
    from scenarios import scenario_path

    class EngineAgent:
        def __init__(self) -> None:
            self.engine = DialogueEngine(
                load_scenario(scenario_path("daily_checkin_en")), recipient=Recipient("r", "Ann")
            )

        def opening(self):
            from telephony import Reply

            turn = self.engine.opening()
            self.engine.heard(turn, turn.text, True)
            return Reply(user_text=None)

        def finish(self, reason, recording):
            pass

    sent: list[dict] = []
    agent = WatchedAgent(EngineAgent(), sent.append)
    agent.opening()
    agent._agent.engine.reply("yes it is me")
    agent._agent.engine.reply("I had rice and soup")
    agent.finish("hung_up", None)
    final = sent[-1]
    assert final["event"] == "ended" and final["reason"] == "hung_up"
    meal = next(i for i in final["items"] if i["id"] == "meal")
    assert meal["status"] == "answered" and meal["answer"] == "ate"
    assert final["transcript"][0]["speaker"] == "agent"
    assert report_state({"transcript": [], "items": [], "alerts": []})["items"] == []


def test_watchers_never_use_a_page_value_as_more_than_a_key() -> None:
    watchers = Watchers()
    for bad in (None, 3, ["x"], "../../etc/passwd", "", "0" * 10_000):
        assert watchers.publisher(bad) is None
