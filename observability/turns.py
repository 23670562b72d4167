"""Per-turn timings in each call's `call.json`: where the time of every turn of the person went.

`turn_records(turns)` turns the session's `telephony.stats.TurnTiming`s into JSON-safe dicts
(seconds, rounded to 0.1 ms; a stage that never happened is null); `save_turn_timings(folder,
turns)` adds them to the `call.json` the call's agent wrote (under `"turns"`), atomically,
owner-only. Stage names are the ones the metrics use (`STAGE_NAMES`).
"""

from __future__ import annotations

import json
import logging
import math
from pathlib import Path

log = logging.getLogger("carecall.turns")

# telephony.stats names -> the names in call.json and in the metrics' `stage` label
STAGE_NAMES = {
    "endpointing": "vad_end_of_turn",
    "queue": "queue",
    "asr": "asr",
    "rescore": "rescore",
    "dialogue": "dialogue",
    "tts": "tts",
    "agent": "agent",
    "agent_other": "agent_other",
    "encode": "encode",
    "send": "send",
    "overhead": "overhead",
    "total": "voice_to_voice",
}


def _seconds(value: float) -> float | None:
    return None if value is None or math.isnan(value) or value < 0 else round(value, 4)


def turn_stages(timing) -> dict[str, float | None]:
    """One turn's stages by their public names (`STAGE_NAMES`; an agent's own extra stage keeps
    its name); null where the turn never got that far."""
    out: dict[str, float | None] = {}
    for name, value in timing.stages().items():
        out[STAGE_NAMES.get(name, name)] = _seconds(value)
    return out


def turn_records(turns) -> list[dict]:
    """One dict per turn of the person: its number, whether it was complete (the agent's
    answer reached the line), whether the length cap closed it, and its stages in seconds."""
    records = []
    for i, t in enumerate(turns, 1):
        records.append(
            {
                "turn": i,
                "complete": bool(t.complete),
                "capped": bool(t.capped),
                "seconds": turn_stages(t),
            }
        )
    return records


def save_turn_timings(folder: Path, turns) -> bool:
    """Add `"turns"` to `folder/call.json`; False (logged) when there is no call.json to add to
    (the call never reached its agent) or it cannot be read or written."""
    from telephony.files import write_private

    path = Path(folder) / "call.json"
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return False
    except (OSError, ValueError) as exc:
        log.warning("turn timings not saved: %s unreadable: %s", path, exc)
        return False
    if not isinstance(meta, dict):
        log.warning("turn timings not saved: %s is not a JSON object", path)
        return False
    meta["turns"] = turn_records(turns)
    try:
        write_private(path, json.dumps(meta, indent=2))
    except OSError as exc:
        log.warning("turn timings not saved in %s: %s", path, exc)
        return False
    return True
