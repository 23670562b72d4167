"""The care workers' dashboard: campaign progress, alerts first, and each person's call.

A Starlette app with Jinja2 templates (autoescaped, in `templates/`) served by uvicorn, behind
a login (users in the campaign store: `carecall users add NAME`). Pages:
- `/` — campaigns and their progress;
- `/c/<campaign>` — progress, then the people who need a call back (alerts, most severe first,
  and people nobody reached), then everyone;
- `/c/<campaign>/p/<recipient>` — the report (alerts, answers, summary), the transcript, the
  recording playable in the browser, what carecall remembers about the person, every attempt;
- `/c/<campaign>/p/<recipient>/recording.wav` — the stereo WAV (HTTP Range, so the browser's
  player can seek);
- `/c/<campaign>/export.csv` — one row per person (formula-like cells escaped);
- `/api/c/<campaign>` — the progress as JSON.
Security: sessions with CSRF tokens and login throttling (`auth.py`), a Host allow-list,
security headers and no caching of personal data (`app.py`), an audit log of who saw or
exported whose data (`campaign.accounts`). The call path never imports this package.
"""

from campaign.dashboard.app import (
    DashboardError,
    DashboardSettings,
    allowed_hosts,
    check_listen,
    create_app,
    serve,
    start,
)
from campaign.dashboard.auth import AuthSettings
from campaign.dashboard.views import needs_call_back, progress, top_severity

__all__ = [
    "AuthSettings",
    "DashboardError",
    "DashboardSettings",
    "allowed_hosts",
    "check_listen",
    "create_app",
    "needs_call_back",
    "progress",
    "serve",
    "start",
    "top_severity",
]
