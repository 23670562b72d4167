"""Scale-out: a dialer that hands each call to a Celery worker (Redis broker) and awaits it.

The campaign runner stays the one coordinator of the database (claims, leases, attempts); the
workers only place calls, each with its own call server, on as many machines as needed. Tasks
are acknowledged on receipt (Celery's default, `acks_late` off): a worker that dies mid-call
loses that call rather than having it redelivered and placed twice — the runner records it as
failed (or its lease runs out and it is recovered as interrupted), and the retry policy decides.
"""

from __future__ import annotations

import asyncio
import dataclasses

from campaign import DialRequest, DialResult, Outcome, Recipient

TASK_NAME = "carecall.campaign.dial"


def request_to_dict(request: DialRequest) -> dict:
    data = dataclasses.asdict(dataclasses.replace(request, placed=None))
    data.pop("placed")
    data["recipient"]["simulate"] = list(request.recipient.simulate)
    return data


def request_from_dict(data: dict) -> DialRequest:
    r = dict(data["recipient"])
    r["simulate"] = tuple(r.get("simulate") or ())
    return DialRequest(
        campaign_id=data["campaign_id"],
        recipient=Recipient(**r),
        scenario=data["scenario"],
        attempt=int(data["attempt"]),
        call_sid=data.get("call_sid"),
    )


def result_to_dict(result: DialResult) -> dict:
    return {**dataclasses.asdict(result), "outcome": result.outcome.value}


def result_from_dict(data: dict) -> DialResult:
    return DialResult(
        outcome=Outcome(data["outcome"]),
        call_sid=data.get("call_sid"),
        detail=data.get("detail", ""),
        report_dir=data.get("report_dir"),
        extra=data.get("extra") or {},
    )


def make_app(broker_url: str, backend_url: str | None = None):
    """The Celery app shared by the runner (client) and the workers."""
    from celery import Celery

    app = Celery("carecall", broker=broker_url, backend=backend_url or broker_url)
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        task_acks_late=False,  # at most once: a call is never placed twice by redelivery
        task_track_started=True,  # a restarted runner can tell a running call from a queued one
        worker_prefetch_multiplier=1,  # a busy worker does not hoard calls
        broker_connection_retry_on_startup=True,
        result_expires=24 * 3600,
    )
    return app


class CeleryDialer:
    def __init__(self, app, *, queue: str = "carecall-calls", timeout_s: float = 1800.0) -> None:
        self.app = app
        self.queue = queue
        self.timeout_s = timeout_s

    async def dial(self, request: DialRequest) -> DialResult:
        loop = asyncio.get_running_loop()
        async_result = await loop.run_in_executor(
            None,
            lambda: self.app.send_task(
                TASK_NAME,
                args=[request_to_dict(request)],
                queue=self.queue,
                task_id=task_id(request),
            ),
        )
        try:
            data = await loop.run_in_executor(
                None, lambda: async_result.get(timeout=self.timeout_s, propagate=True)
            )
        except Exception as exc:  # the worker raised, died, or never answered
            return DialResult(Outcome.FAILED, detail=f"worker: {exc!r}"[:500])
        return result_from_dict(data)

    async def resume(self, request: DialRequest) -> DialResult | None:
        """A dead runner's attempt: its worker may still be calling, or may have finished.
        Finished: its result. Running: wait for it. Still queued: revoke it (it must not ring
        after the attempt was given up on) and report nothing known."""
        loop = asyncio.get_running_loop()
        async_result = self.app.AsyncResult(task_id(request))
        state = await loop.run_in_executor(None, lambda: async_result.state)
        if state == "PENDING":
            await loop.run_in_executor(None, lambda: async_result.revoke())
            return None
        try:
            data = await loop.run_in_executor(
                None, lambda: async_result.get(timeout=self.timeout_s, propagate=True)
            )
        except Exception as exc:
            return DialResult(Outcome.FAILED, detail=f"worker: {exc!r}"[:500])
        return result_from_dict(data)


def task_id(request: DialRequest) -> str:
    """One task per attempt, named so that a restarted runner can find it again."""
    return f"{request.campaign_id}:{request.recipient.id}:{request.attempt}"
