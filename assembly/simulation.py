"""The simulated person on the phone: a persona's brain, ears and voice, wired together.

The brain (`dialogue.caller.SimulatedCaller`) decides what to answer from what it heard; the ears
are an offline recognizer with a language model of what the agent may say (English), and the
voice is a synthesizer chosen by the persona (flite for English: pocketsphinx hears it well).
The persona's behaviours reach the phone as `Action`s: pauses become silence inside the
answer's audio, and the brain says when to press a key, stay silent, cut in or hang up.
"""

from __future__ import annotations

import logging

import numpy as np

from asr import Recognizer
from assembly.voices import make_synthesizer, parse_voice
from dialogue.caller import Persona, SimulatedCaller, plain, remark_reactions, speech_parts
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
        move = self.brain.move(text)
        log.info("person heard %r, does %s", text, move)
        speech = self.say(move.text) if move.text else None
        return Action(
            speech=speech, text=plain(move.text or ""), dtmf=move.dtmf, hangup=move.hangup
        )

    def barge_in_after(self) -> float | None:
        return self.brain.barge_in_after()

    def barge_in_lead(self) -> int:
        return self.brain.barge_in_lead()

    def barge_in_missed(self) -> None:
        self.brain.barge_in_missed()

    def say(self, text: str) -> Audio:
        """The answer in the persona's voice; a `[pause N]` is exactly N s of silence between
        the phrases (the silence the synthesizer leaves around each phrase is trimmed)."""
        parts = speech_parts(text)
        voiced = {
            i: self.mouth.synthesize(
                part, language=self.persona.language, voice=self.voice, rate=self.persona.rate
            )
            for i, part in enumerate(parts)
            if isinstance(part, str)
        }
        rate = next(iter(voiced.values())).sample_rate
        pieces = [
            (_trim(voiced[i].samples) if len(parts) > 1 else voiced[i].samples)
            if i in voiced
            else np.zeros(round(float(part) * rate), np.float32)
            for i, part in enumerate(parts)
        ]
        return Audio(np.concatenate(pieces), rate)


def build_ears(scenario: Scenario, persona: Persona | None = None) -> Recognizer | None:
    """An offline recognizer for the agent's voice, biased to what this scenario makes it say."""
    if scenario.language != "en":
        return None  # pocketsphinx ships an English model only: the brain falls back to order
    from asr.sphinx import SphinxRecognizer
    from dialogue.conversation.talk import answer_lines

    # The scenario's lines and the reactions said right before its questions. (With the
    # whole response bank, ~500 lines, in the language model the questions were misheard.)
    lines = scenario.agent_lines() + answer_lines(scenario)
    # With the persona: the reactions to the remarks in its answers, also said before questions.
    lines += remark_reactions(persona, scenario) if persona is not None else []
    return SphinxRecognizer.from_sentences(lines, nbest=1)


def _trim(x: np.ndarray, threshold: float = 0.01, keep: int = 160) -> np.ndarray:
    loud = np.flatnonzero(np.abs(x) > threshold)
    if not len(loud):
        return x
    return x[max(0, loud[0] - keep) : loud[-1] + 1 + keep]
