"""A local causal LM from `transformers` as a `ChatModel`.

The model is a hub name (downloaded on a connected machine), a local directory written by
`save_pretrained`, or a model object with its tokenizer. Conversations are rendered with the
tokenizer's own chat template; a base model without one gets a plain "User:/Assistant:"
transcript, and a template that refuses a system message (some do) gets the system text folded
into the first user turn, so any causal LM can be tried without editing templates.

One process shares one model among all its calls, so generation is serialized by a lock;
the float type follows the device (`models.default_dtype`): on a CPU, bf16 only where it
multiplies bf16 in hardware (AMX, AVX-512 BF16: about ten times faster than fp32, DESIGN.md),
fp32 elsewhere, where emulated bf16 is far slower.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import torch

from dialogue.llm import LLMError, Message, Sampling, check_messages, cut_at_stop
from models import ModelLoadError, load_pretrained, place

_FALLBACK_LABELS = {"user": "User", "assistant": "Assistant"}


def fallback_prompt(messages: list[Message]) -> str:
    """A transcript any base model can continue: the system text, then labelled turns."""
    system = "\n\n".join(m["content"].strip() for m in messages if m["role"] == "system")
    turns = [
        f"{_FALLBACK_LABELS[m['role']]}: {m['content'].strip()}"
        for m in messages
        if m["role"] != "system"
    ]
    head = system + "\n\n" if system else ""
    return head + "\n".join([*turns, "Assistant:"])


def fold_system(messages: list[Message]) -> list[Message]:
    """The system text moved into the first user turn, for templates without a system role."""
    system = "\n\n".join(m["content"] for m in messages if m["role"] == "system")
    rest = [dict(m) for m in messages if m["role"] != "system"]
    if not system:
        return rest
    if rest and rest[0]["role"] == "user":
        rest[0]["content"] = f"{system}\n\n{rest[0]['content']}"
        return rest
    return [{"role": "user", "content": system}, *rest]


def context_length(model) -> int | None:
    """How many positions the model attends over, when its config says (GPT-2, Llama, Qwen)."""
    config = getattr(model, "config", None)
    for name in ("max_position_embeddings", "n_positions", "n_ctx"):
        value = getattr(config, name, None)
        if isinstance(value, int) and value > 0:
            return value
    return None


class _StopOnText:
    """Stops generation once the decoded new text holds a stop sequence."""

    def __init__(self, tokenizer, start: int, stop: tuple[str, ...]):
        self.tokenizer, self.start, self.stop = tokenizer, start, stop

    def __call__(self, input_ids: torch.Tensor, scores: torch.Tensor, **_: Any) -> torch.Tensor:
        done = [
            any(
                s in self.tokenizer.decode(row[self.start :], skip_special_tokens=True)
                for s in self.stop
            )
            for row in input_ids
        ]
        return torch.tensor(done, dtype=torch.bool, device=input_ids.device)


class TransformersChatModel:
    """`ChatModel` on a local causal LM. `sampling` holds the defaults each call may override;
    `timeout_s` bounds one generation (it stops there and the call raises LLMError)."""

    def __init__(
        self,
        model: str | Path | torch.nn.Module,
        *,
        tokenizer=None,
        device: str = "cpu",
        dtype: str | None = None,
        sampling: Sampling | None = None,
        timeout_s: float | None = None,
    ) -> None:
        if isinstance(model, str | Path):
            try:
                model, loaded = load_pretrained(
                    model, device=device, dtype=dtype, processor=tokenizer
                )
            except ModelLoadError as exc:
                raise LLMError(str(exc)) from exc  # "cannot load the model ...: why"
            tokenizer = tokenizer or loaded
        elif tokenizer is None:
            raise ValueError(
                "a model object needs its tokenizer: TransformersChatModel(model, tokenizer=...)"
            )
        else:
            model = place(model, device, dtype)
        self.model = model
        self.tokenizer = tokenizer
        self.device = device
        self.sampling = sampling or Sampling()
        self.timeout_s = timeout_s
        self._lock = threading.Lock()

    def prompt(self, messages: list[Message]) -> tuple[str, tuple[str, ...]]:
        """The text the model continues, and stop sequences the rendering itself implies."""
        check_messages(messages)
        if not getattr(self.tokenizer, "chat_template", None):
            return fallback_prompt(messages), ("\nUser:", "\nAssistant:")
        try:
            text = self.tokenizer.apply_chat_template(
                messages, tokenize=False, add_generation_prompt=True
            )
        except Exception:  # jinja2 TemplateError: e.g. "System role not supported"
            text = self.tokenizer.apply_chat_template(
                fold_system(messages), tokenize=False, add_generation_prompt=True
            )
        return text, ()

    def generate(self, messages: list[Message], **sampling: Any) -> str:
        s = self.sampling.with_overrides(**sampling)
        text, implied = self.prompt(messages)
        stop = tuple(dict.fromkeys(s.stop + implied))
        ids = self.tokenizer(text, return_tensors="pt", add_special_tokens=False).input_ids
        if ids.shape[1] == 0:  # an empty prompt: start from the model's own start token
            start = self.tokenizer.bos_token_id or self.tokenizer.eos_token_id
            ids = torch.tensor([[start]])
        ids = ids.to(self.device)
        limit = context_length(self.model)
        if limit is not None and ids.shape[1] + s.max_tokens > limit:
            raise LLMError(
                f"the prompt ({ids.shape[1]} tokens) and max_tokens ({s.max_tokens}) "
                f"exceed the model's context of {limit} tokens"
            )
        with self._lock:
            started = time.monotonic()
            try:
                out = self._generate(ids, s, stop)
            except Exception as exc:  # any backend failure: the caller falls back
                raise LLMError(f"generation failed: {exc}") from exc
            elapsed = time.monotonic() - started
        if self.timeout_s is not None and elapsed >= self.timeout_s:
            raise LLMError(f"generation took {elapsed:.1f} s (limit {self.timeout_s:g} s)")
        reply = self.tokenizer.decode(out[0, ids.shape[1] :], skip_special_tokens=True)
        return cut_at_stop(reply, stop).strip()

    @torch.inference_mode()
    def _generate(self, ids: torch.Tensor, s: Sampling, stop: tuple[str, ...]) -> torch.Tensor:
        from transformers import GenerationConfig, StoppingCriteriaList

        sample = s.temperature > 0
        config = GenerationConfig(
            max_new_tokens=s.max_tokens,
            do_sample=sample,
            temperature=s.temperature if sample else None,
            top_p=s.top_p if sample else None,
            top_k=s.top_k if sample else None,
            repetition_penalty=s.repetition_penalty,
            max_time=self.timeout_s,
            pad_token_id=self.tokenizer.pad_token_id
            if self.tokenizer.pad_token_id is not None
            else self.tokenizer.eos_token_id,
            eos_token_id=self.tokenizer.eos_token_id,
        )
        criteria = StoppingCriteriaList(
            [_StopOnText(self.tokenizer, ids.shape[1], stop)] if stop else []
        )
        mask = torch.ones_like(ids)
        cuda = str(self.device).startswith("cuda")
        devices = [torch.device(self.device).index or 0] if cuda else []
        with torch.random.fork_rng(devices=devices):
            if s.seed is not None:
                torch.manual_seed(s.seed)
            return self.model.generate(
                input_ids=ids,
                attention_mask=mask,
                generation_config=config,
                stopping_criteria=criteria,
            )
