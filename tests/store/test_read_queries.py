"""The reads reshaped for speed at a million events (issue 8) answer exactly as the plain
SQL they replaced, on SQLite and PostgreSQL: an actor's timeline (each event once,
however many of the actors it has), co-occurring actors and newest mentions, an actor's
newest events, and search newest first with undated documents last. Also: migration
0009's PostgreSQL indexes, and search never planned as a sequential scan there.

The store is filled with seeded random rows that have what the orders and counts must
get right: undated documents and events, events without a source or target, events
between two of the actors asked about, non-fact events, ties on a day."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import inspect, text

from newsgraph.store import Store, actor_queries
from newsgraph.store.doc_queries import document_page
from newsgraph.store.queries import list_documents
from newsgraph.store.schema import actors, documents, events, mentions, metadata, sentences
from newsgraph.store.sql import without_seq_scans
from newsgraph.store.timeline_queries import actor_view, timeline

NOW = datetime(2026, 11, 25, tzinfo=UTC)
DAYS = [None, "2025-01-01", "2025-01-02", "2025-01-03", "2025-02-10", "2025-03-01"]
WORDS = "ceasefire border rain harvest market bridge".split()
ACTORS = [f"a{i:02d}" for i in range(12)]


@pytest.fixture
def db_url(backend_url: str) -> str:
    return backend_url


@pytest.fixture
def filled(store: Store) -> Store:
    rng = random.Random(9)
    docs, sents, ments, evts = [], [], [], []
    for d in range(40):
        doc_id = f"d{d:03d}"
        body = " ".join(rng.choices(WORDS, k=12)) + "."
        docs.append(
            {"id": doc_id, "title": "t", "authors": [], "text": body, "source_path": doc_id,
             "source_format": "html", "content_sha256": doc_id, "ingested_at": NOW,
             "published": rng.choice(DAYS)}
        )  # fmt: skip
        sents.append({"doc_id": doc_id, "idx": 0, "start": 0, "end": len(body)})
        # Skewed: a00 is in most documents, several times in some.
        for i, a in enumerate(rng.choices(range(len(ACTORS)), [12 - r for r in range(12)], k=5)):
            ments.append(
                {"doc_id": doc_id, "start": i * 2, "end": i * 2 + 1, "actor_id": ACTORS[a],
                 "text": "x", "kind": "name", "sentence": 0}
            )  # fmt: skip
        for i in range(6):
            evts.append(
                {"doc_id": doc_id, "idx": i, "sentence": 0, "start": i, "end": i + 1,
                 "source_actor": rng.choice([None, *ACTORS[:5]]),
                 "target_actor": rng.choice([None, *ACTORS[:5]]),
                 "cameo": "042", "root": "04", "quad_class": 1, "goldstein": 1.0,
                 "status": rng.choice(["fact", "fact", "negated"]), "date": rng.choice(DAYS)}
            )  # fmt: skip
    with store.engine.begin() as connection:
        connection.execute(
            actors.insert(),
            [{"id": a, "key": a, "name": f"Actor {a}", "type": "org", "aliases": [], "block": a}
             for a in ACTORS],
        )  # fmt: skip
        for table, rows in ((documents, docs), (sentences, sents), (mentions, ments)):
            connection.execute(table.insert(), rows)
        connection.execute(events.insert(), evts)
    return store


# --- the plain SQL each read replaced -------------------------------------------------

TIMELINE = """
SELECT date, count(*) FROM events
WHERE status = 'fact' AND (source_actor IN ({ids}) OR target_actor IN ({ids}))
  AND date IS NOT NULL {range}
GROUP BY date ORDER BY date
"""
NEWEST_DOCUMENTS = """
SELECT id FROM documents
WHERE id IN (SELECT doc_id FROM mentions WHERE actor_id = :actor)
ORDER BY published DESC NULLS LAST, id LIMIT :n
"""
CO_OCCURRING = f"""
SELECT actor_id, count(DISTINCT doc_id) AS shared FROM mentions
WHERE doc_id IN ({NEWEST_DOCUMENTS}) AND actor_id != :actor
GROUP BY actor_id ORDER BY shared DESC, actor_id LIMIT :limit
"""
NEWEST_EVENTS = """
SELECT doc_id, idx FROM events WHERE {side} = :actor AND status = 'fact'
ORDER BY date DESC NULLS LAST, doc_id, idx LIMIT :limit
"""


def rows(store: Store, sql: str, **params) -> list[tuple]:
    with store.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql), params)]


@pytest.mark.parametrize(
    ("ids", "since", "until"),
    [
        (["a00"], None, None),
        (["a00", "a01", "a02"], None, None),  # events between two of them count once
        (["a03", "a01"], "2025-01-02", "2025-02-10"),
        (["a11"], None, None),  # never in an event
    ],
)
def test_timeline_counts_each_fact_event_once(filled: Store, ids, since, until) -> None:
    marks = ", ".join(f"'{i}'" for i in ids)
    bounds = (f"AND date >= '{since}' " if since else "") + (
        f"AND date <= '{until}'" if until else ""
    )
    expected = rows(filled, TIMELINE.format(ids=marks, range=bounds))
    with filled.engine.connect() as connection:
        days = timeline(connection, ids, since=since, until=until)
    assert [(d["date"], d["events"]) for d in days] == expected
    if ids == ["a00"]:
        assert sum(n for _, n in expected) > 20  # the data exercise the count


@pytest.mark.parametrize("walk", [0, 10**9])  # both ways of finding newest documents
def test_profile_and_co_occurring_as_plain_sql(filled: Store, monkeypatch, walk) -> None:
    monkeypatch.setattr(actor_queries, "_WALK_FACTOR", walk)
    # Fewer than a00's documents, so the cut matters.
    monkeypatch.setattr(actor_queries, "CO_OCCURRING_DOCUMENTS", 7)
    for actor in ("a00", "a05"):
        profile = filled.actor_profile(actor, limit=4)
        newest = [r[0] for r in rows(filled, NEWEST_DOCUMENTS, actor=actor, n=4)]
        assert (
            list(dict.fromkeys(m["doc_id"] for m in profile["mentions"]))
            == newest[: len({m["doc_id"] for m in profile["mentions"]})]
        )
        shared = rows(filled, CO_OCCURRING, actor=actor, n=7, limit=4)
        assert [(c["id"], c["documents"]) for c in profile["co_occurring"]] == shared
        with filled.engine.connect() as connection:
            view = actor_view(connection, actor, limit=4)
        assert [(c["id"], c["count"]) for c in view["co_occurring"]] == shared
    assert len(rows(filled, NEWEST_DOCUMENTS, actor="a00", n=100)) > 7
    with filled.engine.connect() as connection:
        assert actor_queries.co_occurring(connection, "a00", newest=[]) == []


def test_profile_mentions_are_the_newest(filled: Store) -> None:
    profile = filled.actor_profile("a00", limit=6)
    expected = rows(
        filled,
        "SELECT m.doc_id, m.start FROM mentions m JOIN documents d ON d.id = m.doc_id "
        "WHERE m.actor_id = 'a00' ORDER BY d.published DESC NULLS LAST, m.doc_id, m.start "
        "LIMIT 6",
    )
    assert [(m["doc_id"], m["start"]) for m in profile["mentions"]] == expected


def test_newest_events_of_an_actor_come_undated_last(filled: Store) -> None:
    with filled.engine.connect() as connection:
        view = actor_view(connection, "a01", limit=15)
    for side in ("source", "target"):
        expected = rows(filled, NEWEST_EVENTS.format(side=f"{side}_actor"), actor="a01", limit=15)
        assert [tuple(e["id"].split("-")) for e in view[f"events_as_{side}"]] == [
            (doc, str(idx)) for doc, idx in expected
        ]


def test_search_lists_newest_first_undated_last_with_its_total(filled: Store) -> None:
    texts = dict(rows(filled, "SELECT id, text FROM documents"))
    published = dict(rows(filled, "SELECT id, published FROM documents"))
    matching = [i for i, t in texts.items() if {"ceasefire", "rain"} <= set(re.findall(r"\w+", t))]
    expected = sorted(matching, key=lambda i: (published[i] is None, _desc(published[i]), i))
    assert None in {published[i] for i in matching}  # undated ones are among them
    found = [d["id"] for d in filled.documents(search="ceasefire rain", limit=100)]
    assert found == expected
    with filled.engine.begin() as connection:
        page = document_page(connection, search="rain ceasefire", limit=3, offset=2)
        assert [d["id"] for d in page["items"]] == expected[2:5]
        assert page["total"] == len(expected)
        second = list_documents(connection, search="ceasefire rain", limit=3, offset=3)
        assert [d["id"] for d in second] == expected[3:6]


def _desc(day: str | None) -> tuple:
    return tuple(-ord(c) for c in day or "")


def test_search_is_planned_on_the_full_text_index_and_the_setting_put_back(
    pg_db_url: str,
) -> None:
    with Store(pg_db_url) as store, store.engine.begin() as connection:
        count = (
            "EXPLAIN SELECT count(*) FROM documents "
            "WHERE search @@ phraseto_tsquery('english', 'rain')"
        )
        setting = "SELECT current_setting('enable_seqscan')"
        assert connection.execute(text(setting)).scalar_one() == "on"
        # Empty table: left alone, the planner reads it sequentially.
        assert "Seq Scan" in "\n".join(connection.execute(text(count)).scalars())
        with without_seq_scans(connection):
            plan = "\n".join(connection.execute(text(count)).scalars())
        assert "ix_documents_search" in plan and "Seq Scan" not in plan
        assert connection.execute(text(setting)).scalar_one() == "on"


def test_without_seq_scans_leaves_sqlite_alone(tmp_path) -> None:
    with Store(f"sqlite:///{tmp_path / 's.db'}") as store, store.engine.connect() as connection:
        with without_seq_scans(connection):
            assert connection.execute(text("SELECT 1")).scalar_one() == 1


def _indexes(store: Store) -> dict[str, str]:
    """Index name -> its columns with their order, over every table."""
    inspector = inspect(store.engine)
    found = {}
    for table in metadata.tables:
        for index in inspector.get_indexes(table):
            if index.get("duplicates_constraint"):
                continue  # a UNIQUE constraint's own index
            sorting = index.get("column_sorting", {})
            found[index["name"]] = ", ".join(
                " ".join([str(c), *sorting.get(c, ())]) for c in index["column_names"]
            )
    return found


def test_schema_declares_the_indexes_the_migrations_build(store: Store) -> None:
    """Bulk loads (bench/query_latency.py) drop and rebuild the declared indexes, so
    the declarations must be what the migrations make, on each backend."""
    dialect = store.engine.dialect.name
    declared = {
        index.name
        for table in metadata.tables.values()
        for index in table.indexes
        if index._ddl_if is None or index._ddl_if.dialect == dialect
    }
    built = _indexes(store)
    built.pop("ix_documents_search", None)  # PostgreSQL's full-text index (migration 0001)
    assert set(built) == declared
    if dialect == "postgresql":
        assert built["ix_documents_newest"] == "published desc nulls_last, id"
        assert "date desc nulls_last" in built["ix_events_source_edge"]
        assert "date desc nulls_last" in built["ix_events_target_edge"]


def test_migration_0009_goes_down_and_up(store: Store) -> None:
    after = _indexes(store)
    with store.engine.begin() as connection:
        command.downgrade(store._alembic_config(connection), "0008")
    before = _indexes(store)
    if store.engine.dialect.name == "postgresql":
        assert "ix_documents_newest" not in before
        assert before["ix_events_source_edge"] == (
            "source_actor, status, date, target_actor, quad_class, goldstein"
        )
    else:
        assert before == after  # SQLite's schema does not change
    store.migrate()
    assert _indexes(store) == after
