"""Deadline rows inside an open unit of work: read as domain values, stored back, listed.

A ``Deadline`` row and its suspension and redating rows hold the structure of a domain
:class:`~clerk_app.domain.deadline_value.DeadlineValue`; :func:`store` writes a value back
and refreshes the derived ``nominal_end_on``/``due_on`` (empty while suspended). What an
event does to which deadline is decided by the table in
:mod:`clerk_app.domain.deadline_rules` and carried out by
:mod:`clerk_app.services.deadlines.events`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlalchemy import ColumnElement, and_, func, or_, select, update

from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.case_events import CaseEvent
from clerk_app.domain.cases import DeadlineKind, DeadlineState, PeriodUnit
from clerk_app.domain.deadline_rules import IOK_DEADLINES, Period
from clerk_app.domain.deadline_value import (
    DeadlineValue,
    DeemedDelivery,
    Redating,
    Suspension,
)
from clerk_app.domain.iok_stage import iok_explanation
from clerk_app.persistence.models import Case, Deadline, DeadlineRedating, DeadlineSuspension
from clerk_app.services.core.errors import ConflictError, NotFound
from clerk_app.services.core.unit_of_work import Work
from clerk_app.services.deadlines.types import DeadlineView

OPEN_STATES = (DeadlineState.RUNNING.value, DeadlineState.SUSPENDED.value)
R = TypeVar("R")
V = TypeVar("V")
_S = DeadlineState


@dataclass(frozen=True)
class NewDeadline:
    """A deadline to open: its kind, start event and day, period and the letter behind it."""

    kind: DeadlineKind
    event: CaseEvent
    start_on: date
    period: Period
    letter_id: int | None = None
    reference: str | None = None
    reason: str | None = None
    redatings: tuple[Redating, ...] = ()


def to_value(row: Deadline) -> DeadlineValue:
    """The domain value stored in ``row``."""
    letter = row.letter
    deemed = None
    if (letter is not None and letter.first_notice_on and letter.deemed_delivered_on
            and row.start_event == CaseEvent.SUMMONS_DEEMED_DELIVERED.value):
        deemed = DeemedDelivery(letter.first_notice_on, letter.deemed_delivered_on)
    return DeadlineValue(
        kind=DeadlineKind(row.kind), state=DeadlineState(row.state),
        start_event=CaseEvent(row.start_event), start_on=row.start_on,
        period=Period(row.period_count, PeriodUnit(row.period_unit)),
        reference=row.reference, reason=row.reason,
        suspensions=tuple(Suspension(s.start_on, s.end_on) for s in row.suspensions),
        redatings=tuple(Redating(r.on, r.previous_due_on, CaseEvent(r.event), r.reference)
                        for r in row.redatings),
        deemed_delivery=deemed, closed_on=row.closed_on,
        closed_by=CaseEvent(row.closed_by) if row.closed_by else None,
        closing_note=row.closing_note,
    )


def store(cal: LegalCalendar, row: Deadline, value: DeadlineValue) -> None:
    """Write ``value`` into ``row`` (and its child rows) and refresh the derived dates."""
    row.kind, row.state = value.kind.value, value.state.value
    row.start_event, row.start_on = value.start_event.value, value.start_on
    row.period_count, row.period_unit = value.period.count, value.period.unit.value
    row.reference, row.reason = value.reference, value.reason
    row.closed_on, row.closing_note = value.closed_on, value.closing_note
    row.closed_by = value.closed_by.value if value.closed_by else None
    due = value.due(cal)
    row.nominal_end_on = due.nominal_end if due else None
    row.due_on = due.result if due else None
    _sync(row.suspensions, value.suspensions, lambda s: DeadlineSuspension(
        start_on=s.start, end_on=s.end), lambda r, s: (r.start_on, r.end_on) == (s.start, s.end))
    _sync(row.redatings, value.redatings, lambda r: DeadlineRedating(
        on=r.on, previous_due_on=r.previous_due, event=r.event.value, reference=r.reference),
        lambda r, v: (r.on, r.previous_due_on) == (v.on, v.previous_due))


def _sync(rows: list[R], values: Sequence[V], make: Callable[[V], R],
          same: Callable[[R, V], bool]) -> None:
    """Keep child rows in step with the value's tuple (they only grow or end)."""
    for i, value in enumerate(values):
        if i < len(rows):
            if not same(rows[i], value):
                rows[i] = make(value)
        else:
            rows.append(make(value))
    del rows[len(values):]


def open_deadline(work: Work, cal: LegalCalendar, case_id: int, new: NewDeadline) -> Deadline:
    """Start a running deadline of ``case_id`` (audited; ``cases.next_deadline`` refreshed)."""
    value = DeadlineValue(kind=new.kind, state=_S.RUNNING, start_event=new.event,
                          start_on=new.start_on, period=new.period, reference=new.reference,
                          reason=new.reason, redatings=new.redatings)
    row = Deadline(case_id=case_id, letter_id=new.letter_id, suspensions=[], redatings=[])
    store(cal, row, value)
    work.session.add(row)
    work.audit_new(row, "start", case_id=case_id)
    refresh_next_deadline(work, [case_id])
    return row


def change(work: Work, cal: LegalCalendar, row: Deadline, value: DeadlineValue,
           action: str) -> None:
    """Store a transition of ``row`` with its audit entry."""
    store(cal, row, value)
    work.audit_changes(row, action, case_id=row.case_id)


def open_rows(work: Work, case_id: int, kinds: Iterable[DeadlineKind],
              include_missed: bool = False) -> list[Deadline]:
    """Open deadlines of a case of the given kinds, oldest first (row-locked on PostgreSQL)."""
    states = [*OPEN_STATES, _S.MISSED.value] if include_missed else list(OPEN_STATES)
    query = (select(Deadline)
             .where(Deadline.case_id == case_id, Deadline.closed_on.is_(None),
                    Deadline.state.in_(states), Deadline.kind.in_([k.value for k in kinds]))
             .order_by(Deadline.id).with_for_update())
    return list(work.session.scalars(query))


def refresh_next_deadline(work: Work, case_ids: Iterable[int]) -> None:
    """``cases.next_deadline`` = earliest due date of a running (or missed, unresolved)
    deadline; a bulk UPDATE that leaves the case's version alone (it is derived data)."""
    ids = sorted(set(case_ids))
    work.session.flush()
    earliest = (
        select(func.min(Deadline.due_on))
        .where(Deadline.case_id == Case.id, Deadline.closed_on.is_(None),
               or_(Deadline.state == _S.RUNNING.value, Deadline.state == _S.MISSED.value))
        .scalar_subquery()
    )
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        work.session.execute(
            update(Case).where(Case.id.in_(chunk)).values(next_deadline=earliest)
            .execution_options(synchronize_session=False)
        )
    for case in work.session.identity_map.values():
        if isinstance(case, Case) and case.id in ids:
            work.session.expire(case, ["next_deadline"])


def affected_by_day(day: date) -> ColumnElement[bool]:
    """SQL condition: open deadlines whose end a day off on ``day`` can move."""
    return and_(Deadline.state.in_([_S.RUNNING.value, _S.MISSED.value]),
                Deadline.closed_on.is_(None), Deadline.nominal_end_on <= day,
                Deadline.due_on >= day)


def load(work: Work, deadline_id: int, version: int | None) -> Deadline:
    row = work.session.get(Deadline, deadline_id, with_for_update=True)
    if row is None:
        raise NotFound("Nie znaleziono terminu.")
    if version is not None and row.version != version:
        raise ConflictError()
    return row


def to_view(cal: LegalCalendar, row: Deadline) -> DeadlineView:
    """The plain view of ``row`` with its date and explanation computed now."""
    value = to_value(row)
    suspension = value.open_suspension
    return DeadlineView(
        id=row.id, case_id=row.case_id, kind=value.kind, state=value.state,
        start_event=value.start_label, event=value.start_event, start_on=value.start_on,
        period_count=value.period.count, period_unit=value.period.unit,
        nominal_end_on=row.nominal_end_on, due_on=row.due_on,
        suspended_on=suspension.start if suspension else None,
        suspended_days=value.suspended_days, extended_reason=value.reason,
        closed_on=row.closed_on, letter_id=row.letter_id,
        explanation_lines=explanation_of(value.kind, value.explanation(cal)),
        version=row.version,
    )


def explanation_of(kind: DeadlineKind, lines: tuple[str, ...]) -> tuple[str, ...]:
    """The explanation as shown: an IOK deadline is worded without KPA articles."""
    return iok_explanation(lines) if kind in IOK_DEADLINES else lines
