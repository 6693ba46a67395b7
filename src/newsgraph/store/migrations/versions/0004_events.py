"""events, counts, document tone and sentence tone

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sentences") as batch:
        batch.add_column(sa.Column("tone", sa.Float))
    op.create_table(
        "events",
        sa.Column("doc_id", sa.String(16), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("sentence", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("source_actor", sa.String(16)),
        sa.Column("target_actor", sa.String(16)),
        sa.Column("source_text", sa.Text),
        sa.Column("target_text", sa.Text),
        sa.Column("cameo", sa.String(4), nullable=False),
        sa.Column("root", sa.String(2), nullable=False),
        sa.Column("quad_class", sa.Integer, nullable=False),
        sa.Column("goldstein", sa.Float, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("place_name", sa.Text),
        sa.Column("place_country", sa.String(3)),
        sa.Column("place_lat", sa.Float),
        sa.Column("place_lon", sa.Float),
        sa.Column("tone", sa.Float),
        sa.Column("pattern", sa.Text),
    )
    for column in ("source_actor", "target_actor", "date", "cameo"):
        name = "source" if column == "source_actor" else column
        name = "target" if column == "target_actor" else name
        op.create_index(f"ix_events_{name}", "events", [column])
    op.create_table(
        "counts",
        sa.Column("doc_id", sa.String(16), primary_key=True),
        sa.Column("start", sa.Integer, primary_key=True),
        sa.Column("end", sa.Integer, primary_key=True),
        sa.Column("sentence", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("qualifier", sa.Text),
        sa.Column("object", sa.Text),
    )
    op.create_table(
        "tones",
        sa.Column("doc_id", sa.String(16), primary_key=True),
        sa.Column("tone", sa.Float, nullable=False),
        sa.Column("positive", sa.Float, nullable=False),
        sa.Column("negative", sa.Float, nullable=False),
        sa.Column("polarity", sa.Float, nullable=False),
        sa.Column("activity_density", sa.Float, nullable=False),
        sa.Column("self_group_density", sa.Float, nullable=False),
        sa.Column("word_count", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for table in ("tones", "counts", "events"):
        op.drop_table(table)
    with op.batch_alter_table("sentences") as batch:
        batch.drop_column("tone")
