"""Retention: personal values of the audit trail kept by reference; review indexes.

* ``audit_values`` (id, case_id, value): the personal part of a case-linked audit entry
  (``{key: [old, new]}`` as JSON). The entry's ``changes`` keeps the procedural values and,
  for each personal key, ``{"$v": id}`` (``clerk_app/domain/audit_values.py``). Anonymising a
  case deletes its ``audit_values`` rows; the entries stay as they are.
* The entries written before this revision are split the same way. That is the one time the
  audit trail is rewritten: the append-only guard against UPDATE is lifted for this
  migration's own transaction only (SQLite: the trigger is dropped and created again;
  PostgreSQL: it is disabled and enabled again) and nothing else runs in between.
* Two indexes for the retention review: ``(kind, anonymised_at, settled_on, id)`` and
  ``(kind, anonymised_at, lease_ended_on, id)``, so the cases past a rule's date are an index
  range, not a walk over every case.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02
"""
from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from clerk_app.domain.audit_values import split_changes, with_reference

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_BATCH = 5000
_SQLITE_NO_UPDATE = """CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
       BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END"""


def upgrade() -> None:
    op.create_table(
        "audit_values",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_values")),
    )
    op.create_index("ix_audit_values_case_id", "audit_values", ["case_id"])
    op.create_index("ix_cases_retention_settled", "cases",
                    ["kind", "anonymised_at", "settled_on", "id"])
    op.create_index("ix_cases_retention_lease", "cases",
                    ["kind", "anonymised_at", "lease_ended_on", "id"])
    _split_existing_entries()


def _split_existing_entries() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    if sqlite:
        op.execute("DROP TRIGGER IF EXISTS audit_entries_no_update")
    else:
        op.execute("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_change")
    last = 0
    while True:
        rows = bind.execute(sa.text(
            "SELECT id, case_id, changes FROM audit_entries WHERE case_id IS NOT NULL "
            "AND id > :last ORDER BY id LIMIT :n"), {"last": last, "n": _BATCH}).all()
        if not rows:
            break
        last = rows[-1][0]
        for entry_id, case_id, changes in rows:
            parsed = json.loads(changes or "{}")
            if not isinstance(parsed, dict):
                continue
            inline, personal = split_changes(parsed)
            if not personal:
                continue
            value_id = bind.execute(sa.text(
                "INSERT INTO audit_values (case_id, value) VALUES (:c, :v) RETURNING id"),
                {"c": case_id, "v": json.dumps(personal, ensure_ascii=False)}).scalar_one()
            bind.execute(sa.text("UPDATE audit_entries SET changes = :ch WHERE id = :id"), {
                "ch": json.dumps(with_reference(inline, list(personal), value_id),
                                 ensure_ascii=False), "id": entry_id})
    if sqlite:
        op.execute(_SQLITE_NO_UPDATE)
    else:
        op.execute("ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_change")


def downgrade() -> None:
    op.drop_index("ix_cases_retention_lease", table_name="cases")
    op.drop_index("ix_cases_retention_settled", table_name="cases")
    op.drop_index("ix_audit_values_case_id", table_name="audit_values")
    op.drop_table("audit_values")
