"""Arbitrary parameters on every operation /api/openapi.json declares: the answer is
data or the error shape, never a 500 (the property schemathesis checks, run here on
hypothesis alone)."""

from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest
from api_helpers import ERROR_KEYS, get_json
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.slow

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
VALUES = st.one_of(
    TEXT,
    st.integers(-(10**12), 10**12).map(str),
    st.dates().map(str),
    st.sampled_from(["", "0", "1", "500", "all", "direct", "country", "csv", "gkg", "19"]),
)


@pytest.fixture(scope="module")
def operations(client: httpx.Client) -> list[tuple[str, list[dict]]]:
    spec = get_json(client, "/api/openapi.json")
    return [
        (path, operation.get("parameters", []))
        for path, methods in spec["paths"].items()
        for method, operation in methods.items()
        if method == "get"
    ]


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_parameters_get_data_or_the_error_shape(client: httpx.Client, operations, data):
    path, parameters = data.draw(st.sampled_from(operations))
    query: list[tuple[str, str]] = []
    for parameter in parameters:
        name = parameter["name"]
        if parameter["in"] == "path":
            path = path.replace("{" + name + "}", quote(data.draw(TEXT), safe="") or "x")
        else:
            for value in data.draw(st.lists(VALUES, max_size=2)):
                query.append((name, value))
    response = client.get(httpx.URL(path), params=query)
    assert response.status_code < 500, (path, query, response.text)
    if response.status_code == 200:
        if "/export/" in path:
            assert response.headers["content-disposition"].startswith("attachment;")
        else:
            assert response.headers["content-type"] == "application/json"
            response.json()
    else:
        error = response.json()["error"]
        assert set(error) == ERROR_KEYS and error["status"] == response.status_code
