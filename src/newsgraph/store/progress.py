"""Which input files an ingest has fully stored, so that a re-run skips them unread.

A file is marked in the transaction that stores its last page (or a later one), and only
when none of its pages was rejected; the mark keeps the file's size and modification time,
so a file changed since is read again. Writes stay idempotent without the marks: they only
make a resumed ingest fast (an interrupted run re-reads just the files it had not
finished).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, bindparam, select

from newsgraph.store.schema import ingested_files
from newsgraph.store.sql import dialect_insert


@dataclass(frozen=True, slots=True)
class FileMark:
    """An input file as it was when read: its path as given, size, mtime and how many
    pages it held (a re-run counts them as already stored)."""

    path: str
    size: int
    mtime_ns: int
    pages: int


def mark_files(connection: Connection, marks: Sequence[FileMark], now: datetime) -> None:
    """Record ``marks`` as fully stored (replacing older marks of the same paths)."""
    if not marks:
        return
    statement = dialect_insert(connection, ingested_files)
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=[ingested_files.c.path],
            set_={
                name: statement.excluded[name]
                for name in ("size", "mtime_ns", "pages", "ingested_at")
            },
        ),
        [
            {
                "path": m.path,
                "size": m.size,
                "mtime_ns": m.mtime_ns,
                "pages": m.pages,
                "ingested_at": now,
            }
            for m in marks
        ],
    )


# Built once: a statement object keeps its SQLAlchemy cache key, so the lookup made
# for every input file skips building and compiling it again.
_FINISHED = select(ingested_files.c.pages).where(
    ingested_files.c.path == bindparam("path"),
    ingested_files.c.size == bindparam("size"),
    ingested_files.c.mtime_ns == bindparam("mtime_ns"),
)


def finished_pages(connection: Connection, path: str, size: int, mtime_ns: int) -> int | None:
    """How many pages the file at ``path`` held when it was fully stored, or None when it
    was not, or has changed since (another size or modification time)."""
    params = {"path": path, "size": size, "mtime_ns": mtime_ns}
    row = connection.execute(_FINISHED, params).first()
    return None if row is None else row.pages
