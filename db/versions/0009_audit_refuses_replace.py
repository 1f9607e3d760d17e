"""SQLite: the audit trail refuses ``INSERT OR REPLACE`` / ``REPLACE INTO`` too.

A REPLACE deletes the conflicting row without firing delete triggers (unless
``recursive_triggers`` is on), so the append-only guards of 0001 did not stop it. A
``BEFORE INSERT`` trigger runs before the conflict is resolved: an insert whose id already
exists is aborted, whatever conflict clause it carries. PostgreSQL has no REPLACE; its
``ON CONFLICT DO UPDATE`` fires the update guard of 0001.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""
from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            """CREATE TRIGGER audit_entries_no_replace BEFORE INSERT ON audit_entries
               WHEN EXISTS (SELECT 1 FROM audit_entries WHERE id = NEW.id)
               BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END""")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_entries_no_replace")
