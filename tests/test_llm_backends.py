"""Chat model backends: a real HTTP server on 127.0.0.1 for the OpenAI-compatible client (slow
answers, 500s, refusals), and a tiny random GPT-2 for the local transformers backend."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from dialogue.llm import ChatModel, LLMError, Sampling, cut_at_stop
from dialogue.llm.openai import OpenAIChatModel, completions_url
from dialogue.llm.transformers import TransformersChatModel, fallback_prompt, fold_system
from tests.llm_server import FakeServer
from tests.tiny_models import tiny_causal_lm

MESSAGES = [
    {"role": "system", "content": "You are Clara, a care-call agent."},
    {"role": "user", "content": "Hello?"},
]


@pytest.fixture
def server() -> Iterator[FakeServer]:
    s = FakeServer()
    yield s
    s.close()


def client(server: FakeServer, **kwargs) -> tuple[OpenAIChatModel, list[float]]:
    waits: list[float] = []
    kwargs.setdefault("timeout_s", 2.0)
    return OpenAIChatModel(server.url, "tiny", sleep=waits.append, **kwargs), waits


def test_endpoint_url_forms() -> None:
    for base in [
        "http://h:8000",
        "http://h:8000/",
        "http://h:8000/v1",
        "http://h:8000/v1/",
        "http://h:8000/v1/chat/completions",
    ]:
        assert completions_url(base) == "http://h:8000/v1/chat/completions"
    with pytest.raises(ValueError, match="http://"):
        OpenAIChatModel("localhost:8000", "m")


def test_openai_request_carries_the_sampling_and_returns_the_text(server: FakeServer) -> None:
    model, _ = client(
        server, api_key="sk-test", sampling=Sampling(temperature=0.3, top_k=20, max_tokens=40)
    )
    assert isinstance(model, ChatModel)
    server.script = [("ok", "  How did you sleep? User: fine  ")]
    reply = model.generate(MESSAGES, top_p=0.8, repetition_penalty=1.1, stop=["User:"], seed=7)
    assert reply == "How did you sleep?"
    (body,) = server.requests
    assert body["model"] == "tiny" and body["messages"] == MESSAGES
    assert (body["temperature"], body["top_p"], body["max_tokens"]) == (0.3, 0.8, 40)
    assert (body["top_k"], body["repetition_penalty"], body["seed"]) == (20, 1.1, 7)
    assert body["stop"] == ["User:"] and body["stream"] is False
    assert server.headers[0]["Authorization"] == "Bearer sk-test"


def test_neutral_extras_are_not_sent(server: FakeServer) -> None:
    model, _ = client(server)
    model.generate(MESSAGES)
    body = server.requests[0]
    assert not {"top_k", "repetition_penalty", "seed", "stop"} & body.keys()
    assert "Authorization" not in server.headers[0]


def test_server_errors_are_retried_with_backoff(server: FakeServer) -> None:
    model, waits = client(server, retries=2, backoff_s=0.25)
    server.script = [("status", 500), ("status", 503), ("ok", "Did you eat today?")]
    assert model.generate(MESSAGES) == "Did you eat today?"
    assert len(server.requests) == 3 and waits == [0.25, 0.5]


def test_retries_run_out(server: FakeServer) -> None:
    model, waits = client(server, retries=1)
    server.script = [("status", 500), ("status", 502), ("ok", "never reached")]
    with pytest.raises(LLMError, match=r"2 attempt\(s\): HTTP 502"):
        model.generate(MESSAGES)
    assert len(server.requests) == 2 and len(waits) == 1


def test_a_bad_request_is_not_retried(server: FakeServer) -> None:
    model, waits = client(server, retries=3)
    server.script = [("status", 400)]
    with pytest.raises(LLMError, match="HTTP 400: .*overloaded"):
        model.generate(MESSAGES)
    assert len(server.requests) == 1 and waits == []


def test_a_slow_answer_times_out_then_the_retry_succeeds(server: FakeServer) -> None:
    model, waits = client(server, timeout_s=0.3, retries=1)
    server.script = [("slow", 5.0), ("ok", "How are you feeling?")]
    assert model.generate(MESSAGES) == "How are you feeling?"
    assert len(waits) == 1
    server.script = [("slow", 5.0), ("slow", 5.0)]
    with pytest.raises(LLMError, match="no answer within 0.3 s"):
        model.generate(MESSAGES)


def test_unusable_answers_are_errors(server: FakeServer) -> None:
    model, _ = client(server, retries=0)
    server.script = [("junk", "<html>proxy error</html>")]
    with pytest.raises(LLMError, match="not JSON"):
        model.generate(MESSAGES)
    server.script = [("junk", json.dumps({"choices": []}))]
    with pytest.raises(LLMError, match="choices"):
        model.generate(MESSAGES)


def test_nobody_listening_is_an_error() -> None:
    model = OpenAIChatModel(
        "http://127.0.0.1:9", "m", timeout_s=0.5, retries=1, sleep=lambda s: None
    )
    with pytest.raises(LLMError, match="2 attempt"):
        model.generate(MESSAGES)


def test_bad_sampling_and_messages_are_refused() -> None:
    with pytest.raises(ValueError, match="top_p"):
        Sampling(top_p=0)
    with pytest.raises(TypeError, match="unknown sampling"):
        Sampling().with_overrides(beam_size=4)
    model = OpenAIChatModel("http://127.0.0.1:9", "m")
    with pytest.raises(ValueError, match=r"messages\[0\]: role"):
        model.generate([{"role": "robot", "content": "hi"}])
    assert Sampling(stop="\n").stop == ("\n",)
    assert cut_at_stop("Hi.\nUser: x", ("\nUser:", "zz")) == "Hi."


# -- transformers ---------------------------------------------------------------------------


@cache
def local(dtype: str = "fp32") -> TransformersChatModel:
    model, tokenizer = tiny_causal_lm(seed=0)
    return TransformersChatModel(
        model, tokenizer=tokenizer, dtype=dtype, sampling=Sampling(max_tokens=12)
    )


def test_fallback_template_for_a_tokenizer_without_one() -> None:
    chat = local()
    assert not chat.tokenizer.chat_template
    text, stops = chat.prompt(
        MESSAGES
        + [{"role": "assistant", "content": "Hi."}, {"role": "user", "content": "Who is this?"}]
    )
    assert text == (
        "You are Clara, a care-call agent.\n\nUser: Hello?\nAssistant: Hi.\n"
        "User: Who is this?\nAssistant:"
    )
    assert stops == ("\nUser:", "\nAssistant:")
    assert fallback_prompt([{"role": "user", "content": "x"}]) == "User: x\nAssistant:"


def test_chat_template_is_used_and_a_refused_system_role_is_folded() -> None:
    _, tokenizer = tiny_causal_lm(seed=0)
    tokenizer.chat_template = (
        "{% for m in messages %}{% if m['role'] == 'system' %}"
        "{{ raise_exception('System role not supported') }}{% endif %}"
        "<{{ m['role'] }}>{{ m['content'] }}\n{% endfor %}"
        "{% if add_generation_prompt %}<assistant>{% endif %}"
    )
    chat = TransformersChatModel(local().model, tokenizer=tokenizer, dtype="fp32")
    text, stops = chat.prompt(MESSAGES)
    assert text == "<user>You are Clara, a care-call agent.\n\nHello?\n<assistant>"
    assert stops == ()
    system, agent = {"role": "system", "content": "S"}, {"role": "assistant", "content": "A"}
    folded = fold_system([system, agent])
    assert folded == [{"role": "user", "content": "S"}, {"role": "assistant", "content": "A"}]


def test_local_generation_is_seeded_and_greedy_is_deterministic() -> None:
    chat = local()
    assert isinstance(chat, ChatModel)
    a = chat.generate(MESSAGES, seed=1)
    assert a == chat.generate(MESSAGES, seed=1)
    others = {chat.generate(MESSAGES, seed=s) for s in range(2, 6)}
    assert len(others | {a}) > 1
    assert chat.generate(MESSAGES, temperature=0) == chat.generate(MESSAGES, temperature=0, seed=9)


def test_local_generation_honours_max_tokens_and_stop_sequences() -> None:
    chat = local()
    prompt, _ = chat.prompt(MESSAGES)
    ids = chat.tokenizer(prompt, return_tensors="pt").input_ids
    for n in (3, 20):
        out = chat._generate(ids, Sampling(temperature=0, max_tokens=n), ())
        assert out.shape[1] - ids.shape[1] == n  # no EOS from this model's greedy path
    text = chat.generate(MESSAGES, seed=4, max_tokens=30, top_k=0)
    stop = next(c for c in text[2:] if not c.isspace())  # a character the reply really has
    cut = chat.generate(MESSAGES, seed=4, max_tokens=30, top_k=0, stop=(stop,))
    assert stop not in cut and text.startswith(cut)


def test_local_model_loads_from_a_directory(tmp_path: Path) -> None:
    tiny_causal_lm(seed=0, dir=tmp_path)
    chat = TransformersChatModel(tmp_path, dtype="fp32", sampling=Sampling(max_tokens=8))
    assert chat.generate(MESSAGES, seed=3) == local().generate(MESSAGES, seed=3, max_tokens=8)
    with pytest.raises(LLMError, match="cannot load"):
        TransformersChatModel(tmp_path / "missing")


def test_local_timeout_is_an_error() -> None:
    model, tokenizer = tiny_causal_lm(seed=0)
    chat = TransformersChatModel(model, tokenizer=tokenizer, dtype="fp32", timeout_s=1e-4)
    with pytest.raises(LLMError, match="limit"):
        chat.generate(MESSAGES, max_tokens=50)
