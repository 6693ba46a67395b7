"""PostgreSQL: indexes in the "newest first, undated last" order the reads ask for

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25

Documents, an actor's documents and an actor's events are listed newest first with
undated rows last (``published DESC NULLS LAST``, ``date DESC NULLS LAST``). SQLite
reads that order by walking an ascending index backwards (its NULLs sort first, so
last when walked backwards). PostgreSQL cannot: walked backwards, an ascending index
gives NULLS FIRST, so it sorted every match instead (all 50,000 documents to find an
actor's 20 newest; the 73,000 events of the most mentioned actor for its 50 newest).
On PostgreSQL only:

- documents (published DESC NULLS LAST, id): the listing's own order, so search and
  an actor's newest documents stop at the first rows that qualify;
- the event edge indexes of 0007 are built again with ``date DESC NULLS LAST``: the
  same columns (the timeline and dated networks still read them alone), and one
  actor's newest events come in order, sorted only within a day.

SQLite's schema does not change.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_EDGE_INDEXES = {
    "ix_events_source_edge": ("source_actor", "target_actor"),
    "ix_events_target_edge": ("target_actor", "source_actor"),
}


def _edge_columns(first: str, other: str, date: sa.TextClause | str) -> list:
    return [first, "status", date, other, "quad_class", "goldstein"]


def _rebuild_edge_indexes(date: sa.TextClause | str) -> None:
    for name, (first, other) in _EDGE_INDEXES.items():
        op.drop_index(name, table_name="events")
        op.create_index(name, "events", _edge_columns(first, other, date))


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.create_index(
        "ix_documents_newest", "documents", [sa.text("published DESC NULLS LAST"), "id"]
    )
    _rebuild_edge_indexes(sa.text("date DESC NULLS LAST"))


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    _rebuild_edge_indexes("date")
    op.drop_index("ix_documents_newest", table_name="documents")
