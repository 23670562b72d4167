"""Building the call pipeline from settings: recognizer, voice, scenarios, memory, per-call agents.

`Pipeline` holds what calls share (models are loaded once per process); `ScenarioCallAgent` is
the `telephony.CallAgent` of one call: ASR → dialogue engine → TTS, plus writing the call's
transcript, report and memory update when the call ends, however it ends.
"""

from __future__ import annotations

import json
import logging
import threading
from datetime import UTC, datetime
from pathlib import Path

from asr import RecognitionContext, Recognizer
from carecall.config import Settings
from carecall.voices import make_synthesizer
from dialogue import AgentTurn, DialogueEngine, Recipient, load_scenario
from dialogue.memory import SqliteMemoryStore, plan_update
from dialogue.scenario import Scenario, domain_corpus
from scenarios import scenario_path
from telephony import CallInfo, Reply, Segment
from telephony.audio import Audio
from tts import Synthesizer
from tts.cache import PhraseCache
from tts.sentences import split_sentences

log = logging.getLogger("carecall.pipeline")


class WeightsMissing(RuntimeError):
    """A model the configuration asks for is not available on this machine."""


class Pipeline:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._scenarios: dict[str, Scenario] = {}
        self._lock = threading.Lock()
        self.default_scenario = self.scenario(settings.scenario_name)
        self.recognizer = build_recognizer(settings, self.default_scenario)
        self.synthesizer: Synthesizer = make_synthesizer(settings.tts, settings.tts_model)
        self.cache = PhraseCache(
            settings.output_dir / "tts-cache", self.synthesizer, backend_id=self._voice_id()
        )
        self.memory = SqliteMemoryStore(settings.memory_path)
        self.calls_dir = settings.output_dir / "calls"

    def _voice_id(self) -> str:
        s = self.settings
        return f"{s.tts}:{s.tts_model or ''}"

    def scenario(self, name: str) -> Scenario:
        with self._lock:
            if name not in self._scenarios:
                self._scenarios[name] = load_scenario(scenario_path(name))
            return self._scenarios[name]

    def warm(self) -> int:
        """Synthesize the default scenario's fixed prompts ahead, so the opening plays at once."""
        lines = [
            line for text in self.default_scenario.fixed_prompts() for line in self._split(text)
        ]
        self.cache.warm(lines, **self._voice_args(self.default_scenario.language))
        return len(lines)

    def _split(self, text: str) -> list[str]:
        return split_sentences(text, self.default_scenario.language) or [text]

    def _voice_args(self, language: str) -> dict:
        return {
            "language": language,
            "voice": self.settings.voice,
            "rate": self.settings.speaking_rate,
        }

    def speak(self, text: str, language: str) -> list[Segment]:
        args = self._voice_args(language)
        return [
            Segment(sentence, self.cache.get_or_synthesize(sentence, **args))
            for sentence in split_sentences(text, language) or [text]
        ]

    def agent_factory(self, call: CallInfo) -> ScenarioCallAgent:
        params = call.parameters
        scenario = self.scenario(params.get("scenario") or self.settings.scenario_name)
        recipient = Recipient(
            id=params.get("recipient") or "unknown", name=params.get("name") or ""
        )
        memory = self.memory.load(recipient.id) if recipient.id != "unknown" else []
        return ScenarioCallAgent(self, call, scenario, recipient, memory)


class ScenarioCallAgent:
    def __init__(self, pipeline: Pipeline, call: CallInfo, scenario: Scenario, recipient, memory):
        self.pipeline = pipeline
        self.call = call
        self.scenario = scenario
        self.recipient = recipient
        self.old_memory = memory
        self.engine = DialogueEngine(scenario, recipient=recipient, memory=memory)
        self.language = scenario.language
        self._turns: dict[int, AgentTurn] = {}  # id(segment) -> the turn it belongs to
        self._last_turn: AgentTurn | None = None
        self.out_dir = pipeline.calls_dir / call.call_sid
        self.started = datetime.now(UTC)

    # -- CallAgent -------------------------------------------------------------------------------

    def opening(self) -> Reply:
        return self._say(self.engine.opening())

    def hear(self, utterance: Audio) -> Reply | None:
        turn = self._last_turn
        context = RecognitionContext(
            last_question=turn.text if turn else "", vocabulary=tuple(turn.expected) if turn else ()
        )
        transcript = self.pipeline.recognizer.transcribe(
            utterance, language=self.language, context=context
        )
        log.info("call %s heard: %r", self.call.call_sid, transcript.text)
        reply = self._say(self.engine.reply(transcript.text))
        reply.user_text = transcript.text
        return reply

    def silence(self) -> Reply:
        return self._say(self.engine.on_silence())

    def dtmf(self, digit: str) -> Reply | None:
        turn = self.engine.on_dtmf(digit)
        return self._say(turn) if turn is not None else None

    def played(self, segment: Segment, *, complete: bool, heard_text: str) -> None:
        turn = self._turns.pop(id(segment), None)
        if turn is not None:
            self.engine.heard(turn, heard_text, complete)

    def finish(self, reason: str, recording: Path | None) -> None:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        report = self.engine.report(reason=reason, recording=str(recording) if recording else None)
        (self.out_dir / "report.json").write_text(report.to_json(), encoding="utf-8")
        (self.out_dir / "report.txt").write_text(report.to_text(), encoding="utf-8")
        transcript = "\n".join(f"{who}: {text}" for who, text in report.transcript_lines())
        (self.out_dir / "transcript.txt").write_text(transcript + "\n", encoding="utf-8")
        meta = {
            "call_sid": self.call.call_sid,
            "parameters": self.call.parameters,
            "started": self.started.isoformat(),
            "ended": datetime.now(UTC).isoformat(),
            "reason": reason,
        }
        (self.out_dir / "call.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
        if self.recipient.id != "unknown":
            ops = plan_update(self.old_memory, self.engine.memory_facts())
            self.pipeline.memory.update(self.recipient.id, ops)

    # -- helpers ---------------------------------------------------------------------------------

    def _say(self, turn: AgentTurn) -> Reply:
        self._last_turn = turn
        segments = self.pipeline.speak(turn.text, self.language) if turn.text else []
        for segment in segments:
            self._turns[id(segment)] = turn
        return Reply(segments=segments, hangup=turn.end_call)


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
            model, device=settings.asr_device, beam_size=settings.asr_beam_size
        )
    from asr.sphinx import SphinxRecognizer

    return SphinxRecognizer.from_sentences(domain_corpus(scenario))
