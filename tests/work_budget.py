"""A machine-independent "it is refused fast": a budget of Python function calls.

Tests must not assert wall-clock time (machine load changes it); the number of Python calls a
piece of code makes does not change with load. `call_budget(n)` counts them (sys.setprofile,
this thread only) and fails the test the moment the code inside goes over `n`, so a regression
that starts expanding a billion values fails at once instead of hanging for minutes.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager


class OverBudget(AssertionError):
    """Raised inside the measured code; an AssertionError so that pytest reports a failure."""


@contextmanager
def call_budget(calls: int) -> Iterator[list[int]]:
    """Fail once the block makes more than `calls` Python function calls; yields [count]."""
    if calls <= 0:
        raise ValueError(f"call_budget: calls must be positive, got {calls!r}")
    count = [0]

    def profile(frame, event, arg) -> None:
        if event == "call":
            count[0] += 1
            if count[0] > calls:  # every later call raises too: a broad `except` cannot hide it
                raise OverBudget(f"more than {calls} Python calls")

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        yield count
    finally:
        sys.setprofile(previous)
        # also when the block raised: an error it turned the overrun into must not pass
        if count[0] > calls:
            raise OverBudget(f"{count[0]} Python calls, over the budget of {calls}")
