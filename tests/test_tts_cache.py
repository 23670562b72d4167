"""The phrase cache: one synthesis per phrase, keys that see every setting, corruption healed."""

from __future__ import annotations

import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from telephony.audio import Audio
from tts.cache import PhraseCache


class Counting:
    """Wraps a synthesizer and counts what reaches it; by default a deterministic tone voice.

    The tone depends on every argument, so audio served for the wrong key would show.
    """

    def __init__(self, inner: object | None = None) -> None:
        self.inner = inner
        self.calls: list[tuple[str, str, str | None, float]] = []
        self._lock = threading.Lock()

    def synthesize(
        self, text: str, *, language: str = "en", voice: str | None = None, rate: float = 1.0
    ) -> Audio:
        with self._lock:
            self.calls.append((text, language, voice, rate))
        if self.inner is not None:
            return self.inner.synthesize(text, language=language, voice=voice, rate=rate)
        seconds = 0.05 * len(text) / rate
        pitch = 200 + 50 * (voice is not None) + 100 * (language == "ko")
        t = np.arange(round(seconds * 16000)) / 16000
        return Audio((0.3 * np.sin(2 * np.pi * pitch * t)).astype(np.float32))


@pytest.fixture
def voice() -> Counting:
    return Counting()


def entries(directory: Path) -> list[Path]:
    return sorted(directory.rglob("*.npz"))


def test_second_request_is_served_from_disk(tmp_path: Path, voice: Counting) -> None:
    cache = PhraseCache(tmp_path, voice, "tone")
    first = cache.get_or_synthesize("Good morning.", language="en")
    second = cache.get_or_synthesize("Good morning.", language="en")
    assert len(voice.calls) == 1
    np.testing.assert_array_equal(first.samples, second.samples)
    assert second.sample_rate == first.sample_rate
    # A new cache over the same directory (a restarted server) finds it too.
    again = PhraseCache(tmp_path, voice, "tone").get_or_synthesize("Good morning.")
    np.testing.assert_array_equal(again.samples, first.samples)
    assert len(voice.calls) == 1
    assert len(entries(tmp_path)) == 1


def test_the_cache_is_a_synthesizer(tmp_path: Path, voice: Counting) -> None:
    cache = PhraseCache(tmp_path, voice, "tone")
    a = cache.synthesize("네.", language="ko", rate=0.9)
    b = cache.get_or_synthesize("네.", language="ko", rate=0.9)
    np.testing.assert_array_equal(a.samples, b.samples)
    assert voice.calls == [("네.", "ko", None, 0.9)]


def test_every_setting_is_part_of_the_key(tmp_path: Path, voice: Counting) -> None:
    base = PhraseCache(tmp_path, voice, "tone", settings={"pitch": 50})
    keys = {
        base.key("Hello."),
        base.key("Hello!"),
        base.key("Hello.", language="ko"),
        base.key("Hello.", voice="+f3"),
        base.key("Hello.", rate=0.9),
        PhraseCache(tmp_path, voice, "other-model", settings={"pitch": 50}).key("Hello."),
        PhraseCache(tmp_path, voice, "tone", settings={"pitch": 60}).key("Hello."),
    }
    assert len(keys) == 7
    assert base.key("Hello.") == PhraseCache(tmp_path, voice, "tone", {"pitch": 50}).key("Hello.")
    assert base.key("Hello.", rate=1) == base.key("Hello.", rate=1.0)


def test_different_voices_and_rates_get_their_own_audio(tmp_path: Path, voice: Counting) -> None:
    cache = PhraseCache(tmp_path, voice, "tone")
    plain = cache.get_or_synthesize("Hello there.")
    other_voice = cache.get_or_synthesize("Hello there.", voice="v2")
    slower = cache.get_or_synthesize("Hello there.", rate=0.5)
    assert len(voice.calls) == 3
    assert not np.array_equal(plain.samples, other_voice.samples)
    assert slower.duration == pytest.approx(2 * plain.duration)


def test_settings_default_to_the_synthesizers_own(tmp_path: Path, voice: Counting) -> None:
    voice.settings = {"pitch": 42}  # type: ignore[attr-defined]
    assert PhraseCache(tmp_path, voice, "tone").settings == {"pitch": 42}
    assert PhraseCache(tmp_path, voice, "tone", settings={}).settings == {}


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.write_bytes(b"not a zip file at all"),
        lambda path: path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2]),
        lambda path: path.write_bytes(b""),
    ],
    ids=["garbage", "truncated", "empty"],
)
def test_corrupt_entries_are_synthesized_again(tmp_path: Path, voice: Counting, damage) -> None:
    cache = PhraseCache(tmp_path, voice, "tone")
    original = cache.get_or_synthesize("How did you sleep?")
    (entry,) = entries(tmp_path)
    damage(entry)
    assert not cache.contains("How did you sleep?")
    healed = cache.get_or_synthesize("How did you sleep?")
    assert len(voice.calls) == 2
    np.testing.assert_array_equal(healed.samples, original.samples)
    cache.get_or_synthesize("How did you sleep?")
    assert len(voice.calls) == 2  # the entry was rewritten whole


def test_an_entry_that_belongs_to_another_phrase_is_not_served(
    tmp_path: Path, voice: Counting
) -> None:
    cache = PhraseCache(tmp_path, voice, "tone")
    cache.get_or_synthesize("Yes.")
    cache.get_or_synthesize("No, not at all.")
    yes, no = (cache.path(cache.key(text)) for text in ("Yes.", "No, not at all."))
    shutil.copyfile(no, yes)
    again = cache.get_or_synthesize("Yes.")
    assert len(voice.calls) == 3
    assert again.duration == pytest.approx(0.05 * len("Yes."), abs=1e-3)


def test_tampered_samples_fail_their_digest(tmp_path: Path, voice: Counting) -> None:
    cache = PhraseCache(tmp_path, voice, "tone")
    cache.get_or_synthesize("Yes.")
    path = cache.path(cache.key("Yes."))
    with np.load(path) as entry:
        fields = {name: entry[name] for name in entry.files}
    fields["samples"] = fields["samples"] * 0.5
    with path.open("wb") as f:
        np.savez(f, **fields)
    cache.get_or_synthesize("Yes.")
    assert len(voice.calls) == 2


def test_warm_synthesizes_only_what_is_missing(tmp_path: Path, voice: Counting) -> None:
    cache = PhraseCache(tmp_path, voice, "tone")
    prompts = ["안녕하세요.", "식사는 하셨어요?", "안녕하세요.", "잘 주무셨어요?"]
    assert cache.warm(prompts, language="ko") == 3
    assert cache.warm(prompts, language="ko") == 0
    assert cache.warm(prompts, language="ko", rate=0.9) == 3
    assert len(voice.calls) == 6
    for text in prompts:
        cache.get_or_synthesize(text, language="ko")
    assert len(voice.calls) == 6


def test_threads_asking_at_once_share_one_synthesis(tmp_path: Path, voice: Counting) -> None:
    cache = PhraseCache(tmp_path, voice, "tone")
    texts = [f"Question number {i % 5}." for i in range(40)]
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(cache.get_or_synthesize, texts))
    assert sorted(call[0] for call in voice.calls) == sorted(set(texts))
    for text, audio in zip(texts, results, strict=True):
        np.testing.assert_array_equal(audio.samples, voice.synthesize(text).samples)
    assert len(entries(tmp_path)) == 5
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


def test_two_caches_on_one_directory_never_see_half_an_entry(tmp_path: Path) -> None:
    # Separate instances do not share locks, as two processes would not: they may both
    # synthesize, but every read sees a whole entry thanks to the atomic rename.
    voices = [Counting(), Counting()]
    caches = [PhraseCache(tmp_path, v, "tone") for v in voices]
    jobs = [(caches[i % 2], f"Phrase {i % 3}.") for i in range(60)]
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda job: job[0].get_or_synthesize(job[1]), jobs))
    for (_, text), audio in zip(jobs, results, strict=True):
        assert audio.duration == pytest.approx(0.05 * len(text), abs=1e-3)
    assert len(entries(tmp_path)) == 3


def test_needs_a_backend_id(tmp_path: Path, voice: Counting) -> None:
    with pytest.raises(ValueError, match="backend_id"):
        PhraseCache(tmp_path, voice, "")


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_caches_real_espeak_audio(tmp_path: Path) -> None:
    from tts.espeak import EspeakSynthesizer

    espeak = Counting(EspeakSynthesizer())
    cache = PhraseCache(tmp_path, espeak, "espeak-ng", settings=espeak.inner.settings)
    first = cache.get_or_synthesize("식사는 하셨어요?", language="ko")
    second = cache.get_or_synthesize("식사는 하셨어요?", language="ko")
    assert len(espeak.calls) == 1
    assert first.duration > 0.5
    np.testing.assert_array_equal(first.samples, second.samples)
