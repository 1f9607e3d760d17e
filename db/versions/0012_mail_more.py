"""Reserved for the mail work of issue 10: no schema change is needed (the letters' e-mail
columns came with the letter records; the SMTP password is kept outside the database).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""
from __future__ import annotations

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
