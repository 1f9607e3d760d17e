"""The audit trail's personal values, kept apart from the append-only entries.

A case-linked audit entry refers to its personal values (names, PESEL, addresses, incomes…)
by the id of a row here (``domain/audit_values.py``); anonymising the case deletes its rows,
while the entry itself, which the database never lets anyone change, keeps only the reference.
"""

from __future__ import annotations

from sqlalchemy import Index, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from clerk_app.persistence.base import Base


class AuditValue(Base):
    """The personal part (``{key: [old, new]}`` as JSON) of one case-linked audit entry."""

    __tablename__ = "audit_values"
    __table_args__ = (Index("ix_audit_values_case_id", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(Integer)
    value: Mapped[str] = mapped_column(Text)
