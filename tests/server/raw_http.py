"""Requests sent byte for byte over a socket, for the malformed-request and token tests:
an HTTP client would re-encode the target, refuse a 100 kB URL or a bare HTTP/1.0
request; real clients (and attackers) send whatever they like."""

from __future__ import annotations

import json
import socket
from dataclasses import dataclass
from typing import Any

import httpx


@dataclass(frozen=True)
class RawResponse:
    status: int
    headers: dict[str, str]  # lowercased names; a repeated header keeps its last value
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def send(
    url: str,
    target: str | bytes,
    *,
    method: str = "GET",
    headers: list[tuple[str, str]] | None = None,
    version: str = "HTTP/1.1",
) -> RawResponse:
    """Send ``method target version`` with exactly ``headers`` (plus Host and
    Connection: close on HTTP/1.1) to the server at ``url``; read the answer to the end."""
    parsed = httpx.URL(url)
    target = target.encode("latin-1") if isinstance(target, str) else target
    lines = [f"{method} ".encode() + target + f" {version}".encode()]
    if version == "HTTP/1.1":
        lines += [f"Host: {parsed.host}:{parsed.port}".encode(), b"Connection: close"]
    lines += [f"{name}: {value}".encode("latin-1") for name, value in headers or []]
    with socket.create_connection((parsed.host, parsed.port), timeout=60) as connection:
        connection.sendall(b"\r\n".join(lines) + b"\r\n\r\n")
        answer = b""
        try:
            while chunk := connection.recv(1 << 16):
                answer += chunk
        except ConnectionResetError:  # a server refusing a huge request may answer, then
            if not answer.startswith(b"HTTP/"):  # close with bytes unread: a reset
                raise
    return parse(answer, method)


def parse(answer: bytes, method: str = "GET") -> RawResponse:
    head, _, body = answer.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if headers.get("transfer-encoding") == "chunked":
        body = dechunk(body)
    assert (
        method == "HEAD"
        or "content-length" not in headers
        or (int(headers["content-length"]) == len(body))
    ), "a truncated answer"
    return RawResponse(int(status_line.split()[1]), headers, body)


def dechunk(body: bytes) -> bytes:
    out = b""
    while body:
        size_line, _, body = body.partition(b"\r\n")
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            break
        out, body = out + body[:size], body[size + 2 :]
    return out
