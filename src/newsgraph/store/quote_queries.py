"""Reads about quotations: filtered listing and the export rows."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Select, and_, exists, func, or_, select

from newsgraph.store.actor_queries import find_actor
from newsgraph.store.schema import actors, documents, mentions, quotes, sentences
from newsgraph.store.sql import contains_text


def sentence_text(table: Any) -> Any:
    """The text of the row's sentence, cut from the document (needs both joined)."""
    length = sentences.c.end - sentences.c.start
    return func.substr(documents.c.text, sentences.c.start + 1, length).label("sentence_text")


def quote_sentences_text() -> Any:
    """The text of every sentence a quote overlaps, from the start of its own (first)
    sentence to the end of the last one starting before the quote ends: a quotation
    often runs over several sentences (needs the quote's sentence and document joined)."""
    later = sentences.alias("later")
    last_end = (
        select(func.max(later.c.end))
        .where(later.c.doc_id == quotes.c.doc_id, later.c.start < quotes.c.end)
        .scalar_subquery()
    )
    length = func.coalesce(last_end, sentences.c.end) - sentences.c.start
    return func.substr(documents.c.text, sentences.c.start + 1, length).label("sentence_text")


def quotes_select() -> Select:
    """Quotes with their speaker's canonical name, document and sentences."""
    return (
        select(
            quotes,
            actors.c.name.label("speaker"),
            documents.c.title,
            documents.c.published,
            quote_sentences_text(),
        )
        .join(documents, documents.c.id == quotes.c.doc_id)
        .join(
            sentences,
            and_(sentences.c.doc_id == quotes.c.doc_id, sentences.c.idx == quotes.c.sentence),
        )
        .outerjoin(actors, actors.c.id == quotes.c.speaker_actor)
    )


def list_quotes(
    connection: Connection, *, limit: int = 50, offset: int = 0, **filters: Any
) -> list[dict[str, Any]]:
    """Quotes matching every filter, newest document first, in text order."""
    statement = quotes_query(connection, **filters).limit(limit).offset(offset)
    return [row._asdict() for row in connection.execute(statement)]


def quotes_query(
    connection: Connection,
    *,
    speaker: str | None = None,
    about: str | None = None,
    search: str | None = None,
    kind: str | None = None,
) -> Select:
    """The ordered query behind :func:`list_quotes` (unpaged, so it can be counted)."""
    statement = quotes_select()
    if speaker:
        statement = statement.where(
            or_(
                contains_text(actors.c.name, speaker),
                contains_text(quotes.c.speaker_text, speaker),
            )
        )
    if about:
        subject = find_actor(connection, about)
        inside = exists().where(
            mentions.c.doc_id == quotes.c.doc_id,
            mentions.c.actor_id == subject["id"],
            mentions.c.start >= quotes.c.start,
            mentions.c.end <= quotes.c.end,
        )
        statement = statement.where(inside)
    if search:
        statement = statement.where(contains_text(quotes.c.text, search))
    if kind:
        statement = statement.where(quotes.c.kind == kind)
    return statement.order_by(
        documents.c.published.desc().nulls_last(), quotes.c.doc_id, quotes.c.start, quotes.c.end
    )
