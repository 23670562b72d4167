"""CausalLMScorer on a tiny random GPT-2: the cached, batched scores equal a plain forward pass."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import torch

from asr import LanguageModelScorer, RecognitionContext
from asr.lm_transformers import CausalLMScorer
from asr.rescore import Rescorer
from tests.tiny_models import tiny_causal_lm

TEXTS = ["I slept well.", "yes", "I took my blood pressure pills after lunch.", ""]
CONTEXT = RecognitionContext("Did you take your medicine?", ("metformin",))


@cache
def scorer(batch: int = 8) -> CausalLMScorer:
    model, tokenizer = tiny_causal_lm(seed=0)
    return CausalLMScorer(model, dtype="fp32", batch=batch, tokenizer=tokenizer)


def reference_score(s: CausalLMScorer, text: str, context: RecognitionContext | None) -> float:
    """ln P(text + newline | prefix) from one uncached forward pass over the whole sequence."""
    prefix = s.prefix(context)
    ids = s.tokenizer(text.strip() + "\n", add_special_tokens=False).input_ids
    sequence = torch.tensor([prefix + ids])
    with torch.inference_mode():
        logprobs = torch.log_softmax(s.model(input_ids=sequence).logits[0].float(), dim=-1)
    return sum(float(logprobs[len(prefix) - 1 + i, token]) for i, token in enumerate(ids))


@pytest.mark.parametrize("context", [None, CONTEXT])
def test_cached_batched_scores_equal_plain_forward_passes(context) -> None:
    s = scorer()
    assert isinstance(s, LanguageModelScorer)
    got = s.score(TEXTS, context=context)
    expected = [reference_score(s, text, context) for text in TEXTS]
    assert got == pytest.approx(expected, abs=1e-4)
    assert all(score < 0 for score in got)


def test_batch_size_does_not_change_scores() -> None:
    assert scorer(batch=1).score(TEXTS, context=CONTEXT) == pytest.approx(
        scorer(batch=3).score(TEXTS, context=CONTEXT), abs=1e-4
    )


def test_context_changes_the_scores() -> None:
    assert scorer().score(TEXTS, context=CONTEXT) != scorer().score(TEXTS)
    assert scorer().score([]) == []


def test_loads_a_saved_model_by_path(tmp_path: Path) -> None:
    tiny_causal_lm(seed=0, dir=tmp_path / "lm")
    by_path = CausalLMScorer(tmp_path / "lm", dtype="fp32")
    assert by_path.score(TEXTS, context=CONTEXT) == pytest.approx(
        scorer().score(TEXTS, context=CONTEXT), abs=1e-4
    )


def test_rescorer_uses_it() -> None:
    from asr import Hypothesis, Transcript

    hyps = tuple(Hypothesis(t, -1.0 - i, None, -1.0 - i) for i, t in enumerate(TEXTS[:3]))
    rescored = Rescorer(scorer(), weight=1.0).rescore(Transcript(TEXTS[0], hyps), CONTEXT)
    assert all(h.lm_logprob is not None for h in rescored.nbest)


def test_bad_arguments_are_reported() -> None:
    model, tokenizer = tiny_causal_lm(seed=0)
    with pytest.raises(ValueError, match="needs its tokenizer"):
        CausalLMScorer(model)
    with pytest.raises(ValueError, match="batch"):
        CausalLMScorer(model, batch=0, tokenizer=tokenizer)
    with pytest.raises(ValueError, match="dtype"):
        CausalLMScorer(model, dtype="int3", tokenizer=tokenizer)


def test_tiny_lm_reorders_a_tiny_whisper_nbest_deterministically() -> None:
    import numpy as np

    from asr.whisper import WhisperRecognizer
    from telephony.audio import Audio
    from tests.tiny_models import tiny_whisper

    audio = Audio((0.1 * np.random.default_rng(0).standard_normal(16000)).astype(np.float32))
    heard = WhisperRecognizer(tiny_whisper(), dtype="fp32", max_tokens=6).transcribe(
        audio, language="en", context=CONTEXT
    )
    assert len(heard.nbest) == 5
    rescorer = Rescorer(scorer(), weight=1.0)
    first, again = rescorer.rescore(heard, CONTEXT), rescorer.rescore(heard, CONTEXT)
    assert first.nbest == again.nbest
    expected = sorted(heard.nbest, key=lambda h: -(h.asr_logprob + scorer().score(
        [h.text], context=CONTEXT)[0]))  # fmt: skip
    assert [h.text for h in first.nbest] == [h.text for h in expected]
    assert [h.text for h in first.nbest] != [h.text for h in heard.nbest]  # the LM had a say
    assert Rescorer(scorer(), weight=0.0).rescore(heard, CONTEXT).text == heard.text


def test_a_long_context_keeps_its_end_within_the_models_window() -> None:
    s = scorer()
    long = RecognitionContext("Did you take your medicine?", tuple(f"word{i}" for i in range(300)))
    ids = s.prefix(long)
    assert len(ids) <= s.model.config.n_positions // 2
    assert (
        ids[-len(s.prefix(RecognitionContext("Did you take your medicine?"))) + 1 :]
        == (s.prefix(RecognitionContext("Did you take your medicine?"))[1:])
    )
    assert all(score < 0 for score in s.score(TEXTS, context=long))
