"""counts.number as BIGINT: "3 billion people" overflowed PostgreSQL's INTEGER

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite's INTEGER already holds 64 bits: only the declared type changes there.
    with op.batch_alter_table("counts") as batch:
        batch.alter_column("number", type_=sa.BigInteger, existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("counts") as batch:
        batch.alter_column("number", type_=sa.Integer, existing_nullable=False)
