"""Idempotent writes. A document is recognised again by its canonical URL, else by the
fingerprint of its normalised body; every source path it came from is kept once."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Connection, select, update

from newsgraph.model import AnnotatedArticle, Annotations, Article, EventRecord, Rejected
from newsgraph.store.actors import ActorResolver
from newsgraph.store.edges import document_edges, row_edges, update_edges
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
from newsgraph.store.sql import dialect_insert, inserted_rows

Status = Literal["new", "new-source", "unchanged", "rejected"]

# Metadata a later copy of a page may supply when the first copy lacked it.
_FILLABLE = ("url", "canonical_url", "title", "site", "published", "language")


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
    resolver = ActorResolver(connection)
    resolver.prefetch(
        actor.key
        for item in items
        if isinstance(item, AnnotatedArticle)
        for actor in item.annotations.actors
    )
    results = [_write_item(connection, item, now, resolver) for item in items]
    mark_files(connection, files, now)
    return results


def _write_item(
    connection: Connection, item: Item, now: datetime, resolver: ActorResolver
) -> WriteResult:
    if isinstance(item, Rejected):
        return _write_rejected(connection, item, now)
    if isinstance(item, Article):
        return _write_article(connection, item, now)
    result = _write_article(connection, item.article, now)
    fresh = result.status == "new"
    if fresh or not _is_annotated(connection, result.doc_id):
        write_annotations(
            connection, result.doc_id, item.annotations, now, resolver=resolver, fresh=fresh
        )
    return result


def _is_annotated(connection: Connection, doc_id: str | None) -> bool:
    statement = select(documents.c.annotated_at).where(documents.c.id == doc_id)
    return connection.execute(statement).scalar_one_or_none() is not None


def find_document(connection: Connection, article: Article) -> tuple[str, bool] | None:
    """The stored document ``article`` is a copy of, and whether it is annotated."""
    existing = _find_existing(connection, article)
    if existing is None:
        return None
    return existing["id"], _is_annotated(connection, existing["id"])


def write_annotations(
    connection: Connection,
    doc_id: str,
    annotations: Annotations,
    now: datetime,
    *,
    resolver: ActorResolver | None = None,
    fresh: bool = False,
) -> None:
    """Replace the document's annotation rows with ``annotations``. ``fresh``: the
    document was inserted in this transaction, so it has no rows to delete yet. The
    actor network's ``edges`` lose the old events' contributions and gain the new."""
    previous = {} if fresh else document_edges(connection, doc_id)
    if not fresh:
        for table in ANNOTATION_TABLES:
            connection.execute(table.delete().where(table.c.doc_id == doc_id))
    resolver = resolver or ActorResolver(connection)
    ids = {actor.key: resolver.resolve(actor) for actor in annotations.actors}
    rows = {
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
        counts: [{"doc_id": doc_id, **asdict(c)} for c in annotations.counts],
        tones: [{"doc_id": doc_id, **asdict(annotations.tone)}] if annotations.tone else [],
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
        dates: [{"doc_id": doc_id, **asdict(d)} for d in annotations.dates],
        places: [{"doc_id": doc_id, **asdict(p)} for p in annotations.places],
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
    for table, values in rows.items():
        if values:
            connection.execute(dialect_insert(connection, table).on_conflict_do_nothing(), values)
    update_edges(connection, previous, row_edges(rows[events]))
    connection.execute(
        update(documents)
        .where(documents.c.id == doc_id)
        .values(annotated_at=now, nlp_note=annotations.note)
    )


def _find_existing(connection: Connection, article: Article) -> dict[str, Any] | None:
    columns = [documents.c.id, *(documents.c[name] for name in _FILLABLE), documents.c.authors]
    if article.canonical_url:
        row = connection.execute(
            select(*columns).where(documents.c.canonical_url == article.canonical_url).limit(1)
        ).first()
        if row is not None:
            return row._asdict()
    row = connection.execute(
        select(*columns).where(documents.c.content_sha256 == article.content_sha256).limit(1)
    ).first()
    return None if row is None else row._asdict()


def _write_article(connection: Connection, article: Article, now: datetime) -> WriteResult:
    existing = _find_existing(connection, article)
    if existing is None:
        doc_id = document_id(article)
        inserted = inserted_rows(
            connection,
            dialect_insert(connection, documents)
            .values(**_document_values(article, doc_id, now))
            .on_conflict_do_nothing(),
        )
        if not inserted:  # another writer stored the same key a moment ago
            existing = {"id": doc_id}
    else:
        doc_id = existing["id"]
        _fill_missing(connection, existing, article)
    added_source = inserted_rows(
        connection,
        dialect_insert(connection, document_sources)
        .values(
            doc_id=doc_id,
            source_path=article.source_path,
            source_format=article.source_format,
            ingested_at=now,
        )
        .on_conflict_do_nothing(),
    )
    connection.execute(rejections.delete().where(rejections.c.source_path == article.source_path))
    if existing is None:
        return WriteResult(article.source_path, "new", doc_id)
    return WriteResult(article.source_path, "new-source" if added_source else "unchanged", doc_id)


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
    }


def _fill_missing(connection: Connection, existing: dict[str, Any], article: Article) -> None:
    values = {
        name: getattr(article, name)
        for name in _FILLABLE
        if existing.get(name) is None and getattr(article, name) is not None
    }
    if not existing.get("authors") and article.authors:
        values["authors"] = list(article.authors)
    if values:
        connection.execute(
            update(documents).where(documents.c.id == existing["id"]).values(**values)
        )


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


def _write_rejected(connection: Connection, item: Rejected, now: datetime) -> WriteResult:
    statement = dialect_insert(connection, rejections).values(
        source_path=item.source_path,
        source_format=item.source_format,
        reason=item.reason,
        attempts=1,
        last_seen=now,
    )
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=[rejections.c.source_path],
            set_={
                "reason": statement.excluded.reason,
                "source_format": statement.excluded.source_format,
                "attempts": rejections.c.attempts + 1,
                "last_seen": statement.excluded.last_seen,
            },
        )
    )
    return WriteResult(item.source_path, "rejected", reason=item.reason)
