// What the page shows beside the call, from the server's event channel (`/phone/events`):
// the transcript, what the agent is saying now, what it understood the person said, the
// check-in items with their answers, the alerts. Text only (textContent), never markup.

const $ = (id) => document.getElementById(id);

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}

export function setStatus(state, text) {
  const status = $("status");
  status.dataset.state = state;
  status.textContent = text;
}

export function showMeters(sentS, playedS, cleared) {
  $("sent").textContent = `${sentS.toFixed(1)} s`;
  $("played").textContent = `${playedS.toFixed(1)} s`;
  $("cleared").textContent = String(cleared);
}

export function reset() {
  $("transcript").replaceChildren();
  $("items").tBodies[0].replaceChildren();
  $("alerts").replaceChildren(el("li", "none", "none"));
  for (const id of ["saying", "heard", "summary"]) {
    $(id).hidden = true;
    $(id).textContent = "";
  }
}

/** One `update` or `ended` event from the server. */
export function show(event) {
  if (Array.isArray(event.transcript)) {
    $("transcript").replaceChildren(
      ...event.transcript.map((turn) => {
        const li = el("li", null, turn.speaker === "agent" ? "agent" : "person");
        li.dataset.speaker = turn.speaker;
        li.append(el("span", turn.speaker === "agent" ? "Agent" : "You", "who"));
        li.append(el("span", turn.text + (turn.complete === false ? " …" : ""), "text"));
        return li;
      }),
    );
  }
  if (typeof event.saying === "string") {
    $("saying").hidden = !event.saying;
    $("saying").textContent = event.saying ? `Saying: ${event.saying}` : "";
  }
  if (typeof event.heard === "string" && event.heard) {
    $("heard").hidden = false;
    $("heard").textContent = `Heard you say: “${event.heard}”`;
  }
  if (Array.isArray(event.items)) {
    $("items").tBodies[0].replaceChildren(
      ...event.items.map((item) => {
        const tr = el("tr", null, item.status);
        tr.dataset.item = item.id;
        tr.dataset.status = item.status;
        tr.dataset.answer = item.answer || "";
        tr.append(el("td", item.topic || item.id));
        const answer = item.status === "answered" ? item.answer + (item.detail ? ` (${item.detail})` : "") : item.status;
        tr.append(el("td", answer, "answer"));
        tr.append(el("td", item.evidence ? `“${item.evidence}”` : "", "evidence"));
        return tr;
      }),
    );
  }
  if (Array.isArray(event.alerts)) {
    const alerts = event.alerts.map((a) => {
      const li = el("li", null, `sev-${a.severity}`);
      li.dataset.kind = a.kind;
      li.append(el("span", a.severity, "severity"), el("span", ` ${a.note}`));
      return li;
    });
    $("alerts").replaceChildren(...(alerts.length ? alerts : [el("li", "none", "none")]));
  }
  if (event.event === "ended") {
    $("saying").hidden = true;
    if (event.summary) {
      $("summary").hidden = false;
      $("summary").textContent = event.summary;
    }
  }
}
