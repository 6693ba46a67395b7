"""The actor network's edge summary, kept equal to the aggregation of the events.

``edges`` (migration 0008) holds, per directed pair of distinct actors, what
:func:`newsgraph.store.event_queries.network` counts over the fact events: the number
of events, their Goldstein sum and their cooperation and conflict counts. Goldstein
scores have one decimal (the CAMEO scale), so the sum is kept in tenths as an integer:
exact, whatever order documents are added and taken away in (a float sum would
differ in its last bits between two stores holding the same events). Summing
~850k events into ~400k pairs on every call cost 644 ms at a million events; the
writes instead add each document's contributions and take back those of the rows
they replace, in the same transaction, so the whole network is one indexed read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    Float,
    Select,
    and_,
    bindparam,
    case,
    cast,
    func,
    or_,
    select,
)

from newsgraph.store.schema import edges, events
from newsgraph.store.sql import dialect_insert

Pair = tuple[str, str]
Sums = tuple[int, int, int, int]  # events, goldstein_tenths, cooperation, conflict
SUM_COLUMNS = ("events", "goldstein_tenths", "cooperation", "conflict")


def edge_aggregate() -> Select:
    """Per pair, the sums ``edges`` keeps, aggregated from the events table: the one
    definition of which events an edge counts."""
    return (
        select(
            events.c.source_actor,
            events.c.target_actor,
            func.count().label("events"),
            func.sum(tenths(events.c.goldstein)).label("goldstein_tenths"),
            func.sum(case((events.c.quad_class <= 2, 1), else_=0)).label("cooperation"),
            func.sum(case((events.c.quad_class >= 3, 1), else_=0)).label("conflict"),
        )
        .where(events.c.status == "fact", events.c.source_actor != events.c.target_actor)
        .group_by(events.c.source_actor, events.c.target_actor)
    )


def document_edges(connection: Connection, doc_id: str) -> dict[Pair, Sums]:
    """A stored document's contributions to ``edges`` (read before its rows go)."""
    rows = connection.execute(edge_aggregate().where(events.c.doc_id == doc_id))
    return {(row[0], row[1]): tuple(row[2:]) for row in rows}


def row_edges(rows: Iterable[Mapping[str, Any]]) -> dict[Pair, Sums]:
    """The contributions of event rows about to be inserted, as :func:`edge_aggregate`
    would count them."""
    found: dict[Pair, list] = {}
    for row in rows:
        source, target = row["source_actor"], row["target_actor"]
        if row["status"] != "fact" or source is None or target is None or source == target:
            continue
        sums = found.setdefault((source, target), [0, 0, 0, 0])
        sums[0] += 1
        sums[1] += round(row["goldstein"] * 10)
        sums[2] += row["quad_class"] <= 2
        sums[3] += row["quad_class"] >= 3
    return {pair: tuple(sums) for pair, sums in found.items()}


class EdgeChanges:
    """What one transaction takes off ``edges`` and puts on, summed per pair, then
    applied in one upsert: the end state is the same as applying each document's
    changes in turn (the sums are integers; a pair that a document empties and a later
    one fills again keeps the later sums either way)."""

    def __init__(self) -> None:
        self._delta: dict[Pair, list[int]] = {}

    def remove(self, contributions: Mapping[Pair, Sums]) -> None:
        self._add(contributions, -1)

    def add(self, contributions: Mapping[Pair, Sums]) -> None:
        self._add(contributions, 1)

    def _add(self, contributions: Mapping[Pair, Sums], sign: int) -> None:
        for pair, sums in contributions.items():
            total = self._delta.setdefault(pair, [0, 0, 0, 0])
            for i, value in enumerate(sums):
                total[i] += sign * value

    def apply(self, connection: Connection) -> None:
        """Write the changes to ``edges``; drop pairs left with no events."""
        changed = [
            {"source_actor": s, "target_actor": t, **dict(zip(SUM_COLUMNS, sums, strict=True))}
            for (s, t), sums in self._delta.items()
            if any(sums)
        ]
        self._delta = {}
        if not changed:
            return
        insert = dialect_insert(connection, edges)
        connection.execute(
            insert.on_conflict_do_update(
                index_elements=[edges.c.source_actor, edges.c.target_actor],
                set_={name: edges.c[name] + insert.excluded[name] for name in SUM_COLUMNS},
            ),
            changed,
        )
        shrunk = [row for row in changed if row["events"] < 0]
        if shrunk:
            connection.execute(
                edges.delete().where(
                    edges.c.source_actor == bindparam("s"),
                    edges.c.target_actor == bindparam("t"),
                    edges.c.events <= 0,
                ),
                [{"s": row["source_actor"], "t": row["target_actor"]} for row in shrunk],
            )


def rebuild_edges(connection: Connection) -> None:
    """Fill ``edges`` again from the events (after a bulk load that bypassed the writes)."""
    connection.execute(edges.delete())
    columns = ["source_actor", "target_actor", *SUM_COLUMNS]
    connection.execute(edges.insert().from_select(columns, edge_aggregate()))


def edge_mismatches(connection: Connection) -> int:
    """How many pairs ``edges`` and the events' aggregation disagree on (0: in step)."""
    actual = edge_aggregate().subquery()
    kept = edges.outerjoin(actual, _same_pair(actual))
    extra = select(func.count()).select_from(kept).where(actual.c.events.is_(None))
    found = actual.outerjoin(edges, _same_pair(actual))
    wrong = or_(edges.c.events.is_(None), *(edges.c[n] != actual.c[n] for n in SUM_COLUMNS))
    off = select(func.count()).select_from(found).where(wrong)
    return connection.execute(extra).scalar_one() + connection.execute(off).scalar_one()


def _same_pair(other: Any) -> Any:
    return and_(
        edges.c.source_actor == other.c.source_actor, edges.c.target_actor == other.c.target_actor
    )


def tenths(goldstein: Any) -> Any:
    """A Goldstein score in tenths, as an integer (SQL)."""
    return cast(func.round(goldstein * 10), BigInteger)


def mean_goldstein(pairs: Any) -> Any:
    """The mean Goldstein score of the events of each row of ``pairs`` (SQL)."""
    return cast(pairs.c.goldstein_tenths, Float) / (pairs.c.events * 10)
