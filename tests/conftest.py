"""Process-wide state that one test must not leave to the next."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _learned_layer_switch():
    """A Pipeline switches the learned layer on for the whole process (settings.learned_layer);
    tests that build detectors after it must still get the library's default (off)."""
    from dialogue import learned

    before = learned.enabled()
    yield
    learned.set_enabled(before)
