"""Watching carecall run: Prometheus metrics, per-turn timings, live calls for the dashboard.

- `observability.metrics`: the call server's metrics (`CallMetrics`), every one `carecall_…`,
  answered at `/metrics` on the call server's own port (`telephony.server.CallServer.add_page`).
- `observability.turns`: each turn's stage timings, written into the call's `call.json`.
- `observability.live`: what a call in progress has said so far (`live.jsonl`) and its mixed
  audio (`live.pcm`), in the call's folder, for the dashboard (another process) to tail.
- `observability.campaign`: the campaign runner's metrics, read from its store.

This package imports nothing of carecall's but `telephony` (files, never a model library).
"""
