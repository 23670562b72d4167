"""The call agent's side of answering machines: detect (`telephony.amd`), wait for the beep,
leave the scenario's voicemail (who called and the office's number, never health content),
and mark the report `voicemail` so the campaign calls again (`campaign.Outcome.VOICEMAIL`).

Until the detector has decided, utterances still go to the dialogue engine as usual, except a
long first one that does not answer who is speaking (most likely a greeting cut in two by the
line's endpointing: its words must not reach the engine, which would judge a machine's words
for emergencies); once it says `machine`, nothing more does. The message is left after the
beep, or, when the beep never reached the agent as an utterance, on the first silence after
the greeting.
"""

from __future__ import annotations

from typing import Literal

from dialogue.extract import identity_answer
from dialogue.report import CallReport, TranscriptEntry
from dialogue.scenario import Scenario
from dialogue.text import fill
from telephony.amd import HUMAN, MACHINE, UNKNOWN, MachineDetector
from telephony.audio import Audio

Step = Literal["talk", "wait", "leave", "hang_up"]
HELD_S = 1.5  # speech in a first utterance past which it is held as a greeting's start


class AnsweringMachine:
    def __init__(self, scenario: Scenario, recipient_name: str) -> None:
        self.scenario = scenario
        self.recipient_name = recipient_name
        self.detector = MachineDetector(scenario.language)
        self.message: str | None = None  # what was left, once it was
        # The agent's segments played since the last utterance: (heard to the end?) each.
        # Whether the person let the agent finish before speaking again is the detector's
        # turn-taking cue (`MachineDetector.hear(in_turn=...)`).
        self._played: list[bool] = []

    @property
    def machine(self) -> bool:
        return self.detector.verdict == MACHINE

    def told(self, reason: str) -> None:
        """Someone else (Twilio's AMD) decided a machine answered: from the next turn on,
        the agent leaves the message and hangs up."""
        if self.detector.verdict != MACHINE:
            self.detector.verdict, self.detector.reason = MACHINE, reason
            self.detector.beep_at = 0.0  # DetectMessageEnd: Twilio waited for the beep

    def played(self, complete: bool) -> None:
        """The line played one of the agent's segments: to its end, or cut off (the other
        side spoke over it)."""
        self._played.append(complete)

    def hear(self, utterance: Audio, text: str) -> Step:
        """What the agent does with this utterance: talk (the engine answers it as usual),
        wait (a machine is greeting: say nothing yet), leave the message, or hang up."""
        played, self._played = self._played, []
        if self.detector.verdict == HUMAN:
            return "talk"
        if self.detector.verdict == UNKNOWN:
            identity = identity_answer(self.scenario, text) if text.strip() else None
            in_turn = bool(played) and all(played)
            verdict = self.detector.hear(
                utterance.samples, utterance.sample_rate, text, identity, in_turn
            )
            if verdict == UNKNOWN and self._held(identity):
                return "wait"
            if verdict != MACHINE:
                return "talk"
            if self.detector.beep_at is None:
                return "wait"
        return "hang_up" if self.message is not None else "leave"

    def _held(self, identity: str | None) -> bool:
        """A first utterance that says who it is not, and is longer than "Hello?": the start
        of a greeting the line's endpointing cut, most likely. It is not answered (nor judged
        for emergencies: a machine's words are nobody's) until the next utterance or silence."""
        d = self.detector
        return d.utterances == 1 and identity is None and d.last_speech_s >= HELD_S

    def silence(self) -> Step:
        if not self.machine:
            return "talk"
        return "hang_up" if self.message is not None else "leave"

    def leave(self) -> str:
        """The message to say now ("" when the scenario has none: just hang up)."""
        vm = self.scenario.voicemail
        a = self.scenario.agent
        self.message = (
            fill(
                vm.text,
                recipient_name=self.recipient_name,
                agent_name=a.name,
                organization=a.organization,
                callback_number=vm.callback_number,
            )
            if vm
            else ""
        )
        return self.message

    def report(self, report: CallReport) -> CallReport:
        """A machine's call: outcome `voicemail`, with the message in the transcript."""
        if not self.machine:
            return report
        transcript = list(report.transcript)
        if self.message:
            t = round((report.ended - report.started).total_seconds(), 2)
            transcript.append(TranscriptEntry(speaker="agent", text=self.message, t=t))
        return report.model_copy(
            update={"outcome": "voicemail", "transcript": transcript, "completion": 0.0}
        )
