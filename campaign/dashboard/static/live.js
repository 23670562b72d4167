// Calls in progress: /live/stream's server-sent events as one panel per call, its transcript
// growing as it is said, and a "Listen in" button that plays /live/<call>/audio (the call's
// mixed audio as a WAV stream). Text only (textContent), never HTML from the stream; no inline
// script (the CSP forbids it).
(function () {
  "use strict";
  var root = document.getElementById("live-calls");
  var none = document.getElementById("live-none");
  var player = document.getElementById("live-audio");
  if (!root || !window.EventSource) return;
  var calls = {};
  var listening = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function update() {
    none.hidden = Object.keys(calls).length > 0;
  }

  function stopListening() {
    if (!listening) return;
    player.pause();
    player.removeAttribute("src");
    player.load();
    var b = calls[listening] && calls[listening].button;
    if (b) b.textContent = "Listen in";
    listening = null;
  }

  function listen(id) {
    var again = listening === id;
    stopListening();
    if (again) return;
    listening = id;
    player.src = "/live/" + encodeURIComponent(id) + "/audio";
    player.play().catch(function () {});
    calls[id].button.textContent = "Stop listening";
  }

  function addCall(d) {
    if (calls[d.call]) return;
    var box = el("article", "live-call");
    box.setAttribute("data-call", d.call);
    var title = el("h2", "live-who");
    if (d.campaign && d.recipient) {
      var a = el("a", "", d.name || d.recipient);
      a.href = "/c/" + encodeURIComponent(d.campaign) + "/p/" + encodeURIComponent(d.recipient);
      title.appendChild(a);
    } else {
      title.textContent = d.name || d.recipient || "unknown caller";
    }
    box.appendChild(title);
    var since = d.t ? new Date(d.t * 1000).toLocaleTimeString() : "";
    box.appendChild(el("p", "live-meta", "call " + d.call + (since ? " · since " + since : "")));
    var button = el("button", "listen", "Listen in");
    button.type = "button";
    button.addEventListener("click", function () { listen(d.call); });
    box.appendChild(button);
    var list = el("ol", "live-transcript");
    box.appendChild(list);
    root.appendChild(box);
    calls[d.call] = { box: box, list: list, button: button };
    update();
  }

  var source = new EventSource("/live/stream");
  source.addEventListener("call", function (e) { addCall(JSON.parse(e.data)); });
  source.addEventListener("turn", function (e) {
    var d = JSON.parse(e.data);
    var c = calls[d.call];
    if (!c) return;
    c.list.appendChild(el("li", d.who, d.who + ": " + d.text));
  });
  source.addEventListener("ended", function (e) {
    var d = JSON.parse(e.data);
    var c = calls[d.call];
    if (!c) return;
    if (listening === d.call) stopListening();
    c.box.remove();
    delete calls[d.call];
    update();
  });
  source.addEventListener("logout", function () {
    source.close();
    window.location = "/login?next=/live";
  });
  update();
})();
