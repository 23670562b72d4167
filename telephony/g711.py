"""G.711 μ-law and A-law, bit-exact with Python's `audioop` (width 2), in numpy.

`audioop` is gone from Python 3.13, and a per-call Python loop over samples would cost far
more than the rest of the line. So the codec is four lookup tables built once at import with
audioop's own arithmetic: μ-law quantizes the top 14 bits of a sample (`sample >> 2`), A-law
the top 13 (`sample >> 3`), exactly as audioop's `st_14linear2ulaw` / `st_linear2alaw` do. The
encode tables are indexed by the int16 sample reinterpreted as uint16 (65536 entries, 64 KiB
each), the decode tables by the code byte; encoding a 20 ms frame is one `take`.

The float helpers use the scale 32768 in both directions, so `float_to_pcm16(pcm16_to_float(x))`
is the identity on int16 and +1.0 clips to 32767.
"""

from __future__ import annotations

import numpy as np

ULAW_SILENCE = 0xFF  # μ-law code of 0; a frame of silence is bytes([ULAW_SILENCE]) * 160
ALAW_SILENCE = 0xD5  # A-law code of 0 (decodes to +8, the smallest positive level)

_PCM_SCALE = 32768.0
_BIAS = 0x84
_ULAW_CLIP = 8159  # 14-bit magnitude limit of the μ-law quantizer
_ULAW_SEG_END = np.array([0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF])
_ALAW_SEG_END = np.array([0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF])


def _all_int16() -> np.ndarray:
    """Every int16 value, laid out so that index == value viewed as uint16."""
    return np.arange(65536, dtype=np.uint16).view(np.int16).astype(np.int32)


def _build_ulaw_encode() -> np.ndarray:
    pcm = _all_int16() >> 2  # 14-bit sample, as audioop's `val >> 18` on a width-2 sample
    mask = np.where(pcm < 0, 0x7F, 0xFF)
    mag = np.minimum(np.abs(pcm), _ULAW_CLIP) + (_BIAS >> 2)
    seg = np.searchsorted(_ULAW_SEG_END, mag)  # first segment whose end >= mag
    code = (seg << 4) | ((mag >> (seg + 1)) & 0xF)
    code = np.where(seg >= 8, 0x7F, code)
    return (code ^ mask).astype(np.uint8)


def _build_ulaw_decode() -> np.ndarray:
    u = ~np.arange(256, dtype=np.int32) & 0xFF
    t = (((u & 0x0F) << 3) + _BIAS) << ((u & 0x70) >> 4)
    return np.where(u & 0x80, _BIAS - t, t - _BIAS).astype(np.int16)


def _build_alaw_encode() -> np.ndarray:
    pcm = _all_int16() >> 3  # 13-bit sample, as audioop's `val >> 19`
    negative = pcm < 0
    mask = np.where(negative, 0x55, 0xD5)
    mag = np.where(negative, -pcm - 1, pcm)
    seg = np.searchsorted(_ALAW_SEG_END, mag)
    quant = np.where(seg < 2, mag >> 1, mag >> np.maximum(seg, 1)) & 0x0F
    code = np.where(seg >= 8, 0x7F, (seg << 4) | quant)
    return (code ^ mask).astype(np.uint8)


def _build_alaw_decode() -> np.ndarray:
    a = np.arange(256, dtype=np.int32) ^ 0x55
    seg = (a & 0x70) >> 4
    t = (a & 0x0F) << 4
    t = np.where(seg == 0, t + 8, (t + 0x108) << np.maximum(seg - 1, 0))
    return np.where(a & 0x80, t, -t).astype(np.int16)


_ULAW_ENCODE = _build_ulaw_encode()
_ULAW_DECODE = _build_ulaw_decode()
_ALAW_ENCODE = _build_alaw_encode()
_ALAW_DECODE = _build_alaw_decode()
_ULAW_DECODE_F32 = (_ULAW_DECODE / _PCM_SCALE).astype(np.float32)
_ALAW_DECODE_F32 = (_ALAW_DECODE / _PCM_SCALE).astype(np.float32)


def _as_pcm16(pcm: np.ndarray) -> np.ndarray:
    pcm = np.asarray(pcm)
    if pcm.dtype != np.int16:
        raise TypeError(
            f"G.711 encodes int16 samples, got dtype {pcm.dtype}; "
            "use float_to_ulaw/float_to_alaw for float audio"
        )
    return pcm.reshape(-1)


def _codes(data: bytes | bytearray | memoryview) -> np.ndarray:
    return np.frombuffer(data, dtype=np.uint8)


def ulaw_encode(pcm: np.ndarray) -> bytes:
    return _ULAW_ENCODE.take(_as_pcm16(pcm).view(np.uint16)).tobytes()


def ulaw_decode(data: bytes) -> np.ndarray:
    return _ULAW_DECODE.take(_codes(data))


def alaw_encode(pcm: np.ndarray) -> bytes:
    return _ALAW_ENCODE.take(_as_pcm16(pcm).view(np.uint16)).tobytes()


def alaw_decode(data: bytes) -> np.ndarray:
    return _ALAW_DECODE.take(_codes(data))


def float_to_pcm16(x: np.ndarray) -> np.ndarray:
    """Float samples in [-1, 1] to int16: scaled by 32768, rounded half to even, clipped.

    NaN is not a sample: its int16 value is unspecified (numpy warns about the cast).
    """
    scaled = np.multiply(np.asarray(x, dtype=np.float32).reshape(-1), np.float32(_PCM_SCALE))
    np.rint(scaled, out=scaled)  # in place, and minimum/maximum rather than clip: this runs
    np.minimum(scaled, 32767, out=scaled)  # for every 20 ms frame of every call
    np.maximum(scaled, -32768, out=scaled)
    return scaled.astype(np.int16)


def pcm16_to_float(pcm: np.ndarray) -> np.ndarray:
    return np.asarray(pcm, dtype=np.int16).reshape(-1).astype(np.float32) / np.float32(_PCM_SCALE)


def ulaw_to_float(data: bytes) -> np.ndarray:
    return _ULAW_DECODE_F32.take(_codes(data))


def float_to_ulaw(x: np.ndarray) -> bytes:
    return ulaw_encode(float_to_pcm16(x))


def alaw_to_float(data: bytes) -> np.ndarray:
    return _ALAW_DECODE_F32.take(_codes(data))


def float_to_alaw(x: np.ndarray) -> bytes:
    return alaw_encode(float_to_pcm16(x))
