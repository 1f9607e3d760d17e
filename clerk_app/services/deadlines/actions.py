"""Deadlines of a case: one transaction per action, role check, audit entry with case id.

Rules (domain.md; periods are office settings):

* **Deficiency** (``deficiency_days``, 7): days from delivery of the summons (actual or
  deemed, art. 44 KPA); started by recording the delivery.
* **Decision** (``decision_months``, 1): months from the day the petition is complete – at
  registration when nothing is missing, otherwise the day the deficiencies are removed. A
  summons issued while the decision deadline runs *suspends* it on the day of the summons;
  removal of the deficiencies on day R *resumes* it and adds the calendar days from the
  summons to R (the waiting time is not counted). The due date is then the nominal month
  end plus those days, shifted by art. 57 § 4.
* **IOK target** (``iok_target_days``, 14): days from filing (office target, no statute).
* **Delay notice** (art. 36 KPA practice): the decision deadline is cancelled and replaced by
  a deadline on the new date (see :func:`clerk_app.services.letters.issue.issue_delay_notice`).

States: running → met / missed (closed on the day of the act) or cancelled; running ↔
suspended. :func:`refresh_missed` marks running deadlines past their due date as *missed*;
such a deadline stays open (``closed_on`` empty) until the act is done, and still counts for
``cases.next_deadline`` so overdue cases sort first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.cases import (
    CaseKind,
    CaseStatus,
    DeadlineKind,
    DeadlineState,
    PeriodUnit,
    check_transition,
)
from clerk_app.domain.errors import FieldError
from clerk_app.domain.roles import Permission
from clerk_app.domain.text import format_date_pl
from clerk_app.persistence.models import Case, Deadline
from clerk_app.services.admin.settings import read_settings
from clerk_app.services.core.context import OFFICE_TZ, Actor, AppContext
from clerk_app.services.core.errors import NotFound
from clerk_app.services.core.unit_of_work import Work, read_as, unit_of_work
from clerk_app.services.deadlines import engine as engine
from clerk_app.services.deadlines.days_off import calendar_for
from clerk_app.services.deadlines.engine import DeadlineSpec
from clerk_app.services.deadlines.types import DeadlineView

REASON_FIELD = "reason"
NEW_DUE_FIELD = "new_due"
_K = DeadlineKind
_S = DeadlineState


@dataclass(frozen=True)
class DeficienciesRemoved:
    """Outcome of :func:`record_deficiencies_removed`."""

    closed: tuple[DeadlineView, ...]
    decision: DeadlineView | None
    suspended_days_added: int


def load_case(work: Work, case_id: int) -> Case:
    case = work.session.get(Case, case_id, with_for_update=True)
    if case is None:
        raise NotFound("Nie znaleziono sprawy.")
    return case


def office_today(work: Work) -> date:
    """Today in the office's time zone, by the clock of the unit of work."""
    return work.now.astimezone(OFFICE_TZ).date()


def check_not_future(work: Work, day: date, field: str) -> None:
    if day > office_today(work):
        raise FieldError(field, "Data nie może być późniejsza niż dzisiejsza.")


def open_deficiency(work: Work, cal: LegalCalendar, case_id: int, delivered_on: date,
                    event: str, letter_id: int | None = None,
                    history: tuple[str, ...] = ()) -> Deadline:
    """Start the N-day deficiency deadline counted from delivery of the summons."""
    days = read_settings(work.session).deficiency_days
    return engine.open_deadline(work, cal, case_id, DeadlineSpec(
        _K.DEFICIENCY, event, delivered_on, days, PeriodUnit.DAYS, letter_id,
        history=history))


def open_decision(work: Work, cal: LegalCalendar, case: Case, complete_on: date,
                  event: str = "wpływ kompletnej prośby") -> Deadline:
    """Start the decision deadline of a deposit case that is complete on ``complete_on``."""
    if case.kind != CaseKind.DEPOSIT.value:
        raise FieldError("kind", "Termin rozpatrzenia dotyczy prośby o rozłożenie kaucji "
                                 "na raty.")
    if engine.open_rows(work, case.id, [_K.DECISION, _K.DELAY_NEW_DATE]):
        raise FieldError("deadline", "Termin rozpatrzenia tej sprawy już biegnie.",
                         "Termin rozpatrzenia")
    if case.complete_on is None:
        case.complete_on = complete_on
        work.audit_changes(case, "complete", case_id=case.id)
    months = read_settings(work.session).decision_months
    return engine.open_deadline(work, cal, case.id, DeadlineSpec(
        _K.DECISION, event, complete_on, months, PeriodUnit.MONTHS))


def start_initial_deadlines(work: Work, case: Case, complete: bool) -> list[Deadline]:
    """For intake, inside its transaction: the IOK target from filing, or the decision
    deadline of a deposit petition that is complete at registration."""
    cal = calendar_for(work.session)
    if case.kind == CaseKind.IOK.value:
        days = read_settings(work.session).iok_target_days
        return [engine.open_deadline(work, cal, case.id, DeadlineSpec(
            _K.IOK_TARGET, "złożenie wniosku", case.received_on, days, PeriodUnit.DAYS))]
    if complete:
        return [open_decision(work, cal, case, case.received_on)]
    return []


def start_deficiency_deadline(ctx: AppContext, actor: Actor, case_id: int, delivered_on: date,
                              letter_id: int | None = None) -> DeadlineView:
    """Start the deficiency deadline from a delivery recorded outside the delivery desk."""
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        load_case(work, case_id)
        check_not_future(work, delivered_on, "delivered_on")
        row = open_deficiency(work, calendar_for(work.session), case_id, delivered_on,
                              "doręczenie wezwania", letter_id)
        return engine.to_view(row)


def start_decision_deadline(ctx: AppContext, actor: Actor, case_id: int,
                            complete_on: date) -> DeadlineView:
    """Start the one-month decision deadline of a complete deposit petition."""
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        case = load_case(work, case_id)
        check_not_future(work, complete_on, "complete_on")
        return engine.to_view(open_decision(work, calendar_for(work.session), case,
                                            complete_on))


def start_iok_target(ctx: AppContext, actor: Actor, case_id: int) -> DeadlineView:
    """Start the office's handling target of an IOK request (from the filing date)."""
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        case = load_case(work, case_id)
        if case.kind != CaseKind.IOK.value:
            raise FieldError("kind", "Termin obsługi dotyczy wniosków IOK.")
        if engine.open_rows(work, case_id, [_K.IOK_TARGET]):
            raise FieldError("deadline", "Termin obsługi tego wniosku już biegnie.",
                             "Termin obsługi")
        rows = start_initial_deadlines(work, case, complete=False)
        return engine.to_view(rows[0])


def mark_deadline_met(ctx: AppContext, actor: Actor, deadline_id: int, version: int,
                      on: date) -> DeadlineView:
    """The act was done on ``on``: met when on time, otherwise recorded as missed."""
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        row = engine.load(work, deadline_id, version)
        check_not_future(work, on, "closed_on")
        if row.closed_on is not None or row.state not in (*engine.OPEN_STATES, _S.MISSED.value):
            raise FieldError("deadline", "Ten termin jest już zamknięty.")
        if row.state == _S.SUSPENDED.value:
            raise FieldError("deadline", "Bieg terminu jest wstrzymany (oczekiwanie na "
                                         "usunięcie braków).")
        engine.close(work, row, on)
        engine.refresh_next_deadline(work, [row.case_id])
        return engine.to_view(row)


def cancel_deadline(ctx: AppContext, actor: Actor, deadline_id: int, version: int,
                    reason: str) -> DeadlineView:
    """Cancel an open deadline (e.g. the request was withdrawn); a reason is required."""
    reason = (reason or "").strip()
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        if not reason:
            raise FieldError("reason", "Podaj powód anulowania terminu.", "Powód anulowania")
        row = engine.load(work, deadline_id, version)
        if row.closed_on is not None:
            raise FieldError("deadline", "Ten termin jest już zamknięty.")
        row.explanation = f"{row.explanation}\nAnulowano: {reason}"
        engine.close(work, row, office_today(work), cancelled=True)
        engine.refresh_next_deadline(work, [row.case_id])
        return engine.to_view(row)


def extend_deadline(ctx: AppContext, actor: Actor, deadline_id: int, version: int,
                    new_due: date, reason: str) -> DeadlineView:
    """Move a running (or missed, unresolved) deadline to ``new_due``; reason required."""
    reason = (reason or "").strip()
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        if not reason:
            raise FieldError(REASON_FIELD, "Podaj powód przedłużenia terminu.",
                             "Powód przedłużenia")
        row = engine.load(work, deadline_id, version)
        today = office_today(work)
        if row.closed_on is not None or row.state not in (_S.RUNNING.value, _S.MISSED.value):
            raise FieldError("deadline", "Przedłużyć można tylko biegnący lub przekroczony, "
                                         "niezałatwiony termin.")
        if new_due <= row.due_on or new_due < today:
            raise FieldError(NEW_DUE_FIELD, "Nowy termin musi być późniejszy niż obecny "
                                            f"({format_date_pl(row.due_on)}) i nie wcześniejszy "
                                            "niż dzisiaj.")
        cal = calendar_for(work.session)
        off = cal.day_off_reason(new_due)
        if off:
            raise FieldError(NEW_DUE_FIELD, f"{format_date_pl(new_due)} to dzień wolny ({off}); "
                                            "wybierz dzień roboczy.")
        history = [line for line in (row.explanation or "").splitlines()
                   if line.startswith(engine.HISTORY_PREFIXES)]
        history.append(f"Poprzedni termin: {format_date_pl(row.due_on)} "
                       f"(przedłużono {format_date_pl(today)})")
        row.explanation = "\n".join(history)
        row.start_event, row.start_on = "przedłużenie terminu", today
        row.period_count, row.period_unit = (new_due - today).days, PeriodUnit.FIXED.value
        row.suspended_days, row.extended_reason, row.state = 0, reason, _S.RUNNING.value
        engine.apply(cal, row)
        work.audit_changes(row, "extend", case_id=row.case_id)
        engine.refresh_next_deadline(work, [row.case_id])
        return engine.to_view(row)


def list_case_deadlines(ctx: AppContext, actor: Actor, case_id: int) -> list[DeadlineView]:
    """All deadlines of a case, oldest first, with their explanation lines."""
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        rows = session.scalars(select(Deadline).where(Deadline.case_id == case_id)
                               .order_by(Deadline.start_on, Deadline.id))
        return [engine.to_view(r) for r in rows]


def refresh_missed(ctx: AppContext, today: date) -> int:
    """System job: mark running deadlines whose due date is before ``today`` as missed."""
    with unit_of_work(ctx, None) as work:
        rows = list(work.session.scalars(
            select(Deadline).where(Deadline.state == _S.RUNNING.value, Deadline.due_on < today)
            .order_by(Deadline.id).with_for_update()))
        for row in rows:
            row.state = _S.MISSED.value
            work.audit_changes(row, "missed", case_id=row.case_id)
        return len(rows)


def record_deficiencies_removed(ctx: AppContext, actor: Actor, case_id: int,
                                on: date) -> DeficienciesRemoved:
    """The applicant removed the deficiencies on ``on``: the deficiency deadline is closed
    (met, or missed when late), the case goes back to work, and the decision deadline of a
    deposit case starts on ``on`` or resumes with the waiting days added."""
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        case = load_case(work, case_id)
        check_not_future(work, on, "removed_on")
        if on < case.received_on:
            raise FieldError("removed_on", "Data jest wcześniejsza niż wpływ sprawy.")
        kind, old = CaseKind(case.kind), CaseStatus(case.status)
        new = CaseStatus.IN_PROGRESS if kind is CaseKind.DEPOSIT else CaseStatus.REGISTERED
        check_transition(kind, old, new)
        case.status = new
        if kind is CaseKind.DEPOSIT:
            case.complete_on = on
        work.audit_changes(case, "deficiencies_removed", case_id=case.id)
        cal = calendar_for(work.session)
        closed = engine.open_rows(work, case_id, [_K.DEFICIENCY], include_missed=True)
        for row in closed:
            engine.close(work, row, on)
        decision, added = None, 0
        if kind is CaseKind.DEPOSIT:
            suspended = [r for r in engine.open_rows(work, case_id, [_K.DECISION,
                                                                    _K.DELAY_NEW_DATE])
                         if r.state == _S.SUSPENDED.value]
            if suspended:
                added = engine.resume(work, cal, suspended[0], on)
                decision = suspended[0]
            elif not engine.open_rows(work, case_id, [_K.DECISION, _K.DELAY_NEW_DATE]):
                decision = open_decision(work, cal, case, on, "usunięcie braków formalnych")
        engine.refresh_next_deadline(work, [case_id])
        return DeficienciesRemoved(tuple(engine.to_view(r) for r in closed),
                                   engine.to_view(decision) if decision else None, added)
