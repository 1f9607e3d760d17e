"""Property statements: incomes by source in their own table, birth dates, other assets, a
description of debts, and the trail of who viewed a statement.

A household member had one income (``monthly_income``, ``income_source``); from 0006 on a
member has any number of ``household_incomes`` rows. Each old income that says anything (an
amount or a source) becomes the member's income number 1, and the two columns go.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

MONEY = sa.Numeric(12, 2)


def upgrade() -> None:
    # Plain ADD COLUMN: rebuilding property_statements would cascade to its members.
    for name in ("other_assets", "debts_description"):
        op.add_column("property_statements", sa.Column(name, sa.Text(), nullable=False,
                                                       server_default=sa.text("''")))
    op.add_column("property_statements",
                  sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
    # Read the old incomes first: on SQLite the batch below rebuilds household_members, and
    # dropping the old table would cascade to incomes already stored.
    members = sa.table("household_members", sa.column("id", sa.Integer),
                       sa.column("monthly_income", MONEY), sa.column("income_source", sa.String))
    old = op.get_bind().execute(
        sa.select(members.c.id, members.c.income_source, members.c.monthly_income)
        .where(sa.or_(members.c.monthly_income != 0, members.c.income_source != ""))
        .order_by(members.c.id)).all()
    with op.batch_alter_table("household_members") as batch:
        batch.add_column(sa.Column("birth_date", sa.Date(), nullable=True))
        batch.drop_column("monthly_income")
        batch.drop_column("income_source")
    incomes = op.create_table(
        "household_incomes",
        sa.Column("member_id", sa.Integer(),
                  sa.ForeignKey("household_members.id", ondelete="CASCADE",
                                name="fk_household_incomes_member_id_household_members"),
                  nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(120), nullable=False),
        sa.Column("amount", MONEY, nullable=False),
        sa.PrimaryKeyConstraint("member_id", "number", name="pk_household_incomes"),
    )
    if old:
        op.bulk_insert(incomes, [{"member_id": r.id, "number": 1, "source": r.income_source,
                                  "amount": r.monthly_income} for r in old])
    op.create_table(
        "property_statement_views",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(),
                  sa.ForeignKey("cases.id", ondelete="CASCADE",
                                name="fk_property_statement_views_case_id_cases"),
                  nullable=False),
        sa.Column("user_id", sa.Integer(),
                  sa.ForeignKey("users.id", name="fk_property_statement_views_user_id_users"),
                  nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("viewed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_property_statement_views_case_id", "property_statement_views",
                    ["case_id"])


def downgrade() -> None:
    # Plain ALTER TABLE … DROP COLUMN (SQLite 3.35+): a batch would rebuild the tables, and
    # dropping the old property_statements would cascade to the household members.
    op.drop_index("ix_property_statement_views_case_id", "property_statement_views")
    op.drop_table("property_statement_views")
    op.add_column("household_members", sa.Column("monthly_income", MONEY, nullable=False,
                                                 server_default="0"))
    op.add_column("household_members", sa.Column("income_source", sa.String(120),
                                                 nullable=False, server_default=sa.text("''")))
    # One income per member again: the first one keeps its source, the amounts add up.
    op.execute(
        "UPDATE household_members SET "
        "monthly_income = coalesce((SELECT sum(i.amount) FROM household_incomes i "
        "WHERE i.member_id = household_members.id), 0), "
        "income_source = coalesce((SELECT i.source FROM household_incomes i "
        "WHERE i.member_id = household_members.id AND i.number = 1), '')")
    op.drop_table("household_incomes")
    op.drop_column("household_members", "birth_date")
    op.drop_column("property_statements", "updated_at")
    op.drop_column("property_statements", "debts_description")
    op.drop_column("property_statements", "other_assets")
