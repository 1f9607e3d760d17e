"""Covering indexes for searching the case list in every sort order.

Each sort order of the list gets an index of its columns and the id that also carries what a
search and the filters test (search text, kind, status, assignee), so a search sorted by
applicant, address, signature, deadline, kind, status or assignee walks that index alone, never
the table (``clerk_app/services/cases/index_walk.py``), and so does a list filtered without a
search. PostgreSQL keeps the extra columns as ``INCLUDE``; SQLite as trailing key columns.
On PostgreSQL the received order has had its own since 0003; SQLite gets one here.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02
"""
from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

TESTED = ("search_text", "kind", "status", "assignee_id")
COVERS = {
    "signature": ("year", "number"),
    "kind": ("kind",),
    "applicant": ("applicant_sort",),
    "address": ("street", "building"),
    "status": ("status",),
    "next_deadline": ("next_deadline",),
    "assignee": ("assignee_id",),
}


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for order, columns in COVERS.items():
        key = ", ".join((*columns, "id"))
        extra = ", ".join(c for c in TESTED if c not in columns)
        if sqlite:
            op.execute(f"CREATE INDEX ix_cases_cover_{order} ON cases ({key}, {extra})")
        else:
            op.execute(f"CREATE INDEX ix_cases_cover_{order} ON cases ({key}) INCLUDE ({extra})")
    if sqlite:  # PostgreSQL has had ix_cases_received_cover since 0003
        op.execute("CREATE INDEX ix_cases_cover_received ON cases (received_on, id, "
                   f"{', '.join(TESTED)})")
    op.execute("ANALYZE cases")


def downgrade() -> None:
    for order in (*COVERS, "received"):
        op.execute(f"DROP INDEX IF EXISTS ix_cases_cover_{order}")
