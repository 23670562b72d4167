"""Building the call pipeline from settings: recognizer, voice, scenarios, memory, per-call agents.

`Pipeline` holds what calls share (models are loaded once per process, by
`assembly.builders`); each call's agent is an `assembly.call_agent.ScenarioCallAgent`.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from asr import Recognizer
from asr.rescore import Rescorer
from assembly.alert_settings import build_alert_sink
from assembly.builders import (
    WeightsMissing,
    build_chat_model,
    build_recognizer,
    build_rescorer,
    build_scorer,
)
from assembly.call_agent import SAFE_LINE, CallAlerts, ScenarioCallAgent, line_clock
from assembly.config import Settings
from assembly.voices import make_synthesizer
from dialogue import Recipient, learned
from dialogue.catalogue import Catalogue
from dialogue.conversation.talk import answer_lines, default_retriever
from dialogue.guard import Guard
from dialogue.memory import SqliteMemoryStore
from dialogue.scenario import Scenario
from telephony import CallInfo, Segment
from tts import SynthesisError, Synthesizer
from tts.cache import PhraseCache
from tts.render import AtLineRate, LineSettings, LineVoice
from tts.sentences import split_sentences

log = logging.getLogger("carecall.pipeline")

# Built elsewhere, named here too: what callers (and tests) have imported from this module.
__all__ = [
    "SAFE_LINE",
    "CallAlerts",
    "Pipeline",
    "ScenarioCallAgent",
    "WeightsMissing",
    "build_chat_model",
    "build_recognizer",
    "build_rescorer",
    "build_scorer",
    "line_clock",
]


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
        settings.output_dir.mkdir(parents=True, exist_ok=True)  # the cache may live elsewhere
        self.cache = PhraseCache(
            settings.tts_cache_path,
            AtLineRate(LineVoice(self.synthesizer, LineSettings(band_limit=False))),
            self._voice_id(),
        )
        self.memory = SqliteMemoryStore(settings.memory_path)
        self.calls_dir = settings.output_dir / "calls"
        # Where calls in progress show what is said as it is said (observability.live.LiveLog,
        # for the dashboard's live view); None: nowhere.
        self.live_log = None
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
        # The learned layer's fit (seconds per language) and the response bank's retriever
        # (the bank and the scenarios' answer words, read once), so no call waits for them.
        languages = tuple(dict.fromkeys(s.language for s in self.call_scenarios()))
        learned.warm(languages)
        for language in languages:
            default_retriever(language)
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
