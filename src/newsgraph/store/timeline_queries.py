"""Actors over time: events and quotes per day for a set of actors, and one actor's
profile as the HTTP API serves it (quotes said, events as source and as target,
co-occurring actors, timeline)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Select, func, or_, select, union_all

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
    quote_day = documents.c.published
    quote_counts = (
        select(quote_day, func.count())
        .join(documents, documents.c.id == quotes.c.doc_id)
        .where(quotes.c.speaker_actor.in_(actor_ids), *_days(quote_day, since, until))
        .group_by(quote_day)
    )
    days: dict[str, Row] = {}
    for name, statement in (
        ("events", _event_counts(actor_ids, since, until)),
        ("quotes", quote_counts),
    ):
        for date, count in connection.execute(statement):
            days.setdefault(date, {"date": date, "events": 0, "quotes": 0})[name] = count
    return [days[date] for date in sorted(days)]


def _days(day: Any, since: str | None, until: str | None) -> list[Any]:
    """Conditions keeping dated rows, within ``since`` and ``until`` when given."""
    return [
        day.is_not(None),
        *([day >= since] if since else []),
        *([day <= until] if until else []),
    ]


def _event_counts(actor_ids: list[str], since: str | None, until: str | None) -> Select:
    """Fact events per day with any of the actors as source or target, each event once:
    those with one as source, then those with one as target and none as source. Each
    half is read from its actor's edge index alone, where ``source OR target`` made
    PostgreSQL scan the whole events table (180 ms for the most mentioned actor)."""
    not_source = or_(events.c.source_actor.is_(None), events.c.source_actor.not_in(actor_ids))
    halves = [
        select(events.c.date).where(
            events.c.status == "fact", *conditions, *_days(events.c.date, since, until)
        )
        for conditions in (
            [events.c.source_actor.in_(actor_ids)],
            [events.c.target_actor.in_(actor_ids), not_source],
        )
    ]
    either = union_all(*halves).subquery()
    return select(either.c.date, func.count()).group_by(either.c.date)


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
        for c in co_occurring(connection, actor_id, limit=limit, mentioned=view["mentions"])
    ]
    view["timeline"] = timeline(connection, [actor_id])
    return view
