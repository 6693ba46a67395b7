"""annotations: sentences, actors, mentions, dates, places

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _span_columns() -> list[sa.Column]:
    return [
        sa.Column("doc_id", sa.String(16), primary_key=True),
        sa.Column("start", sa.Integer, primary_key=True),
        sa.Column("end", sa.Integer, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sentence", sa.Integer, nullable=False),
    ]


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("annotated_at", sa.DateTime(timezone=True)))
        batch.add_column(sa.Column("nlp_note", sa.Text))
    op.create_table(
        "sentences",
        sa.Column("doc_id", sa.String(16), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    )
    op.create_table(
        "actors",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("key", sa.Text, nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(12), nullable=False),
        sa.Column("country", sa.String(3)),
        sa.Column("role", sa.String(8)),
        sa.Column("code", sa.String(16)),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("affiliation", sa.Text),
        sa.Column("block", sa.Text, nullable=False),
    )
    op.create_index("ix_actors_block", "actors", ["block"])
    op.create_index("ix_actors_name", "actors", ["name"])
    op.create_table(
        "mentions",
        *_span_columns()[:3],
        sa.Column("actor_id", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("sentence", sa.Integer, nullable=False),
    )
    op.create_index("ix_mentions_actor", "mentions", ["actor_id"])
    op.create_table(
        "dates",
        *_span_columns(),
        sa.Column("date_start", sa.String(10), nullable=False),
        sa.Column("date_end", sa.String(10), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("granularity", sa.String(8), nullable=False),
    )
    op.create_index("ix_dates_date_start", "dates", ["date_start"])
    op.create_table(
        "places",
        *_span_columns(),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("country", sa.String(3)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("geonameid", sa.Integer),
    )
    op.create_index("ix_places_country", "places", ["country"])


def downgrade() -> None:
    for table in ("places", "dates", "mentions", "actors", "sentences"):
        op.drop_table(table)
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("nlp_note")
        batch.drop_column("annotated_at")
