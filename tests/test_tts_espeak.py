"""espeak-ng: real audio in both languages, through the real binary."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from telephony.audio import INTERNAL_RATE
from tts import SynthesisError, Synthesizer
from tts.espeak import EspeakSynthesizer, _plain

pytestmark = pytest.mark.skipif(
    shutil.which("espeak-ng") is None,
    reason="espeak-ng is not installed (apt-get install espeak-ng)",
)

SHORT = {"en": "Good morning.", "ko": "안녕하세요."}
LONG = {
    "en": "Good morning. Did you sleep well last night? Have you had your breakfast yet?",
    "ko": "안녕하세요. 어젯밤에 잘 주무셨어요? 아침 식사는 하셨어요?",
}


@pytest.fixture(scope="module")
def espeak() -> EspeakSynthesizer:
    return EspeakSynthesizer()


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(samples.astype(np.float64) ** 2)))


@pytest.mark.parametrize("language", ["en", "ko"])
def test_speaks_audible_16khz_audio(espeak: EspeakSynthesizer, language: str) -> None:
    audio = espeak.synthesize(LONG[language], language=language)
    assert audio.sample_rate == INTERNAL_RATE
    assert audio.samples.dtype == np.float32
    assert audio.samples.ndim == 1 and audio.samples.size > 0
    assert np.all(np.isfinite(audio.samples))
    assert np.max(np.abs(audio.samples)) <= 1.0
    assert rms(audio.samples) > 0.01


@pytest.mark.parametrize("language", ["en", "ko"])
def test_duration_grows_with_text_and_falls_with_rate(
    espeak: EspeakSynthesizer, language: str
) -> None:
    # lengths in samples, not time taken: espeak-ng's output is the same samples on every run
    # (test_same_text_gives_the_same_audio), so load cannot change them
    short = espeak.synthesize(SHORT[language], language=language)
    long = espeak.synthesize(LONG[language], language=language)
    fast = espeak.synthesize(LONG[language], language=language, rate=1.5)
    slow = espeak.synthesize(LONG[language], language=language, rate=0.7)
    assert len(long.samples) > 2 * len(short.samples)
    assert len(fast.samples) < 0.85 * len(long.samples)
    assert len(slow.samples) > 1.15 * len(long.samples)


def test_same_text_gives_the_same_audio(espeak: EspeakSynthesizer) -> None:
    first = espeak.synthesize(SHORT["ko"], language="ko")
    second = espeak.synthesize(SHORT["ko"], language="ko")
    np.testing.assert_array_equal(first.samples, second.samples)


def test_satisfies_the_synthesizer_protocol(espeak: EspeakSynthesizer) -> None:
    assert isinstance(espeak, Synthesizer)


def test_voice_variants_apply_to_each_language() -> None:
    agent = EspeakSynthesizer(default_voice="+f3")
    assert agent.voice_for("ko") == "ko+f3"
    assert agent.voice_for("en") == "en-us+f3"
    assert agent.voice_for("en", "en-gb") == "en-gb"
    assert EspeakSynthesizer().voice_for("ko") == "ko"
    male = EspeakSynthesizer().synthesize(SHORT["en"])
    female = agent.synthesize(SHORT["en"])
    assert male.samples.shape != female.samples.shape or not np.array_equal(
        male.samples, female.samples
    )


def test_text_is_never_read_as_options_or_markup(espeak: EspeakSynthesizer) -> None:
    # As an option, "-v nosuch" would fail for an unknown voice; as text it is spoken.
    assert espeak.synthesize("-v nosuch --help").duration > 0.3
    assert espeak.synthesize("<speak>3 < 4 & 5 > 2</speak>").duration > 0.5
    assert _plain("say [[h@l'oU]] [[[x") == "say [ [h@l'oU]] [ [ [x"
    assert _plain("a\x00b\x1bc\nd") == "a b c\nd"


def test_unknown_voice_is_a_clear_error(espeak: EspeakSynthesizer) -> None:
    with pytest.raises(SynthesisError, match="voice 'xx-nosuch'"):
        espeak.synthesize("hello", voice="xx-nosuch")


def test_missing_binary_says_how_to_install() -> None:
    with pytest.raises(SynthesisError, match="apt-get install espeak-ng"):
        EspeakSynthesizer(binary="espeak-ng-not-installed")


@pytest.mark.parametrize("text", ["", "   \n"])
def test_empty_text_is_refused(espeak: EspeakSynthesizer, text: str) -> None:
    with pytest.raises(SynthesisError, match="empty text"):
        espeak.synthesize(text)


@pytest.mark.parametrize(
    "kwargs", [{"pitch": 120}, {"words_per_minute": 20}, {"words_per_minute": 1000}]
)
def test_bad_settings_are_refused(kwargs: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        EspeakSynthesizer(**kwargs)


def test_bad_rate_is_refused(espeak: EspeakSynthesizer) -> None:
    with pytest.raises(ValueError, match="rate"):
        espeak.synthesize("hello", rate=0.0)
