"""Idempotent writes. A document is recognised again by its canonical URL, else by the
fingerprint of its normalised body; every source path it came from is kept once.

A batch is written in two steps (:class:`_BatchWrites`). First every decision is made in
memory, item by item in input order, on the stored rows the batch can meet, read up
front in a few queries: is the article a copy of a stored document (or of one earlier in
the batch), which gaps does it fill, is its source path new, is the document annotated
yet, which actor is each name. Then the rows go out as one statement per table, each
table's rows in input order. The rows stored are those the row-at-a-time writes stored,
as each decision reads what they read back from the tables; only the cost changes: the
3.8 ms of CPU an article took went mostly to the ~20 statements SQLAlchemy built and
ran for it (issue 8). The reads stay true because the transaction holds the store's
write lock from its start (:mod:`newsgraph.store.locking`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from functools import cache
from operator import attrgetter
from typing import Any, Literal

from sqlalchemy import Connection, Table, bindparam, select, update

from newsgraph.model import AnnotatedArticle, Annotations, Article, EventRecord, Rejected
from newsgraph.store.actors import ActorResolver
from newsgraph.store.bulk import in_chunks, insert_rows
from newsgraph.store.edges import EdgeChanges, document_edges, row_edges
from newsgraph.store.locking import lock_for_write
from newsgraph.store.progress import FileMark, mark_files
from newsgraph.store.schema import (
    ANNOTATION_TABLES,
    counts,
    dates,
    document_sources,
    documents,
    events,
    mentions,
    places,
    quotes,
    rejections,
    sentences,
    tones,
)
from newsgraph.store.sql import dialect_insert

Status = Literal["new", "new-source", "unchanged", "rejected"]

# Metadata a later copy of a page may supply when the first copy lacked it.
_FILLABLE = ("url", "canonical_url", "title", "site", "published", "language")

# What the writes need of a stored document: its keys, the gaps a copy may fill, and
# whether it is annotated.
_KNOWN = (
    documents.c.id,
    documents.c.content_sha256,
    *(documents.c[name] for name in _FILLABLE),
    documents.c.authors,
    documents.c.annotated_at,
)


@dataclass(frozen=True, slots=True)
class WriteResult:
    source_path: str
    status: Status
    doc_id: str | None = None
    reason: str | None = None


def document_id(article: Article) -> str:
    """Content-hash id: from the canonical URL when there is one, else the body."""
    key = article.canonical_url or f"sha256:{article.content_sha256}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


Item = Article | AnnotatedArticle | Rejected


def write_items(
    connection: Connection, items: Sequence[Item], *, files: Sequence[FileMark] = ()
) -> list[WriteResult]:
    """Write ``items`` and mark ``files`` fully stored, as the store's only writer (see
    :mod:`newsgraph.store.locking`): a concurrent ingest waits, then finds these rows
    and treats its copies as known."""
    lock_for_write(connection)
    now = datetime.now(UTC)
    batch = _BatchWrites(connection, now)
    batch.prefetch(items)
    results = [batch.add(item) for item in items]
    batch.flush()
    mark_files(connection, files, now)
    return results


# A statement object built once keeps its SQLAlchemy cache key: each run skips building
# and compiling it again (the ingest looks every article up before parsing it).
_BY_URL = (
    select(documents.c.id, documents.c.annotated_at)
    .where(documents.c.canonical_url == bindparam("key"))
    .limit(1)
)
_BY_SHA = (
    select(documents.c.id, documents.c.annotated_at)
    .where(documents.c.content_sha256 == bindparam("key"))
    .limit(1)
)


def find_document(connection: Connection, article: Article) -> tuple[str, bool] | None:
    """The stored document ``article`` is a copy of, and whether it is annotated."""
    found = None
    if article.canonical_url:
        found = connection.execute(_BY_URL, {"key": article.canonical_url}).first()
    if found is None:
        found = connection.execute(_BY_SHA, {"key": article.content_sha256}).first()
    return None if found is None else (found.id, found.annotated_at is not None)


def write_annotations(
    connection: Connection,
    doc_id: str,
    annotations: Annotations,
    now: datetime,
    *,
    fresh: bool = False,
) -> None:
    """Replace the document's annotation rows with ``annotations``. ``fresh``: the
    document was inserted in this transaction, so it has no rows to delete yet."""
    batch = _BatchWrites(connection, now)
    batch.annotate(doc_id, annotations, fresh=fresh)
    batch.flush()


class _BatchWrites:
    """The writes of one batch: decided in memory in input order, then flushed."""

    def __init__(self, connection: Connection, now: datetime) -> None:
        self.connection = connection
        self.now = now
        self.actors = ActorResolver(connection)
        self.edges = EdgeChanges()
        # Documents stored or added by this batch, by id, canonical URL and fingerprint;
        # a document added here is its row to insert (so later gaps filled go in with it).
        self._by_id: dict[str, dict[str, Any]] = {}
        self._by_url: dict[str, dict[str, Any]] = {}
        self._by_sha: dict[str, dict[str, Any]] = {}
        self._added: set[str] = set()
        self._sources: set[tuple[str, str]] = set()  # (doc_id, source_path) stored
        self._rows: dict[Table, list[dict[str, Any]]] = {
            table: [] for table in (documents, document_sources, *ANNOTATION_TABLES)
        }
        self._fills: dict[str, dict[str, Any]] = {}  # gaps filled in stored documents
        self._annotated: list[dict[str, Any]] = []  # stored documents annotated now
        self._replaced: list[str] = []  # documents whose annotation rows go first
        self._rejections: list[tuple[str, dict[str, Any] | None]] = []  # None: delete

    # -- deciding -----------------------------------------------------------------
    def prefetch(self, items: Sequence[Item]) -> None:
        """Read the stored documents, sources and actors ``items`` can meet. Each lookup
        keeps the rows of its own query, in the table's order, as its one-row query
        (LIMIT 1) found the first of them."""
        found = [item for item in items if not isinstance(item, Rejected)]
        articles = [i.article if isinstance(i, AnnotatedArticle) else i for i in found]
        lookups = (
            (documents.c.canonical_url, self._by_url, {a.canonical_url for a in articles}),
            (documents.c.content_sha256, self._by_sha, {a.content_sha256 for a in articles}),
            (documents.c.id, self._by_id, {document_id(a) for a in articles}),
        )
        for column, index, values in lookups:
            for chunk in in_chunks(sorted(values - {None})):
                for row in self.connection.execute(select(*_KNOWN).where(column.in_(chunk))):
                    known = self._by_id.setdefault(row.id, row._asdict())
                    index.setdefault(row._mapping[column.name], known)
        paths = sorted({a.source_path for a in articles})
        pairs = select(document_sources.c.doc_id, document_sources.c.source_path)
        for chunk in in_chunks(paths):
            statement = pairs.where(document_sources.c.source_path.in_(chunk))
            self._sources.update(
                (row.doc_id, row.source_path) for row in self.connection.execute(statement)
            )
        self.actors.prefetch(
            actor
            for item in found
            if isinstance(item, AnnotatedArticle)
            for actor in item.annotations.actors
        )

    def add(self, item: Item) -> WriteResult:
        if isinstance(item, Rejected):
            row = {
                "source_path": item.source_path,
                "source_format": item.source_format,
                "reason": item.reason,
                "attempts": 1,
                "last_seen": self.now,
            }
            self._rejections.append((item.source_path, row))
            return WriteResult(item.source_path, "rejected", reason=item.reason)
        if isinstance(item, Article):
            return self._add_article(item)
        result = self._add_article(item.article)
        fresh = result.status == "new"
        if fresh or self._by_id[result.doc_id]["annotated_at"] is None:
            self.annotate(result.doc_id, item.annotations, fresh=fresh)
        return result

    def _add_article(self, article: Article) -> WriteResult:
        existing = self._by_url.get(article.canonical_url) if article.canonical_url else None
        if existing is None:
            existing = self._by_sha.get(article.content_sha256)
        if existing is None:
            doc_id = document_id(article)
            # Stored under this id by a copy the lookups miss, the insert would do nothing.
            new = doc_id not in self._by_id
            if new:
                self._add_document(_document_values(article, doc_id, self.now))
        else:
            doc_id, new = existing["id"], False
            self._fill_missing(existing, article)
        added_source = (doc_id, article.source_path) not in self._sources
        if added_source:
            self._sources.add((doc_id, article.source_path))
            self._rows[document_sources].append(
                {
                    "doc_id": doc_id,
                    "source_path": article.source_path,
                    "source_format": article.source_format,
                    "ingested_at": self.now,
                }
            )
        self._rejections.append((article.source_path, None))
        if new:
            return WriteResult(article.source_path, "new", doc_id)
        return WriteResult(
            article.source_path, "new-source" if added_source else "unchanged", doc_id
        )

    def _add_document(self, row: dict[str, Any]) -> None:
        self._rows[documents].append(row)
        self._added.add(row["id"])
        self._by_id[row["id"]] = row
        if row["canonical_url"]:
            self._by_url.setdefault(row["canonical_url"], row)
        self._by_sha.setdefault(row["content_sha256"], row)

    def _fill_missing(self, existing: dict[str, Any], article: Article) -> None:
        values = {
            name: getattr(article, name)
            for name in _FILLABLE
            if existing.get(name) is None and getattr(article, name) is not None
        }
        if not existing.get("authors") and article.authors:
            values["authors"] = list(article.authors)
        if not values:
            return
        existing.update(values)
        if values.get("canonical_url"):
            self._by_url.setdefault(values["canonical_url"], existing)
        if existing["id"] not in self._added:
            self._fills.setdefault(existing["id"], {}).update(values)

    def annotate(self, doc_id: str, annotations: Annotations, *, fresh: bool) -> None:
        """Replace the document's annotation rows with ``annotations``. The actor
        network's ``edges`` lose the old events' contributions and gain the new."""
        if not fresh:
            self.edges.remove(document_edges(self.connection, doc_id))
            self._replaced.append(doc_id)
        ids = {actor.key: self.actors.resolve(actor) for actor in annotations.actors}
        rows = _annotation_rows(doc_id, annotations, ids)
        for table, values in rows.items():
            self._rows[table].extend(values)
        self.edges.add(row_edges(rows[events]))
        marks = {"annotated_at": self.now, "nlp_note": annotations.note}
        row = self._by_id.get(doc_id)
        if row is not None:
            row.update(marks)  # the row to insert, for a document this batch adds
        if doc_id not in self._added:
            self._annotated.append({"_id": doc_id, **marks})

    # -- writing ------------------------------------------------------------------
    def flush(self) -> None:
        """Send the batch's rows, one statement per table (and per filled document)."""
        connection = self.connection
        self._insert(documents)
        for doc_id, values in self._fills.items():
            connection.execute(update(documents).where(documents.c.id == doc_id).values(**values))
        self._insert(document_sources)
        self._write_rejections()
        for table in ANNOTATION_TABLES:
            for chunk in in_chunks(self._replaced):
                connection.execute(table.delete().where(table.c.doc_id.in_(chunk)))
        self.actors.flush()
        for table in ANNOTATION_TABLES:
            self._insert(table)
        self.edges.apply(connection)
        if self._annotated:
            statement = update(documents).where(documents.c.id == bindparam("_id"))
            connection.execute(statement, self._annotated)
        self._fills, self._annotated, self._replaced, self._rejections = {}, [], [], []

    def _insert(self, table: Table) -> None:
        insert_rows(self.connection, table, self._rows[table])
        self._rows[table] = []

    def _write_rejections(self) -> None:
        """Record rejections and clear those of paths now stored. Operations on one path
        keep their order: the n-th of each path goes in round n, whose paths all differ
        (so its deletes and upserts commute); one round in the usual batch."""
        rounds: list[tuple[list[str], list[dict[str, Any]]]] = []
        seen: dict[str, int] = {}
        for path, row in self._rejections:
            n = seen[path] = seen.get(path, -1) + 1
            if n == len(rounds):
                rounds.append(([], []))
            if row is None:
                rounds[n][0].append(path)
            else:
                rounds[n][1].append(row)
        for cleared, rejected in rounds:
            for chunk in in_chunks(cleared):
                self.connection.execute(
                    rejections.delete().where(rejections.c.source_path.in_(chunk))
                )
            if rejected:
                statement = dialect_insert(self.connection, rejections)
                upsert = statement.on_conflict_do_update(
                    index_elements=[rejections.c.source_path],
                    set_={
                        "reason": statement.excluded.reason,
                        "source_format": statement.excluded.source_format,
                        "attempts": rejections.c.attempts + 1,
                        "last_seen": statement.excluded.last_seen,
                    },
                )
                self.connection.execute(upsert, rejected)


def _document_values(article: Article, doc_id: str, now: datetime) -> dict[str, Any]:
    return {
        "id": doc_id,
        "url": article.url,
        "canonical_url": article.canonical_url,
        "title": article.title,
        "authors": list(article.authors),
        "site": article.site,
        "published": article.published,
        "language": article.language,
        "text": article.text,
        "source_path": article.source_path,
        "source_format": article.source_format,
        "content_sha256": article.content_sha256,
        "ingested_at": now,
        "annotated_at": None,
        "nlp_note": None,
    }


def _annotation_rows(
    doc_id: str, annotations: Annotations, ids: dict[str, str]
) -> dict[Table, list[dict[str, Any]]]:
    """The rows of each annotation table for one document; ``ids``: actor key to id."""
    return {
        sentences: [
            {
                "doc_id": doc_id,
                "idx": s.index,
                "start": s.start,
                "end": s.end,
                "tone": _at(annotations.sentence_tones, s.index),
            }
            for s in annotations.sentences
        ],
        events: [_event_row(doc_id, e, ids) for e in annotations.events],
        counts: [_flat_row(doc_id, c) for c in annotations.counts],
        tones: [_flat_row(doc_id, annotations.tone)] if annotations.tone else [],
        mentions: [
            {
                "doc_id": doc_id,
                "start": m.start,
                "end": m.end,
                "actor_id": ids[m.actor_key],
                "text": m.text,
                "kind": m.kind,
                "sentence": m.sentence,
            }
            for m in annotations.mentions
            if m.actor_key in ids
        ],
        dates: [_flat_row(doc_id, d) for d in annotations.dates],
        places: [_flat_row(doc_id, p) for p in annotations.places],
        quotes: [
            {
                "doc_id": doc_id,
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "sentence": q.sentence,
                "kind": q.kind,
                "speaker_actor": ids.get(q.speaker_key),
                "speaker_text": q.speaker_text,
                "cue": q.cue,
                "addressee": q.addressee,
                "addressee_actor": ids.get(q.addressee_key),
            }
            for q in annotations.quotes
        ],
    }


@cache
def _flat_columns(record_type: type) -> tuple[tuple[str, ...], Callable[[Any], Any]]:
    names = tuple(f.name for f in fields(record_type))
    return ("doc_id", *names), attrgetter(*names)


def _flat_row(doc_id: str, record: Any) -> dict[str, Any]:
    """``{"doc_id": doc_id, **asdict(record)}`` for a record of plain values (of two
    fields or more), without asdict's deep copy of each one (a third of the write time)."""
    columns, values = _flat_columns(type(record))
    return dict(zip(columns, (doc_id, *values(record)), strict=True))


def _at(values: tuple[float, ...], index: int) -> float | None:
    return values[index] if index < len(values) else None


def _event_row(doc_id: str, event: EventRecord, ids: dict[str, str]) -> dict[str, Any]:
    name, country, lat, lon = (
        (event.place.split("|") + [None] * 4)[:4] if event.place else [None] * 4
    )
    return {
        "doc_id": doc_id,
        "idx": event.index,
        "sentence": event.sentence,
        "start": event.start,
        "end": event.end,
        "source_actor": ids.get(event.source_key),
        "target_actor": ids.get(event.target_key),
        "source_text": event.source_text,
        "target_text": event.target_text,
        "cameo": event.cameo,
        "root": event.root,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "status": event.status,
        "date": event.date,
        "place_name": name or None,
        "place_country": country or None,
        "place_lat": float(lat) if lat else None,
        "place_lon": float(lon) if lon else None,
        "tone": event.tone,
        "pattern": event.pattern,
    }
