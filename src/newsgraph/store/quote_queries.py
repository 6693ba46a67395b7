"""Reads about quotations: filtered listing and the export rows."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Select, and_, exists, func, or_, select

from newsgraph.store.actor_queries import find_actor
from newsgraph.store.schema import actors, documents, mentions, quotes, sentences


def sentence_text(table: Any) -> Any:
    """The text of the row's sentence, cut from the document (needs both joined)."""
    length = sentences.c.end - sentences.c.start
    return func.substr(documents.c.text, sentences.c.start + 1, length).label("sentence_text")


def quotes_select() -> Select:
    """Quotes with their speaker's canonical name, document and sentence."""
    return (
        select(
            quotes,
            actors.c.name.label("speaker"),
            documents.c.title,
            documents.c.published,
            sentence_text(quotes),
        )
        .join(documents, documents.c.id == quotes.c.doc_id)
        .join(
            sentences,
            and_(sentences.c.doc_id == quotes.c.doc_id, sentences.c.idx == quotes.c.sentence),
        )
        .outerjoin(actors, actors.c.id == quotes.c.speaker_actor)
    )


def list_quotes(
    connection: Connection,
    *,
    speaker: str | None = None,
    about: str | None = None,
    search: str | None = None,
    kind: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Quotes matching every filter, newest document first, in text order."""
    statement = quotes_select()
    if speaker:
        pattern = f"%{speaker.lower()}%"
        statement = statement.where(
            or_(
                func.lower(actors.c.name).like(pattern),
                func.lower(quotes.c.speaker_text).like(pattern),
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
        statement = statement.where(func.lower(quotes.c.text).like(f"%{search.lower()}%"))
    if kind:
        statement = statement.where(quotes.c.kind == kind)
    statement = statement.order_by(
        documents.c.published.desc().nulls_last(), quotes.c.doc_id, quotes.c.start
    )
    return [row._asdict() for row in connection.execute(statement.limit(limit).offset(offset))]
