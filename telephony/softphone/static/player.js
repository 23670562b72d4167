// The agent's voice: μ-law `media` payloads scheduled back to back with Web Audio, `mark`s
// echoed when the audio queued before them has played, and `clear` (the agent heard the
// person cut in) stopping everything queued at once, its marks echoed as Twilio does.
import { LINE_RATE, ulawToFloat } from "./line.js";

const JITTER_S = 0.06; // lead when playback (re)starts: frames arrive paced, not early

export class Player {
  /** `echo(name)` sends a mark back to the server. */
  constructor(context, echo) {
    this.context = context;
    this.echo = echo;
    this.sources = new Set();
    this.marks = []; // [{name, at}] in order
    this.next = 0; // context time at which the next frame starts
    this.playedSamples = 0;
    this.clears = 0;
    this.timer = setInterval(() => this._due(), 20);
  }

  /** Seconds of agent audio still queued ahead of the speaker. */
  get queued() {
    return Math.max(0, this.next - this.context.currentTime);
  }

  play(bytes) {
    const samples = ulawToFloat(bytes);
    const buffer = this.context.createBuffer(1, samples.length, LINE_RATE);
    buffer.copyToChannel(samples, 0);
    const source = this.context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.context.destination);
    const now = this.context.currentTime;
    if (this.next < now + 0.005) this.next = now + JITTER_S;
    source.start(this.next);
    this.next += samples.length / LINE_RATE;
    this.sources.add(source);
    source.onended = () => {
      if (this.sources.delete(source)) this.playedSamples += samples.length;
    };
  }

  mark(name) {
    this.marks.push({ name, at: this.next });
    this._due();
  }

  clear() {
    this.clears += 1;
    for (const source of this.sources) {
      try {
        source.stop();
      } catch (e) {
        // not started yet in some engines: nothing to stop
      }
    }
    this.sources.clear();
    this.next = 0;
    const marks = this.marks;
    this.marks = [];
    for (const m of marks) this.echo(m.name);
  }

  close() {
    clearInterval(this.timer);
    this.clear();
  }

  _due() {
    const now = this.context.currentTime;
    while (this.marks.length && this.marks[0].at <= now) this.echo(this.marks.shift().name);
  }
}
