"""Helpers for the API tests: fetch every page of a list, read the served store."""

from __future__ import annotations

from typing import Any

import httpx

from newsgraph.store import Store

ERROR_KEYS = {"status", "code", "message", "parameter"}


def get_json(client: httpx.Client, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def fetch_all(client: httpx.Client, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a paged list, in pages of the largest size allowed (500)."""
    items: list[dict[str, Any]] = []
    while True:
        page = get_json(client, path, limit=500, offset=len(items), **params)
        items += page["items"]
        if not page["items"] or len(items) >= page["total"]:
            assert len(items) == page["total"]
            return items


def assert_error(response: httpx.Response, status: int, code: str, parameter: str | None) -> None:
    """The API's one error shape, with this status, code and parameter."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == ERROR_KEYS
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert body["error"]["parameter"] == parameter
    assert body["error"]["message"]


def store_rows(db_url: str, table: str) -> list[dict[str, Any]]:
    with Store(db_url) as store:
        return list(store.iter_rows(table))
