"""The call agent's side of answering machines: detect (`telephony.amd`), wait for the beep,
leave the scenario's voicemail (who called and the office's number, never health content),
and mark the report `voicemail` so the campaign calls again (`campaign.Outcome.VOICEMAIL`).

Until the detector has decided, every utterance still goes to the dialogue engine as usual;
once it says `machine`, nothing more does. The message is left after the beep, or, when the
beep never reached the agent as an utterance, on the first silence after the greeting.
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


class AnsweringMachine:
    def __init__(self, scenario: Scenario, recipient_name: str) -> None:
        self.scenario = scenario
        self.recipient_name = recipient_name
        self.detector = MachineDetector(scenario.language)
        self.message: str | None = None  # what was left, once it was

    @property
    def machine(self) -> bool:
        return self.detector.verdict == MACHINE

    def hear(self, utterance: Audio, text: str) -> Step:
        """What the agent does with this utterance: talk (the engine answers it as usual),
        wait (a machine is greeting: say nothing yet), leave the message, or hang up."""
        if self.detector.verdict == HUMAN:
            return "talk"
        if self.detector.verdict == UNKNOWN:
            identity = identity_answer(self.scenario, text) if text.strip() else None
            verdict = self.detector.hear(utterance.samples, utterance.sample_rate, text, identity)
            if verdict != MACHINE:
                return "talk"
            if self.detector.beep_at is None:
                return "wait"
        return "hang_up" if self.message is not None else "leave"

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
