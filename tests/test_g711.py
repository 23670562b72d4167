"""G.711: bit-exact with audioop over every input, and the codec's round-trip properties."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from telephony import g711

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    try:
        import audioop
    except ImportError:  # Python >= 3.13 without the audioop-lts backport
        audioop = None

needs_audioop = pytest.mark.skipif(
    audioop is None, reason="audioop (the reference) is not available on this Python"
)
ALL_PCM = np.arange(-32768, 32768, dtype=np.int16)
ALL_CODES = bytes(range(256))
pcm16 = arrays(np.int16, st.integers(0, 400))


@needs_audioop
@pytest.mark.parametrize(
    ("encode", "reference"), [(g711.ulaw_encode, "lin2ulaw"), (g711.alaw_encode, "lin2alaw")]
)
def test_encode_matches_audioop_for_every_int16(encode, reference):
    expected = getattr(audioop, reference)(ALL_PCM.tobytes(), 2)
    got = encode(ALL_PCM)
    assert isinstance(got, bytes) and len(got) == 65536
    mismatch = np.flatnonzero(np.frombuffer(got, np.uint8) != np.frombuffer(expected, np.uint8))
    assert mismatch.size == 0, f"first mismatch at sample {ALL_PCM[mismatch[:5]]}"


@needs_audioop
@pytest.mark.parametrize(
    ("decode", "reference"), [(g711.ulaw_decode, "ulaw2lin"), (g711.alaw_decode, "alaw2lin")]
)
def test_decode_matches_audioop_for_every_code(decode, reference):
    expected = np.frombuffer(getattr(audioop, reference)(ALL_CODES, 2), np.int16)
    got = decode(ALL_CODES)
    assert got.dtype == np.int16
    np.testing.assert_array_equal(got, expected)


def test_known_codes():
    # Fixed points of the G.711 tables, independent of audioop.
    assert g711.ulaw_encode(np.array([0, 32767, -32768], np.int16)) == b"\xff\x80\x00"
    assert g711.ulaw_decode(b"\xff\x7f\x80\x00").tolist() == [0, 0, 32124, -32124]
    assert g711.alaw_encode(np.array([0, 32767, -32768], np.int16)) == b"\xd5\xaa\x2a"
    assert g711.alaw_decode(b"\xd5\x55\xaa\x2a").tolist() == [8, -8, 32256, -32256]
    assert g711.ulaw_decode(bytes([g711.ULAW_SILENCE])).tolist() == [0]
    assert g711.alaw_decode(bytes([g711.ALAW_SILENCE])).tolist() == [8]


@pytest.mark.parametrize(
    ("encode", "decode", "zero_codes"),
    [(g711.ulaw_encode, g711.ulaw_decode, {0x7F}), (g711.alaw_encode, g711.alaw_decode, set())],
)
def test_every_code_survives_decode_then_encode(encode, decode, zero_codes):
    # μ-law has two codes for 0 (+0 and -0); encoding 0 gives +0 (0xFF), so 0x7F cannot survive.
    again = encode(decode(ALL_CODES))
    changed = {c for c, a in zip(ALL_CODES, again, strict=True) if c != a}
    assert changed == zero_codes


@pytest.mark.parametrize(
    ("encode", "decode", "peak", "bias", "finest"),
    [
        (g711.ulaw_encode, g711.ulaw_decode, 32124, 136, 8),
        (g711.alaw_encode, g711.alaw_decode, 32256, 1, 16),
    ],
)
def test_roundtrip_error_is_within_one_quantization_step(encode, decode, peak, bias, finest):
    # Steps double per segment (μ-law 8 near 0 up to 1024, A-law 16 up to 1024, in 16-bit
    # units); beyond the largest code (peak) the signal clips. Checked for every int16.
    x = ALL_PCM.astype(np.int32)
    decoded = decode(encode(ALL_PCM)).astype(np.int32)
    step = np.maximum(finest, 2 ** (np.floor(np.log2(np.abs(x) + bias)) - 4))
    assert np.all(np.abs(decoded - np.clip(x, -peak, peak)) <= step)
    assert np.all(np.sign(decoded) * np.sign(x) >= 0)  # never flips the sign
    assert np.all(np.diff(decoded) >= 0)  # monotonic


@given(pcm16)
def test_encode_is_idempotent_after_one_pass(pcm):
    # Decoded values are exact table levels: encoding them again changes nothing.
    for encode, decode in (
        (g711.ulaw_encode, g711.ulaw_decode),
        (g711.alaw_encode, g711.alaw_decode),
    ):
        once = decode(encode(pcm))
        np.testing.assert_array_equal(decode(encode(once)), once)


@given(pcm16)
def test_float_helpers_invert_each_other_on_int16(pcm):
    x = g711.pcm16_to_float(pcm)
    assert x.dtype == np.float32 and np.all(np.abs(x) <= 1.0)
    np.testing.assert_array_equal(g711.float_to_pcm16(x), pcm)


@given(arrays(np.float32, st.integers(0, 200), elements=st.floats(-4, 4, width=32)))
def test_float_paths_equal_int_paths(x):
    pcm = g711.float_to_pcm16(x)
    assert pcm.dtype == np.int16
    np.testing.assert_array_equal(
        pcm, np.clip(np.rint(x.astype(np.float64) * 32768), -32768, 32767)
    )
    assert g711.float_to_ulaw(x) == g711.ulaw_encode(pcm)
    assert g711.float_to_alaw(x) == g711.alaw_encode(pcm)
    codes = g711.float_to_ulaw(x)
    np.testing.assert_array_equal(
        g711.ulaw_to_float(codes), g711.pcm16_to_float(g711.ulaw_decode(codes))
    )
    codes = g711.float_to_alaw(x)
    np.testing.assert_array_equal(
        g711.alaw_to_float(codes), g711.pcm16_to_float(g711.alaw_decode(codes))
    )


def test_silence_and_empty_frames():
    assert g711.float_to_ulaw(np.zeros(160, np.float32)) == bytes([g711.ULAW_SILENCE]) * 160
    assert g711.ulaw_encode(np.zeros(0, np.int16)) == b""
    assert g711.ulaw_to_float(b"").shape == (0,)
    assert g711.ulaw_to_float(memoryview(b"\xff\xff")).tolist() == [0.0, 0.0]


def test_encoders_reject_non_int16_input():
    with pytest.raises(TypeError, match="int16"):
        g711.ulaw_encode(np.zeros(4, np.float32))
    with pytest.raises(TypeError, match="float_to_alaw"):
        g711.alaw_encode(np.zeros(4, np.int32))
