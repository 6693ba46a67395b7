"""Safety of the served API: the token (and no way around it), security headers on every
response, the Host check on loopback, hostile article strings returned verbatim as
JSON data, and `newsgraph serve` refusing to listen beyond loopback without a token."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from api_helpers import assert_error, fetch_all, get_json
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.server.auth import CSP
from served_corpus import HOSTILE, Served

pytestmark = pytest.mark.slow

GUARDED = ["/api/health", "/api/documents", "/api/openapi.json", "/api/docs", "/api/nope"]


def _raw(served: Served, path: str, headers: list[tuple[str, str]]) -> httpx.Response:
    """A request with exactly these headers (repeats allowed) and no others added."""
    with httpx.Client(base_url=served.url, timeout=30) as bare:
        return bare.send(bare.build_request("GET", httpx.URL(path), headers=headers))


@pytest.mark.parametrize("path", GUARDED)
def test_token_server_refuses_requests_without_the_token(served_with_token: Served, path):
    token = served_with_token.token
    assert token
    refused = [
        [],
        [("Authorization", "Bearer")],
        [("Authorization", f"Bearer {token[:-1]}")],
        [("Authorization", f"Bearer {token}x")],
        [("Authorization", f"Bearer {token.swapcase()}")],
        [("Authorization", f"Bearer  {token}")],
        [("Authorization", f"Bearer\t{token}")],
        [("Authorization", f"Basic {token}")],
        [("Authorization", token)],
        [("Authorization", f"Token {token}")],
        [("Authorization", f"Bearer {token}"), ("Authorization", "Bearer wrong")],
        [("Authorization", "Bearer wrong"), ("Authorization", f"Bearer {token}")],
        [("X-Token", token)],
        [("Cookie", f"token={token}")],
    ]
    for headers in refused:
        response = _raw(served_with_token, path, headers)
        assert_error(response, 401, "unauthorized", None)
        assert response.headers["www-authenticate"] == "Bearer"
    for query in (f"?token={token}", f"?access_token={token}", f"?authorization=Bearer%20{token}"):
        assert _raw(served_with_token, path + query, []).status_code == 401


def test_token_server_answers_with_the_token(served_with_token: Served):
    token = served_with_token.token
    for scheme in ("Bearer", "bearer", "BEARER"):
        response = _raw(served_with_token, "/api/health", [("Authorization", f"{scheme} {token}")])
        assert response.status_code == 200
    with served_with_token.client() as client:
        assert get_json(client, "/api/documents", limit=1)["total"] > 0
        assert client.get("/api/openapi.json").status_code == 200


@pytest.mark.parametrize(
    "path",
    ["//api/health", "/api//health", "/API/health", "/static/../api/health", "/%61pi/health"],
)
def test_odd_spellings_of_api_paths_give_no_data_without_the_token(served_with_token: Served, path):
    response = _raw(served_with_token, path, [])
    assert response.status_code in (401, 404)
    assert b'"documents"' not in response.content


def test_the_page_itself_needs_no_token(served_with_token: Served):
    response = _raw(served_with_token, "/", [])
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CSP


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/", 200),
        ("/api/health", 200),
        ("/api/documents?limit=1", 200),
        ("/api/openapi.json", 200),
        ("/api/documents?limit=abc", 422),
        ("/api/documents/nope", 404),
        ("/static/nope.js", 404),
        ("/nope", 404),
    ],
)
def test_every_response_carries_the_security_headers(client: httpx.Client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-security-policy"] == CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    if path.startswith("/api"):
        assert response.headers["cache-control"] == "no-store"
    assert "access-control-allow-origin" not in response.headers


def test_static_files_are_served_with_the_headers(client: httpx.Client):
    index = client.get("/").text
    for asset in ("/static/app.js", "/static/style.css"):
        if asset in index:
            response = client.get(asset)
            assert response.status_code == 200
            assert response.headers["content-security-policy"] == CSP


def test_loopback_server_refuses_foreign_host_names(served: Served):
    for host in ("evil.example", "evil.example:80", "127.0.0.1.evil.example", "[::2]"):
        assert_error(_raw(served, "/api/health", [("Host", host)]), 400, "bad_parameter", None)
    for host in ("localhost", f"localhost:{served.url.rsplit(':', 1)[1]}", "127.0.0.1"):
        assert _raw(served, "/api/health", [("Host", host)]).status_code == 200


def _hostile_documents(client: httpx.Client) -> dict[str, dict]:
    """The two documents of tests/data/hostile, found by their titles' payloads."""
    found = {}
    for item in fetch_all(client, "/api/documents"):
        if "<script>" in (item["title"] or ""):
            # The feed's javascript: url is not stored; the page has an https one.
            found["jsonl" if item["url"] is None else "html"] = item
    assert set(found) == {"html", "jsonl"}
    return found


def test_hostile_strings_come_back_verbatim_as_json_data(client: httpx.Client):
    feed = json.loads((HOSTILE / "hostile-feed.jsonl").read_text(encoding="utf-8"))
    found = _hostile_documents(client)
    jsonl = get_json(client, f"/api/documents/{found['jsonl']['id']}")
    assert jsonl["title"] == feed["title"]
    assert feed["url"].startswith("javascript:") and jsonl["url"] is None
    assert jsonl["site"] == feed["site"]
    assert jsonl["authors"] == [name.strip() for name in feed["author"]]
    assert "<script>alert('author')</script>" in jsonl["authors"]
    assert "<img src=x onerror=alert(6)>" in jsonl["text"]
    html = get_json(client, f"/api/documents/{found['html']['id']}")
    page = (HOSTILE / "hostile-harbour-talks.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert html["title"].startswith("<script>alert(1)</script>")
    assert '<iframe src="javascript:alert(10)"></iframe>' in html["text"]
    assert "inline body script" not in html["text"], "the page's own <script> is not text"
    for document in (jsonl, html):
        for quote in document["quotes"]:
            assert document["text"][quote["start"] : quote["end"]] == quote["text"]
    said = [q["text"] for q in jsonl["quotes"]]
    assert any("<script>alert('quote')</script>" in text for text in said)


def test_hostile_strings_stay_data_in_every_listing(client: httpx.Client):
    found = _hostile_documents(client)
    response = client.get("/api/search", params={"q": "Valletta"})
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    titles = [d["title"] for d in response.json()["documents"]]
    assert found["html"]["title"] in titles
    quotes = fetch_all(client, "/api/quotes", search="<script>")
    assert quotes and all("<script>" in q["text"] for q in quotes)
    assert {q["doc_id"] for q in quotes} <= {d["id"] for d in found.values()}


def test_serve_beyond_loopback_needs_a_token(db_url: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("NEWSGRAPH_TOKEN", raising=False)
    runner = CliRunner()
    for host in ("0.0.0.0", "::", "192.0.2.1", "example.org"):
        result = runner.invoke(app, ["serve", "--db", db_url, "--host", host, "--port", "9"])
        assert result.exit_code == 2
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"error: --host {host}:")
    for token in ("", "has space", "naïve"):
        result = runner.invoke(
            app, ["serve", "--db", db_url, "--host", "0.0.0.0", "--token", token, "--port", "9"]
        )
        assert result.exit_code == 2
        assert result.output.startswith("error: --token:")
    assert not Path(db_url.removeprefix("sqlite:///")).exists(), "refused before opening"
