"""Who a browser call is with: the person id typed on the page, checked as data, or a new id
for each call (`telephony.softphone.events.page_recipient`), so that two browser calls never
share one memory unless the person asks for it. Calls that are not the page's keep theirs."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from line_kit import SPEED, ScriptedPerson, start_server
from websockets.asyncio.client import connect

from telephony.phone import Action, PhoneOptions, SimulatedPhone
from telephony.softphone import add_softphone
from telephony.softphone.events import (
    FRESH_PREFIX,
    RECIPIENT_ID,
    WATCH_PARAMETER,
    BadRecipient,
    page_recipient,
)

TOKEN = "a-shared-token-for-the-softphone"
BAD = ["../etc/passwd", "a/b", "/abs", ".hidden", "-x", "x" * 65, "ann lee", "앤", "a\nb", "a;b"]


def test_nothing_chosen_is_a_new_id_each_time_and_a_chosen_id_is_kept() -> None:
    fresh = [page_recipient(v) for v in (None, "", "   ", None)]
    assert len(set(fresh)) == len(fresh)
    assert all(RECIPIENT_ID.fullmatch(r) and r.startswith(FRESH_PREFIX) for r in fresh)
    for chosen in ("margaret", "r-17", "ann.lee_2", "A" * 64, "7"):
        assert page_recipient(chosen) == chosen


@pytest.mark.parametrize("bad", BAD)
def test_an_id_of_another_shape_is_refused_and_named(bad: str) -> None:
    with pytest.raises(BadRecipient, match="is not a recipient id") as refused:
        page_recipient(bad)
    assert repr(bad[:40])[:-1] in str(refused.value)  # what was wrong, as data (repr)
    assert isinstance(refused.value, LookupError)  # a call server ends the call as bad input


def _call(host: str, parameters: dict[str, str]):
    # one answer, then the person hangs up: who the call is with is settled at its start, so
    # the agent's two other questions would only make the six calls longer
    person = ScriptedPerson(["Yes, I had toast.", Action(hangup=True)])
    options = PhoneOptions(speed=SPEED, token=TOKEN, parameters=parameters)
    return SimulatedPhone(person, options).call(f"ws://{host}/media")


async def _page_call(host: str, parameters: dict[str, str]) -> list[dict]:
    """A call as the page places it: its event socket first, the key in the call's start."""
    async with connect(f"ws://{host}/phone/events?token={TOKEN}") as ws:
        key = json.loads(await ws.recv())["key"]
        await _call(host, {**parameters, WATCH_PARAMETER: key})
        async with asyncio.timeout(30):
            return [json.loads(m) async for m in ws]  # closed after "ended" or "refused"


@pytest.mark.integration
def test_browser_calls_get_their_own_recipient_and_others_keep_theirs(tmp_path: Path) -> None:
    async def scenario():
        server, factory = await start_server(tmp_path, token=TOKEN)
        add_softphone(server)
        host = f"127.0.0.1:{server.port}"
        try:
            first = await _page_call(host, {"name": "Ann"})
            second = await _page_call(host, {"name": "Ann", "recipient": ""})
            chosen = await _page_call(host, {"recipient": "ann.lee_2"})
            refused = await _page_call(host, {"recipient": "../memory"})
            await _call(host, {"recipient": "someone"})  # a simulated phone: not the page's
            await _call(host, {})
            sessions = await server.wait_for_calls(6, timeout=30)
        finally:
            await server.stop()
        return (first, second, chosen, refused), factory.agents, sessions

    events, agents, sessions = asyncio.run(scenario())
    first, second, chosen, refused = events
    ids = [e[0]["recipient"] for e in (first, second, chosen)]
    assert [e[0]["event"] for e in (first, second, chosen)] == ["call"] * 3
    assert ids[0] != ids[1] and all(i.startswith(FRESH_PREFIX) for i in ids[:2])
    assert ids[2] == "ann.lee_2"
    # the agents were built for those recipients; the refused call built none
    got = [a.call.parameters.get("recipient") for a in agents]
    assert got == [*ids, "someone", None]
    assert [e["event"] for e in refused] == ["refused"]
    assert "'../memory' is not a recipient id" in refused[0]["reason"]
    [ended] = [s for s in sessions if "recipient" in s.end_reason]
    assert ended.end_reason.startswith("error:") and "'../memory'" in ended.end_reason
