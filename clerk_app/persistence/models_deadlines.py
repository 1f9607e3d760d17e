"""The deadlines of a case, stored as their structure (domain ``DeadlineValue``).

``nominal_end_on`` and ``due_on`` are derived from the rest by the legal calendar and kept
for sorting and the dashboard; both are empty while the clock stands still (suspended).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clerk_app.domain.cases import DeadlineKind, DeadlineState, PeriodUnit
from clerk_app.persistence.base import Base, Versioned
from clerk_app.persistence.enum_column import EnumText
from clerk_app.persistence.models_letters import Letter


class Deadline(Versioned, Base):
    """A legal or office deadline of a case: start event, period, state, closing."""

    __tablename__ = "deadlines"
    __table_args__ = (
        Index("ix_deadlines_case_id", "case_id"),
        Index("ix_deadlines_state_due_on", "state", "due_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    # EnumText: rows hold DeadlineKind / DeadlineState / PeriodUnit members; typed as their
    # base str so the deadline engine may assign plain values.
    kind: Mapped[str] = mapped_column(EnumText(DeadlineKind, 30))
    state: Mapped[str] = mapped_column(EnumText(DeadlineState, 20))
    start_event: Mapped[str] = mapped_column(String(40))  # a domain CaseEvent value
    start_on: Mapped[date] = mapped_column(Date)
    period_count: Mapped[int] = mapped_column(Integer)
    period_unit: Mapped[str] = mapped_column(EnumText(PeriodUnit, 10))  # days, months, date
    reference: Mapped[str | None] = mapped_column(String(40), nullable=True)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    nominal_end_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    closed_by: Mapped[str | None] = mapped_column(String(40), nullable=True)  # CaseEvent
    closing_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    letter_id: Mapped[int | None] = mapped_column(ForeignKey("letters.id"), nullable=True)

    letter: Mapped[Letter | None] = relationship()
    suspensions: Mapped[list[DeadlineSuspension]] = relationship(
        order_by="DeadlineSuspension.id", cascade="all, delete-orphan", lazy="selectin")
    redatings: Mapped[list[DeadlineRedating]] = relationship(
        order_by="DeadlineRedating.id", cascade="all, delete-orphan", lazy="selectin")


class DeadlineSuspension(Base):
    """The clock of a deadline stood still from ``start_on`` to ``end_on`` (open: empty)."""

    __tablename__ = "deadline_suspensions"
    __table_args__ = (Index("ix_deadline_suspensions_deadline_id", "deadline_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    deadline_id: Mapped[int] = mapped_column(ForeignKey("deadlines.id", ondelete="CASCADE"))
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class DeadlineRedating(Base):
    """An earlier due date of a deadline, replaced on ``on`` (extension or delay notice)."""

    __tablename__ = "deadline_redatings"
    __table_args__ = (Index("ix_deadline_redatings_deadline_id", "deadline_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    deadline_id: Mapped[int] = mapped_column(ForeignKey("deadlines.id", ondelete="CASCADE"))
    on: Mapped[date] = mapped_column(Date)
    previous_due_on: Mapped[date] = mapped_column(Date)
    event: Mapped[str] = mapped_column(String(40))  # CaseEvent
    reference: Mapped[str | None] = mapped_column(String(40), nullable=True)
