"""WhisperRecognizer wiring on a tiny random Whisper: N-best, determinism, loading, prompts.

The weights are noise, so nothing here is about accuracy; the texts are whatever the random
model emits, and the tests check their shape, order, distinctness and reproducibility.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pytest
import torch

from asr import RecognitionContext, Recognizer
from asr.whisper import WhisperRecognizer, context_prompt
from telephony.audio import Audio
from tests.tiny_models import TINY_WHISPER_DIMS, save_tiny_whisper, tiny_whisper

whisper = pytest.importorskip("whisper")

MAX_TOKENS = 8  # random models never stop on their own; this keeps each decode ~0.1 s


def noise(seconds: float, rate: int = 16000, seed: int = 0) -> Audio:
    rng = np.random.default_rng(seed)
    return Audio((0.1 * rng.standard_normal(int(seconds * rate))).astype(np.float32), rate)


@cache
def recognizer(dtype: str = "fp32") -> WhisperRecognizer:
    return WhisperRecognizer(tiny_whisper(), dtype=dtype, max_tokens=MAX_TOKENS)


@pytest.mark.parametrize("dtype", ["fp32", "bf16"])
def test_nbest_is_distinct_ranked_and_deterministic(dtype: str) -> None:
    model = recognizer(dtype)
    assert isinstance(model, Recognizer)
    first = model.transcribe(noise(2.0), language="ko")
    second = model.transcribe(noise(2.0), language="ko")
    texts = [h.text for h in first.nbest]
    assert len(texts) == len(set(texts)) == 5
    scores = [h.score for h in first.nbest]
    assert scores == sorted(scores, reverse=True)
    assert all(h.asr_logprob == h.score and h.lm_logprob is None for h in first.nbest)
    assert first.text == texts[0]
    assert first.language == "ko"
    assert first.timings["asr"] > 0
    assert second.nbest == first.nbest


def test_the_same_seed_builds_the_same_model() -> None:
    a, b, c = tiny_whisper(seed=0), tiny_whisper(seed=0), tiny_whisper(seed=1)
    for name, tensor in a.state_dict().items():
        assert torch.equal(tensor, b.state_dict()[name]), name
    assert not torch.equal(a.decoder.positional_embedding, c.decoder.positional_embedding)
    assert torch.isfinite(a.decoder.positional_embedding).all()


def test_checkpoint_loads_by_path(tmp_path: Path) -> None:
    path = save_tiny_whisper(tmp_path / "tiny.pt", tiny_whisper(seed=3))
    loaded = whisper.load_model(str(path), device="cpu")
    assert loaded.dims == whisper.model.ModelDimensions(**TINY_WHISPER_DIMS)
    by_path = WhisperRecognizer(path, dtype="fp32", max_tokens=MAX_TOKENS)
    in_memory = WhisperRecognizer(tiny_whisper(seed=3), dtype="fp32", max_tokens=MAX_TOKENS)
    audio = noise(1.0)
    assert by_path.transcribe(audio, language="en").nbest == (
        in_memory.transcribe(audio, language="en").nbest
    )


def test_language_is_detected_when_not_given() -> None:
    transcript = recognizer().transcribe(noise(1.0))
    assert transcript.language in whisper.tokenizer.LANGUAGES
    assert transcript.nbest


def test_context_becomes_the_prompt_and_changes_the_decoding() -> None:
    context = RecognitionContext("Did you take your medicine?", ("metformin", "Mrs. Kim"))
    assert context_prompt(context) == "metformin, Mrs. Kim. Did you take your medicine?"
    assert context_prompt(RecognitionContext()) == ""
    assert context_prompt(None) == ""
    plain = recognizer().transcribe(noise(1.0), language="en")
    prompted = recognizer().transcribe(noise(1.0), language="en", context=context)
    assert [h.score for h in prompted.nbest] != [h.score for h in plain.nbest]


def test_telephone_rate_audio_is_resampled() -> None:
    transcript = recognizer().transcribe(noise(1.0, rate=8000), language="ko")
    assert len(transcript.nbest) == 5


def test_long_audio_is_decoded_window_by_window() -> None:
    audio = noise(31.0)
    transcript = recognizer().transcribe(audio, language="ko")
    first_window = recognizer().transcribe(Audio(audio.samples[:480000]), language="ko")
    assert first_window.text
    assert len(transcript.nbest) > 1
    for hypothesis in transcript.nbest:  # alternatives differ only in the last window
        assert hypothesis.text.startswith(first_window.text + " ")


def test_bad_arguments_are_reported() -> None:
    with pytest.raises(ValueError, match="no language 'xx'"):
        recognizer().transcribe(noise(0.5), language="xx")
    with pytest.raises(ValueError, match="dtype"):
        WhisperRecognizer(tiny_whisper(), dtype="int4")
    with pytest.raises(ValueError, match="fp16 is for CUDA"):
        WhisperRecognizer(tiny_whisper(), dtype="fp16")
    with pytest.raises(FileNotFoundError, match="neither a checkpoint"):
        WhisperRecognizer("/nonexistent/model.pt")


def test_english_only_model_needs_no_detection_and_refuses_korean() -> None:
    from whisper.model import ModelDimensions, Whisper

    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        model = Whisper(ModelDimensions(**{**TINY_WHISPER_DIMS, "n_vocab": 51864}))
        torch.nn.init.normal_(model.decoder.positional_embedding, std=0.02)
    english = WhisperRecognizer(model, dtype="fp32", max_tokens=MAX_TOKENS)
    transcript = english.transcribe(noise(1.0))
    assert transcript.language == "en" and transcript.nbest
    with pytest.raises(ValueError, match="English-only"):
        english.transcribe(noise(1.0), language="ko")
