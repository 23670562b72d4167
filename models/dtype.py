"""Which float type a model computes in by default, picked at run time for the device.

CUDA: bf16 where the GPU supports it (Ampere and later), else fp16. CPU: bf16 only where the
CPU multiplies bf16 in hardware (AMX tiles or AVX-512 BF16): there it runs several times
faster than fp32 (DESIGN.md measured ~10x on an AMX machine). Elsewhere torch emulates bf16
and it is far slower than fp32: a 1024x1024 matmul took 2.3 s in bf16 against 40 ms in fp32
on an AVX2-only AMD EPYC of the same cloud. So: fp32.
"""

from __future__ import annotations

from pathlib import Path

import torch

DTYPES = {"fp32": torch.float32, "fp16": torch.float16, "bf16": torch.bfloat16}

# /proc/cpuinfo flags of the instructions that multiply bf16 in hardware.
_BF16_FLAGS = frozenset({"avx512_bf16", "amx_bf16"})


def _flags_of(path: str | Path) -> set[str]:
    try:
        text = Path(path).read_text()
    except OSError:
        return set()
    for line in text.splitlines():
        if line.startswith("flags"):
            return set(line.partition(":")[2].split())
    return set()


def _cpuinfo_flags() -> set[str]:
    return _flags_of("/proc/cpuinfo")


def fast_bf16() -> bool:
    """Whether this CPU multiplies bf16 in hardware, and torch's kernels may use it.

    torch's own probes (cpuinfo) answer first; the kernel flags of /proc/cpuinfo where this
    torch lacks them. A torch held to its scalar kernels (ATEN_CPU_CAPABILITY=default)
    emulates bf16 whatever the CPU has.
    """
    if torch.backends.cpu.get_cpu_capability() in ("DEFAULT", "NO AVX"):
        return False
    cpu = torch.cpu
    probes = [
        getattr(cpu, n, None) for n in ("_is_amx_tile_supported", "_is_avx512_bf16_supported")
    ]
    if any(p is not None for p in probes):
        return any(bool(p()) for p in probes if p is not None)
    return bool(_cpuinfo_flags() & _BF16_FLAGS)


def default_dtype(device: str | torch.device) -> str:
    """The fastest float type this device computes well: "bf16", "fp16" or "fp32"."""
    device = torch.device(device)
    if device.type == "cuda":
        with torch.cuda.device(device):
            return "bf16" if torch.cuda.is_bf16_supported() else "fp16"
    if device.type == "cpu":
        return "bf16" if fast_bf16() else "fp32"
    return "fp32"


def torch_dtype(name: str) -> torch.dtype:
    """The torch type of a dtype name; a ValueError naming the choices for any other."""
    if name not in DTYPES:
        raise ValueError(f"dtype must be one of {sorted(DTYPES)}, got {name!r}")
    return DTYPES[name]
