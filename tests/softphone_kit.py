"""What the softphone's Chromium test needs: headless Chromium with a microphone fed from a WAV,
and that WAV: a persona's answers to a scenario, each placed where the agent will be waiting
for it.

A WAV cannot listen, so the call is played through once beforehand, as the server will hear
it: each answer in the persona's voice, on the 8 kHz μ-law line, through the server's own
recognizer and rescorer (default settings, the question as context), and the scenario engine
on what was recognized (the same engine as a call, as `carecall chat` runs it). The persona's
brain picks each answer from the agent's actual words (as the simulated phone's does), so a
misheard answer that makes the agent ask again, or ask a safety question, is answered in the
WAV too. Every agent turn is synthesized with the server's voice to know how long it speaks,
and each answer starts `margin_s` after the end of the agent's turn as it would be with no
delay at all. The agent speaks after the end of the person's turn (1.5 s of silence) and its
processing (P: recognizer, dialogue, synthesis), so the answer comes `margin_s - 1.5 - P`
after the agent ends: with 7 s, any P up to 5.5 s (a busy machine) neither cuts the agent off
nor lets its silence prompt (7 s) come first. The opening comes with no turn before it, only
the page's setup (`lead_s` into the WAV covers it): the first answer comes `opening_margin_s`
after the opening's ideal end.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from telephony.audio import Audio
from telephony.g711 import float_to_ulaw, ulaw_to_float
from telephony.resample import resample

WAV_RATE = 16000


@dataclass
class Script:
    wav: Path
    answers: list[str] = field(default_factory=list)  # what the person says, in order
    heard: list[str] = field(default_factory=list)  # what the server is expected to recognize
    agent: list[str] = field(default_factory=list)  # what the agent is expected to say
    seconds: float = 0.0


def answers_wav(
    persona_file: Path,
    out: Path,
    *,
    name: str | None = None,
    voice: str | None = None,
    margin_s: float = 7.0,
    opening_margin_s: float = 3.0,
    lead_s: float = 1.0,
    tail_s: float = 30.0,
) -> Script:
    """The persona's answers to its scenario as one mono WAV, silences planned as above.

    `voice`: "espeak:VOICE", "flite:VOICE" or None for the persona's own voice."""
    from asr import RecognitionContext
    from assembly.config import load_settings
    from assembly.pipeline import build_recognizer, build_rescorer
    from assembly.simulation import PersonaPerson
    from assembly.voices import make_synthesizer
    from dialogue.caller import load_persona, plain
    from dialogue.engine import DialogueEngine, Recipient
    from dialogue.scenario import load_scenario
    from scenarios import scenario_path

    persona = load_persona(persona_file)
    scenario = load_scenario(scenario_path(persona.scenario or f"daily_checkin_{persona.language}"))
    if voice is not None:
        persona = persona.model_copy(update={"voice": voice})
    person = PersonaPerson(persona, scenario)
    agent_voice = make_synthesizer("espeak")
    rate = scenario.agent.speaking_rate or 0.9

    def agent_seconds(text: str) -> float:
        audio = agent_voice.synthesize(text, language=scenario.language, rate=rate)
        return len(audio.samples) / audio.sample_rate

    def pcm(audio) -> np.ndarray:
        return resample(np.asarray(audio.samples, np.float32), audio.sample_rate, WAV_RATE)

    settings = load_settings(None)
    recognizer = build_recognizer(settings, scenario)
    rescorer = build_rescorer(settings, scenario)

    def heard(audio, turn) -> str:
        """What the server will make of `audio` after `turn`, on the line."""
        line = ulaw_to_float(float_to_ulaw(0.5 * resample(audio.samples, audio.sample_rate, 8000)))
        context = RecognitionContext(last_question=turn.text, vocabulary=tuple(turn.expected))
        text = recognizer.transcribe(
            Audio(resample(line, 8000, 16000), 16000), language=scenario.language, context=context
        )
        return (rescorer.rescore(text, context) if rescorer else text).text

    engine = DialogueEngine(scenario, recipient=Recipient("softphone", name or persona.name))
    script = Script(out)
    pieces = [np.zeros(round(lead_s * WAV_RATE), np.float32)]
    turn = engine.opening()
    while True:
        engine.heard(turn, turn.text, True)
        script.agent.append(turn.text)
        wait = agent_seconds(turn.text) + (margin_s if script.answers else opening_margin_s)
        pieces.append(np.zeros(round(wait * WAV_RATE), np.float32))
        if engine.finished:
            break
        move = person.brain.move(turn.text)
        if not move.text:
            break
        script.answers.append(plain(move.text))
        voice = person.say(move.text)
        peak = max(1e-6, float(np.abs(voice.samples).max()))
        voice = Audio(np.asarray(voice.samples, np.float32) / peak, voice.sample_rate)
        pieces.append(0.5 * pcm(voice))
        script.heard.append(heard(voice, turn))
        turn = engine.reply(script.heard[-1])
    pieces.append(np.zeros(round(tail_s * WAV_RATE), np.float32))
    samples = np.concatenate(pieces)
    script.seconds = len(samples) / WAV_RATE
    sf.write(out, samples, WAV_RATE, subtype="PCM_16")
    return script


def need_chromium() -> tuple[str, str]:
    """Chromium's and chromedriver's paths; skips the test, without starting a browser, where
    either (or selenium) is missing."""
    binary, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not binary or not driver:
        pytest.skip("Chromium is not installed (apt-get install chromium chromium-driver)")
    pytest.importorskip("selenium.webdriver", reason="pip install selenium")
    return binary, driver


def chromium(*extra: str):
    """Headless Chromium through chromedriver, with `extra` switches (the dashboard tests use
    it too); skips the test where either is missing."""
    binary, driver = need_chromium()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--autoplay-policy=no-user-gesture-required",
        "--mute-audio",
        *extra,
    ):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(driver), options=options)


def fake_microphone(wav: Path) -> tuple[str, ...]:
    """Switches that make getUserMedia allowed without asking, and fed from `wav`, once."""
    return (
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        f"--use-file-for-fake-audio-capture={wav}%noloop",
    )
