"""The substance of a deposit petition: first due date, signature, proxy's address, the form
of the power of attorney, how and when the stamp duty was paid, an overridden exemption.

The rent (and so the deposit) may be unknown on a deficient petition: both become nullable.
Existing rows keep their values; a petition recorded so far counts as signed (the old
``has_petition_form``), the new optional fields are empty.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

MONEY = sa.Numeric(12, 2)
NEW_COLUMNS = (
    ("first_due_on", sa.Date(), None),
    ("petition_signed", sa.Boolean(), sa.true()),
    ("proxy_address", sa.String(300), sa.text("''")),
    ("power_of_attorney_form", sa.String(20), None),
    ("stamp_duty_paid_on", sa.Date(), None),
    ("stamp_duty_payment", sa.String(20), None),
    ("stamp_duty_exempt_override", sa.Boolean(), None),
    ("stamp_duty_override_reason", sa.Text(), sa.text("''")),
)


def upgrade() -> None:
    with op.batch_alter_table("deposit_petitions") as batch:
        for name, type_, default in NEW_COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=default is None,
                                       server_default=default))
        batch.alter_column("monthly_rent", existing_type=MONEY, nullable=True)
        batch.alter_column("deposit_amount", existing_type=MONEY, nullable=True)
    petitions = sa.table("deposit_petitions", sa.column("petition_signed", sa.Boolean),
                         sa.column("has_petition_form", sa.Boolean))
    op.execute(petitions.update().values(petition_signed=petitions.c.has_petition_form))


def downgrade() -> None:
    petitions = sa.table("deposit_petitions", sa.column("monthly_rent", MONEY),
                         sa.column("deposit_amount", MONEY))
    op.execute(petitions.update().where(petitions.c.monthly_rent.is_(None))
               .values(monthly_rent=0, deposit_amount=0))
    with op.batch_alter_table("deposit_petitions") as batch:
        batch.alter_column("monthly_rent", existing_type=MONEY, nullable=False)
        batch.alter_column("deposit_amount", existing_type=MONEY, nullable=False)
        for name, _type, _default in reversed(NEW_COLUMNS):
            batch.drop_column(name)
