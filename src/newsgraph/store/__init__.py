"""The store: one narrow interface over SQLite (default) and PostgreSQL.

Every write goes through :meth:`Store.write_batch`, one transaction per batch, so a
half-written batch never shows. Reads live in :mod:`newsgraph.store.queries`.
The schema is created and upgraded by Alembic migrations shipped in the package.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from newsgraph.errors import ConfigError, StoreError
from newsgraph.model import Article, Rejected
from newsgraph.store import actor_queries, event_queries, queries, quote_queries
from newsgraph.store.locking import lock_for_write
from newsgraph.store.progress import FileMark, finished_pages
from newsgraph.store.writes import Item, WriteResult, find_document, write_items

log = logging.getLogger(__name__)

__all__ = ["Store", "WriteResult", "parse_db_url"]


def parse_db_url(raw: str) -> URL:
    """Check a database URL and name the driver newsgraph uses for it."""
    try:
        url = make_url(raw)
    except ArgumentError:
        raise ConfigError(
            f"database URL {raw!r} is malformed; use sqlite:///PATH or "
            "postgresql://USER@HOST/DB (flag --db or NEWSGRAPH_DB)"
        ) from None
    backend = url.get_backend_name()
    if backend == "postgres":
        backend = "postgresql"
    if backend not in ("sqlite", "postgresql"):
        raise ConfigError(
            f"database URL {raw!r} names {backend!r}; newsgraph stores into sqlite or postgresql"
        )
    if backend == "postgresql":
        return url.set(drivername="postgresql+psycopg")
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _utc_session(dbapi_connection: Any, _record: Any) -> None:
    # Timestamps come back in the session's time zone; UTC makes them read (and export)
    # the same whatever zone the server is set to, and the same as SQLite's.
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET TIME ZONE 'UTC'")
    dbapi_connection.commit()


def _postgres_engine(url: URL) -> Engine:
    try:
        engine = create_engine(url, pool_pre_ping=True)
    except ImportError:
        raise ConfigError(
            "a postgresql:// store needs the psycopg driver: pip install 'newsgraph[postgres]'"
        ) from None
    event.listen(engine, "connect", _utc_session)
    return engine


class Store:
    """An opened, migrated store. ``Store("sqlite:///news.db")``."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = parse_db_url(url)
        self.engine: Engine = self._create_engine()
        if migrate:
            self.migrate()

    def _create_engine(self) -> Engine:
        if self.url.get_backend_name() != "sqlite":
            return _postgres_engine(self.url)
        database = self.url.database
        if database and database != ":memory:":
            parent = Path(database).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(f"cannot create database {database!r}: no folder {parent}")
        engine = create_engine(self.url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine

    # -- schema -------------------------------------------------------------------
    def _alembic_config(self, connection: Any) -> Config:
        config = Config()
        config.set_main_option("script_location", str(files("newsgraph.store") / "migrations"))
        config.attributes["connection"] = connection
        return config

    def migrate(self) -> None:
        """Bring the schema to the newest revision (idempotent). Processes opening a new
        store at once take turns under the write lock, so none trips over another's
        half-made schema."""
        try:
            with self.engine.begin() as connection:
                config = self._alembic_config(connection)
                head = ScriptDirectory.from_config(config).get_current_head()
                if MigrationContext.configure(connection).get_current_revision() == head:
                    return
                lock_for_write(connection)
                command.upgrade(config, "head")
        except OperationalError as exc:
            raise StoreError(f"cannot open store {self.url!r}: {exc.orig}") from None

    def schema_version(self) -> str | None:
        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def head_version(self) -> str | None:
        with self.engine.connect() as connection:
            return ScriptDirectory.from_config(self._alembic_config(connection)).get_current_head()

    # -- writes -------------------------------------------------------------------
    def write_batch(
        self, items: Sequence[Item], *, files: Sequence[FileMark] = ()
    ) -> list[WriteResult]:
        """Store articles (annotated or not) and rejections in one transaction, marking
        ``files`` fully stored in it too; return one result per item."""
        with self.engine.begin() as connection:
            return write_items(connection, items, files=files)

    def finished_pages(self, path: str, size: int, mtime_ns: int) -> int | None:
        """Pages of the input file ``path`` when it was fully stored as it is now (same
        size and mtime), else None: see :mod:`newsgraph.store.progress`."""
        with self.engine.connect() as connection:
            return finished_pages(connection, path, size, mtime_ns)

    def find_document(self, article: Article) -> tuple[str, bool] | None:
        """(id, annotated?) of the stored copy of ``article``, or None when it is new."""
        with self.engine.connect() as connection:
            return find_document(connection, article)

    # -- reads --------------------------------------------------------------------
    def documents(self, **filters: Any) -> list[dict[str, Any]]:
        with self.engine.connect() as connection:
            return queries.list_documents(connection, **filters)

    def document(self, doc_id: str) -> dict[str, Any]:
        with self.engine.connect() as connection:
            return queries.get_document(connection, doc_id)

    def rejections(self) -> list[dict[str, Any]]:
        with self.engine.connect() as connection:
            return queries.list_rejections(connection)

    def actors(self, **filters: Any) -> list[dict[str, Any]]:
        with self.engine.connect() as connection:
            return actor_queries.list_actors(connection, **filters)

    def actor_profile(self, name: str, *, limit: int = 20) -> dict[str, Any]:
        with self.engine.connect() as connection:
            return actor_queries.actor_profile(connection, name, limit=limit)

    def quotes(self, **filters: Any) -> list[dict[str, Any]]:
        with self.engine.connect() as connection:
            return quote_queries.list_quotes(connection, **filters)

    def events(self, **filters: Any) -> list[dict[str, Any]]:
        with self.engine.connect() as connection:
            return event_queries.list_events(connection, **filters)

    def network(self, **filters: Any) -> list[dict[str, Any]]:
        with self.engine.connect() as connection:
            return event_queries.network(connection, **filters)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as connection:
            return queries.counts(connection)

    def iter_rows(self, table: str) -> Iterator[dict[str, Any]]:
        with self.engine.connect() as connection:
            yield from queries.iter_rows(connection, table)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def write_all(store: Store, items: Iterable[Article | Rejected], *, batch_size: int) -> None:
    """Convenience for tests and scripts: write ``items`` in batches."""
    batch: list[Article | Rejected] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            store.write_batch(batch)
            batch = []
    if batch:
        store.write_batch(batch)
