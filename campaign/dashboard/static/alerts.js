// Live alerts on every page: the server-sent events of /alerts/stream shown as a banner, each
// with an Acknowledge button (a POST with the session's CSRF token). Text only (textContent),
// never HTML from the stream; no inline script anywhere (the CSP forbids it).
(function () {
  "use strict";
  var root = document.getElementById("live-alerts");
  if (!root || !window.EventSource) return;
  var csrf = root.getAttribute("data-csrf") || "";
  var shown = {};

  function span(cls, text) {
    var s = document.createElement("span");
    s.className = cls;
    s.textContent = text;
    return s;
  }

  function remove(id) {
    var el = shown[id];
    if (el) {
      el.remove();
      delete shown[id];
    }
  }

  function acknowledge(id, button) {
    button.disabled = true;
    var body = new URLSearchParams();
    body.set("csrf", csrf);
    fetch("/alerts/" + encodeURIComponent(id) + "/ack", {
      method: "POST",
      headers: { Accept: "application/json" },
      body: body,
      credentials: "same-origin",
    }).then(function (resp) {
      if (resp.ok) remove(id);
      else button.disabled = false;
    }, function () { button.disabled = false; });
  }

  function show(a) {
    if (shown[a.alert_id] || a.acked_at) return;
    var sev = String(a.severity || "").replace(/[^a-z]/g, "");
    var div = document.createElement("div");
    div.className = "live-alert";
    div.setAttribute("role", "alert");
    div.appendChild(span("what sev-" + sev, "ALERT " + a.severity + ": " + a.category));
    div.appendChild(span("ids", "recipient " + a.recipient_id + ", call " + a.call_sid));
    div.appendChild(span("when", new Date(a.detected_at).toLocaleString()));
    div.appendChild(span("evidence", a.evidence ? "\u201c" + a.evidence + "\u201d" : ""));
    var button = document.createElement("button");
    button.type = "button";
    button.className = "ack";
    button.textContent = "Acknowledge";
    button.addEventListener("click", function () { acknowledge(a.alert_id, button); });
    div.appendChild(button);
    shown[a.alert_id] = div;
    root.insertBefore(div, root.firstChild);
  }

  var source = new EventSource("/alerts/stream");
  source.addEventListener("alert", function (e) { show(JSON.parse(e.data)); });
  source.addEventListener("ack", function (e) { remove(JSON.parse(e.data).alert_id); });
  source.addEventListener("logout", function () { source.close(); });
})();
