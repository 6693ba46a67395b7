"""Reads about events: filtered listing, the actor network, export rows."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Select, and_, func, or_, select
from sqlalchemy.orm import aliased

from newsgraph.store.actor_queries import find_actor
from newsgraph.store.edges import edge_aggregate, mean_goldstein
from newsgraph.store.quote_queries import sentence_text
from newsgraph.store.schema import actors, counts, documents, edges, events, sentences

# Export field names (the JSONL contract) over the events table.
EVENT_EXPORT_COLUMNS = (
    "doc_id",
    "idx",
    "date",
    "source",
    "source_code",
    "source_name",
    "target",
    "target_code",
    "target_name",
    "cameo_code",
    "root_code",
    "quad_class",
    "goldstein",
    "status",
    "tone",
    "place_name",
    "place_country",
    "place_lat",
    "place_lon",
    "sentence",
    "start",
    "end",
    "sentence_text",
)
COUNT_EXPORT_COLUMNS = (
    "doc_id",
    "kind",
    "number",
    "qualifier",
    "object",
    "sentence",
    "start",
    "end",
    "sentence_text",
)


def _with_sentence(statement: Select, table: Any) -> Select:
    return statement.join(documents, documents.c.id == table.c.doc_id).join(
        sentences, and_(sentences.c.doc_id == table.c.doc_id, sentences.c.idx == table.c.sentence)
    )


def events_select() -> Select:
    source, target = (
        aliased(actors, name="source_actor_row"),
        aliased(actors, name="target_actor_row"),
    )
    statement = select(
        events.c.doc_id,
        events.c.idx,
        events.c.date,
        events.c.source_actor.label("source"),
        source.c.code.label("source_code"),
        func.coalesce(source.c.name, events.c.source_text).label("source_name"),
        events.c.target_actor.label("target"),
        target.c.code.label("target_code"),
        func.coalesce(target.c.name, events.c.target_text).label("target_name"),
        events.c.cameo.label("cameo_code"),
        events.c.root.label("root_code"),
        events.c.quad_class,
        events.c.goldstein,
        events.c.status,
        events.c.tone,
        events.c.place_name,
        events.c.place_country,
        events.c.place_lat,
        events.c.place_lon,
        events.c.sentence,
        events.c.start,
        events.c.end,
        sentence_text(events),
        documents.c.title,
    )
    statement = _with_sentence(statement, events)
    statement = statement.outerjoin(source, source.c.id == events.c.source_actor)
    return statement.outerjoin(target, target.c.id == events.c.target_actor)


def counts_select() -> Select:
    columns = [counts.c[name] for name in COUNT_EXPORT_COLUMNS if name != "sentence_text"]
    return _with_sentence(select(*columns, sentence_text(counts)), counts)


def list_events(
    connection: Connection, *, limit: int = 50, offset: int = 0, **filters: Any
) -> list[dict[str, Any]]:
    """Events matching every filter, newest first. ``actor`` as source or target."""
    statement = events_query(connection, **filters).limit(limit).offset(offset)
    return [row._asdict() for row in connection.execute(statement)]


def events_query(
    connection: Connection,
    *,
    actor: str | None = None,
    code: str | None = None,
    root: str | None = None,
    since: str | None = None,
    until: str | None = None,
    status: str | None = "fact",
) -> Select:
    """The ordered query behind :func:`list_events` (unpaged, so it can be counted)."""
    statement = events_select()
    if actor:
        actor_id = find_actor(connection, actor)["id"]
        statement = statement.where(
            or_(events.c.source_actor == actor_id, events.c.target_actor == actor_id)
        )
    if code:
        statement = statement.where(events.c.cameo.startswith(code))
    if root:
        statement = statement.where(events.c.root == root.zfill(2))
    if since:
        statement = statement.where(events.c.date >= since)
    if until:
        statement = statement.where(events.c.date <= until)
    if status:
        statement = statement.where(events.c.status == status)
    return statement.order_by(events.c.date.desc().nulls_last(), events.c.doc_id, events.c.idx)


def network(
    connection: Connection,
    *,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 200,
) -> list[dict[str, Any]]:
    """Directed actor-to-actor edges: event count and mean Goldstein, most events first.

    Without dates the edges are read from the ``edges`` summary the writes keep
    (:mod:`newsgraph.store.edges`); with dates they are counted from the events
    (their actor indexes cover it). Only the ``limit`` kept are joined to the actors'
    names."""
    actor_id = find_actor(connection, actor)["id"] if actor else None
    pairs: Any = edges
    if since or until:
        dated = _about(edge_aggregate(), events.c.source_actor, events.c.target_actor, actor_id)
        if since:
            dated = dated.where(events.c.date >= since)
        if until:
            dated = dated.where(events.c.date <= until)
        pairs, actor_id = dated.subquery(), None
    top = select(
        pairs.c.source_actor.label("source"),
        pairs.c.target_actor.label("target"),
        pairs.c.events,
        mean_goldstein(pairs).label("mean_goldstein"),
        pairs.c.cooperation,
        pairs.c.conflict,
    )
    top = _about(top, pairs.c.source_actor, pairs.c.target_actor, actor_id)
    top = (
        top.order_by(pairs.c.events.desc(), pairs.c.source_actor, pairs.c.target_actor)
        .limit(limit)
        .subquery()
    )
    source, target = aliased(actors, name="s"), aliased(actors, name="t")
    statement = (
        select(
            top.c.source,
            source.c.name.label("source_name"),
            source.c.code.label("source_code"),
            top.c.target,
            target.c.name.label("target_name"),
            target.c.code.label("target_code"),
            top.c.events,
            top.c.mean_goldstein,
            top.c.cooperation,
            top.c.conflict,
        )
        .join(source, source.c.id == top.c.source)
        .join(target, target.c.id == top.c.target)
        .order_by(top.c.events.desc(), top.c.source, top.c.target)
    )
    return [row._asdict() for row in connection.execute(statement)]


def _about(statement: Select, source: Any, target: Any, actor_id: str | None) -> Select:
    """``statement`` kept to rows where ``actor_id`` is the source or the target."""
    if actor_id is None:
        return statement
    return statement.where(or_(source == actor_id, target == actor_id))
