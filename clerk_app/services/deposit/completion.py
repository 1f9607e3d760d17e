"""Completion of a deposit petition: a supplement or the clerk's edits remove deficiencies.

The day the deficiencies count as removed is the supplement's received date in the office's
time zone, or its posting date when it came by post (art. 57 § 5 pkt 2 KPA) — never the day
of the click. Once nothing is missing while the case waits for the applicant, the case goes
back to work, ``cases.complete_on`` records the day and ``DEFICIENCIES_REMOVED`` closes the
7 days and resumes (or starts) the decision month from it. A completion that arrives after
the 7 days but before the petition was left without consideration is accepted the same way.
A petition registered incomplete and completed before any summons starts its month
(``PETITION_COMPLETE``) from that day.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select

from clerk_app.domain.case_events import CaseEvent
from clerk_app.domain.cases import CaseStatus, Channel, DeadlineKind, IncomingKind
from clerk_app.domain.deposit_petition import PowerOfAttorneyForm
from clerk_app.domain.petition_checklist import PetitionItem
from clerk_app.domain.roles import Permission
from clerk_app.persistence.models import Case, DepositPetition, IncomingItem
from clerk_app.services.core.context import OFFICE_TZ, Actor, AppContext
from clerk_app.services.core.unit_of_work import Work, unit_of_work
from clerk_app.services.deadlines.days_off import calendar_for
from clerk_app.services.deadlines.events import apply_event
from clerk_app.services.deposit.overview import may_handle, read_overview
from clerk_app.services.deposit.workflow_common import (
    load_deposit_case,
    missing_of,
    move,
    open_deadline,
)
from clerk_app.services.deposit.workflow_types import DepositOverview

_S = CaseStatus


def _petition_signed(p: DepositPetition, on: date) -> None:
    p.petition_signed = True


def _statement(p: DepositPetition, on: date) -> None:
    p.has_property_statement = True


def _power_of_attorney(p: DepositPetition, on: date) -> None:
    p.has_power_of_attorney = True
    if p.power_of_attorney_form is None:  # the clerk corrects the form where it differs
        p.power_of_attorney_form = PowerOfAttorneyForm.ORIGINAL


def _stamp_duty(p: DepositPetition, on: date) -> None:
    p.stamp_duty_paid = True
    if p.stamp_duty_paid_on is None:  # the proof reached the office on that day at latest
        p.stamp_duty_paid_on = on


# What a supplement bringing each item records on the petition (the rent is entered by the
# clerk in the petition, not ticked at the counter).
SUPPLEMENT_MARKS: dict[PetitionItem, Callable[[DepositPetition, date], None]] = {
    PetitionItem.PETITION_SIGNED: _petition_signed,
    PetitionItem.PROPERTY_STATEMENT: _statement,
    PetitionItem.POWER_OF_ATTORNEY: _power_of_attorney,
    PetitionItem.STAMP_DUTY: _stamp_duty,
}


def effective_date(item: IncomingItem) -> date:
    """When an incoming item counts as filed: its posting date when it came by post
    (art. 57 § 5 pkt 2), otherwise the day it was received (office time zone)."""
    if Channel(item.channel) is Channel.POST and item.posted_on is not None:
        return item.posted_on
    return item.received_at.astimezone(OFFICE_TZ).date()


def completion_date(work: Work, case: Case) -> date:
    """The latest supplement's effective date, or the case's received date."""
    items = work.session.scalars(select(IncomingItem).where(
        IncomingItem.case_id == case.id, IncomingItem.kind == IncomingKind.SUPPLEMENT.value))
    dates = [effective_date(i) for i in items]
    return max(dates, default=case.received_on)


def evaluate_completion(work: Work, case: Case, on: date) -> bool:
    """Inside a unit of work: when nothing is missing, record the completion on ``on`` and
    report it to the deadlines. Returns True when the case became complete now (a case
    without a recorded petition is left alone)."""
    if work.session.get(DepositPetition, case.id) is None or missing_of(work.session, case.id):
        return False
    status = CaseStatus(case.status)
    cal = calendar_for(work.session)
    if status is _S.AWAITING_COMPLETION:
        if case.complete_on is None:
            case.complete_on = on
        move(work, case, _S.IN_PROGRESS, action="deficiencies_removed")
        apply_event(work, cal, case, CaseEvent.DEFICIENCIES_REMOVED, on)
        return True
    if status is _S.REGISTERED and open_deadline(
            work.session, case.id, (DeadlineKind.DECISION, DeadlineKind.DELAY_NEW_DATE)) is None:
        case.complete_on = on
        move(work, case, _S.IN_PROGRESS, action="complete")
        apply_event(work, cal, case, CaseEvent.PETITION_COMPLETE, on)
        return True
    return False


def apply_supplement(work: Work, case: Case, item: IncomingItem,
                     items: tuple[PetitionItem, ...]) -> bool:
    """Registration of a supplement (inside ``register_item``'s transaction): mark what it
    brings on the petition and re-evaluate the checklist on the supplement's date."""
    petition = work.session.get(DepositPetition, case.id)
    if petition is None:  # nothing recorded to complete: the item is registered only
        return False
    on = effective_date(item)
    for marked in dict.fromkeys(items):
        mark = SUPPLEMENT_MARKS.get(marked)
        if mark is not None:
            mark(petition, on)
    work.audit_changes(petition, "supplement", case_id=case.id)
    return evaluate_completion(work, case, on)


def reevaluate_completion(ctx: AppContext, actor: Actor, case_id: int) -> DepositOverview:
    """After the clerk edited the petition or the statement: re-evaluate the checklist; a
    complete petition counts as completed on the latest supplement's date."""
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        case, _petition = load_deposit_case(work, case_id)
        evaluate_completion(work, case, completion_date(work, case))
        work.session.flush()
        assert work.actor is not None
        return read_overview(work.session, case_id, ctx.today(),
                             may_handle(work.session, work.actor))
