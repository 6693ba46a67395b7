"""SQL helpers shared by the writers, so SQLite and PostgreSQL share every caller."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    DateTime,
    Dialect,
    Table,
    TypeDecorator,
    func,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite


def dialect_insert(connection: Connection, table: Table) -> Any:
    """An INSERT that knows ON CONFLICT on both backends."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(table)


class UTCDateTime(TypeDecorator):
    """A timestamp that goes in and comes out as an aware datetime in UTC on both
    backends. SQLite keeps no zone (it returned naive datetimes, and dropped the offset
    of a non-UTC one); PostgreSQL answers in the session's zone. Naive input is UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None or value.tzinfo is None:
            return value
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def contains_text(column: Any, text: str) -> Any:
    """Case-insensitive "``column`` contains ``text``", with ``%``, ``_`` and the escape
    character taken literally (user text is words, not LIKE patterns)."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return func.lower(column).like(f"%{escaped}%", escape="\\")


@contextmanager
def without_seq_scans(connection: Connection) -> Iterator[None]:
    """PostgreSQL: plan the statements run inside without a sequential scan of a table
    an index can serve (the setting is put back after them; a no-op on SQLite).

    For a full-text search: PostgreSQL's planner does not count what reading a document's
    tsvector costs. Past ~2 kB a row's long values are TOASTed (compressed, stored
    apart), so a sequential scan fetches and decompresses every document's vector: for
    words in a third of 50,000 documents it rated that scan as cheap as the GIN index
    and chose it (195 ms against 21). The GIN index can serve every search."""
    if connection.dialect.name != "postgresql":
        yield
        return
    # Local to the transaction: a failed statement's rollback also puts it back.
    previous = connection.execute(
        text("SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', 'off', true)")
    ).scalar_one()
    yield
    connection.execute(text("SELECT set_config('enable_seqscan', :v, true)"), {"v": previous})
