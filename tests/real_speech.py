"""Where the real-speech fixtures are: freely licensed recordings of real people, kept outside
the repository (their README says never to copy them in), in `../shared/fixtures/real-speech`
beside the checkout, or wherever CARECALL_REAL_SPEECH names. Tests that need them skip with a
reason that says where they were looked for and how to point at them; the suite's summary
lists every skip (`-rs` in pyproject.toml), so a CI without them shows it instead of passing
silently."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REAL_SPEECH = Path(
    os.environ.get("CARECALL_REAL_SPEECH") or ROOT.parent / "shared" / "fixtures" / "real-speech"
)


def needs_real_speech(subfolder: str = "") -> pytest.MarkDecorator:
    """Skip unless REAL_SPEECH / subfolder is a folder, saying why."""
    folder = REAL_SPEECH / subfolder if subfolder else REAL_SPEECH
    return pytest.mark.skipif(
        not folder.is_dir(),
        reason=f"real-speech fixtures not found at {folder} (kept outside the repository; "
        "set CARECALL_REAL_SPEECH to their folder)",
    )
