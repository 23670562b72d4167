"""The do-not-call list: an opt-out said on one campaign's call is honoured by the next one."""

from __future__ import annotations

import asyncio
from pathlib import Path

from campaign import Campaign, DialRequest, DialResult, Outcome, Policy, Recipient, State
from campaign.export import export_rows
from campaign.runner import Runner
from campaign.store import open_store
from dialogue import DialogueEngine, load_scenario
from dialogue import Recipient as Person

ALWAYS = Policy("00:00", "24:00", "Asia/Seoul", 3, 0.05, 2)
WANTS_OUT = {"+821000000001"}  # this person asks not to be called again on every call


class TextDialer:
    """Each call is a real conversation with the dialogue engine, in text; the report is
    written where a call server would write it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.calls: list[tuple[str, str]] = []

    async def dial(self, request: DialRequest) -> DialResult:
        r = request.recipient
        self.calls.append((request.campaign_id, r.phone))
        scenario = load_scenario(request.scenario)
        engine = DialogueEngine(scenario, recipient=Person(r.id, r.name), clock=lambda: 1e9)
        engine.opening()
        engine.reply("Yes, speaking.")
        if r.phone in WANTS_OUT:
            engine.reply("Please don't call me again.")
            engine.reply("Yes.")
        else:
            for _ in range(20):
                if engine.reply("I'm fine, thank you.").end_call:
                    break
        folder = self.root / f"{request.campaign_id}-{r.id}"
        folder.mkdir(parents=True)
        (folder / "report.json").write_text(engine.report().model_dump_json(), encoding="utf-8")
        return DialResult(Outcome.ANSWERED, call_sid=f"CA{r.id}", report_dir=str(folder))


def people() -> list[Recipient]:
    return [Recipient(f"r{i}", f"P{i}", f"+82100000000{i}") for i in range(3)]


def test_opt_out_honoured_across_two_campaigns(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.sqlite")
    dialer = TextDialer(tmp_path / "calls")
    store.create(Campaign("first", "t", "daily_checkin_en", ALWAYS, 0.0), people())
    asyncio.run(Runner(store, "first", dialer, poll_s=0.02).run())
    assert [e.phone for e in store.do_not_call()] == ["+821000000001"]
    assert store.do_not_call()[0].source == "call first/r1"
    assert {r.recipient.id: r.state for r in store.recipients("first")} == {
        "r0": State.COMPLETED,
        "r1": State.COMPLETED,  # the call itself was answered and reported
        "r2": State.COMPLETED,
    }

    store.create(Campaign("second", "t", "daily_checkin_ko", ALWAYS, 1.0), people())
    summary = asyncio.run(Runner(store, "second", dialer, poll_s=0.02).run())
    second = {r.recipient.id: r for r in store.recipients("second")}
    assert second["r1"].state is State.OPTED_OUT and second["r1"].attempts == 0
    assert ("second", "+821000000001") not in dialer.calls
    assert {("second", "+821000000000"), ("second", "+821000000002")} <= set(dialer.calls)
    assert summary.opted_out == 1
    rows = {row["id"]: row for row in export_rows(store, "second")}
    assert rows["r1"]["state"] == "opted_out"


def test_opt_in_lets_the_next_campaign_call_again(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.sqlite")
    assert store.opt_out("+821000000002", 5.0, "cli")
    assert not store.opt_out("+821000000002", 6.0, "cli")  # once on the list
    assert store.opt_in("+821000000002") and not store.opted_out("+821000000002")
    store.create(Campaign("c", "t", "daily_checkin_en", ALWAYS, 0.0), people()[2:])
    dialer = TextDialer(tmp_path / "calls")
    asyncio.run(Runner(store, "c", dialer, poll_s=0.02).run())
    assert dialer.calls == [("c", "+821000000002")]


def test_cli_optout_optin_list(tmp_path: Path, capsys) -> None:
    from carecall.cli import main

    db = str(tmp_path / "c.sqlite")
    assert main(["recipients", "optout", "+82 10-1234-5678", "--db", db]) == 0
    assert main(["recipients", "list", "--db", db]) == 0
    assert "+821012345678" in capsys.readouterr().out
    assert open_store(db).opted_out("+821012345678")
    assert main(["recipients", "optin", "+821012345678", "--db", db]) == 0
    assert not open_store(db).opted_out("+821012345678")
    assert main(["recipients", "optout", "not-a-number", "--db", db]) == 2
