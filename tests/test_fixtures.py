"""The in-domain speech fixtures: kept apart from the domain LM's text, reproducible, on disk.

A gain measured on sentences the language model was built from would measure memorization,
so the first tests here check that no fixture sentence is (or is worded like) a sentence of
the domain LM's text: the scenario's answer examples, keywords and per-question answers.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
import soundfile

from asr.corpus import read_manifest
from asr.normalize import compact, normalize
from carecall.fixtures import (
    ANSWER_FILES,
    FIXTURES_DIR,
    FixtureError,
    add_noise,
    build,
    plan,
    read_answers,
    render,
)
from dialogue import load_scenario
from dialogue.caller import load_persona
from dialogue.scenario import domain_corpus
from dialogue.text import terms
from scenarios import list_personas

MANIFEST = FIXTURES_DIR / "manifest.jsonl"
needs_flite = pytest.mark.skipif(shutil.which("flite") is None, reason="flite is not installed")


def lm_text(scenario) -> list[str]:
    """Every sentence the domain LM (`assembly.pipeline.build_scorer`) is built from."""
    return domain_corpus(scenario) + [a for v in scenario.question_answers().values() for a in v]


@pytest.mark.parametrize("path", ANSWER_FILES, ids=lambda p: p.name)
def test_no_fixture_sentence_is_in_the_domain_lm_text(path: Path) -> None:
    answers = read_answers(path)
    scenario = load_scenario(answers[0].scenario)
    language = scenario.language
    text = [compact(normalize(s, language)) for s in lm_text(scenario)]
    for answer in answers:
        said = compact(normalize(answer.text, language))
        assert not any(said in sentence for sentence in text), answer.text


@pytest.mark.parametrize("path", ANSWER_FILES, ids=lambda p: p.name)
def test_fixture_sentences_are_worded_unlike_the_domain_lm_text(path: Path) -> None:
    # The rule tests/test_scenario.py applies to persona answers: word-set Dice < 0.7.
    answers = read_answers(path)
    scenario = load_scenario(answers[0].scenario)
    corpus = [set(terms(s, scenario.language)) for s in lm_text(scenario)]
    for answer in answers:
        said = set(terms(answer.text, scenario.language))
        for sentence in corpus:
            assert 2 * len(said & sentence) / (len(said) + len(sentence)) < 0.7, answer.text


def test_fixture_sentences_are_not_the_personas_answers() -> None:
    spoken = {compact(a.text) for path in ANSWER_FILES for a in read_answers(path)}
    for name in list_personas():
        persona = load_persona(name)
        for key in persona.answers:
            for line in persona.lines(key):
                assert compact(line) not in spoken, line


def test_answers_cover_every_item_and_alternate_dev_and_test() -> None:
    for path in ANSWER_FILES:
        answers = read_answers(path)
        scenario = load_scenario(answers[0].scenario)
        assert {a.item for a in answers} == {i.id for i in scenario.items}
        for a in answers:
            assert a.truth in {x.answer_class for x in scenario.item(a.item).answers}, a
            assert a.split == ("dev" if a.index % 2 == 0 else "test")
        texts = [a.text for a in answers]
        assert len(texts) == len(set(texts))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("language: en\nscenario: x\nanswers: {}\n", r"bad.yaml:3: answers: must map items"),
        ("language: fr\nscenario: x\nanswers: {a: {b: [hi]}}\n", r":1: language: must be one"),
        ("language: en\nscenario: x\nanswers:\n  meal:\n    ate: [ok, '']\n",
         r"bad.yaml:5: answers.meal.ate.1: must be a non-empty sentence"),
        ("language: en\nanswers: {a: {b: [hi]}}\n", r"scenario: must be a string"),
    ],
)  # fmt: skip
def test_bad_answer_files_are_named(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(FixtureError, match=message):
        read_answers(path)


def test_the_committed_set_is_what_the_generator_plans() -> None:
    answers = [a for path in ANSWER_FILES for a in read_answers(path)]
    planned = plan(answers, FIXTURES_DIR)
    committed = read_manifest(MANIFEST)
    assert committed == planned
    assert plan(answers, FIXTURES_DIR) == planned  # seeded: the same every time
    large = plan(answers[:1], FIXTURES_DIR, large=True)
    assert len(large) == 4 * 3 * 3 and len({u.id for u in large}) == len(large)


def test_committed_clips_are_telephone_mulaw_at_8khz() -> None:
    clips = read_manifest(MANIFEST)
    assert {u.split for u in clips} == {"dev", "test"}
    assert {u.voice for u in clips if u.language == "en"} == {
        "flite:slt", "flite:rms", "flite:awb", "flite:kal16"
    }  # fmt: skip
    total = 0
    for clip in clips:
        info = soundfile.info(clip.audio)
        assert (info.samplerate, info.channels, info.subtype) == (8000, 1, "ULAW"), clip.id
        assert info.frames > 0, clip.id
        total += clip.audio.stat().st_size
    assert total < 6_000_000


def test_noise_is_seeded_and_at_the_asked_snr() -> None:
    t = np.arange(8000) / 8000
    speech = (0.3 * np.sin(2 * np.pi * 300 * t)).astype(np.float32)
    noisy = add_noise(speech, 10.0, seed="clip-1")
    assert np.array_equal(noisy, add_noise(speech, 10.0, seed="clip-1"))
    assert not np.array_equal(noisy, add_noise(speech, 10.0, seed="clip-2"))
    snr = 10 * np.log10(np.mean(speech**2) / np.mean((noisy - speech) ** 2))
    assert snr == pytest.approx(10.0, abs=0.3)


@needs_flite
def test_building_is_reproducible_and_stores_the_line_signal(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "language: en\nscenario: daily_checkin_en\n"
        "answers:\n  sleep:\n    well: [I had a quiet night, Slept soundly until seven]\n"
    )
    first = build(tmp_path / "a", answer_files=(answers,), languages=("en",))
    second = build(tmp_path / "b", answer_files=(answers,), languages=("en",))
    clips = read_manifest(first)
    assert len(clips) == 4 and [c.split for c in clips] == ["dev", "dev", "test", "test"]
    for clip, again in zip(clips, read_manifest(second), strict=True):
        assert clip.audio.read_bytes() == again.audio.read_bytes()
    from carecall.fixtures import _Voices

    samples, rate = soundfile.read(clips[0].audio, dtype="float32")
    assert rate == 8000
    assert np.array_equal(samples, render(clips[0], _Voices()))
