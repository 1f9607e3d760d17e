"""Deadlines of a case: one transaction per action, role check, audit entry with case id.

Which event starts, suspends, resumes or ends which deadline is the table in
:mod:`clerk_app.domain.deadline_rules`; these functions report the event
(:func:`~clerk_app.services.deadlines.events.apply_event`) and check what the clerk entered.
:func:`refresh_missed` marks running deadlines past their due date as *missed*; such a
deadline stays open until the act is done, and still counts for ``cases.next_deadline``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from clerk_app.domain.case_events import CaseEvent
from clerk_app.domain.cases import (
    CaseKind,
    CaseStatus,
    DeadlineKind,
    DeadlineState,
    check_transition,
)
from clerk_app.domain.errors import FieldError
from clerk_app.domain.roles import Permission
from clerk_app.domain.text import format_date_pl
from clerk_app.persistence.models import Case, Deadline
from clerk_app.services.core.context import OFFICE_TZ, Actor, AppContext
from clerk_app.services.core.errors import NotFound
from clerk_app.services.core.unit_of_work import Work, read_as, unit_of_work
from clerk_app.services.deadlines import engine
from clerk_app.services.deadlines.days_off import calendar_for
from clerk_app.services.deadlines.events import EventFacts, apply_event
from clerk_app.services.deadlines.queries import delay_notice_date, read_case_deadlines
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


def start_initial_deadlines(work: Work, case: Case, complete: bool) -> list[Deadline]:
    """For intake, inside its transaction: the IOK target from filing, or the decision
    deadline of a deposit petition that is complete at registration."""
    cal = calendar_for(work.session)
    if case.kind == CaseKind.IOK.value:
        event = CaseEvent.IOK_REQUEST_FILED
    elif complete:
        event = CaseEvent.PETITION_COMPLETE
        case.complete_on = case.received_on
        work.audit_changes(case, "complete", case_id=case.id)
    else:
        return []
    return apply_event(work, cal, case, event, case.received_on).started


def start_deficiency_deadline(ctx: AppContext, actor: Actor, case_id: int, delivered_on: date,
                              letter_id: int | None = None) -> DeadlineView:
    """Start the deficiency deadline from a delivery recorded outside the delivery desk."""
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        case = load_case(work, case_id)
        check_not_future(work, delivered_on, "delivered_on")
        cal = calendar_for(work.session)
        outcome = apply_event(work, cal, case, CaseEvent.SUMMONS_DELIVERY_RECORDED,
                              delivered_on, EventFacts(letter_id=letter_id))
        return engine.to_view(cal, outcome.started[0])


def start_decision_deadline(ctx: AppContext, actor: Actor, case_id: int,
                            complete_on: date) -> DeadlineView:
    """Start the one-month decision deadline of a complete deposit petition."""
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        case = load_case(work, case_id)
        check_not_future(work, complete_on, "complete_on")
        if case.kind != CaseKind.DEPOSIT.value:
            raise FieldError("kind", "Termin rozpatrzenia dotyczy prośby o rozłożenie kaucji "
                                     "na raty.")
        if engine.open_rows(work, case.id, [_K.DECISION, _K.DELAY_NEW_DATE]):
            raise FieldError("deadline", "Termin rozpatrzenia tej sprawy już biegnie.",
                             "Termin rozpatrzenia")
        if case.complete_on is None:
            case.complete_on = complete_on
            work.audit_changes(case, "complete", case_id=case.id)
        cal = calendar_for(work.session)
        outcome = apply_event(work, cal, case, CaseEvent.PETITION_COMPLETE, complete_on)
        return engine.to_view(cal, outcome.started[0])


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
        return engine.to_view(calendar_for(work.session), rows[0])


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
        cal = calendar_for(work.session)
        value = engine.to_value(row).closed(on, CaseEvent.DEADLINE_MET, row.due_on)
        engine.change(work, cal, row, value, "close")
        engine.refresh_next_deadline(work, [row.case_id])
        return engine.to_view(cal, row)


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
        cal = calendar_for(work.session)
        value = engine.to_value(row).closed(office_today(work), CaseEvent.DEADLINE_CANCELLED,
                                            row.due_on, cancelled=True, note=reason)
        engine.change(work, cal, row, value, "cancel")
        engine.refresh_next_deadline(work, [row.case_id])
        return engine.to_view(cal, row)


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
        if (row.closed_on is not None or row.due_on is None
                or row.state not in (_S.RUNNING.value, _S.MISSED.value)):
            raise FieldError("deadline", "Przedłużyć można tylko biegnący lub przekroczony, "
                                         "niezałatwiony termin.")
        if new_due <= row.due_on or new_due < today:
            raise FieldError(NEW_DUE_FIELD, "Nowy termin musi być późniejszy niż obecny "
                                            f"({format_date_pl(row.due_on)}) i nie wcześniejszy "
                                            "niż dzisiaj.")
        cal = calendar_for(work.session)
        off = cal.office_day_off_reason(new_due)
        if off:
            raise FieldError(NEW_DUE_FIELD, f"{format_date_pl(new_due)} to dzień wolny ({off}); "
                                            "wybierz dzień roboczy.")
        value = engine.to_value(row).redated(today, new_due, reason, row.due_on)
        engine.change(work, cal, row, value, "extend")
        engine.refresh_next_deadline(work, [row.case_id])
        return engine.to_view(cal, row)


def list_case_deadlines(ctx: AppContext, actor: Actor, case_id: int) -> list[DeadlineView]:
    """All deadlines of a case, oldest first, with their explanation lines."""
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        return read_case_deadlines(session, case_id)


def propose_delay_new_date(ctx: AppContext, actor: Actor, case_id: int) -> date:
    """The new date a delay notice of the case proposes (domain rule, office calendar)."""
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        return delay_notice_date(calendar_for(session), ctx.today(),
                                 read_case_deadlines(session, case_id))


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
    """The applicant removed the deficiencies on ``on``: the case goes back to work and the
    event's effects apply (the 7 days close; the decision month resumes, or starts)."""
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        case = load_case(work, case_id)
        check_not_future(work, on, "removed_on")
        if on < case.received_on:
            raise FieldError("removed_on", "Data jest wcześniejsza niż wpływ sprawy.")
        kind, old = CaseKind(case.kind), CaseStatus(case.status)
        new = CaseStatus.IN_PROGRESS if kind is CaseKind.DEPOSIT else CaseStatus.REGISTERED
        check_transition(kind, old, new)
        case.status = new
        if kind is CaseKind.DEPOSIT and case.complete_on is None:
            case.complete_on = on  # the first completion: the month runs from here
        work.audit_changes(case, "deficiencies_removed", case_id=case.id)
        event = (CaseEvent.DEFICIENCIES_REMOVED if kind is CaseKind.DEPOSIT
                 else CaseEvent.IOK_REQUEST_COMPLETED)
        cal = calendar_for(work.session)
        outcome = apply_event(work, cal, case, event, on)
        decision = outcome.resumed[0][0] if outcome.resumed else None
        decision = decision or next((r for r in outcome.started
                                     if r.kind != _K.DEFICIENCY.value), None)
        added = outcome.resumed[0][1] if outcome.resumed else 0
        return DeficienciesRemoved(tuple(engine.to_view(cal, r) for r in outcome.ended),
                                   engine.to_view(cal, decision) if decision else None, added)
