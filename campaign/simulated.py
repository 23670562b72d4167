"""The simulated dialer: real simulated calls to our own call server over local websockets.

Each call is a `telephony.phone.SimulatedPhone` speaking for a persona, connected to a call
server's `/media` endpoint exactly as Twilio would. A recipient row may script the first
attempts' outcomes (`simulate: no_answer;busy`): those attempts ring for `ring_s` and end
without connecting, which is how retries are exercised without a real network.

The call server reports which call ended; the dialer tags each call with a unique `attempt`
custom parameter and waits for the server's session carrying it, so the result names the
server's own call folder (report, transcript, recording).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from pathlib import Path

from campaign import (
    DialRequest,
    DialResult,
    Outcome,
    answered_outcome,
    load_report,
    report_summary,
)
from telephony.phone import Person, PhoneOptions, SimulatedPhone

log = logging.getLogger("carecall.campaign.sim")

PersonFactory = Callable[[DialRequest], tuple[Person, str]]  # -> (person, language)


class SimulatedDialer:
    def __init__(
        self,
        server,  # telephony.server.CallServer, started, in this process
        person_factory: PersonFactory,
        calls_dir: Path,
        *,
        speed: float = 1.0,
        ring_s: float = 2.0,
        token: str | None = None,
        max_call_s: float = 600.0,
    ) -> None:
        self.server = server
        self.person_factory = person_factory
        self.calls_dir = Path(calls_dir)
        self.speed = speed
        self.ring_s = ring_s
        self.token = token
        self.max_call_s = max_call_s

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.server.port}/media"

    async def dial(self, request: DialRequest) -> DialResult:
        r = request.recipient
        if request.attempt <= len(r.simulate):
            scripted = Outcome(r.simulate[request.attempt - 1])
            await asyncio.sleep(self.ring_s / self.speed)
            return DialResult(scripted, detail="simulated by the recipients file")
        loop = asyncio.get_running_loop()
        try:
            person, language = await loop.run_in_executor(None, self.person_factory, request)
        except Exception as exc:
            return DialResult(Outcome.FAILED, detail=f"cannot build the simulated person: {exc}")
        key = f"{request.campaign_id}:{r.id}:{request.attempt}"
        options = PhoneOptions(
            speed=self.speed,
            token=self.token,
            max_call_s=self.max_call_s,
            parameters={
                "recipient": r.id,
                "name": r.name,
                "scenario": request.scenario,
                "language": language,
                "campaign": request.campaign_id,
                "attempt": key,
            },
        )
        try:
            phone_result = await SimulatedPhone(person, options).call(self.url)
        except (TimeoutError, OSError) as exc:
            return DialResult(Outcome.FAILED, detail=f"could not connect: {exc}")
        except Exception as exc:  # websockets handshake refusals and the like
            return DialResult(Outcome.FAILED, detail=f"call failed: {exc!r}")
        session = await self._server_session(key)
        if session is None or session.call is None:
            return DialResult(Outcome.FAILED, detail="the server never saw this call")
        sid = session.call.call_sid
        call_dir = self.calls_dir / sid
        report = load_report(call_dir)
        extra = report_summary(report)
        return DialResult(
            answered_outcome(report),  # a machine's call is retried per the policy
            call_sid=sid,
            detail=f"{phone_result.reason}; server: {session.end_reason}",
            report_dir=str(call_dir.resolve()),
            extra=extra,
        )

    async def resume(self, request: DialRequest) -> DialResult | None:
        """An attempt of a runner that died: if its call ended and the server wrote the call's
        record (`call.json` names the attempt), that call counts; None otherwise."""
        key = f"{request.campaign_id}:{request.recipient.id}:{request.attempt}"

        def find() -> DialResult | None:
            for meta in self.calls_dir.glob("*/call.json"):
                try:
                    data = json.loads(meta.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    continue
                if data.get("parameters", {}).get("attempt") != key:
                    continue
                if not (meta.parent / "report.json").exists():
                    return None
                return DialResult(
                    answered_outcome(load_report(meta.parent)),
                    call_sid=data.get("call_sid"),
                    detail=f"recovered after a restart; {data.get('reason', '')}",
                    report_dir=str(meta.parent.resolve()),
                    extra=report_summary(load_report(meta.parent)),
                )
            return None

        return await asyncio.get_running_loop().run_in_executor(None, find)

    async def _server_session(self, key: str, timeout: float = 60.0):
        def find():
            for s in self.server.finished:
                if s.call is not None and s.call.parameters.get("attempt") == key:
                    return s
            return None

        async def wait():
            async with self.server.call_ended:
                await self.server.call_ended.wait_for(lambda: find() is not None)
            return find()

        try:
            return await asyncio.wait_for(wait(), timeout)
        except TimeoutError:
            return None
