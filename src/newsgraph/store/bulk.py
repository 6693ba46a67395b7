"""Many-row INSERTs at the driver's speed, and IN (...) lists of any length.

``connection.execute(insert, rows)`` runs one DB-API ``executemany``, but SQLAlchemy
first builds every row's parameters through the statement's compiler: on a batch of 50
articles (~6,500 annotation rows) that cost more CPU than SQLite spent storing the rows.
:func:`insert_rows` compiles the statement once per table, dialect and set of columns,
and hands the driver the same SQL and the same values: each column type's bind
processor (a float cast, JSON, UTC timestamps) is applied here as SQLAlchemy would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Dialect, Table

from newsgraph.store.sql import dialect_insert

# Per kind of dialect, table and columns: the SQL, its parameter names in order and the
# bind processor of each (None where the value goes as it is); None: leave it to
# SQLAlchemy. A few entries per table, whatever the number of stores opened.
_Plan = tuple[str, tuple[str, ...], tuple[Callable[[Any], Any] | None, ...]] | None
_plans: dict[tuple[type, str, Table, tuple[str, ...]], _Plan] = {}


IN_CHUNK = 500  # values per IN (...) list, well under SQLite's parameter limit


def in_chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    """``values`` in slices short enough for one IN (...) list each."""
    for start in range(0, len(values), IN_CHUNK):
        yield values[start : start + IN_CHUNK]


def insert_rows(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT ... ON CONFLICT DO NOTHING each of ``rows`` (dicts with the same keys, the
    table's column names) into ``table``, as one ``executemany``, in order."""
    if not rows:
        return
    statement = dialect_insert(connection, table).on_conflict_do_nothing()
    keys = tuple(rows[0])
    cache_key = (type(connection.dialect), connection.dialect.paramstyle, table, keys)
    if cache_key not in _plans:
        _plans[cache_key] = _plan(connection.dialect, statement, keys)
    plan = _plans[cache_key]
    if plan is None:
        connection.execute(statement, rows)
        return
    sql, names, processors = plan
    params: list[Any]
    if connection.dialect.positional:
        values = itemgetter(*names)
        processed = [(i, p) for i, p in enumerate(processors) if p is not None]
        params = [_processed(values(row), processed) for row in rows]
    elif any(processors):
        columns = list(zip(names, processors, strict=True))
        params = [{n: row[n] if p is None else p(row[n]) for n, p in columns} for row in rows]
    else:
        params = list(rows)
    connection.exec_driver_sql(sql, params)


def _processed(values: tuple[Any, ...], processed: list[tuple[int, Callable]]) -> tuple:
    if not processed:
        return values
    listed = list(values)
    for i, process in processed:
        listed[i] = process(listed[i])
    return tuple(listed)


def _plan(dialect: Dialect, statement: Any, keys: tuple[str, ...]) -> _Plan:
    compiled = statement.compile(dialect=dialect, column_keys=list(keys))
    names = tuple(compiled.positiontup if compiled.positional else compiled.binds)
    if len(names) < 2 or sorted(names) != sorted(keys):  # not a plain insert of columns
        return None
    processors = tuple(
        compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names
    )
    return compiled.string, names, processors
