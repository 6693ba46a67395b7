"""quotes: quotations with speaker, cue and addressee

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "quotes",
        sa.Column("doc_id", sa.String(16), primary_key=True),
        sa.Column("start", sa.Integer, primary_key=True),
        sa.Column("end", sa.Integer, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sentence", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("speaker_actor", sa.String(16)),
        sa.Column("speaker_text", sa.Text),
        sa.Column("cue", sa.Text),
        sa.Column("addressee", sa.Text),
        sa.Column("addressee_actor", sa.String(16)),
    )
    op.create_index("ix_quotes_speaker", "quotes", ["speaker_actor"])


def downgrade() -> None:
    op.drop_table("quotes")
