"""Reads over the store: listing, search, one document, export iteration."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from sqlalchemy import Connection, Select, exists, false, func, select, text

from newsgraph.errors import NotFound
from newsgraph.store.actor_queries import find_actor
from newsgraph.store.event_queries import counts_select, events_select
from newsgraph.store.quote_queries import quotes_select, sentence_text
from newsgraph.store.schema import (
    document_sources,
    documents,
    mentions,
    metadata,
    rejections,
    sentences,
)
from newsgraph.store.sql import without_seq_scans

_LIST_COLUMNS = (
    documents.c.id,
    documents.c.title,
    documents.c.site,
    documents.c.published,
    documents.c.authors,
    documents.c.url,
    documents.c.canonical_url,
    documents.c.source_format,
)


def search_terms(search: str) -> list[tuple[str, bool]]:
    """User words to (words, prefix?) terms, the one reading of a query both backends
    share: every term must occur; a "quoted phrase" stays one term; ``word*`` matches
    words that start with ``word``. Only word characters pass, so no character either
    backend treats as syntax (AND, OR, NOT, NEAR, -, ^, :) ever reaches it."""
    terms = [(" ".join(re.findall(r"\w+", p)), False) for p in re.findall(r'"([^"]+)"', search)]
    rest = re.sub(r'"[^"]*"', " ", search)
    terms += [(word, star == "*") for word, star in re.findall(r"(\w+)(\*?)", rest)]
    return [(words, prefix) for words, prefix in terms if words]


def fts5_query(search: str) -> str:
    """The terms as an FTS5 MATCH string: ``"a phrase" "word" "pre"*``."""
    return " ".join(
        f'"{words}"' + ("*" if prefix else "") for words, prefix in search_terms(search)
    )


def tsquery_clause(search: str) -> Any:
    """The terms as a PostgreSQL tsquery over the ``documents.search`` tsvector: one
    ``phraseto_tsquery`` per term (a phrase, or a single word), ``to_tsquery('w:*')``
    for a prefix, joined with ``&&``. Words are stemmed as in the index ('english')."""
    parts, params = [], {}
    for i, (words, prefix) in enumerate(search_terms(search)):
        function = "to_tsquery" if prefix else "phraseto_tsquery"
        parts.append(f"{function}('english', :q{i})")
        params[f"q{i}"] = f"{words}:*" if prefix else words
    if not parts:
        return None
    return text(f"documents.search @@ ({' && '.join(parts)})").bindparams(**params)


def _search_filter(connection: Connection, statement: Select, search: str) -> Select:
    if connection.dialect.name == "postgresql":
        clause = tsquery_clause(search)
        return statement.where(clause if clause is not None else false())
    match = fts5_query(search)
    if not match:
        return statement.where(false())
    clause = text(
        "documents.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q)"
    )
    return statement.where(clause.bindparams(q=match))


def documents_query(
    connection: Connection,
    *,
    search: str | None = None,
    site: str | None = None,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
) -> Select:
    """Documents matching every filter; ``actor`` (id, name or code) is mentioned in them."""
    statement = select(*_LIST_COLUMNS)
    if search:
        statement = _search_filter(connection, statement, search)
    if site:
        statement = statement.where(func.lower(documents.c.site) == site.lower())
    if since:
        statement = statement.where(documents.c.published >= since)
    if until:
        statement = statement.where(documents.c.published <= until)
    if actor:
        actor_id = find_actor(connection, actor)["id"]
        statement = statement.where(
            exists().where(mentions.c.doc_id == documents.c.id, mentions.c.actor_id == actor_id)
        )
    return statement


# Newest publication first, ties broken by id (a stable order).
DOCUMENT_ORDER = (documents.c.published.desc().nulls_last(), documents.c.id)


def list_documents(
    connection: Connection, *, limit: int = 50, offset: int = 0, **filters: Any
) -> list[dict[str, Any]]:
    """Documents, newest publication first, ties broken by id (a stable order)."""
    statement = (
        documents_query(connection, **filters).order_by(*DOCUMENT_ORDER).limit(limit).offset(offset)
    )
    with searching(connection, filters.get("search")):
        return [row._asdict() for row in connection.execute(statement)]


def searching(connection: Connection, search: str | None) -> AbstractContextManager:
    """Where statements filtered by ``search`` run: on PostgreSQL, planned to read the
    full-text index, never a sequential scan of the documents (see
    :func:`newsgraph.store.sql.without_seq_scans`)."""
    return without_seq_scans(connection) if search else nullcontext()


def get_document(connection: Connection, doc_id: str) -> dict[str, Any]:
    row = connection.execute(select(documents).where(documents.c.id == doc_id)).first()
    if row is None:
        raise NotFound(f"no document with id {doc_id!r}; list ids with `newsgraph docs`")
    record = row._asdict()
    record.pop("search", None)
    sources = connection.execute(
        select(document_sources.c.source_path, document_sources.c.source_format)
        .where(document_sources.c.doc_id == doc_id)
        .order_by(document_sources.c.source_path)
    )
    record["sources"] = [s._asdict() for s in sources]
    return record


def list_rejections(connection: Connection) -> list[dict[str, Any]]:
    statement = select(rejections).order_by(rejections.c.source_path)
    return [row._asdict() for row in connection.execute(statement)]


def counts(connection: Connection) -> dict[str, int]:
    """Rows per table ("sources" is document_sources)."""
    tables = {"sources": document_sources, **metadata.tables}
    return {
        name: connection.execute(select(func.count()).select_from(table)).scalar_one()
        for name, table in tables.items()
        if name != "document_sources"
    }


# Exports whose rows come from a query of their own rather than the bare table.
_CUSTOM_SELECTS = {"quotes": quotes_select, "events": events_select, "counts": counts_select}


def iter_rows(connection: Connection, table_name: str) -> Iterator[dict[str, Any]]:
    """Every row of a table in primary-key order, streamed. Rows of the per-sentence
    tables (mentions, dates, places, quotes) also carry ``sentence_text``; quotes carry
    their ``speaker``'s canonical name."""
    table = metadata.tables[table_name]
    if table_name in _CUSTOM_SELECTS:
        statement = _CUSTOM_SELECTS[table_name]()
    elif "sentence" in table.c:
        statement = (
            select(table, sentence_text(table))
            .join(documents, documents.c.id == table.c.doc_id)
            .join(
                sentences,
                (sentences.c.doc_id == table.c.doc_id) & (sentences.c.idx == table.c.sentence),
            )
        )
    else:
        statement = select(table)
    statement = statement.order_by(*table.primary_key.columns)
    result = connection.execution_options(stream_results=True, yield_per=500).execute(statement)
    for row in result:
        yield row._asdict()
