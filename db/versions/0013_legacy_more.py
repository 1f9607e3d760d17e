"""A consent batch made by the command line (``clerk-app iok batch``, a scheduled run) has
no user behind it: ``legacy_batches.created_by_id`` may be empty (the audit row says
"system").

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


@contextmanager
def _accounts_set_aside() -> Iterator[None]:
    """SQLite changes a column by rebuilding the table (copy, drop, rename), and a table
    that rows of ``legacy_accounts`` refer to cannot be dropped: the accounts wait in a
    plain copy meanwhile (nothing refers to them) and come back unchanged."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        op.execute("CREATE TEMP TABLE legacy_accounts_0013 AS SELECT * FROM legacy_accounts")
        op.execute("DELETE FROM legacy_accounts")
    yield
    if sqlite:
        op.execute("INSERT INTO legacy_accounts SELECT * FROM legacy_accounts_0013")
        op.execute("DROP TABLE legacy_accounts_0013")


def upgrade() -> None:
    with _accounts_set_aside(), op.batch_alter_table("legacy_batches") as batch:
        batch.alter_column("created_by_id", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    # Batches of the command line are given to the first user (0010 demands one); with no
    # user at all they cannot be kept and their accounts return to waiting.
    op.execute("UPDATE legacy_batches SET created_by_id = (SELECT min(id) FROM users) "
               "WHERE created_by_id IS NULL")
    op.execute("UPDATE legacy_accounts SET batch_id = NULL WHERE batch_id IN "
               "(SELECT id FROM legacy_batches WHERE created_by_id IS NULL)")
    op.execute("DELETE FROM legacy_batches WHERE created_by_id IS NULL")
    with _accounts_set_aside(), op.batch_alter_table("legacy_batches") as batch:
        batch.alter_column("created_by_id", existing_type=sa.Integer(), nullable=False)
