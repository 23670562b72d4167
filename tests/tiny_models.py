"""Tiny, seeded, randomly initialized models for tests: no weights are ever downloaded.

They have the real architectures and the real loading paths (a Whisper checkpoint that
`whisper.load_model(path)` reads, a causal LM directory that `from_pretrained(path)` reads),
so tests prove wiring, shapes and determinism. Never accuracy: the weights are noise.

Builders seed a forked RNG, so they neither depend on nor disturb the global torch seed.
"""

from __future__ import annotations

from pathlib import Path

import torch

# The multilingual vocabulary (51865 = v2 tokenizer with 99 languages): language tokens such
# as <|ko|> exist, so Korean and language detection run through the same code as real models.
TINY_WHISPER_DIMS = dict(
    n_mels=80,
    n_audio_ctx=1500,  # fixed by the 30 s, 3000-frame mel window (the encoder strides by 2)
    n_audio_state=64,
    n_audio_head=2,
    n_audio_layer=2,
    n_vocab=51865,
    n_text_ctx=448,
    n_text_state=64,
    n_text_head=2,
    n_text_layer=2,
)

CARE_CALL_SENTENCES = [
    "Good morning! Did you sleep well last night?",
    "I slept well, thank you.",
    "Have you had breakfast today?",
    "Yes, I had rice and soup.",
    "Did you take your medicine?",
    "I took my blood pressure pills after lunch.",
    "How are you feeling today?",
    "My knee hurts a little, but I am fine.",
    "Did you go outside this week?",
    "I walked to the park with my neighbor.",
    "안녕하세요, 어르신. 오늘 식사는 하셨어요?",
    "네, 아침에 밥을 먹었어요.",
    "약은 드셨어요? 잠은 잘 주무셨어요?",
]


def tiny_whisper(seed: int = 0, path: str | Path | None = None):
    """A random Whisper with tiny dimensions; also saved as a checkpoint when `path` is given."""
    from whisper.model import ModelDimensions, Whisper

    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = Whisper(ModelDimensions(**TINY_WHISPER_DIMS))
        # TextDecoder.positional_embedding starts as torch.empty (uninitialized memory).
        torch.nn.init.normal_(model.decoder.positional_embedding, std=0.02)
    model.eval()
    if path is not None:
        save_tiny_whisper(path, model)
    return model


def save_tiny_whisper(path: str | Path, model=None) -> Path:
    """Write a checkpoint in the format `whisper.load_model(path)` reads (dims + state dict)."""
    from dataclasses import asdict

    model = tiny_whisper() if model is None else model
    path = Path(path)
    torch.save({"dims": asdict(model.dims), "model_state_dict": model.state_dict()}, path)
    return path


def train_tokenizer(sentences: list[str] = CARE_CALL_SENTENCES, vocab_size: int = 300):
    """A byte-level BPE tokenizer trained on `sentences`, wrapped for transformers."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=["<|endoftext|>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    bpe.train_from_iterator(sentences, trainer)
    return PreTrainedTokenizerFast(
        tokenizer_object=bpe,
        bos_token="<|endoftext|>",
        eos_token="<|endoftext|>",
        pad_token="<|endoftext|>",
        unk_token="<|endoftext|>",
    )


def tiny_causal_lm(
    seed: int = 0,
    dir: str | Path | None = None,
    n_positions: int = 256,
    sentences: list[str] | None = None,
    vocab_size: int = 300,
):
    """A random GPT-2-architecture causal LM and its tokenizer, as `(model, tokenizer)`.

    `n_positions` is its context length; `sentences` and `vocab_size` train the tokenizer
    (a chat prompt with a role specification is thousands of the default tokenizer's
    near-byte tokens, and a tiny model still pays for attention over all of them).

    With `dir`, both are saved there with `save_pretrained`, so that
    `AutoModelForCausalLM.from_pretrained(dir)` / `AutoTokenizer.from_pretrained(dir)` work.
    """
    from transformers import GPT2Config, GPT2LMHeadModel

    tokenizer = train_tokenizer(sentences or CARE_CALL_SENTENCES, vocab_size)
    config = GPT2Config(
        vocab_size=len(tokenizer),
        n_positions=n_positions,
        n_embd=32,
        n_layer=2,
        n_head=2,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
    )
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = GPT2LMHeadModel(config)
    model.eval()
    if dir is not None:
        model.save_pretrained(dir)
        tokenizer.save_pretrained(dir)
    return model, tokenizer
