"""Watching carecall run: Prometheus metrics, per-turn timings, live calls for the dashboard.

- `observability.metrics`: the call server's metrics (`CallMetrics`), every one `carecall_…`,
  answered at `/metrics` on the call server's own port (`telephony.server.CallServer.add_page`).
- `observability.turns`: each turn's stage timings, written into the call's `call.json`.
- `observability.live`: what a call in progress has said so far (`<call id>.jsonl`) and its
  mixed audio (`<call id>.pcm`), in `<output-dir>/live/`, for the dashboard (another process)
  to tail; not written when the `live_calls` setting is off.
- `observability.campaign`: the campaign runner's metrics, read from its store.

This package imports nothing of carecall's but `telephony` (files, never a model library).
"""
