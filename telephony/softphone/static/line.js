// The phone line in the browser: G.711 μ-law (bit-exact with telephony/g711.py, i.e. with
// Python's audioop) and a streaming windowed-sinc resampler. An ES module, imported by the page
// and by the capture worklet alike; no DOM, no Web Audio, so it also runs under Node (tests).

export const LINE_RATE = 8000;
export const FRAME_SAMPLES = 160; // 20 ms at 8 kHz: one Twilio media message

const BIAS = 0x84;
const CLIP = 8159; // 14-bit magnitude limit of the μ-law quantizer
const SEG_END = [0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff, 0x1fff];

/** μ-law code of one int16 sample (-32768..32767). */
export function ulawEncode(sample) {
  const pcm = sample >> 2; // the top 14 bits, as audioop's `val >> 18`
  const mask = pcm < 0 ? 0x7f : 0xff;
  const mag = Math.min(Math.abs(pcm), CLIP) + (BIAS >> 2);
  let seg = 0;
  while (seg < 8 && SEG_END[seg] < mag) seg++;
  const code = seg >= 8 ? 0x7f : (seg << 4) | ((mag >> (seg + 1)) & 0xf);
  return (code ^ mask) & 0xff;
}

/** int16 sample of one μ-law code (0..255). */
export function ulawDecode(code) {
  const u = ~code & 0xff;
  const t = (((u & 0x0f) << 3) + BIAS) << ((u & 0x70) >> 4);
  return u & 0x80 ? BIAS - t : t - BIAS;
}

const DECODE_F32 = new Float32Array(256);
for (let i = 0; i < 256; i++) DECODE_F32[i] = ulawDecode(i) / 32768;

/** Float samples (-1..1) of μ-law bytes. */
export function ulawToFloat(bytes) {
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = DECODE_F32[bytes[i]];
  return out;
}

/** int16 of a float sample: scaled by 32768, rounded, clipped (as telephony.g711). */
export function floatToPcm16(x) {
  const s = Math.round(x * 32768);
  return s > 32767 ? 32767 : s < -32768 ? -32768 : s;
}

export function floatToUlaw(x) {
  return ulawEncode(floatToPcm16(x));
}

/**
 * Streaming resampler, any rate to any lower or equal rate: each output sample is the input
 * filtered by a Blackman-windowed sinc low-pass at 0.9 of the output's Nyquist frequency (no
 * aliasing from a 48 kHz microphone into the 8 kHz line), evaluated at its exact position.
 */
export class Resampler {
  constructor(inRate, outRate = LINE_RATE, zeros = 8) {
    if (!(inRate > 0 && outRate > 0) || outRate > inRate) {
      throw new Error(`cannot resample ${inRate} Hz to ${outRate} Hz`);
    }
    this.step = inRate / outRate; // input samples per output sample
    this.cutoff = (0.9 * outRate) / 2 / inRate; // cycles per input sample
    this.half = Math.ceil(zeros / (2 * this.cutoff)); // taps on each side
    this.buf = new Float32Array(this.half); // a silence before the first sample
    this.pos = this.half; // position of the next output sample in `buf`
    this.kernels = new Map(); // fractional position -> taps (few: the rates' ratio repeats)
  }

  _kernel(frac) {
    const key = Math.round(frac * 1e6);
    let taps = this.kernels.get(key);
    if (!taps) {
      taps = new Float32Array(2 * this.half);
      for (let k = -this.half + 1; k <= this.half; k++) taps[k + this.half - 1] = this._h(k - frac);
      if (this.kernels.size < 4096) this.kernels.set(key, taps);
    }
    return taps;
  }

  _h(t) {
    const x = 2 * this.cutoff * t;
    const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    const a = (Math.PI * t) / this.half;
    const w = 0.42 + 0.5 * Math.cos(a) + 0.08 * Math.cos(2 * a);
    return 2 * this.cutoff * sinc * w;
  }

  /** Resampled samples of the next block of input (Float32Array or array). */
  push(input) {
    const joined = new Float32Array(this.buf.length + input.length);
    joined.set(this.buf);
    joined.set(input, this.buf.length);
    const out = [];
    const h = this.half;
    while (Math.floor(this.pos) + h < joined.length) {
      const base = Math.floor(this.pos);
      const frac = this.pos - base;
      const taps = this._kernel(frac);
      let acc = 0;
      for (let j = 0, i = base - h + 1; j < taps.length; j++, i++) acc += joined[i] * taps[j];
      out.push(acc);
      this.pos += this.step;
    }
    const keep = Math.max(0, Math.floor(this.pos) - h);
    this.buf = joined.slice(keep);
    this.pos -= keep;
    return Float32Array.from(out);
  }
}
