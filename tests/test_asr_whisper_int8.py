"""The int8 vocabulary projection and layers (asr.whisper_int8) against whisper's fp32."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from asr.whisper import WhisperRecognizer
from telephony.audio import Audio
from tests.tiny_models import tiny_whisper

whisper = pytest.importorskip("whisper")
from asr.whisper_int8 import (  # noqa: E402
    ExactHead,
    Int8Linear,
    ShortlistHead,
    decoder_states,
    int8_available,
    quantize_linears,
)

pytestmark = pytest.mark.skipif(not int8_available(), reason="fbgemm (x86) int8 kernels absent")


def states(rows: int, seed: int = 0) -> torch.Tensor:
    generator = torch.Generator().manual_seed(seed)
    return torch.randn(rows, 64, generator=generator)


def test_decoder_states_then_head_is_whispers_decoder() -> None:
    model = tiny_whisper(seed=1)
    tokens = torch.tensor([[50258, 50259, 50359, 50363, 440, 1002]])
    audio = torch.randn(1, 1500, 64, generator=torch.Generator().manual_seed(3))
    with torch.no_grad():
        want = model.decoder(tokens, audio)
        got = ExactHead(model.decoder)(decoder_states(model.decoder, tokens, audio, None))
    torch.testing.assert_close(got, want)


def test_shortlist_head_is_exact_where_decoding_looks() -> None:
    model = tiny_whisper(seed=1)
    head, exact = ShortlistHead(model.decoder, shortlist=32), ExactHead(model.decoder)
    x = states(40) * 4  # spread logits, as a trained model's are
    with torch.no_grad():
        got, want = head(x), exact(x)
    # The tokens beam search can keep (the best beam+1 of a row) and their logits: fp32's.
    for k in (1, 6):
        assert torch.equal(got.topk(k).indices, want.topk(k).indices)
        torch.testing.assert_close(got.topk(k).values, want.topk(k).values)
    # Everything else is int8's estimate: close, and it only moves the softmax normalizer.
    assert (got - want).abs().max() < 0.05 * want.abs().max()
    best = want.topk(6).indices
    gap = (got.log_softmax(-1) - want.log_softmax(-1)).gather(-1, best).abs().max()
    assert gap < 1e-3


def test_int8_linear_matches_fp32_within_quantization_error() -> None:
    torch.manual_seed(0)
    linear = torch.nn.Linear(64, 256)
    x = torch.randn(3, 7, 64)
    x[1, 2] *= 40  # one loud row (a start token's states): the others keep their precision
    with torch.no_grad():
        want, got = linear(x), Int8Linear.replacing(linear)(x)
    assert got.shape == want.shape == (3, 7, 256)
    row_error = (got - want).norm(dim=-1) / want.norm(dim=-1)
    assert row_error.max() < 0.03
    assert not torch.equal(got, want)  # really int8, not the fp32 layer


def test_quantize_linears_swaps_every_layer_but_cross_attention_keys_and_values() -> None:
    model = quantize_linears(tiny_whisper(seed=1))
    for block in [*model.decoder.blocks, *model.encoder.blocks]:
        assert isinstance(block.attn.query, Int8Linear) and isinstance(block.mlp[2], Int8Linear)
        if block.cross_attn is not None:
            assert isinstance(block.cross_attn.query, Int8Linear)
            assert not isinstance(block.cross_attn.key, Int8Linear)


def noise(seconds: float, seed: int = 0) -> Audio:
    rng = np.random.default_rng(seed)
    return Audio((0.1 * rng.standard_normal(int(seconds * 16000))).astype(np.float32))


def test_int8_recognizer_returns_a_ranked_deterministic_nbest() -> None:
    def recognize():
        recognizer = WhisperRecognizer(tiny_whisper(seed=2), dtype="fp32", max_tokens=6, int8=True)
        return recognizer.transcribe(noise(2.0), language="en")

    first, again = recognize(), recognize()
    assert len(first.nbest) == 5 and len({h.text for h in first.nbest}) == 5
    scores = [h.score for h in first.nbest]
    assert scores == sorted(scores, reverse=True)
    assert [h.text for h in again.nbest] == [h.text for h in first.nbest]


def test_int8_computes_in_fp32_unless_told_otherwise() -> None:
    # On CPUs with bf16 hardware the default dtype is bf16; int8 layers take fp32 inputs.
    assert WhisperRecognizer(tiny_whisper(), int8=True).dtype == torch.float32


def test_int8_is_refused_where_it_cannot_run() -> None:
    with pytest.raises(ValueError, match="int8 runs on x86 CPUs in fp32 only"):
        WhisperRecognizer(tiny_whisper(), dtype="bf16", int8=True)
