"""Any server that speaks OpenAI's `/v1/chat/completions` as a `ChatModel`.

vLLM, Ollama, llama.cpp's server, LM Studio and hosted APIs all accept this request, so one
small client covers self-hosted and cloud models alike. It uses only the standard library
(urllib): a care-call server should not need an SDK to reach a model on the next machine.

A call waits at most `timeout_s` for each socket operation of an attempt, and retries
connection errors, timeouts, 429 and 5xx answers up to `retries` times with exponential
backoff (honouring a short `Retry-After`); any other 4xx is a mistake in the request, so it is
raised at once. Every failure surfaces as `LLMError`, which the engine answers with its
template.

`top_k` and `repetition_penalty` are not in OpenAI's API; they are sent only when set away
from their neutral values, as the extra fields vLLM and llama.cpp read (others ignore them).
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

from dialogue.llm import LLMError, Message, Sampling, check_messages, cut_at_stop

_RETRY_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
_MAX_RETRY_AFTER_S = 5.0


def completions_url(base_url: str) -> str:
    """`http://host:8000`, `.../v1` or the full endpoint -> the chat completions endpoint."""
    url = base_url.rstrip("/")
    if url.endswith("/chat/completions"):
        return url
    if not url.endswith("/v1"):
        url += "/v1"
    return url + "/chat/completions"


class OpenAIChatModel:
    """`ChatModel` over HTTP. `model` is the server's model name (vLLM: the served path;
    Ollama: e.g. "qwen2.5:1.5b"); `api_key` is sent as a bearer token when given."""

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        api_key: str | None = None,
        sampling: Sampling | None = None,
        timeout_s: float = 10.0,
        retries: int = 2,
        backoff_s: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if timeout_s <= 0:
            raise ValueError(f"timeout_s must be > 0, got {timeout_s}")
        if retries < 0:
            raise ValueError(f"retries must be >= 0, got {retries}")
        if not base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must start with http:// or https://, got {base_url!r}")
        self.url = completions_url(base_url)
        self.model = model
        self.api_key = api_key
        self.sampling = sampling or Sampling()
        self.timeout_s = timeout_s
        self.retries = retries
        self.backoff_s = backoff_s
        self._sleep = sleep

    def request_body(self, messages: list[Message], s: Sampling) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self.model,
            "messages": [{"role": m["role"], "content": m["content"]} for m in messages],
            "temperature": s.temperature,
            "top_p": s.top_p,
            "max_tokens": s.max_tokens,
            "stream": False,
        }
        if s.stop:
            body["stop"] = list(s.stop[:4])  # OpenAI accepts at most four
        if s.seed is not None:
            body["seed"] = s.seed
        if s.top_k:
            body["top_k"] = s.top_k
        if s.repetition_penalty != 1.0:
            body["repetition_penalty"] = s.repetition_penalty
        return body

    def generate(self, messages: list[Message], **sampling: Any) -> str:
        check_messages(messages)
        s = self.sampling.with_overrides(**sampling)
        data = json.dumps(self.request_body(messages, s)).encode("utf-8")
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        failure, failure_wait = "", 0.0
        for attempt in range(self.retries + 1):
            if attempt:
                self._sleep(failure_wait)
            try:
                payload = self._post(data, headers)
            except _Retryable as exc:
                failure = str(exc)
                failure_wait = exc.retry_after or self.backoff_s * 2**attempt
                continue
            return cut_at_stop(_content(payload, self.url), s.stop).strip()
        raise LLMError(f"{self.url}: gave up after {self.retries + 1} attempt(s): {failure}")

    def _post(self, data: bytes, headers: dict[str, str]) -> Any:
        request = urllib.request.Request(self.url, data=data, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                body = response.read()
        except urllib.error.HTTPError as exc:
            detail = _error_detail(exc)
            if exc.code in _RETRY_STATUS:
                raise _Retryable(f"HTTP {exc.code}{detail}", _retry_after(exc)) from exc
            raise LLMError(f"{self.url}: HTTP {exc.code}{detail}") from exc
        except TimeoutError as exc:
            raise _Retryable(f"no answer within {self.timeout_s:g} s") from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise _Retryable(f"no answer within {self.timeout_s:g} s") from exc
            raise _Retryable(f"cannot connect: {exc.reason}") from exc
        except (ConnectionError, OSError) as exc:
            raise _Retryable(f"connection failed: {exc}") from exc
        try:
            return json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise LLMError(f"{self.url}: the answer is not JSON: {body[:120]!r}") from exc


class _Retryable(Exception):
    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


def _content(payload: Any, url: str) -> str:
    try:
        choice = payload["choices"][0]
        content = choice["message"]["content"]
    except (KeyError, IndexError, TypeError) as exc:
        raise LLMError(f"{url}: no choices[0].message.content in the answer") from exc
    if not isinstance(content, str):
        raise LLMError(f"{url}: choices[0].message.content is {type(content).__name__}")
    return content


def _retry_after(exc: urllib.error.HTTPError) -> float | None:
    value = exc.headers.get("Retry-After") if exc.headers else None
    try:
        return min(float(value), _MAX_RETRY_AFTER_S) if value is not None else None
    except ValueError:
        return None  # an HTTP date: use our own backoff


def _error_detail(exc: urllib.error.HTTPError) -> str:
    try:
        text = exc.read().decode("utf-8", "replace").strip()
    except OSError:
        return ""
    return f": {text[:200]}" if text else ""
