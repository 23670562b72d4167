// The microphone's AudioWorklet: resamples the context's rate to the 8 kHz line, encodes
// μ-law and posts one 20 ms frame (160 bytes) at a time to the page, which sends each as a
// Twilio `media` message. Runs on the audio thread; "stop" from the page ends it.
import { FRAME_SAMPLES, LINE_RATE, Resampler, floatToUlaw } from "./line.js";

class Capture extends AudioWorkletProcessor {
  constructor() {
    super();
    this.resampler = new Resampler(sampleRate, LINE_RATE);
    this.frame = new Uint8Array(FRAME_SAMPLES);
    this.filled = 0;
    this.stopped = false;
    this.port.onmessage = (event) => {
      if (event.data === "stop") this.stopped = true;
    };
  }

  process(inputs) {
    if (this.stopped) return false;
    const channels = inputs[0];
    if (!channels || channels.length === 0) return true; // no microphone data this quantum
    let mono = channels[0];
    if (channels.length > 1) {
      mono = new Float32Array(mono.length);
      for (const ch of channels) for (let i = 0; i < ch.length; i++) mono[i] += ch[i] / channels.length;
    }
    for (const sample of this.resampler.push(mono)) {
      this.frame[this.filled++] = floatToUlaw(sample);
      if (this.filled === FRAME_SAMPLES) {
        this.port.postMessage(this.frame.buffer, [this.frame.buffer]);
        this.frame = new Uint8Array(FRAME_SAMPLES);
        this.filled = 0;
      }
    }
    return true;
  }
}

registerProcessor("carecall-capture", Capture);
