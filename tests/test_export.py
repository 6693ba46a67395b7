from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.errors import ConfigError
from newsgraph.export import write_rows
from newsgraph.store.schema import DOCUMENT_COLUMNS, documents

ROW = {
    "id": "0123456789abcdef",
    "url": "https://x.example/a",
    "canonical_url": "https://x.example/a",
    "title": "Talks “resume”, at last",
    "authors": ["Amina Wanjiru", "Tomás Ruiz"],
    "site": "The Meridian Post",
    "published": "2025-03-04",
    "language": "en",
    "text": 'Line one.\n\nLine, two "quoted".',
    "source_path": "html/a.html",
    "source_format": "html",
    "content_sha256": "f" * 64,
    "ingested_at": datetime(2025, 3, 5, 12, 0, tzinfo=UTC),
}


def export(fmt: str, rows: list[dict]) -> bytes:
    sink = io.BytesIO()
    assert write_rows(rows, table=documents, fmt=fmt, out=sink) == len(rows)
    return sink.getvalue()


def test_jsonl_field_names_are_the_table_columns() -> None:
    [line] = export("jsonl", [ROW]).decode().splitlines()
    record = json.loads(line)
    assert tuple(record) == DOCUMENT_COLUMNS
    assert record["authors"] == ["Amina Wanjiru", "Tomás Ruiz"]
    assert record["ingested_at"] == "2025-03-05T12:00:00+00:00"


def test_naive_datetimes_are_taken_as_utc() -> None:
    row = {**ROW, "ingested_at": datetime(2025, 3, 5, 12, 0)}
    record = json.loads(export("jsonl", [row]))
    assert record["ingested_at"].endswith("+00:00")


def test_csv_round_trip() -> None:
    rows = list(csv.DictReader(io.StringIO(export("csv", [ROW, ROW]).decode())))
    assert len(rows) == 2
    assert rows[0]["text"] == ROW["text"] and rows[0]["authors"] == "Amina Wanjiru; Tomás Ruiz"


def test_parquet_round_trip_keeps_lists() -> None:
    table = pq.read_table(io.BytesIO(export("parquet", [ROW])))
    assert table.column_names == list(DOCUMENT_COLUMNS)
    assert table.to_pylist()[0]["authors"] == ["Amina Wanjiru", "Tomás Ruiz"]


def test_empty_parquet_still_has_the_schema() -> None:
    table = pq.read_table(io.BytesIO(export("parquet", [])))
    assert table.num_rows == 0 and table.column_names == list(DOCUMENT_COLUMNS)


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ConfigError, match="'xml' is not one of jsonl, csv, parquet"):
        export("xml", [ROW])


@settings(max_examples=50, deadline=None)
@given(
    title=st.text(),  # no lone surrogates: extraction replaces them (test_extract_page.py)
    authors=st.lists(
        st.text(
            alphabet=st.characters(blacklist_characters=";", blacklist_categories=("Cs",)),
            min_size=1,
        )
    ),
)
def test_any_text_survives_jsonl_and_parquet(title: str, authors: list[str]) -> None:
    row = {**ROW, "title": title, "authors": authors}
    assert json.loads(export("jsonl", [row]))["title"] == title
    parquet = pq.read_table(io.BytesIO(export("parquet", [row]))).to_pylist()[0]
    assert parquet["title"] == title and parquet["authors"] == authors
