"""The guard in front of every request: security headers on every response, the bearer
token on everything but the page itself, and (on loopback) the Host header, so a web
page elsewhere cannot reach the API through DNS rebinding.

Pure ASGI rather than FastAPI dependencies, so it runs before routing: an unknown path,
``/api/openapi.json`` and error responses are guarded like any endpoint.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Iterable
from typing import Any

from newsgraph.server.errors import error_response

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def is_loopback(host: str) -> bool:
    """True when ``host`` (a bind address or name) only listens on this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_token(token: str) -> str | None:
    """Why ``token`` cannot be used (None when it can): it must survive an HTTP header."""
    if not token or not token.isascii() or not token.isprintable() or " " in token:
        return "the token must be non-empty printable ASCII without spaces"
    return None


def is_public(path: str) -> bool:
    """The page and its static files hold no data and need no token."""
    return path == "/" or path.startswith("/static/")


def host_name(value: bytes) -> str:
    """The host of a Host header, without port or IPv6 brackets, lowercased."""
    text = value.decode("latin-1").strip().lower()
    if text.startswith("["):
        return text[1 : text.find("]")] if "]" in text else text
    return text.rsplit(":", 1)[0] if ":" in text else text


def bearer_matches(headers: Iterable[tuple[bytes, bytes]], token: bytes) -> bool:
    """Exactly one ``Authorization: Bearer <token>`` header with exactly this token
    (the scheme's case does not matter, the token's does), compared in constant time."""
    values = [value for name, value in headers if name == b"authorization"]
    if len(values) != 1:
        return False
    scheme, space, given = values[0].partition(b" ")
    if not space or scheme.lower() != b"bearer":
        return False
    return hmac.compare_digest(given, token)


class Guard:
    """ASGI middleware: headers, Host check, token check."""

    def __init__(self, app: Any, *, token: str | None, allowed_hosts: Iterable[str] | None) -> None:
        self.app = app
        self.token = token.encode() if token else None
        self.allowed_hosts = frozenset(allowed_hosts) if allowed_hosts is not None else None

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [h for h in SECURITY_HEADERS if h[0] not in present]
                if path.startswith("/api"):
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        refusal = self.refusal(scope)
        if refusal is not None:
            await refusal(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

    def refusal(self, scope: dict) -> Any:
        """The error response for a request that may not go on, else None."""
        headers = scope.get("headers", [])
        if self.allowed_hosts is not None:
            hosts = [host_name(value) for name, value in headers if name == b"host"]
            if any(host not in self.allowed_hosts for host in hosts):
                return error_response(400, "this server only answers to its loopback address")
        if self.token is None or is_public(scope["path"]):
            return None
        if not bearer_matches(headers, self.token):
            return error_response(
                401,
                "missing or wrong token: send the header Authorization: Bearer <token>",
                headers={"WWW-Authenticate": "Bearer"},
            )
        return None
