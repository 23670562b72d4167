"""The batched beam step (asr.whisper_beam) against openai-whisper's own, step by step."""

from __future__ import annotations

import pytest
import torch

whisper = pytest.importorskip("whisper")
from whisper.decoding import BeamSearchDecoder  # noqa: E402

from asr.whisper_beam import BatchedBeamSearch  # noqa: E402

EOT, VOCAB = 7, 12  # a small vocabulary makes ties, duplicates and finished beams common


class Reorders:
    """Stands in for whisper's inference: records each kv-cache reordering."""

    def __init__(self) -> None:
        self.calls: list[list[int]] = []

    def rearrange_kv_cache(self, source_indices) -> None:
        self.calls.append(list(source_indices))


@pytest.mark.parametrize(("beam", "n_audio", "patience"), [(5, 1, None), (3, 2, 2.0), (2, 1, 1.5)])
def test_same_beams_scores_and_finished_sequences_as_whisper(beam, n_audio, patience) -> None:
    generator = torch.Generator().manual_seed(beam * 10 + n_audio)
    theirs = BeamSearchDecoder(beam, EOT, Reorders(), patience)
    ours = BatchedBeamSearch(beam, EOT, Reorders(), patience)
    # Every beam of an audio starts as the same prompt, as in whisper's run().
    tokens = torch.tensor([[1, 2]] * (beam * n_audio))
    our_tokens, our_sums = tokens.clone(), torch.zeros(beam * n_audio)
    their_tokens, their_sums = tokens.clone(), torch.zeros(beam * n_audio)
    for _ in range(8):
        logits = torch.randn(beam * n_audio, VOCAB, generator=generator) * 2
        logits[:, 0] = logits[:, 1]  # exact ties between tokens
        their_tokens, their_done = theirs.update(their_tokens, logits.clone(), their_sums)
        our_tokens, our_done = ours.update(our_tokens, logits.clone(), our_sums)
        assert torch.equal(our_tokens, their_tokens)
        assert torch.equal(our_sums, their_sums)
        assert our_done == their_done
        assert ours.finished_sequences == theirs.finished_sequences
        if their_done:
            break
    assert ours.inference.calls == theirs.inference.calls
    assert any(ours.finished_sequences)  # the test saw beams finish
    shape = (n_audio, beam, -1)
    ours_final = ours.finalize(our_tokens.reshape(shape), our_sums.reshape(shape[:2]))
    theirs_final = theirs.finalize(their_tokens.reshape(shape), their_sums.reshape(shape[:2]))
    assert ours_final[1] == theirs_final[1]
