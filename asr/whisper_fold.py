"""Beam search at greedy speed: the beams share one audio, so fold them into one query.

openai-whisper's beam search decodes `beam_size` token sequences against one utterance. It
keeps the audio features at batch 1, so each decoder layer's cross-attention gets queries of
shape (beams, tokens, d) and keys/values of shape (1, 1500, d). `scaled_dot_product_attention`
has no fast kernel for a batch that broadcasts, so it falls back to its reference path,
which materializes the broadcast keys and values for every beam: per token, 3-10x the cost
of greedy decoding on CPU (DESIGN.md).

Cross-attention has no mask and each query row attends independently, so the beams can be
folded into the query length instead: (beams, tokens, d) -> (1, beams*tokens, d) against the
batch-1 keys, then unfolded. Same arithmetic per row, one fast attention call, and the key
and value tensors are read once instead of once per beam. Self-attention (each beam its own
history) is left as it is.
"""

from __future__ import annotations

import torch
from whisper.model import MultiHeadAttention, Whisper


class FoldedCrossAttention(MultiHeadAttention):
    """Whisper's cross-attention, with queries of several sequences folded over one audio.

    It shares the projection layers of the module it replaces (no weights are copied), so the
    kv-cache hooks, dtype casts and checkpoints see the same modules as before.
    """

    @classmethod
    def replacing(cls, attention: MultiHeadAttention) -> FoldedCrossAttention:
        folded = cls.__new__(cls)
        torch.nn.Module.__init__(folded)
        folded.n_head = attention.n_head
        folded.query, folded.key = attention.query, attention.key
        folded.value, folded.out = attention.value, attention.out
        return folded

    def qkv_attention(self, q, k, v, mask=None):
        n_batch, n_ctx, n_state = q.shape
        if mask is not None or k.shape[0] != 1 or n_batch == 1:
            return super().qkv_attention(q, k, v, mask)
        out, qk = super().qkv_attention(q.reshape(1, n_batch * n_ctx, n_state), k, v, None)
        if qk is not None:  # (1, heads, beams*tokens, audio) -> (beams, heads, tokens, audio)
            qk = qk.view(self.n_head, n_batch, n_ctx, -1).transpose(0, 1)
        return out.view(n_batch, n_ctx, n_state), qk


def fold_beams(model: Whisper) -> Whisper:
    """Make every decoder cross-attention fold its beams (in place; idempotent)."""
    for block in model.decoder.blocks:
        if block.cross_attn is not None and not isinstance(block.cross_attn, FoldedCrossAttention):
            block.cross_attn = FoldedCrossAttention.replacing(block.cross_attn)
    return model


def unfold_beams(model: Whisper) -> Whisper:
    """Undo `fold_beams` (in place): whisper's own cross-attention, for comparison."""
    for block in model.decoder.blocks:
        if isinstance(block.cross_attn, FoldedCrossAttention):
            plain = MultiHeadAttention.__new__(MultiHeadAttention)
            torch.nn.Module.__init__(plain)
            plain.n_head = block.cross_attn.n_head
            for name in ("query", "key", "value", "out"):
                setattr(plain, name, getattr(block.cross_attn, name))
            block.cross_attn = plain
    return model
