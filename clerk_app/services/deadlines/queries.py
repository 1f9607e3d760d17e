"""Deadline lists for the dashboard and the supervisors' report: one joined query, no N+1.

Rows carry the working days left (negative when overdue) counted with the legal calendar
(days off included), computed from a prefix sum over the date range instead of walking the
calendar for every row.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.cases import CaseKind, CaseStatus, DeadlineKind, DeadlineState
from clerk_app.domain.deadline_report import UNASSIGNED, DeadlineRow
from clerk_app.domain.deadline_rules import current_decision_due, default_delay_new_date
from clerk_app.persistence.models import Case, Deadline, User
from clerk_app.services.deadlines.days_off import calendar_for
from clerk_app.services.deadlines.engine import to_view
from clerk_app.services.deadlines.types import DeadlineView


class WorkingDayIndex:
    """``between(a, b)`` = ``LegalCalendar.working_days_between(a, b)`` in O(1) per call
    (office working days: office closures count as days off)."""

    def __init__(self, cal: LegalCalendar, first: date, last: date) -> None:
        self._count: dict[date, int] = {}
        count, day = 0, first
        while day <= last:
            count += cal.is_office_working_day(day)
            self._count[day] = count
            day += timedelta(days=1)

    def between(self, start: date, end: date) -> int:
        return self._count[end] - self._count[start]


def fetch_rows(session: Session, cal: LegalCalendar, as_of: date, *,
               horizon_end: date | None = None, assignee_id: int | None = None,
               include_suspended: bool = False) -> list[DeadlineRow]:
    """Open deadlines (running; missed and not dealt with; optionally suspended), joined with
    their case and assignee in one query, ordered by due date."""
    running = Deadline.state == DeadlineState.RUNNING.value
    if horizon_end is not None:
        running = and_(running, Deadline.due_on <= horizon_end)
    states = [running, Deadline.state == DeadlineState.MISSED.value]
    if include_suspended:
        states.append(Deadline.state == DeadlineState.SUSPENDED.value)
    query = (
        select(Deadline.id, Deadline.case_id, Deadline.kind, Deadline.state, Deadline.start_on,
               Deadline.due_on, Deadline.version, Case.signature, Case.applicant_last_name,
               Case.applicant_first_name, Case.kind, Case.status, Case.assignee_id,
               User.full_name)
        .join(Case, Case.id == Deadline.case_id)
        .outerjoin(User, User.id == Case.assignee_id)
        .where(Deadline.closed_on.is_(None), or_(*states))
        .order_by(Deadline.due_on.is_(None), Deadline.due_on, Case.signature, Deadline.id)
    )
    if assignee_id is not None:
        query = query.where(Case.assignee_id == assignee_id)
    result = session.connection().execute(query).all()  # Core rows: no ORM overhead
    if not result:
        return []
    dues = [r[5] for r in result if r[5] is not None]
    index = WorkingDayIndex(cal, min([*dues, as_of]), max([*dues, as_of]))
    kinds = {k.value: k for k in DeadlineKind}
    states_by = {s.value: s for s in DeadlineState}
    case_kinds = {k.value: k for k in CaseKind}
    statuses = {s.value: s for s in CaseStatus}
    rows: list[DeadlineRow] = []
    for (dl_id, case_id, kind, state, start_on, due_on, version, signature, last, first,
         case_kind, status, assignee, assignee_name) in result:
        rows.append(DeadlineRow(
            dl_id, case_id, signature, f"{last} {first}".strip(), case_kinds[case_kind],
            kinds[kind], start_on, due_on,
            None if due_on is None else index.between(as_of, due_on),
            due_on is not None and due_on < as_of, states_by[state], statuses[status],
            assignee, assignee_name or UNASSIGNED, version))
    return rows


def read_case_deadlines(session: Session, case_id: int) -> list[DeadlineView]:
    """All deadlines of a case, oldest first, with their explanation lines."""
    cal = calendar_for(session)
    rows = session.scalars(select(Deadline).where(Deadline.case_id == case_id)
                           .order_by(Deadline.start_on, Deadline.id))
    return [to_view(cal, r) for r in rows]


def delay_notice_date(cal: LegalCalendar, today: date, deadlines: list[DeadlineView]) -> date:
    """The new date a delay notice of a case with ``deadlines`` proposes (domain rule)."""
    current = current_decision_due([(d.kind, d.due_on, d.is_open) for d in deadlines])
    return default_delay_new_date(cal, today, current)
