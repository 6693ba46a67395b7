"""One writer at a time, across processes.

Two ingests may write to one store at once (and readers may read all along). Each write
transaction first looks a document up (by canonical URL, else body fingerprint) or an
actor (by key, else by a fuzzy name match) and then inserts it; if two writers did that
interleaved, both could miss the other's row and store the same article or person twice
under different keys. So every write transaction starts by taking the store's write lock,
and holds it until it commits or rolls back:

- SQLite: ``BEGIN IMMEDIATE`` (the reserved lock; a second writer waits in SQLite's busy
  handler, ``busy_timeout``). Readers are not blocked: the store runs in WAL mode.
- PostgreSQL: a transaction-scoped advisory lock, released at commit or rollback.

Transactions are short (the NLP runs before them), so waiting is brief.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

# The advisory lock every newsgraph writer takes on PostgreSQL ("news" in ASCII).
PG_WRITE_LOCK = 0x6E657773


def lock_for_write(connection: Connection) -> None:
    """Make the transaction on ``connection`` the store's only writer until it ends.

    Call it first thing in the transaction. On SQLite it is a no-op when the DB-API
    connection already holds a transaction (it would have the lock once it has written).
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_WRITE_LOCK})
        return
    dbapi_connection = connection.connection.dbapi_connection
    if not getattr(dbapi_connection, "in_transaction", True):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
