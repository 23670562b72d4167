"""Folded beams (and the fast path around them): the same N-best as openai-whisper's own
beam search, on a tiny random Whisper."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from asr import RecognitionContext
from asr.whisper import WhisperRecognizer
from asr.whisper_fold import FoldedCrossAttention, fold_beams, unfold_beams
from telephony.audio import Audio
from tests.tiny_models import tiny_whisper

whisper = pytest.importorskip("whisper")

MAX_TOKENS = 8


def noise(seconds: float, seed: int = 0) -> Audio:
    rng = np.random.default_rng(seed)
    return Audio((0.1 * rng.standard_normal(int(seconds * 16000))).astype(np.float32))


def pair(**options) -> tuple[WhisperRecognizer, WhisperRecognizer]:
    folded = WhisperRecognizer(tiny_whisper(seed=2), dtype="fp32", max_tokens=MAX_TOKENS,
                               **options)  # fmt: skip
    plain = WhisperRecognizer(tiny_whisper(seed=2), dtype="fp32", max_tokens=MAX_TOKENS,
                              fast=False, **options)  # fmt: skip
    return folded, plain


@pytest.mark.parametrize(
    ("language", "context"),
    [("ko", None), ("en", RecognitionContext("Did you sleep well?", ("Margaret",))), (None, None)],
)
def test_folded_beams_return_the_same_nbest(language, context) -> None:
    folded, plain = pair(beam_size=5, nbest=5)
    assert any(isinstance(b.cross_attn, FoldedCrossAttention) for b in folded.model.decoder.blocks)
    assert not any(isinstance(b.cross_attn, FoldedCrossAttention)
                   for b in plain.model.decoder.blocks)  # fmt: skip
    a = folded.transcribe(noise(2.0), language=language, context=context)
    b = plain.transcribe(noise(2.0), language=language, context=context)
    assert [h.text for h in a.nbest] == [h.text for h in b.nbest]
    assert len(a.nbest) == 5 and a.language == b.language
    # The fast path's vocabulary projection is exact for each row's best tokens and int8 for
    # the rest, which only the softmax normalizer sees (asr/whisper_int8.py).
    assert [h.score for h in a.nbest] == pytest.approx([h.score for h in b.nbest], abs=1e-3)


def test_attention_is_the_same_on_both_paths() -> None:
    torch.manual_seed(0)
    plain = tiny_whisper().decoder.blocks[0].cross_attn
    folded = FoldedCrossAttention.replacing(plain)
    assert folded.query is plain.query and folded.out is plain.out  # shared, not copied
    q, k, v = torch.randn(5, 3, 64), torch.randn(1, 40, 64), torch.randn(1, 40, 64)
    for sdpa in (True, False):
        with torch.no_grad(), _sdpa(sdpa):
            want_out, want_qk = plain.qkv_attention(q, k, v)
            got_out, got_qk = folded.qkv_attention(q, k, v)
        torch.testing.assert_close(got_out, want_out, rtol=1e-5, atol=1e-6)
        if sdpa:
            assert got_qk is None and want_qk is None
        else:
            torch.testing.assert_close(got_qk, want_qk, rtol=1e-5, atol=1e-6)
    with torch.no_grad():  # a batch of audio (keys per sequence) is not folded
        k5 = k.expand(5, -1, -1).contiguous()
        torch.testing.assert_close(folded.qkv_attention(q, k5, k5)[0],
                                   plain.qkv_attention(q, k5, k5)[0])  # fmt: skip


def _sdpa(enabled: bool):
    from contextlib import nullcontext

    from whisper.model import disable_sdpa

    return nullcontext() if enabled else disable_sdpa()


def test_fold_is_idempotent_and_undone() -> None:
    model = tiny_whisper()
    before = [b.cross_attn.query for b in model.decoder.blocks]
    fold_beams(fold_beams(model))
    assert all(type(b.cross_attn) is FoldedCrossAttention for b in model.decoder.blocks)
    unfold_beams(model)
    assert all(type(b.cross_attn) is whisper.model.MultiHeadAttention
               for b in model.decoder.blocks)  # fmt: skip
    assert [b.cross_attn.query for b in model.decoder.blocks] == before
    names = {name for name, _ in model.named_parameters()}
    assert "decoder.blocks.0.cross_attn.query.weight" in names  # checkpoints keep their keys


def test_beam_size_one_is_greedy_decoding() -> None:
    from whisper.audio import log_mel_spectrogram, pad_or_trim
    from whisper.decoding import DecodingOptions, decode

    recognizer = WhisperRecognizer(tiny_whisper(seed=2), dtype="fp32", beam_size=1,
                                   max_tokens=MAX_TOKENS)  # fmt: skip
    transcript = recognizer.transcribe(noise(2.0), language="en")
    assert len(transcript.nbest) == 1
    mel = log_mel_spectrogram(torch.from_numpy(pad_or_trim(noise(2.0).samples)))
    options = DecodingOptions(language="en", sample_len=MAX_TOKENS, without_timestamps=True,
                              fp16=False, suppress_tokens=recognizer._suppress)  # fmt: skip
    assert transcript.text == decode(tiny_whisper(seed=2), mel, options).text.strip()
