"""Resampling: tones pass, aliases are stopped, and streaming equals one-shot processing."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from telephony.resample import Resampler, design_filter, resample

RATE_PAIRS = [(8000, 16000), (16000, 8000), (22050, 16000), (16000, 24000), (44100, 8000)]


def tone(freq: float, rate: int, seconds: float = 1.0, amplitude: float = 0.5) -> np.ndarray:
    t = np.arange(round(rate * seconds)) / rate
    return (amplitude * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def rms_db(x: np.ndarray) -> float:
    return 20 * np.log10(np.sqrt(np.mean(np.square(x, dtype=np.float64))) + 1e-20)


def stream(resampler: Resampler, x: np.ndarray, sizes: list[int]) -> np.ndarray:
    out, i = [], 0
    for n in sizes:
        out.append(resampler.process(x[i : i + n]))
        i += n
    out.append(resampler.process(x[i:]))
    out.append(resampler.flush())
    return np.concatenate(out)


def test_1khz_survives_8k_16k_8k():
    x = tone(1000, 8000)
    y = resample(resample(x, 8000, 16000), 16000, 8000)
    assert y.dtype == np.float32 and y.shape == x.shape
    edge = 64  # the filters see zeros beyond the ends
    assert np.max(np.abs(y - x)[edge:-edge]) < 1e-3


def test_1khz_survives_streaming_8k_16k_8k_with_the_documented_delay():
    x = tone(1000, 8000)
    up, down = Resampler(8000, 16000), Resampler(16000, 8000)
    y = np.concatenate([down.process(up.process(x[i : i + 160])) for i in range(0, x.size, 160)])
    delay = up.delay // 2 + down.delay  # in 8 kHz samples; up.delay is in 16 kHz samples
    assert up.delay % 2 == 0 or pytest.fail("8k->16k delay should be a whole 8 kHz sample count")
    assert delay == round((up.delay_seconds + down.delay_seconds) * 8000)
    assert np.max(np.abs(y[delay + 64 :] - x[64 : x.size - delay])) < 1e-3


@pytest.mark.parametrize("one_shot", [True, False])
def test_6khz_at_16k_is_attenuated_more_than_40db_going_to_8k(one_shot):
    x = tone(6000, 16000)
    if one_shot:
        y = resample(x, 16000, 8000)
    else:
        r = Resampler(16000, 8000)
        y = np.concatenate([r.process(x[i : i + 320]) for i in range(0, x.size, 320)])
    attenuation = rms_db(x) - rms_db(y[200:-200])
    assert attenuation > 40, f"only {attenuation:.1f} dB"


def test_upsampling_8k_to_16k_leaves_no_image_above_4khz():
    y = resample(tone(3000, 8000), 8000, 16000)
    spectrum = np.abs(np.fft.rfft(y[400:-400] * np.hanning(y.size - 800)))
    freqs = np.fft.rfftfreq(y.size - 800, 1 / 16000)
    peak = spectrum.max()
    assert abs(freqs[spectrum.argmax()] - 3000) < 5
    assert spectrum[freqs > 4000].max() < peak * 10 ** (-50 / 20)  # the 5 kHz image is gone


def test_passband_is_flat_for_speech():
    for freq in (300, 1000, 2000, 3000):
        x = tone(freq, 16000)
        y = resample(x, 16000, 8000)
        assert abs(rms_db(y[200:-200]) - rms_db(x)) < 0.1, freq


@pytest.mark.parametrize(("from_rate", "to_rate"), RATE_PAIRS)
def test_chunked_equals_one_shot_for_irregular_chunks(from_rate, to_rate):
    rng = np.random.default_rng(from_rate + to_rate)
    x = rng.standard_normal(3 * from_rate // 10).astype(np.float32)
    r = Resampler(from_rate, to_rate)
    whole = stream(r, x, [])
    sizes = [int(n) for n in rng.choice([0, 1, 7, 160, 320, 333], size=60)]
    chunked = stream(r, x, sizes)  # `flush` reset it: the same object starts a new stream
    np.testing.assert_allclose(chunked, whole, rtol=0, atol=1e-6)
    # flush gives the full convolution: every input's filter response is in the output
    taps = design_filter(from_rate, to_rate).size
    assert whole.size == ((x.size - 1) * r.up + taps - 1) // r.down + 1


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 400), max_size=20), st.sampled_from([(8000, 16000), (16000, 8000)]))
def test_any_chunking_gives_the_same_samples(sizes, rates):
    x = np.random.default_rng(1).standard_normal(3000).astype(np.float32)
    whole = stream(Resampler(*rates), x, [])
    np.testing.assert_allclose(stream(Resampler(*rates), x, sizes), whole, rtol=0, atol=1e-6)


@pytest.mark.parametrize(("from_rate", "to_rate"), RATE_PAIRS)
def test_streaming_is_one_shot_delayed_by_exactly_delay(from_rate, to_rate):
    x = np.random.default_rng(7).standard_normal(from_rate // 5).astype(np.float32)
    r = Resampler(from_rate, to_rate)
    streamed = stream(r, x, [160] * 20)
    expected = resample(x, from_rate, to_rate)
    assert expected.size == -(-x.size * to_rate // from_rate)
    d = r.delay
    assert d > 0 and r.delay_seconds == pytest.approx(d / to_rate)
    np.testing.assert_allclose(streamed[d : d + expected.size], expected, rtol=0, atol=1e-5)


def test_line_frames_have_constant_sizes():
    up, down = Resampler(8000, 16000), Resampler(16000, 8000)
    frame8, frame16 = np.zeros(160, np.float32), np.zeros(320, np.float32)
    assert all(up.process(frame8).size == 320 for _ in range(50))
    assert all(down.process(frame16).size == 160 for _ in range(50))


def test_equal_rates_pass_through():
    x = np.arange(10, dtype=np.float32)
    np.testing.assert_array_equal(resample(x, 8000, 8000), x)
    r = Resampler(16000, 16000)
    np.testing.assert_array_equal(r.process(x), x)
    assert r.delay == 0 and r.flush().size == 0


def test_empty_input_and_fresh_flush():
    assert resample(np.zeros(0, np.float32), 22050, 16000).size == 0
    r = Resampler(8000, 16000)
    assert r.process(np.zeros(0, np.float32)).size == 0
    assert r.flush().size == 0


@pytest.mark.parametrize("bad", [0, -8000, 8000.5, "8000", True])
def test_bad_rates_are_named(bad):
    with pytest.raises(ValueError, match="from_rate"):
        Resampler(bad, 16000)
    with pytest.raises(ValueError, match="to_rate"):
        resample(np.zeros(4, np.float32), 8000, bad)


def test_stereo_is_rejected():
    with pytest.raises(ValueError, match="mono"):
        resample(np.zeros((10, 2), np.float32), 8000, 16000)
    with pytest.raises(ValueError, match="mono"):
        Resampler(8000, 16000).process(np.zeros((10, 2), np.float32))
