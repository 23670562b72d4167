"""One validated configuration for a carecall process, from YAML, environment and CLI flags.

Precedence: CLI flags > environment (`CARECALL_<FIELD>`) > YAML file (`--config`) > defaults.
The defaults run fully offline: pocketsphinx, espeak-ng, Silero VAD, the scenario engine.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

# Fitted on the fixtures' dev split with a generic first pass (`carecall asr tune`); on the
# calls' own audio with the widened first pass below, six chatty personas' calls chose 0.01 /
# 0.01 (bench/bench_rescore_calls.py); with these, harold and margaret's held-out calls went
# from 31.4% to 26.7% WER on 4 calls, but on 26 held-out calls they go from 45.1% to 51.3%
# (the bonus buys words; bench/RESULTS-eval.md, "P7: rescoring on held-out calls").
RESCORE_WEIGHT = 0.01
RESCORE_LENGTH_BONUS = 0.03


class ConfigError(ValueError):
    pass


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    language: Literal["en", "ko"] = "en"
    scenario: str | None = None  # a shipped scenario name or a YAML path; None: daily check-in
    asr: Literal["auto", "sphinx", "whisper"] = "auto"
    asr_model: str | None = None  # Whisper model name (connected machines) or checkpoint path
    asr_device: str = "cpu"
    asr_beam_size: int = Field(5, ge=1, le=16)
    asr_nbest: int = Field(20, ge=1, le=100)  # hypotheses kept for rescoring
    # Whisper's Linear layers in int8 on x86 CPUs (asr.whisper_int8): ~25% faster, and no
    # longer bit-for-bit whisper's fp32; measure the accuracy with `carecall asr eval --int8`.
    asr_int8: bool = False
    # pocketsphinx's first pass: the scenario's domain LM (fast, closed vocabulary) or its
    # generic English LM (open vocabulary, slower; best with rescoring).
    sphinx_lm: Literal["domain", "generic"] = "domain"
    # The domain LM's vocabulary widened by the N most frequent words of general English,
    # which take `sphinx_general_weight` of its unigram probability (0: closed vocabulary).
    # Held-out calls' own words (bench/RESULTS-eval.md): closed 35.6% -> 31.4% first pass,
    # 26.7% rescored; twice the CPU per second of audio (0.05 -> 0.09 s). Off by default for
    # now: with 10000 words, Harold's whole-call test (barge-in during the medicine question)
    # failed 2 of 3 runs, and live `carecall eval` rescoring went from -8.3% to +6.7%.
    sphinx_general_words: int = Field(0, ge=0, le=50000)
    sphinx_general_weight: float = Field(0.3, ge=0.0, lt=1.0)
    # Where recognition runs while serving calls. None (auto): pocketsphinx, which holds the
    # GIL for a whole decode, in worker processes (cores - 1, at least 1), so that no call's
    # audio waits on another's recognition; Whisper in the server's threads (torch releases
    # the GIL). 0: always in a thread. N: always in N worker processes (each loads the model).
    asr_workers: int | None = Field(None, ge=0, le=32)
    # N-best rescoring: score = asr + rescore_weight * lm + rescore_length_bonus * words
    #   - rescore_length_change * |words - the 1-best's words| + rescore_expected_bonus * expected.
    # With the widened first pass these defaults hurt (held-out replay 45.1% -> 51.3%: the
    # bonus buys words); use rescore_weight 1, rescore_length_bonus 1, rescore_length_change 1
    # (fitted on six chatty personas' calls: 45.1% -> 43.7% on 26 held-out calls,
    # bench/RESULTS-eval.md "P7: rescoring on held-out calls"). The defaults were fitted by
    # `carecall asr tune audio_fixtures/manifest.jsonl` (dev split, pocketsphinx); Whisper
    # scores on another scale: tune with --recognizer whisper.
    rescore: bool = True
    rescore_lm: str = "domain"  # "domain", or a causal LM name / folder (transformers)
    rescore_weight: float = Field(RESCORE_WEIGHT, ge=0.0)
    rescore_length_bonus: float = RESCORE_LENGTH_BONUS
    # Cost per word a hypothesis's length differs from the recognizer's own 1-best: at least
    # the length bonus, a word beyond what was heard earns nothing (asr.rescore).
    rescore_length_change: float = Field(0.0, ge=0.0)
    # Bonus per word the dialogue expects (answers to the question just asked, memory's
    # names and medicines, the person's earlier words); the domain LM only.
    rescore_expected_bonus: float = Field(0.0, ge=0.0)
    tts: Literal["espeak", "coqui"] = "espeak"
    tts_model: str | None = None
    voice: str | None = None  # backend voice name, e.g. "en-us+f3" for espeak-ng
    speaking_rate: float = Field(0.9, gt=0.3, le=2.0)
    vad: Literal["silero", "webrtc"] = "silero"
    # An LLM words the agent's turns and reads answers (every turn guard-checked; templates and
    # keyword rules whenever it fails). "none": the offline scenario engine alone.
    llm: Literal["none", "transformers", "openai"] = "none"
    llm_model: str | None = None  # transformers: folder or hub name; openai: served model name
    llm_url: str | None = None  # openai: server base URL, e.g. http://127.0.0.1:8000/v1
    llm_timeout_s: float = Field(8.0, gt=0)
    llm_device: str = "cpu"  # transformers only
    # With an LLM, the same model also judges each turn after the guard's rules (it can only
    # add violations); on by default, off with llm_judge: false.
    llm_judge: bool = True
    # The learned layer under the emergency rules and the role guard (`dialogue.learned`),
    # loaded at warm-up from its disk cache (fitted on the repository's dev case files when
    # they change). It can only add: a `none` becomes a `check`, a sentence the rules passed
    # gets a violation. In calls, a plain answer to the question just asked needs a higher
    # margin before it alone asks a safety question (`dialogue.learned.gate`).
    # `carecall safety eval` follows this setting too (`--no-learned` / `--learned`).
    learned_layer: bool = True
    output_dir: Path = Path("carecall-output")
    memory_db: Path | None = None  # default: <output_dir>/memory.sqlite
    # Calls in progress written to <output_dir>/live/ as they happen (what was said, and the
    # mixed audio every 0.5 s) for the dashboard's live calls page and its Listen-in button
    # (observability.live). On by default; false (`carecall serve --no-live-calls`,
    # CARECALL_LIVE_CALLS=false): nothing is written there, and the live page shows no calls.
    live_calls: bool = True
    host: str = "127.0.0.1"
    port: int = Field(8765, ge=0, le=65535)
    token: str | None = None  # shared token (simulated phones, softphone, trusted networks)
    # Signs per-call tokens (`carecall token`, the Twilio dialer): every call must carry one,
    # in the URL path (wss://HOST/media/<token>) or as <Parameter name="token">. Give it
    # through the environment (CARECALL_CALL_SECRET), not a flag: flags show in `ps`.
    call_secret: str | None = Field(None, min_length=16)
    # Twilio's X-Twilio-Signature is checked on every handshake when set (the account's auth
    # token; CARECALL_TWILIO_AUTH_TOKEN). public_url: the wss:// base URL Twilio dials, which
    # is what it signs, when a proxy in front changes scheme or host.
    twilio_auth_token: str | None = None
    public_url: str | None = None
    # Listen on a non-loopback address with no authentication (never in production).
    allow_insecure: bool = False
    # A socket that sends no `start` is closed after start_timeout_s; a call with no media for
    # media_timeout_s ends with its report; max_wall_s caps a call in wall-clock seconds.
    start_timeout_s: float = Field(10.0, gt=0)
    media_timeout_s: float = Field(30.0, gt=0)
    max_wall_s: float = Field(1800.0, gt=0)
    speed: float = Field(1.0, gt=0.0, le=20.0)
    # Turn-taking (telephony.turn.TurnOptions, where each default and its reason is): a mapping
    # such as {end_silence_s: 2.0, barge_in_s: 1.0}; flags --turn-end-silence-s ...; in the
    # environment as JSON, CARECALL_TURN='{"end_silence_s": 2.0}'.
    turn: dict[str, float] = Field(default_factory=dict)
    max_call_s: float = Field(900.0, gt=0)  # a call is ended after this much line time
    # Largest websocket message accepted (a 20 ms audio frame is ~300 bytes of JSON); up to
    # twice this is dropped with a logged reason, larger closes the connection (code 1009).
    max_message_bytes: int = Field(64_000, ge=1024, le=16_000_000)
    # Alerts (alerts/, README "Alerts"): a signed webhook, SMS to on-call contacts (E.164, in
    # escalation order; Twilio credentials from TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN), the
    # next contact after alert_ack_minutes without an acknowledgement; a Twilio call can be
    # handed to the first on-call contact or the emergency number. The secret signs webhooks:
    # give it through the environment (CARECALL_ALERT_SECRET), flags show in `ps`.
    alert_webhook: str | None = None
    alert_secret: str | None = Field(None, min_length=16)
    alert_sms_to: list[str] = Field(default_factory=list)
    alert_sms_from: str | None = None  # a Twilio number (E.164) or Messaging Service SID (MG…)
    alert_ack_minutes: float = Field(5.0, gt=0)
    alert_handoff: Literal["oncall", "emergency", "none"] = "none"
    emergency_number: str | None = None  # default: 119 for ko, 911 for en
    alerts_db: Path | None = None  # default: <output_dir>/alerts.sqlite
    # Synthesized sentences (tts.cache: keyed on text, language, voice, rate and backend,
    # written atomically), by default in <output_dir>/tts-cache. Processes that speak with the
    # same voices can share one folder (CARECALL_TTS_CACHE_DIR): a host's servers, or a test
    # run, where every call server would otherwise synthesize the same prompts again.
    tts_cache_dir: Path | None = None
    # Days a call's recording, transcript and report (and its alerts' evidence) are kept;
    # `carecall purge` and every `campaign run` delete older ones. None: kept until purged.
    retention_days: float | None = Field(None, gt=0)

    @field_validator("turn", mode="before")
    @classmethod
    def _turn_json(cls, value: Any) -> Any:
        return json.loads(value) if isinstance(value, str) else value

    @field_validator("turn")
    @classmethod
    def _turn_options(cls, turn: dict[str, float]) -> dict[str, float]:
        from telephony.turn import TURN_OPTION_NAMES, TurnOptions

        unknown = sorted(set(turn) - set(TURN_OPTION_NAMES))
        if unknown:
            raise ValueError(f"unknown turn option {unknown[0]!r}; known: {TURN_OPTION_NAMES}")
        TurnOptions(**turn)  # its own checks (ranges, vad_release <= vad_threshold)
        return turn

    def turn_options(self):
        """The call's `telephony.turn.TurnOptions`: the defaults, with what was set here."""
        from telephony.turn import TurnOptions

        return TurnOptions(**self.turn)

    @field_validator("alert_webhook")
    @classmethod
    def _webhook_url(cls, url: str | None) -> str | None:
        from assembly.alert_settings import check_webhook_url

        return check_webhook_url(url) if url else None

    @field_validator("alert_sms_to", mode="before")
    @classmethod
    def _sms_to_list(cls, value):
        if isinstance(value, str):  # from the environment: comma-separated
            return [v.strip() for v in value.split(",") if v.strip()]
        return value

    @field_validator("alert_sms_to")
    @classmethod
    def _sms_to_e164(cls, numbers: list[str]) -> list[str]:
        from assembly.alert_settings import e164

        return [e164(n, f"number {i + 1}") for i, n in enumerate(numbers)]

    @field_validator("alert_sms_from")
    @classmethod
    def _sms_from(cls, value: str | None) -> str | None:
        from assembly.alert_settings import e164

        if value is None or value.startswith("MG"):
            return value
        return e164(value, "alert_sms_from")

    @model_validator(mode="after")
    def _alerts_complete(self) -> Settings:
        from assembly.alert_settings import check_alert_settings

        check_alert_settings(self)
        return self

    @model_validator(mode="after")
    def _expected_words_need_the_domain_lm(self) -> Settings:
        if self.rescore_expected_bonus and self.rescore_lm != "domain":
            raise ValueError(
                f"rescore_expected_bonus needs rescore_lm: domain (the scenario's answers name "
                f"the expected words); rescore_lm is {self.rescore_lm!r}"
            )
        return self

    @property
    def scenario_name(self) -> str:
        return self.scenario or f"daily_checkin_{self.language}"

    @property
    def recognizer_kind(self) -> str:
        if self.asr != "auto":
            return self.asr
        return "whisper" if self.asr_model or self.language != "en" else "sphinx"

    @property
    def recognizer_processes(self) -> int:
        """Worker processes for recognition while serving (0: in the server's threads)."""
        if self.asr_workers is not None:
            return self.asr_workers
        # One per core: each call's turn decodes on its worker while it is spoken, so the
        # workers share the cores with the server's audio rather than queue behind one.
        return max(1, os.cpu_count() or 2) if self.recognizer_kind == "sphinx" else 0

    @property
    def alerts_path(self) -> Path:
        return self.alerts_db or self.output_dir / "alerts.sqlite"

    @property
    def emergency(self) -> str:
        return self.emergency_number or {"ko": "119"}.get(self.language, "911")

    @property
    def memory_path(self) -> Path:
        return self.memory_db or self.output_dir / "memory.sqlite"

    @property
    def tts_cache_path(self) -> Path:
        return self.tts_cache_dir or self.output_dir / "tts-cache"


def load_settings(config_file: str | Path | None = None, **overrides: Any) -> Settings:
    values: dict[str, Any] = {}
    if config_file:
        # The one YAML reader with limits (dialogue.yamlfile): a settings file is refused
        # the same way as a scenario when it is not a regular file, too large, or a bomb.
        from dialogue.yamlfile import ScenarioError, read_yaml

        path = Path(config_file)
        try:
            loaded = read_yaml(path, allow_empty=True)[0] or {}
        except ScenarioError as exc:
            raise ConfigError(f"configuration {path}: {exc}") from None
        if not isinstance(loaded, dict):
            raise ConfigError(f"{path}: configuration must be a mapping of settings")
        values.update(loaded)
    for name in Settings.model_fields:
        env = os.environ.get(f"CARECALL_{name.upper()}")
        if env is not None:
            values[name] = env
    if isinstance(overrides.get("turn"), dict) and isinstance(values.get("turn"), dict):
        overrides["turn"] = {**values["turn"], **overrides["turn"]}  # flag by flag over the file
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings(**values)
    except ValidationError as exc:
        where = f"{config_file}: " if config_file else ""
        problems = "; ".join(_problem(e) for e in exc.errors())
        raise ConfigError(f"{where}invalid settings: {problems}") from exc


def _problem(error: dict) -> str:
    where = ".".join(map(str, error["loc"]))
    message = error["msg"].removeprefix("Value error, ")
    return f"{where}: {message}" if where else message
