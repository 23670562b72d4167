"""A causal language model from `transformers` as an N-best scorer.

A general LLM knows how people answer "Did you take your medicine?" far beyond any domain
text, so it can tell "I took it after lunch" from "I took it after launch". Each hypothesis
is scored as ln P(hypothesis + newline | context prefix): the sum of its tokens'
log-probabilities after the agent's last question (and the expected vocabulary, as a hint
line). The closing newline ends the answer's line, as the question's line ended; it is what
makes an empty or truncated hypothesis pay for stopping early.

On CPU the cost is what matters (DESIGN.md: ~300 ms for five hypotheses with a 0.5B model
when the context is recomputed for each), so the prefix runs once, its key/value cache is
copied to every hypothesis of a batch, and only the hypotheses' own tokens are computed.
Hypotheses are right-padded: in a causal model a token never sees the padding after it, so
no attention mask is needed and the padded positions are simply not read.
"""

from __future__ import annotations

import copy
from pathlib import Path

import torch

from asr import RecognitionContext
from models import load_pretrained, place


class CausalLMScorer:
    """`LanguageModelScorer` on a causal LM: a hub name (downloaded on a connected machine),
    a local directory saved with `save_pretrained`, or a model object with its tokenizer."""

    def __init__(
        self,
        model: str | Path | torch.nn.Module,
        device: str = "cpu",
        dtype: str | None = None,
        batch: int = 8,
        *,
        tokenizer=None,
    ) -> None:
        if batch < 1:
            raise ValueError(f"batch must be >= 1, got {batch}")
        if isinstance(model, str | Path):
            model, loaded = load_pretrained(model, device=device, dtype=dtype, processor=tokenizer)
            tokenizer = tokenizer or loaded
        elif tokenizer is None:
            raise ValueError(
                "a model object needs its tokenizer: CausalLMScorer(model, tokenizer=...)"
            )
        else:
            model = place(model, device, dtype)
        start = (
            tokenizer.bos_token_id if tokenizer.bos_token_id is not None else tokenizer.eos_token_id
        )
        if start is None:
            raise ValueError(
                "the tokenizer has neither a BOS nor an EOS token to start a text with"
            )
        self.model = model
        self.tokenizer = tokenizer
        self.device = device
        self.batch = batch
        self._start = start
        self._pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else start
        config = getattr(model, "config", None)
        window = getattr(config, "max_position_embeddings", None) or getattr(
            config, "n_positions", None
        )
        self._window = int(window) if window else 4096

    def prefix(self, context: RecognitionContext | None) -> list[int]:
        """Token ids the hypotheses are conditioned on: start token, hint line, question.

        A context longer than half the model's window keeps its end (the question), so
        that the hypotheses always fit after it.
        """
        lines = []
        if context is not None and context.vocabulary:
            lines.append("(" + ", ".join(context.vocabulary) + ")")
        if context is not None and context.last_question.strip():
            lines.append(context.last_question.strip())
        text = "".join(line + "\n" for line in lines)
        ids = self._encode(text)
        keep = self._window // 2 - 1
        return [self._start, *(ids[-keep:] if len(ids) > keep else ids)]

    @torch.inference_mode()
    def score(self, texts: list[str], *, context: RecognitionContext | None = None) -> list[float]:
        if not texts:
            return []
        prefix = torch.tensor([self.prefix(context)], device=self.device)
        out = self.model(input_ids=prefix, use_cache=True)
        first = torch.log_softmax(out.logits[0, -1].float(), dim=-1)
        scores: list[float] = []
        for start in range(0, len(texts), self.batch):
            batch = [
                self._encode(text.strip() + "\n") for text in texts[start : start + self.batch]
            ]
            scores.extend(self._score_batch(batch, first, out.past_key_values, prefix.shape[1]))
        return scores

    def _score_batch(self, batch, first, prefix_cache, prefix_len: int) -> list[float]:
        width = max(len(ids) for ids in batch)
        totals = [float(first[ids[0]]) for ids in batch]
        if width <= 1:
            return totals
        padded = torch.tensor(
            [ids + [self._pad] * (width - len(ids)) for ids in batch], device=self.device
        )
        cache = copy.deepcopy(prefix_cache)
        cache.batch_repeat_interleave(len(batch))
        positions = torch.arange(prefix_len, prefix_len + width - 1, device=self.device)
        logits = self.model(
            input_ids=padded[:, :-1],
            past_key_values=cache,
            position_ids=positions.expand(len(batch), -1),
            # All ones, as no mask would be (right padding is never read, see above); said
            # explicitly so transformers does not guess a mask from the pad token.
            attention_mask=torch.ones(
                len(batch), prefix_len + width - 1, dtype=torch.long, device=self.device
            ),
            use_cache=True,
        ).logits
        logprobs = torch.log_softmax(logits.float(), dim=-1)
        following = logprobs.gather(-1, padded[:, 1:].unsqueeze(-1)).squeeze(-1)
        for row, ids in enumerate(batch):
            totals[row] += float(following[row, : len(ids) - 1].sum())
        return totals

    def _encode(self, text: str) -> list[int]:
        return list(self.tokenizer(text, add_special_tokens=False).input_ids) if text else []
