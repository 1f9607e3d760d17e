"""A consent batch made by the command line (``clerk-app iok batch``, a scheduled run) has
no user behind it: ``legacy_batches.created_by_id`` may be empty (the audit row says
"system").

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("legacy_batches") as batch:
        batch.alter_column("created_by_id", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("legacy_batches") as batch:
        batch.alter_column("created_by_id", existing_type=sa.Integer(), nullable=False)
