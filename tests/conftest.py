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


@pytest.fixture(autouse=True, scope="module")
def _learned_layer_switch_per_module():
    """The same for a module-scoped fixture that builds a Pipeline: it runs before the
    function-scoped guard above can record the state, so the module restores it at its end."""
    from dialogue import learned

    before = learned.enabled()
    yield
    learned.set_enabled(before)
