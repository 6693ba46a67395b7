"""Exports of store tables as JSONL, CSV or Parquet, streamed row by row.

JSONL field names are exactly the table's column names; lists stay lists. CSV joins a
list with ``"; "``. Parquet keeps lists as ``list<string>``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from itertools import islice
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import JSON, Float, Integer, Table

from newsgraph.errors import ConfigError

FORMATS = ("jsonl", "csv", "parquet")
_PARQUET_BATCH = 1000


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ConfigError(f"export format {fmt!r} is not one of {', '.join(FORMATS)}")
    return fmt


def plain_value(value: Any) -> Any:
    """A value as JSON carries it: datetimes as ISO 8601 in UTC."""
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.isoformat()
    return value


INTERNAL_COLUMNS = frozenset({"search", "block"})


def export_columns(table: Table, extra: tuple[str, ...] = ()) -> list[str]:
    """The columns an export of ``table`` carries: its own, less internal ones, plus
    ``extra`` (text columns computed by the query, such as ``sentence_text``)."""
    return [c.name for c in table.columns if c.name not in INTERNAL_COLUMNS] + list(extra)


def write_rows(
    rows: Iterable[dict[str, Any]],
    *,
    table: Table,
    fmt: str,
    out: IO[bytes],
    columns: list[str] | None = None,
) -> int:
    """Write every row to ``out`` in ``fmt``; return how many were written. ``columns``
    (default: the table's own) names the fields in order; ``table`` types them for
    Parquet (fields it lacks are text)."""
    columns = columns or export_columns(table)
    writer = {"jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet}[
        check_format(fmt)
    ]
    return writer(_plain_rows(rows, columns), table=table, columns=columns, out=out)


def _plain_rows(rows: Iterable[dict[str, Any]], columns: list[str]) -> Iterator[dict[str, Any]]:
    for row in rows:
        yield {name: plain_value(row.get(name)) for name in columns}


def _write_jsonl(rows: Iterator[dict[str, Any]], *, out: IO[bytes], **_: Any) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
        count += 1
    return count


def _write_csv(
    rows: Iterator[dict[str, Any]], *, columns: list[str], out: IO[bytes], **_: Any
) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=columns)
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items()})
        count += 1
    text.detach()
    return count


def parquet_schema(table: Table, columns: list[str]) -> pa.Schema:
    def arrow_type(column: Any) -> pa.DataType:
        if isinstance(column.type, JSON):
            return pa.list_(pa.string())
        if isinstance(column.type, Integer):
            return pa.int64()
        if isinstance(column.type, Float):
            return pa.float64()
        return pa.string()

    return pa.schema(
        [(name, arrow_type(table.c[name]) if name in table.c else pa.string()) for name in columns]
    )


def _write_parquet(
    rows: Iterator[dict[str, Any]], *, table: Table, columns: list[str], out: IO[bytes]
) -> int:
    schema = parquet_schema(table, columns)
    sink = io.BytesIO()  # Parquet needs a seekable sink; stdout is not one
    count = 0
    with pq.ParquetWriter(sink, schema) as writer:
        while batch := list(islice(rows, _PARQUET_BATCH)):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
        if count == 0:
            writer.write_table(schema.empty_table())
    out.write(sink.getvalue())
    return count
