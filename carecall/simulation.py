"""The simulated person on the phone: a persona's brain, ears and voice, wired together.

The brain (`dialogue.caller.SimulatedCaller`) decides what to answer from what it heard; the ears
are an offline recognizer with a language model of what the agent may say (English), and the
voice is a synthesizer chosen by the persona (flite for English: pocketsphinx hears it well).
"""

from __future__ import annotations

import logging

from asr import Recognizer
from carecall.voices import make_synthesizer, parse_voice
from dialogue.caller import Persona, SimulatedCaller
from dialogue.scenario import Scenario
from telephony.audio import Audio
from telephony.phone import Action

log = logging.getLogger("carecall.person")


class PersonaPerson:
    def __init__(
        self, persona: Persona, scenario: Scenario, ears: Recognizer | None = None
    ) -> None:
        self.persona = persona
        self.brain = SimulatedCaller(persona, scenario)
        self.ears = ears
        backend, self.voice = parse_voice(
            persona.voice, "flite" if persona.language == "en" else "espeak"
        )
        self.mouth = make_synthesizer(backend)
        self.heard: list[str] = []

    def respond(self, heard: Audio) -> Action:
        text = None
        if self.ears is not None:
            text = self.ears.transcribe(heard, language=self.persona.language).text
            self.heard.append(text)
        answer = self.brain.respond(text)
        log.info("person heard %r, answers %r", text, answer)
        if not answer:
            return Action()
        audio = self.mouth.synthesize(
            answer, language=self.persona.language, voice=self.voice, rate=self.persona.rate
        )
        return Action(speech=audio, text=answer)


def build_ears(scenario: Scenario) -> Recognizer | None:
    """An offline recognizer for the agent's voice, biased to what this scenario makes it say."""
    if scenario.language != "en":
        return None  # pocketsphinx ships an English model only: the brain falls back to order
    from asr.sphinx import SphinxRecognizer

    return SphinxRecognizer.from_sentences(scenario.agent_lines(), nbest=1)
