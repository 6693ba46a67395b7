"""Actors over time: events and quotes per day for a set of actors, and one actor's
profile as the HTTP API serves it (quotes said, events as source and as target,
co-occurring actors, timeline)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, or_, select

from newsgraph.errors import NotFound
from newsgraph.store.actor_queries import co_occurring, find_actor
from newsgraph.store.event_queries import events_query
from newsgraph.store.quote_queries import quotes_query
from newsgraph.store.record_queries import Row, event_item, quote_item
from newsgraph.store.schema import actors, documents, events, mentions, quotes


def timeline(
    connection: Connection,
    actor_ids: list[str],
    *,
    since: str | None = None,
    until: str | None = None,
) -> list[Row]:
    """``[{date, events, quotes}]`` by day, oldest first: events (facts) with any of the
    actors as source or target, on the event's date; quotes they said, on the day their
    document was published. Days with neither are left out."""
    event_day = events.c.date
    event_counts = (
        select(event_day, func.count())
        .where(
            events.c.status == "fact",
            or_(events.c.source_actor.in_(actor_ids), events.c.target_actor.in_(actor_ids)),
        )
        .group_by(event_day)
    )
    quote_day = documents.c.published
    quote_counts = (
        select(quote_day, func.count())
        .join(documents, documents.c.id == quotes.c.doc_id)
        .where(quotes.c.speaker_actor.in_(actor_ids))
        .group_by(quote_day)
    )
    days: dict[str, Row] = {}
    for name, statement, day in (
        ("events", event_counts, event_day),
        ("quotes", quote_counts, quote_day),
    ):
        statement = statement.where(day.is_not(None))
        if since:
            statement = statement.where(day >= since)
        if until:
            statement = statement.where(day <= until)
        for date, count in connection.execute(statement):
            days.setdefault(date, {"date": date, "events": 0, "quotes": 0})[name] = count
    return [days[date] for date in sorted(days)]


def actors_timeline(
    connection: Connection, refs: list[str], *, since: str | None = None, until: str | None = None
) -> Row:
    """``{actors, days}``: the actors named by ``refs`` (ids, names or codes; NotFound for
    one that names none), without repeats, and their :func:`timeline`."""
    ids = list(dict.fromkeys(find_actor(connection, ref)["id"] for ref in refs))
    return {"actors": ids, "days": timeline(connection, ids, since=since, until=until)}


def actor_view(connection: Connection, actor_id: str, *, limit: int = 50) -> Row:
    """One actor by id with the ``limit`` newest quotes it said and fact events it is the
    source or target of, the actors it shares documents with, and its timeline."""
    row = connection.execute(
        select(actors.c.id, actors.c.name, actors.c.type, actors.c.code)
        .add_columns(actors.c.country, actors.c.role, actors.c.aliases, actors.c.affiliation)
        .where(actors.c.id == actor_id)
    ).first()
    if row is None:
        raise NotFound(f"no actor with id {actor_id!r}")
    view: dict[str, Any] = row._asdict()
    view["mentions"] = connection.execute(
        select(func.count()).where(mentions.c.actor_id == actor_id)
    ).scalar_one()
    said = quotes_query(connection).where(quotes.c.speaker_actor == actor_id)
    view["quotes"] = [quote_item(r._asdict()) for r in connection.execute(said.limit(limit))]
    for side, column in (("source", events.c.source_actor), ("target", events.c.target_actor)):
        statement = events_query(connection, status="fact").where(column == actor_id)
        view[f"events_as_{side}"] = [
            event_item(r._asdict()) for r in connection.execute(statement.limit(limit))
        ]
    view["co_occurring"] = [
        {"id": c["id"], "name": c["name"], "type": c["type"], "count": c["documents"]}
        for c in co_occurring(connection, actor_id, limit=limit)
    ]
    view["timeline"] = timeline(connection, [actor_id])
    return view
