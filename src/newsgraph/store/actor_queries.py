"""Reads about actors: listing, one actor's profile, co-occurrence."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Select, bindparam, distinct, exists, func, or_, select

from newsgraph.errors import NotFound
from newsgraph.store.schema import actors, documents, mentions, sentences
from newsgraph.store.sql import contains_text

_PUBLIC = [c for c in actors.columns if c.name not in ("block",)]


def list_actors(
    connection: Connection, *, limit: int = 50, offset: int = 0, **filters: Any
) -> list[dict[str, Any]]:
    """Actors with their mention and document counts, most mentioned first."""
    statement = actors_query(**filters).limit(limit).offset(offset)
    return [row._asdict() for row in connection.execute(statement)]


def actors_query(
    *,
    type: str | None = None,  # noqa: A002 - the CLI flag's name
    search: str | None = None,
) -> Select:
    """The ordered query behind :func:`list_actors` (unpaged, so it can be counted)."""
    counts = (
        select(
            mentions.c.actor_id,
            func.count().label("mentions"),
            func.count(distinct(mentions.c.doc_id)).label("documents"),
        )
        .group_by(mentions.c.actor_id)
        .subquery()
    )
    # Outer join: an actor met only as an event's source or target has no mention.
    mention_count = func.coalesce(counts.c.mentions, 0)
    statement = select(
        *_PUBLIC,
        mention_count.label("mentions"),
        func.coalesce(counts.c.documents, 0).label("documents"),
    ).outerjoin(counts, counts.c.actor_id == actors.c.id)
    if type:
        statement = statement.where(actors.c.type == type)
    if search:
        statement = statement.where(
            or_(contains_text(actors.c.name, search), contains_text(actors.c.code, search))
        )
    return statement.order_by(mention_count.desc(), actors.c.id)


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
    count = _mention_count(connection, actor["id"])
    # One walk finds the newest documents for both the mentions and co-occurrence.
    newest = newest_documents(connection, actor["id"], max(limit, CO_OCCURRING_DOCUMENTS), count)
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
        .where(
            mentions.c.actor_id == actor["id"],
            # The newest mentions lie in the actor's newest documents (same order).
            mentions.c.doc_id.in_(newest[:limit]),
        )
        .order_by(documents.c.published.desc().nulls_last(), mentions.c.doc_id, mentions.c.start)
        .limit(limit)
    )
    actor["mentions"] = [row._asdict() for row in rows]
    actor["mention_count"] = count
    actor["co_occurring"] = co_occurring(
        connection, actor["id"], limit=limit, newest=newest[:CO_OCCURRING_DOCUMENTS]
    )
    return actor


# An actor's newest documents are found by walking all documents newest first (an
# index), probing each for the actor, or by sorting the actor's own documents. Same
# answer either way; only the speed differs. The walk probes about count x documents /
# mentioned documents, the sort reads about ``mentioned``: walk when mentioned^2 >
# _WALK_FACTOR x count x documents. (A fixed 2,000 mentions walked 15,000 documents
# for an actor in 7% of 50,000: 213 ms on SQLite where sorting took 66.)
_WALK_FACTOR = 1.0
# Co-occurrence counts over at most this many of the actor's newest documents, so that
# an actor mentioned in most of a million-event store still answers at once.
CO_OCCURRING_DOCUMENTS = 1000


def _mention_count(connection: Connection, actor_id: str) -> int:
    return connection.execute(
        select(func.count()).where(mentions.c.actor_id == actor_id)
    ).scalar_one()


def newest_documents(
    connection: Connection, actor_id: str, count: int, mentioned: int | None = None
) -> list[str]:
    """Ids of the ``count`` newest documents mentioning the actor (published newest
    first, ties by id, undated last); ``mentioned``: its mention count, if known."""
    statement = select(documents.c.id).order_by(
        documents.c.published.desc().nulls_last(), documents.c.id
    )
    if mentioned is None:
        mentioned = _mention_count(connection, actor_id)
    if _walks(connection, mentioned, count):
        statement = statement.where(
            exists().where(mentions.c.doc_id == documents.c.id, mentions.c.actor_id == actor_id)
        )
    else:
        own = select(mentions.c.doc_id).where(mentions.c.actor_id == actor_id)
        statement = statement.where(documents.c.id.in_(own))
    return list(connection.execute(statement.limit(count)).scalars())


def _walks(connection: Connection, mentioned: int, count: int) -> bool:
    """Whether walking all documents finds the ``count`` newest of an actor mentioned
    ``mentioned`` times sooner than sorting its own (see :data:`_WALK_FACTOR`)."""
    if mentioned <= count:
        return False  # in ``count`` documents at most: sorting them is instant
    total = connection.execute(select(func.count()).select_from(documents)).scalar_one()
    return mentioned * mentioned > _WALK_FACTOR * count * total


def co_occurring(
    connection: Connection,
    actor_id: str,
    *,
    limit: int = 20,
    mentioned: int | None = None,
    newest: list[str] | None = None,
) -> list[dict[str, Any]]:
    """Other actors mentioned in the same documents, by number of shared documents,
    among the actor's :data:`CO_OCCURRING_DOCUMENTS` newest documents (``newest``,
    when the caller has them already; ``mentioned``: the actor's mention count)."""
    if newest is None:
        newest = newest_documents(connection, actor_id, CO_OCCURRING_DOCUMENTS, mentioned)
    # Each (document, actor) pair once, grouped in the order of ix_mentions_doc_actor
    # (so read off the index without sorting or hashing the ~27,000 mentions of 1,000
    # documents), then counted per actor: half the time of count(DISTINCT doc_id) on
    # PostgreSQL. The ids are written into the statement: 1,000 bound parameters cost
    # PostgreSQL more than the query itself.
    ids = bindparam("newest", newest, expanding=True, literal_execute=True)
    pairs = (
        select(mentions.c.actor_id)
        .where(mentions.c.doc_id.in_(ids), mentions.c.actor_id != actor_id)
        .group_by(mentions.c.doc_id, mentions.c.actor_id)
        .subquery()
    )
    shared = func.count().label("documents")
    # Count per actor id over the mentions first; join the names of the kept few only.
    top = (
        select(pairs.c.actor_id, shared)
        .group_by(pairs.c.actor_id)
        .order_by(shared.desc(), pairs.c.actor_id)
        .limit(limit)
        .subquery()
    )
    statement = (
        select(actors.c.id, actors.c.name, actors.c.type, actors.c.code, top.c.documents)
        .join(top, top.c.actor_id == actors.c.id)
        .order_by(top.c.documents.desc(), actors.c.id)
    )
    return [row._asdict() for row in connection.execute(statement)]
