"""Paged reads of quotes, events and actors shaped as the HTTP API serves them.

The CLI's listings (:mod:`quote_queries`, :mod:`event_queries`, :mod:`actor_queries`)
build the queries; this module adds totals for pagination and gives each record the
API's field names (an ``id``, actor names beside actor ids), so the server only routes.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Select, func, select

from newsgraph.store.actor_queries import actors_query
from newsgraph.store.event_queries import events_query, network
from newsgraph.store.quote_queries import quotes_query
from newsgraph.store.schema import actors

Row = dict[str, Any]


def page(
    connection: Connection, statement: Select, *, limit: int, offset: int, item: Any = dict
) -> Row:
    """One page of an ordered ``statement``: ``{items, limit, offset, total}``; each row
    goes through ``item``."""
    rows = connection.execute(statement.limit(limit).offset(offset))
    total = connection.execute(
        select(func.count()).select_from(statement.order_by(None).subquery())
    ).scalar_one()
    return {
        "items": [item(row._asdict()) for row in rows],
        "limit": limit,
        "offset": offset,
        "total": total,
    }


def quote_item(row: Row) -> Row:
    """A row of :func:`quote_queries.quotes_select` as the API names it."""
    return {
        "id": f"{row['doc_id']}-{row['start']}-{row['end']}",
        "doc_id": row["doc_id"],
        "title": row["title"],
        "published": row["published"],
        "text": row["text"],
        "start": row["start"],
        "end": row["end"],
        "kind": row["kind"],
        "speaker": row["speaker"] or row["speaker_text"],
        "speaker_actor_id": row["speaker_actor"],
        "speaker_text": row["speaker_text"],
        "cue": row["cue"],
        "addressee": row["addressee"],
        "addressee_actor_id": row["addressee_actor"],
        "sentence_text": row["sentence_text"],
    }


def event_item(row: Row) -> Row:
    """A row of :func:`event_queries.events_select` as the API names it."""
    return {
        "id": f"{row['doc_id']}-{row['idx']}",
        "doc_id": row["doc_id"],
        "title": row["title"],
        "date": row["date"],
        "code": row["cameo_code"],
        "root": row["root_code"],
        "quad_class": row["quad_class"],
        "goldstein": row["goldstein"],
        "status": row["status"],
        "source": row["source_name"],
        "source_actor_id": row["source"],
        "source_code": row["source_code"],
        "target": row["target_name"],
        "target_actor_id": row["target"],
        "target_code": row["target_code"],
        "tone": row["tone"],
        "place_name": row["place_name"],
        "place_country": row["place_country"],
        "start": row["start"],
        "end": row["end"],
        "sentence_text": row["sentence_text"],
    }


def quote_page(connection: Connection, *, limit: int, offset: int, **filters: Any) -> Row:
    statement = quotes_query(connection, **filters)
    return page(connection, statement, limit=limit, offset=offset, item=quote_item)


def event_page(connection: Connection, *, limit: int, offset: int, **filters: Any) -> Row:
    statement = events_query(connection, **filters)
    return page(connection, statement, limit=limit, offset=offset, item=event_item)


def actor_page(connection: Connection, *, limit: int, offset: int, **filters: Any) -> Row:
    return page(connection, actors_query(**filters), limit=limit, offset=offset)


def network_graph(connection: Connection, **filters: Any) -> Row:
    """The actor network as nodes and weighted edges: an edge per directed actor pair
    (events, mean Goldstein, cooperation and conflict counts); a node per actor on an
    edge, with the number of events on its edges."""
    edges = [
        {
            "source": e["source"],
            "target": e["target"],
            "events": e["events"],
            "goldstein_mean": e["mean_goldstein"],
            "cooperation": e["cooperation"],
            "conflict": e["conflict"],
        }
        for e in network(connection, **filters)
    ]
    weight: dict[str, int] = {}
    for edge in edges:
        for end in (edge["source"], edge["target"]):
            weight[end] = weight.get(end, 0) + edge["events"]
    rows = connection.execute(
        select(actors.c.id, actors.c.name, actors.c.type, actors.c.code)
        .where(actors.c.id.in_(weight))
        .order_by(actors.c.id)
    )
    nodes = [{**row._asdict(), "events": weight[row.id]} for row in rows]
    return {"nodes": nodes, "edges": edges}
