"""Incoming-mail register entries and scanned documents stored in chunks."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from clerk_app.domain.cases import Channel, IncomingKind
from clerk_app.domain.field_limits import TEXT_LIMITS as LEN  # one source: forms, checks
from clerk_app.persistence.base import Base, UtcDateTime, Versioned
from clerk_app.persistence.enum_column import EnumText


class IncomingItem(Versioned, Base):
    """An entry of the incoming-mail register (rejestr przesyłek wpływających)."""

    __tablename__ = "incoming_items"
    __table_args__ = (
        Index("ix_incoming_items_year_number", "register_year", "register_number", unique=True),
        Index("ix_incoming_items_case_id", "case_id"),
        Index("ix_incoming_items_received_at", "received_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    register_year: Mapped[int] = mapped_column(Integer)
    register_number: Mapped[int] = mapped_column(Integer)
    entry_number: Mapped[str] = mapped_column(String(40), unique=True)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    channel: Mapped[Channel] = mapped_column(EnumText(Channel, 30))
    posted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    kind: Mapped[IncomingKind] = mapped_column(EnumText(IncomingKind, 30))
    sender_name: Mapped[str] = mapped_column(String(200))
    sender_pesel: Mapped[str | None] = mapped_column(String(11), nullable=True)
    sender_address: Mapped[str] = mapped_column(String(300), default="")
    sender_phone: Mapped[str | None] = mapped_column(String(LEN["phone"]), nullable=True)
    sender_email: Mapped[str | None] = mapped_column(String(LEN["email"]), nullable=True)
    sender_reference: Mapped[str] = mapped_column(String(LEN["sender_reference"]), default="")
    sender_reference_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    subject: Mapped[str] = mapped_column(String(LEN["subject"]))
    attachments_count: Mapped[int] = mapped_column(Integer, default=0)
    assigned_to_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    registered_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), nullable=True)
    remarks: Mapped[str] = mapped_column(Text, default="")


class Scan(Base):
    """A scanned file attached to an incoming item; content lives in ``scan_chunks``."""

    __tablename__ = "scans"
    __table_args__ = (
        Index("ix_scans_sha256", "sha256"),
        Index("ix_scans_incoming_item_id", "incoming_item_id"),
        Index("ix_scans_case_id", "case_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    identifier: Mapped[str] = mapped_column(String(40), unique=True)
    incoming_item_id: Mapped[int] = mapped_column(
        ForeignKey("incoming_items.id", ondelete="CASCADE")
    )
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), nullable=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(60))
    size_bytes: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    page_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class ScanChunk(Base):
    """A slice of a scan's bytes (so no layer has to hold a whole file at once)."""

    __tablename__ = "scan_chunks"

    scan_id: Mapped[int] = mapped_column(ForeignKey("scans.id", ondelete="CASCADE"),
                                         primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
