"""The one transformers loader and the one float-type policy (`models`), on tiny seeded
random models: wiring and the dtype choice, never accuracy."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

import models.dtype as dtype_policy
from models import ModelLoadError, default_dtype, fast_bf16, load_pretrained, place, torch_dtype
from tests.tiny_models import tiny_causal_lm


def _cpu(monkeypatch, capability: str, amx: bool, avx512_bf16: bool) -> None:
    monkeypatch.setattr(torch.backends.cpu, "get_cpu_capability", lambda: capability)
    monkeypatch.setattr(torch.cpu, "_is_amx_tile_supported", lambda: amx, raising=False)
    monkeypatch.setattr(torch.cpu, "_is_avx512_bf16_supported", lambda: avx512_bf16, raising=False)


@pytest.mark.parametrize(
    ("capability", "amx", "avx512_bf16", "expected"),
    [
        ("AVX512", True, False, "bf16"),  # Sapphire Rapids: AMX tiles
        ("AVX512", False, True, "bf16"),  # Cooper Lake / Zen 4: AVX-512 BF16
        ("AVX512", False, False, "fp32"),  # AVX-512 without bf16: emulated
        ("AVX2", False, False, "fp32"),  # the AVX2-only EPYC where bf16 was 50x slower
        ("DEFAULT", True, True, "fp32"),  # torch held to scalar kernels
    ],
)
def test_cpu_dtype_follows_bf16_hardware(monkeypatch, capability, amx, avx512_bf16, expected):
    _cpu(monkeypatch, capability, amx, avx512_bf16)
    assert fast_bf16() is (expected == "bf16")
    assert default_dtype("cpu") == expected


def test_cpuinfo_flags_answer_where_torch_has_no_probe(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(torch.backends.cpu, "get_cpu_capability", lambda: "AVX512")
    for name in ("_is_amx_tile_supported", "_is_avx512_bf16_supported"):
        monkeypatch.delattr(torch.cpu, name, raising=False)
    info = tmp_path / "cpuinfo"
    monkeypatch.setattr(dtype_policy, "_cpuinfo_flags", lambda: dtype_policy._flags_of(info))
    info.write_text("processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512f\n")
    assert default_dtype("cpu") == "fp32"
    info.write_text("processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512f avx512_bf16\n")
    assert default_dtype("cpu") == "bf16"


@pytest.mark.parametrize(("bf16", "expected"), [(True, "bf16"), (False, "fp16")])
def test_cuda_dtype_is_bf16_where_supported(monkeypatch, bf16, expected) -> None:
    class _NoDevice:  # no GPU needed: the device switch is a no-op
        def __init__(self, device): ...
        def __enter__(self): ...
        def __exit__(self, *exc): ...

    monkeypatch.setattr(torch.cuda, "device", _NoDevice)
    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda *a, **k: bf16)
    assert default_dtype("cuda") == expected
    assert default_dtype("cuda:1") == expected


def test_unknown_dtype_names_the_choices() -> None:
    assert torch_dtype("bf16") is torch.bfloat16
    with pytest.raises(ValueError, match=r"\['bf16', 'fp16', 'fp32'\].*'int3'"):
        torch_dtype("int3")


def test_loads_a_local_folder_in_the_asked_dtype(tmp_path: Path) -> None:
    reference, _ = tiny_causal_lm(seed=3, dir=tmp_path)
    model, tokenizer = load_pretrained(tmp_path, dtype="bf16", local_files_only=True)
    assert next(model.parameters()).dtype is torch.bfloat16 and not model.training
    ids = tokenizer("Did you take your medicine?", return_tensors="pt").input_ids
    again, _ = load_pretrained(str(tmp_path), dtype="fp32")
    with torch.inference_mode():
        assert torch.equal(again(ids).logits, reference(ids).logits)


def test_the_default_dtype_follows_the_policy(monkeypatch, tmp_path: Path) -> None:
    tiny_causal_lm(seed=1, dir=tmp_path)
    for fast, expected in ((False, torch.float32), (True, torch.bfloat16)):
        monkeypatch.setattr(dtype_policy, "fast_bf16", lambda fast=fast: fast)
        model, _ = load_pretrained(tmp_path)
        assert next(model.parameters()).dtype is expected
        assert next(place(tiny_causal_lm(seed=1)[0]).parameters()).dtype is expected


def test_errors_name_the_source(tmp_path: Path) -> None:
    missing = tmp_path / "no-model-here"
    with pytest.raises(ModelLoadError, match="no-model-here.*no such folder"):
        load_pretrained(missing)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(OSError, match="empty"):  # ModelLoadError is an OSError
        load_pretrained(empty, local_files_only=True)
    # A hub name not in the cache, with the network ruled out: no download is tried.
    with pytest.raises(ModelLoadError, match=r"'carecall-test/absent' \(local files only\)"):
        load_pretrained("carecall-test/absent", local_files_only=True)
    with pytest.raises(ValueError, match="dtype"):
        load_pretrained(missing, dtype="int3")


def test_a_given_tokenizer_is_kept(tmp_path: Path) -> None:
    _, tokenizer = tiny_causal_lm(seed=0, dir=tmp_path)
    _, got = load_pretrained(tmp_path, processor=tokenizer, dtype="fp32")
    assert got is tokenizer
