"""The two register queries: one SELECT each, plain tuples in, register rows out.

The case register joins every case of a unit, class and year to the incoming item that
opened it (the earliest one registered for the case); the incoming register joins every
entry of a year to its assignee and its case. Rows come in register order.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from clerk_app.domain.registers import (
    CaseRegisterRow,
    IncomingRegisterRow,
    case_remarks,
    incoming_remarks,
)
from clerk_app.domain.settlement import SettlementKind
from clerk_app.persistence.models import Case, IncomingItem, User
from clerk_app.services.core.context import OFFICE_TZ

FETCH_ROWS = 5000  # rows read from the cursor at a time


def case_rows(session: Session, unit: str, jrwa_class: str,
              year: int) -> Iterator[CaseRegisterRow]:
    """The cases of one register in number order, each with its opening item's sender."""
    first_item = (select(func.min(IncomingItem.id)).where(IncomingItem.case_id == Case.id)
                  .correlate(Case).scalar_subquery())
    item = aliased(IncomingItem)
    query = (
        select(Case.number, Case.signature, Case.subject, Case.applicant_last_name,
               Case.applicant_first_name, Case.received_on, Case.settled_on,
               Case.settlement, Case.settlement_remarks, item.sender_name,
               item.sender_reference, item.sender_reference_date)
        .outerjoin(item, item.id == first_item)
        .where(Case.unit_symbol == unit, Case.jrwa_class == jrwa_class, Case.year == year)
        .order_by(Case.number)
    )
    labels: dict[str | None, str | None] = {None: None}
    for (number, signature, subject, last, first, opened, settled, settlement, remarks,
         sender, reference, reference_date) in session.execute(
            query, execution_options={"yield_per": FETCH_ROWS}):
        key = None if settlement is None else str(settlement)
        label = labels.get(key)
        if label is None and key is not None:
            label = labels[key] = SettlementKind(key).label
        yield CaseRegisterRow(
            number, signature, subject or "",
            sender if sender is not None else f"{first} {last}".strip(),  # as a sender
            reference or "", reference_date, opened, settled,
            case_remarks(label, remarks or ""))


def incoming_rows(session: Session, year: int) -> Iterator[IncomingRegisterRow]:
    """The entries of one year's incoming register in register-number order."""
    assignee = aliased(User)
    query = (
        select(IncomingItem.register_number, IncomingItem.entry_number,
               IncomingItem.received_at, IncomingItem.sender_name,
               IncomingItem.sender_reference, IncomingItem.sender_reference_date,
               IncomingItem.subject, IncomingItem.attachments_count, assignee.full_name,
               IncomingItem.remarks, Case.signature)
        .outerjoin(Case, Case.id == IncomingItem.case_id)
        .outerjoin(assignee, assignee.id == func.coalesce(IncomingItem.assigned_to_id,
                                                          Case.assignee_id))
        .where(IncomingItem.register_year == year)
        .order_by(IncomingItem.register_number)
    )
    days: dict[tuple[int, int, int, int], date] = {}
    for (number, entry, received_at, sender, reference, reference_date, subject,
         attachments, assigned, remarks, signature) in session.execute(
            query, execution_options={"yield_per": FETCH_ROWS}):
        yield IncomingRegisterRow(
            number, entry, _office_day(received_at, days), sender or "", reference or "",
            reference_date, subject or "", attachments or 0, assigned or "",
            incoming_remarks(remarks or "", signature))


def _office_day(moment: datetime, cache: dict[tuple[int, int, int, int], date]) -> date:
    """The office's (Europe/Warsaw) date of a UTC moment; cached per UTC hour."""
    key = (moment.year, moment.month, moment.day, moment.hour)
    day = cache.get(key)
    if day is None:
        day = cache[key] = moment.astimezone(OFFICE_TZ).date()
    return day


def register_classes(session: Session) -> list[tuple[str, str]]:
    """Every unit and JRWA class that has cases."""
    query = select(Case.unit_symbol, Case.jrwa_class).distinct()
    return [(unit, jrwa) for unit, jrwa in session.execute(query)]


def case_years(session: Session) -> list[int]:
    return [y for (y,) in session.execute(select(Case.year).distinct())]


def incoming_years(session: Session) -> list[int]:
    return [y for (y,) in session.execute(select(IncomingItem.register_year).distinct())]
