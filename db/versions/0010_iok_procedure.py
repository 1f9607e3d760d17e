"""IOK procedure: premises and hand-over of requests; old portal accounts and consent batches.

``iok_requests`` learns the premises the account is for and its hand-over (export file, the
account's creation); ``iok_exports`` lists the files written for the IOK administrator;
``legacy_accounts`` holds the imported Portal Mieszkańców / e-Faktura accounts and
``legacy_batches`` the batches asking them for an e-mail address and consent. A stored ZGM
address that is still the old default becomes ZGM's real seat.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""
from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_OLD_ZGM = "ul. Bytomska 92, 41-940 Piekary Śląskie"
_NEW_ZGM = "ul. Gen. Jerzego Ziętka 60, 41-940 Piekary Śląskie"


def upgrade() -> None:
    op.create_table(
        "iok_exports",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(),
                  sa.ForeignKey("users.id", name="fk_iok_exports_created_by_id_users"),
                  nullable=False),
        sa.Column("file_format", sa.String(10), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
    )
    with op.batch_alter_table("iok_requests") as batch:
        for name, length in (("premises_street", 120), ("premises_building", 20),
                             ("premises_flat", 20)):
            batch.add_column(sa.Column(name, sa.String(length), nullable=False,
                                       server_default=sa.text("''")))
        batch.add_column(sa.Column("export_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("exported_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("account_created_on", sa.Date(), nullable=True))
        batch.create_foreign_key("fk_iok_requests_export_id_iok_exports", "iok_exports",
                                 ["export_id"], ["id"])
        batch.create_index("ix_iok_requests_export_id", ["export_id"])
    op.create_table(
        "legacy_batches",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(),
                  sa.ForeignKey("users.id", name="fk_legacy_batches_created_by_id_users"),
                  nullable=False),
        sa.Column("letter_date", sa.Date(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.UniqueConstraint("number", name="uq_legacy_batches_number"),
    )
    op.create_table(
        "legacy_accounts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("contractor_number", sa.String(40), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("street", sa.String(120), nullable=False),
        sa.Column("building", sa.String(20), nullable=False),
        sa.Column("flat", sa.String(20), nullable=False),
        sa.Column("email", sa.String(200), nullable=True),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("email_declared_on", sa.Date(), nullable=True),
        sa.Column("e_invoice", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("account_class", sa.String(20), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("batch_id", sa.Integer(),
                  sa.ForeignKey("legacy_batches.id",
                                name="fk_legacy_accounts_batch_id_legacy_batches"),
                  nullable=True),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("consent_email", sa.String(200), nullable=True),
        sa.Column("consent_e_invoice", sa.Boolean(), nullable=True),
        sa.Column("answer_item_id", sa.Integer(),
                  sa.ForeignKey("incoming_items.id",
                                name="fk_legacy_accounts_answer_item_id_incoming_items"),
                  nullable=True),
        sa.Column("email_sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("email_message_id", sa.String(250), nullable=True),
        sa.Column("email_error", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.UniqueConstraint("contractor_number", name="uq_legacy_accounts_contractor_number"),
    )
    op.create_index("ix_legacy_accounts_class_created_id", "legacy_accounts",
                    ["account_class", "created_on", "id"])
    op.create_index("ix_legacy_accounts_batch_id", "legacy_accounts", ["batch_id"])
    _move_zgm_address(_OLD_ZGM, _NEW_ZGM)


def _move_zgm_address(old: str, new: str) -> None:
    bind = op.get_bind()
    row = bind.execute(sa.text("SELECT value FROM settings WHERE key = 'office'")).first()
    if row is None:
        return
    stored = json.loads(row[0])
    if stored.get("zgm_address") == old:
        stored["zgm_address"] = new
        bind.execute(sa.text("UPDATE settings SET value = :v WHERE key = 'office'"),
                     {"v": json.dumps(stored, ensure_ascii=False)})


def downgrade() -> None:
    _move_zgm_address(_NEW_ZGM, _OLD_ZGM)
    op.drop_index("ix_legacy_accounts_batch_id", table_name="legacy_accounts")
    op.drop_index("ix_legacy_accounts_class_created_id", table_name="legacy_accounts")
    op.drop_table("legacy_accounts")
    op.drop_table("legacy_batches")
    with op.batch_alter_table("iok_requests") as batch:
        batch.drop_index("ix_iok_requests_export_id")
        batch.drop_constraint("fk_iok_requests_export_id_iok_exports", type_="foreignkey")
        for name in ("account_created_on", "exported_at", "export_id", "premises_flat",
                     "premises_building", "premises_street"):
            batch.drop_column(name)
    op.drop_table("iok_exports")
