"""indexes for reads at a million events; full-text reindex only when text changes

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25

- mentions (actor_id, doc_id) replaces (actor_id), and (doc_id, actor_id) is new: an
  actor's documents, and the actors of a set of documents, without touching the
  table, for an actor's profile and co-occurring actors;
- events (source_actor, status, date, target_actor, quad_class, goldstein) and the
  same with target first replace the one-column actor indexes: one actor's network
  edges and timeline are read from the indexes alone, and its newest events without
  sorting all of them;
- SQLite: the full-text trigger fired on every UPDATE of documents, so marking a
  document annotated re-indexed its whole text; now only title or text updates do.
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_EDGE = ("quad_class", "goldstein")

_FTS_UPDATE = (
    "CREATE TRIGGER documents_fts_au AFTER UPDATE {of}ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
    "VALUES ('delete', old.rowid, old.title, old.text); "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END"
)


def upgrade() -> None:
    op.drop_index("ix_mentions_actor", table_name="mentions")
    op.create_index("ix_mentions_actor_doc", "mentions", ["actor_id", "doc_id"])
    op.create_index("ix_mentions_doc_actor", "mentions", ["doc_id", "actor_id"])
    op.drop_index("ix_events_source", table_name="events")
    op.drop_index("ix_events_target", table_name="events")
    op.create_index(
        "ix_events_source_edge",
        "events",
        ["source_actor", "status", "date", "target_actor", *_EDGE],
    )
    op.create_index(
        "ix_events_target_edge",
        "events",
        ["target_actor", "status", "date", "source_actor", *_EDGE],
    )
    if op.get_context().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS documents_fts_au")
        op.execute(_FTS_UPDATE.format(of="OF title, text "))


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS documents_fts_au")
        op.execute(_FTS_UPDATE.format(of=""))
    op.drop_index("ix_events_target_edge", table_name="events")
    op.drop_index("ix_events_source_edge", table_name="events")
    op.create_index("ix_events_target", "events", ["target_actor"])
    op.create_index("ix_events_source", "events", ["source_actor"])
    op.drop_index("ix_mentions_doc_actor", table_name="mentions")
    op.drop_index("ix_mentions_actor_doc", table_name="mentions")
    op.create_index("ix_mentions_actor", "mentions", ["actor_id"])
