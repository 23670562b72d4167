"""Who may open a call: per-call signed tokens, a shared token, Twilio's request signature.

Real Twilio cannot put a query string in `<Stream url>`, so a token in `?token=` never reaches
the server from a real phone call. carecall accepts what Twilio can carry:

- a **per-call token**, signed with the server's call secret (HMAC-SHA256), expiring, used
  once, and naming the recipient and scenario of that call. It is carried in the URL path
  (`wss://HOST/media/<token>`) or as a TwiML `<Parameter name="token" value="…"/>`, which
  Twilio delivers in `start.customParameters`; the latter is checked before any audio of the
  call is processed and before any file of it is written. The call's recipient and scenario
  are the token's, whatever else the `start` message says.
- `X-Twilio-Signature` on the websocket handshake, checked with the official `twilio`
  library's `RequestValidator` against the account's auth token, when one is configured.
- a **shared token** (`?token=`, `Authorization: Bearer`, `X-Carecall-Token`) for simulated
  phones, the browser softphone and tests on a trusted network.

`Gate` is pure policy: the server hands it the handshake and then the `start` event; it
answers with the HTTP refusal, or the refusal of the call, or the call's parameters.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import json
import secrets
import threading
import time
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

TOKEN_PARAMETER = "token"
TOKEN_PREFIX = "cc1"
MAX_TOKEN_CHARS = 2048


class TokenError(ValueError):
    """A per-call token is malformed, forged, expired or already used."""


@dataclass(frozen=True)
class Claims:
    recipient: str
    scenario: str | None
    expires: int
    nonce: str


class CallTokens:
    """Issues and checks per-call tokens: `cc1.<claims>.<signature>`, base64url, URL-path safe.

    Single use: a token's nonce is remembered until it expires, so a token seen in a log or a
    proxy cannot open a second call."""

    def __init__(self, secret: str | bytes) -> None:
        key = secret.encode() if isinstance(secret, str) else bytes(secret)
        if len(key) < 16:
            raise ValueError("the call secret must be at least 16 bytes (32 random bytes is good)")
        self._key = key
        self._used: dict[str, int] = {}
        self._lock = threading.Lock()

    def issue(
        self,
        recipient: str,
        scenario: str | None = None,
        *,
        ttl_s: float = 3600.0,
        now: float | None = None,
    ) -> str:
        claims = {
            "rid": recipient,
            "scn": scenario,
            "exp": int((time.time() if now is None else now) + ttl_s),
            "n": secrets.token_hex(8),
        }
        body = _b64(json.dumps(claims, separators=(",", ":"), sort_keys=True).encode())
        return f"{TOKEN_PREFIX}.{body}.{self._sign(body)}"

    def verify(self, token: str, *, now: float | None = None, consume: bool = False) -> Claims:
        if not isinstance(token, str) or len(token) > MAX_TOKEN_CHARS:
            raise TokenError("malformed token")
        parts = token.split(".")
        if len(parts) != 3 or parts[0] != TOKEN_PREFIX:
            raise TokenError("malformed token")
        if not hmac.compare_digest(self._sign(parts[1]), parts[2]):
            raise TokenError("bad token signature")
        try:
            raw = json.loads(_unb64(parts[1]))
            claims = Claims(str(raw["rid"]), raw.get("scn"), int(raw["exp"]), str(raw["n"]))
        except (ValueError, KeyError, TypeError) as exc:
            raise TokenError("malformed token claims") from exc
        now = time.time() if now is None else now
        if claims.expires < now:
            raise TokenError("token expired")
        with self._lock:
            if claims.nonce in self._used:
                raise TokenError("token already used")
            if consume:
                self._used = {n: e for n, e in self._used.items() if e >= now}
                self._used[claims.nonce] = claims.expires
        return claims

    def _sign(self, body: str) -> str:
        return _b64(hmac.new(self._key, body.encode(), hashlib.sha256).digest())


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Handshake:
    """What the handshake established about a connection, for the `start` check."""

    shared: bool = False  # the shared token was given
    claims: Claims | None = None  # a per-call token in the URL path
    path_token: str | None = None


@dataclass
class Gate:
    token: str | None = None
    """Shared token (simulated phones, softphone, tests)."""
    tokens: CallTokens | None = None
    """Per-call tokens (the call secret); None: not accepted."""
    twilio_auth_token: str | None = None
    public_url: str | None = None
    media_path: str = "/media"

    @property
    def configured(self) -> bool:
        return bool(self.token or self.tokens or self.twilio_auth_token)

    def handshake(self, path: str, headers) -> tuple[HTTPStatus, str] | Handshake:
        """Check the HTTP upgrade request: a refusal (status, reason) or what it proved."""
        url = urlsplit(path)
        rest = url.path.removeprefix(self.media_path)
        if (
            not url.path.startswith(self.media_path)
            or rest not in ("", "/")
            and (not rest.startswith("/") or "/" in rest[1:])
        ):
            return HTTPStatus.NOT_FOUND, "no such endpoint"
        result = Handshake(path_token=rest[1:] or None)
        if self.token and shared_token_ok(headers, url.query, self.token):
            result.shared = True
        if result.path_token:
            if self.tokens is None:
                return HTTPStatus.UNAUTHORIZED, "per-call tokens are not accepted here"
            try:
                result.claims = self.tokens.verify(result.path_token)
            except TokenError as exc:
                return HTTPStatus.UNAUTHORIZED, str(exc)
        if self.twilio_auth_token:
            problem = _twilio_problem(path, headers, self.twilio_auth_token, self.public_url)
            if problem:
                return HTTPStatus.FORBIDDEN, problem
        if self.token and not result.shared and not result.claims and self.tokens is None:
            return HTTPStatus.UNAUTHORIZED, "missing or wrong token"
        return result

    def start(self, handshake: Handshake, parameters: dict[str, str]) -> dict[str, str]:
        """The call's parameters once `start` is allowed; raises TokenError when it is not.

        With per-call tokens configured and no shared token given, the call must carry a
        valid token, in the path or in `customParameters`; its recipient and scenario win."""
        params = {k: v for k, v in parameters.items() if k != TOKEN_PARAMETER}
        given = handshake.path_token or parameters.get(TOKEN_PARAMETER)
        if not given or self.tokens is None:
            if self.tokens is not None and not handshake.shared:
                raise TokenError("missing call token")
            return params
        claims = self.tokens.verify(given)
        for key, value in (("recipient", claims.recipient), ("scenario", claims.scenario)):
            if value is None:
                continue
            if params.get(key) not in (None, "", value):
                raise TokenError(f"customParameters.{key} differs from the call token's")
            params[key] = value
        handshake.claims = self.tokens.verify(given, consume=True)  # used: no second call
        return params


def bind_problem(host: str, authenticated: bool, allow_insecure: bool = False) -> str | None:
    """Why a call server must not listen on `host` (None when it may): a non-loopback address
    with no authentication configured faces the network open."""
    if is_loopback(host) or authenticated or allow_insecure:
        return None
    return (
        f"refusing to listen on {host}: not a loopback address, and no authentication is "
        "configured. Set CARECALL_CALL_SECRET (per-call tokens, see `carecall token`), "
        "CARECALL_TWILIO_AUTH_TOKEN (Twilio's signature) or --token; --allow-insecure only "
        "on a closed test network."
    )


def is_loopback(host: str) -> bool:
    if host in ("localhost", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def shared_token_ok(headers, query: str, token: str) -> bool:
    """Whether the request gave the shared token: `?token=`, `Authorization: Bearer` or
    `X-Carecall-Token` (compared in constant time)."""
    given = parse_qs(query).get("token", [None])[0]
    auth = headers.get("Authorization", "") or ""
    if not given and auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not given:
        given = headers.get("X-Carecall-Token")
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def twilio_signed(auth_token: str, url: str, params: dict[str, str], signature: str | None) -> bool:
    """Whether an HTTP request (the voice webhook, a status callback) is Twilio's own: its
    `X-Twilio-Signature` over the URL Twilio was given (query included) and the POST
    parameters, with the account's auth token (the official `RequestValidator`)."""
    from twilio.request_validator import RequestValidator

    return bool(signature) and RequestValidator(auth_token).validate(url, params, signature)


def _twilio_problem(path: str, headers, auth_token: str, public_url: str | None) -> str | None:
    """Why the handshake is not Twilio's own (None when it is).

    Twilio signs the URL it dialled; where a proxy terminates TLS the server sees another
    scheme or host, hence `public_url` and the X-Forwarded-* headers. Query parameters are
    accepted either inside the signed URL (as Twilio signs GET requests) or as signed
    parameters (as Twilio's own agent toolkit validates websocket upgrades).
    """
    from twilio.request_validator import RequestValidator

    signature = headers.get("X-Twilio-Signature")
    if not signature:
        return "missing X-Twilio-Signature"
    url = urlsplit(path)
    if public_url:
        base = public_url.rstrip("/")
    else:
        proto = (headers.get("X-Forwarded-Proto") or "wss").split(",")[0].strip()
        proto = {"https": "wss", "http": "ws"}.get(proto, proto)
        host = headers.get("X-Forwarded-Host") or headers.get("Host") or ""
        base = f"{proto}://{host.split(',')[0].strip()}"
    validator = RequestValidator(auth_token)
    full = base + url.path + (f"?{url.query}" if url.query else "")
    params = {k: v[0] for k, v in parse_qs(url.query).items()}
    if validator.validate(full, {}, signature) or (
        params and validator.validate(base + url.path, params, signature)
    ):
        return None
    return "X-Twilio-Signature does not match"
