"""Process-wide state that one test must not leave to the next, and work the session shares."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def _shared_phrase_cache(tmp_path_factory):
    """One phrase cache (settings.tts_cache_dir) for the whole run, this process and the
    `carecall` processes tests start (they inherit the environment): every call server's
    warm-up otherwise synthesizes the same ~320 fixed prompts again (~7 s of CPU each). Entries
    are keyed on text, voice, rate and backend and written atomically (tts.cache), so sharing
    changes no audio. A test about the cache itself gives its own `tts_cache_dir`."""
    if os.environ.get("CARECALL_TTS_CACHE_DIR"):
        yield  # the caller chose one
        return
    os.environ["CARECALL_TTS_CACHE_DIR"] = str(tmp_path_factory.mktemp("tts-cache"))
    try:
        yield
    finally:
        os.environ.pop("CARECALL_TTS_CACHE_DIR", None)


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
