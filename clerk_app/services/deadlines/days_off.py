"""One-off days recorded by the admin, and the legal calendar built with them.

Two kinds (:class:`~clerk_app.domain.calendar_days_off.DayOffKind`): a day off set by law
moves legal deadlines; an office closure only counts in the office's working-day figures.
Adding or removing a day off set by law recomputes, in the same transaction, every open
deadline whose end the day can move: those with ``nominal_end_on <= day <= due_on`` (a day
outside that range cannot change the art. 57 § 4 shift; a suspended deadline has no end
yet). Each moved deadline gets an audit entry with its case id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.calendar_days_off import (
    DayOffKind,
    statutory_holiday_name,
    weekend_name,
)
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
    kind: DayOffKind = DayOffKind.STATUTORY


@dataclass(frozen=True)
class DayOffChange:
    """The day added or removed and how many open deadlines moved because of it."""

    day_off: DayOffRow
    moved_deadlines: int


def calendar_for(session: Session) -> LegalCalendar:
    """The legal calendar with the admin's one-off days (use it for every deadline)."""
    rows = session.execute(select(DayOff.day, DayOff.name, DayOff.kind).order_by(DayOff.day))
    by_kind: dict[str, list[tuple[date, str]]] = {k.value: [] for k in DayOffKind}
    for day, name, kind in rows:
        by_kind.setdefault(kind, []).append((day, name))
    return LegalCalendar(by_kind[DayOffKind.STATUTORY.value],
                         by_kind[DayOffKind.OFFICE_CLOSURE.value])


def list_days_off(ctx: AppContext, actor: Actor) -> list[DayOffRow]:
    """All one-off days off, oldest first (any active account: the admin keeps them)."""
    with read_as(ctx, actor) as session:
        return [DayOffRow(r.id, r.day, r.name, DayOffKind(r.kind))
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
        old_due = row.due_on
        engine.store(cal, row, engine.to_value(row))
        if row.due_on != old_due:
            work.audit_changes(row, "recompute", case_id=row.case_id)
            moved.append(row.case_id)
    if moved:
        engine.refresh_next_deadline(work, moved)
    return len(moved)


def add_day_off(ctx: AppContext, actor: Actor, day: date, name: str,
                kind: DayOffKind = DayOffKind.STATUTORY) -> DayOffChange:
    """Admin: record a one-off day; a day off set by law moves the deadlines it touches."""
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
        row = DayOff(day=day, name=name, kind=DayOffKind(kind).value)
        work.session.add(row)
        work.audit_new(row)
        moved = recompute_for_day(work, day) if DayOffKind(kind).moves_deadlines else 0
        return DayOffChange(DayOffRow(row.id, row.day, row.name, DayOffKind(kind)), moved)


def remove_day_off(ctx: AppContext, actor: Actor, day_off_id: int) -> DayOffChange:
    """Admin: remove a one-off day off; deadlines that were moved past it move back."""
    with unit_of_work(ctx, actor, Permission.MANAGE_SETTINGS) as work:
        row = work.session.get(DayOff, day_off_id)
        if row is None:
            raise NotFound("Nie znaleziono dnia wolnego.")
        removed = DayOffRow(row.id, row.day, row.name, DayOffKind(row.kind))
        work.audit("days_off", row.id, "delete",
                   {"day": [row.day.isoformat(), None], "name": [row.name, None],
                    "kind": [row.kind, None]})
        work.session.delete(row)
        work.session.flush()
        moved = recompute_for_day(work, removed.day) if removed.kind.moves_deadlines else 0
        return DayOffChange(removed, moved)
