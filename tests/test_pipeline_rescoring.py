"""Rescoring in the live call: the N-best heard is re-ranked with the question just asked."""

from __future__ import annotations

from pathlib import Path

import pytest

from asr import Hypothesis, RecognitionContext, Transcript
from asr.domain_lm import NgramScorer
from asr.rescore import Rescorer
from assembly.config import ConfigError, load_settings
from assembly.pipeline import Pipeline, WeightsMissing, build_rescorer, build_scorer
from dialogue import load_scenario
from telephony import CallInfo
from telephony.audio import Audio


class Scripted:
    """A recognizer that 'hears' a fixed N-best and records the context it was given."""

    def __init__(self, *nbest: tuple[str, float]) -> None:
        self.hyps = tuple(Hypothesis(t, s, None, s) for t, s in nbest)
        self.contexts: list[RecognitionContext | None] = []

    def transcribe(self, audio, *, language=None, context=None) -> Transcript:
        self.contexts.append(context)
        return Transcript(self.hyps[0].text, self.hyps, "en", {"asr": 0.1})


def call(tmp_path: Path, **settings) -> tuple[Pipeline, object]:
    pipeline = Pipeline(load_settings(output_dir=tmp_path, **settings))
    agent = pipeline.agent_factory(CallInfo("MZ1", "CA1", {"recipient": "r1", "name": "Ann"}))
    agent.opening()
    return pipeline, agent


def test_defaults_rescore_with_the_scenario_domain_lm() -> None:
    settings = load_settings()
    assert settings.rescore and settings.rescore_lm == "domain"
    rescorer = build_rescorer(settings, load_scenario("daily_checkin_en"))
    assert isinstance(rescorer, Rescorer) and isinstance(rescorer.scorer, NgramScorer)
    assert (rescorer.weight, rescorer.length_bonus) == (
        settings.rescore_weight, settings.rescore_length_bonus
    )  # fmt: skip
    assert rescorer.scorer.background is not None  # English falls back on general English
    korean = build_scorer("domain", load_scenario("daily_checkin_ko"))
    assert korean.background is None
    assert build_rescorer(load_settings(rescore=False), load_scenario("daily_checkin_en")) is None


def test_the_agent_hears_the_rescored_text(tmp_path: Path) -> None:
    pipeline, agent = call(tmp_path)
    # Identity question first: "yes" vs an acoustically closer non-answer.
    pipeline.recognizer = Scripted(("yes speaking", -1.0))
    agent.hear(Audio.silence(1.0))
    question = pipeline.recognizer.contexts[-1]
    pipeline.recognizer = Scripted(("i had a cereal hand soap", -3.000), ("i had cereal and soup",
                                   -3.004))  # fmt: skip
    reply = agent.hear(Audio.silence(1.0))
    assert pipeline.recognizer.contexts[-1].last_question != question.last_question
    assert "eat" in pipeline.recognizer.contexts[-1].last_question.lower()
    assert reply.user_text == "i had cereal and soup"


def test_rescoring_off_keeps_the_recognizers_text(tmp_path: Path) -> None:
    pipeline, agent = call(tmp_path, rescore=False)
    pipeline.recognizer = Scripted(("yes speaking", -1.0))
    agent.hear(Audio.silence(1.0))
    pipeline.recognizer = Scripted(("i had a cereal hand soap", -3.000), ("i had cereal and soup",
                                   -3.004))  # fmt: skip
    assert agent.hear(Audio.silence(1.0)).user_text == "i had a cereal hand soap"


def test_bad_rescoring_settings_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="rescore_weight"):
        load_settings(rescore_weight=-1)
    with pytest.raises(WeightsMissing, match="rescore_lm 'nonesuch'"):
        Pipeline(load_settings(output_dir=tmp_path, rescore_lm="nonesuch"))
