"""The dashboard's Starlette app: routes, login and logout, hosts, security headers; uvicorn.

`create_app(store, memory, settings)` builds the app (later: live alerts over server-sent events
mount here); `serve(app, host, port)` runs it under uvicorn until stopped; `start(app, host,
port)` runs it in a thread (tests, embedding) and returns the port and a stop function.
"""

from __future__ import annotations

import asyncio
import secrets
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from campaign.dashboard import calls_live, live, views
from campaign.dashboard.auth import Auth, AuthSettings, csrf_ok
from telephony.auth import is_loopback

HERE = Path(__file__).resolve().parent
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "media-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


class DashboardError(Exception):
    """The dashboard cannot start as configured (the message says what to do)."""


@dataclass(frozen=True)
class DashboardSettings:
    output_dir: Path = Path("carecall-campaign")  # recordings and reports are served from here
    allowed_hosts: tuple[str, ...] = ("127.0.0.1", "localhost")
    auth: AuthSettings = field(default_factory=AuthSettings)
    alerts_db: Path | None = None  # the call servers' alert outbox (default: in output_dir)
    alerts_poll_s: float = 1.0  # how often the live alert stream looks at the outbox
    live_dir: Path | None = None  # the call servers' calls in progress (default: in output_dir)


def allowed_hosts(bind_host: str, extra: list[str] | tuple[str, ...] = ()) -> tuple[str, ...]:
    """127.0.0.1, localhost, the bind address (unless it is a wildcard), and `extra`."""
    hosts = ["127.0.0.1", "localhost"]
    if bind_host not in ("0.0.0.0", "::", ""):
        hosts.append(bind_host)
    hosts += [h.strip().lower() for h in extra if h.strip()]
    return tuple(dict.fromkeys(hosts))


def check_listen(store, host: str) -> None:
    """Refuse a non-loopback address while nobody can log in: the first one to reach a fresh
    dashboard must not be a stranger (a loopback one still needs a user to see anything)."""
    if not is_loopback(host) and store.user_count() == 0:
        raise DashboardError(
            f"refusing to listen on {host}: no dashboard user exists yet; "
            "add one first: carecall users add NAME"
        )


class SecurityHeaders:
    """Security headers on every response; `Cache-Control: no-store` on all but static files
    (pages, the API, recordings and exports carry personal data)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        static = scope["path"].startswith("/static/")

        async def add_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v) for k, v in message.get("headers", []) if k.lower() != b"cache-control"
                ]
                headers += SECURITY_HEADERS
                headers.append((b"cache-control", b"max-age=3600" if static else b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, add_headers)


def _client(request: Request) -> str:
    return request.client.host if request.client else ""


def _next(value: str | None) -> str:
    """Only a local path: never `//host` or `https://host` (an open redirect)."""
    if value and value.startswith("/") and not value.startswith(("//", "/\\")):
        return value
    return "/"


async def login_form(request: Request) -> Response:
    dash = request.app.state.dashboard
    if await run_in_threadpool(dash.auth.session, request):
        return RedirectResponse(_next(request.query_params.get("next")), 303)
    return _login_page(request, dash, "", 200)


def _login_page(request: Request, dash, error: str, status: int) -> Response:
    pre = request.cookies.get(dash.auth.cookie_name(request, "login")) or secrets.token_urlsafe(32)
    context = {
        "title": "Sign in",
        "user": None,
        "csrf": dash.auth.login_csrf(pre),
        "next": _next(request.query_params.get("next") or request.scope.get("carecall_next")),
        "error": error,
    }
    response = dash.templates.TemplateResponse(request, "login.html", context, status_code=status)
    dash.auth.set_cookie(response, request, "login", pre, 3600)
    return response


async def login(request: Request) -> Response:
    dash = request.app.state.dashboard
    form = await request.form()
    user = str(form.get("user") or "")[:64]
    password = str(form.get("password") or "")
    request.scope["carecall_next"] = str(form.get("next") or "")
    if not dash.auth.login_csrf_ok(request, str(form.get("csrf") or "")):
        return PlainTextResponse("invalid or missing CSRF token; reload the form", 403)
    result = await run_in_threadpool(dash.auth.check_login, user, password, _client(request))
    if result == "throttled":
        return _login_page(request, dash, "Too many failed logins: wait 15 minutes.", 429)
    if result != "ok":
        return _login_page(request, dash, "Wrong name or password.", 401)
    token, _ = await run_in_threadpool(dash.auth.start_session, user)
    response = RedirectResponse(_next(str(form.get("next") or "")), 303)
    dash.auth.set_cookie(response, request, "session", token, int(dash.auth.settings.session_max_s))
    dash.auth.clear_cookie(response, request, "login")
    return response


async def logout(request: Request) -> Response:
    dash = request.app.state.dashboard
    form = await request.form()
    session = await run_in_threadpool(dash.auth.session, request)
    if session is None:
        return RedirectResponse("/login", 303)
    if not csrf_ok(session, str(form.get("csrf") or "")):
        return PlainTextResponse("invalid or missing CSRF token", 403)

    def end() -> None:
        dash.auth.end_session(request)
        dash.audit(request, session, "logout")

    await run_in_threadpool(end)
    response = RedirectResponse("/login", 303)
    dash.auth.clear_cookie(response, request, "session")
    return response


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("campaign.dashboard", "templates"),
        autoescape=True,
    )
    env.filters["q"] = lambda value: quote(str(value), safe="")
    env.filters["by_severity"] = views.by_severity
    return Jinja2Templates(env=env)


def create_app(store, memory=None, settings: DashboardSettings | None = None) -> Starlette:
    """The dashboard over `store` (a `SqlStore`: campaigns plus users, sessions, audit) and a
    `MemoryStore` (or None)."""
    settings = settings or DashboardSettings()
    routes = [
        Route("/login", login_form, methods=["GET"]),
        Route("/login", login, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/", views.index),
        Route("/c/{cid}", views.campaign),
        Route("/c/{cid}/export.csv", views.export_csv),
        Route("/c/{cid}/p/{rid}", views.person),
        Route("/c/{cid}/p/{rid}/recording.wav", views.recording),
        Route("/c/{cid}/p/{rid}/trends", views.trends),
        Route("/api/c/{cid}", views.api),
        *live.routes(),  # live alerts: /alerts/stream (server-sent events), /alerts/<id>/ack
        *calls_live.routes(),  # calls in progress: /live, /live/stream, /live/<call>/audio
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts)),
    ]
    app = Starlette(routes=routes, middleware=middleware)
    auth = Auth(store, settings.auth)
    app.state.dashboard = views.Dashboard(store, memory, settings.output_dir, auth, _templates())
    alerts_db = settings.alerts_db or Path(settings.output_dir) / "alerts.sqlite"
    app.state.alerts = live.LiveAlerts(alerts_db, settings.alerts_poll_s)
    live_dir = settings.live_dir or Path(settings.output_dir) / "live"
    app.state.live_calls = calls_live.LiveFolder(live_dir, settings.alerts_poll_s)
    return app


def _config(app: Starlette, **kwargs):
    import uvicorn

    # access lines name only paths (ids, never names or phone numbers)
    # open live-alert streams must not hold up a shutdown for long
    return uvicorn.Config(
        app, log_level="warning", server_header=False, timeout_graceful_shutdown=3, **kwargs
    )


def serve(app: Starlette, host: str, port: int, **ssl) -> None:
    """Run under uvicorn until interrupted. `ssl`: ssl_certfile=…, ssl_keyfile=… for https;
    also forwarded_allow_ips=… (the proxies whose X-Forwarded-For uvicorn believes)."""
    import uvicorn

    uvicorn.Server(_config(app, host=host, port=port, **ssl)).run()


def start(app: Starlette, host: str = "127.0.0.1", port: int = 0):
    """Run under uvicorn in a thread; returns (port, stop). Port 0: any free port."""
    import uvicorn

    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    server = uvicorn.Server(_config(app))
    ready = threading.Event()

    def run() -> None:
        asyncio.run(server.serve(sockets=[sock]))

    thread = threading.Thread(target=run, daemon=True, name="dashboard")
    thread.start()
    while not server.started and thread.is_alive():
        ready.wait(0.02)

    def stop() -> None:
        server.should_exit = True
        thread.join(10)
        sock.close()

    return sock.getsockname()[1], stop
