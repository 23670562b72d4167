"""One way to load a `transformers` model: its tokenizer (or processor) and its weights, from
a local folder written by `save_pretrained` or a hub name, on a device in a float type.

`local_files_only=True` never touches the network (a hub name must already be in the cache).
Every failure is a `ModelLoadError` (an OSError, as transformers' own are) that names what
was asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch

from models.dtype import default_dtype, torch_dtype


class ModelLoadError(OSError):
    """The weights or the tokenizer could not be loaded; the message names the source."""


def _looks_local(source: str | Path) -> bool:
    return isinstance(source, Path) or str(source).startswith(("/", ".", "~"))


def place(model: torch.nn.Module, device: str = "cpu", dtype: str | None = None):
    """`model` moved to `device` in `dtype` (default: `default_dtype(device)`), in eval mode."""
    dtype = dtype or default_dtype(device)
    return model.to(device=device, dtype=torch_dtype(dtype)).eval()


def load_pretrained(
    source: str | Path,
    *,
    device: str = "cpu",
    dtype: str | None = None,
    local_files_only: bool = False,
    model_class: Any = None,
    processor_class: Any = None,
    processor: Any = None,
) -> tuple[torch.nn.Module, Any]:
    """`(model, processor)` from a local folder or a hub name, placed on `device`.

    `model_class` and `processor_class` default to `AutoModelForCausalLM` and
    `AutoTokenizer` (give `AutoProcessor`, `AutoModelForSpeechSeq2Seq`… for others). A given
    `processor` is used as is, and only the weights are loaded.
    """
    dtype = dtype or default_dtype(device)
    torch_dtype(dtype)  # an unknown name fails before any loading
    name = str(Path(source).expanduser()) if _looks_local(source) else str(source)
    if _looks_local(source) and not Path(name).exists():
        raise ModelLoadError(f"cannot load the model {name!r}: no such folder")
    if model_class is None or (processor is None and processor_class is None):
        from transformers import AutoModelForCausalLM, AutoTokenizer

        model_class = model_class or AutoModelForCausalLM
        processor_class = processor_class or AutoTokenizer
    try:
        if processor is None:
            processor = processor_class.from_pretrained(name, local_files_only=local_files_only)
        model = model_class.from_pretrained(name, local_files_only=local_files_only)
    except (OSError, ValueError) as exc:  # missing files, no network, unknown architecture
        where = " (local files only)" if local_files_only else ""
        raise ModelLoadError(f"cannot load the model {name!r}{where}: {exc}") from exc
    return place(model, device, dtype), processor
