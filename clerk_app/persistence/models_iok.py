"""IOK hand-over files and the migration of old Portal Mieszkańców / e-Faktura accounts."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from clerk_app.domain.legacy_accounts import LegacyClass
from clerk_app.persistence.base import Base, UtcDateTime, Versioned
from clerk_app.persistence.enum_column import EnumText


class IokExport(Base):
    """One hand-over file written for the IOK administrator (requests ready for an account)."""

    __tablename__ = "iok_exports"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # Empty when written by the command line (migration 0011).
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    file_format: Mapped[str] = mapped_column(String(10))  # "xlsx" or "csv"
    row_count: Mapped[int] = mapped_column(Integer)


class LegacyBatch(Base):
    """A batch of old accounts asked for an e-mail address and consent."""

    __tablename__ = "legacy_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # None: made by the command line (a scheduled run; migration 0013).
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    letter_date: Mapped[date] = mapped_column(Date)
    size: Mapped[int] = mapped_column(Integer)


class LegacyAccount(Versioned, Base):
    """An imported account of the old portal, keyed by the ZGM contractor number."""

    __tablename__ = "legacy_accounts"
    __table_args__ = (
        # Batches take the oldest needs_consent accounts first.
        Index("ix_legacy_accounts_class_created_id", "account_class", "created_on", "id"),
        Index("ix_legacy_accounts_batch_id", "batch_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contractor_number: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    street: Mapped[str] = mapped_column(String(120), default="")
    building: Mapped[str] = mapped_column(String(20), default="")
    flat: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created_on: Mapped[date] = mapped_column(Date)
    email_declared_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    e_invoice: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    account_class: Mapped[LegacyClass] = mapped_column(EnumText(LegacyClass, 20))
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # The consent batch and the answer (a returned form registered at the counter).
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("legacy_batches.id"),
        nullable=True)
    answered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    consent_email: Mapped[str | None] = mapped_column(String(200), nullable=True)
    consent_e_invoice: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    answer_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("incoming_items.id"),
        nullable=True)
    # A batch letter sent by e-mail to the old address.
    email_sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    email_message_id: Mapped[str | None] = mapped_column(String(250), nullable=True)
    email_error: Mapped[str] = mapped_column(Text, default="")
