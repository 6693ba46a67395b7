"""``newsgraph doctor``: is this store whole, and does this newsgraph understand it?

:func:`examine` opens a store *without* migrating it (a check must not change what it
checks) and runs read-only checks, each one :class:`Check` with a verdict and a line of
detail a user can act on:

- ``open``: the database answers (backend and server version);
- ``schema version``: the Alembic revision against the newest this code ships; behind
  means "open it with any command to upgrade", ahead or unknown is an error;
- ``sqlite integrity`` and ``sqlite foreign keys`` (SQLite): ``PRAGMA integrity_check``
  and ``PRAGMA foreign_key_check``;
- ``orphan rows``: the promises of :mod:`newsgraph.store.consistency`, which the crash
  and concurrency tests hold every ingest to: rows whose document, sentence or actor is
  gone, annotated documents without sentences, documents without a source, files marked
  stored in full without a stored page;
- ``spans in range``: offsets outside their document's text, or span text that no
  longer matches the document at its offsets (a full scan, in SQL);
- ``network edges``: the actor network's edge summary (:mod:`newsgraph.store.edges`)
  against the aggregation of the events it sums (a full scan);
- ``full-text index`` (SQLite): FTS5's own ``integrity-check`` and one index entry per
  document. PostgreSQL's search column is generated, so it cannot drift.

Tables and columns are taken from :mod:`newsgraph.store.schema` and kept only when the
database has them, so a store a few migrations behind is still examined.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Table, and_, func, inspect, or_, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from newsgraph.errors import StoreError
from newsgraph.store import Store, parse_db_url
from newsgraph.store.consistency import SAMPLE, count_and_sample, problems
from newsgraph.store.edges import edge_mismatches
from newsgraph.store.schema import documents, edges, metadata


@dataclass(frozen=True, slots=True)
class Check:
    """One check's verdict: ``ok`` and a one-line ``detail``."""

    name: str
    ok: bool
    detail: str


def examine(url: str) -> list[Check]:
    """Every check on the store at ``url``. Raises :class:`StoreError` when the store
    cannot be opened at all (no such file, not a database, server unreachable); a check
    whose own query fails (damage found mid-scan) is a failed check, not an exception."""
    _refuse_missing_sqlite_file(url)
    store = Store(url, migrate=False)
    try:
        with store.engine.connect() as connection:
            checks = [_open_check(connection)]
            tables = set(inspect(connection).get_table_names())
            checks.append(_guarded(connection, "schema version", _schema_check))
            if connection.dialect.name == "sqlite":
                checks.append(_guarded(connection, "sqlite integrity", _sqlite_integrity))
                checks.append(_guarded(connection, "sqlite foreign keys", _sqlite_foreign_keys))
            if documents.name in tables:
                for name, check in _DATA_CHECKS:
                    checks.append(_guarded(connection, name, check, tables))
            return checks
    except DBAPIError as exc:  # no connection, or the schema could not be listed
        raise StoreError(f"cannot open store {store.url!r}: {_first_line(exc.orig)}") from None
    finally:
        store.close()


def _guarded(connection: Connection, name: str, check: Callable[..., Check], *args) -> Check:
    try:
        return check(connection, *args)
    except DBAPIError as exc:
        connection.rollback()  # PostgreSQL refuses more queries in a failed transaction
        return Check(name, False, f"the check's query failed: {_first_line(exc.orig)}")


def _refuse_missing_sqlite_file(url: str) -> None:
    """Opening a missing SQLite file would create an empty one: say so instead."""
    parsed = parse_db_url(url)
    database = parsed.database
    if parsed.get_backend_name() == "sqlite" and database and database != ":memory:":
        if not Path(database).expanduser().is_file():
            raise StoreError(f"no store at {database}: the file does not exist")


def _open_check(connection: Connection) -> Check:
    dialect = connection.dialect
    version = ".".join(map(str, dialect.server_version_info or ()))
    return Check("open", True, f"{dialect.name} {version}".strip())


# -- schema -------------------------------------------------------------------------------


def _schema_check(connection: Connection) -> Check:
    script = ScriptDirectory(str(files("newsgraph.store") / "migrations"))
    head = script.get_current_head()
    current = MigrationContext.configure(connection).get_current_revision()
    name = "schema version"
    if current is None:
        return Check(name, False, f"no schema revision: not a newsgraph store (expected {head})")
    if current == head:
        return Check(name, True, f"{current} (newest)")
    try:
        older = {rev.revision for rev in script.iterate_revisions(head, "base")}
    except CommandError:
        older = set()
    if current in older:
        return Check(
            name,
            False,
            f"{current} is behind {head}: any command that opens the store upgrades it, "
            "e.g. `newsgraph ingest` or `newsgraph docs --limit 1`",
        )
    return Check(
        name,
        False,
        f"{current!r} is unknown to this newsgraph (newest {head}): the store was written "
        "by a newer newsgraph or altered by hand; do not write to it with this version",
    )


# -- SQLite's own checks ------------------------------------------------------------------


def _sqlite_integrity(connection: Connection) -> Check:
    rows = connection.exec_driver_sql("PRAGMA integrity_check")
    lines = [" ".join(str(row[0]).split()) for row in rows]
    if lines == ["ok"]:
        return Check("sqlite integrity", True, "PRAGMA integrity_check: ok")
    shown = "; ".join(lines[:SAMPLE])
    return Check("sqlite integrity", False, f"{len(lines)} problem(s): {shown}")


def _sqlite_foreign_keys(connection: Connection) -> Check:
    rows = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    if not rows:
        return Check("sqlite foreign keys", True, "PRAGMA foreign_key_check: no violations")
    shown = ", ".join(
        f"{table} row {rowid} -> {parent}" for table, rowid, parent, _ in rows[:SAMPLE]
    )
    return Check("sqlite foreign keys", False, f"{len(rows)} violation(s): {shown}")


# -- rows that point nowhere ----------------------------------------------------------------


def _doc_tables(tables: set[str], *columns: str) -> list[Table]:
    """Per-document tables of the schema that exist and have ``doc_id`` and ``columns``."""
    return [
        table
        for table in metadata.sorted_tables
        if table.name in tables
        and table is not documents
        and all(name in table.c for name in ("doc_id", *columns))
    ]


def _orphans(connection: Connection, tables: set[str]) -> Check:
    found = problems(connection, tables)
    if found:
        return Check("orphan rows", False, "; ".join(found))
    return Check("orphan rows", True, "every row's document, sentence, actor and source exists")


def _spans(connection: Connection, tables: set[str]) -> Check:
    found: list[str] = []
    checked = 0
    for table in _doc_tables(tables, "start", "end"):
        checked += 1
        joined = table.join(documents, documents.c.id == table.c.doc_id)
        outside = or_(
            table.c.start < 0,
            table.c.end < table.c.start,
            table.c.end > func.length(documents.c.text),
        )
        found += count_and_sample(connection, joined, outside, f"{table.name} out of range")
        if "text" in table.c:
            length = table.c.end - table.c.start
            moved = and_(
                ~outside, func.substr(documents.c.text, table.c.start + 1, length) != table.c.text
            )
            found += count_and_sample(connection, joined, moved, f"{table.name} text mismatch")
    if found:
        return Check("spans in range", False, "; ".join(found))
    return Check("spans in range", True, f"every span of {checked} tables lies in its document")


# -- full-text search ---------------------------------------------------------------------


def _full_text(connection: Connection, tables: set[str]) -> Check:
    name = "full-text index"
    if connection.dialect.name != "sqlite":
        return Check(name, True, "search is a generated tsvector column: always in step")
    if "documents_fts" not in tables:
        return Check(name, False, "documents_fts is missing: search cannot work")
    try:  # a command written as an INSERT; it changes nothing, and is rolled back anyway
        connection.exec_driver_sql(
            "INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')"
        )
    except SQLAlchemyError as exc:
        return Check(name, False, f"FTS5 integrity-check failed: {_first_line(exc.orig)}")
    finally:
        connection.rollback()
    indexed = connection.exec_driver_sql("SELECT count(*) FROM documents_fts_docsize").scalar()
    stored = connection.execute(select(func.count()).select_from(documents)).scalar_one()
    if indexed != stored:
        return Check(name, False, f"{indexed} documents indexed, {stored} stored")
    return Check(name, True, f"FTS5 integrity-check ok, {stored} documents indexed")


def _edges(connection: Connection, tables: set[str]) -> Check:
    name = "network edges"
    if edges.name not in tables:
        return Check(name, True, "no edge summary yet (the next migration builds it)")
    wrong = edge_mismatches(connection)
    if wrong:
        return Check(name, False, f"{wrong} actor pair(s) differ from their events")
    return Check(name, True, "the edge summary matches the events")


_DATA_CHECKS = (
    ("orphan rows", _orphans),
    ("network edges", _edges),
    ("spans in range", _spans),
    ("full-text index", _full_text),
)


def _first_line(exc: object) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
