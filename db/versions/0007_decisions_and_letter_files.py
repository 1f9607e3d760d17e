"""Deposit decisions, how a case was settled, and issued letters kept as their exact PDFs.

``deposit_decisions`` holds each consent or refusal (a reconsideration supersedes the earlier
one); ``cases.settlement`` says how the case ended; ``letter_files`` keeps the PDF bytes of an
issued letter with their hash; letters learn when they came back and how e-mail sending went.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN: a batch would rebuild cases and letters and cascade to their rows.
    op.add_column("cases", sa.Column("settlement", sa.String(40), nullable=True))
    op.add_column("letters", sa.Column("returned_on", sa.Date(), nullable=True))
    op.add_column("letters", sa.Column("email_sent_at", sa.DateTime(timezone=True),
                                       nullable=True))
    op.add_column("letters", sa.Column("email_message_id", sa.String(250), nullable=True))
    op.add_column("letters", sa.Column("email_error", sa.Text(), nullable=False,
                                       server_default=sa.text("''")))
    op.create_table(
        "letter_files",
        sa.Column("letter_id", sa.Integer(),
                  sa.ForeignKey("letters.id", ondelete="CASCADE",
                                name="fk_letter_files_letter_id_letters"),
                  nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(),
                  sa.ForeignKey("users.id", name="fk_letter_files_created_by_id_users"),
                  nullable=True),
        sa.PrimaryKeyConstraint("letter_id", name="pk_letter_files"),
    )
    op.create_table(
        "deposit_decisions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(),
                  sa.ForeignKey("cases.id", ondelete="CASCADE",
                                name="fk_deposit_decisions_case_id_cases"),
                  nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("instalment_count", sa.Integer(), nullable=True),
        sa.Column("first_due_on", sa.Date(), nullable=True),
        sa.Column("reasoning", sa.Text(), nullable=False),
        sa.Column("letter_id", sa.Integer(),
                  sa.ForeignKey("letters.id", name="fk_deposit_decisions_letter_id_letters"),
                  nullable=True),
        sa.Column("superseded_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(),
                  sa.ForeignKey("users.id", name="fk_deposit_decisions_created_by_id_users"),
                  nullable=False),
    )
    op.create_index("ix_deposit_decisions_case_id", "deposit_decisions", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_deposit_decisions_case_id", "deposit_decisions")
    op.drop_table("deposit_decisions")
    op.drop_table("letter_files")
    for name in ("email_error", "email_message_id", "email_sent_at", "returned_on"):
        op.drop_column("letters", name)
    op.drop_column("cases", "settlement")
