"""One document with every annotation on it, and the paged document listing, as the
HTTP API serves them. Every ``start``/``end`` is a character offset into the document's
``text``, so ``text[start:end]`` is the annotated span."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from newsgraph.store.event_queries import events_select
from newsgraph.store.queries import DOCUMENT_ORDER, documents_query, get_document, searching
from newsgraph.store.quote_queries import quotes_select
from newsgraph.store.record_queries import Row, event_item, page, quote_item
from newsgraph.store.schema import (
    actors,
    counts,
    dates,
    documents,
    events,
    mentions,
    places,
    quotes,
    sentences,
    tones,
)

_DOCUMENT_FIELDS = ("id", "title", "authors", "site", "url", "published", "language")


def document_page(connection: Connection, *, limit: int, offset: int, **filters: Any) -> Row:
    """Documents matching ``filters`` (see :func:`queries.documents_query`), newest first,
    with their language and word count (null until the text has been annotated)."""
    statement = (
        documents_query(connection, **filters)
        .add_columns(documents.c.language, tones.c.word_count.label("words"))
        .outerjoin(tones, tones.c.doc_id == documents.c.id)
        .order_by(*DOCUMENT_ORDER)
    )
    with searching(connection, filters.get("search")):
        return page(connection, statement, limit=limit, offset=offset, item=_document_item)


def _document_item(row: Row) -> Row:
    return {**{name: row[name] for name in _DOCUMENT_FIELDS}, "words": row["words"]}


def document_view(connection: Connection, doc_id: str) -> Row:
    """The document, its word count (as in the listing), its text, and its sentences,
    actor mentions, quotes, events, counts, dates and places, each in text order.
    Raises NotFound for an unknown id."""
    record = get_document(connection, doc_id)
    view = {name: record[name] for name in (*_DOCUMENT_FIELDS, "text")}
    view["words"] = connection.execute(
        select(tones.c.word_count).where(tones.c.doc_id == doc_id)
    ).scalar_one_or_none()
    text = record["text"]
    view["sentences"] = _rows(
        connection,
        select(sentences.c.idx.label("index"), sentences.c.start, sentences.c.end)
        .where(sentences.c.doc_id == doc_id)
        .order_by(sentences.c.idx),
    )
    view["mentions"] = _rows(
        connection,
        select(
            mentions.c.actor_id,
            actors.c.name.label("actor"),
            actors.c.type,
            actors.c.code,
            mentions.c.kind,
            mentions.c.text,
            mentions.c.start,
            mentions.c.end,
            mentions.c.sentence,
        )
        .join(actors, actors.c.id == mentions.c.actor_id)
        .where(mentions.c.doc_id == doc_id)
        .order_by(mentions.c.start, mentions.c.end),
    )
    view["quotes"] = [
        quote_item(row)
        for row in _rows(
            connection,
            quotes_select().where(quotes.c.doc_id == doc_id).order_by(quotes.c.start, quotes.c.end),
        )
    ]
    view["events"] = [
        {**event_item(row), "trigger_text": text[row["start"] : row["end"]]}
        for row in _rows(
            connection,
            events_select().where(events.c.doc_id == doc_id).order_by(events.c.idx),
        )
    ]
    view["counts"] = _rows(
        connection,
        select(counts).where(counts.c.doc_id == doc_id).order_by(counts.c.start, counts.c.end),
    )
    view["dates"] = [
        {**row, "value": _date_value(row["date_start"], row["date_end"])}
        for row in _rows(
            connection,
            select(dates).where(dates.c.doc_id == doc_id).order_by(dates.c.start, dates.c.end),
        )
    ]
    view["places"] = _rows(
        connection,
        select(places).where(places.c.doc_id == doc_id).order_by(places.c.start, places.c.end),
    )
    return view


def _date_value(start: str, end: str) -> str:
    """The day a date expression resolves to, or its range as ISO 8601 ``start/end``."""
    return start if start == end else f"{start}/{end}"


def _rows(connection: Connection, statement: Any) -> list[Row]:
    return [row._asdict() for row in connection.execute(statement)]
