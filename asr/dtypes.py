"""Which float type a model computes in by default, per device.

CUDA: fp16. CPU: bf16 only where the CPU multiplies bf16 in hardware (AMX tiles or AVX-512
BF16): there it runs several times faster than fp32 (DESIGN.md measured ~10x on an AMX
machine). Elsewhere torch emulates bf16 and it is far slower than fp32: a 1024x1024 matmul
took 2.3 s in bf16 against 40 ms in fp32 on an AVX2-only AMD EPYC of the same cloud.
"""

from __future__ import annotations

import torch


def fast_bf16() -> bool:
    """Whether this CPU multiplies bf16 in hardware."""
    cpu = torch.cpu
    return bool(
        getattr(cpu, "_is_amx_tile_supported", lambda: False)()
        or getattr(cpu, "_is_avx512_bf16_supported", lambda: False)()
    )


def default_dtype(device: str) -> str:
    if str(device).startswith("cuda"):
        return "fp16"
    return "bf16" if fast_bf16() else "fp32"
