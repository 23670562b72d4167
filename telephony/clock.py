"""The frame clock that every call on one event loop shares.

Pacing each call with its own `asyncio.sleep` per 20 ms frame makes the loop wake once per
frame per call (5,000 times a second at 100 calls), at scattered moments. One shared tick per
frame period serves every call: the loop wakes 50 times a second, whatever the number of
calls. Calls that can write without waiting `subscribe`: their frames are written from the
tick's own callback, before the loop turns to the inbound audio that arrived meanwhile, so a
busy moment delays no outgoing frame behind a queue of incoming ones. Others await `tick()`.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Callable

log = logging.getLogger("carecall.clock")


class LineClock:
    def __init__(self, interval_s: float = 0.02, phase_s: float = 0.0) -> None:
        if interval_s <= 0:
            raise ValueError(f"interval_s must be positive, got {interval_s}")
        self.interval_s = interval_s
        self.phase_s = phase_s % interval_s  # ticks at phase_s + k * interval_s
        self._waiters: list[asyncio.Future[None]] = []
        self._subscribers: dict[Callable[[float], None], None] = {}
        self._timer: asyncio.TimerHandle | None = None
        self.ticks = 0

    def tick(self) -> asyncio.Future[None]:
        """A future that completes at the next tick. Ticks lie on a fixed grid of the loop's
        clock and are only scheduled while someone waits. Each waiter gets its own future, so
        cancelling one (a call ending) never cancels the others' tick."""
        future = asyncio.get_running_loop().create_future()
        self._waiters.append(future)
        self._schedule()
        return future

    def subscribe(self, on_tick: Callable[[float], None]) -> None:
        """Call `on_tick(now)` at every tick until `unsubscribe`. It must not block: it runs
        inside the clock's callback, with every other subscriber waiting."""
        self._subscribers[on_tick] = None
        self._schedule()

    def unsubscribe(self, on_tick: Callable[[float], None]) -> None:
        self._subscribers.pop(on_tick, None)

    def _schedule(self) -> None:
        if self._timer is None:
            loop = asyncio.get_running_loop()
            k = math.floor((loop.time() - self.phase_s) / self.interval_s) + 1
            self._timer = loop.call_at(self.phase_s + k * self.interval_s, self._fire)

    def _fire(self) -> None:
        self.ticks += 1
        self._timer = None
        now = asyncio.get_running_loop().time()
        for on_tick in list(self._subscribers):
            try:
                on_tick(now)
            except Exception:
                log.exception("a frame clock subscriber failed; it is dropped")
                self.unsubscribe(on_tick)
        waiters, self._waiters = self._waiters, []
        for future in waiters:
            if not future.done():
                future.set_result(None)
        if self._subscribers:
            self._schedule()
