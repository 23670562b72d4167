"""Whisper's per-token cost on CPU, cut where it is spent: int8 matrix products.

Every decoding step ends by projecting each beam's state onto the whole vocabulary through
the token embedding (51,865 × 384 for tiny). In fp32 that reads 80 MB a step, which on a
2-core AVX2 machine takes 14 ms for 5 beams: more than the four decoder layers together,
since the product is bound by memory bandwidth, not arithmetic. `ShortlistHead` projects in
two passes:

1. int8: the embedding quantized once, one scale per token row (20 MB), the states
   quantized per call (fbgemm's dynamic int8 product): ~1.7 ms for 5 beams.
2. exact: the `shortlist` best tokens of each row are scored again in fp32 from the
   embedding itself and written over their int8 estimates.

Beam search keeps tokens among the `beam_size + 1` best of a row, and greedy the best, so
the tokens kept and their logits are those of fp32; only the softmax normalizer sees int8
estimates, for tokens far below the top (`tests/test_asr_whisper_int8.py` bounds the gap).

`quantize_linears` goes further, as CTranslate2's int8 mode does: every Linear layer of the
decoder (and the encoder's) computes in int8. That changes every activation a little, so it
is opt-in (`WhisperRecognizer(int8=True)`); `bench/bench_whisper.py` times both.

fbgemm needs x86 (AVX2 or newer); elsewhere the recognizer keeps fp32 (`int8_available`).
"""

from __future__ import annotations

import warnings

import torch
from whisper.model import Linear as WhisperLinear
from whisper.model import TextDecoder, Whisper

SHORTLIST = 64


def int8_available() -> bool:
    return "fbgemm" in torch.backends.quantized.supported_engines


def _packed(weight: torch.Tensor):
    """fbgemm's packed int8 weight: symmetric, one scale per output row."""
    weight = weight.detach().float()
    scale = (weight.abs().amax(dim=1) / 127).clamp_min(1e-12).double()
    zero = torch.zeros(weight.shape[0], dtype=torch.long)
    with warnings.catch_warnings():
        # torch marks quantized tensors deprecated in favour of torchao, which is not a
        # dependency; the fbgemm kernels behind them are current (torch is pinned).
        warnings.simplefilter("ignore")
        qweight = torch.quantize_per_channel(weight, scale, zero, 0, torch.qint8)
        return torch.ops.quantized.linear_prepack(qweight, None)


class Int8Linear(torch.nn.Module):
    """`x @ W.T + b` with W in int8 (per output row) and x quantized per call.

    fbgemm quantizes its input with one scale for the whole tensor, so one loud row (a token
    with large activations) would leave the others few levels. Each row is scaled to unit
    peak first and the product scaled back: the layer is linear, so this is exact, and every
    row gets the whole int8 range. `reduce_range`: fbgemm multiplies u8×s8 pairs into
    saturating 16-bit sums, so inputs get 7 bits; with 8 the sums overflow (errors ~10x).
    """

    def __init__(self, weight: torch.Tensor, bias: torch.Tensor | None = None) -> None:
        super().__init__()
        self.out_features, self.in_features = weight.shape
        self._weight = _packed(weight)
        self.bias = None if bias is None else bias.detach().float().clone()

    @classmethod
    def replacing(cls, linear: torch.nn.Linear) -> Int8Linear:
        return cls(linear.weight, linear.bias)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        rows = x.reshape(-1, self.in_features).float()
        peak = rows.abs().amax(dim=1, keepdim=True).clamp_min(1e-12)
        out = torch.ops.quantized.linear_dynamic(rows / peak, self._weight, True).mul_(peak)
        if self.bias is not None:
            out += self.bias
        return out.reshape(*x.shape[:-1], self.out_features)

    def extra_repr(self) -> str:
        return f"in_features={self.in_features}, out_features={self.out_features}, int8"


class ExactHead(torch.nn.Module):
    """whisper's own projection: states × token embedding, logits in fp32."""

    def __init__(self, decoder: TextDecoder) -> None:
        super().__init__()
        self.embedding = decoder.token_embedding

    def forward(self, states: torch.Tensor) -> torch.Tensor:
        return (states @ self.embedding.weight.to(states.dtype).T).float()


class ShortlistHead(torch.nn.Module):
    """The vocabulary projection in int8, with the `shortlist` best of each row exact."""

    def __init__(self, decoder: TextDecoder, shortlist: int = SHORTLIST) -> None:
        super().__init__()
        self.embedding = decoder.token_embedding  # shared: the exact pass reads it
        self.shortlist = min(shortlist, self.embedding.num_embeddings)
        self.approx = Int8Linear(self.embedding.weight)

    def forward(self, states: torch.Tensor) -> torch.Tensor:
        states = states.float()
        logits = self.approx(states)
        best = logits.topk(self.shortlist, dim=-1).indices
        rows = self.embedding.weight.float()[best]  # (..., shortlist, d)
        exact = (rows @ states.unsqueeze(-1)).squeeze(-1)
        return logits.scatter_(-1, best, exact)


def head_for(model: Whisper, *, int8: bool) -> torch.nn.Module:
    return ShortlistHead(model.decoder) if int8 else ExactHead(model.decoder)


def decoder_states(
    decoder: TextDecoder, tokens: torch.Tensor, audio: torch.Tensor, kv_cache: dict | None
) -> torch.Tensor:
    """`TextDecoder.forward` up to its last layer norm: the states, before the projection."""
    offset = next(iter(kv_cache.values())).shape[1] if kv_cache else 0
    x = decoder.token_embedding(tokens)
    x = (x + decoder.positional_embedding[offset : offset + tokens.shape[-1]]).to(audio.dtype)
    for block in decoder.blocks:
        x = block(x, audio, mask=decoder.mask, kv_cache=kv_cache)
    return decoder.ln(x)


def quantize_linears(model: Whisper, *, encoder: bool = True) -> Whisper:
    """Swap the decoder's (and the encoder's) Linear layers for `Int8Linear`, in place.

    Cross-attention keys and values are left in fp32: they are computed once per utterance.
    """
    blocks = list(model.decoder.blocks) + (list(model.encoder.blocks) if encoder else [])
    for block in blocks:
        layers = [block.attn, block.mlp]
        if block.cross_attn is not None:
            layers.append(block.cross_attn)
        for layer in layers:
            for name, child in layer.named_children():
                if name in ("key", "value") and layer is block.cross_attn:
                    continue
                if isinstance(child, WhisperLinear | torch.nn.Linear):
                    setattr(layer, name, Int8Linear.replacing(child))
    return model
