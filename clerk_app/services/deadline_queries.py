"""Deadline lists for the dashboard and the supervisors' report: one joined query, no N+1.

Rows carry the working days left (negative when overdue) counted with the legal calendar
(days off included), computed from a prefix sum over the date range instead of walking the
calendar for every row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.cases import CaseKind, CaseStatus, DeadlineKind, DeadlineState
from clerk_app.persistence.models import Case, Deadline, User

UNASSIGNED = "(nieprzydzielone)"
DELAY_NOTICE_WORKING_DAYS = 5
AMBER_WORKING_DAYS = 2
_UNDECIDED = frozenset({CaseStatus.REGISTERED, CaseStatus.IN_PROGRESS})


@dataclass(frozen=True)
class DeadlineRow:
    """One deadline of one case, as listed in the dashboard and in the report."""

    deadline_id: int
    case_id: int
    signature: str
    applicant: str
    case_kind: CaseKind
    deadline_kind: DeadlineKind
    start_on: date
    due_on: date
    working_days_left: int | None  # None while suspended; negative when overdue
    overdue: bool
    state: DeadlineState
    case_status: CaseStatus
    assignee_id: int | None
    assignee_name: str
    version: int

    @property
    def status_label(self) -> str:
        """State in Polish; a running deadline past its date reads "Po terminie"."""
        if self.overdue and self.state is DeadlineState.RUNNING:
            return "Po terminie"
        return self.state.label

    @property
    def due_soon(self) -> bool:
        """Due within two working days (and not overdue)."""
        return (not self.overdue and self.working_days_left is not None
                and self.working_days_left <= AMBER_WORKING_DAYS)

    @property
    def needs_delay_notice(self) -> bool:
        """A decision not yet made, due within five working days or already overdue."""
        return (self.deadline_kind in (DeadlineKind.DECISION, DeadlineKind.DELAY_NEW_DATE)
                and self.state in (DeadlineState.RUNNING, DeadlineState.MISSED)
                and self.case_status in _UNDECIDED
                and self.working_days_left is not None
                and self.working_days_left <= DELAY_NOTICE_WORKING_DAYS)


class WorkingDayIndex:
    """``between(a, b)`` = ``LegalCalendar.working_days_between(a, b)`` in O(1) per call."""

    def __init__(self, cal: LegalCalendar, first: date, last: date) -> None:
        self._count: dict[date, int] = {}
        count, day = 0, first
        while day <= last:
            count += cal.is_working_day(day)
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
        .order_by(Deadline.due_on, Case.signature, Deadline.id)
    )
    if assignee_id is not None:
        query = query.where(Case.assignee_id == assignee_id)
    result = session.connection().execute(query).all()  # Core rows: no ORM overhead
    if not result:
        return []
    dues = [r[5] for r in result]
    index = WorkingDayIndex(cal, min(min(dues), as_of), max(max(dues), as_of))
    kinds = {k.value: k for k in DeadlineKind}
    states_by = {s.value: s for s in DeadlineState}
    case_kinds = {k.value: k for k in CaseKind}
    statuses = {s.value: s for s in CaseStatus}
    suspended_state, rows = DeadlineState.SUSPENDED.value, []
    for (dl_id, case_id, kind, state, start_on, due_on, version, signature, last, first,
         case_kind, status, assignee, assignee_name) in result:
        suspended = state == suspended_state
        rows.append(DeadlineRow(
            dl_id, case_id, signature, f"{last} {first}".strip(), case_kinds[case_kind],
            kinds[kind], start_on, due_on, None if suspended else index.between(as_of, due_on),
            not suspended and due_on < as_of, states_by[state], statuses[status], assignee,
            assignee_name or UNASSIGNED, version))
    return rows
