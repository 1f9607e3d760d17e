"""One-off days off set by the admin, and the legal calendar built with them.

Adding or removing a day off recomputes, in the same transaction, every open (running or
suspended) deadline whose end the day can move: those with ``nominal_end_on <= day <=
due_on`` (a day outside that range cannot change the art. 57 § 4 shift). Each moved deadline
gets an audit entry with its case id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.calendar_days_off import statutory_holiday_name, weekend_name
from clerk_app.domain.errors import FieldError
from clerk_app.domain.roles import Permission
from clerk_app.persistence.models import DayOff, Deadline
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import NotFound
from clerk_app.services.core.unit_of_work import Work, read_as, unit_of_work
from clerk_app.services.deadlines import engine as engine

NAME_FIELD = "name"
DAY_FIELD = "day"


@dataclass(frozen=True)
class DayOffRow:
    id: int
    day: date
    name: str


@dataclass(frozen=True)
class DayOffChange:
    """The day added or removed and how many open deadlines moved because of it."""

    day_off: DayOffRow
    moved_deadlines: int


def calendar_for(session: Session) -> LegalCalendar:
    """The legal calendar with the admin's one-off days off (use it for every deadline)."""
    rows = session.execute(select(DayOff.day, DayOff.name).order_by(DayOff.day))
    return LegalCalendar([(day, name) for day, name in rows])


def list_days_off(ctx: AppContext, actor: Actor) -> list[DayOffRow]:
    """All one-off days off, oldest first."""
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        return [DayOffRow(r.id, r.day, r.name)
                for r in session.scalars(select(DayOff).order_by(DayOff.day))]


def recompute_for_day(work: Work, day: date) -> int:
    """Recompute the open deadlines a change of ``day`` can move; returns how many moved."""
    cal = calendar_for(work.session)
    rows = list(work.session.scalars(
        select(Deadline).where(engine.affected_by_day(day)).order_by(Deadline.id)
        .with_for_update()
    ))
    moved: list[int] = []
    for row in rows:
        old_due, old_text = row.due_on, row.explanation
        engine.apply(cal, row)
        if row.due_on != old_due or row.explanation != old_text:
            work.audit_changes(row, "recompute", case_id=row.case_id)
            moved.append(row.case_id)
    if moved:
        engine.refresh_next_deadline(work, moved)
    return len(moved)


def add_day_off(ctx: AppContext, actor: Actor, day: date, name: str) -> DayOffChange:
    """Admin: declare ``day`` a day off (e.g. a day off for the office) and move deadlines."""
    name = (name or "").strip()
    with unit_of_work(ctx, actor, Permission.MANAGE_SETTINGS) as work:
        if not name:
            raise FieldError(NAME_FIELD, "Podaj nazwę dnia wolnego, np. „dzień wolny za "
                                         "święto przypadające w sobotę”.")
        if len(name) > 200:
            raise FieldError(NAME_FIELD, "Nazwa może mieć najwyżej 200 znaków.")
        existing = statutory_holiday_name(day) or weekend_name(day)
        if existing:
            raise FieldError(DAY_FIELD, f"Ten dzień jest już dniem wolnym ({existing}).")
        if work.session.scalar(select(DayOff.id).where(DayOff.day == day)) is not None:
            raise FieldError(DAY_FIELD, "Ten dzień jest już na liście dni wolnych.")
        row = DayOff(day=day, name=name)
        work.session.add(row)
        work.audit_new(row)
        moved = recompute_for_day(work, day)
        return DayOffChange(DayOffRow(row.id, row.day, row.name), moved)


def remove_day_off(ctx: AppContext, actor: Actor, day_off_id: int) -> DayOffChange:
    """Admin: remove a one-off day off; deadlines that were moved past it move back."""
    with unit_of_work(ctx, actor, Permission.MANAGE_SETTINGS) as work:
        row = work.session.get(DayOff, day_off_id)
        if row is None:
            raise NotFound("Nie znaleziono dnia wolnego.")
        removed = DayOffRow(row.id, row.day, row.name)
        work.audit("days_off", row.id, "delete",
                   {"day": [row.day.isoformat(), None], "name": [row.name, None]})
        work.session.delete(row)
        work.session.flush()
        moved = recompute_for_day(work, removed.day)
        return DayOffChange(removed, moved)
