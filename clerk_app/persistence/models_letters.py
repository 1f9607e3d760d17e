"""Outgoing letters with their delivery."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from clerk_app.domain.letter_kinds import DeliveryMethod, DeliveryStatus, LetterKind
from clerk_app.persistence.base import Base, UtcDateTime, Versioned
from clerk_app.persistence.enum_column import EnumText


class Letter(Versioned, Base):
    """An outgoing letter; ``identifier`` is printed as a Code 128 barcode."""

    __tablename__ = "letters"
    __table_args__ = (Index("ix_letters_case_id", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    identifier: Mapped[str] = mapped_column(String(40), unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[LetterKind] = mapped_column(EnumText(LetterKind, 40))
    addressee: Mapped[str] = mapped_column(Text)
    dated_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    delivery_method: Mapped[DeliveryMethod] = mapped_column(EnumText(DeliveryMethod, 20),
                                                            default=DeliveryMethod.POST)
    sent_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    delivery_status: Mapped[DeliveryStatus] = mapped_column(EnumText(DeliveryStatus, 20),
                                                            default=DeliveryStatus.PENDING)
    delivered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    first_notice_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    deemed_delivered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    extra: Mapped[str] = mapped_column(Text, default="{}")  # the content as issued (JSON)
    returned_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # back to sender
    email_sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    email_message_id: Mapped[str | None] = mapped_column(String(250), nullable=True)
    email_error: Mapped[str] = mapped_column(Text, default="")


class LetterFile(Base):
    """The exact PDF of an issued letter: reprints are these bytes, checked by their hash."""

    __tablename__ = "letter_files"

    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id", ondelete="CASCADE"),
                                           primary_key=True)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
