"""PostgreSQL: the trigram index also holds the street and the applicant key.

A search sorted by address or applicant whose word begins the sort key ("bytomska", "nowak")
walks that stretch of the order and collects only the matches before it
(``clerk_app/services/cases/block_seek.py``). With ``street`` and ``applicant_sort`` as
further columns of the GIN index (``btree_gin``), "matches of *bytomska* whose street sorts
before Bytomska" is answered inside the index, and only those few cases are read from the
table. The index replaces the plain trigram index of 0002 and serves its searches as before.
SQLite: nothing changes.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-08
"""
from __future__ import annotations

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
    op.execute("CREATE INDEX ix_cases_search_trgm_keys ON cases "
               "USING gin (search_text gin_trgm_ops, street, applicant_sort)")
    op.execute("DROP INDEX IF EXISTS ix_cases_search_trgm")
    op.execute("ANALYZE cases")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute("CREATE INDEX ix_cases_search_trgm ON cases USING gin (search_text gin_trgm_ops)")
    op.execute("DROP INDEX IF EXISTS ix_cases_search_trgm_keys")
