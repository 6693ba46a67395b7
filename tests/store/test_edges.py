"""The actor network's edge summary (``edges``, kept by the writes) answers exactly as the
aggregation of the events it replaced: after ingesting the sample corpus, and after a
document is annotated again with fewer, different or the same events. On SQLite and
PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from alembic import command
from sqlalchemy import inspect, select, text, update

from corpus import CORPUS
from newsgraph.model import AnnotatedArticle
from newsgraph.options import Options
from newsgraph.pipeline import annotate, articles
from newsgraph.store import Store
from newsgraph.store.doctor import examine
from newsgraph.store.edges import edge_mismatches, rebuild_edges
from newsgraph.store.schema import documents, edges
from newsgraph.store.writes import Item

ALL = 100_000  # a limit above any count in the corpus

# The network as it was computed before the edge summary (issue 8), written out in SQL
# so the test does not share the code it checks.
AGGREGATED = """
SELECT top.source, s.name AS source_name, s.code AS source_code,
       top.target, t.name AS target_name, t.code AS target_code,
       top.events, top.mean_goldstein, top.cooperation, top.conflict
FROM (
    SELECT source_actor AS source, target_actor AS target, count(*) AS events,
           avg(goldstein) AS mean_goldstein,
           sum(CASE WHEN quad_class <= 2 THEN 1 ELSE 0 END) AS cooperation,
           sum(CASE WHEN quad_class >= 3 THEN 1 ELSE 0 END) AS conflict
    FROM events
    WHERE status = 'fact' AND source_actor != target_actor
      {about}
    GROUP BY source_actor, target_actor
    ORDER BY events DESC, source_actor, target_actor
    LIMIT :limit
) AS top
JOIN actors s ON s.id = top.source
JOIN actors t ON t.id = top.target
ORDER BY top.events DESC, top.source, top.target
"""


@pytest.fixture(scope="module")
def corpus_items() -> list[Item]:
    """The sample corpus read and annotated once (no store needed for that)."""
    options = Options.from_env(environ={})
    return annotate(list(articles([CORPUS], options=options)), options=options)


@pytest.fixture
def db_url(backend_url: str) -> str:
    return backend_url


@pytest.fixture
def filled(store: Store, corpus_items: list[Item]) -> Store:
    store.write_batch(corpus_items)
    return store


def aggregated(store: Store, actor: str | None = None, limit: int = ALL) -> list[dict]:
    with store.engine.connect() as connection:
        about = "AND (source_actor = :actor OR target_actor = :actor)" if actor else ""
        statement = text(AGGREGATED.format(about=about))
        rows = connection.execute(statement, {"actor": actor, "limit": limit})
        return [row._asdict() for row in rows]


def assert_same_network(found: list[dict], expected: list[dict]) -> None:
    def exact(rows: list[dict]) -> list[dict]:
        return [{k: v for k, v in row.items() if k != "mean_goldstein"} for row in rows]

    assert exact(found) == exact(expected)
    means = [row["mean_goldstein"] for row in found]
    assert means == pytest.approx([row["mean_goldstein"] for row in expected], rel=1e-12)


def assert_in_step(store: Store) -> None:
    """Every network answer the edges give equals the events' aggregation."""
    whole = aggregated(store)
    assert_same_network(store.network(limit=ALL), whole)
    assert_same_network(store.network(), aggregated(store, limit=200))
    assert_same_network(store.network(limit=3), aggregated(store, limit=3))
    for actor in {row["source"] for row in whole[:5]} | {row["target"] for row in whole[:5]}:
        assert_same_network(store.network(actor=actor, limit=ALL), aggregated(store, actor))
    with store.engine.connect() as connection:
        assert edge_mismatches(connection) == 0


def edge_rows(store: Store) -> dict[tuple, tuple]:
    with store.engine.connect() as connection:
        rows = connection.execute(select(edges))
        return {
            (r.source_actor, r.target_actor): (r.events, r.cooperation, r.conflict) for r in rows
        }


def busiest(items: list[Item]) -> AnnotatedArticle:
    """The annotated article with the most fact events between two actors."""
    annotated = [item for item in items if isinstance(item, AnnotatedArticle)]

    def facts(item: AnnotatedArticle) -> int:
        return sum(
            e.status == "fact" and e.source_key is not None and e.target_key is not None
            for e in item.annotations.events
        )

    return max(annotated, key=facts)


def reannotate(store: Store, item: AnnotatedArticle, **changes: Any) -> None:
    """Store ``item`` again with ``changes`` to its annotations, as a re-annotation does:
    the document is known but not annotated, so its annotation rows are replaced."""
    with store.engine.begin() as connection:
        connection.execute(update(documents).values(annotated_at=None))
    annotations = replace(item.annotations, **changes)
    [result] = store.write_batch([AnnotatedArticle(item.article, annotations)])
    assert result.status == "unchanged"


def test_corpus_network_from_edges_equals_the_events_aggregation(filled: Store) -> None:
    whole = aggregated(filled)
    assert len(whole) >= 5  # the corpus has a network worth comparing
    assert_in_step(filled)


def test_reannotated_document_moves_the_edges_with_it(
    filled: Store, corpus_items: list[Item]
) -> None:
    item = busiest(corpus_items)
    before = edge_rows(filled)

    reannotate(filled, item, events=())
    emptied = edge_rows(filled)
    assert sum(n for n, _, _ in emptied.values()) < sum(n for n, _, _ in before.values())
    assert set(emptied) < set(before)  # pairs only this document had are gone
    assert_in_step(filled)

    events = item.annotations.events
    changed = tuple(
        replace(e, source_key=e.target_key, target_key=e.source_key)
        if i % 2
        else replace(e, status="fact" if e.status != "fact" else "hedged")
        for i, e in enumerate(events)
    )
    reannotate(filled, item, events=changed)
    assert_in_step(filled)

    reannotate(filled, item, events=events)
    assert edge_rows(filled) == before
    assert_in_step(filled)


def test_rebuild_gives_back_the_edges_the_writes_kept(filled: Store) -> None:
    kept = edge_rows(filled)
    with filled.engine.begin() as connection:
        rebuild_edges(connection)
    assert edge_rows(filled) == kept
    assert_in_step(filled)


def test_migration_fills_the_edges_of_a_store_that_had_events(filled: Store) -> None:
    kept = edge_rows(filled)
    with filled.engine.begin() as connection:
        command.downgrade(filled._alembic_config(connection), "0007")
    assert "edges" not in inspect(filled.engine).get_table_names()
    filled.migrate()
    assert edge_rows(filled) == kept
    assert_in_step(filled)


def test_doctor_reports_edges_out_of_step_with_events(filled: Store) -> None:
    checks = {check.name: check for check in examine(filled.url.render_as_string(False))}
    assert checks["network edges"].ok, checks["network edges"].detail
    with filled.engine.begin() as connection:
        pair = connection.execute(select(edges.c.source_actor, edges.c.target_actor)).first()
        connection.execute(
            update(edges)
            .where(edges.c.source_actor == pair[0], edges.c.target_actor == pair[1])
            .values(events=edges.c.events + 1)
        )
    checks = {check.name: check for check in examine(filled.url.render_as_string(False))}
    assert not checks["network edges"].ok
    assert "1 actor pair" in checks["network edges"].detail
