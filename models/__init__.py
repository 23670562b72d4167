"""Loading model weights, shared by `asr` and `dialogue`: one float-type policy and one
`transformers` loader.

A package of its own, below both users: `asr` and `dialogue` must not import each other, and
`telephony` (the phone line) must stay free of model libraries, so neither could host it.
It imports only torch at load time; `transformers` is imported when a model is loaded.
"""

from models.dtype import DTYPES, default_dtype, fast_bf16, torch_dtype
from models.load import ModelLoadError, load_pretrained, place

__all__ = [
    "DTYPES",
    "ModelLoadError",
    "default_dtype",
    "fast_bf16",
    "load_pretrained",
    "place",
    "torch_dtype",
]
