"""Outgoing letters with their delivery, and the deadlines of a case."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from clerk_app.domain.cases import DeadlineKind, DeadlineState, PeriodUnit
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


class Deadline(Versioned, Base):
    """A running legal or office deadline of a case, with its explanation."""

    __tablename__ = "deadlines"
    __table_args__ = (
        Index("ix_deadlines_case_id", "case_id"),
        Index("ix_deadlines_state_due_on", "state", "due_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    # EnumText: the rows hold DeadlineKind / DeadlineState / PeriodUnit members; typed as their
    # base str so the deadline services may still assign plain values.
    kind: Mapped[str] = mapped_column(EnumText(DeadlineKind, 30))
    state: Mapped[str] = mapped_column(EnumText(DeadlineState, 20))
    start_event: Mapped[str] = mapped_column(String(200))
    start_on: Mapped[date] = mapped_column(Date)
    period_count: Mapped[int] = mapped_column(Integer)
    period_unit: Mapped[str] = mapped_column(EnumText(PeriodUnit, 10))
    nominal_end_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    explanation: Mapped[str] = mapped_column(Text, default="")
    suspended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    suspended_days: Mapped[int] = mapped_column(Integer, default=0)
    extended_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    letter_id: Mapped[int | None] = mapped_column(ForeignKey("letters.id"), nullable=True)
