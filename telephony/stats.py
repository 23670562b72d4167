"""Where the time of each turn goes, measured by the session at almost no cost (a few clock
reads per turn, always on), so latency can be split by stage without a profiler.

All moments are the event loop's clock (`time.monotonic`), so they compare across threads.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

NAN = math.nan


@dataclass
class TurnTiming:
    """One turn of the person and the agent's answer to it."""

    speech_end: float  # the last chunk with speech arrived
    turn_end: float  # the endpointer closed the turn (after the end-of-turn silence)
    capped: bool = False  # closed by the utterance length cap rather than by silence
    agent_start: float = NAN  # a worker thread began the agent's work on it
    agent_done: float = NAN  # the agent returned its reply
    encoded: float = NAN  # the reply's audio was resampled and encoded for the line
    first_frame: float = NAN  # the reply's first frame went out on the line
    model: dict[str, float] = field(default_factory=dict)  # the agent's own stage timings

    @property
    def complete(self) -> bool:
        return not math.isnan(self.first_frame)

    def stages(self) -> dict[str, float]:
        """Seconds per stage, from the end of speech to the first agent frame on the line.

        `endpointing` is the silence the endpointer waits for (plus VAD batching); `agent` the
        agent's own work, split by the timings it reports (what they leave out is
        `agent_other`). `overhead` is the framework's share: waiting for a worker (`queue`),
        encoding the reply for the line (`encode`) and handing it to the line (`send`).
        """
        agent = self.agent_done - self.agent_start
        model = {k: v for k, v in self.model.items() if v >= 0}
        out = {
            "endpointing": self.turn_end - self.speech_end,
            "queue": self.agent_start - self.turn_end,
            "agent": agent,
            **model,
            "agent_other": max(0.0, agent - sum(model.values())),
            "encode": self.encoded - self.agent_done,
            "send": self.first_frame - self.encoded,
            "total": self.first_frame - self.speech_end,
        }
        out["overhead"] = out["queue"] + out["encode"] + out["send"]
        return out
