"""The system assembled from settings: what `carecall` (the CLI), `evaluation` and the
benches all build a call server from.

`config` (the settings file and its checks, `alert_settings`), `serving` (`serve_calls`:
the one assembly of a call server), `pipeline` (what calls share: catalogue, voice, memory,
models built by `builders`), `call_agent` (one call: recognizer, dialogue engine, voice,
report), `voices`, `workers` (recognizers in processes) and `simulation` (a persona that
answers a phone).
A package below both `carecall` and `evaluation`, so that neither imports the other's
inside: `carecall eval` calls `evaluation`, and `evaluation` builds what `carecall serve`
builds.
"""
