"""Logins, sessions and CSRF tokens of the dashboard.

- Passwords: argon2id (`argon2-cffi`'s `PasswordHasher`, its RFC 9106 defaults); an unknown
  user name costs one hash as well, so timing does not tell which names exist.
- Sessions are server-side rows (`campaign.accounts`): the cookie holds a random token, the
  database only its SHA-256. A session ends after `session_idle_s` without a request, after
  `session_max_s` in any case, at logout, and when its user is removed or gets a new password.
- Cookies are HttpOnly, SameSite=Strict, and Secure (with the `__Host-` prefix) when the
  dashboard is served over https or told so.
- CSRF: every state-changing form carries a token. Logged in, it is the session's own random
  token; on the login form (no session yet) it is an HMAC of a random pre-login cookie under a
  key of this process (a signed double-submit cookie).
- Failed logins are counted from the audit log: after `max_failures` for one name from one
  address, or `max_failures_per_ip` from one address, within `login_window_s`, the form refuses
  (429) without checking the password until the window has passed.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from starlette.requests import Request
from starlette.responses import Response

USER_NAME = re.compile(r"^[A-Za-z0-9._@-]{1,64}$")
MIN_PASSWORD = 8
_hasher = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Verified against when the user is unknown (made on first use: a hash costs ~0.1 s)."""
    return _hasher.hash(secrets.token_urlsafe(16))


def check_user_name(name: str) -> str:
    if not USER_NAME.match(name):
        raise ValueError(f"user name {name!r}: 1-64 letters, digits, '.', '_', '@' or '-'")
    return name


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"password: at least {MIN_PASSWORD} characters")
    return _hasher.hash(password)


def verify_password(stored: str | None, password: str) -> tuple[bool, str | None]:
    """(matches, a new hash to store when the parameters were raised since)."""
    try:
        _hasher.verify(stored or _dummy_hash(), password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False, None
    if stored is None:
        return False, None
    return True, _hasher.hash(password) if _hasher.check_needs_rehash(stored) else None


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class AuthSettings:
    secure_cookies: bool = False  # also on when the request came over https
    session_idle_s: float = 1800.0
    session_max_s: float = 8 * 3600.0
    login_window_s: float = 900.0
    max_failures: int = 5
    max_failures_per_ip: int = 20


class Auth:
    """Session lookup and login for one app; all store calls are blocking (run them in a
    thread)."""

    def __init__(self, store, settings: AuthSettings) -> None:
        self.store = store
        self.settings = settings
        self._login_key = secrets.token_bytes(32)

    # -- cookies ---------------------------------------------------------------------------------

    def secure(self, request: Request) -> bool:
        return self.settings.secure_cookies or request.url.scheme == "https"

    def cookie_name(self, request: Request, base: str = "session") -> str:
        return f"__Host-carecall_{base}" if self.secure(request) else f"carecall_{base}"

    def set_cookie(self, response: Response, request: Request, base: str, value: str, age: int):
        response.set_cookie(
            self.cookie_name(request, base),
            value,
            max_age=age,
            path="/",
            httponly=True,
            samesite="strict",
            secure=self.secure(request),
        )

    def clear_cookie(self, response: Response, request: Request, base: str) -> None:
        response.delete_cookie(
            self.cookie_name(request, base),
            path="/",
            httponly=True,
            samesite="strict",
            secure=self.secure(request),
        )

    # -- sessions --------------------------------------------------------------------------------

    def session(self, request: Request):
        """The request's live session (sliding its idle expiry), or None."""
        token = request.cookies.get(self.cookie_name(request))
        if not token:
            return None
        key = token_hash(token)
        now = time.time()
        found = self.store.session(key, now)
        if found is None:
            return None
        s = self.settings
        new_expiry = min(now + s.session_idle_s, found.created_at + s.session_max_s)
        if new_expiry - found.expires_at > 60:  # write at most about once a minute
            self.store.extend_session(key, new_expiry)
        return found

    def start_session(self, user: str) -> tuple[str, str]:
        """A new session for `user`: (cookie token, CSRF token)."""
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        now = time.time()
        s = self.settings
        expires = now + min(s.session_idle_s, s.session_max_s)
        self.store.create_session(token_hash(token), user, csrf, now, expires)
        return token, csrf

    def end_session(self, request: Request) -> None:
        token = request.cookies.get(self.cookie_name(request))
        if token:
            self.store.end_session(token_hash(token))

    # -- CSRF before login -----------------------------------------------------------------------

    def login_csrf(self, pre_token: str) -> str:
        return hmac.new(self._login_key, pre_token.encode(), hashlib.sha256).hexdigest()

    def login_csrf_ok(self, request: Request, given: str) -> bool:
        pre = request.cookies.get(self.cookie_name(request, "login"))
        return bool(pre and given) and hmac.compare_digest(self.login_csrf(pre), given)

    # -- throttling ------------------------------------------------------------------------------

    def throttled(self, user: str, ip: str) -> bool:
        s = self.settings
        pair, by_ip = self.store.failed_logins(user, ip, time.time() - s.login_window_s)
        return pair >= s.max_failures or by_ip >= s.max_failures_per_ip

    def check_login(self, user: str, password: str, ip: str) -> str:
        """'ok', 'failed' or 'throttled'; audits the attempt."""
        now = time.time()
        if self.throttled(user, ip):
            self.store.audit(now, user, "login_throttled", ip)
            return "throttled"
        stored = self.store.password_hash(user)
        ok, rehashed = verify_password(stored, password)
        if not ok:
            self.store.audit(now, user, "login_failed", ip)
            return "failed"
        if rehashed and stored:
            self.store.rehash_user(user, stored, rehashed)
        self.store.audit(now, user, "login", ip)
        return "ok"


def csrf_ok(session, given: str | None) -> bool:
    return bool(session and given) and hmac.compare_digest(session.csrf, given)
