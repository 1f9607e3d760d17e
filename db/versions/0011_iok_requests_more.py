"""IOK requests: a hand-over file written by the command line (``clerk-app iok
export-ready``, a scheduled run) has no user behind it, so ``iok_exports.created_by_id``
may be empty (the audit row names "system").

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


@contextmanager
def _references_set_aside() -> Iterator[None]:
    """SQLite changes a column by rebuilding the table (copy, drop, rename), and a table
    that ``iok_requests.export_id`` refers to cannot be dropped: the references wait in a
    plain copy meanwhile and come back unchanged."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        op.execute("CREATE TEMP TABLE iok_export_refs_0011 AS SELECT case_id, export_id "
                   "FROM iok_requests WHERE export_id IS NOT NULL")
        op.execute("UPDATE iok_requests SET export_id = NULL WHERE export_id IS NOT NULL")
    yield
    if sqlite:
        op.execute("UPDATE iok_requests SET export_id = (SELECT r.export_id FROM "
                   "iok_export_refs_0011 r WHERE r.case_id = iok_requests.case_id) "
                   "WHERE case_id IN (SELECT case_id FROM iok_export_refs_0011)")
        op.execute("DROP TABLE iok_export_refs_0011")


def upgrade() -> None:
    with _references_set_aside(), op.batch_alter_table("iok_exports") as batch:
        batch.alter_column("created_by_id", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    # Files of the command line are given to the first user (0010 demands one).
    op.execute("UPDATE iok_exports SET created_by_id = (SELECT min(id) FROM users) "
               "WHERE created_by_id IS NULL")
    with _references_set_aside(), op.batch_alter_table("iok_exports") as batch:
        batch.alter_column("created_by_id", existing_type=sa.Integer(), nullable=False)
