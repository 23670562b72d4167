"""The agent's voice in the call pipeline: every scenario's fixed prompts warmed into the phrase
cache, the scenario's speaking rate used by the voice, replies as lazily synthesized sentences.
Real espeak-ng audio, the real shipped scenarios."""

from __future__ import annotations

from pathlib import Path

import pytest

from assembly.config import load_settings
from assembly.pipeline import Pipeline
from dialogue.scenario import load_scenario
from dialogue.yamlfile import ScenarioError
from scenarios import list_scenarios, scenario_path
from telephony import CallInfo
from tts import SynthesisError
from tts.cache import PhraseCache
from tts.sentences import split_sentences


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory) -> Pipeline:
    out = tmp_path_factory.mktemp("out")
    # its own phrase cache, not the session's (conftest): these tests count what is in it
    return Pipeline(load_settings(output_dir=out, rescore=False, tts_cache_dir=out / "tts-cache"))


def with_rate(tmp_path: Path, rate: str) -> Path:
    """The shipped English scenario with another `agent.speaking_rate`."""
    text = scenario_path("daily_checkin_en").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if not ln.strip().startswith("speaking_rate:")]
    at = next(i for i, ln in enumerate(lines) if ln.startswith("  organization:")) + 1
    lines.insert(at, f"  speaking_rate: {rate}")
    path = tmp_path / f"rate_{rate}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_every_shipped_scenarios_fixed_prompts_are_warmed_sentence_by_sentence(pipeline):
    scenarios = pipeline.call_scenarios()
    assert {s.id for s in scenarios} == set(list_scenarios())
    pipeline.warm()
    for scenario in scenarios:
        args = pipeline.voice_args(scenario)
        for prompt in scenario.fixed_prompts():
            for sentence in split_sentences(prompt, scenario.language) or [prompt]:
                assert pipeline.cache.contains(sentence, **args), (scenario.id, sentence)
    assert pipeline.warm() == 0  # all on disk now: nothing is synthesized twice


def test_a_calls_opening_starts_with_a_warmed_sentence(pipeline):
    """The greeting is fixed (warmed ahead) and comes with its audio; the question with the
    person's name is not cached, and is synthesized when the line asks, while the greeting
    plays."""
    pipeline.warm()
    agent = pipeline.agent_factory(
        CallInfo(
            "MZ1", "CA1", {"scenario": "heatwave_checkin_ko", "recipient": "r1", "name": "김영희"}
        )
    )
    reply = agent.opening()
    assert len(reply.segments) == 3  # greeting, disclosure (an AI, recorded), question
    args = pipeline.voice_args(agent.scenario)
    greeting, disclosure, question = reply.segments
    assert greeting.audio is not None  # read from the cache: queued on the line at once
    assert disclosure.audio is not None and "AI" in disclosure.text
    assert question.audio is None and question.render is not None  # made when the line asks
    assert pipeline.cache.contains(greeting.text, **args)
    assert "김영희" in question.text and not pipeline.cache.contains(question.text, **args)
    assert question.synthesize().duration > 0.3


def test_the_scenarios_speaking_rate_is_the_voices(pipeline, tmp_path):
    ko = pipeline.scenario("daily_checkin_ko")
    assert ko.agent.speaking_rate == 0.85
    assert pipeline.voice_args(ko) == {"language": "ko", "voice": None, "rate": 0.85}
    slow = load_scenario(with_rate(tmp_path, "0.6"))
    fast = load_scenario(with_rate(tmp_path, "1.4"))
    text = "Did you sleep well last night? Have you had your breakfast yet?"
    slow_audio = [s.synthesize() for s in pipeline.speak(text, slow)]
    fast_audio = [s.synthesize() for s in pipeline.speak(text, fast)]
    assert len(slow_audio) == len(fast_audio) == 2  # one segment per sentence
    for a, b in zip(slow_audio, fast_audio, strict=True):
        assert a.duration > 1.5 * b.duration


def test_a_scenario_without_a_rate_speaks_at_the_process_setting(pipeline, tmp_path):
    text = scenario_path("daily_checkin_en").read_text(encoding="utf-8")
    path = tmp_path / "no_rate.yaml"
    path.write_text(
        "\n".join(ln for ln in text.splitlines() if "speaking_rate:" not in ln) + "\n",
        encoding="utf-8",
    )
    scenario = load_scenario(path)
    assert scenario.agent.speaking_rate is None
    assert pipeline.voice_args(scenario)["rate"] == pipeline.settings.speaking_rate


@pytest.mark.parametrize("rate", ["3", "0.1", "fast"])
def test_a_bad_speaking_rate_names_file_line_and_field(tmp_path, rate):
    path = with_rate(tmp_path, rate)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    line = next(i for i, ln in enumerate(path.read_text().splitlines(), 1) if "speaking_rate" in ln)
    assert f"{path.name}:{line}: agent.speaking_rate:" in str(info.value)


class EnglishOnly:
    """A voice that speaks English only, as a single-language Coqui model does."""

    def __init__(self, voice) -> None:
        self.voice = voice

    def synthesize(self, text, *, language="en", voice=None, rate=1.0):
        if language != "en":
            raise SynthesisError(f"speaks 'en' only; not {language!r}")
        return self.voice.synthesize(text, language=language, voice=voice, rate=rate)


@pytest.mark.parametrize("default", ["daily_checkin_en", "daily_checkin_ko"])
def test_scenarios_the_voice_cannot_speak_are_skipped_unless_it_is_the_default(
    tmp_path, caplog, default
):
    pipeline = Pipeline(load_settings(output_dir=tmp_path, rescore=False, scenario=default))
    pipeline.cache = PhraseCache(tmp_path / "cache", EnglishOnly(pipeline.synthesizer), "en")
    if default == "daily_checkin_ko":  # the calls' own scenario must be spoken: stop at start
        with pytest.raises(SynthesisError):
            pipeline.warm()
        return
    assert pipeline.warm() > 0
    assert "fixed prompts of daily_checkin_ko not warmed" in caplog.text
    en = pipeline.default_scenario
    greeting = split_sentences(en.fixed_prompts()[0], "en")[0]
    assert pipeline.cache.contains(greeting, **pipeline.voice_args(en))
