"""Building the call pipeline from settings: recognizer, voice, scenarios, memory, per-call agents.

`Pipeline` holds what calls share (models are loaded once per process); `ScenarioCallAgent` is
the `telephony.CallAgent` of one call: ASR → dialogue engine → TTS, plus writing the call's
transcript, report and memory update when the call ends, however it ends.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from asr import LanguageModelScorer, RecognitionContext, Recognizer
from asr.rescore import Rescorer
from assembly.alert_settings import build_alert_sink
from assembly.answering import AnsweringMachine, Step
from assembly.config import Settings
from assembly.voices import make_synthesizer
from dialogue import AgentTurn, DialogueEngine, Recipient, learned
from dialogue.catalogue import Catalogue
from dialogue.conversation.talk import answer_lines, own_lines
from dialogue.guard import Guard
from dialogue.llm import ChatModel, LLMError
from dialogue.llm_memory import llm_memory_plan
from dialogue.memory import MemoryOp, SqliteMemoryStore, plan_update
from dialogue.scenario import Scenario, domain_corpus
from telephony import CallInfo, Reply, Segment
from telephony.audio import Audio
from telephony.files import inside, private_dir, write_private
from tts import SynthesisError, Synthesizer
from tts.cache import PhraseCache
from tts.render import AtLineRate, LineSettings, LineVoice
from tts.sentences import split_sentences

log = logging.getLogger("carecall.pipeline")


class WeightsMissing(RuntimeError):
    """A model the configuration asks for is not available on this machine."""


class Pipeline:
    def __init__(
        self,
        settings: Settings,
        *,
        scenarios: Iterable[str | Path] = (),
        recognizer: Callable[[Settings, Scenario], Recognizer] | None = None,
    ) -> None:
        """`scenarios`: more scenarios (names or paths, from the operator) that calls may name
        by id, besides the shipped ones and `settings.scenario`: all loaded now. `recognizer`:
        builds the recognizer (default `build_recognizer`, in the calling thread; serving
        uses `assembly.serving.serving_recognizer`)."""
        self.settings = settings
        # Calls name their scenario from the wire: only ids of this catalogue, loaded now,
        # read-only after (no file is opened, and no lock taken, on a call's way in).
        self.catalogue = Catalogue.load([settings.scenario_name, *scenarios])
        self.live: dict[str, ScenarioCallAgent] = {}  # call sid -> agent, while the call goes on
        self.default_scenario = self.catalogue.resolve(settings.scenario_name)
        self.synthesizer: Synthesizer = make_synthesizer(settings.tts, settings.tts_model)
        # Every voice reaches the line at one loudness whatever the backend, and is cached at
        # the line's 8 kHz, so a cached sentence goes out as it is. No extra band shaping: the
        # line's 8 kHz and the phone's own filters bound it, and a 300 Hz high-pass made the
        # simulated listeners (pocketsphinx) mishear the agent.
        self.cache = PhraseCache(
            settings.output_dir / "tts-cache",
            AtLineRate(LineVoice(self.synthesizer, LineSettings(band_limit=False))),
            self._voice_id(),
        )
        self.memory = SqliteMemoryStore(settings.memory_path)
        self.calls_dir = settings.output_dir / "calls"
        self.llm = build_chat_model(settings)
        self.guard = Guard(
            judge=self.llm if settings.llm_judge else None, learned=settings.learned_layer
        )
        # The calls' EmergencyDetector follows the process-wide switch of the learned layer.
        learned.set_enabled(settings.learned_layer)
        # recipient id -> name, for calls whose line carries only the id (Twilio's): filled
        # by the campaign dialer in this process. A name never travels through Twilio.
        self.names: dict[str, str] = {}
        # recipient id -> the recipients file's extra columns (guardian, address…), which
        # scenario lines may use: filled the same way, never sent over any line either.
        self.attributes: dict[str, dict[str, str]] = {}
        # Where the dialogue raises alerts (alerts.AlertSink): always stored in the outbox;
        # `alerts.configured` only with a webhook or SMS contact. Its dispatcher runs where
        # the call server runs (`alerts.start()` / `alerts.close()`, carecall.commands).
        self.alerts = build_alert_sink(settings)
        # Every scenario's rescorer now (a missing LM stops the process now, not mid-call, and
        # no call waits for another call's build); ~10 ms each for the domain n-gram LM.
        self._rescorers: dict[str, Rescorer | None] = {
            s.id: build_rescorer(settings, s) for s in self.call_scenarios()
        }
        # Last: a recognizer in worker processes is started only once nothing above failed.
        self.recognizer = (recognizer or build_recognizer)(settings, self.default_scenario)

    def _voice_id(self) -> str:
        s = self.settings
        return f"{s.tts}:{s.tts_model or ''}"

    def scenario(self, name: str | Path) -> Scenario:
        """A scenario as the operator named it (an id, a shipped name, or a path given at
        start). Loads nothing: raises UnknownScenario for anything not in the catalogue."""
        return self.catalogue.resolve(name)

    def call_scenario(self, name: object) -> Scenario:
        """The scenario a call asks for (`customParameters.scenario`, from the wire): an id of
        the catalogue, or the default one when the call names none; UnknownScenario else."""
        return self.catalogue.scenario(name) if name else self.default_scenario

    def rescorer(self, scenario: Scenario) -> Rescorer | None:
        """The N-best rescorer of a scenario's calls; None when rescoring is switched off.
        Built at start for every catalogue scenario; one from elsewhere (tests, tools) is built
        here without a lock (two calls may both build it, harmlessly)."""
        if scenario.id not in self._rescorers:
            self._rescorers[scenario.id] = build_rescorer(self.settings, scenario)
        return self._rescorers[scenario.id]

    def call_scenarios(self) -> list[Scenario]:
        """The scenarios calls may name: the default one first, then the rest of the catalogue."""
        others = [s for s in self.catalogue.scenarios.values() if s is not self.default_scenario]
        return [self.default_scenario, *others]

    def warm(self, scenarios: list[Scenario] | None = None) -> int:
        """Synthesize the fixed prompts of every scenario calls may use (default: all of
        `call_scenarios`) into the phrase cache, sentence by sentence as calls speak them,
        so openings and questions play with no synthesis delay. Returns how many sentences
        were synthesized now (the rest were on disk already). A scenario the voice cannot
        speak is logged and skipped, unless it is the default one. The default scenario's
        language analysis is built now too (Kiwi takes ~1 s and ~245 MB), so the first thing a
        person says is not the one that waits for it."""
        from dialogue.analysis import analyze

        analyze(
            "네" if self.default_scenario.language == "ko" else "yes",
            self.default_scenario.language,
        )
        # The learned layer's fit (seconds per language), so no call waits for it.
        learned.warm(tuple(dict.fromkeys(s.language for s in self.call_scenarios())))
        made = 0
        for scenario in scenarios if scenarios is not None else self.call_scenarios():
            # The reactions said before most questions are the bank's answer reactions: ready
            # too, so no turn waits on synthesis between its reaction and its question.
            lines = [
                line
                for text in scenario.fixed_prompts() + answer_lines(scenario)
                for line in split_sentences(text, scenario.language) or [text]
            ]
            try:
                made += self.cache.warm(lines, **self.voice_args(scenario))
            except SynthesisError as exc:
                if scenario is self.default_scenario:
                    raise
                log.warning("fixed prompts of %s not warmed: %s", scenario.id, exc)
        return made

    def voice_args(self, scenario: Scenario) -> dict:
        """How the voice speaks on a scenario's calls (the phrase cache keys on all of it)."""
        rate = scenario.agent.speaking_rate or self.settings.speaking_rate
        return {"language": scenario.language, "voice": self.settings.voice, "rate": rate}

    def speak(self, text: str, scenario: Scenario) -> list[Segment]:
        """`text` as segments to stream, one per sentence. A sentence in the phrase cache comes
        with its audio (a file read), so the line queues it at once, with no gap after the
        sentence before; the others are synthesized only when the line asks for them: the
        first plays while the next is made."""
        args = self.voice_args(scenario)
        segments = []
        for sentence in split_sentences(text, scenario.language) or [text]:
            if self.cache.contains(sentence, **args):
                segments.append(Segment(sentence, self.cache.get_or_synthesize(sentence, **args)))
            else:
                render = functools.partial(self.cache.get_or_synthesize, sentence, **args)
                segments.append(Segment(sentence, render=render))
        return segments

    def agent_factory(self, call: CallInfo) -> ScenarioCallAgent:
        params = call.parameters
        scenario = self.call_scenario(params.get("scenario"))
        rid = params.get("recipient") or "unknown"
        recipient = Recipient(
            id=rid,
            name=params.get("name") or self.names.get(rid, ""),
            attributes=self.attributes.get(rid),
        )
        memory = self.memory.load(recipient.id) if recipient.id != "unknown" else []
        agent = ScenarioCallAgent(self, call, scenario, recipient, memory)
        self.live[call.call_sid] = agent  # until it finishes: for `machine_answered`
        return agent

    def machine_answered(self, call_sid: str, answered_by: str) -> bool:
        """Twilio's AMD said a machine answered this call (`campaign.twilio_dialer`): its
        agent stops the conversation and leaves the voicemail at the next turn."""
        agent = self.live.get(call_sid)
        if agent is None:
            return False
        agent.machine.told(f"twilio: {answered_by}")
        return True


class ScenarioCallAgent:
    def __init__(self, pipeline: Pipeline, call: CallInfo, scenario: Scenario, recipient, memory):
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
        self.machine = AnsweringMachine(scenario, recipient.name)  # voicemail: assembly.answering

    # -- CallAgent -------------------------------------------------------------------------------

    def opening(self) -> Reply:
        return self._say(self.engine.opening())

    def hear(self, utterance: Audio) -> Reply | None:
        turn = self._last_turn
        context = RecognitionContext(
            last_question=turn.text if turn else "", vocabulary=tuple(turn.expected) if turn else ()
        )
        t0 = time.perf_counter()
        transcript = self.pipeline.recognizer.transcribe(
            utterance, language=self.language, context=context
        )
        t1 = time.perf_counter()
        first_pass = transcript.text
        if (rescorer := self.pipeline.rescorer(self.scenario)) is not None:
            transcript = rescorer.rescore(transcript, context)
        t2 = time.perf_counter()
        # What people say is health data: its words stay out of the log.
        log.debug("call %s heard %d words", self.call.call_sid, len(transcript.text.split()))
        self.recognized.append((first_pass, transcript.text))
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
        turn = self._turns.pop(id(segment), None)
        if turn is not None:
            self.engine.heard(turn, heard_text, complete)

    def finish(self, reason: str, recording: Path | None) -> None:
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


def build_chat_model(settings: Settings) -> ChatModel | None:
    """The LLM that words turns and reads answers, or None for the offline engine."""
    if settings.llm == "none":
        return None
    if settings.llm == "openai":
        from dialogue.llm.openai import OpenAIChatModel

        if not settings.llm_url:
            raise WeightsMissing("--llm openai needs --llm-url (e.g. http://127.0.0.1:8000/v1)")
        key = os.environ.get("CARECALL_LLM_API_KEY") or os.environ.get("OPENAI_API_KEY")
        return OpenAIChatModel(
            settings.llm_url,
            settings.llm_model or "default",
            api_key=key,
            timeout_s=settings.llm_timeout_s,
        )
    if not settings.llm_model:
        raise WeightsMissing(
            "--llm transformers needs --llm-model: a local folder written by "
            "save_pretrained, or a hub name on a connected machine"
        )
    from dialogue.llm.transformers import TransformersChatModel

    try:
        return TransformersChatModel(
            settings.llm_model, device=settings.llm_device, timeout_s=settings.llm_timeout_s
        )
    except LLMError as exc:
        raise WeightsMissing(str(exc)) from exc


def build_recognizer(settings: Settings, scenario: Scenario) -> Recognizer:
    kind = settings.recognizer_kind
    if kind == "whisper":
        if not settings.asr_model:
            raise WeightsMissing(
                f"the {settings.language!r} scenario needs Whisper, and no --asr-model was given.\n"
                "  With internet: --asr-model small (or large-v3-turbo) downloads the weights.\n"
                "  Offline: copy a checkpoint (e.g. ~/.cache/whisper/small.pt from a connected\n"
                "  machine) and pass --asr-model /path/to/small.pt."
            )
        from asr.whisper import WhisperRecognizer

        model = settings.asr_model
        if Path(model).suffix == ".pt" and not Path(model).exists():
            raise WeightsMissing(f"--asr-model {model}: no such file")
        return WhisperRecognizer(
            model,
            device=settings.asr_device,
            beam_size=settings.asr_beam_size,
            nbest=settings.asr_nbest,
            int8=settings.asr_int8,
        )
    from asr.sphinx import SphinxRecognizer

    if settings.sphinx_lm == "generic":
        return SphinxRecognizer(nbest=settings.asr_nbest)
    return SphinxRecognizer.from_sentences(domain_corpus(scenario), nbest=settings.asr_nbest)


def build_rescorer(settings: Settings, scenario: Scenario) -> Rescorer | None:
    """`Rescorer` for a scenario's calls: the N-best re-ranked with what the agent just asked."""
    if not settings.rescore:
        return None
    scorer = build_scorer(settings.rescore_lm, scenario, device=settings.asr_device)
    return Rescorer(scorer, settings.rescore_weight, settings.rescore_length_bonus)


def build_scorer(
    lm: str, scenario: Scenario, device: str = "cpu", *, background_weight: float = 0.1
) -> LanguageModelScorer:
    """ "domain": the offline n-gram LM of the scenario's own text (answer examples and
    keywords; per question, the answers expected to it), with general English as its
    background in English scenarios. Anything else is a causal LM name or folder for
    `transformers`, shared by every scenario of the process."""
    if lm == "domain":
        from asr.domain_lm import NgramScorer

        english = scenario.language == "en" and background_weight > 0
        return NgramScorer(
            domain_corpus(scenario),
            answers=scenario.question_answers(),
            background=_english() if english else None,
            background_weight=background_weight,
        )
    return _causal_lm(lm, device)


@functools.cache
def _english():
    """General English for the domain LM to fall back on (pocketsphinx's bundled model)."""
    from asr.sphinx import GenericLM

    return GenericLM()


@functools.cache
def _causal_lm(name: str, device: str) -> LanguageModelScorer:
    from asr.lm_transformers import CausalLMScorer

    if not Path(name).exists() and "/" not in name:
        raise WeightsMissing(f"rescore_lm {name!r}: no such folder, nor a hub name (owner/model)")
    try:
        return CausalLMScorer(name, device=device)
    except OSError as exc:  # what transformers raises for weights it cannot find or fetch
        raise WeightsMissing(f"rescore_lm {name!r}: cannot load it: {exc}") from exc
