"""The supervisors' deposit statistics (``Permission.REPORTS``), read in one snapshot.

Every figure is about the deposit cases registered in the period (``cases.received_on`` in
the year, or every year), aggregated in the database (GROUP BY; a million cases stay fast):

- Cases by month of registration and their current state (``cases.status``).
- Decided within the month: the case's decision deadlines (``deadlines.kind`` "decision")
  met and missed; running, suspended and cancelled ones do not count.
- The median calendar days from the complete petition (``cases.complete_on``) to the first
  decision (the earliest ``deposit_decisions.decided_on``, superseded or not: a
  reconsideration does not make the first answer later), counted per number of days.
- Deadlines (every kind) of the cases met and missed, per clerk (the case's assignee).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, cast, extract, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from clerk_app.domain.cases import CaseKind, CaseStatus, DeadlineKind, DeadlineState
from clerk_app.domain.deposit_statistics import (
    CLOSED_STATES,
    ClerkDeadlines,
    DepositStatistics,
    median_of_counts,
    state_months,
)
from clerk_app.domain.roles import Permission
from clerk_app.persistence.models import Case, Deadline, DepositDecision, User
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.unit_of_work import read_as
from clerk_app.services.statistics.iok import check_year

UNASSIGNED = "(nieprzydzielone)"
_CLOSED = [s.value for s in CLOSED_STATES]


def _deposit(year: int | None) -> ColumnElement[bool]:
    """The deposit cases registered in ``year`` (None: all)."""
    kind = Case.kind == CaseKind.DEPOSIT.value
    if year is None:
        return kind
    return and_(kind, Case.received_on >= date(year, 1, 1),
                Case.received_on <= date(year, 12, 31))


def _month_of_case() -> tuple[ColumnElement[int], ColumnElement[int]]:
    return extract("year", Case.received_on), extract("month", Case.received_on)


def _states(session: Session, year: int | None) -> list[tuple[date, CaseStatus, int]]:
    y, m = _month_of_case()
    rows = session.execute(select(y, m, Case.status, func.count()).where(_deposit(year))
                           .group_by(y, m, Case.status))
    return [(date(int(r[0]), int(r[1]), 1), CaseStatus(r[2]), int(r[3])) for r in rows]


def _decision_deadlines(session: Session,
                        year: int | None) -> list[tuple[date, DeadlineState, int]]:
    y, m = _month_of_case()
    rows = session.execute(
        select(y, m, Deadline.state, func.count())
        .join(Case, Case.id == Deadline.case_id)
        .where(_deposit(year), Deadline.kind == DeadlineKind.DECISION.value,
               Deadline.state.in_(_CLOSED))
        .group_by(y, m, Deadline.state))
    return [(date(int(r[0]), int(r[1]), 1), DeadlineState(r[2]), int(r[3])) for r in rows]


def _days(session: Session, end: ColumnElement[Any],
          start: ColumnElement[Any] | InstrumentedAttribute[Any]) -> ColumnElement[int]:
    """Calendar days from ``start`` to ``end`` in SQL (PostgreSQL: date − date)."""
    if session.get_bind().dialect.name == "sqlite":
        return cast(func.julianday(end) - func.julianday(start), Integer)
    return cast(end - start, Integer)


def _days_to_decision(session: Session, year: int | None) -> list[tuple[int, int]]:
    """(days, cases) from the complete petition to the first decision."""
    first = (select(DepositDecision.case_id, func.min(DepositDecision.decided_on)
                    .label("decided_on")).group_by(DepositDecision.case_id).subquery())
    days = _days(session, first.c.decided_on, Case.complete_on).label("days")
    rows = session.execute(
        select(days, func.count()).join(first, first.c.case_id == Case.id)
        .where(_deposit(year), Case.complete_on.is_not(None),
               first.c.decided_on >= Case.complete_on)
        .group_by(days))
    return [(int(d), int(n)) for d, n in rows]


def _clerks(session: Session, year: int | None) -> tuple[ClerkDeadlines, ...]:
    rows = session.execute(
        select(Case.assignee_id, User.full_name, Deadline.state, func.count())
        .join(Case, Case.id == Deadline.case_id)
        .outerjoin(User, User.id == Case.assignee_id)
        .where(_deposit(year), Deadline.state.in_(_CLOSED))
        .group_by(Case.assignee_id, User.full_name, Deadline.state))
    names: dict[int | None, str] = {}
    counts: dict[tuple[int | None, DeadlineState], int] = {}
    for user_id, name, state, n in rows:
        names[user_id] = name or UNASSIGNED
        counts[(user_id, DeadlineState(state))] = int(n)
    clerks = [ClerkDeadlines(uid, name, counts.get((uid, DeadlineState.MET), 0),
                             counts.get((uid, DeadlineState.MISSED), 0))
              for uid, name in names.items()]
    return tuple(sorted(clerks, key=lambda c: (c.user_id is None, c.name.casefold())))


def _years(session: Session) -> tuple[int, ...]:
    return tuple(sorted(int(y) for y in session.scalars(
        select(extract("year", Case.received_on))
        .where(Case.kind == CaseKind.DEPOSIT.value).distinct()) if y is not None))


def deposit_statistics(ctx: AppContext, actor: Actor, year: int | None) -> DepositStatistics:
    """Supervisor's read: the deposit statistics of ``year`` (None: every year)."""
    check_year(year)
    today = ctx.today()
    with read_as(ctx, actor, Permission.REPORTS, snapshot=True) as session:
        histogram = _days_to_decision(session, year)
        return DepositStatistics(
            year=year, as_of=today, years=_years(session),
            months=state_months(_states(session, year),
                                _decision_deadlines(session, year), year),
            decided=sum(n for _d, n in histogram),
            median_days_to_decision=median_of_counts(histogram),
            clerks=_clerks(session, year))
