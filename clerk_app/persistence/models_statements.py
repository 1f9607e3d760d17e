"""The incomes of household members and the trail of who viewed a property statement."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from clerk_app.persistence.base import Base, UtcDateTime
from clerk_app.persistence.models_cases import MONEY


class HouseholdIncome(Base):
    """One monthly income of a household member, by source (a member may have several)."""

    __tablename__ = "household_incomes"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("household_members.id", ondelete="CASCADE"), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(120))
    amount: Mapped[Decimal] = mapped_column(MONEY)


class StatementViewEntry(Base):
    """Someone opened a case's property statement (RODO: every view is traceable)."""

    __tablename__ = "property_statement_views"
    __table_args__ = (Index("ix_property_statement_views_case_id", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str] = mapped_column(String(64))
    viewed_at: Mapped[datetime] = mapped_column(UtcDateTime)
