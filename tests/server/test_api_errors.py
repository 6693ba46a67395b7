"""Malformed requests get the API's one error shape (never a 500), and the export
endpoint serves whole tables that parse, from a fixed list of table names only."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pyarrow.parquet as pq
import pytest
from api_helpers import assert_error, get_json

from newsgraph import Newsgraph
from newsgraph.graph import EXPORTABLE
from newsgraph.store import Store
from served_corpus import Served

pytestmark = pytest.mark.slow

MALFORMED = [
    ("/api/documents", {"limit": "abc"}, "limit"),
    ("/api/documents", {"limit": "0"}, "limit"),
    ("/api/documents", {"limit": "501"}, "limit"),
    ("/api/documents", {"offset": "-1"}, "offset"),
    ("/api/documents", {"since": "notadate"}, "since"),
    ("/api/documents", {"until": "2025-13-01"}, "until"),
    ("/api/documents", {"q": "x" * 201}, "q"),
    ("/api/actors", {"type": "alien"}, "type"),
    ("/api/actors", {"limit": "1.5"}, "limit"),
    ("/api/quotes", {"kind": "bogus"}, "kind"),
    ("/api/quotes", {"offset": "many"}, "offset"),
    ("/api/events", {"status": "rumour"}, "status"),
    ("/api/events", {"code": "19; DROP TABLE events"}, "code"),
    ("/api/events", {"root": "123"}, "root"),
    ("/api/network", {"limit": "100000"}, "limit"),
    ("/api/network", {"since": "yesterday"}, "since"),
    ("/api/timeline", {}, "actor"),
    ("/api/timeline", {"actor": ""}, "actor"),
    ("/api/events", {"actor": ""}, "actor"),
    ("/api/quotes", {"about": ""}, "about"),
    ("/api/timeline", {"actor": "x", "until": "2025-02-30"}, "until"),
    ("/api/search", {}, "q"),
    ("/api/search", {"q": "x", "limit": "-3"}, "limit"),
    ("/api/export/documents", {"format": "xlsx"}, "format"),
    ("/api/export/events", {"format": "gkg"}, "format"),
    ("/api/export/documents", {"format": "gdelt-events"}, "format"),
    ("/api/export/sentences", {}, "table"),
    ("/api/export/rejections", {}, "table"),
]


@pytest.mark.parametrize(("path", "params", "parameter"), MALFORMED)
def test_malformed_parameter_is_a_422_naming_it(client: httpx.Client, path, params, parameter):
    response = client.get(path, params=params)
    assert_error(response, 422, "bad_parameter", parameter)
    assert response.json()["error"]["message"].startswith(f"{parameter}: ")


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/api/documents/0000000000000000", None),
        ("/api/documents/" + "f" * 64, None),
        ("/api/actors/0000000000000000", None),
        ("/api/documents?actor=no-such-actor-anywhere", "actor"),
        ("/api/events?actor=no-such-actor-anywhere", "actor"),
        ("/api/quotes?about=no-such-actor-anywhere", "about"),
        ("/api/network?actor=no-such-actor-anywhere", "actor"),
        ("/api/timeline?actor=no-such-actor-anywhere", "actor"),
        ("/api/no-such-endpoint", None),
        ("/no-such-page", None),
    ],
)
def test_unknown_record_or_route_is_a_404(client: httpx.Client, path, parameter):
    assert_error(client.get(path), 404, "not_found", parameter)


def test_a_too_long_id_is_a_422(client: httpx.Client):
    assert_error(client.get("/api/documents/" + "f" * 65), 422, "bad_parameter", "doc_id")


def test_other_methods_are_refused_in_the_error_shape(client: httpx.Client):
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        assert_error(client.request(method, "/api/documents"), 405, "method_not_allowed", None)


@pytest.mark.parametrize(
    "path",
    [
        "/api/export/..%2F..%2F..%2Fetc%2Fpasswd",
        "/api/export/%2e%2e%2fetc%2fpasswd",
        "/api/export/..%5C..%5Cetc%5Cpasswd",
        "/api/export/%2Fetc%2Fpasswd",
        "/api/export/documents%00.csv",
        "/static/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "/static/%2e%2e/%2e%2e/app.py",
        "/static/..%2Fapp.py",
    ],
)
def test_paths_from_the_url_never_reach_the_file_system(client: httpx.Client, path):
    response = client.get(httpx.URL(path))
    assert 400 <= response.status_code < 500
    assert b"root:" not in response.content and b"create_app" not in response.content


def _export(client: httpx.Client, table: str, fmt: str) -> httpx.Response:
    response = client.get(f"/api/export/{table}", params={"format": fmt})
    assert response.status_code == 200, response.text
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment;") and f'filename="{table}.' in disposition
    return response


@pytest.mark.parametrize("table", sorted(EXPORTABLE))
def test_csv_and_jsonl_exports_carry_every_row(client: httpx.Client, served: Served, table):
    with Store(served.db_url) as store:
        expected = store.counts()[table]
    assert expected > 0
    lines = _export(client, table, "jsonl").text.splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == expected
    assert all(list(row) == EXPORTABLE[table] for row in rows)
    response = _export(client, table, "csv")
    assert response.headers["content-type"].startswith("text/csv")
    records = list(csv.DictReader(io.StringIO(response.text)))
    assert len(records) == expected
    assert list(records[0]) == EXPORTABLE[table]


def test_parquet_export_reads_back(client: httpx.Client, served: Served):
    table = pq.read_table(io.BytesIO(_export(client, "quotes", "parquet").content))
    with Store(served.db_url) as store:
        assert table.num_rows == store.counts()["quotes"]
    assert table.column_names == EXPORTABLE["quotes"]


@pytest.mark.parametrize(
    ("table", "fmt", "kind"), [("events", "gdelt-events", "events"), ("documents", "gkg", "gkg")]
)
def test_gdelt_exports_match_the_python_api(client: httpx.Client, served: Served, table, fmt, kind):
    response = _export(client, table, fmt)
    assert response.headers["content-type"].startswith("text/tab-separated-values")
    expected = io.BytesIO()
    with Newsgraph(served.db_url) as graph:
        count = graph.export_gdelt(kind, out=expected)
    assert count > 0
    assert response.content == expected.getvalue()
    widths = {len(line.split("\t")) for line in response.text.splitlines()}
    assert widths == {61 if kind == "events" else 27}


def test_health_and_lists_answer_in_json_with_the_error_shape_declared(client: httpx.Client):
    spec = get_json(client, "/api/openapi.json")
    for path, operations in spec["paths"].items():
        for operation in operations.values():
            declared = set(operation["responses"])
            assert {"200", "401", "404", "422"} <= declared, path
            error = operation["responses"]["422"]["content"]["application/json"]["schema"]
            assert error == {"$ref": "#/components/schemas/ErrorBody"}
            for parameter in operation.get("parameters", []):
                assert parameter["schema"], (path, parameter["name"])
    limit = next(
        p for p in spec["paths"]["/api/documents"]["get"]["parameters"] if p["name"] == "limit"
    )
    assert (limit["schema"]["minimum"], limit["schema"]["maximum"]) == (1, 500)
