"""Deadline mechanics inside an open unit of work: compute, open, suspend, resume, close.

Other services (intake, decisions) call these helpers inside their own transaction; the
public one-transaction functions are in :mod:`clerk_app.services.deadlines.actions`.

Stored fields of a ``Deadline`` row and what they mean here:

* ``start_event``/``start_on``/``period_count``/``period_unit``: the period as counted by
  art. 57 KPA (``days``, ``months``) or a date set by the office (``date``: the due date is
  ``start_on + period_count`` calendar days, e.g. a manual extension or a delay notice);
* ``suspended_days``: days of waiting for the applicant added to the nominal end;
* ``nominal_end_on``: the end before the art. 57 § 4 shift; ``due_on``: the shifted end;
* ``explanation``: the explanation lines; lines starting with one of ``HISTORY_PREFIXES``
  record past events (suspensions, earlier dates, substitute delivery) and survive a
  recomputation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, func, or_, select, update

from clerk_app.domain.calendar import ComputedDate, LegalCalendar
from clerk_app.domain.cases import DeadlineKind, DeadlineState, PeriodUnit
from clerk_app.domain.text import format_date_pl
from clerk_app.persistence.models import Case, Deadline
from clerk_app.services.core.errors import ConflictError, NotFound
from clerk_app.services.core.unit_of_work import Work
from clerk_app.services.deadlines.types import DeadlineView

HISTORY_PREFIXES = ("Wstrzymanie:", "Poprzedni termin:", "Doręczenie:")
SUSPENDED_LINE = "Bieg terminu wstrzymany od"
OPEN_STATES = (DeadlineState.RUNNING.value, DeadlineState.SUSPENDED.value)
_S = DeadlineState


@dataclass(frozen=True)
class DeadlineSpec:
    """A deadline to open."""

    kind: DeadlineKind
    start_event: str
    start_on: date
    count: int
    unit: PeriodUnit
    letter_id: int | None = None
    reason: str | None = None
    history: tuple[str, ...] = ()


def _fixed_rule(kind: str, reason: str | None) -> str:
    if kind == DeadlineKind.DELAY_NEW_DATE.value:
        return "nowy termin wskazany w zawiadomieniu o zwłoce (art. 36 KPA)"
    return f"termin wyznaczony ręcznie – powód: {reason or 'nie podano'}"


def compute(cal: LegalCalendar, row: Deadline) -> tuple[ComputedDate, list[str]]:
    """The due date of ``row`` from its stored period, suspension and history lines."""
    unit = PeriodUnit(row.period_unit)
    if unit is PeriodUnit.DAYS:
        base = cal.add_days(row.start_on, row.period_count, row.start_event)
    elif unit is PeriodUnit.MONTHS:
        base = cal.add_months(row.start_on, row.period_count, row.start_event)
    else:
        nominal = row.start_on + timedelta(days=row.period_count)
        result, skipped = cal.next_working_day_on_or_after(nominal)
        base = ComputedDate(result, row.start_on, row.start_event,
                            _fixed_rule(row.kind, row.extended_reason), nominal, skipped)
    extra = [line for line in (row.explanation or "").splitlines()
             if line.startswith(HISTORY_PREFIXES)]
    computed = base
    if row.suspended_days:
        nominal = base.nominal_end + timedelta(days=row.suspended_days)
        result, skipped = cal.next_working_day_on_or_after(nominal)
        computed = ComputedDate(result, base.start, base.start_event, base.rule, nominal,
                                skipped)
        extra.append(
            f"Doliczono dni wstrzymania biegu terminu: {row.suspended_days} "
            f"(koniec bez wstrzymania: {format_date_pl(base.nominal_end)})"
        )
    lines = computed.explanation_lines()
    lines[2:2] = extra
    if row.state == _S.SUSPENDED.value and row.suspended_on is not None:
        lines.append(f"{SUSPENDED_LINE} {format_date_pl(row.suspended_on)} "
                     "(oczekiwanie na usunięcie braków) – data zostanie przeliczona")
    return computed, lines


def apply(cal: LegalCalendar, row: Deadline) -> None:
    """Recompute ``nominal_end_on``, ``due_on`` and ``explanation`` of ``row`` in place."""
    computed, lines = compute(cal, row)
    row.nominal_end_on = computed.nominal_end
    row.due_on = computed.result
    row.explanation = "\n".join(lines)


def open_deadline(work: Work, cal: LegalCalendar, case_id: int, spec: DeadlineSpec) -> Deadline:
    """Start a running deadline of ``case_id`` (audited; ``cases.next_deadline`` refreshed)."""
    row = Deadline(
        case_id=case_id, kind=spec.kind.value, state=_S.RUNNING.value,
        start_event=spec.start_event[:200], start_on=spec.start_on, period_count=spec.count,
        period_unit=spec.unit.value, suspended_days=0, extended_reason=spec.reason,
        letter_id=spec.letter_id, explanation="\n".join(spec.history),
    )
    apply(cal, row)
    work.session.add(row)
    work.audit_new(row, "start", case_id=case_id)
    refresh_next_deadline(work, [case_id])
    return row


def suspend(work: Work, cal: LegalCalendar, row: Deadline, on: date) -> None:
    """Stop the clock of a running deadline on ``on`` (waiting for the applicant)."""
    row.state = _S.SUSPENDED.value
    row.suspended_on = on
    apply(cal, row)
    work.audit_changes(row, "suspend", case_id=row.case_id)


def resume(work: Work, cal: LegalCalendar, row: Deadline, on: date) -> int:
    """Restart a suspended deadline on ``on``; the days of waiting are added. Returns them."""
    since = row.suspended_on or on
    days = max(0, (on - since).days)
    row.explanation = "\n".join([
        *[line for line in (row.explanation or "").splitlines()
          if line.startswith(HISTORY_PREFIXES)],
        f"Wstrzymanie: {format_date_pl(since)} – {format_date_pl(on)} ({days} dni), "
        "oczekiwanie na usunięcie braków",
    ])
    row.suspended_days = (row.suspended_days or 0) + days
    row.suspended_on = None
    row.state = _S.RUNNING.value
    apply(cal, row)
    work.audit_changes(row, "resume", case_id=row.case_id)
    return days


def close(work: Work, row: Deadline, on: date, cancelled: bool = False) -> None:
    """Close a deadline on ``on``: met when on time, missed when late, or cancelled."""
    if cancelled:
        row.state = _S.CANCELLED.value
    elif row.state in OPEN_STATES:
        row.state = (_S.MET if on <= row.due_on else _S.MISSED).value
    row.closed_on = on
    work.audit_changes(row, "cancel" if cancelled else "close", case_id=row.case_id)


def open_rows(work: Work, case_id: int, kinds: Iterable[DeadlineKind],
              include_missed: bool = False) -> list[Deadline]:
    """Open deadlines of a case of the given kinds, oldest first (row-locked on PostgreSQL)."""
    states = [*OPEN_STATES, _S.MISSED.value] if include_missed else list(OPEN_STATES)
    query = (select(Deadline)
             .where(Deadline.case_id == case_id, Deadline.closed_on.is_(None),
                    Deadline.state.in_(states), Deadline.kind.in_([k.value for k in kinds]))
             .order_by(Deadline.id).with_for_update())
    return list(work.session.scalars(query))


def close_open_deadlines(work: Work, case_id: int, kinds: Iterable[DeadlineKind], on: date,
                         cancelled: bool = False) -> int:
    """Close every open deadline of the kinds (e.g. when a decision is made); returns count."""
    rows = open_rows(work, case_id, kinds, include_missed=True)
    for row in rows:
        close(work, row, on, cancelled)
    if rows:
        refresh_next_deadline(work, [case_id])
    return len(rows)


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
    return and_(Deadline.state.in_(OPEN_STATES), Deadline.nominal_end_on <= day,
                Deadline.due_on >= day)


def load(work: Work, deadline_id: int, version: int | None) -> Deadline:
    row = work.session.get(Deadline, deadline_id, with_for_update=True)
    if row is None:
        raise NotFound("Nie znaleziono terminu.")
    if version is not None and row.version != version:
        raise ConflictError()
    return row


def to_view(row: Deadline) -> DeadlineView:
    return DeadlineView(
        id=row.id, case_id=row.case_id, kind=DeadlineKind(row.kind),
        state=DeadlineState(row.state), start_event=row.start_event, start_on=row.start_on,
        period_count=row.period_count, period_unit=PeriodUnit(row.period_unit),
        nominal_end_on=row.nominal_end_on, due_on=row.due_on, suspended_on=row.suspended_on,
        suspended_days=row.suspended_days or 0, extended_reason=row.extended_reason,
        closed_on=row.closed_on, letter_id=row.letter_id,
        explanation_lines=tuple((row.explanation or "").splitlines()), version=row.version,
    )
