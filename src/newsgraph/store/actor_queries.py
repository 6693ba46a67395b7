"""Reads about actors: listing, one actor's profile, co-occurrence."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, distinct, func, or_, select

from newsgraph.errors import NotFound
from newsgraph.store.schema import actors, documents, mentions, sentences

_PUBLIC = [c for c in actors.columns if c.name not in ("block",)]


def list_actors(
    connection: Connection,
    *,
    type: str | None = None,  # noqa: A002 - the CLI flag's name
    search: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Actors with their mention and document counts, most mentioned first."""
    counts = (
        select(
            mentions.c.actor_id,
            func.count().label("mentions"),
            func.count(distinct(mentions.c.doc_id)).label("documents"),
        )
        .group_by(mentions.c.actor_id)
        .subquery()
    )
    statement = select(*_PUBLIC, counts.c.mentions, counts.c.documents).join(
        counts, counts.c.actor_id == actors.c.id
    )
    if type:
        statement = statement.where(actors.c.type == type)
    if search:
        pattern = f"%{search.lower()}%"
        statement = statement.where(
            or_(
                func.lower(actors.c.name).like(pattern),
                func.lower(actors.c.code).like(pattern),
            )
        )
    statement = (
        statement.order_by(counts.c.mentions.desc(), actors.c.id).limit(limit).offset(offset)
    )
    return [row._asdict() for row in connection.execute(statement)]


def find_actor(connection: Connection, name: str) -> dict[str, Any]:
    """An actor by id, exact name, code, or the most mentioned whose name contains ``name``."""
    lowered = name.lower()
    for condition in (
        actors.c.id == name,
        func.lower(actors.c.name) == lowered,
        func.lower(actors.c.code) == lowered,
    ):
        row = connection.execute(select(*_PUBLIC).where(condition).limit(1)).first()
        if row is not None:
            return row._asdict()
    found = list_actors(connection, search=name, limit=1)
    if not found:
        raise NotFound(f"no actor matches {name!r}; list actors with `newsgraph actors --search`")
    return {c.name: found[0][c.name] for c in _PUBLIC}


def actor_profile(connection: Connection, name: str, *, limit: int = 20) -> dict[str, Any]:
    """The actor, its mentions with their sentences, and the actors it appears beside."""
    actor = find_actor(connection, name)
    rows = connection.execute(
        select(
            mentions.c.doc_id,
            mentions.c.text,
            mentions.c.start,
            mentions.c.end,
            mentions.c.kind,
            mentions.c.sentence,
            documents.c.title,
            documents.c.published,
            func.substr(
                documents.c.text, sentences.c.start + 1, sentences.c.end - sentences.c.start
            ).label("sentence_text"),
        )
        .join(documents, documents.c.id == mentions.c.doc_id)
        .join(
            sentences,
            (sentences.c.doc_id == mentions.c.doc_id) & (sentences.c.idx == mentions.c.sentence),
        )
        .where(mentions.c.actor_id == actor["id"])
        .order_by(documents.c.published.desc().nulls_last(), mentions.c.doc_id, mentions.c.start)
        .limit(limit)
    )
    actor["mentions"] = [row._asdict() for row in rows]
    actor["mention_count"] = connection.execute(
        select(func.count()).where(mentions.c.actor_id == actor["id"])
    ).scalar_one()
    actor["co_occurring"] = co_occurring(connection, actor["id"], limit=limit)
    return actor


def co_occurring(connection: Connection, actor_id: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Other actors mentioned in the same documents, by number of shared documents."""
    docs = select(mentions.c.doc_id).where(mentions.c.actor_id == actor_id).distinct()
    shared = func.count(distinct(mentions.c.doc_id)).label("documents")
    statement = (
        select(actors.c.id, actors.c.name, actors.c.type, actors.c.code, shared)
        .join(mentions, mentions.c.actor_id == actors.c.id)
        .where(mentions.c.doc_id.in_(docs), actors.c.id != actor_id)
        .group_by(actors.c.id, actors.c.name, actors.c.type, actors.c.code)
        .order_by(shared.desc(), actors.c.id)
        .limit(limit)
    )
    return [row._asdict() for row in connection.execute(statement)]
