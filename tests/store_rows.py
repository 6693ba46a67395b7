"""Helpers for the resume, crash and concurrency tests: a store's rows to compare with
another's, and every consistency check a stopped or raced ingest must pass."""

from __future__ import annotations

from sqlalchemy import select, text

from newsgraph.store import Store
from newsgraph.store.consistency import problems
from newsgraph.store.schema import metadata

# When a row was written (and how often a bad file was tried) differs from run to run.
VOLATILE = {"ingested_at", "annotated_at", "last_seen", "attempts"}


def stored_rows(url: str) -> dict[str, list[str]]:
    """Every row of every table, without the volatile columns, sorted: equal for two
    stores that hold the same things."""
    with Store(url, migrate=False) as store, store.engine.connect() as connection:
        dump = {}
        for table in metadata.sorted_tables:
            columns = [c for c in table.columns if c.name not in VOLATILE]
            dump[table.name] = sorted(map(repr, connection.execute(select(*columns))))
        return dump


def row_counts(url: str) -> dict[str, int]:
    return {table: len(rows) for table, rows in stored_rows(url).items()}


def assert_consistent(url: str) -> None:
    """The store opens (migrating it, as every command does), SQLite finds it whole, and
    the pipeline's promises hold."""
    with Store(url) as store, store.engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            assert connection.execute(text("PRAGMA integrity_check")).scalars().all() == ["ok"]
        assert problems(connection) == []
