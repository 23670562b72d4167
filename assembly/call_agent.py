"""One call's agent (`telephony.CallAgent`): ASR → dialogue engine → TTS, plus writing the
call's transcript, report and memory update when the call ends, however it ends.

What calls share (models, voice, memory, the catalogue) is the `assembly.pipeline.Pipeline`
each agent is given.
"""

from __future__ import annotations

import json
import logging
import time
from datetime import UTC, datetime
from pathlib import Path

from asr import RecognitionContext
from assembly.answering import AnsweringMachine, Step
from assembly.listening import TurnListener, end_model_for
from dialogue import AgentTurn, DialogueEngine
from dialogue.conversation.talk import own_lines
from dialogue.llm_memory import llm_memory_plan
from dialogue.memory import MemoryOp, plan_update
from dialogue.scenario import Scenario
from telephony import CallInfo, Reply, Segment
from telephony.audio import Audio
from telephony.files import inside, private_dir, write_private
from tts.sentences import split_sentences

log = logging.getLogger("carecall.pipeline")

_HISTORY_TEXTS = 20  # the latest texts of what the person said that recognition is told


class ScenarioCallAgent:
    def __init__(self, pipeline, call: CallInfo, scenario: Scenario, recipient, memory):
        self.pipeline = pipeline
        self.call = call
        self.scenario = scenario
        self.recipient = recipient
        self.old_memory = memory
        self.engine = DialogueEngine(
            scenario,
            recipient=recipient,
            memory=memory,
            clock=line_clock(pipeline.settings.speed),
            llm=pipeline.llm,
            guard=pipeline.guard,
            alerts=CallAlerts(pipeline.alerts, call.call_sid, recipient.id),
        )
        self.language = scenario.language
        self._turns: dict[int, AgentTurn] = {}  # id(segment) -> the turn it belongs to
        self._last_turn: AgentTurn | None = None
        self._verbatim: set[str] | None = None  # the scenario's own sentences, for the guard
        # The session gives a checked call id; `inside` refuses anything that would leave
        # the calls folder all the same.
        self.out_dir = inside(pipeline.calls_dir, call.call_sid)
        self.started = datetime.now(UTC)
        # (first-pass text, text after rescoring) of every utterance, for offline evaluation
        self.recognized: list[tuple[str, str]] = []
        # ... and per utterance its first-pass N-best and context (and, when the evaluation
        # asks for it with `keep_turn_audio`, its audio): what rescoring is tuned on offline
        self.heard_turns: list[dict] = []
        self.keep_turn_audio = False
        self._adaptation = ""  # what the recognizer learned of this voice (asr.Transcript)
        self.machine = AnsweringMachine(scenario, recipient.name)  # voicemail: assembly.answering
        # Turns recognized while spoken, and judged in their pauses (assembly.listening).
        self.listener = TurnListener(
            lambda: pipeline.recognizer,
            self.language,
            self._context,
            end_model_for(pipeline, scenario),
        )

    # -- CallAgent -------------------------------------------------------------------------------

    def opening(self) -> Reply:
        return self._say(self.engine.opening())

    def _context(self) -> RecognitionContext:
        turn = self._last_turn
        # What the person said before (memory, then this call's answers so far as the first
        # pass heard them: what `bench/bench_rescore_calls.py` can replay), newest last
        said = [f.value for f in self.old_memory if f.value] + [t for t, _ in self.recognized]
        return RecognitionContext(
            last_question=turn.text if turn else "",
            vocabulary=tuple(turn.expected) if turn else (),
            history=tuple(said[-_HISTORY_TEXTS:]),
            adaptation=self._adaptation,
        )

    def listen(self, turn: int, samples, sample_rate: int) -> None:
        self.listener.listen(turn, samples, sample_rate)

    def judge(self, turn: int) -> float | None:
        return self.listener.judge(turn)

    def drop(self, turn: int) -> None:
        self.listener.drop(turn)

    def hear(self, utterance: Audio, turn: int | None = None) -> Reply | None:
        context = self._context()
        t0 = time.perf_counter()
        transcript = self.listener.transcript(turn, utterance, context)
        t1 = time.perf_counter()
        first_pass, first_nbest = transcript.text, transcript.nbest
        self._adaptation = transcript.adaptation or self._adaptation
        if (rescorer := self.pipeline.rescorer(self.scenario)) is not None:
            transcript = rescorer.rescore(transcript, context)
        t2 = time.perf_counter()
        # What people say is health data: its words stay out of the log.
        log.debug("call %s heard %d words", self.call.call_sid, len(transcript.text.split()))
        self.recognized.append((first_pass, transcript.text))
        self.heard_turns.append(
            {
                "first_pass": first_nbest,
                "context": context,
                "audio": utterance if self.keep_turn_audio else None,
            }
        )
        if self.pipeline.live_log is not None:
            self.pipeline.live_log.turn(self.call.call_sid, "person", transcript.text)
        if (step := self.machine.hear(utterance, transcript.text)) != "talk":
            return self._machine_reply(step)
        turn = self.engine.reply(transcript.text)
        t3 = time.perf_counter()
        reply = self._say(turn)
        reply.user_text = transcript.text
        # The session splits each turn's latency by these stages (telephony.stats).
        reply.timings = {
            "asr": t1 - t0,
            "rescore": t2 - t1,
            "dialogue": t3 - t2,
            "tts": time.perf_counter() - t3,
        }
        return reply

    def silence(self) -> Reply:
        if (step := self.machine.silence()) != "talk":
            return self._machine_reply(step) or Reply(segments=[])
        return self._say(self.engine.on_silence())

    def dtmf(self, digit: str) -> Reply | None:
        turn = self.engine.on_dtmf(digit)
        return self._say(turn) if turn is not None else None

    def played(self, segment: Segment, *, complete: bool, heard_text: str) -> None:
        self.machine.played(complete)
        turn = self._turns.pop(id(segment), None)
        if turn is not None:
            self.engine.heard(turn, heard_text, complete)
        if self.pipeline.live_log is not None:
            self.pipeline.live_log.turn(self.call.call_sid, "agent", heard_text)

    def finish(self, reason: str, recording: Path | None) -> None:
        self.listener.close()
        private_dir(self.out_dir)
        report = self.engine.report(reason=reason, recording=str(recording) if recording else None)
        report = self.machine.report(report)  # an answering machine's call: outcome voicemail
        write_private(self.out_dir / "report.json", report.to_json())
        write_private(self.out_dir / "report.txt", report.to_text())
        transcript = "\n".join(f"{who}: {text}" for who, text in report.transcript_lines())
        write_private(self.out_dir / "transcript.txt", transcript + "\n")
        meta = {
            "call_sid": self.call.call_sid,
            "parameters": self.call.parameters,
            "started": self.started.isoformat(),
            "ended": datetime.now(UTC).isoformat(),
            "reason": reason,
            "answered_by": self.machine.detector.verdict,
            "amd": self.machine.detector.reason,
        }
        write_private(self.out_dir / "call.json", json.dumps(meta, indent=2))
        self.pipeline.live.pop(self.call.call_sid, None)
        if self.recipient.id != "unknown" and not self.machine.machine:
            self.pipeline.memory.update(self.recipient.id, self._memory_plan(report))

    def _memory_plan(self, report) -> list[MemoryOp]:
        """PASS/APPEND/REPLACE/DELETE for this call: from the extracted answers, or the LLM's
        summary of what the person said when there is an LLM and its plan passes the checks."""
        facts = self.engine.memory_facts()
        if self.pipeline.llm is None:
            return plan_update(self.old_memory, facts)
        said = [e.text for e in report.transcript if e.speaker == "person"]
        ops, source = llm_memory_plan(
            self.pipeline.llm, self.old_memory, facts, said, datetime.now(UTC)
        )
        log.info(
            "call %s: memory plan from %s: %s",
            self.call.call_sid,
            source,
            [(op.kind.value, op.fact.key) for op in ops],
        )
        return ops

    # -- helpers ---------------------------------------------------------------------------------

    def _machine_reply(self, step: Step) -> Reply | None:
        """An answering machine: wait for its beep, leave the voicemail, hang up."""
        if step == "wait":
            return None
        text = self.machine.leave() if step == "leave" else ""
        segments = self.pipeline.speak(text, self.scenario) if text else []
        return Reply(segments=segments, hangup=True)

    def _say(self, turn: AgentTurn) -> Reply:
        self._last_turn = turn
        text = self._checked(turn) if turn.text else ""
        segments = self.pipeline.speak(text, self.scenario) if text else []
        for segment in segments:
            self._turns[id(segment)] = turn
        return Reply(segments=segments, hangup=turn.end_call)

    def _checked(self, turn: AgentTurn) -> str:
        """The turn as it may go to the line: every sentence that is not the scenario's own
        (its YAML lines with the person's name, the safety scripts) is checked by the guard's
        rules before it is synthesized, whatever wrote it; one that fails is replaced by a
        safe line and logged in the report. (An LLM's wording was also judged, and retried
        once, before it got here: `dialogue.responder`.)"""
        from dialogue.guard import GuardContext, check_rules

        if self._verbatim is None:
            lines = self.scenario.agent_lines(self.recipient.name)
            # The scenario's memory questions with what memory holds of this person are its
            # own lines too: "Last time you told me you had trouble sleeping." is no diagnosis.
            lines += [
                self.scenario._fill(
                    item.memory_question, recipient_name=self.recipient.name, fact=f.value
                )
                for item in self.scenario.items
                for f in self.old_memory
                if item.memory_question and f.item_id == item.id and f.value
            ]
            # So are the conversation's own lines (the response bank, written by the project
            # and checked against the role by its tests): said as written, never replaced.
            lines += own_lines(
                self.language,
                recipient_name=self.recipient.name,
                agent_name=self.scenario.agent.name,
                organization=self.scenario.agent.organization,
            )
            self._verbatim = {
                s for line in lines for s in split_sentences(line, self.language) or [line]
            }
        context = GuardContext(
            language=self.language,
            facts=tuple(f.value for f in self.old_memory if f.value),
            alerting=self.pipeline.alerts is not None and self.pipeline.alerts.configured,
        )
        out = []
        for sentence in split_sentences(turn.text, self.language) or [turn.text]:
            if sentence not in self._verbatim and (found := check_rules(sentence, context)):
                log.warning(
                    "call %s: a sentence stopped at the line: %s",
                    self.call.call_sid,
                    [v.category for v in found],
                )
                self.engine.guard_event(turn.kind, turn.item_id, found, sentence, "safe line")
                sentence = SAFE_LINE.get(self.language, SAFE_LINE["en"])
            out.append(sentence)
        return " ".join(dict.fromkeys(out))


SAFE_LINE = {"en": "I see.", "ko": "네, 알겠습니다."}


class CallAlerts:
    """The pipeline's alert sink bound to one call (`dialogue.safety.flow.CallAlerts`)."""

    def __init__(self, sink, call_sid: str, recipient_id: str) -> None:
        self._sink, self._call, self._recipient = sink, call_sid, recipient_id

    @property
    def configured(self) -> bool:
        return self._sink is not None and self._sink.configured

    def raise_alert(self, category: str, severity: str, evidence: str) -> bool:
        if self._sink is None:
            return False
        alert = self._sink.raise_alert(self._call, self._recipient, category, severity, evidence)
        return alert is not None

    def hand_off(self) -> bool:
        return self._sink is not None and self._sink.hand_off(self._call)


def line_clock(speed: float):
    """Epoch seconds as the phone line experiences them: a call simulated at 2x real time
    still has its transcript stamped, and its time limit counted, in line time."""
    wall, mono = time.time(), time.monotonic()
    return lambda: wall + (time.monotonic() - mono) * speed
