// The softphone: a Twilio Media Streams gateway in the page. The microphone goes through the
// capture worklet (8 kHz μ-law, 20 ms frames) to `/media` as `media` messages; the agent's
// `media` is played by the Player, its `mark`s echoed, its `clear` obeyed. The event channel
// (`/phone/events`) feeds the transcript and what the agent understood (view.js).
import { FRAME_SAMPLES, LINE_RATE } from "./line.js";
import { Player } from "./player.js";
import { reset, setStatus, show, showMeters } from "./view.js";

const $ = (id) => document.getElementById(id);
const token = document.querySelector('meta[name="carecall-token"]').content;
const base = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}`;
const FRAME_MS = (1000 * FRAME_SAMPLES) / LINE_RATE;
// A recipient id as the server takes them (telephony.softphone.events.RECIPIENT_ID).
const RECIPIENT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

let current = null;

function hex(bytes) {
  const b = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

function toBase64(bytes) {
  let s = "";
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return btoa(s);
}

function fromBase64(text) {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function open(path) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${base}${path}?token=${encodeURIComponent(token)}`);
    ws.onopen = () => resolve(ws);
    ws.onerror = () => reject(new Error(`the server refused ${path}`));
  });
}

function first(ws) {
  return new Promise((resolve, reject) => {
    ws.onmessage = (e) => resolve(JSON.parse(e.data));
    ws.onclose = () => reject(new Error("the event channel closed"));
  });
}

function send(call, message) {
  if (call.media && call.media.readyState === WebSocket.OPEN) {
    message.sequenceNumber = String(++call.seq);
    call.media.send(JSON.stringify(message));
  }
}

function onMedia(call, data) {
  let msg;
  try {
    msg = JSON.parse(data);
  } catch (e) {
    return;
  }
  if (msg.event === "media" && msg.media && typeof msg.media.payload === "string") {
    call.player.play(fromBase64(msg.media.payload));
  } else if (msg.event === "mark" && msg.mark) {
    call.player.mark(String(msg.mark.name));
  } else if (msg.event === "clear") {
    call.player.clear();
  }
}

function onEvent(call, event) {
  show(event);
  if (event.event === "call" && typeof event.recipient === "string") {
    $("who").hidden = false;
    $("who").textContent = `Person id of this call: ${event.recipient}`;
    document.body.dataset.recipient = event.recipient;
  } else if (event.event === "refused") {
    setStatus("error", `The server refused the call: ${event.reason}`);
  }
  if (event.event === "ended") {
    call.report = event;
    const outcome = event.outcome ? `, ${event.outcome}` : "";
    setStatus("ended", `Call ended (${event.reason}${outcome}).`);
  }
}

async function call() {
  reset();
  $("who").hidden = true;
  const person = $("person").value.trim();
  if (person && !RECIPIENT_ID.test(person)) {
    setStatus(
      "error",
      "Person id: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit " +
        "(or leave it empty for a new person each call).",
    );
    return;
  }
  $("call").disabled = true;
  const c = { streamSid: `MZ${hex(16)}`, callSid: `CA${hex(16)}`, seq: 0, chunk: 0, echoed: 0 };
  current = c;
  try {
    setStatus("connecting", "Asking for the microphone…");
    // Echo cancellation, so that from speakers the agent does not hear itself and cut itself
    // off; off with headphones, where there is no echo: it reshapes speech a great deal (3 dB
    // from the original's waveform with it, 24 dB without, measured in headless Chromium), and
    // the recognizer hears the difference. Never automatic gain or noise suppression: the
    // gain, starting high, clipped the first answer.
    c.stream = await navigator.mediaDevices.getUserMedia({
      audio: {
        channelCount: 1,
        echoCancellation: !$("headphones").checked,
        noiseSuppression: false,
        autoGainControl: false,
      },
    });
    c.context = new AudioContext();
    await c.context.audioWorklet.addModule("/phone/static/capture.js");
    setStatus("connecting", "Connecting…");
    c.events = await open("/phone/events");
    const watch = await first(c.events);
    c.events.onmessage = (e) => onEvent(c, JSON.parse(e.data));
    c.events.onclose = () => {
      if (!c.report && c.ended) setStatus("ended", "Call ended.");
    };
    c.media = await open("/media");
    c.player = new Player(c.context, (name) => {
      c.echoed += 1;
      send(c, { event: "mark", streamSid: c.streamSid, mark: { name } });
    });
    c.media.onmessage = (e) => onMedia(c, e.data);
    c.media.onclose = () => hangUp(c, false);
    c.media.send(JSON.stringify({ event: "connected", protocol: "Call", version: "1.0.0" }));
    const name = $("name").value.trim();
    send(c, {
      event: "start",
      streamSid: c.streamSid,
      start: {
        streamSid: c.streamSid,
        callSid: c.callSid,
        accountSid: "",
        tracks: ["inbound"],
        // No person id: the server makes a new one for this call (and says it, `call`).
        customParameters: {
          ...(person ? { recipient: person } : {}),
          ...(name ? { name } : {}),
          watch: watch.key,
        },
        mediaFormat: { encoding: "audio/x-mulaw", sampleRate: LINE_RATE, channels: 1 },
      },
    });
    c.source = c.context.createMediaStreamSource(c.stream);
    c.capture = new AudioWorkletNode(c.context, "carecall-capture", {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      channelCount: 1,
      channelCountMode: "explicit",
    });
    c.capture.port.onmessage = (e) => {
      const chunk = c.chunk++;
      send(c, {
        event: "media",
        streamSid: c.streamSid,
        media: {
          track: "inbound",
          chunk: String(chunk + 1),
          timestamp: String(Math.round(chunk * FRAME_MS)),
          payload: toBase64(new Uint8Array(e.data)),
        },
      });
    };
    c.source.connect(c.capture);
    c.capture.connect(c.context.destination); // silent: keeps the worklet pulled
    await c.context.resume();
    c.meters = setInterval(() => meters(c), 200);
    $("hangup").disabled = false;
    setStatus("in-call", "In call. Speak after the agent's question.");
  } catch (err) {
    setStatus("error", `Could not call: ${err.message}`);
    hangUp(c, false);
  }
}

function meters(c) {
  const played = c.player ? c.player.playedSamples / LINE_RATE : 0;
  showMeters((c.chunk * FRAME_MS) / 1000, played, c.player ? c.player.clears : 0);
  document.body.dataset.marksEchoed = String(c.echoed);
}

function hangUp(c, byPerson) {
  if (c.ended) return;
  c.ended = true;
  if (byPerson) {
    send(c, { event: "stop", streamSid: c.streamSid, stop: { accountSid: "", callSid: c.callSid } });
  }
  if (c.capture) c.capture.port.postMessage("stop");
  if (c.stream) c.stream.getTracks().forEach((t) => t.stop());
  if (c.player) c.player.close();
  if (c.media && c.media.readyState <= WebSocket.OPEN) c.media.close(1000, "hung up");
  if (c.context) c.context.close();
  if (c.meters) {
    meters(c);
    clearInterval(c.meters);
  }
  $("hangup").disabled = true;
  $("call").disabled = false;
  if (!c.report && document.getElementById("status").dataset.state !== "error") {
    setStatus("ending", "Hung up. Waiting for the call's report…");
  }
  // The report arrives on the event channel once the server has finished the call.
  setTimeout(() => {
    if (c.events && c.events.readyState <= WebSocket.OPEN && !c.report) c.events.close();
  }, 30000);
}

document.addEventListener("DOMContentLoaded", () => {
  $("call").addEventListener("click", () => call());
  $("hangup").addEventListener("click", () => current && hangUp(current, true));
});
