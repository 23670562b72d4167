"""Text normalization and error rates, on hand-computed examples and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from asr.metrics import EditCounts, error_rate, levenshtein
from asr.normalize import normalize, normalize_english, normalize_korean, number_to_words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Go forward, 10 meters!", "go forward ten meters"),
        ("I don't know… “maybe”", "i don't know maybe"),
        ("It's 7:30; I took 2 pills.", "it's seven thirty i took two pills"),
        ("Wake at 7:05, 3pm nap", "wake at seven oh five three pm nap"),
        (
            "the 21st, 50% of 1,234",
            "the twenty first fifty percent of one thousand two hundred thirty four",
        ),
        ("well-being  &  rest", "well being and rest"),
        ("2.5 mg", "two point five mg"),
        ("", ""),
    ],
)
def test_normalize_english(text: str, expected: str) -> None:
    assert normalize_english(text) == expected


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zero"),
        (13, "thirteen"),
        (40, "forty"),
        (101, "one hundred one"),
        (2024, "two thousand twenty four"),
        (1_000_000, "one million"),
    ],
)
def test_number_to_words(n: int, words: str) -> None:
    assert number_to_words(n) == words


def test_normalize_korean_removes_spaces_and_punctuation_and_keeps_syllables() -> None:
    text = "할머니, 오늘  식사는 하셨어요?"
    normalized = normalize_korean(text)
    assert normalized == "할머니오늘식사는하셨어요"
    assert all("\uac00" <= ch <= "\ud7a3" for ch in normalized)  # whole syllables, no jamo


def test_normalize_korean_composes_decomposed_hangul() -> None:
    decomposed = "\u1112\u1161\u11ab"  # 한 as three conjoining jamo (NFD)
    assert normalize_korean(decomposed) == "한"


def test_normalize_rejects_unknown_language() -> None:
    with pytest.raises(ValueError, match="'fr'"):
        normalize("bonjour", "fr")


def test_levenshtein_counts_each_kind_of_edit() -> None:
    ref = "the cat sat on the mat".split()
    assert levenshtein(ref, "the cat sat on the mat".split()) == EditCounts(0, 0, 0, 6)
    assert levenshtein(ref, "the bat sat on the mat".split()) == EditCounts(1, 0, 0, 6)
    assert levenshtein(ref, "the cat sat on mat".split()) == EditCounts(0, 1, 0, 6)
    assert levenshtein(ref, "the cat sat on the red mat".split()) == EditCounts(0, 0, 1, 6)
    assert levenshtein(ref, []).deletions == 6
    assert levenshtein([], ["a", "b"]) == EditCounts(0, 0, 2, 0)


def test_english_wer_ignores_case_and_punctuation_and_number_spelling() -> None:
    result = error_rate(["Go forward ten meters."], ["go forward, 10 meters"], "en")
    assert result.rate == 0.0
    result = error_rate(["I slept well last night"], ["i slept well at night"], "en")
    assert (result.substitutions, result.deletions, result.insertions) == (1, 0, 0)
    assert result.rate == pytest.approx(1 / 5)


def test_korean_cer_ignores_spaces_and_punctuation() -> None:
    result = error_rate(["오늘 식사는 하셨어요?"], ["오늘식사 는,하셨어요"], "ko")
    assert result.rate == 0.0
    result = error_rate(["밥을 먹었어요"], ["밥을 먹었어"], "ko")  # 6 characters, 1 dropped
    assert (result.edits, result.ref_len, result.deletions) == (1, 6, 1)


def test_corpus_rate_is_total_edits_over_total_reference_length() -> None:
    result = error_rate(["a b c d", "e"], ["a b c d", "f"], "en")
    assert result.rate == pytest.approx(1 / 5)  # not the mean of 0 and 1
    assert [u.rate for u in result.per_utterance] == [0.0, 1.0]


def test_error_rate_checks_its_arguments() -> None:
    with pytest.raises(ValueError, match="2 references but 1 hypotheses"):
        error_rate(["a", "b"], ["a"], "en")
    with pytest.raises(TypeError):
        error_rate("a b", "a b", "en")  # type: ignore[arg-type]


def test_empty_reference_rate() -> None:
    assert EditCounts(0, 0, 0, 0).rate == 0.0
    assert EditCounts(0, 0, 1, 0).rate == float("inf")


words = st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=8)


@given(words, words)
def test_levenshtein_is_a_distance(ref: list[str], hyp: list[str]) -> None:
    forward, backward = levenshtein(ref, hyp), levenshtein(hyp, ref)
    assert forward.edits == backward.edits
    assert forward.ref_len - forward.deletions + forward.insertions == len(hyp)
    assert forward.edits <= max(len(ref), len(hyp))
    assert (forward.edits == 0) == (ref == hyp)
