"""One partition's results as Parquet files, and back.

A worker turns its items (:class:`~newsgraph.model.AnnotatedArticle`,
:class:`~newsgraph.model.Article`, :class:`~newsgraph.model.Rejected`) into one Parquet
file per table under ``DIR/TABLE/part-NNNNN.parquet``; the client reads them back into
the same dataclasses and hands them to :meth:`~newsgraph.store.Store.write_batch`, so
the store code (dedupe, actor resolution) is shared with the local pipeline.

The columns are the dataclass fields, typed from their annotations, plus ``item`` (the
item's position in the partition, which joins the tables and restores the order) and
``doc_id`` (the id a new document gets, to join tables across partitions). Every table
is written for every partition, empty or not, so each folder reads as one dataset.
"""

from __future__ import annotations

import os
import types
import typing
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.model import (
    ActorRecord,
    AnnotatedArticle,
    Annotations,
    Article,
    CountRecord,
    DateMention,
    EventRecord,
    Mention,
    PlaceMention,
    QuoteRecord,
    Rejected,
    Sentence,
    ToneRecord,
)
from newsgraph.store.writes import Item, document_id

# Per-document record tables: table name -> (record class, field of Annotations).
RECORD_TABLES: dict[str, tuple[type, str]] = {
    "sentences": (Sentence, "sentences"),
    "actors": (ActorRecord, "actors"),
    "mentions": (Mention, "mentions"),
    "dates": (DateMention, "dates"),
    "places": (PlaceMention, "places"),
    "quotes": (QuoteRecord, "quotes"),
    "events": (EventRecord, "events"),
    "counts": (CountRecord, "counts"),
    "tones": (ToneRecord, "tone"),
}
TABLES = ("documents", "rejections", *RECORD_TABLES)

_KEYS = [pa.field("item", pa.int32(), nullable=False), pa.field("doc_id", pa.string())]
# What documents carry beside the Article fields: whether (and why not) it was annotated.
_DOCUMENT_EXTRA = [
    pa.field("annotated", pa.bool_(), nullable=False),
    pa.field("nlp_note", pa.string()),
    pa.field("sentence_tones", pa.list_(pa.float64())),
]
_SCALARS = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}


def arrow_schema(cls: type, extra: Sequence[pa.Field] = ()) -> pa.Schema:
    """The Arrow schema of a record dataclass: one column per field, ``X | None``
    nullable, ``tuple[X, ...]`` a list."""
    hints = typing.get_type_hints(cls)
    columns = [pa.field(f.name, *_arrow_type(hints[f.name])) for f in fields(cls)]
    return pa.schema([*_KEYS, *columns, *extra])


def _arrow_type(hint: Any) -> tuple[pa.DataType, bool]:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return _arrow_type(args[0])[0], True
    if typing.get_origin(hint) is tuple:
        return pa.list_(_SCALARS[args[0]]), False
    return _SCALARS[hint], False


SCHEMAS: dict[str, pa.Schema] = {
    "documents": arrow_schema(Article, _DOCUMENT_EXTRA),
    "rejections": arrow_schema(Rejected),
    **{name: arrow_schema(cls) for name, (cls, _field) in RECORD_TABLES.items()},
}


def part_path(folder: str | os.PathLike[str], table: str, index: int) -> Path:
    return Path(folder) / table / f"part-{index:05d}.parquet"


def write_partition(folder: str | os.PathLike[str], index: int, items: Sequence[Item]) -> int:
    """Write ``items`` as one Parquet file per table; return the bytes written."""
    rows = _rows(items)
    written = 0
    for table in TABLES:
        path = part_path(folder, table, index)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        pq.write_table(pa.Table.from_pylist(rows[table], schema=SCHEMAS[table]), temporary)
        os.replace(temporary, path)  # readers never see half a file
        written += path.stat().st_size
    return written


def _rows(items: Sequence[Item]) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    for item_index, item in enumerate(items):
        if isinstance(item, Rejected):
            rows["rejections"].append({"item": item_index, "doc_id": None, **asdict(item)})
            continue
        article, found = (
            (item.article, item.annotations) if isinstance(item, AnnotatedArticle) else (item, None)
        )
        keys = {"item": item_index, "doc_id": document_id(article)}
        rows["documents"].append(
            {
                **keys,
                **asdict(article),
                "annotated": found is not None,
                "nlp_note": found.note if found else None,
                "sentence_tones": list(found.sentence_tones) if found else [],
            }
        )
        for table, (_cls, name) in RECORD_TABLES.items() if found else ():
            value = getattr(found, name)  # a tuple of records, or one tone (or None)
            records = value if isinstance(value, tuple) else () if value is None else (value,)
            rows[table].extend({**keys, **asdict(record)} for record in records)
    return rows


def read_partition(folder: str | os.PathLike[str], index: int) -> list[Item]:
    """The items of one partition, in their original order, rebuilt from its files."""
    tables = {table: _read_table(part_path(folder, table, index)) for table in TABLES}
    records: dict[str, dict[int, list[Any]]] = {}
    for table, (cls, _name) in RECORD_TABLES.items():
        grouped: dict[int, list[Any]] = defaultdict(list)
        for row in tables[table]:
            position = row.pop("item")
            grouped[position].append(_record(cls, row))
        records[table] = grouped
    items: dict[int, Item] = {}
    for row in tables["rejections"]:
        position = row.pop("item")
        items[position] = _record(Rejected, row)
    for row in tables["documents"]:
        position = row.pop("item")
        annotated, note, tones = (
            row.pop("annotated"),
            row.pop("nlp_note"),
            row.pop("sentence_tones"),
        )
        article = _record(Article, row)
        if not annotated:
            items[position] = article
            continue
        found = {
            name: tuple(records[table].get(position, ()))
            for table, (_cls, name) in RECORD_TABLES.items()
        }
        found["tone"] = found["tone"][0] if found["tone"] else None
        annotations = Annotations(**found, note=note, sentence_tones=tuple(tones))
        items[position] = AnnotatedArticle(article, annotations)
    return [items[i] for i in sorted(items)]


def _read_table(path: Path) -> list[dict[str, Any]]:
    try:
        return pq.read_table(path).to_pylist()
    except FileNotFoundError:
        raise FileNotFoundError(
            f"{path} is missing: the workers wrote their Parquet files where this machine "
            "cannot see them (use a --parquet-dir every worker and this machine share)"
        ) from None


def _record(cls: type, row: dict[str, Any]) -> Any:
    row.pop("doc_id", None)
    return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in row.items()})
