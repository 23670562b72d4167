"""The browser softphone: a page at `/phone` on the call server's own port where a person talks
to the agent with their microphone.

The page is a Twilio Media Streams gateway written in JavaScript: it captures the microphone
through an AudioWorklet, resamples it to 8 kHz, encodes μ-law and sends 20 ms `media` messages
over the very websocket Twilio uses (`/media`, with `connected`/`start`/`media`/`stop`); it
plays the agent's `media` back through Web Audio, stops at once on `clear` (barge-in) and
echoes each `mark` when the audio queued before it has played, or was cleared, as Twilio does.
Beside the call it shows the live transcript and what the agent understood, from a per-call
event channel (`telephony.softphone.events`).

Why the call server's port, answered from the websockets server's `process_request`
(`CallServer.add_route`), and not the `--http-port` server: that one answers Twilio only (it
needs Twilio's auth token and signs every request), and the page must reach `/media` on the
same origin anyway (one address to give, one TLS certificate, `connect-src 'self'`).

Who may open it: the server's shared token (`carecall serve --token T`), as `?token=T` or the
`X-Carecall-Token` header; the page then uses it for its websockets. Without a valid token:
401/403 and no page. A server with no shared token, or one that requires Twilio's signature on
every websocket, offers no softphone (403 saying why). The static files are package data,
served by exact name from a fixed list, under a strict CSP (no inline script, nothing from
another origin).
"""

from __future__ import annotations

from telephony.softphone.events import Watchers
from telephony.softphone.routes import PHONE_PATH, PhoneRoute

__all__ = ["PHONE_PATH", "PhoneRoute", "Watchers", "add_softphone"]


def add_softphone(server) -> PhoneRoute:
    """Serve the softphone (`/phone`, `/phone/static/…`, `/phone/events`) on `server`'s port
    (a `telephony.server.CallServer`), and let its calls report to the page that placed them."""
    watchers = Watchers(limit=server.options.max_calls)
    route = PhoneRoute(server.gate, watchers, max_call_s=server.options.session.limits.max_wall_s)
    server.add_route(PHONE_PATH, route)
    server.wrap_agents(watchers.wrap)
    return route
