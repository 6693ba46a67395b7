"""What an ingest, stopped or raced at any moment, must still leave true in the store.

Each write transaction stores whole documents with all their annotations, so these hold
after any crash, and after concurrent ingests, or something is wrong with the writes (or
someone changed the store behind newsgraph's back):

- every row of a per-document table (sources, sentences, mentions, ...) points at a
  stored document, and every per-sentence record (mention, date, place, quote, event,
  count) at a sentence of its document;
- mentions, quotes and events point at stored actors;
- a document marked annotated, in English and with text, has its sentences;
- every document has a source, and every input file marked fully stored
  (:mod:`newsgraph.store.progress`) with pages has sources under its path.

:data:`RULES` is the one list of these promises: :func:`problems` reports the broken
ones, for the crash, resume and concurrency tests and for ``newsgraph doctor``'s
``orphan rows`` check (:mod:`newsgraph.store.doctor`), which also checks integrity,
offsets and the search index.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    FromClause,
    Table,
    and_,
    exists,
    func,
    not_,
    or_,
    select,
)
from sqlalchemy.sql import visitors

from newsgraph.store.schema import (
    actors,
    document_sources,
    documents,
    events,
    ingested_files,
    mentions,
    metadata,
    quotes,
    sentences,
)

SAMPLE = 3  # offending keys shown in a problem line


@dataclass(frozen=True, slots=True)
class Rule:
    """A promise broken by every row of ``table`` for which ``condition`` holds."""

    label: str
    table: Table
    condition: ColumnElement[bool]

    @property
    def tables(self) -> set[str]:
        """Every table the rule reads: a store a few migrations behind may lack one."""
        found = {self.table.name}
        for element in visitors.iterate(self.condition):
            if isinstance(element, Column) and isinstance(element.table, Table):
                found.add(element.table.name)
        return found


def _missing(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    return not_(exists().where(condition))


def _rules() -> tuple[Rule, ...]:
    per_document = [t for t in metadata.sorted_tables if t is not documents and "doc_id" in t.c]
    rules = [
        Rule(f"{t.name} without document", t, _missing(documents.c.id == t.c.doc_id))
        for t in per_document
    ]
    rules += [
        Rule(
            f"{t.name} without sentence",
            t,
            _missing(and_(sentences.c.doc_id == t.c.doc_id, sentences.c.idx == t.c.sentence)),
        )
        for t in per_document
        if "sentence" in t.c
    ]
    for column, label in (
        (mentions.c.actor_id, "mentions without actor"),
        (quotes.c.speaker_actor, "quotes without speaker actor"),
        (quotes.c.addressee_actor, "quotes without addressee actor"),
        (events.c.source_actor, "events without source actor"),
        (events.c.target_actor, "events without target actor"),
    ):
        missing = _missing(actors.c.id == column)
        rules.append(Rule(label, column.table, and_(column.is_not(None), missing)))
    annotated_without_sentences = and_(
        documents.c.annotated_at.is_not(None),
        or_(documents.c.language.is_(None), documents.c.language == "en"),
        func.length(documents.c.text) > 0,
        _missing(sentences.c.doc_id == documents.c.id),
    )
    under_path = or_(
        document_sources.c.source_path == ingested_files.c.path,
        func.substr(document_sources.c.source_path, 1, func.length(ingested_files.c.path) + 1)
        == ingested_files.c.path + "#",
    )
    rules += [
        Rule("annotated documents without sentences", documents, annotated_without_sentences),
        Rule(
            "documents without a source",
            documents,
            _missing(document_sources.c.doc_id == documents.c.id),
        ),
        Rule(
            "files stored in full without a stored page",
            ingested_files,
            and_(ingested_files.c.pages > 0, not_(exists().where(under_path))),
        ),
    ]
    return tuple(rules)


RULES = _rules()


def problems(connection: Connection, tables: Collection[str] | None = None) -> list[str]:
    """One line per broken promise, ``"LABEL: N (e.g. KEY, ...)"``; empty when all hold.
    ``tables``: the tables the store has (rules reading others are skipped); None: all."""
    found: list[str] = []
    for rule in RULES:
        if tables is None or rule.tables <= set(tables):
            found += count_and_sample(connection, rule.table, rule.condition, rule.label)
    return found


def count_and_sample(
    connection: Connection, source: FromClause, condition: ColumnElement[bool], label: str
) -> list[str]:
    """``["LABEL: N (e.g. KEY, ...)"]`` when rows of ``source`` (a table, or a join whose
    left side is one) match ``condition``, else ``[]``. A key is ``doc_id:start`` (or
    ``doc_id``) on per-document tables, the primary key elsewhere."""
    table = source if isinstance(source, Table) else source.left
    count = connection.execute(select(func.count()).select_from(source).where(condition))
    number = count.scalar_one()
    if not number:
        return []
    if "doc_id" in table.c:
        key = [table.c.doc_id] + ([table.c.start] if "start" in table.c else [])
    else:
        key = list(table.primary_key.columns)
    first = select(*key).select_from(source).where(condition).order_by(*key).limit(SAMPLE)
    rows = connection.execute(first)
    sample = ", ".join(":".join(map(str, row)) for row in rows)
    return [f"{label}: {number} (e.g. {sample})"]
