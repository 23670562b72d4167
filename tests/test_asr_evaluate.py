"""Corpus evaluation and tuning of the rescoring weights, on hand-made N-best lists."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile

from asr import Hypothesis, RecognitionContext, Transcript
from asr.corpus import Utterance
from asr.domain_lm import NgramScorer
from asr.evaluate import Decoded, decode, evaluate, tune
from asr.rescore import Rescorer

DOMAIN = ["i slept well last night", "yes i took my pills", "i had soup for lunch"]
CONTEXT = RecognitionContext("Did you sleep well?")


def decoded(uid: str, reference: str, *nbest: tuple[str, float], language="en") -> Decoded:
    hyps = tuple(Hypothesis(t, s, None, s) for t, s in nbest)
    transcript = Transcript(hyps[0].text if hyps else "", hyps, language, {"asr": 0.5})
    return Decoded(Utterance(uid, Path(f"{uid}.wav"), reference, language), transcript, CONTEXT,
                   2.0)  # fmt: skip


CORPUS = [
    decoded("a", "i slept well last night",
            ("i slapped well last knight", -1.00), ("i slept well last night", -1.02)),
    decoded("b", "yes i took my pills", ("yes i took my pills", -1.0),
            ("yes i took my bills", -1.1)),
    decoded("c", "i had soup for lunch", ("i had soap for launch", -2.0), ("i had soup for lunch",
            -2.5), ("eye hat soup four lunch", -2.6)),
    decoded("d", "go forward ten meters", ("go forward ten meters", -1.0)),
    decoded("e", "hello there", ),
]  # fmt: skip


def test_without_rescoring_reports_the_recognizer_and_the_oracle() -> None:
    result = evaluate(CORPUS)
    assert result.rescored is None and result.relative_change is None
    assert result.base.ref_len == 5 + 5 + 5 + 4 + 2
    assert result.base.edits == 2 + 0 + 2 + 0 + 2
    assert result.oracle.edits == 2  # only the empty N-best stays wrong
    assert result.rtf == pytest.approx(0.5 * 5 / 10.0)
    assert result.metric == "WER" and result.utterances == 5


def test_rescoring_lists_what_it_changed() -> None:
    result = evaluate(CORPUS, Rescorer(NgramScorer(DOMAIN), weight=1.0))
    assert result.rescored.edits == 2
    assert result.relative_change == pytest.approx((2 - 6) / 6)
    assert [(c.id, c.edits_before, c.edits_after) for c in result.changes] == [
        ("a", 2, 0), ("c", 2, 0)
    ]  # fmt: skip
    assert result.changes[0].after == "i slept well last night"
    assert len(result.rescore_seconds) == 5


def test_zero_weight_changes_nothing() -> None:
    result = evaluate(CORPUS, Rescorer(NgramScorer(DOMAIN), weight=0.0))
    assert result.changes == () and result.rescored.edits == result.base.edits


def test_tune_finds_the_least_weight_that_helps_and_agrees_with_the_rescorer() -> None:
    scorer = NgramScorer(DOMAIN)
    result = tune(CORPUS, scorer)
    assert result.base_rate == pytest.approx(6 / 21)
    assert result.rate == pytest.approx(2 / 21)
    assert result.grid[0] == (0.0, 0.0, result.base_rate)
    better = [g for g in result.grid if g[2] == result.rate]
    assert (result.weight, result.length_bonus) == min(better, key=lambda g: (g[0], abs(g[1])))[:2]
    for weight, bonus, rate in result.grid[::7]:
        rescored = evaluate(CORPUS, Rescorer(scorer, weight, bonus)).rescored
        assert rescored.rate == pytest.approx(rate), (weight, bonus)


def test_one_language_at_a_time() -> None:
    with pytest.raises(ValueError, match="one language"):
        evaluate([*CORPUS, decoded("k", "네", ("네", -1.0), language="ko")])
    with pytest.raises(ValueError, match="no utterances"):
        evaluate([])


def test_korean_is_scored_by_characters() -> None:
    result = evaluate([decoded("k", "밥 먹었어요", ("밥먹었어", -1.0), language="ko")])
    assert result.metric == "CER" and (result.base.edits, result.base.ref_len) == (1, 5)


class Echo:
    """A recognizer that answers with fixed N-best lists and records what it was given."""

    def __init__(self) -> None:
        self.calls = []

    def transcribe(self, audio, *, language=None, context=None) -> Transcript:
        self.calls.append((audio.sample_rate, language, context))
        return Transcript("yes", (Hypothesis("yes", -1.0, None, -1.0),), language or "en")


def test_decode_gives_each_utterance_its_audio_language_and_context(tmp_path: Path) -> None:
    soundfile.write(tmp_path / "a.wav", np.zeros(4000, np.float32), 8000)
    utterances = [Utterance(f"u{i}", tmp_path / "a.wav", "yes", "en", item="meal")
                  for i in range(2)]  # fmt: skip
    recognizer, seen = Echo(), []
    out = decode(recognizer, utterances, lambda u: RecognitionContext(u.item),
                 progress=lambda i, d: seen.append(i))  # fmt: skip
    assert recognizer.calls == [(8000, "en", RecognitionContext("meal"))] * 2
    assert [d.duration for d in out] == [0.5, 0.5] and seen == [1, 2]
    assert out[0].context == RecognitionContext("meal")
