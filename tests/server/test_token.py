"""No way around the token, beyond the header spellings test_api_security.py tries:
empty, very long and non-ASCII tokens, look-alike tokens, HTTP/1.0, other methods, odd
request targets (dot segments, encoded slashes, absolute form, ``*``), a WebSocket
upgrade. Every refusal is checked against the same request with the token, so a server
that refused everything would fail here. And ``newsgraph serve`` beyond loopback without
a token exits before it listens."""

from __future__ import annotations

import os
import subprocess
import sys

import httpx
import pytest
from raw_http import RawResponse, send

from served_corpus import Served, free_port

pytestmark = pytest.mark.slow

DATA = (b'"items"', b'"documents"', b'"schema"', b'"nodes"', b'"title"')


def bearer(value: str | bytes) -> list[tuple[str, str]]:
    raw = value.encode() if isinstance(value, str) else value
    return [("Authorization", (b"Bearer " + raw).decode("latin-1"))]


def assert_refused(response: RawResponse, what: str) -> None:
    """No data: a 401 (or a 4xx the HTTP layer gives before the app) and no record."""
    assert 400 <= response.status < 500, f"{what}: {response.status} {response.body[:300]!r}"
    assert not any(marker in response.body for marker in DATA), what


def token_variants(token: str) -> dict[str, list[tuple[str, str]]]:
    """Authorization headers that are not ``Bearer <token>``, by what they try."""
    fullwidth = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in token)
    return {
        "empty value": [("Authorization", "")],
        "empty token": bearer(""),
        "only spaces": bearer("   "),
        "prefix": bearer(token[: len(token) // 2]),
        "one character": bearer(token[0]),
        "suffix": bearer(token[1:]),
        "token twice": bearer(token * 2),
        "very long": bearer(token * 4000),
        "very long junk": bearer("x" * 100_000),
        "space inside": bearer(f"{token[:5]} {token[5:]}"),
        "comma list": bearer(f"{token}, Bearer {token}"),
        "NUL after": bearer(f"{token}\x00"),
        "zero-width space after": bearer(f"{token}\u200b"),
        "non-ASCII UTF-8": bearer("tökén-" + token),
        "non-ASCII latin-1": bearer(("tökén-" + token).encode("latin-1")),
        "fullwidth look-alike": bearer(fullwidth),
        "no space after scheme": [("Authorization", f"Bearer{token}")],
        "scheme in the token": bearer(f"Bearer {token}"),
        "Proxy-Authorization": [("Proxy-Authorization", f"Bearer {token}")],
        "token as a header": [("Token", token), ("X-Api-Key", token), ("X-Auth-Token", token)],
    }


@pytest.mark.parametrize("path", ["/api/health", "/api/documents", "/api/openapi.json"])
def test_look_alike_tokens_are_refused(served_with_token: Served, path):
    token = served_with_token.token
    assert send(served_with_token.url, path, headers=bearer(token)).status == 200
    for what, headers in token_variants(token).items():
        assert_refused(send(served_with_token.url, path, headers=headers), f"{path}: {what}")


def test_whitespace_around_the_header_value_is_not_part_of_it(served_with_token: Served):
    """HTTP strips spaces around a header value (RFC 9110 5.5), so these carry exactly
    the token and are accepted; whitespace inside the value is not (see above)."""
    token = served_with_token.token
    for value in (f"Bearer {token} ", f"  Bearer {token}", f"Bearer {token}\t"):
        headers = [("Authorization", value)]
        assert send(served_with_token.url, "/api/health", headers=headers).status == 200


def test_http_1_0_and_other_methods_get_nothing_without_the_token(served_with_token: Served):
    url, token = served_with_token.url, served_with_token.token
    assert_refused(send(url, "/api/documents", version="HTTP/1.0"), "HTTP/1.0")
    with_token = send(url, "/api/documents", headers=bearer(token), version="HTTP/1.0")
    assert with_token.status == 200 and b'"items"' in with_token.body
    for method in ("HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND"):
        response = send(url, "/api/documents", method=method)
        assert response.status == 401, method
        assert not any(marker in response.body for marker in DATA), method
    assert send(url, "*", method="OPTIONS").status == 401


@pytest.mark.parametrize(
    "target",
    [
        "/api/../api/documents",
        "/api/./documents",
        "/./api/documents",
        "//api/documents",
        "///api/documents",
        "/API/documents",
        "/Api/Documents",
        "/api/documents/",
        "/api/documents;x",
        "/api/documents%00",
        "/api/documents?limit=1#",
        "%2Fapi/documents",
        "/%2Fapi/documents",
        "%2Fapi%2Fdocuments",
        "/%61pi/%64ocuments",
        "/api%2Fdocuments",
        "/static/../api/documents",
        "/static/%2e%2e/api/documents",
        "/static/..%2Fapi/documents",
        "/static%2F..%2Fapi/documents",
        "/static/../../api/documents",
        "http://127.0.0.1/api/documents",
        "http://evil.example/api/documents",
        "api/documents",
        "*",
    ],
)
def test_odd_request_targets_give_no_data_without_the_token(served_with_token: Served, target):
    assert_refused(send(served_with_token.url, target), target)


def test_a_websocket_upgrade_gets_no_data(served_with_token: Served):
    upgrade = [
        ("Upgrade", "websocket"),
        ("Connection", "Upgrade"),
        ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="),
        ("Sec-WebSocket-Version", "13"),
    ]
    response = send(served_with_token.url, "/api/documents", headers=upgrade)
    assert response.status != 101
    assert_refused(response, "websocket")


def test_the_page_loads_without_the_token_and_holds_no_data(served_with_token: Served):
    response = send(served_with_token.url, "/")
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/html")
    with httpx.Client(base_url=served_with_token.url, headers=served_with_token.headers) as c:
        titles = [
            d["title"] for d in c.get("/api/documents", params={"limit": 500}).json()["items"]
        ]
    assert titles and not any(title.encode() in response.body for title in titles if title)


def serve(db_url: str, host: str, port: int, token: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("NEWSGRAPH_TOKEN", "NEWSGRAPH_DB")}
    if token is not None:
        env["NEWSGRAPH_TOKEN"] = token
    command = [sys.executable, "-m", "newsgraph", "serve", "--db", db_url, "--host", host]
    return subprocess.run(
        [*command, "--port", str(port)], env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    ("host", "token"),
    [
        ("0.0.0.0", None),
        ("::", None),
        ("0", None),
        ("192.0.2.1", None),
        ("0.0.0.0", ""),
        ("0.0.0.0", " "),
    ],
)
def test_serve_beyond_loopback_without_a_token_exits_before_listening(db_url: str, host, token):
    """``0`` is 0.0.0.0 to the socket layer; an empty or blank NEWSGRAPH_TOKEN is no
    token. The one-line error names what was refused; nothing listens on the port."""
    port = free_port()
    result = serve(db_url, host, port, token)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("error: --"), result.stderr
    with pytest.raises(httpx.TransportError):
        httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
