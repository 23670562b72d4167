"""Chat models behind one small interface, one backend per module.

The dialogue engine, the guard's judge and the LLM extractor only ever call
`ChatModel.generate(messages, **sampling) -> str`. A backend turns every failure it can
foresee (bad output, a timeout, a refused request, a missing model) into `LLMError`, so the
engine has one thing to catch before it falls back to the scenario's own templates: a care
call must go on when the model does not.

Backends: `dialogue.llm.transformers` (a local causal LM) and `dialogue.llm.openai` (any
server speaking OpenAI's `/v1/chat/completions`: vLLM, Ollama, llama.cpp server).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from typing import Any, Protocol, runtime_checkable

Message = dict[str, str]  # {"role": "system" | "user" | "assistant", "content": ...}
ROLES = frozenset({"system", "user", "assistant"})


class LLMError(RuntimeError):
    """The model could not produce a reply (error, timeout, refusal, unusable output)."""


@dataclass(frozen=True)
class Sampling:
    """How to draw a reply. `temperature` 0 means greedy decoding; `top_k` 0 means no limit;
    `seed` makes a sampled reply repeatable where the backend supports it."""

    temperature: float = 0.7
    top_p: float = 0.9
    top_k: int = 0
    repetition_penalty: float = 1.0
    max_tokens: int = 96
    stop: tuple[str, ...] = ()
    seed: int | None = None

    def __post_init__(self) -> None:
        problems = []
        if self.temperature < 0:
            problems.append(f"temperature must be >= 0, got {self.temperature}")
        if not 0 < self.top_p <= 1:
            problems.append(f"top_p must be in (0, 1], got {self.top_p}")
        if self.top_k < 0:
            problems.append(f"top_k must be >= 0, got {self.top_k}")
        if self.repetition_penalty <= 0:
            problems.append(f"repetition_penalty must be > 0, got {self.repetition_penalty}")
        if self.max_tokens < 1:
            problems.append(f"max_tokens must be >= 1, got {self.max_tokens}")
        if problems:
            raise ValueError("; ".join(problems))
        if isinstance(self.stop, str):  # a lone string is one stop sequence, not its letters
            object.__setattr__(self, "stop", (self.stop,))
        else:
            object.__setattr__(self, "stop", tuple(self.stop))

    def with_overrides(self, **overrides: Any) -> Sampling:
        """These settings with the keyword arguments of one `generate` call applied."""
        known = {f.name for f in fields(self)}
        if unknown := set(overrides) - known:
            raise TypeError(
                f"unknown sampling parameter(s) {sorted(unknown)}; have {sorted(known)}"
            )
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


@runtime_checkable
class ChatModel(Protocol):
    def generate(self, messages: list[Message], **sampling: Any) -> str:
        """The assistant's next message. Raises LLMError when there is none to be had."""
        ...


def check_messages(messages: list[Message]) -> None:
    """Reject malformed conversations early, with the index of the bad message."""
    if not messages:
        raise ValueError("messages must not be empty")
    for i, message in enumerate(messages):
        if not isinstance(message, dict) or message.get("role") not in ROLES:
            raise ValueError(f"messages[{i}]: role must be one of {sorted(ROLES)}")
        if not isinstance(message.get("content"), str):
            raise ValueError(f"messages[{i}]: content must be a string")


def cut_at_stop(text: str, stop: tuple[str, ...]) -> str:
    """`text` up to the first stop sequence: servers and local decoding may run past one."""
    cut = min((i for s in stop if s and (i := text.find(s)) >= 0), default=len(text))
    return text[:cut]


def json_values(reply: str, kind: type[dict] | type[list]) -> Iterator[Any]:
    """Every JSON object (`kind=dict`) or list (`kind=list`) in a model's reply, in order:
    models wrap the JSON they are asked for in prose or code fences."""
    opener = "{" if kind is dict else "["
    decoder = json.JSONDecoder()
    for start in (i for i, c in enumerate(reply) if c == opener):
        try:
            data, _ = decoder.raw_decode(reply[start:])
        except json.JSONDecodeError:
            continue
        if isinstance(data, kind):
            yield data


__all__ = [
    "ROLES",
    "ChatModel",
    "LLMError",
    "Message",
    "Sampling",
    "check_messages",
    "cut_at_stop",
    "json_values",
]
