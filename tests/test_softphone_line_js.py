"""The softphone's line code in JavaScript (`telephony/softphone/static/line.js`), run under
Node: its μ-law is bit-exact with the server's (`telephony.g711`, i.e. audioop) for every int16
sample and every code, and its resampler brings a microphone's 48 kHz or 44.1 kHz to the 8 kHz
line without aliasing. Skipped where Node is not installed (the page runs the same module in
Chromium: test_softphone_chromium.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from telephony.g711 import ulaw_decode, ulaw_encode

LINE_JS = Path(__file__).resolve().parent.parent / "telephony/softphone/static/line.js"


def node(script: str) -> object:
    binary = shutil.which("node")
    if binary is None:
        pytest.skip("Node.js is not installed")
    code = f'import * as line from "{LINE_JS.as_uri()}";\n{script}'
    done = subprocess.run(
        [binary, "--input-type=module", "-e", code],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_ulaw_is_bit_exact_with_the_server() -> None:
    codes, samples = node(
        """
        const codes = [];
        for (let s = -32768; s <= 32767; s++) codes.push(line.ulawEncode(s));
        const samples = [];
        for (let c = 0; c < 256; c++) samples.push(line.ulawDecode(c));
        console.log(JSON.stringify([codes, samples]));
        """
    )
    every = np.arange(-32768, 32768, dtype=np.int32).astype(np.int16)
    assert bytes(codes) == ulaw_encode(every)
    assert samples == ulaw_decode(bytes(range(256))).tolist()


def test_float_to_ulaw_rounds_and_clips_as_the_server() -> None:
    from telephony.g711 import float_to_ulaw

    values = [-1.5, -1.0, -0.5, -1e-5, 0.0, 3e-5, 0.25, 0.999, 1.0, 2.0]
    codes = node(f"console.log(JSON.stringify({values}.map(line.floatToUlaw)));")
    assert bytes(codes) == float_to_ulaw(np.array(values, np.float32))


def resampled(rate: int, tone_hz: float, seconds: float = 1.0, block: int = 128) -> np.ndarray:
    out = node(
        f"""
        const r = new line.Resampler({rate}, line.LINE_RATE);
        const n = Math.round({rate} * {seconds});
        const x = new Float32Array(n);
        for (let i = 0; i < n; i++) x[i] = 0.5 * Math.sin(2 * Math.PI * {tone_hz} * i / {rate});
        const out = [];
        for (let i = 0; i < n; i += {block}) out.push(...r.push(x.subarray(i, i + {block})));
        console.log(JSON.stringify(out));
        """
    )
    return np.array(out, np.float64)


@pytest.mark.parametrize("rate", [48000, 44100])
def test_the_resampler_keeps_speech_and_removes_what_would_alias(rate: int) -> None:
    tone = resampled(rate, 1000.0)
    assert abs(len(tone) - 8000) <= 20  # one second in, one second out (less the filter delay)
    steady = tone[200:]
    assert np.sqrt(np.mean(steady**2)) == pytest.approx(0.5 / np.sqrt(2), rel=0.02)
    spectrum = np.abs(np.fft.rfft(steady * np.hanning(len(steady))))
    peak_hz = np.argmax(spectrum) * 8000 / len(steady)
    assert peak_hz == pytest.approx(1000.0, abs=5)
    # 6 kHz is above the line's 4 kHz: without the low-pass it would come back as 2 kHz
    alias = resampled(rate, 6000.0)[200:]
    assert np.sqrt(np.mean(alias**2)) < 0.5 * 10 ** (-50 / 20)


def test_the_resampler_refuses_to_upsample() -> None:
    message = node(
        """
        try { new line.Resampler(4000, 8000); console.log(JSON.stringify("no error")); }
        catch (e) { console.log(JSON.stringify(e.message)); }
        """
    )
    assert message == "cannot resample 4000 Hz to 8000 Hz"
