"""The evaluation's simulated phone: `carecall phone` plus a record of when the person spoke.

Run as `python -m evaluation.phone SPEC.json` (one process per call, as `carecall demo` does,
so that the person's recognizer never shares an interpreter with the server's). It prints one
JSON line: what the phone saw, with the moments the person's speech started and ended and the
moments the agent's audio was cleared or stopped playing, on `time.monotonic()`: the clock the
server's turn timings use too (one machine, so both processes read the same monotonic clock).
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

from telephony.audio import Audio
from telephony.phone import PhoneOptions, SimulatedPhone


class TimedPhone(SimulatedPhone):
    """Notes when each answer goes out and whether the agent was still talking then
    (a barge-in), when a `clear` from the server reached the player, and when the agent's
    audio stopped playing."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.spans: list[dict] = []  # {start, end, barge, text}
        self.clears: list[float] = []
        self.quiet: list[float] = []  # moments the agent's audio stopped playing
        self._clears_seen = 0
        self._was_playing = False

    def _speak(self, audio: Audio) -> None:
        now = time.monotonic()
        start = now + len(self._mic) * 0.02 / self.options.speed  # after what is queued
        barge = bool(self._playing or self._playout)
        super()._speak(audio)
        self.spans.append(
            {"start": start, "end": start + audio.duration / self.options.speed, "barge": barge}
        )

    def _play_frame(self) -> bytes | None:
        if self._cleared > self._clears_seen:  # checked every 20 ms frame of line time
            self._clears_seen = self._cleared
            self.clears.append(time.monotonic())
        frame = super()._play_frame()
        if self._was_playing and frame is None:
            self.quiet.append(time.monotonic())
        self._was_playing = frame is not None
        return frame


async def call(spec: dict) -> dict:
    from assembly.simulation import PersonaPerson, build_ears
    from dialogue import load_scenario
    from dialogue.caller import load_persona
    from scenarios import scenario_path

    scenario = load_scenario(scenario_path(spec["scenario"]))
    persona = load_persona(spec["persona"], scenario)
    person = PersonaPerson(persona, scenario, build_ears(scenario, persona))
    options = PhoneOptions(
        speed=spec["speed"],
        max_call_s=spec.get("max_call_s", PhoneOptions.max_call_s),
        parameters={
            "recipient": persona.recipient_id,
            "name": persona.name,
            "scenario": scenario.id,  # the server takes ids, never paths, from the wire
            "language": persona.language,
            "eval_call": str(spec["index"]),
        },
    )
    phone = TimedPhone(person, options)
    result = await phone.call(spec["url"], spec.get("recording"))
    for span, text in zip(phone.spans, result.said, strict=False):
        span["text"] = text
    return {
        "reason": result.reason,
        "said": result.said,
        "heard": person.heard,
        "spans": phone.spans,
        "clears": phone.clears,
        "quiet": phone.quiet,
        "barge_ins": result.barge_ins,
        "dtmf": result.dtmf,
        "marks_echoed": result.marks_echoed,
    }


def main(argv: list[str]) -> int:
    spec = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    print(json.dumps(asyncio.run(call(spec))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
